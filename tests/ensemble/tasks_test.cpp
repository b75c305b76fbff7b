#include "landbridge/ensemble/tasks.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace landbridge::ensemble {
namespace {

std::string label(std::size_t i) { return "task-" + std::to_string(i * i); }

TEST(RunTasks, ReturnsResultsInIndexOrderWhateverTheThreadCount) {
  for (unsigned threads : {1U, 2U, 4U, 0U}) {
    // Uneven tasks: the early ones are the slowest, so threads finish out of order.
    const auto out = run_tasks(12, {.threads = threads}, [](std::size_t i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(12 - i));
      return label(i);
    });
    ASSERT_EQ(out.size(), 12U) << threads;
    for (std::size_t i = 0; i < out.size(); ++i) EXPECT_EQ(out[i], label(i)) << threads << " threads, task " << i;
  }
}

TEST(RunTasks, ZeroTasksRunNothing) {
  std::atomic<int> calls{0};
  const auto out = run_tasks(0, {.threads = 2}, [&](std::size_t) {
    ++calls;
    return std::string("x");
  });
  EXPECT_TRUE(out.empty());
  EXPECT_EQ(calls.load(), 0);
}

TEST(RunTasks, SkippedTasksDoNotRunAndLeaveEmptySlots) {
  std::mutex m;
  std::set<std::size_t> ran;
  TaskOptions opt{.threads = 3};
  opt.skip = [](std::size_t i) { return i % 3 == 1; };
  const auto out = run_tasks(10, opt, [&](std::size_t i) {
    std::lock_guard lock(m);
    ran.insert(i);
    return label(i);
  });
  ASSERT_EQ(out.size(), 10U);
  for (std::size_t i = 0; i < 10; ++i) {
    if (i % 3 == 1) {
      EXPECT_EQ(out[i], "") << i;
      EXPECT_FALSE(ran.contains(i)) << i;
    } else {
      EXPECT_EQ(out[i], label(i)) << i;
      EXPECT_TRUE(ran.contains(i)) << i;
    }
  }
}

TEST(RunTasks, OnResultSeesEveryRunTaskOnceAndProgressCountsUpSerially) {
  std::vector<std::size_t> seen_index;
  std::vector<std::string> seen_result;
  std::vector<std::pair<std::size_t, std::size_t>> ticks;
  std::atomic<int> inside{0};
  bool overlapped = false;
  TaskOptions opt{.threads = 4};
  opt.skip = [](std::size_t i) { return i == 0 || i == 5; };
  opt.on_result = [&](std::size_t i, const std::string& r) {
    if (inside.fetch_add(1) != 0) overlapped = true;
    seen_index.push_back(i);
    seen_result.push_back(r);
    std::this_thread::sleep_for(std::chrono::microseconds(200));
    inside.fetch_sub(1);
  };
  opt.progress = [&](std::size_t done, std::size_t total) {
    if (inside.fetch_add(1) != 0) overlapped = true;
    ticks.emplace_back(done, total);
    inside.fetch_sub(1);
  };
  run_tasks(20, opt, [](std::size_t i) { return label(i); });
  EXPECT_FALSE(overlapped) << "callbacks ran at the same time on two threads";
  ASSERT_EQ(seen_index.size(), 18U);
  std::set<std::size_t> unique(seen_index.begin(), seen_index.end());
  EXPECT_EQ(unique.size(), 18U);
  EXPECT_FALSE(unique.contains(0));
  EXPECT_FALSE(unique.contains(5));
  for (std::size_t k = 0; k < seen_index.size(); ++k) EXPECT_EQ(seen_result[k], label(seen_index[k]));
  ASSERT_EQ(ticks.size(), 18U);
  for (std::size_t k = 0; k < ticks.size(); ++k) {
    EXPECT_EQ(ticks[k].first, k + 1);
    EXPECT_EQ(ticks[k].second, 18U);  // the tasks that run: skipped ones are not counted
  }
}

TEST(RunTasks, WithoutKeepingResultsOnlyOnResultSeesThem) {
  std::vector<std::string> seen(6);
  TaskOptions opt{.threads = 2};
  opt.keep_results = false;
  opt.on_result = [&](std::size_t i, const std::string& r) { seen[i] = r; };
  const auto out = run_tasks(6, opt, [](std::size_t i) { return label(i); });
  ASSERT_EQ(out.size(), 6U);
  for (std::size_t i = 0; i < 6; ++i) {
    EXPECT_EQ(out[i], "") << i;
    EXPECT_EQ(seen[i], label(i)) << i;
  }
}

TEST(RunTasks, AnExceptionFromOnResultStopsTheRunAndIsRethrownAsItIs) {
  std::atomic<int> started{0};
  TaskOptions opt{.threads = 2};
  opt.on_result = [](std::size_t i, const std::string&) {
    if (i == 1) throw std::out_of_range("disk full while writing cell 1");
  };
  try {
    run_tasks(200, opt, [&](std::size_t i) {
      ++started;
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
      return label(i);
    });
    FAIL() << "the callback's exception was swallowed";
  } catch (const std::out_of_range& e) {
    EXPECT_STREQ(e.what(), "disk full while writing cell 1");
  }
  EXPECT_LT(started.load(), 200);
}

TEST(RunTasks, AThrowingTaskBecomesATaskErrorNamingTaskAndRank) {
  for (unsigned threads : {1U, 3U}) {
    std::atomic<int> started{0};
    try {
      run_tasks(50, {.threads = threads}, [&](std::size_t i) -> std::string {
        ++started;
        if (i == 3) throw std::runtime_error("crane table empty");
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        return label(i);
      });
      FAIL() << "no TaskError with " << threads << " threads";
    } catch (const TaskError& e) {
      EXPECT_STREQ(e.what(), "task 3 failed on rank 0: crane table empty") << threads;
      // The task's own exception travels along, for callers that report it as it was.
      ASSERT_TRUE(e.original()) << threads;
      EXPECT_THROW(std::rethrow_exception(e.original()), std::runtime_error);
    }
    // The failure stops the run: far fewer than the 50 tasks start.
    EXPECT_LT(started.load(), 50) << threads;
  }
}

TEST(RunTasks, TheLowestFailingIndexIsReported) {
  try {
    run_tasks(8, {.threads = 1}, [](std::size_t i) -> std::string {
      if (i >= 2) throw std::runtime_error("bad " + std::to_string(i));
      return label(i);
    });
    FAIL() << "no TaskError";
  } catch (const TaskError& e) {
    EXPECT_STREQ(e.what(), "task 2 failed on rank 0: bad 2");
  }
}

TEST(Ranks, WithoutALauncherThisIsRankZeroOfOne) {
  const Ranks& r = Ranks::get();
  EXPECT_EQ(r.rank(), 0);
  EXPECT_EQ(r.size(), 1);
  EXPECT_TRUE(r.root());
  EXPECT_FALSE(r.mpi());
}

}  // namespace
}  // namespace landbridge::ensemble
