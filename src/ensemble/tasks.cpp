// run_tasks: the threads of one process, or (tasks_mpi.cpp) the ranks of an MPI job.
#include "landbridge/ensemble/tasks.h"

#include <sched.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <optional>
#include <thread>

#include "internal.h"

namespace landbridge::ensemble {

namespace detail {

unsigned worker_count(unsigned requested) {
  if (requested != 0) return requested;
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof(set), &set) == 0) {
    const int n = CPU_COUNT(&set);
    if (n > 0) return static_cast<unsigned>(n);
  }
  return std::max(1U, std::thread::hardware_concurrency());
}

std::string describe(const std::exception_ptr& e) {
  try {
    std::rethrow_exception(e);
  } catch (const std::exception& x) {
    return x.what();
  } catch (...) {
    return "unknown exception";
  }
}

std::string task_failure(std::size_t index, int rank, const std::string& what) {
  return "task " + std::to_string(index) + " failed on rank " + std::to_string(rank) + ": " + what;
}

}  // namespace detail

namespace {

std::vector<std::string> run_on_threads(std::size_t n, const TaskOptions& options,
                                        const std::function<std::string(std::size_t)>& task) {
  std::vector<std::string> results(n);
  std::vector<char> skipped(n, 0);
  std::size_t to_run = 0;
  for (std::size_t i = 0; i < n; ++i) {
    skipped[i] = options.skip && options.skip(i) ? 1 : 0;
    if (!skipped[i]) ++to_run;
  }
  std::atomic<std::size_t> next{0};
  std::atomic<bool> stop{false};
  std::mutex mutex;  // guards what follows and serialises the callbacks
  std::optional<std::pair<std::size_t, std::exception_ptr>> task_error;  // lowest index
  std::exception_ptr callback_error;
  std::size_t done = 0;

  auto worker = [&] {
    for (std::size_t i; !stop.load(std::memory_order_relaxed) &&
                        (i = next.fetch_add(1, std::memory_order_relaxed)) < n;) {
      if (skipped[i]) continue;
      std::string r;
      try {
        r = task(i);
      } catch (...) {
        std::lock_guard lock(mutex);
        if (!task_error || i < task_error->first) task_error.emplace(i, std::current_exception());
        stop.store(true, std::memory_order_relaxed);
        continue;
      }
      std::lock_guard lock(mutex);
      if (stop.load(std::memory_order_relaxed)) continue;  // a failure ended the run meanwhile
      ++done;
      try {
        if (options.on_result) options.on_result(i, r);
        if (options.keep_results) results[i] = std::move(r);
        if (options.progress) options.progress(done, to_run);
      } catch (...) {
        callback_error = std::current_exception();
        stop.store(true, std::memory_order_relaxed);
      }
    }
  };

  const std::size_t t = std::min<std::size_t>(detail::worker_count(options.threads), to_run);
  if (t <= 1) {
    worker();
  } else {
    std::vector<std::jthread> pool;
    pool.reserve(t);
    for (std::size_t k = 0; k < t; ++k) pool.emplace_back(worker);
  }  // joined here
  if (task_error) {
    throw TaskError(detail::task_failure(task_error->first, Ranks::get().rank(), detail::describe(task_error->second)),
                    task_error->second);
  }
  if (callback_error) std::rethrow_exception(callback_error);
  return results;
}

}  // namespace

std::vector<std::string> run_tasks(std::size_t n, const TaskOptions& options,
                                   const std::function<std::string(std::size_t)>& task) {
#ifdef LANDBRIDGE_HAVE_MPI
  const Ranks& ranks = Ranks::get();
  if (ranks.mpi() && ranks.size() > 1) return detail::run_tasks_mpi(n, options, task);
#endif
  return run_on_threads(n, options, task);
}

}  // namespace landbridge::ensemble
