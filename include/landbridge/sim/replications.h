// Independent replications, run in parallel, reported with Student-t confidence intervals.
//
//   auto waits = run_replications(30, 4, [&](std::size_t r) { return run_model(r); });
//   Estimate w = confidence_interval(waits, 0.95);     // w.mean ± w.half_width
//
// fn(r) must depend on r alone (replication r draws from substream r of its streams, see
// random.h). Results are stored by replication index, so the returned vector, and every
// figure computed from it in index order, is the same whatever the number of threads.
//
// A std::stop_token lets a caller (a service's job queue) stop a run: no replication starts
// after the stop is requested, and the run throws Cancelled once the running ones have ended
// (fn may watch the same token to end its own replication early).
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <optional>
#include <span>
#include <stop_token>
#include <thread>
#include <type_traits>
#include <vector>

#include "landbridge/core/error.h"

namespace landbridge::sim {

// A run (or one replication) that stopped because its stop token was requested.
class Cancelled : public Error {
 public:
  Cancelled() : Error("simulation cancelled") {}
};

// Runs fn(0) ... fn(n-1) on `threads` threads (0: one per hardware thread) and returns the
// results in index order. If replications throw, rethrows the one with the lowest index
// after all threads have stopped. Once `stop` is requested no further replication starts;
// when any was left out the run throws Cancelled (after the running ones have returned).
template <class Fn>
auto run_replications(std::size_t n, unsigned threads, Fn&& fn, std::stop_token stop = {})
    -> std::vector<std::invoke_result_t<Fn&, std::size_t>> {
  using R = std::invoke_result_t<Fn&, std::size_t>;
  std::vector<std::optional<R>> slots(n);
  std::vector<std::exception_ptr> errors(n);
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i; !stop.stop_requested() && (i = next.fetch_add(1, std::memory_order_relaxed)) < n;) {
      try {
        slots[i].emplace(fn(i));
      } catch (...) {
        errors[i] = std::current_exception();
      }
    }
  };
  if (threads == 0) threads = std::max(1U, std::thread::hardware_concurrency());
  const std::size_t t = std::min<std::size_t>(threads, n);
  if (t <= 1) {
    worker();
  } else {
    std::vector<std::jthread> pool;
    pool.reserve(t);
    for (std::size_t k = 0; k < t; ++k) pool.emplace_back(worker);
  }  // jthreads join here
  for (auto& e : errors) {
    if (e) std::rethrow_exception(e);
  }
  if (std::any_of(slots.begin(), slots.end(), [](const auto& s) { return !s.has_value(); })) throw Cancelled();
  std::vector<R> out;
  out.reserve(n);
  for (auto& s : slots) out.push_back(std::move(*s));
  return out;
}

// A mean with its confidence interval.
struct Estimate {
  std::size_t n = 0;
  double mean = 0.0;
  double stddev = 0.0;      // sample standard deviation of the observations
  double half_width = 0.0;  // t(1 - (1 - confidence)/2, n - 1) * stddev / sqrt(n)
  double confidence = 0.0;
  [[nodiscard]] double lo() const { return mean - half_width; }
  [[nodiscard]] double hi() const { return mean + half_width; }
  [[nodiscard]] bool contains(double x) const { return lo() <= x && x <= hi(); }
};

// Student-t interval for the mean of independent observations (at least two).
Estimate confidence_interval(std::span<const double> xs, double confidence = 0.95);

// Distribution function and quantile of Student's t with dof > 0 degrees of freedom.
double student_t_cdf(double t, double dof);
double student_t_quantile(double p, double dof);

}  // namespace landbridge::sim
