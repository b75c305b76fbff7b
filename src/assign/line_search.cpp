#include "line_search.h"

#include <cmath>

namespace landbridge::assign {

namespace {

struct Slope {
  long double g = 0, dg = 0;
};

Slope slope(const State& s, const std::vector<std::uint32_t>& arcs, const std::vector<double>& d, double tau) {
  Slope out;
  for (std::uint32_t i : arcs) {
    const ArcId a(i);
    const double v = s.flow[i] + tau * d[i];
    out.g += static_cast<long double>(d[i]) * s.routing_cost(a, v);
    out.dg += static_cast<long double>(d[i]) * d[i] * s.routing_derivative(a, v);
  }
  return out;
}

}  // namespace

double line_search(const State& state, const std::vector<double>& direction, std::vector<std::uint32_t>& arcs) {
  arcs.clear();
  for (std::size_t i = 0; i < direction.size(); ++i)
    if (direction[i] != 0) arcs.push_back(static_cast<std::uint32_t>(i));
  if (arcs.empty()) return 0;
  const Slope at0 = slope(state, arcs, direction, 0);
  if (at0.g >= 0) return 0;
  const Slope at1 = slope(state, arcs, direction, 1);
  if (at1.g <= 0) return 1;
  double lo = 0, hi = 1;
  // Start where the secant through g(0) and g(1) crosses zero.
  double tau = static_cast<double>(at0.g / (at0.g - at1.g));
  for (int step = 0; step < 100; ++step) {
    const Slope here = slope(state, arcs, direction, tau);
    if (here.g == 0) return tau;
    if (here.g > 0)
      hi = tau;
    else
      lo = tau;
    double next = here.dg > 0 ? tau - static_cast<double>(here.g / here.dg) : 0.5 * (lo + hi);
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (std::fabs(next - tau) <= 1e-15 * (1 + tau) || hi - lo <= 1e-15) return next;
    tau = next;
  }
  return tau;
}

}  // namespace landbridge::assign
