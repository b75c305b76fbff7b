// Single-objective router: the best path for time, cost, CO2e or generalized cost.
//
// Dijkstra over link states (see graph.h), with the start transfer at the origin, a turn's
// transfer between links and the end transfer at the destination. With a transshipment limit
// the state is (link, transshipments so far), one layer per allowed count. Labels are ordered
// by (objective value, time, cost, CO2e), so ties resolve the same way on every run and the
// result is the lexicographic minimum. The search stops once the best destination label is
// no worse than the next label in the queue.
//
// A Router keeps its arrays and heap between queries (time-stamped, never cleared), so a
// query allocates nothing after the first ones on a network — except the returned Path.
#pragma once

#include <memory>
#include <optional>

#include "landbridge/route/graph.h"

namespace landbridge::route {

class Router {
 public:
  explicit Router(const RoutingGraph& g);
  ~Router();
  Router(Router&&) noexcept;
  Router& operator=(Router&&) noexcept;

  // Best path from `from` to `to` under `w`; nullopt when there is none (or from == to).
  std::optional<Path> best(NodeId from, NodeId to, const Weights& w, Objective objective);

  // States settled by the last query (for benchmarks).
  [[nodiscard]] std::size_t settled() const;

 private:
  struct State;
  const RoutingGraph* g_;
  std::unique_ptr<State> s_;
};

}  // namespace landbridge::route
