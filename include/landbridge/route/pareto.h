// Pareto router: every non-dominated path over (time, cost, CO2e), optionally also over the
// number of transshipments.
//
// Multi-criteria label setting on link states (graph.h). Each link keeps a bag of labels
// (criteria so far, transshipments, parent); a new label enters a bag only if no label there
// weakly dominates it, and evicts the labels it dominates. Labels leave a lexicographic
// priority queue ordered by (time, cost, CO2e) + lower bound. Lower bounds are exact
// per-criterion distances to the destination (three backward Dijkstra runs over the same
// link states); a label is pruned when a destination label weakly dominates its criteria plus
// lower bounds (target pruning). Criteria are integers (minutes, cents, grams), so dominance
// is exact: the result has one path per distinct non-dominated criteria vector.
//
// Sane paths only: a path never re-enters a country it has left, nor passes a node twice.
// Each label carries the set of countries its path has left (64-bit, RoutingGraph::country_bit);
// a label dominates another in a bag only if its set is a subset of the other's, so the
// country rule prunes nothing that a sane path needs. A node passed twice lies within the path's
// last stretch in one country (re-entry being barred) and is checked there: such a cycle
// could only pay through a cheaper transfer, and is not offered. The lower bounds ignore both
// rules (they stay bounds). Cross-checked against enumerating every sane path
// (tests/route/random_test.cpp).
//
// With a transshipment limit (or transshipments as a criterion) the count joins the criteria
// inside the bags: a label with fewer transshipments survives next to a faster one with more,
// since only it may still be extended within the limit. Labels over the limit are dropped.
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

#include "landbridge/route/graph.h"

namespace landbridge::route {

struct ParetoOptions {
  bool transshipments_criterion = false;  // also minimise the number of transshipments
  std::size_t max_labels = 0;             // stop after creating this many labels (0 = no limit)
  // Caps on the Pareto set (0 = no cap): at most max_bag labels alive per link bag and at most
  // max_results paths at the destination. Labels leave the queue in (time, cost, CO2e) order
  // plus lower bounds, so the rule is "first come, first kept": a new label that dominates
  // none of a full bag (or of a full result) is not kept, and stats().capped says so. A new
  // label that dominates some still replaces them. The answer is then the non-dominated paths
  // found first (the faster ones); some of them may be dominated by a path that was cut.
  std::size_t max_bag = 0;
  std::size_t max_results = 0;
};

struct ParetoStats {
  std::size_t labels = 0;   // labels created
  std::size_t popped = 0;   // labels taken from the queue and expanded
  bool truncated = false;   // max_labels was reached: the result may be incomplete
  bool capped = false;      // max_bag or max_results cut the Pareto set
};

class ParetoRouter {
 public:
  explicit ParetoRouter(const RoutingGraph& g);
  ~ParetoRouter();
  ParetoRouter(ParetoRouter&&) noexcept;
  ParetoRouter& operator=(ParetoRouter&&) noexcept;

  // The Pareto set from `from` to `to`, one path per criteria vector, sorted by time, then
  // cost, CO2e and transshipments. Empty when there is no path (or from == to).
  std::vector<Path> pareto(NodeId from, NodeId to, const Weights& w, const ParetoOptions& opts = {});

  [[nodiscard]] const ParetoStats& stats() const;

 private:
  struct State;
  const RoutingGraph* g_;
  std::unique_ptr<State> s_;
};

}  // namespace landbridge::route
