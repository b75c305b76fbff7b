// The replication runner and Student-t intervals.
#include "landbridge/sim/replications.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <atomic>
#include <stdexcept>
#include <stop_token>
#include <vector>

#include "landbridge/core/error.h"
#include "landbridge/sim/distributions.h"

namespace landbridge::sim {
namespace {

// A replication with some work in it: the mean of 10,000 lognormal draws of substream r.
double noisy_mean(std::size_t r) {
  RandomStream rs(3, r);
  const LogNormal d = LogNormal::from_mean_sd(10, 4);
  double s = 0.0;
  for (int i = 0; i < 10000; ++i) s += d(rs);
  return s / 10000;
}

TEST(Replications, ResultsDoNotDependOnTheThreadCount) {
  std::vector<double> serial;
  for (std::size_t r = 0; r < 24; ++r) serial.push_back(noisy_mean(r));
  for (unsigned threads : {1U, 2U, 3U, 8U}) {
    EXPECT_EQ(run_replications(24, threads, noisy_mean), serial) << threads << " threads";
  }
  const Estimate e1 = confidence_interval(run_replications(24, 1, noisy_mean));
  const Estimate e8 = confidence_interval(run_replications(24, 8, noisy_mean));
  EXPECT_EQ(e1.mean, e8.mean);
  EXPECT_EQ(e1.half_width, e8.half_width);
}

TEST(Replications, TheLowestFailingReplicationIsRethrown) {
  auto fn = [](std::size_t r) -> int {
    if (r == 7 || r == 3) throw Error("replication " + std::to_string(r) + " failed");
    return static_cast<int>(r);
  };
  try {
    run_replications(10, 4, fn);
    FAIL();
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "replication 3 failed");
  }
}

TEST(Replications, AStopStartsNoFurtherReplicationAndThrowsCancelled) {
  std::stop_source stop;
  std::atomic<int> started{0};
  auto fn = [&](std::size_t r) {
    ++started;
    if (r == 4) stop.request_stop();
    return static_cast<int>(r);
  };
  EXPECT_THROW(run_replications(100, 1, fn, stop.get_token()), Cancelled);
  EXPECT_EQ(started.load(), 5);  // 0..4 on one thread, nothing after the stop
  std::stop_source never;
  EXPECT_EQ(run_replications(5, 2, [](std::size_t r) { return static_cast<int>(r); }, never.get_token()),
            (std::vector<int>{0, 1, 2, 3, 4}));
}

TEST(StudentT, QuantilesMatchClosedForms) {
  // One degree of freedom is Cauchy: t = tan(pi (p - 1/2)).
  for (double p : {0.6, 0.9, 0.975, 0.995}) {
    EXPECT_NEAR(student_t_quantile(p, 1), std::tan(std::numbers::pi * (p - 0.5)), 1e-9) << p;
  }
  // Two: t = (2p - 1) / sqrt(2 p (1 - p)).
  for (double p : {0.6, 0.9, 0.975, 0.995}) {
    EXPECT_NEAR(student_t_quantile(p, 2), (2 * p - 1) / std::sqrt(2 * p * (1 - p)), 1e-10) << p;
  }
  // Very many: the normal quantile.
  EXPECT_NEAR(student_t_quantile(0.975, 1e8), normal_quantile(0.975), 1e-6);
  EXPECT_EQ(student_t_quantile(0.5, 7), 0.0);
  EXPECT_NEAR(student_t_quantile(0.025, 7), -student_t_quantile(0.975, 7), 1e-12);
  // The familiar table entry t(0.975, 10) = 2.228.
  EXPECT_NEAR(student_t_quantile(0.975, 10), 2.228, 5e-4);
  for (double t : {-3.0, -0.5, 0.0, 1.0, 4.0}) {
    EXPECT_NEAR(student_t_cdf(t, 1), 0.5 + std::atan(t) / std::numbers::pi, 1e-12) << t;
  }
}

TEST(StudentT, NinetyFivePercentIntervalsCoverTheMeanNinetyFivePercentOfTheTime) {
  // 4,000 samples of 10 normals: coverage within four binomial standard errors of 0.95.
  RandomStream rs(9, 0);
  const Normal d(5, 3);
  constexpr int trials = 4000;
  int covered = 0;
  for (int k = 0; k < trials; ++k) {
    std::vector<double> x(10);
    for (double& v : x) v = d(rs);
    if (confidence_interval(x, 0.95).contains(5.0)) ++covered;
  }
  const double se = std::sqrt(0.95 * 0.05 / trials);
  EXPECT_NEAR(static_cast<double>(covered) / trials, 0.95, 4 * se);
}

TEST(StudentT, IntervalsNeedTwoObservations) {
  const std::vector<double> one{1.0};
  EXPECT_THROW(confidence_interval(one), Error);
}

}  // namespace
}  // namespace landbridge::sim
