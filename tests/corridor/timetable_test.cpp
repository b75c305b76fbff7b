// Timetable-driven departures (policy "timetable") on small inline networks with hand-made
// services, where every box's journey can be worked out by hand.
#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "landbridge/corridor/model.h"
#include "landbridge/io/text_network.h"
#include "gauge_network.h"

namespace landbridge::corridor {
namespace {

// Time 0 is Monday 2026-01-05 00:00 UTC.
//  * ab: weekly train, Mondays 00:00, 10 h to KZBBB, `cap` TEU.
//  * KZBBB: gauge change (one crane, 2 h a box), then a 5 h border clearance.
//  * bc: daily train at 12:00, 20 h to PLCCC, 100 TEU.
using testing::kGaugeNet;

timetable::Service service(const Network& net, const std::string& id, Gauge g,
                           std::vector<std::pair<std::string, std::pair<double, double>>> calls,
                           timetable::WeekdaySet days, double start_h, int capacity) {
  timetable::Service s;
  s.id = id;
  s.carriage = Carriage{Mode::rail, g};
  for (const auto& [code, ad] : calls) {
    s.calls.push_back({*net.find_node(code), hours(ad.first), hours(ad.second), Kilometres(100.0)});
  }
  s.pattern.kind = timetable::PatternKind::weekly;
  s.pattern.weekdays = days;
  s.pattern.start_time = hours(start_h);
  s.capacity_teu = capacity;
  return s;
}

Scenario timetabled(double teu_per_week) {
  Scenario s = testing::gauge_scenario("tt", 1, teu_per_week, ReadyPattern::uniform);
  s.drain_days = 60;
  s.rail = ServicePolicy{ServicePolicy::Kind::timetable, 168, 0, 1000, 0, 168, 0};
  s.start_date = "2026-01-05";
  return s;
}

std::vector<timetable::Service> gauge_services(const Network& net, int cap) {
  return {service(net, "W", Gauge::g1435, {{"CNAAA", {0, 0}}, {"KZBBB", {10, 0}}},
                  timetable::weekday_bit(timetable::Weekday::mon), 0, cap),
          service(net, "D", Gauge::g1520, {{"KZBBB", {0, 0}}, {"PLCCC", {20, 0}}}, timetable::kEveryDay, 12, 100)};
}

// Ten boxes a week, room for twelve: every box leaves on the next Monday train, is lifted
// by 10 + 2(k+1) h, cleared by 17 + 2k <= 35 h, and all leave on Tuesday's 12:00 train
// (36 h after Monday 00:00), at PLCCC 56 h after the Monday departure.
TEST(CorridorTimetable, BoxesTakeTheNextTimetabledTrains) {
  const Network net = io::parse_text_network(kGaugeNet);
  const auto svcs = gauge_services(net, 12);
  const CorridorModel m(net, timetabled(10), svcs);
  std::vector<BoxRecord> recs;
  const ReplicationResult r = m.run(0, &recs);
  ASSERT_GE(recs.size(), 90U);
  for (const BoxRecord& b : recs) {
    ASSERT_GE(b.delivered_h, 0) << "box " << b.id;
    const double monday = std::ceil(b.ready_h / 168.0) * 168.0;
    EXPECT_NEAR(b.transit_h(), monday - b.ready_h + 56.0, 1e-6) << "box " << b.id << " ready " << b.ready_h;
    EXPECT_NEAR(b.running_h, 30.0, 1e-6);
    EXPECT_NEAR(b.border_h, 5.0, 1e-6);
  }
  ASSERT_EQ(r.services.size(), 2U);
  // ab: one departure a week carrying 10 of 12 TEU; bc: daily, loaded on Tuesdays only.
  EXPECT_NEAR(r.services[0].load_factor, 10.0 / 12.0, 1e-9);
  EXPECT_NEAR(r.services[0].departures, 9.0, 1.0);
  EXPECT_NEAR(r.services[1].departures, 63.0, 1.0);
}

// Room for eight a week and ten arriving: the queue grows, each train takes the eight that
// waited longest (FIFO), and no train leaves with more than eight.
TEST(CorridorTimetable, TrainsCarryAtMostTheirCapacityInArrivalOrder) {
  const Network net = io::parse_text_network(kGaugeNet);
  const auto svcs = gauge_services(net, 8);
  const CorridorModel m(net, timetabled(10), svcs);
  std::vector<BoxRecord> recs;
  (void)m.run(0, &recs);
  std::map<long, int> per_departure;  // Monday departure hour -> boxes
  double last_dep = -1, last_ready = -1;
  for (const BoxRecord& b : recs) {  // records are in ready order
    if (b.delivered_h < 0) continue;
    const double dep = b.delivered_h - 56.0;  // as above, once on a Monday train
    EXPECT_NEAR(std::fmod(dep, 168.0), 0.0, 1e-6) << "box " << b.id;
    ++per_departure[std::lround(dep)];
    EXPECT_GE(dep, last_dep - 1e-6) << "box " << b.id << " overtook one ready at " << last_ready;
    last_dep = dep;
    last_ready = b.ready_h;
  }
  ASSERT_GT(per_departure.size(), 5U);
  for (const auto& [dep, n] : per_departure) EXPECT_LE(n, 8) << "departure at " << dep << " h";
  int full = 0;
  for (const auto& [dep, n] : per_departure) full += n == 8 ? 1 : 0;
  EXPECT_GE(full, 4);  // the backlog fills the later trains
}

// A through train A -> B -> C with a 5 h timetabled stop at the border B: boxes stay on board
// (no border draw, the stop is in the timetable) and arrive 35 h after the departure.
const char* kThroughNet = R"(
node CNAAA Origin
node KZBBB Border
node PLCCC Destination
link ab CNAAA KZBBB rail:1435 100km 10h 100usd
link bc KZBBB PLCCC rail:1435 100km 20h 100usd
op KZBBB border rail:1435 rail:1435 8h 10usd
)";

TEST(CorridorTimetable, BoxesStayOnAThroughTrain) {
  const Network net = io::parse_text_network(kThroughNet);
  const std::vector<timetable::Service> svcs{
      service(net, "T", Gauge::g1435, {{"CNAAA", {0, 0}}, {"KZBBB", {10, 15}}, {"PLCCC", {35, 0}}},
              static_cast<timetable::WeekdaySet>(timetable::weekday_bit(timetable::Weekday::mon) |
                                                 timetable::weekday_bit(timetable::Weekday::thu)),
              6, 40)};
  Scenario s = timetabled(30);
  s.nodes.clear();
  const CorridorModel m(net, s, svcs);
  std::vector<BoxRecord> recs;
  const ReplicationResult r = m.run(0, &recs);
  ASSERT_GE(recs.size(), 250U);
  for (const BoxRecord& b : recs) {
    ASSERT_GE(b.delivered_h, 0);
    EXPECT_EQ(b.border_h, 0.0);
    EXPECT_NEAR(b.running_h, 35.0, 1e-6);
    // Departures Mondays 06:00 and Thursdays 06:00: at 6 + 168 w and 78 + 168 w hours.
    const double dep = b.delivered_h - 35.0;
    const double in_week = std::fmod(dep, 168.0);
    EXPECT_TRUE(std::abs(in_week - 6.0) < 1e-6 || std::abs(in_week - 78.0) < 1e-6) << dep;
    EXPECT_NEAR(b.wait_departure_h, dep - b.ready_h, 1e-6);
  }
  // Both legs see the same load: the boxes stay on board across KZBBB.
  ASSERT_EQ(r.services.size(), 2U);
  EXPECT_NEAR(r.services[0].load_factor, r.services[1].load_factor, 1e-9);
  EXPECT_GT(r.services[0].load_factor, 0.2);
}

TEST(CorridorTimetable, ALinkWithoutServiceIsNamed) {
  const Network net = io::parse_text_network(kGaugeNet);
  const std::vector<timetable::Service> svcs{gauge_services(net, 12)[0]};  // nothing runs bc
  try {
    const CorridorModel m(net, timetabled(10), svcs);
    FAIL() << "expected ScenarioError";
  } catch (const ScenarioError& e) {
    const std::string msg = e.what();
    EXPECT_NE(msg.find("link bc"), std::string::npos) << msg;
    EXPECT_NE(msg.find("KZBBB -> PLCCC"), std::string::npos) << msg;
  }
}

}  // namespace
}  // namespace landbridge::corridor
