// Background jobs of the service: a bounded queue in front of a fixed pool of worker threads,
// jobs kept in memory (they do not survive a restart) and forgotten `ttl` after they finish.
//
// A job is a task that reports progress (steps done of a total) and watches a stop token; its
// output is a set of JSON documents by name ("summary", "plots"). States:
//
//   queued -> running -> done | failed | cancelled      queued -> cancelled (cancel before start)
//
// Cancelling a running job requests its stop token; the task stops at its next check and the job
// ends `cancelled`. Submissions carry the caller's party and an idempotency key: the same party
// and key with the same request hash return the job made first, with another hash a conflict.
// Nothing here knows what the task computes (service/simulation_job.h makes simulation tasks).
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <stop_token>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace landbridge::service {

enum class JobState : std::uint8_t { queued, running, done, failed, cancelled };
std::string_view to_string(JobState s);  // "queued", "running", "done", "failed", "cancelled"

// What a finished task hands back: JSON texts by name.
using JobOutput = std::map<std::string, std::string>;

// What a task sees while it runs.
struct JobControl {
  std::stop_token stop;
  std::function<void(std::size_t done, std::size_t total)> progress;
};
// Returns the output, or throws: a task that throws fails the job with the exception's message,
// unless the stop was requested (then the job is cancelled).
using JobTask = std::function<JobOutput(JobControl&)>;

// A job as a caller sees it at one moment.
struct JobView {
  std::string id;
  std::string owner;                    // the party that submitted it
  JobState state = JobState::queued;
  std::size_t done = 0, total = 0;      // progress in the task's steps
  bool cancel_requested = false;
  std::chrono::system_clock::time_point created, started, finished;  // epoch when not yet
  std::string error;                    // failed: why
  std::shared_ptr<const JobOutput> output;  // done: the documents
};

struct JobQueueConfig {
  unsigned workers = 1;                 // threads running jobs
  std::size_t max_queued = 8;           // jobs waiting for a worker; more are refused
  std::chrono::seconds ttl{3600};       // a finished job is forgotten this long after it ended
  std::size_t max_finished = 64;        // and the oldest finished ones beyond this many
};

class JobQueue {
 public:
  explicit JobQueue(JobQueueConfig cfg = {});
  // Requests every running job's stop, drops the queued ones and joins the workers.
  ~JobQueue();
  JobQueue(const JobQueue&) = delete;
  JobQueue& operator=(const JobQueue&) = delete;

  enum class Outcome : std::uint8_t {
    queued,        // a new job
    replayed,      // the job this party's key made before (same request hash)
    key_conflict,  // the key was used for another request
    full,          // max_queued jobs are waiting: try again later
  };
  struct Submitted {
    Outcome outcome = Outcome::queued;
    std::optional<JobView> job;         // queued, replayed
  };
  // `total` is the progress total until the task reports its own.
  Submitted submit(JobTask task, std::size_t total, const std::string& owner, const std::string& key,
                   const std::string& request_hash);
  // What submit would answer for a key this party used before (replayed or key_conflict), so
  // that a caller can answer a retry before building the task again; nullopt for a new key.
  [[nodiscard]] std::optional<Submitted> used_key(const std::string& owner, const std::string& key,
                                                  const std::string& request_hash) const;

  [[nodiscard]] std::optional<JobView> get(const std::string& id) const;

  enum class CancelOutcome : std::uint8_t {
    cancelled,     // it was queued: cancelled now
    stopping,      // it is running: its stop is requested
    finished,      // done, failed or cancelled already: nothing to cancel
    not_found,
  };
  CancelOutcome cancel(const std::string& id);

  // Jobs waiting for a worker; the suggested wait (seconds) before retrying a refused submit.
  [[nodiscard]] std::size_t queued() const;
  [[nodiscard]] int retry_after_s() const;

 private:
  struct Job;
  void work();
  void purge(std::chrono::steady_clock::time_point now);  // under mu_
  static JobView view(const Job& j);
  [[nodiscard]] bool expired(const Job& j, std::chrono::steady_clock::time_point now) const;  // finished, past ttl

  JobQueueConfig cfg_;
  mutable std::mutex mu_;
  std::condition_variable wake_;
  bool closing_ = false;
  std::map<std::string, std::shared_ptr<Job>> jobs_;
  std::deque<std::shared_ptr<Job>> waiting_;
  struct KeyUse {
    std::string job_id, request_hash;
  };
  std::map<std::pair<std::string, std::string>, KeyUse> keys_;  // (owner, key) -> its job
  std::optional<Submitted> answer_key(const std::string& owner, const std::string& key,
                                      const std::string& request_hash) const;  // under mu_
  std::vector<std::jthread> workers_;
};

}  // namespace landbridge::service
