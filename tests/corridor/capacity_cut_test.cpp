// Capacity cuts ([[capacity_cuts]]): a gauge change loses cranes for a while and gets them back.
// On the shared three-node network (gauge_network.h) 30 TEU a week arrive in trains of 10
// boxes; each box takes 2 h on a crane at KZBBB.
#include <gtest/gtest.h>

#include <algorithm>

#include "gauge_network.h"
#include "landbridge/corridor/model.h"
#include "landbridge/corridor/scenario.h"
#include "landbridge/io/text_network.h"

namespace landbridge::corridor {
namespace {

using testing::kGaugeNet;

Scenario three_cranes() {
  Scenario s = testing::gauge_scenario("cut", 3, 30, ReadyPattern::poisson);
  s.seed = 5;
  return s;
}

// The largest crane queue of replication 0 within [from_day, to_day).
float peak_queue(const ReplicationResult& r, double sample_h, double from_day, double to_day) {
  float peak = 0;
  const std::vector<float>& q = r.node_queue_max[0];
  for (std::size_t i = 0; i < q.size(); ++i) {
    const double day = static_cast<double>(i) * sample_h / 24;
    if (day >= from_day && day < to_day) peak = std::max(peak, q[i]);
  }
  return peak;
}

TEST(CorridorCapacityCut, OneCraneLeftForTwentyDaysLengthensQueuesOnlyThen) {
  const Network net = io::parse_text_network(kGaugeNet);
  const Scenario base = three_cranes();
  Scenario cut = base;
  cut.capacity_cuts.push_back({.node = "KZBBB", .cranes = 1, .cranes_factor = 1, .from_day = 20, .to_day = 40});
  const ReplicationResult a = CorridorModel(net, base).run(0);
  const ReplicationResult b = CorridorModel(net, cut).run(0);
  // Same arrivals (common random numbers), so the same boxes, but longer crane waits.
  EXPECT_EQ(a.flows[0].boxes, b.flows[0].boxes);
  EXPECT_GT(b.nodes[0].mean_wait_h, a.nodes[0].mean_wait_h);
  EXPECT_DOUBLE_EQ(b.nodes[0].cranes, 3);  // the nominal count
  // With three cranes a train of 10 leaves 7 boxes queueing; with one, 9.
  EXPECT_LE(peak_queue(a, base.queue_sample_h, 21, 39), 7.0F);
  EXPECT_GE(peak_queue(b, base.queue_sample_h, 21, 39), 8.0F);
  // Before the cut (after the first trains) the two runs are the same box for box.
  EXPECT_EQ(peak_queue(a, base.queue_sample_h, 0, 20), peak_queue(b, base.queue_sample_h, 0, 20));
  // Utilisation is over the crane time offered: the same lifts on fewer crane-hours.
  EXPECT_GT(b.nodes[0].utilisation, a.nodes[0].utilisation);
}

TEST(CorridorCapacityCut, ACutAfterTheRunChangesNothing) {
  const Network net = io::parse_text_network(kGaugeNet);
  const Scenario base = three_cranes();
  Scenario late = base;
  late.capacity_cuts.push_back({.node = "KZBBB", .cranes = 0, .cranes_factor = 0.34, .from_day = 500, .to_day = 600});
  const ReplicationResult a = CorridorModel(net, base).run(1);
  const ReplicationResult b = CorridorModel(net, late).run(1);
  EXPECT_EQ(a.flow_transit_h, b.flow_transit_h);
  EXPECT_EQ(a.node_queue_max, b.node_queue_max);
  EXPECT_DOUBLE_EQ(a.nodes[0].utilisation, b.nodes[0].utilisation);
}

TEST(CorridorCapacityCut, ErrorsNameTheCut) {
  const Network net = io::parse_text_network(kGaugeNet);
  Scenario s = three_cranes();
  s.capacity_cuts.push_back({.node = "PLCCC", .cranes = 1, .cranes_factor = 1, .from_day = 1, .to_day = 2});
  try {
    (void)CorridorModel(net, s);
    FAIL() << "expected a ScenarioError";
  } catch (const ScenarioError& e) {
    EXPECT_NE(std::string(e.what()).find("capacity_cuts[0]"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("not a gauge change"), std::string::npos) << e.what();
  }
  s.capacity_cuts = {{.node = "KZBBB", .cranes = 1, .cranes_factor = 1, .from_day = 1, .to_day = 5},
                     {.node = "KZBBB", .cranes = 2, .cranes_factor = 1, .from_day = 4, .to_day = 6}};
  EXPECT_THROW((void)CorridorModel(net, s), ScenarioError);

  const std::string head = "[scenario]\nname = \"x\"\ndemand = \"d.csv\"\n";
  const auto message = [&](const std::string& body) {
    try {
      (void)parse_scenario(head + body, "cut.toml");
    } catch (const ScenarioError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(message("[[capacity_cuts]]\nnode = \"KZBBB\"\ncranes = 1\ncranes_factor = 0.5\nfrom_day = 1\nto_day = 2\n")
                .find("capacity_cuts[0].cranes"),
            std::string::npos);
  EXPECT_NE(message("[[capacity_cuts]]\nnode = \"KZBBB\"\ncranes = 1\nfrom_day = 3\nto_day = 2\n").find(
                "capacity_cuts[0].to_day"),
            std::string::npos);
  EXPECT_NE(message("[[capacity_cuts]]\nnode = \"KZBBB\"\ncranes = 1\nfrom_day = 1\nto_day = 2\nshift = 3\n")
                .find("capacity_cuts[0].shift"),
            std::string::npos);
}

}  // namespace
}  // namespace landbridge::corridor
