// The job queue (service/jobs.h): one mutex over the job table; tasks run outside it.
#include "landbridge/service/jobs.h"

#include <algorithm>
#include <array>
#include <exception>
#include <random>

namespace landbridge::service {

namespace {

using Clock = std::chrono::steady_clock;

// 16 hex digits from the system's random device: job ids are not guessable from one another.
std::string new_job_id() {
  static constexpr std::array<char, 16> kHex{'0', '1', '2', '3', '4', '5', '6', '7',
                                            '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
  std::random_device rd;
  std::string id;
  for (int i = 0; i < 4; ++i) {
    auto v = rd();
    for (int k = 0; k < 4; ++k, v >>= 4) id.push_back(kHex[v & 0xf]);
  }
  return id;
}

}  // namespace

std::string_view to_string(JobState s) {
  switch (s) {
    case JobState::queued: return "queued";
    case JobState::running: return "running";
    case JobState::done: return "done";
    case JobState::failed: return "failed";
    case JobState::cancelled: return "cancelled";
  }
  return "?";
}

struct JobQueue::Job {
  JobView v;
  JobTask task;
  std::stop_source stop;
  Clock::time_point ended{};  // steady time it finished (purging)
  std::string key;            // its idempotency key (forgotten with it)
};

JobQueue::JobQueue(JobQueueConfig cfg) : cfg_(cfg) {
  const unsigned n = std::max(1U, cfg_.workers);
  workers_.reserve(n);
  for (unsigned i = 0; i < n; ++i) workers_.emplace_back([this] { work(); });
}

JobQueue::~JobQueue() {
  {
    const std::lock_guard lock(mu_);
    closing_ = true;
    for (auto& [id, j] : jobs_) j->stop.request_stop();
    waiting_.clear();
  }
  wake_.notify_all();
  workers_.clear();  // joins
}

JobView JobQueue::view(const Job& j) { return j.v; }

bool JobQueue::expired(const Job& j, Clock::time_point now) const {
  const bool ended = j.v.state == JobState::done || j.v.state == JobState::failed || j.v.state == JobState::cancelled;
  return ended && now - j.ended >= cfg_.ttl;
}

std::optional<JobQueue::Submitted> JobQueue::answer_key(const std::string& owner, const std::string& key,
                                                        const std::string& request_hash) const {
  const auto it = keys_.find({owner, key});
  if (it == keys_.end()) return std::nullopt;
  if (it->second.request_hash != request_hash) return Submitted{Outcome::key_conflict, std::nullopt};
  const auto j = jobs_.find(it->second.job_id);
  if (j == jobs_.end()) return std::nullopt;
  return Submitted{Outcome::replayed, view(*j->second)};
}

std::optional<JobQueue::Submitted> JobQueue::used_key(const std::string& owner, const std::string& key,
                                                      const std::string& request_hash) const {
  const std::lock_guard lock(mu_);
  return answer_key(owner, key, request_hash);
}

JobQueue::Submitted JobQueue::submit(JobTask task, std::size_t total, const std::string& owner,
                                     const std::string& key, const std::string& request_hash) {
  std::shared_ptr<Job> job;
  {
    const std::lock_guard lock(mu_);
    purge(Clock::now());
    if (auto used = answer_key(owner, key, request_hash)) return *used;
    if (closing_ || waiting_.size() >= cfg_.max_queued) return {Outcome::full, std::nullopt};
    job = std::make_shared<Job>();
    do {
      job->v.id = new_job_id();
    } while (jobs_.contains(job->v.id));
    job->v.owner = owner;
    job->v.total = total;
    job->v.created = std::chrono::system_clock::now();
    job->task = std::move(task);
    job->key = key;
    jobs_.emplace(job->v.id, job);
    keys_[{owner, key}] = {job->v.id, request_hash};
    waiting_.push_back(job);
  }
  wake_.notify_one();
  const std::lock_guard lock(mu_);
  return {Outcome::queued, view(*job)};
}

std::optional<JobView> JobQueue::get(const std::string& id) const {
  const std::lock_guard lock(mu_);
  const auto it = jobs_.find(id);
  // An expired job is gone for callers already; the next submit removes it.
  if (it == jobs_.end() || expired(*it->second, Clock::now())) return std::nullopt;
  return view(*it->second);
}

JobQueue::CancelOutcome JobQueue::cancel(const std::string& id) {
  const std::lock_guard lock(mu_);
  const auto it = jobs_.find(id);
  if (it == jobs_.end()) return CancelOutcome::not_found;
  Job& j = *it->second;
  switch (j.v.state) {
    case JobState::queued: {
      std::erase(waiting_, it->second);
      j.v.state = JobState::cancelled;
      j.v.cancel_requested = true;
      j.v.finished = std::chrono::system_clock::now();
      j.ended = Clock::now();
      j.task = nullptr;
      return CancelOutcome::cancelled;
    }
    case JobState::running:
      j.v.cancel_requested = true;
      j.stop.request_stop();
      return CancelOutcome::stopping;
    default:
      return CancelOutcome::finished;
  }
}

std::size_t JobQueue::queued() const {
  const std::lock_guard lock(mu_);
  return waiting_.size();
}

int JobQueue::retry_after_s() const {
  // A crude guess: jobs of the example scenario take seconds; a client should not hammer.
  return 5;
}

void JobQueue::purge(Clock::time_point now) {
  std::vector<std::shared_ptr<Job>> finished;
  for (auto it = jobs_.begin(); it != jobs_.end();) {
    const Job& j = *it->second;
    const bool ended = j.v.state == JobState::done || j.v.state == JobState::failed || j.v.state == JobState::cancelled;
    if (expired(j, now)) {
      keys_.erase({j.v.owner, j.key});
      it = jobs_.erase(it);
      continue;
    }
    if (ended) finished.push_back(it->second);
    ++it;
  }
  if (finished.size() <= cfg_.max_finished) return;
  std::sort(finished.begin(), finished.end(), [](const auto& a, const auto& b) { return a->ended < b->ended; });
  for (std::size_t i = 0; i + cfg_.max_finished < finished.size(); ++i) {
    keys_.erase({finished[i]->v.owner, finished[i]->key});
    jobs_.erase(finished[i]->v.id);
  }
}

void JobQueue::work() {
  for (;;) {
    std::shared_ptr<Job> job;
    JobTask task;
    {
      std::unique_lock lock(mu_);
      wake_.wait(lock, [this] { return closing_ || !waiting_.empty(); });
      if (closing_) return;
      job = waiting_.front();
      waiting_.pop_front();
      job->v.state = JobState::running;
      job->v.started = std::chrono::system_clock::now();
      task = std::move(job->task);
    }
    JobControl ctl;
    ctl.stop = job->stop.get_token();
    ctl.progress = [this, job](std::size_t done, std::size_t total) {
      const std::lock_guard lock(mu_);
      job->v.done = done;
      job->v.total = total;
    };
    JobState end = JobState::done;
    std::string error;
    std::shared_ptr<const JobOutput> output;
    try {
      // A task that returns has finished its work, even when a stop came too late to stop it.
      output = std::make_shared<const JobOutput>(task(ctl));
    } catch (const std::exception& e) {
      end = job->stop.stop_requested() ? JobState::cancelled : JobState::failed;
      error = e.what();
    } catch (...) {
      end = job->stop.stop_requested() ? JobState::cancelled : JobState::failed;
      error = "the job failed";
    }
    const std::lock_guard lock(mu_);
    job->v.state = end;
    job->v.finished = std::chrono::system_clock::now();
    job->ended = Clock::now();
    if (end == JobState::done) job->v.output = std::move(output);
    if (end == JobState::failed) job->v.error = std::move(error);
  }
}

}  // namespace landbridge::service
