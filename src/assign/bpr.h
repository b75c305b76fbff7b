// The BPR volume-delay function and the derivatives the solvers need, in one place.
//
//   t(v) = t0 * (1 + alpha * (v / cap)^beta)
//
// Flows below zero (round-off of a line search) count as zero; 0^0 counts as 1 so that beta = 0
// is a constant cost t0 * (1 + alpha). A power below 1 has an unbounded slope at v = 0: the
// derivatives are taken at a tiny positive flow instead.
#pragma once

#include <cmath>

#include "landbridge/assign/problem.h"

namespace landbridge::assign::bpr {

// The part of t(v) that grows with the flow, without t0: alpha * (v / cap)^beta.
inline double ratio_power(const Arc& a, double v, double power) {
  if (power == 0) return 1;
  const double x = v > 0 ? v / a.capacity : 0;
  if (x == 0) return 0;
  if (power == 1) return x;
  if (power == 2) return x * x;
  if (power == 4) {
    const double x2 = x * x;
    return x2 * x2;
  }
  return std::pow(x, power);
}

inline bool constant(const Arc& a) { return a.alpha == 0 || std::isinf(a.capacity); }

inline double travel_time(const Arc& a, double v) {
  if (constant(a)) return a.free_time;
  return a.free_time * (1 + a.alpha * ratio_power(a, v, a.beta));
}

inline double cost(const Arc& a, double v) { return a.fixed_cost + travel_time(a, v); }

// Flow below which the slope of a power under 1 is evaluated (relative to the capacity).
inline constexpr double kTinyFlowShare = 1e-12;

inline double derivative(const Arc& a, double v) {
  if (constant(a) || a.beta == 0) return 0;
  double x = v > 0 ? v : 0;
  if (a.beta < 1 && x < kTinyFlowShare * a.capacity) x = kTinyFlowShare * a.capacity;
  return a.free_time * a.alpha * a.beta / a.capacity * ratio_power(a, x, a.beta - 1);
}

inline double second_derivative(const Arc& a, double v) {
  if (constant(a) || a.beta == 0 || a.beta == 1) return 0;
  double x = v > 0 ? v : 0;
  if (a.beta < 2 && x < kTinyFlowShare * a.capacity) x = kTinyFlowShare * a.capacity;
  return a.free_time * a.alpha * a.beta * (a.beta - 1) / (a.capacity * a.capacity) *
         ratio_power(a, x, a.beta - 2);
}

// Integral of cost from 0 to v (the Beckmann term).
inline double integral(const Arc& a, double v) {
  const double x = v > 0 ? v : 0;
  if (constant(a)) return (a.fixed_cost + a.free_time) * x;
  return (a.fixed_cost + a.free_time) * x +
         a.free_time * a.alpha * a.capacity / (a.beta + 1) * ratio_power(a, x, a.beta + 1);
}

}  // namespace landbridge::assign::bpr
