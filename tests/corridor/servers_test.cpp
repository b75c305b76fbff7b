// Node operations as servers ([[operations]]): queues with their own servers, per box or per
// train, on the three-node gauge network where every wait can be worked out by hand.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "landbridge/corridor/model.h"
#include "landbridge/io/text_network.h"
#include "gauge_network.h"

namespace landbridge::corridor {
namespace {

std::size_t node_index(const CorridorModel& m, const std::string& label) {
  const auto labels = m.node_labels();
  const auto it = std::find(labels.begin(), labels.end(), label);
  EXPECT_NE(it, labels.end()) << "no resource " << label;
  return static_cast<std::size_t>(it - labels.begin());
}

OperationSpec border(int servers, bool per_train, double fixed_h) {
  OperationSpec o;
  o.node = "KZBBB";
  o.kind = "border";
  o.servers = servers;
  o.per_train = per_train;
  o.has_service = true;
  o.service.dist = ServiceTimeSpec::Dist::fixed;
  o.service.value_h = fixed_h;
  return o;
}

// Ten cranes lift a whole 10-box train in 2 h, so its boxes reach a one-lane border together:
// served one an hour, they wait 0, 1, ..., 9 h.
TEST(CorridorServers, ABorderLaneServesATrainsBoxesOneAfterTheOther) {
  const Network net = io::parse_text_network(testing::kGaugeNet);
  Scenario s = testing::gauge_scenario("lane", 10, 10, ReadyPattern::uniform);
  s.operations.push_back(border(1, false, 1.0));
  const CorridorModel m(net, s);
  std::vector<BoxRecord> recs;
  const ReplicationResult r = m.run(0, &recs);
  // The ten boxes that cross together fill the next train and arrive together.
  std::map<double, std::vector<double>> waits_by_arrival;
  for (const BoxRecord& b : recs) {
    if (b.delivered_h < 0) continue;
    EXPECT_DOUBLE_EQ(b.border_h, 1.0);
    waits_by_arrival[b.delivered_h].push_back(b.wait_operation_h);
  }
  ASSERT_GE(waits_by_arrival.size(), 5U);
  for (auto& [at, ws] : waits_by_arrival) {
    std::sort(ws.begin(), ws.end());
    ASSERT_EQ(ws.size(), 10U) << "at " << at;
    for (std::size_t i = 0; i < ws.size(); ++i) EXPECT_NEAR(ws[i], static_cast<double>(i), 1e-6);
  }
  const NodeKpi& k = r.nodes[node_index(m, "KZBBB-border")];
  EXPECT_EQ(k.cranes, 1.0);
  EXPECT_NEAR(k.mean_wait_h, 4.5, 1e-6);
  EXPECT_NEAR(k.mean_service_h, 1.0, 1e-9);
  EXPECT_EQ(k.max_queue, 9.0);  // the last box of a train finds nine ahead of it
  // Little's law at the lane: L = lambda W over the window (units that arrived in it).
  const double window_h = (s.horizon_days - s.warmup_days) * 24;
  EXPECT_NEAR(k.mean_queue, k.arrivals / window_h * k.mean_wait_h, 0.1 * k.mean_queue + 0.01);
}

// Per train: the lane clears a whole train in one 3 h service; every box of it shares it.
TEST(CorridorServers, PerTrainServiceClearsTheTrainsBoxesTogether) {
  const Network net = io::parse_text_network(testing::kGaugeNet);
  Scenario s = testing::gauge_scenario("train", 10, 10, ReadyPattern::uniform);
  s.operations.push_back(border(1, true, 3.0));
  const CorridorModel m(net, s);
  std::vector<BoxRecord> recs;
  const ReplicationResult r = m.run(0, &recs);
  std::size_t delivered = 0;
  for (const BoxRecord& b : recs) {
    if (b.delivered_h < 0) continue;
    ++delivered;
    EXPECT_DOUBLE_EQ(b.border_h, 3.0);
    EXPECT_DOUBLE_EQ(b.wait_operation_h, 0.0);  // a train a week: never a queue
  }
  const NodeKpi& k = r.nodes[node_index(m, "KZBBB-border")];
  EXPECT_GT(k.arrivals, 0.0);
  EXPECT_LT(k.arrivals, static_cast<double>(delivered) / 5) << "units are trains, not boxes";
  EXPECT_EQ(k.max_queue, 0.0);
  EXPECT_EQ(k.mean_wait_h, 0.0);
}

// Without servers the operation is a delay: no queue however many boxes arrive at once.
TEST(CorridorServers, NoServersIsAPureDelayWithTheChosenDistribution) {
  const Network net = io::parse_text_network(testing::kGaugeNet);
  Scenario s = testing::gauge_scenario("delay", 10, 10, ReadyPattern::uniform);
  OperationSpec o = border(0, false, 0);
  o.service.dist = ServiceTimeSpec::Dist::exponential;
  o.service.mean_h = 4.0;
  s.operations.push_back(o);
  const CorridorModel m(net, s);
  for (const std::string& l : m.node_labels()) EXPECT_NE(l, "KZBBB-border");
  std::vector<BoxRecord> recs;
  (void)m.run(0, &recs);
  double sum = 0, n = 0;
  std::map<double, int> distinct;
  for (const BoxRecord& b : recs) {
    EXPECT_EQ(b.wait_operation_h, 0.0);
    if (b.delivered_h < 0) continue;
    sum += b.border_h;
    n += 1;
    distinct[b.border_h] += 1;
  }
  ASSERT_GT(n, 50);
  EXPECT_NEAR(sum / n, 4.0, 4 * 4.0 / std::sqrt(n));
  EXPECT_GT(distinct.size(), static_cast<std::size_t>(n * 0.9)) << "one draw per box";
}

TEST(CorridorServers, ScenarioOperationsAreReadAndCheckedWithFileLineAndField) {
  const std::string head = "[scenario]\ndemand = \"d.csv\"\n";
  const std::string demand = "origin,destination,teu_per_week,unit,pattern\nCNAAA,PLCCC,10,TEU,poisson\n";
  const Scenario ok = parse_scenario(head +
                                         "[[operations]]\nnode = \"KZBBB\"\nkind = \"border\"\nservers = 2\n"
                                         "per = \"train\"\ndiscipline = \"priority\"\n"
                                         "service = { dist = \"lognormal\", mean_h = 6.0, cv = 1.5 }\n",
                                     "s.toml", demand);
  ASSERT_EQ(ok.operations.size(), 1U);
  EXPECT_EQ(ok.operations[0].servers, 2);
  EXPECT_TRUE(ok.operations[0].per_train);
  EXPECT_TRUE(ok.operations[0].priority);
  EXPECT_EQ(ok.operations[0].service.dist, ServiceTimeSpec::Dist::lognormal);
  EXPECT_EQ(ok.operations[0].service.cv, 1.5);
  auto message = [&](const std::string& ops) {
    try {
      (void)parse_scenario(head + ops, "s.toml", demand);
    } catch (const ScenarioError& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EXPECT_EQ(message("[[operations]]\nnode = \"KZBBB\"\nkind = \"border\"\nservice = { dist = \"gamma\", mean_h = 1 }\n"),
            "s.toml:6: field 'operations[0].service.dist': got 'gamma', expected fixed, exponential, lognormal, "
            "triangular, pert or empirical");
  EXPECT_NE(message("[[operations]]\nnode = \"KZBBB\"\nkind = \"border\"\nservice = { dist = \"lognormal\", mean_h = 1 }\n")
                .find("field 'operations[0].service.cv': missing"),
            std::string::npos);
  EXPECT_NE(message("[[operations]]\nnode = \"KZBBB\"\nkind = \"gate\"\n").find("field 'operations[0].kind'"),
            std::string::npos);
  EXPECT_NE(message("[[operations]]\nnode = \"KZBBB\"\nkind = \"border\"\nper = \"wagon\"\n").find("operations[0].per"),
            std::string::npos);
  EXPECT_NE(message("[[operations]]\nnode = \"KZBBB\"\nkind = \"border\"\nservice = { dist = \"empirical\", values_h = [1, 2] }\n")
                .find("operations[0].service.source"),
            std::string::npos);

  // Resolved against the network: an unknown node, or an operation no route has.
  const Network net = io::parse_text_network(testing::kGaugeNet);
  Scenario s = testing::gauge_scenario("bad", 1, 10, ReadyPattern::uniform);
  s.file = "bad.toml";
  s.operations.push_back(border(1, false, 1));
  s.operations.back().node = "KZXXX";
  s.operations.back().line = 7;
  try {
    CorridorModel m(net, s);
    FAIL() << "unknown node accepted";
  } catch (const ScenarioError& e) {
    EXPECT_NE(std::string(e.what()).find("bad.toml:7: field 'operations[0].node': unknown node 'KZXXX'"), std::string::npos)
        << e.what();
  }
  s.operations.back().node = "CNAAA";
  try {
    CorridorModel m(net, s);
    FAIL() << "an operation on no route accepted";
  } catch (const ScenarioError& e) {
    EXPECT_NE(std::string(e.what()).find("bad.toml:7: field 'operations[0].kind': no flow's route has a border operation at 'CNAAA'"),
              std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace landbridge::corridor
