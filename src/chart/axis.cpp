// Nice 1-2-5 axis steps and locale-free number formatting.
#include "landbridge/chart/axis.h"

#include <fmt/format.h>

#include <cmath>

#include "landbridge/core/error.h"

namespace landbridge::chart {

namespace {

// Whole steps within `extent`, tolerant of rounding in the division.
long long intervals(double extent, double step) { return std::llround(std::floor(extent / step * (1 + 1e-12))); }

}  // namespace

double nice_step(double extent, int max_ticks) {
  if (!(extent > 0) || !std::isfinite(extent) || max_ticks < 1)
    throw Error(fmt::format("nice_step: need extent > 0 and max_ticks >= 1, got {} and {}", extent, max_ticks));
  const double raw = extent / max_ticks;
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  // extent / (10 mag) <= max_ticks, so one of 1, 2, 5, 10 (× mag) always fits; start one
  // decade lower in case log10 rounded up.
  for (double decade : {mag / 10, mag}) {
    for (double m : {1.0, 2.0, 5.0}) {
      const double step = m * decade;
      if (intervals(extent, step) <= max_ticks) return step;
    }
  }
  return 10 * mag;
}

Axis make_axis(double data_max, int max_ticks, double headroom) {
  if (max_ticks < 2) throw Error(fmt::format("make_axis: need max_ticks >= 2, got {}", max_ticks));
  Axis a;
  a.max = data_max > 0 ? data_max * (1 + headroom) : 1.0;
  a.step = nice_step(a.max, max_ticks);
  for (long long i = 0;; ++i) {
    const double t = static_cast<double>(i) * a.step;
    if (t > a.max * (1 + 1e-12)) break;
    a.ticks.push_back(t);
  }
  a.decimals = a.step >= 1 ? 0 : static_cast<int>(std::ceil(-std::log10(a.step) - 1e-9));
  return a;
}

Axis make_axis_between(double lo, double hi, int max_ticks) {
  if (max_ticks < 2 || !std::isfinite(lo) || !std::isfinite(hi) || lo > hi)
    throw Error(fmt::format("make_axis_between: need finite lo <= hi and max_ticks >= 2, got [{}, {}] and {}", lo, hi,
                            max_ticks));
  if (lo == hi) {
    const double half = lo == 0 ? 0.5 : std::pow(10.0, std::floor(std::log10(std::fabs(lo)))) / 2;
    if (lo == 0) {
      hi = 1;
    } else {
      lo -= half;
      hi += half;
    }
  }
  Axis a;
  // Rounding outwards adds up to two steps: take the next 1-2-5 step until the range fits.
  a.step = nice_step(hi - lo, max_ticks);
  for (;;) {
    a.min = std::floor(lo / a.step + 1e-9) * a.step;
    a.max = std::ceil(hi / a.step - 1e-9) * a.step;
    if (a.min > lo) a.min -= a.step;  // the tolerance must not cut the data
    if (a.max < hi) a.max += a.step;
    if (intervals(a.max - a.min, a.step) <= max_ticks) break;
    const double mag = std::pow(10.0, std::floor(std::log10(a.step) + 1e-9));
    const double m = std::round(a.step / mag);
    a.step = (m < 2 ? 2 : m < 5 ? 5 : 10) * mag;
  }
  if (a.min == 0) a.min = 0;  // no "-0"
  a.ticks.clear();
  const long long n = intervals(a.max - a.min, a.step);
  for (long long i = 0; i <= n; ++i) a.ticks.push_back(a.min + static_cast<double>(i) * a.step);
  a.decimals = a.step >= 1 ? 0 : static_cast<int>(std::ceil(-std::log10(a.step) - 1e-9));
  return a;
}

std::string format_number(double v, int decimals) {
  std::string s = fmt::format("{:.{}f}", std::fabs(v), decimals);
  if (s.find_first_not_of("0.") == std::string::npos) return s;  // no "-0"
  const std::size_t dot = s.find('.');
  const std::size_t int_len = dot == std::string::npos ? s.size() : dot;
  std::string out;
  if (v < 0) out += '-';
  for (std::size_t i = 0; i < int_len; ++i) {
    if (i > 0 && (int_len - i) % 3 == 0) out += ',';
    out += s[i];
  }
  out += s.substr(int_len);
  return out;
}

}  // namespace landbridge::chart
