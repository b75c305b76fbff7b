// The solver driver's internal interface. solve() (solve.cpp) owns a State, asks an Algorithm
// for a first feasible flow, then alternates one Algorithm::iterate step with its own measure
// of the gap, logging and stopping at the target gap, the iteration limit or the time limit.
//
// An algorithm keeps whatever it needs between iterations (previous directions, bushes) in
// itself; what every method shares (arc flows, costs at those flows, the shortest-path
// workspace, the all-or-nothing load at the current costs) lives in State.
#pragma once

#include <memory>

#include "landbridge/assign/problem.h"
#include "state.h"

namespace landbridge::assign {

class Algorithm {
 public:
  virtual ~Algorithm() = default;
  // Leaves in state.flow a feasible flow: every demand routed. The default is an
  // all-or-nothing load at zero flow (or Options::warm_start when the method accepts one).
  virtual void init(State& state) = 0;
  // One step from state.flow; state.cost, state.target and state.sptt hold what the driver's
  // last State::measure() computed at that flow. Must leave state.flow feasible.
  virtual void iterate(State& state) = 0;
  // Whether State::measure() must load the all-or-nothing target (Frank-Wolfe directions);
  // a method that only needs the gap answers false and saves the loading.
  [[nodiscard]] virtual bool needs_target() const { return true; }
  // Whether iterating can change anything (false: all-or-nothing, measured once).
  [[nodiscard]] virtual bool iterative() const { return true; }
};

// The algorithm for options.method (registry.cpp). Throws ProblemError for a method not built.
std::unique_ptr<Algorithm> make_algorithm(const Options& options);

// Frank-Wolfe family (frank_wolfe.cpp): plain, conjugate, bi-conjugate directions.
enum class Direction : std::uint8_t { frank_wolfe, conjugate, biconjugate };
std::unique_ptr<Algorithm> make_frank_wolfe(Direction direction, const Options& options);
std::unique_ptr<Algorithm> make_all_or_nothing();

}  // namespace landbridge::assign
