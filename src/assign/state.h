// What every assignment method shares during one solve: the arc flows, the cost at those flows
// that the method equilibrates (the user cost, or the marginal cost for a system optimum), the
// shortest-path workspace and the all-or-nothing loading at the current costs.
#pragma once

#include <vector>

#include "bpr.h"
#include "landbridge/assign/problem.h"
#include "shortest_paths.h"

namespace landbridge::assign {

// One measure of a flow: see Iteration in problem.h. Sums in long double.
struct Measure {
  long double tstt = 0;        // sum v_a * routing cost_a(v_a)
  long double sptt = 0;        // sum over OD of demand x shortest path cost
  long double objective = 0;   // Beckmann (user equilibrium) or total user cost (system optimum)
  double relative_gap = 0, average_excess_cost = 0;
};

class State {
 public:
  State(const Network& net, const Demand& demand, Objective objective);

  const Network& net;
  const Demand& demand;
  const Objective objective;

  std::vector<double> flow;    // per arc
  std::vector<double> cost;    // routing cost per arc at `flow` (refresh_costs)
  std::vector<double> target;  // all-or-nothing flows at `cost` (measure, when asked)
  ShortestPaths paths;
  double loaded_demand = 0;    // total demand minus intrazonal

  // The cost a path choice sees on arc a at flow v: c(v), or c(v) + v c'(v) for system optimum.
  [[nodiscard]] double routing_cost(ArcId a, double v) const {
    const Arc& arc = net.arc(a);
    if (objective == Objective::user_equilibrium) return bpr::cost(arc, v);
    return bpr::cost(arc, v) + (v > 0 ? v : 0) * bpr::derivative(arc, v);
  }
  // Its derivative in v (the diagonal of the Hessian the conjugate directions use).
  [[nodiscard]] double routing_derivative(ArcId a, double v) const {
    const Arc& arc = net.arc(a);
    if (objective == Objective::user_equilibrium) return bpr::derivative(arc, v);
    return 2 * bpr::derivative(arc, v) + (v > 0 ? v : 0) * bpr::second_derivative(arc, v);
  }

  void refresh_costs();  // cost := routing cost at flow
  // Routes every demand on shortest paths under `costs`, writing the arc flows into `*out` when
  // given; returns SPTT under `costs`. Throws ProblemError for a destination with no path.
  long double load_all_or_nothing(const std::vector<double>& costs, std::vector<double>* out);
  // Refreshes costs, loads `target` when `with_target` and returns the measure of `flow`.
  Measure measure(bool with_target);

 private:
  std::vector<double> pending_;        // demand waiting at each vertex while a tree is unloaded
  std::vector<VertexId> destinations_;
};

}  // namespace landbridge::assign
