// Analytic validation of the corridor model's operation servers (issue 10, items 1 and 6):
// node operations as queues with their own servers and service-time distributions
// ([[operations]] in the scenario, docs/corridor-simulation.md). Each case is a scenario file of
// this folder on a network holding that queue alone; the model's mean over the scenario's
// replications (fixed seed) must contain the analytic value in its 95 % interval, and Little's
// law must hold at the node.
#include <gtest/gtest.h>

#include <cmath>

#include "queueing_case.h"

namespace landbridge::corridor::queueing {
namespace {

// Two rail links of different gauges meeting at KZBBB: the gauge change alone (M/G/1,
// kGaugeChange of queueing_case.h), or a border and the gauge change (tandem).
constexpr const char* kBorderAndGaugeChange = R"(
node CNAAA Origin
node KZBBB Border and gauge change
node PLCCC Destination
link ab CNAAA KZBBB rail:1435 100km 1h 100usd
link bc KZBBB PLCCC rail:1520 100km 2h 100usd
op KZBBB border rail:1435 rail:1520 1h 10usd
op KZBBB gauge_change rail:1435 rail:1520 1h 10usd
)";

// A road terminal: trucks run straight through (no vehicle is formed on road links), so boxes
// reach KZBBB as they are ready.
constexpr const char* kRoadTerminal = R"(
node CNAAA Origin
node KZBBB Terminal
node PLCCC Destination
link ab CNAAA KZBBB road 100km 1h 100usd
link bc KZBBB PLCCC road 100km 2h 100usd
op KZBBB handling road road 2h 10usd
)";

constexpr double kRunningH = 3;  // the two links of every network above

double lambda_per_h(const Case& c) { return c.scenario.flows.at(0).teu_per_week / 168; }  // TEU boxes
double door_to_door(const ReplicationResult& r) { return r.flows.at(0).mean_h; }
double at_node(const ReplicationResult& r) { return r.flows.at(0).mean_h - kRunningH; }

// Erlang C: the probability that an arrival waits in an M/M/c queue with offered load a = lambda/mu.
double erlang_c(int c, double a) {
  double term = 1, sum = 0;  // a^k / k!
  for (int k = 0; k < c; ++k) {
    sum += term;
    term *= a / (k + 1);
  }
  const double top = term / (1 - a / c);  // a^c / c! / (1 - rho)
  return top / (sum + top);
}

// M/G/1: one crane, lognormal lifts of mean 1 h and CV 1.5 (E[S^2] = (1 + CV^2) E[S]^2).
TEST(CorridorQueueingServers, MG1LognormalCraneMatchesPollaczekKhinchine) {
  const Case c = run_case("mg1-lognormal", text_network(kGaugeChange));
  const double lambda = lambda_per_h(c), es = 1.0, cv = 1.5;
  const double rho = lambda * es;
  ASSERT_NEAR(rho, 0.5, 1e-12);
  const double wq = lambda * (1 + cv * cv) * es * es / (2 * (1 - rho));
  const std::size_t n = node_index(c, "KZBBB");
  expect_within_ci(c.estimate([n](const ReplicationResult& r) { return r.nodes.at(n).mean_wait_h; }), wq, 0.05,
                   "M/G/1 lognormal CV 1.5, mean wait h");
  expect_within_ci(c.estimate([n](const ReplicationResult& r) { return r.nodes.at(n).mean_service_h; }), es, 0.01,
                   "M/G/1 lognormal CV 1.5, mean lift h");
  expect_within_ci(c.estimate(door_to_door), kRunningH + wq + es, 0.02, "M/G/1 lognormal CV 1.5, door to door h");
  // A lift of many hours now and then (CV 1.5) straddles the window's edges: 5 %.
  expect_little_at_node(c, n, 0.05);
  expect_little(c, kRunningH, at_node, 0.05);
}

// Tandem M/M/1 -> M/M/1 at one node: border (mean 1 h) then gauge change (mean 0.8 h).
TEST(CorridorQueueingServers, TandemMM1SojournIsTheSumOfTheTwoQueues) {
  const Case c = run_case("tandem-mm1", text_network(kBorderAndGaugeChange));
  const double lambda = lambda_per_h(c), mu1 = 1 / 1.0, mu2 = 1 / 0.8;
  ASSERT_NEAR(lambda, 0.5, 1e-12);
  const double sojourn = 1 / (mu1 - lambda) + 1 / (mu2 - lambda);
  expect_within_ci(c.estimate(at_node), sojourn, 0.02, "tandem M/M/1 -> M/M/1, mean sojourn h");
  // Each queue on its own: M/M/1 waits rho / (mu - lambda); the crane sees the border's output,
  // Poisson again (Burke).
  const std::size_t lane = node_index(c, "KZBBB-border"), crane = node_index(c, "KZBBB");
  expect_within_ci(c.estimate([lane](const ReplicationResult& r) { return r.nodes.at(lane).mean_wait_h; }),
                   (lambda / mu1) / (mu1 - lambda), 0.05, "tandem, border lane mean wait h");
  expect_within_ci(c.estimate([crane](const ReplicationResult& r) { return r.nodes.at(crane).mean_wait_h; }),
                   (lambda / mu2) / (mu2 - lambda), 0.05, "tandem, gauge-change crane mean wait h");
  expect_little_at_node(c, lane);
  expect_little_at_node(c, crane);
  expect_little(c, kRunningH, at_node);
}

// M/M/3 at a road terminal: exponential handling of mean 2 h, rho = 0.7.
TEST(CorridorQueueingServers, MMcTerminalMatchesErlangC) {
  const Case c = run_case("mmc-terminal", text_network(kRoadTerminal));
  const int servers = 3;
  const double lambda = lambda_per_h(c), es = 2.0, a = lambda * es;
  ASSERT_NEAR(a / servers, 0.7, 1e-12);
  const double wq = erlang_c(servers, a) / (servers / es - lambda);
  EXPECT_NEAR(erlang_c(servers, a), 0.4923, 1e-4);
  const std::size_t n = node_index(c, "KZBBB-handling");
  expect_within_ci(c.estimate([n](const ReplicationResult& r) { return r.nodes.at(n).mean_wait_h; }), wq, 0.05,
                   "M/M/3 terminal, mean wait h");
  expect_within_ci(c.estimate(at_node), wq + es, 0.02, "M/M/3 terminal, mean time at the node h");
  for (const ReplicationResult& r : c.reps) EXPECT_EQ(r.nodes.at(n).cranes, servers);
  expect_little_at_node(c, n);
  expect_little(c, kRunningH, at_node);
}

}  // namespace
}  // namespace landbridge::corridor::queueing
