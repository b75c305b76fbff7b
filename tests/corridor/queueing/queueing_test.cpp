// Analytic validation of the corridor model (issue 10, item 6): single queues whose mean wait
// is known in closed form, each a scenario file of this folder on a network holding that queue
// alone. The model's mean over the scenario's replications (fixed seed, so the test repeats
// exactly) must contain the analytic value in its 95 % interval, and Little's law must hold at
// the queue: the model's time-average queue = arrival rate x the model's mean wait.
#include <gtest/gtest.h>

#include <cmath>

#include "queueing_case.h"

namespace landbridge::corridor::queueing {
namespace {

// One rail link, no operation at either end.
constexpr const char* kRailLink = R"(
node CNAAA Origin
node PLCCC Destination
link ab CNAAA PLCCC rail:1435 100km 1h 100usd
)";

// One feeder link, no port operation at either end.
constexpr const char* kFeederLink = R"(
node JPAAA Port A
node KRBBB Port B
link ab JPAAA KRBBB feeder 200km 12h 100usd
)";


double departure_wait(const ReplicationResult& r) { return r.services.at(0).mean_wait_h; }

// Trains every T = 30 h with room for all: a Poisson box's wait is uniform on [0, T).
TEST(CorridorQueueing, FixedHeadwayTrainWaitsHalfTheHeadway) {
  const Case c = run_case("fixed-headway", text_network(kRailLink));
  ASSERT_EQ(c.model->service_labels(), std::vector<std::string>{"ab"});
  const double headway_h = c.scenario.rail.headway_h;
  ASSERT_EQ(headway_h, 30.0);
  expect_within_ci(c.estimate(departure_wait),
                   headway_h / 2, 0.02, "fixed-headway train, mean wait h");
  for (const ReplicationResult& r : c.reps) {
    // Departures in the window: one every 30 h from 7 h.
    const double w0 = c.scenario.warmup_days * 24, w1 = c.scenario.horizon_days * 24;
    EXPECT_EQ(r.services.at(0).departures, std::ceil((w1 - 7) / 30) - std::ceil((w0 - 7) / 30));
    EXPECT_EQ(r.flows.at(0).undelivered, 0.0);
  }
  expect_little(c, 1, departure_wait);
}

// A vessel sails with exactly K = 10 boxes: box i of a shipload waits for K - i more Poisson
// arrivals, (K - 1) / (2 lambda) on average.
TEST(CorridorQueueing, VesselThatSailsWhenFullWaitsForTheRestOfItsLoad) {
  const Case c = run_case("sails-when-full", text_network(kFeederLink));
  const double k = c.scenario.sea.min_teu;
  ASSERT_EQ(k, 10.0);
  ASSERT_EQ(c.scenario.sea.capacity_teu, k);
  const double lambda_h = c.scenario.flows.at(0).teu_per_week / 168;  // one TEU a box
  expect_within_ci(c.estimate(departure_wait),
                   (k - 1) / (2 * lambda_h), 0.03, "vessel sailing when full, mean wait h");
  for (const ReplicationResult& r : c.reps) {
    EXPECT_DOUBLE_EQ(r.services.at(0).load_factor, 1.0);  // never sails part-loaded
    EXPECT_LT(r.flows.at(0).undelivered, k);              // only the last, partial shipload stays
    // ... and is reported, not lost: every box left in the system waits in port.
    EXPECT_LT(r.services.at(0).waiting_at_end, k);
    EXPECT_EQ(r.in_system_at_end, r.services.at(0).waiting_at_end);
    EXPECT_EQ(r.flows.at(0).in_system_at_end, r.flows.at(0).undelivered);
  }
  expect_little(c, 12, departure_wait);
}

// M/D/1 at a gauge change: Poisson arrivals (each box on a train of its own over a fixed-time
// link), one crane, a fixed 1 h lift. Pollaczek-Khinchine with zero service variance.
TEST(CorridorQueueing, MD1GaugeChangeCraneMatchesPollaczekKhinchine) {
  const Case c = run_case("md1", text_network(kGaugeChange));
  ASSERT_EQ(c.model->node_labels(), std::vector<std::string>{"KZBBB"});
  const double lambda_h = c.scenario.flows.at(0).teu_per_week / 168;
  const double d_h = 2 / c.scenario.nodes.at(0).moves_per_hour;
  const double rho = lambda_h * d_h;
  ASSERT_NEAR(rho, 0.6, 1e-12);
  const double wq = rho * d_h / (2 * (1 - rho));
  expect_within_ci(c.estimate([](const ReplicationResult& r) { return r.nodes.at(0).mean_wait_h; }), wq, 0.05,
                   "M/D/1 crane, mean wait h");
  // Door to door: the wait, the lift and 3 h on the two links (each box leaves at once).
  expect_within_ci(c.estimate([](const ReplicationResult& r) { return r.flows.at(0).mean_h; }), 3 + d_h + wq, 0.01,
                   "M/D/1 crane, mean door-to-door h");
  expect_little_at_crane(c);
  expect_little_at_node(c, 0);
  expect_little(c, 3, [](const ReplicationResult& r) { return r.flows.at(0).mean_h - 3; });
  // Busy crane time = lifts x D: the utilisation is the replication's own arrival rate x D.
  for (std::size_t r = 0; r < c.reps.size(); ++r) {
    const double arrivals_h = c.reps[r].flows.at(0).boxes / c.window_h();
    EXPECT_NEAR(c.reps[r].nodes.at(0).utilisation, arrivals_h * d_h, 0.01 * rho) << "replication " << r;
  }
}

// The same gauge change as a tiny network package, whose operation states a duration range
// (0.5..2.5 h around 1 h): the crane draws each lift from triangular(0.5, 1, 2.5). Figures are
// this test's assumptions.
NetworkFiles gauge_change_package() {
  return {
      {"pkg/network.toml",
       "format = \"landbridge-network/1\"\nname = \"queueing\"\nversion = \"test\"\n"
       "mass_per_teu_t = 10.0\nmass_per_teu_source = \"T1\"\n"},
      {"pkg/sources.csv", "key,title,url,date,note\nT1,Figures of this test package,,2026,assumptions\n"},
      {"pkg/emission_factors.csv",
       "id,mode,description,wtw,ttw,wtw_range,basis,sources,note\n"
       "rail-test,rail,Block train,18,15,,assumption,,figure of this test package\n"},
      {"pkg/nodes.csv",
       "code,name,country,kind,lat,lon,timezone,aliases,sources,basis,note\n"
       "CNAAA,Origin,CN,rail_terminal,40.0,90.0,,,,assumption,\n"
       "KZBBB,Gauge change,KZ,border_crossing,40.0,80.0,,,,assumption,\n"
       "PLCCC,Destination,PL,rail_terminal,50.0,20.0,,,,assumption,\n"},
      {"pkg/links.csv",
       "id,from,to,mode,gauge,distance,distance_range,duration,speed,duration_range,cost_teu,cost_feu,"
       "emission_factor,capacity_teu_day,bidirectional,avoid_passages,basis,sources,note\n"
       "ab,CNAAA,KZBBB,rail,1435,100 km,,1 h,,,100,200,rail-test,,no,,assumption,,\n"
       "bc,KZBBB,PLCCC,rail,1520,100 km,,2 h,,,100,200,rail-test,,no,,assumption,,\n"},
      {"pkg/operations.csv",
       "node,kind,arrive,depart,duration,duration_range,cost_teu,cost_feu,hub_co2e,capacity_teu_day,basis,sources,"
       "note\n"
       "KZBBB,gauge_change,rail:1435,rail:1520,1,0.5..2.5,10,20,,,assumption,,\n"},
  };
}

// M/G/1 at a gauge change with triangular(0.5, 1, 2.5) h lifts: Pollaczek-Khinchine.
TEST(CorridorQueueing, MG1TriangularCraneMatchesPollaczekKhinchine) {
  const Case c = run_case("mg1-triangular", gauge_change_package());
  ASSERT_EQ(c.model->node_labels(), std::vector<std::string>{"KZBBB"});
  const double lo = 0.5, mode = 1, hi = 2.5;
  const double es = (lo + mode + hi) / 3;
  const double var = (lo * lo + mode * mode + hi * hi - lo * mode - lo * hi - mode * hi) / 18;
  const double lambda_h = c.scenario.flows.at(0).teu_per_week / 168;
  const double rho = lambda_h * es;
  ASSERT_NEAR(rho, 0.6, 1e-12);
  const double wq = lambda_h * (var + es * es) / (2 * (1 - rho));
  expect_within_ci(c.estimate([](const ReplicationResult& r) { return r.nodes.at(0).mean_wait_h; }), wq, 0.05,
                   "M/G/1 triangular crane, mean wait h");
  expect_within_ci(c.estimate([](const ReplicationResult& r) { return r.flows.at(0).mean_h; }), 3 + es + wq, 0.01,
                   "M/G/1 triangular crane, mean door-to-door h");
  expect_within_ci(c.estimate([](const ReplicationResult& r) { return r.nodes.at(0).utilisation; }), rho, 0.01,
                   "M/G/1 triangular crane, utilisation");
  expect_little_at_crane(c);
  expect_little_at_node(c, 0);
  expect_little(c, 3, [](const ReplicationResult& r) { return r.flows.at(0).mean_h - 3; });
}

}  // namespace
}  // namespace landbridge::corridor::queueing
