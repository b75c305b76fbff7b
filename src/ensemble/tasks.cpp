// run_tasks on the threads of one process.
#include "landbridge/ensemble/tasks.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>

namespace landbridge::ensemble {

namespace {

std::string describe(const std::exception_ptr& e) {
  try {
    std::rethrow_exception(e);
  } catch (const std::exception& x) {
    return x.what();
  } catch (...) {
    return "unknown exception";
  }
}

}  // namespace

std::vector<std::string> run_tasks(std::size_t n, const TaskOptions& options,
                                   const std::function<std::string(std::size_t)>& task) {
  const Ranks& ranks = Ranks::get();
  std::vector<std::string> results(n);
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::mutex mutex;  // guards first_error, done and the callbacks
  std::optional<std::pair<std::size_t, std::exception_ptr>> first_error;
  std::size_t done = 0;
  std::size_t to_run = 0;
  std::vector<char> skipped(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    skipped[i] = options.skip && options.skip(i) ? 1 : 0;
    if (!skipped[i]) ++to_run;
  }

  auto worker = [&] {
    for (std::size_t i; !failed.load(std::memory_order_relaxed) &&
                        (i = next.fetch_add(1, std::memory_order_relaxed)) < n;) {
      if (skipped[i]) continue;
      try {
        std::string r = task(i);
        std::lock_guard lock(mutex);
        results[i] = std::move(r);
        ++done;
        if (options.on_result) options.on_result(i, results[i]);
        if (options.progress) options.progress(done, to_run);
      } catch (...) {
        std::lock_guard lock(mutex);
        if (!first_error || i < first_error->first) first_error.emplace(i, std::current_exception());
        failed.store(true, std::memory_order_relaxed);
      }
    }
  };

  unsigned threads = options.threads == 0 ? std::max(1U, std::thread::hardware_concurrency())
                                          : options.threads;
  const std::size_t t = std::min<std::size_t>(threads, to_run);
  if (t <= 1) {
    worker();
  } else {
    std::vector<std::jthread> pool;
    pool.reserve(t);
    for (std::size_t k = 0; k < t; ++k) pool.emplace_back(worker);
  }
  if (first_error) {
    throw TaskError("task " + std::to_string(first_error->first) + " failed on rank " +
                    std::to_string(ranks.rank()) + ": " + describe(first_error->second));
  }
  return results;
}

}  // namespace landbridge::ensemble
