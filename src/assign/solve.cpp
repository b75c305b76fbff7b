// The solver driver: first flow, then iterate / measure until the gap, the iteration limit or
// the time limit says stop.
#include <chrono>

#include "algorithm.h"

namespace landbridge::assign {

Result solve(const Network& net, const Demand& demand, const Options& options) {
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  const auto elapsed = [&] { return std::chrono::duration<double>(Clock::now() - start).count(); };

  std::unique_ptr<Algorithm> algorithm = make_algorithm(options);
  State state(net, demand, options.objective);
  algorithm->init(state);

  Result result;
  const auto record = [&](int iteration, const Measure& m) {
    Iteration it;
    it.iteration = iteration;
    it.relative_gap = m.relative_gap;
    it.average_excess_cost = m.average_excess_cost;
    it.objective = static_cast<double>(m.objective);
    it.seconds = elapsed();
    result.log.push_back(it);
    result.relative_gap = it.relative_gap;
    result.average_excess_cost = it.average_excess_cost;
    result.objective = it.objective;
    result.tstt = static_cast<double>(m.tstt);
    result.sptt = static_cast<double>(m.sptt);
    result.iterations = iteration;
    if (options.progress) options.progress(it);
  };

  const bool with_target = algorithm->needs_target();
  Measure m = state.measure(with_target);
  record(0, m);
  int iteration = 0;
  while (algorithm->iterative() && m.relative_gap > options.target_gap &&
         iteration < options.max_iterations && elapsed() < options.max_seconds) {
    algorithm->iterate(state);
    m = state.measure(with_target);
    record(++iteration, m);
  }

  result.flow = state.flow;
  result.cost.resize(net.arc_count());
  for (std::size_t i = 0; i < net.arc_count(); ++i) result.cost[i] = net.cost(ArcId::from(i), state.flow[i]);
  result.converged = result.relative_gap <= options.target_gap;
  result.seconds = elapsed();
  return result;
}

}  // namespace landbridge::assign
