// The job queue with tasks made up here: states, progress, the bounded queue, cancelling queued
// and running jobs, failures, idempotent submission and forgetting finished jobs.
#include "landbridge/service/jobs.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>

namespace landbridge::service {
namespace {

using namespace std::chrono_literals;

// Polls until `pred` holds or 10 s have passed; returns whether it held.
template <class Pred>
bool eventually(Pred pred) {
  const auto end = std::chrono::steady_clock::now() + 10s;
  while (std::chrono::steady_clock::now() < end) {
    if (pred()) return true;
    std::this_thread::sleep_for(2ms);
  }
  return pred();
}

JobState state(const JobQueue& q, const std::string& id) { return q.get(id)->state; }

// A task that runs until it is stopped (or 10 s), reporting one step.
JobTask until_stopped(std::atomic<bool>* started = nullptr) {
  return [started](JobControl& c) -> JobOutput {
    if (started) *started = true;
    c.progress(1, 4);
    const auto end = std::chrono::steady_clock::now() + 10s;
    while (!c.stop.stop_requested() && std::chrono::steady_clock::now() < end) std::this_thread::sleep_for(1ms);
    if (c.stop.stop_requested()) throw std::runtime_error("stopped");
    return {};
  };
}

TEST(JobQueue, RunsATaskToDoneWithItsProgressAndOutput) {
  JobQueue q({.workers = 1, .max_queued = 4});
  auto s = q.submit(
      [](JobControl& c) {
        for (std::size_t i = 1; i <= 3; ++i) c.progress(i, 3);
        return JobOutput{{"summary", R"({"a":1})"}};
      },
      3, "ktz", "k1", "h1");
  ASSERT_EQ(s.outcome, JobQueue::Outcome::queued);
  const std::string id = s.job->id;
  EXPECT_EQ(s.job->owner, "ktz");
  ASSERT_TRUE(eventually([&] { return state(q, id) == JobState::done; }));
  const JobView v = *q.get(id);
  EXPECT_EQ(v.done, 3U);
  EXPECT_EQ(v.total, 3U);
  ASSERT_TRUE(v.output);
  EXPECT_EQ(v.output->at("summary"), R"({"a":1})");
  EXPECT_LE(v.created, v.started);
  EXPECT_LE(v.started, v.finished);
  EXPECT_FALSE(q.get("nope").has_value());
}

TEST(JobQueue, AFullQueueRefusesAndCancellingAQueuedJobNeverRunsIt) {
  JobQueue q({.workers = 1, .max_queued = 1});
  std::atomic<bool> first_started{false}, second_ran{false};
  const std::string running = q.submit(until_stopped(&first_started), 4, "ktz", "a", "a").job->id;
  ASSERT_TRUE(eventually([&] { return first_started.load(); }));
  const auto waiting = q.submit(
      [&](JobControl&) {
        second_ran = true;
        return JobOutput{};
      },
      1, "ktz", "b", "b");
  ASSERT_EQ(waiting.outcome, JobQueue::Outcome::queued);
  EXPECT_EQ(waiting.job->state, JobState::queued);
  EXPECT_EQ(q.submit(until_stopped(), 1, "ktz", "c", "c").outcome, JobQueue::Outcome::full);
  EXPECT_EQ(q.queued(), 1U);
  EXPECT_GT(q.retry_after_s(), 0);

  EXPECT_EQ(q.cancel(waiting.job->id), JobQueue::CancelOutcome::cancelled);
  EXPECT_EQ(state(q, waiting.job->id), JobState::cancelled);
  EXPECT_EQ(q.cancel(waiting.job->id), JobQueue::CancelOutcome::finished);
  EXPECT_EQ(q.cancel(running), JobQueue::CancelOutcome::stopping);
  EXPECT_TRUE(q.get(running)->cancel_requested);
  ASSERT_TRUE(eventually([&] { return state(q, running) == JobState::cancelled; }));
  EXPECT_EQ(q.get(running)->done, 1U);  // the progress it had reached
  EXPECT_FALSE(second_ran.load());
  EXPECT_EQ(q.cancel("nope"), JobQueue::CancelOutcome::not_found);
}

TEST(JobQueue, ATaskThatThrowsFailsTheJobWithItsMessage) {
  JobQueue q;
  const std::string id =
      q.submit([](JobControl&) -> JobOutput { throw std::runtime_error("no route for flow 2"); }, 1, "ktz", "k", "h")
          .job->id;
  ASSERT_TRUE(eventually([&] { return state(q, id) == JobState::failed; }));
  EXPECT_EQ(q.get(id)->error, "no route for flow 2");
  EXPECT_FALSE(q.get(id)->output);
}

TEST(JobQueue, TheSameKeyReturnsTheSameJobPerParty) {
  JobQueue q({.workers = 1, .max_queued = 8});
  auto task = [](JobControl&) { return JobOutput{}; };
  const auto first = q.submit(task, 1, "ktz", "key", "hash-1");
  const auto again = q.submit(task, 1, "ktz", "key", "hash-1");
  EXPECT_EQ(again.outcome, JobQueue::Outcome::replayed);
  EXPECT_EQ(again.job->id, first.job->id);
  EXPECT_EQ(q.submit(task, 1, "ktz", "key", "hash-2").outcome, JobQueue::Outcome::key_conflict);
  const auto other = q.submit(task, 1, "rzd", "key", "hash-2");
  EXPECT_EQ(other.outcome, JobQueue::Outcome::queued);
  EXPECT_NE(other.job->id, first.job->id);
  ASSERT_TRUE(q.used_key("ktz", "key", "hash-1"));
  EXPECT_EQ(q.used_key("ktz", "key", "hash-1")->job->id, first.job->id);
  EXPECT_EQ(q.used_key("ktz", "key", "hash-9")->outcome, JobQueue::Outcome::key_conflict);
  EXPECT_FALSE(q.used_key("ktz", "new", "hash-1"));
}

TEST(JobQueue, FinishedJobsAreForgottenAfterTheirTtlWithTheirKeys) {
  JobQueue q({.workers = 1, .max_queued = 8, .ttl = 0s});
  auto task = [](JobControl&) { return JobOutput{}; };
  const std::string id = q.submit(task, 1, "ktz", "k", "h").job->id;
  // Done, and with a TTL of 0 gone for callers as soon as it is.
  ASSERT_TRUE(eventually([&] { return !q.get(id).has_value(); }));
  // The next submit purges: the job and its key are gone, so the key makes a new job.
  const auto next = q.submit(task, 1, "ktz", "k", "h");
  EXPECT_EQ(next.outcome, JobQueue::Outcome::queued);
  EXPECT_FALSE(q.get(id).has_value());
}

TEST(JobQueue, OnlyTheNewestFinishedJobsAreKeptBeyondTheLimit) {
  JobQueue q({.workers = 1, .max_queued = 8, .ttl = 3600s, .max_finished = 2});
  auto task = [](JobControl&) { return JobOutput{}; };
  std::vector<std::string> ids;
  for (int i = 0; i < 3; ++i) {
    const std::string key(1, static_cast<char>('a' + i));
    ids.push_back(q.submit(task, 1, "ktz", key, "h").job->id);
    ASSERT_TRUE(eventually([&] { return state(q, ids.back()) == JobState::done; }));
  }
  (void)q.submit(task, 1, "ktz", "d", "h");  // purges down to the 2 newest finished
  EXPECT_FALSE(q.get(ids[0]).has_value());
  EXPECT_TRUE(q.get(ids[1]).has_value());
  EXPECT_TRUE(q.get(ids[2]).has_value());
}

TEST(JobQueue, ClosingStopsARunningJob) {
  std::atomic<bool> started{false};
  const auto t0 = std::chrono::steady_clock::now();
  {
    JobQueue q({.workers = 1, .max_queued = 2});
    (void)q.submit(until_stopped(&started), 1, "ktz", "a", "a");
    (void)q.submit(until_stopped(), 1, "ktz", "b", "b");
    ASSERT_TRUE(eventually([&] { return started.load(); }));
  }
  EXPECT_LT(std::chrono::steady_clock::now() - t0, 5s);
}

}  // namespace
}  // namespace landbridge::service
