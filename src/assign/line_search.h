// Exact line search of the Frank-Wolfe family.
#pragma once

#include <cstdint>
#include <vector>

#include "state.h"

namespace landbridge::assign {

// The step tau in [0, 1] that minimises the objective along state.flow + tau * direction: the
// root of the directional derivative g(tau) = sum_a d_a * routing_cost_a(v_a + tau d_a), which
// increases with tau (the costs are non-decreasing). Newton steps on g, kept inside a bracket
// that bisection shrinks whenever Newton would leave it; sums in long double.
// Returns 0 when `direction` is not a descent direction (g(0) >= 0). `support` is the caller's
// scratch for the arcs the direction moves, kept from one iteration to the next.
double line_search(const State& state, const std::vector<double>& direction, std::vector<std::uint32_t>& support);

}  // namespace landbridge::assign
