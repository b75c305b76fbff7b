// Validation on queues with known answers: M/M/1 and M/M/c waiting times (Erlang C) within
// confidence intervals over replications, a cross-check of every wait against a direct
// FCFS recursion on the same random numbers, Little's law on one sample path, and
// reproducibility (same seed: bit-identical; other replications: different but
// statistically equal).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "landbridge/sim/distributions.h"
#include "landbridge/sim/replications.h"
#include "landbridge/sim/resource.h"
#include "landbridge/sim/simulation.h"

namespace landbridge::sim {
namespace {

// Stream numbers of the model's two random variables.
constexpr std::uint64_t kArrivalStream = 0;
constexpr std::uint64_t kServiceStream = 1;

struct Queue {
  double lambda;  // arrivals per unit time
  double mu;      // services per unit time per server
  unsigned servers;
};

struct Customers {
  std::vector<double> arrival;  // by customer number
  std::vector<double> start;    // service start, NaN while waiting
  std::vector<double> leave;    // NaN until served
};

Process customer(Simulation& sim, Resource& servers, RandomStream& service_rs, Exponential service,
                 Customers& c, std::size_t id) {
  ResourceGuard server = co_await servers.request();
  c.start[id] = sim.now();
  co_await sim.timeout(service(service_rs));
  c.leave[id] = sim.now();
}

Process source(Simulation& sim, Resource& servers, const Queue& q, RandomStream& arrival_rs,
               RandomStream& service_rs, std::size_t n, Customers& c) {
  const Exponential gap(1.0 / q.lambda);
  const Exponential service(1.0 / q.mu);
  for (std::size_t i = 0; i < n; ++i) {
    co_await sim.timeout(gap(arrival_rs));
    c.arrival.push_back(sim.now());
    c.start.push_back(std::numeric_limits<double>::quiet_NaN());
    c.leave.push_back(std::numeric_limits<double>::quiet_NaN());
    sim.spawn(customer(sim, servers, service_rs, service, c, i));
  }
}

struct QueueRun {
  Customers c;
  double horizon;
  double mean_queue_length;  // the resource's time average
  double mean_in_use;
};

// n customers, replication r; stops at `horizon` if finite.
QueueRun simulate(const Queue& q, std::size_t n, std::uint64_t r,
             double horizon = std::numeric_limits<double>::infinity()) {
  Simulation sim;
  Resource servers(sim, q.servers);
  RandomStream arrivals(kArrivalStream, r);
  RandomStream service(kServiceStream, r);
  QueueRun out;
  out.c.arrival.reserve(n);
  sim.spawn(source(sim, servers, q, arrivals, service, n, out.c));
  sim.run_until(horizon);
  out.horizon = sim.now();
  out.mean_queue_length = servers.mean_queue_length();
  out.mean_in_use = servers.mean_in_use();
  return out;
}

// Mean wait in queue of customers [warmup, n).
double mean_wait(const Customers& c, std::size_t warmup) {
  double s = 0.0;
  for (std::size_t i = warmup; i < c.arrival.size(); ++i) s += c.start[i] - c.arrival[i];
  return s / static_cast<double>(c.arrival.size() - warmup);
}

// Erlang C: mean wait in queue of M/M/c.
double erlang_c_wait(const Queue& q) {
  const double a = q.lambda / q.mu;
  const double rho = a / q.servers;
  double term = 1.0;  // a^k / k!
  double sum = 0.0;
  for (unsigned k = 0; k < q.servers; ++k) {
    sum += term;
    term *= a / (k + 1);
  }
  const double tail = term / (1.0 - rho);
  const double p_wait = tail / (sum + tail);
  return p_wait / (q.servers * q.mu - q.lambda);
}

TEST(Queueing, ErlangCReducesToTheMM1Formula) {
  const Queue q{0.7, 1.0, 1};
  EXPECT_NEAR(erlang_c_wait(q), 0.7 / (1.0 - 0.7), 1e-12);
}

// The slow obvious reference: FCFS with c servers, each customer taking the server that
// frees first, fed with the same streams in the same order as the process model.
std::vector<double> fcfs_waits(const Queue& q, std::size_t n, std::uint64_t r) {
  RandomStream arrivals(kArrivalStream, r);
  RandomStream service(kServiceStream, r);
  const Exponential gap(1.0 / q.lambda);
  const Exponential svc(1.0 / q.mu);
  std::vector<double> free_at(q.servers, 0.0);
  std::vector<double> waits;
  double t = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    t += gap(arrivals);
    auto k = std::min_element(free_at.begin(), free_at.end());
    const double start = std::max(t, *k);
    waits.push_back(start - t);
    *k = start + svc(service);
  }
  return waits;
}

TEST(Queueing, EveryWaitMatchesADirectFcfsRecursion) {
  for (const Queue q : {Queue{0.9, 1.0, 1}, Queue{2.4, 1.0, 3}}) {
    const std::size_t n = 5000;
    const QueueRun run = simulate(q, n, 0);
    const std::vector<double> want = fcfs_waits(q, n, 0);
    ASSERT_EQ(run.c.arrival.size(), n);
    for (std::size_t i = 0; i < n; ++i) {
      ASSERT_NEAR(run.c.start[i] - run.c.arrival[i], want[i], 1e-9 * (1.0 + want[i]))
          << "customer " << i << " of M/M/" << q.servers;
    }
  }
}

// Mean wait per replication: 20,000 customers, the first 2,000 dropped as warm-up.
std::vector<double> replicated_waits(const Queue& q, std::size_t reps, std::uint64_t first_rep) {
  return run_replications(reps, 2, [&](std::size_t i) {
    return mean_wait(simulate(q, 20000, first_rep + i).c, 2000);
  });
}

TEST(Queueing, MM1MeanWaitMatchesTheory) {
  const Queue q{0.7, 1.0, 1};
  const Estimate e = confidence_interval(replicated_waits(q, 30, 0), 0.99);
  const double want = erlang_c_wait(q);  // 7/3
  EXPECT_TRUE(e.contains(want)) << e.mean << " ± " << e.half_width << " vs " << want;
  EXPECT_LT(e.half_width, 0.1 * want);  // tight enough for the test to mean something
}

TEST(Queueing, MMcMeanWaitMatchesErlangC) {
  const Queue q{2.4, 1.0, 3};
  const Estimate e = confidence_interval(replicated_waits(q, 30, 0), 0.99);
  const double want = erlang_c_wait(q);  // 1.0787
  EXPECT_TRUE(e.contains(want)) << e.mean << " ± " << e.half_width << " vs " << want;
  EXPECT_LT(e.half_width, 0.1 * want);
}

TEST(Queueing, LittlesLawHoldsOnASamplePath) {
  // Stop mid-run: customers still waiting or in service count up to the horizon. Then the
  // resource's time averages (L) equal arrival rate times mean time (lambda W) exactly,
  // up to rounding, for the queue and for the whole system.
  const Queue q{2.4, 1.0, 3};
  const QueueRun run = simulate(q, 1000000, 7, 5000.0);
  const Customers& c = run.c;
  const double T = run.horizon;
  double in_queue = 0.0;
  double in_system = 0.0;
  for (std::size_t i = 0; i < c.arrival.size(); ++i) {
    const double start = std::isnan(c.start[i]) ? T : c.start[i];
    const double leave = std::isnan(c.leave[i]) ? T : c.leave[i];
    in_queue += start - c.arrival[i];
    in_system += leave - c.arrival[i];
  }
  const double n = static_cast<double>(c.arrival.size());
  const double lambda = n / T;
  EXPECT_GT(n, 10000);
  EXPECT_NEAR(run.mean_queue_length, lambda * (in_queue / n), 1e-9 * run.mean_queue_length);
  EXPECT_NEAR(run.mean_queue_length + run.mean_in_use, lambda * (in_system / n),
              1e-9 * (run.mean_queue_length + run.mean_in_use));
}

TEST(Queueing, SameReplicationGivesBitIdenticalResults) {
  const Queue q{2.4, 1.0, 3};
  const QueueRun a = simulate(q, 20000, 3);
  detail::set_frame_pool(false);  // frame recycling must not matter either
  const QueueRun b = simulate(q, 20000, 3);
  detail::set_frame_pool(true);
  EXPECT_EQ(a.c.arrival, b.c.arrival);
  EXPECT_EQ(a.c.start, b.c.start);
  EXPECT_EQ(a.c.leave, b.c.leave);
  EXPECT_EQ(a.mean_queue_length, b.mean_queue_length);
}

TEST(Queueing, OtherReplicationsDifferButAgreeStatistically) {
  const Queue q{2.4, 1.0, 3};
  const std::vector<double> a = replicated_waits(q, 20, 0);
  const std::vector<double> b = replicated_waits(q, 20, 20);
  for (std::size_t i = 0; i < a.size(); ++i) EXPECT_NE(a[i], b[i]);
  // Welch's t statistic for equal means, against the two-sided 1% critical value.
  const Estimate ea = confidence_interval(a);
  const Estimate eb = confidence_interval(b);
  const double se = std::sqrt(ea.stddev * ea.stddev / static_cast<double>(ea.n) +
                              eb.stddev * eb.stddev / static_cast<double>(eb.n));
  const double t = (ea.mean - eb.mean) / se;
  EXPECT_LT(std::fabs(t), student_t_quantile(0.995, 30.0)) << ea.mean << " vs " << eb.mean;
}

}  // namespace
}  // namespace landbridge::sim
