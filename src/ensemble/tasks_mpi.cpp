// run_tasks over the ranks of an MPI job: the root hands out task indices one at a time as
// ranks ask for them, and gathers the results.
//
// Every rank runs `threads` worker threads that compute; MPI is called from the main thread
// only (MPI_THREAD_FUNNELED). On the root the main thread serves: it answers requests for the
// next index (from other ranks, by message; its own workers take indices directly), receives
// results, stores them by index and calls on_result and progress. On the other ranks the main
// thread relays: one request per idle worker, the worker's result back to the root, then a
// new request. Each request is answered by one index, or by "no more" once the tasks are
// handed out or a task failed; a rank whose workers all got "no more" tells the root it is
// done, and when all are, the root broadcasts the outcome (success, or the failure's message),
// so that every rank returns or throws together and MPI can be finalised cleanly.
//
// Messages (on a duplicate of MPI_COMM_WORLD): kRequest (empty), kAssign (one int64, -1 for
// "no more"), kResult and kError (8-byte index, then the result bytes or the error message),
// kDone (empty). Waiting loops poll and sleep rather than block in MPI, whose blocking calls
// spin a core at 100 % (ranks may share cores with the workers).
#include <mpi.h>

#include <algorithm>
#include <atomic>
#include <climits>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>

#include "internal.h"
#include "landbridge/ensemble/tasks.h"
#include "mpi_comm.h"

namespace landbridge::ensemble::detail {

namespace {

enum Tag : int { kRequest = 1, kAssign = 2, kResult = 3, kError = 4, kDone = 5 };
constexpr std::int64_t kNoMore = -1;
constexpr int kRoot = 0;

// What a worker hands to its main thread.
struct Outcome {
  std::size_t index = 0;
  std::string bytes;  // the result, or the error's message when failed
  bool failed = false;
  std::exception_ptr error;  // the task's exception (root's own workers only)
};

std::string with_index(std::size_t index, const std::string& body) {
  std::string out(8, '\0');
  auto v = static_cast<std::uint64_t>(index);
  for (int b = 0; b < 8; ++b) out[static_cast<std::size_t>(b)] = static_cast<char>((v >> (8 * b)) & 0xFFU);
  out += body;
  return out;
}

std::size_t index_of(const std::string& message) {
  if (message.size() < 8) throw Error("run_tasks: a message from another rank is shorter than its index");
  std::uint64_t v = 0;
  for (int b = 7; b >= 0; --b) v = (v << 8) | static_cast<unsigned char>(message[static_cast<std::size_t>(b)]);
  return static_cast<std::size_t>(v);
}

void send_bytes(const std::string& bytes, int dest, int tag) {
  if (bytes.size() > static_cast<std::size_t>(INT_MAX))
    throw Error("run_tasks: a task's result of " + std::to_string(bytes.size()) + " bytes is over MPI's 2 GiB");
  check(MPI_Send(bytes.data(), static_cast<int>(bytes.size()), MPI_BYTE, dest, tag, task_comm()), "MPI_Send");
}

void send_empty(int dest, int tag) { check(MPI_Send(nullptr, 0, MPI_BYTE, dest, tag, task_comm()), "MPI_Send"); }

// Receives the message that `status` (from MPI_Iprobe) describes.
std::string receive_bytes(const MPI_Status& status) {
  int count = 0;
  check(MPI_Get_count(&status, MPI_BYTE, &count), "MPI_Get_count");
  std::string bytes(static_cast<std::size_t>(count), '\0');
  check(MPI_Recv(bytes.data(), count, MPI_BYTE, status.MPI_SOURCE, status.MPI_TAG, task_comm(), MPI_STATUS_IGNORE),
        "MPI_Recv");
  return bytes;
}

// Every rank must have been given the same n; else all of them throw the same error.
void agree_on_count(std::size_t n) {
  std::uint64_t mine[2] = {n, UINT64_MAX - n};
  std::uint64_t all[2] = {0, 0};
  MPI_Request req = MPI_REQUEST_NULL;
  check(MPI_Iallreduce(mine, all, 2, MPI_UINT64_T, MPI_MAX, task_comm(), &req), "MPI_Iallreduce");
  wait_sleeping(req);
  const std::uint64_t hi = all[0], lo = UINT64_MAX - all[1];
  if (hi != lo) {
    throw Error("run_tasks: the ranks were given different numbers of tasks (" + std::to_string(lo) + " to " +
                std::to_string(hi) + ")");
  }
}

// The root's verdict, broadcast to all: "" when every task succeeded, else the message that
// the other ranks throw as a TaskError.
std::string broadcast_verdict(std::string verdict) {
  std::int64_t length = static_cast<std::int64_t>(verdict.size());
  MPI_Request req = MPI_REQUEST_NULL;
  check(MPI_Ibcast(&length, 1, MPI_INT64_T, kRoot, task_comm(), &req), "MPI_Ibcast");
  wait_sleeping(req);
  if (length > 0) {
    verdict.resize(static_cast<std::size_t>(length));
    check(MPI_Ibcast(verdict.data(), static_cast<int>(length), MPI_CHAR, kRoot, task_comm(), &req), "MPI_Ibcast");
    wait_sleeping(req);
  }
  return verdict;
}

// ---- the root ------------------------------------------------------------------------------

class Root {
 public:
  Root(std::size_t n, const TaskOptions& options, const std::function<std::string(std::size_t)>& task, int size)
      : n_(n), options_(options), task_(task), size_(size), results_(n), skipped_(n, 0) {
    for (std::size_t i = 0; i < n; ++i) {
      skipped_[i] = options.skip && options.skip(i) ? 1 : 0;
      if (!skipped_[i]) ++to_run_;
    }
  }

  std::vector<std::string> run() {
    const std::size_t threads = std::max<std::size_t>(1, std::min<std::size_t>(worker_count(options_.threads), n_));
    std::vector<std::jthread> workers;
    alive_ = threads;
    try {
      for (std::size_t k = 0; k < threads; ++k) workers.emplace_back([this] { work(); });
      serve();
    } catch (...) {
      stop_.store(true);  // the workers end after their current task
      throw;
    }
    workers.clear();  // joined: they have all left work()
    for (auto& [index, req] : sends_) check(MPI_Wait(&req, MPI_STATUS_IGNORE), "MPI_Wait");
    sends_.clear();

    std::string verdict;
    if (failure_) verdict = failure_->original ? "the root stopped the run: " + failure_->message : failure_->message;
    broadcast_verdict(verdict);
    if (failure_ && failure_->original) std::rethrow_exception(failure_->original);
    if (failure_) throw TaskError(failure_->message, failure_->task_error);
    return std::move(results_);
  }

 private:
  struct Failure {
    std::size_t index = 0;
    std::string message;
    std::exception_ptr original;  // set when on_result or progress threw (rethrown as it is)
    std::exception_ptr task_error;  // the task's exception when it ran on the root
  };

  // The next index to run, or none once all are handed out or the run stopped.
  std::optional<std::size_t> take() {
    std::lock_guard lock(take_mutex_);
    if (stop_.load()) return std::nullopt;
    while (next_ < n_ && skipped_[next_]) ++next_;
    if (next_ >= n_) return std::nullopt;
    return next_++;
  }

  void work() {
    while (auto i = take()) {
      Outcome o{*i, {}, false, nullptr};
      try {
        o.bytes = task_(*i);
      } catch (...) {
        o.error = std::current_exception();
        o.bytes = describe(o.error);
        o.failed = true;
      }
      std::lock_guard lock(local_mutex_);
      local_.push_back(std::move(o));
      local_cv_.notify_one();
    }
    std::lock_guard lock(local_mutex_);
    --alive_;
    local_cv_.notify_one();
  }

  void accept(const Outcome& o, int rank) {
    if (o.index >= n_ || skipped_[o.index]) {
      throw Error("run_tasks: rank " + std::to_string(rank) + " returned task " + std::to_string(o.index) +
                  ", which was not handed out");
    }
    if (o.failed) {
      if (!failure_ || (!failure_->original && o.index < failure_->index)) {
        failure_ = Failure{o.index, task_failure(o.index, rank, o.bytes), nullptr, o.error};
      }
      stop_.store(true);
      return;
    }
    if (stop_.load()) return;  // the run failed meanwhile: later results are dropped
    ++done_;
    try {
      if (options_.on_result) options_.on_result(o.index, o.bytes);
      if (options_.keep_results) results_[o.index] = o.bytes;
      if (options_.progress) options_.progress(done_, to_run_);
    } catch (...) {
      failure_ = Failure{o.index, describe(std::current_exception()), std::current_exception(), nullptr};
      stop_.store(true);
    }
  }

  void answer(int rank) {
    const auto i = take();
    sends_.emplace_back(i ? static_cast<std::int64_t>(*i) : kNoMore, MPI_REQUEST_NULL);
    auto& [value, req] = sends_.back();  // a deque: the buffer stays put until the send ends
    check(MPI_Isend(&value, 1, MPI_INT64_T, rank, kAssign, task_comm(), &req), "MPI_Isend");
  }

  // Handles one message from another rank; false when none is waiting.
  bool receive() {
    int flag = 0;
    MPI_Status status;
    check(MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, task_comm(), &flag, &status), "MPI_Iprobe");
    if (!flag) return false;
    const int from = status.MPI_SOURCE;
    std::string bytes = receive_bytes(status);
    switch (status.MPI_TAG) {
      case kRequest:
        answer(from);
        break;
      case kResult:
      case kError: {
        const std::size_t index = index_of(bytes);
        accept(Outcome{index, bytes.substr(8), status.MPI_TAG == kError, nullptr}, from);
        break;
      }
      case kDone:
        ++ranks_done_;
        break;
      default:
        throw Error("run_tasks: unexpected message tag " + std::to_string(status.MPI_TAG) + " from rank " +
                    std::to_string(from));
    }
    return true;
  }

  void serve() {
    Backoff backoff(200);
    for (;;) {
      bool busy = false;
      while (receive()) busy = true;
      std::deque<Outcome> mine;
      bool workers_done = false;
      {
        std::lock_guard lock(local_mutex_);
        mine.swap(local_);
        workers_done = alive_ == 0;
      }
      for (const Outcome& o : mine) accept(o, kRoot);
      busy = busy || !mine.empty();
      while (!sends_.empty()) {  // forget the sends that have ended
        int ended = 0;
        check(MPI_Test(&sends_.front().second, &ended, MPI_STATUS_IGNORE), "MPI_Test");
        if (!ended) break;
        sends_.pop_front();
      }
      if (workers_done && mine.empty() && ranks_done_ == size_ - 1) return;
      backoff.pause_unless(busy, local_mutex_, local_cv_, [this] { return !local_.empty(); });
    }
  }

  const std::size_t n_;
  const TaskOptions& options_;
  const std::function<std::string(std::size_t)>& task_;
  const int size_;
  std::vector<std::string> results_;
  std::vector<char> skipped_;
  std::size_t to_run_ = 0, done_ = 0;
  int ranks_done_ = 0;
  std::optional<Failure> failure_;
  std::deque<std::pair<std::int64_t, MPI_Request>> sends_;

  std::mutex take_mutex_;
  std::size_t next_ = 0;
  std::atomic<bool> stop_{false};

  std::mutex local_mutex_;  // guards local_ and alive_
  std::condition_variable local_cv_;
  std::deque<Outcome> local_;
  std::size_t alive_ = 0;
};

// ---- the other ranks -----------------------------------------------------------------------

class Worker {
 public:
  Worker(std::size_t n, const TaskOptions& options, const std::function<std::string(std::size_t)>& task)
      : slots_(std::max<std::size_t>(1, std::min<std::size_t>(worker_count(options.threads), n))), task_(task) {}

  void run() {
    std::vector<std::jthread> workers;
    try {
      for (std::size_t k = 0; k < slots_; ++k) workers.emplace_back([this] { work(); });
      relay();
    } catch (...) {
      release(workers.size());  // let the workers end before they are joined
      throw;
    }
    workers.clear();
    send_empty(kRoot, kDone);
    const std::string verdict = broadcast_verdict("");
    if (!verdict.empty()) throw TaskError(verdict);
  }

 private:
  void release(std::size_t count) {
    std::lock_guard lock(mutex_);
    for (std::size_t k = 0; k < count; ++k) inbox_.push_back(kNoMore);
    inbox_cv_.notify_all();
  }

  void work() {
    for (;;) {
      std::int64_t i = kNoMore;
      {
        std::unique_lock lock(mutex_);
        inbox_cv_.wait(lock, [this] { return !inbox_.empty(); });
        i = inbox_.front();
        inbox_.pop_front();
      }
      if (i < 0) return;
      Outcome o{static_cast<std::size_t>(i), {}, false, nullptr};
      try {
        o.bytes = task_(o.index);
      } catch (...) {
        o.bytes = describe(std::current_exception());
        o.failed = true;
      }
      std::lock_guard lock(mutex_);
      outbox_.push_back(std::move(o));
      outbox_cv_.notify_one();
    }
  }

  // Requests an index per idle worker, relays results; ends when every request was answered
  // "no more" (then no task is running and every result has been sent, as each result is sent
  // before the request that follows it).
  void relay() {
    for (std::size_t k = 0; k < slots_; ++k) send_empty(kRoot, kRequest);
    std::size_t no_more = 0;
    Backoff backoff(500);
    while (no_more < slots_) {
      bool busy = false;
      std::deque<Outcome> out;
      {
        std::lock_guard lock(mutex_);
        out.swap(outbox_);
      }
      for (const Outcome& o : out) {
        send_bytes(with_index(o.index, o.bytes), kRoot, o.failed ? kError : kResult);
        send_empty(kRoot, kRequest);
        busy = true;
      }
      for (;;) {
        int flag = 0;
        MPI_Status status;
        check(MPI_Iprobe(kRoot, kAssign, task_comm(), &flag, &status), "MPI_Iprobe");
        if (!flag) break;
        std::int64_t i = kNoMore;
        check(MPI_Recv(&i, 1, MPI_INT64_T, kRoot, kAssign, task_comm(), MPI_STATUS_IGNORE), "MPI_Recv");
        if (i < 0) ++no_more;
        std::lock_guard lock(mutex_);
        inbox_.push_back(i);
        inbox_cv_.notify_one();
        busy = true;
      }
      backoff.pause_unless(busy, mutex_, outbox_cv_, [this] { return !outbox_.empty(); });
    }
  }

  const std::size_t slots_;
  const std::function<std::string(std::size_t)>& task_;
  std::mutex mutex_;  // guards both boxes
  std::condition_variable inbox_cv_, outbox_cv_;
  std::deque<std::int64_t> inbox_;
  std::deque<Outcome> outbox_;
};

}  // namespace

std::vector<std::string> run_tasks_mpi(std::size_t n, const TaskOptions& options,
                                       const std::function<std::string(std::size_t)>& task) {
  const Ranks& ranks = Ranks::get();
  agree_on_count(n);
  if (ranks.root()) return Root(n, options, task, ranks.size()).run();
  Worker(n, options, task).run();
  return {};
}

}  // namespace landbridge::ensemble::detail
