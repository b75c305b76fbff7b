// Service times of node operations: the distributions a scenario or package may choose.
#include <algorithm>
#include <cmath>

#include "plan.h"

namespace landbridge::corridor::engine {

ServiceDraw ServiceDraw::from_spec(const ServiceTimeSpec& s) {
  using D = ServiceTimeSpec::Dist;
  ServiceDraw d;
  switch (s.dist) {
    case D::fixed:
      d.d_ = s.value_h;
      break;
    case D::exponential:
      d.d_ = sim::Exponential(s.mean_h);
      break;
    case D::lognormal:
      d.d_ = sim::LogNormal::from_mean_sd(s.mean_h, s.cv * s.mean_h);
      break;
    case D::triangular:
      d.d_ = sim::Triangular(s.min_h, s.mode_h, s.max_h);
      break;
    case D::pert:
      d.d_ = sim::Pert(s.min_h, s.mode_h, s.max_h);
      break;
    case D::empirical:
      d.d_ = sim::EmpiricalDiscrete(s.values_h, std::vector<double>(s.values_h.size(), 1.0));
      break;
  }
  return d;
}

ServiceDraw ServiceDraw::from_range(double lo_h, double value_h, double hi_h) {
  if (!(hi_h > lo_h)) return fixed(value_h);
  ServiceDraw d;
  d.d_ = sim::Triangular(lo_h, std::clamp(value_h, lo_h, hi_h), hi_h);
  return d;
}

double ServiceDraw::operator()(sim::RandomStream& rs) const {
  return std::visit(
      [&rs](const auto& x) -> double {
        if constexpr (std::is_same_v<std::decay_t<decltype(x)>, double>) {
          return x;
        } else {
          return x(rs);
        }
      },
      d_);
}

}  // namespace landbridge::corridor::engine
