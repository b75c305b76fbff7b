// The corridor model on a three-node inline network with deterministic durations, where every
// box's waits can be worked out by hand.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "landbridge/corridor/model.h"
#include "landbridge/io/text_network.h"
#include "gauge_network.h"

namespace landbridge::corridor {
namespace {

// Trains of 10 TEU leave CNAAA when full, run 10 h to the gauge change at KZBBB (one 2 h
// lift per box, then a 5 h border clearance per train), and a new 1520 train of 10 boxes
// leaves for PLCCC (20 h) once all 10 are across.
using testing::kGaugeNet;

Scenario small(int cranes) { return testing::gauge_scenario("small", cranes, 10, ReadyPattern::uniform); }

TEST(CorridorSmallNetwork, OneCraneServesATrainOneBoxAfterTheOther) {
  const Network net = io::parse_text_network(kGaugeNet);
  const CorridorModel m(net, small(1));
  EXPECT_DOUBLE_EQ(m.flow_planned_h(0), 10 + 2 + 5 + 20);
  std::vector<BoxRecord> recs;
  const ReplicationResult r = m.run(0, &recs);
  ASSERT_GE(recs.size(), 90U);
  std::map<double, int> crane_waits;  // wait -> boxes
  for (const BoxRecord& b : recs) {
    ASSERT_GE(b.delivered_h, 0) << "box " << b.id;
    EXPECT_NEAR(b.service_crane_h, 2.0, 1e-9);
    EXPECT_NEAR(b.border_h, 5.0, 1e-9);
    EXPECT_NEAR(b.running_h, 30.0, 1e-9);
    ++crane_waits[std::round(b.wait_crane_h * 1e6) / 1e6];  // clock sums carry rounding
    // Box k of a train waits 2k h for the crane, then 5 h at the border, then 18 - 2k h for
    // the other boxes of its next train: 2 + 5 + 18 = 25 h at KZBBB whatever k.
    const double first_train_wait = b.wait_departure_h - (18.0 - b.wait_crane_h);
    EXPECT_NEAR(b.transit_h(), first_train_wait + 10 + 25 + 20, 1e-6) << "box " << b.id;
  }
  // Ten boxes per train: the waits 0, 2, ..., 18 h equally often.
  ASSERT_EQ(crane_waits.size(), 10U);
  for (int k = 0; k < 10; ++k) EXPECT_EQ(crane_waits[2.0 * k], crane_waits[0.0]) << k;
  ASSERT_EQ(r.nodes.size(), 1U);
  EXPECT_NEAR(r.nodes[0].mean_wait_h, 9.0, 1e-9);
  EXPECT_NEAR(r.nodes[0].p95_wait_h, 18.0, 1e-9);
  EXPECT_DOUBLE_EQ(r.nodes[0].max_queue, 9.0);
  for (const ServiceKpi& s : r.services) EXPECT_DOUBLE_EQ(s.load_factor, 1.0);
}

TEST(CorridorSmallNetwork, TwoCranesHalveTheQueue) {
  const Network net = io::parse_text_network(kGaugeNet);
  const CorridorModel m(net, small(2));
  std::vector<BoxRecord> recs;
  const ReplicationResult r = m.run(0, &recs);
  EXPECT_NEAR(r.nodes[0].mean_wait_h, 4.0, 1e-9);  // pairs wait 0, 2, 4, 6, 8
  EXPECT_NEAR(r.nodes[0].p95_wait_h, 8.0, 1e-9);
  for (const BoxRecord& b : recs) {
    const double first_train_wait = b.wait_departure_h - (8.0 - b.wait_crane_h);
    EXPECT_NEAR(b.transit_h(), first_train_wait + 10 + 2 + 5 + 8 + 20, 1e-6) << "box " << b.id;
  }
}

TEST(CorridorSmallNetwork, ABoxLargerThanTheTrainIsAnError) {
  const Network net = io::parse_text_network(kGaugeNet);
  Scenario s = small(1);
  s.flows[0].teu_per_box = 2;
  s.rail.capacity_teu = 1;
  s.rail.min_teu = 1;
  try {
    const CorridorModel m(net, s);
    FAIL() << "expected ScenarioError";
  } catch (const ScenarioError& e) {
    EXPECT_NE(std::string(e.what()).find("capacity_teu"), std::string::npos) << e.what();
  }
}

// The queue series against a slow rebuild from the records: box b waits for the crane over
// [arrival, arrival + wait_crane_h), arrival = ready + first train's wait + 10 h of running.
// For each bucket: the time-average is the summed overlap / width, the max is the count at
// the bucket's start or at any arrival inside it. Widths 1 h (aligned with the 2 h lifts)
// and 5 h (not aligned).
TEST(CorridorSmallNetwork, QueueSeriesMatchesARebuildFromTheRecords) {
  const Network net = io::parse_text_network(kGaugeNet);
  for (double dt : {1.0, 5.0}) {
    Scenario s = small(1);
    s.queue_sample_h = dt;
    const CorridorModel m(net, s);
    std::vector<BoxRecord> recs;
    const ReplicationResult r = m.run(0, &recs);
    ASSERT_EQ(r.node_queue_mean.size(), 1U);
    ASSERT_EQ(r.node_queue_max.size(), 1U);
    const double end_h = (s.horizon_days + s.drain_days) * 24;
    const auto n = static_cast<std::size_t>(std::ceil(end_h / dt));
    ASSERT_EQ(r.node_queue_mean[0].size(), n);
    ASSERT_EQ(r.node_queue_max[0].size(), n);
    std::vector<std::pair<double, double>> waits;  // [from, to) in hours, only boxes that queued
    for (const BoxRecord& b : recs) {
      const double first_train_wait = b.wait_departure_h - (18.0 - b.wait_crane_h);
      const double at = b.ready_h + first_train_wait + 10;
      if (b.wait_crane_h > 1e-9) waits.emplace_back(at, at + b.wait_crane_h);
    }
    auto count_at = [&](double t) {
      int c = 0;
      for (const auto& [a, b] : waits) c += (a <= t + 1e-9 && t + 1e-9 < b) ? 1 : 0;
      return c;
    };
    double peak = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const double a = static_cast<double>(i) * dt, b = std::min(end_h, a + dt);
      double overlap = 0;
      int mx = count_at(a);
      for (const auto& [x, y] : waits) {
        overlap += std::max(0.0, std::min(y, b) - std::max(x, a));
        if (x >= a && x < b) mx = std::max(mx, count_at(x));
      }
      EXPECT_NEAR(r.node_queue_mean[0][i], overlap / (b - a), 1e-4) << "dt " << dt << " bucket " << i;
      EXPECT_EQ(r.node_queue_max[0][i], static_cast<float>(mx)) << "dt " << dt << " bucket " << i;
      peak = std::max(peak, static_cast<double>(r.node_queue_max[0][i]));
    }
    EXPECT_EQ(peak, 9.0);  // a train of 10: one on the crane, nine waiting
  }
}

TEST(CorridorSmallNetwork, TransitSamplesAreTheMeasuredBoxes) {
  const Network net = io::parse_text_network(kGaugeNet);
  const CorridorModel m(net, small(1));
  std::vector<BoxRecord> recs;
  const ReplicationResult r = m.run(0, &recs);
  ASSERT_EQ(r.flow_transit_h.size(), 1U);
  std::vector<float> expect;
  for (const BoxRecord& b : recs) {
    if (b.ready_h >= 7 * 24 && b.ready_h < 70 * 24 && b.delivered_h >= 0) {
      expect.push_back(static_cast<float>(b.transit_h()));
    }
  }
  EXPECT_EQ(r.flow_transit_h[0], expect);
  EXPECT_EQ(static_cast<double>(expect.size()), r.flows[0].boxes - r.flows[0].undelivered);
  std::vector<float> sorted = expect;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_NEAR(sorted.back(), r.flows[0].max_h, 1e-3);
}

// Line capacity: two train paths a day on ab (slots at 00:00 and 12:00), 100 TEU a week in
// trains of 10 (about 1.4 trains a day). Each train takes the earliest free slot at or after
// it is formed; rebuilt here train by train from the records.
TEST(CorridorSmallNetwork, TrainsWaitForAFreePathSlot) {
  const Network net = io::parse_text_network(kGaugeNet);
  Scenario s = small(20);
  s.flows[0].teu_per_week = 100;
  s.links.push_back({.id = "ab", .trains_per_day = 2});
  const CorridorModel m(net, s);
  ASSERT_EQ(m.link_labels(), std::vector<std::string>{"ab"});
  std::vector<BoxRecord> recs;
  const ReplicationResult r = m.run(0, &recs);
  std::map<long, std::pair<double, int>> trains;  // slot (minutes) -> (formed at, boxes)
  // With 20 cranes no box waits for a lift and the 1520 train leaves as soon as its ten boxes
  // are across, so the departure wait is the 1435 train's formation alone.
  for (const BoxRecord& b : recs) {
    EXPECT_NEAR(b.wait_crane_h, 0.0, 1e-9);
    ASSERT_GE(b.delivered_h, 0);
    const double first_wait = b.wait_departure_h;
    const double formed = b.ready_h + first_wait;
    const double slot = formed + b.wait_path_h;
    auto& t = trains[std::lround(slot * 60)];
    if (t.second == 0) t.first = formed;
    EXPECT_NEAR(t.first, formed, 1e-6) << "two trains in one slot at " << slot << " h";
    ++t.second;
    EXPECT_NEAR(b.transit_h(), first_wait + b.wait_path_h + 10 + 2 + 5 + 20, 1e-6) << "box " << b.id;
  }
  std::vector<std::pair<double, long>> by_formation;
  for (const auto& [slot, t] : trains) {
    EXPECT_EQ(t.second, 10) << "slot " << slot;
    EXPECT_EQ(slot % (12 * 60), 0) << "slot " << slot << " min";
    by_formation.emplace_back(t.first, slot);
  }
  std::sort(by_formation.begin(), by_formation.end());
  std::set<long> taken;
  double waits = 0;
  for (const auto& [formed, slot] : by_formation) {  // slow: scan the slots one by one
    long k = static_cast<long>(std::ceil(formed * 60 / (12 * 60) - 1e-9));
    while (taken.count(k * 12 * 60) != 0) ++k;
    taken.insert(k * 12 * 60);
    EXPECT_EQ(k * 12 * 60, slot) << "train formed at " << formed << " h";
    waits += static_cast<double>(slot) / 60 - formed;
  }
  EXPECT_GT(waits, 0.0);
  ASSERT_EQ(r.links.size(), 1U);
  EXPECT_EQ(r.links[0].trains_per_day, 2.0);
  EXPECT_NEAR(r.links[0].utilisation, (100.0 / 10 / 7) / 2, 0.05);
  EXPECT_GT(r.links[0].mean_wait_h, 0.0);
  EXPECT_LT(r.links[0].mean_wait_h, 12.0 * 3);
}

// The package's dwell operations are skipped (they stand for the departure waits the model
// makes itself) unless the scenario applies them at a node: then once per train, here a
// fixed 3 h, so every box arrives exactly 3 h later (same boxes: common random numbers).
TEST(CorridorSmallNetwork, DwellIsAppliedOnlyWhereTheScenarioSaysSo) {
  const std::string text = std::string(kGaugeNet) + "op KZBBB dwell rail:1435 rail:1520 3h 0usd\n";
  const Network net = io::parse_text_network(text);
  Scenario plain = small(1), dwell = small(1);
  dwell.nodes[0].apply_dwell = true;
  const CorridorModel a(net, plain), b(net, dwell);
  EXPECT_DOUBLE_EQ(a.flow_planned_h(0), 10 + 2 + 5 + 3 + 20);  // the static plan counts it
  std::vector<BoxRecord> ra, rb;
  (void)a.run(0, &ra);
  (void)b.run(0, &rb);
  ASSERT_EQ(ra.size(), rb.size());
  for (std::size_t i = 0; i < ra.size(); ++i) {
    ASSERT_GE(ra[i].delivered_h, 0);
    EXPECT_EQ(ra[i].dwell_h, 0.0);
    EXPECT_NEAR(rb[i].dwell_h, 3.0, 1e-9);
    EXPECT_NEAR(rb[i].transit_h(), ra[i].transit_h() + 3.0, 1e-6) << "box " << i;
  }
}

}  // namespace
}  // namespace landbridge::corridor
