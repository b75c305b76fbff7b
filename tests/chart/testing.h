// Helpers for the chart tests: a portable seeded generator and a compact way to write series.
#pragma once

#include <cstdint>
#include <string>

#include "landbridge/chart/series.h"

namespace landbridge::chart::testing {

// SplitMix64: the same numbers on every compiler.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : s_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (s_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // Uniform integer in [lo, hi] (modulo bias is irrelevant for tests).
  std::int64_t between(std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(hi - lo + 1));
  }

 private:
  std::uint64_t s_;
};

// Writes a series step by step with increments:
//   SeriesWriter("all-sea", "JPHKT").node("handling", 10, 0).leg("deep_sea", "NLRTM", 20000, 780, 3500, 1500)
class SeriesWriter {
 public:
  SeriesWriter(std::string label, std::string origin) {
    s_.label = std::move(label);
    p_.node = std::move(origin);
    s_.points.push_back(p_);
  }
  SeriesWriter& leg(std::string what, std::string to, double km, double h, double usd_, double kg = 0) {
    p_.kind = PointKind::leg;
    p_.km += Kilometres(km);
    p_.node = std::move(to);
    return add(std::move(what), h, usd_, kg);
  }
  SeriesWriter& node(std::string what, double h, double usd_, double kg = 0) {
    p_.kind = PointKind::node;
    return add(std::move(what), h, usd_, kg);
  }
  SeriesWriter& wait(std::string what, double h) {
    p_.kind = PointKind::wait;
    return add(std::move(what), h, 0, 0);
  }
  SeriesWriter& at(std::string code) {  // the next node steps happen here (no movement)
    p_.node = std::move(code);
    return *this;
  }
  [[nodiscard]] ChartSeries done() const { return s_; }

 private:
  SeriesWriter& add(std::string what, double h, double usd_, double kg) {
    p_.what = std::move(what);
    p_.time += hours(h);
    p_.cost += usd(usd_);
    p_.co2e += kg_co2e(kg);
    s_.points.push_back(p_);
    return *this;
  }
  ChartSeries s_;
  ChartPoint p_;
};

}  // namespace landbridge::chart::testing
