// Timetabled door-to-door planning on a small network built in the test.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <random>
#include <tuple>

#include "landbridge/route/planner.h"
#include "landbridge/schedule/planner.h"
#include "landbridge/timetable/raptor.h"
#include "landbridge/timetable/time.h"

namespace landbridge::schedule {
namespace {

using timetable::CivilDate;
using timetable::Weekday;

// The network of these tests:
//
//   JPAAA --ferry 800 km--> KRBBB --road 300 km, 1 d, $700--> KRCCC
//   JPAAA --ferry 1100 km, through Malacca ------------------->  KRCCC
//   handling at KRBBB from ferry to road: 3 h, $100, 1 kg/t
//
// Services (times UTC):
//   F1  JPAAA -> KRBBB  Tuesdays 10:00, arrives +20 h, cut-off 2 h, $900/TEU
//   G1  JPAAA -> KRCCC  Saturdays 06:00, arrives +30 h, no cut-off, $1500/TEU
// Both ferry links are covered by a service (timetable-only); the road is an untimed link.
struct Fixture {
  LoadedNetwork pkg;
  NodeId a, b, c;
  EmissionFactorId ferry, road;
};

// zoned: A in Asia/Tokyo, B in Asia/Seoul, C without a zone. dwell: B also has an expected
// dwell of 2 days at $50 on every transfer (the static planner's stand-in for waiting), and
// the box is lifted onto the first vehicle at A and off the last one at C (free, instant).
Fixture make_fixture(bool zoned = false, bool dwell = false) {
  Fixture fx;
  NetworkBuilder nb;
  fx.ferry = nb.add_emission_factor({.id = "ferry", .mode = Mode::ferry, .wtw = GramsPerTonneKm(40.0), .ttw = GramsPerTonneKm(30.0)});
  fx.road = nb.add_emission_factor({.id = "road", .mode = Mode::road, .wtw = GramsPerTonneKm(80.0), .ttw = GramsPerTonneKm(60.0)});
  fx.a = nb.add_node({.code = "JPAAA", .name = "A", .country = "JP", .timezone = zoned ? "Asia/Tokyo" : ""});
  fx.b = nb.add_node({.code = "KRBBB", .name = "B", .country = "KR", .timezone = zoned ? "Asia/Seoul" : ""});
  fx.c = nb.add_node({.code = "KRCCC", .name = "C", .country = "KR"});
  nb.add_link({.id = "ferry-AB", .from = fx.a, .to = fx.b, .carriage = {Mode::ferry, Gauge::none},
               .distance = Kilometres(800.0), .duration = hours(20), .cost_teu = usd(900), .factor = fx.ferry});
  nb.add_link({.id = "ferry-AC", .from = fx.a, .to = fx.c, .carriage = {Mode::ferry, Gauge::none},
               .distance = Kilometres(1100.0), .duration = hours(30), .cost_teu = usd(1500), .factor = fx.ferry,
               .passages = passage_bit(Passage::malacca)});
  nb.add_link({.id = "road-BC", .from = fx.b, .to = fx.c, .carriage = {Mode::road, Gauge::none},
               .distance = Kilometres(300.0), .duration = days(1), .cost_teu = usd(700), .factor = fx.road});
  nb.add_operation({.node = fx.b, .kind = OperationKind::handling,
                    .arrive = *parse_carriage_pattern("ferry", true),
                    .depart = *parse_carriage_pattern("road", false),
                    .duration = Estimate<Minutes>::exact(hours(3)), .cost_teu = Estimate<UsdCents>::exact(usd(100)),
                    .hub_kg_co2e_per_t = 1.0});
  if (dwell)
    nb.add_operation({.node = fx.b, .kind = OperationKind::dwell, .arrive = *parse_carriage_pattern("*", true),
                      .depart = *parse_carriage_pattern("*", false),
                      .duration = Estimate<Minutes>::exact(days(2)), .cost_teu = Estimate<UsdCents>::exact(usd(50))});
  if (dwell) {
    nb.add_operation({.node = fx.a, .kind = OperationKind::handling, .arrive = *parse_carriage_pattern("start", true),
                      .depart = *parse_carriage_pattern("*", false)});
    nb.add_operation({.node = fx.c, .kind = OperationKind::handling, .arrive = *parse_carriage_pattern("*", true),
                      .depart = *parse_carriage_pattern("end", false)});
  }
  fx.pkg.network = nb.build();
  return fx;
}

timetable::Service ferry_service(std::string id, NodeId from, NodeId to, Weekday day, Minutes at, Minutes ride,
                                 Minutes cutoff, UsdCents price, EmissionFactorId f, Kilometres km) {
  timetable::Service s;
  s.id = std::move(id);
  s.carriage = {Mode::ferry, Gauge::none};
  s.calls = {{.stop = from}, {.stop = to, .arrival = ride, .distance = km}};
  s.pattern.kind = timetable::PatternKind::weekly;
  s.pattern.weekdays = timetable::weekday_bit(day);
  s.pattern.start_time = at;
  s.cutoff = cutoff;
  s.price_teu = price;
  s.price_feu = price * 2;
  s.factor = f;
  return s;
}

std::vector<timetable::Service> services(const Fixture& fx) {
  return {ferry_service("F1", fx.a, fx.b, Weekday::tue, hours(10), hours(20), hours(2), usd(900), fx.ferry,
                        Kilometres(800.0)),
          ferry_service("G1", fx.a, fx.c, Weekday::sat, hours(6), hours(30), Minutes(0), usd(1500), fx.ferry,
                        Kilometres(1100.0))};
}

Instant at(int y, int m, int d, int hh = 0, int mm = 0) {
  return timetable::to_instant(CivilDate{y, m, d}, hours(hh) + Minutes(mm));
}

ScheduledPlanner make_planner(const Fixture& fx) {
  return ScheduledPlanner(fx.pkg, services(fx), at(2026, 11, 23), days(90));
}

ScheduledRequest request(std::string from, std::string to, Instant ready) {
  ScheduledRequest r;
  r.from = std::move(from);
  r.to = std::move(to);
  r.depart = ready;
  return r;
}

std::vector<std::string> services_of(const ScheduledItinerary& it) {
  std::vector<std::string> out;
  for (const auto& s : it.steps)
    if (!s.service.empty()) out.push_back(s.service);
  return out;
}

TEST(ScheduledPlanner, CalendarOfTheTests) {
  EXPECT_EQ(timetable::weekday(CivilDate{2026, 12, 1}), Weekday::tue);
  EXPECT_EQ(timetable::weekday(CivilDate{2026, 12, 5}), Weekday::sat);
}

TEST(ScheduledPlanner, LinksRunBySomeServiceAreTimetableOnly) {
  const Fixture fx = make_fixture();
  const ScheduledPlanner p = make_planner(fx);
  ASSERT_EQ(p.untimed_links().size(), 1u);
  EXPECT_EQ(fx.pkg.network.link_info(p.untimed_links()[0]).id, "road-BC");
  EXPECT_THROW(ScheduledPlanner(fx.pkg, services(fx), at(2026, 11, 23), days(30)), Error);
}

TEST(ScheduledPlanner, ReadyOnWednesdayDepartsWithTheTuesdayFerry) {
  const Fixture fx = make_fixture();
  ScheduledPlanner p = make_planner(fx);
  const ScheduledResult r = p.plan(request("JPAAA", "KRBBB", at(2026, 12, 2)));
  ASSERT_EQ(r.itineraries.size(), 1u);
  const ScheduledItinerary& it = r.itineraries[0];
  ASSERT_FALSE(it.steps.empty());
  // Ready on Wednesday, the box makes the ferry of Tuesday 10:00 with its 2 h cut-off: the
  // itinerary departs (its first step starts) at the cut-off, six days after the ready instant.
  EXPECT_EQ(it.ready, at(2026, 12, 2));
  EXPECT_EQ(it.departure, at(2026, 12, 8, 8));
  const ScheduledStep& wait = it.steps.front();
  EXPECT_EQ(wait.kind, route::StepKind::node);
  EXPECT_EQ(wait.operation, "wait");
  EXPECT_EQ(wait.depart, it.departure);
  EXPECT_EQ(wait.arrive_at, at(2026, 12, 8, 10));
  EXPECT_EQ(wait.cutoff, hours(2));
  const ScheduledStep& ride = it.steps[1];
  EXPECT_EQ(ride.kind, route::StepKind::leg);
  EXPECT_EQ(ride.service, "F1");
  EXPECT_EQ(ride.depart, at(2026, 12, 8, 10));
  EXPECT_EQ(ride.arrive_at, at(2026, 12, 9, 6));
  EXPECT_EQ(it.arrival, at(2026, 12, 9, 6));
  EXPECT_EQ(it.cost, usd(900));
  // One TEU of 10 t (the network's default mass) over 800 km at 40 g/t-km, TTW at 30.
  EXPECT_EQ(it.co2e.wtw, GramsCo2e(320'000));
  EXPECT_EQ(it.co2e.ttw, GramsCo2e(240'000));
}

TEST(ScheduledPlanner, MissedCutOffTakesTheNextDeparture) {
  const Fixture fx = make_fixture();
  ScheduledPlanner p = make_planner(fx);
  const ScheduledResult in_time = p.plan(request("JPAAA", "KRBBB", at(2026, 12, 1, 8)));
  ASSERT_EQ(in_time.itineraries.size(), 1u);
  EXPECT_EQ(in_time.itineraries[0].arrival, at(2026, 12, 2, 6));
  const ScheduledResult missed = p.plan(request("JPAAA", "KRBBB", at(2026, 12, 1, 8, 1)));
  ASSERT_EQ(missed.itineraries.size(), 1u);
  EXPECT_EQ(missed.itineraries[0].arrival, at(2026, 12, 9, 6));
}

TEST(ScheduledPlanner, LaterDepartureDateGivesADifferentBestAnswer) {
  const Fixture fx = make_fixture();
  ScheduledPlanner p = make_planner(fx);
  // Ready Monday: the Tuesday ferry to B, handling, then the road: Thu 09:00.
  const ScheduledResult mon = p.plan(request("JPAAA", "KRCCC", at(2026, 11, 30)));
  ASSERT_EQ(mon.itineraries.size(), 1u);
  EXPECT_EQ(services_of(mon.itineraries[0]), std::vector<std::string>{"F1"});
  EXPECT_EQ(mon.itineraries[0].arrival, at(2026, 12, 3, 9));
  EXPECT_EQ(mon.itineraries[0].cost, usd(900 + 100 + 700));
  // Ready Wednesday: next Tuesday is too late, the Saturday ferry to C wins (Sun 12:00).
  const ScheduledResult wed = p.plan(request("JPAAA", "KRCCC", at(2026, 12, 2)));
  ASSERT_EQ(wed.itineraries.size(), 1u);
  EXPECT_EQ(services_of(wed.itineraries[0]), std::vector<std::string>{"G1"});
  EXPECT_EQ(wed.itineraries[0].arrival, at(2026, 12, 6, 12));
  // The Monday itinerary shows the transfer at B as a node step and the road as a leg.
  const auto& steps = mon.itineraries[0].steps;
  const auto handling = std::find_if(steps.begin(), steps.end(), [](const auto& s) { return s.operation == "handling"; });
  ASSERT_NE(handling, steps.end());
  EXPECT_EQ(handling->from, fx.b);
  EXPECT_EQ(handling->arrive_at - handling->depart, hours(3));
  EXPECT_EQ(steps.back().kind, route::StepKind::leg);
  EXPECT_EQ(fx.pkg.network.link_info(steps.back().link).id, "road-BC");
  EXPECT_EQ(mon.itineraries[0].via, (std::vector<NodeId>{fx.a, fx.b, fx.c}));
}

// Connections: the static planner charges B's expected dwell (2 d, $50) on top of the handling;
// on the timetable only the minimum connection time (the 3 h handling) applies before the
// real wait, so the answer is the one without the dwell row.
TEST(ScheduledPlanner, DwellIsNotChargedOnTopOfTheRealWait) {
  const Fixture plain = make_fixture();
  const Fixture fx = make_fixture(false, true);
  ScheduledPlanner without = make_planner(plain);
  ScheduledPlanner with = make_planner(fx);
  const ScheduledResult a = without.plan(request("JPAAA", "KRCCC", at(2026, 11, 30)));
  const ScheduledResult b = with.plan(request("JPAAA", "KRCCC", at(2026, 11, 30)));
  ASSERT_EQ(a.itineraries.size(), 1u);
  ASSERT_EQ(b.itineraries.size(), 1u);
  EXPECT_EQ(b.itineraries[0].arrival, at(2026, 12, 3, 9));
  EXPECT_EQ(b.itineraries[0].arrival, a.itineraries[0].arrival);
  EXPECT_EQ(b.itineraries[0].cost, a.itineraries[0].cost);
  for (const ScheduledStep& s : b.itineraries[0].steps) EXPECT_EQ(s.operation.find("dwell"), std::string::npos);

  const Transfer& t = fx.pkg.network.transfer(fx.b, Carriage{Mode::ferry, Gauge::none}.code(),
                                              Carriage{Mode::road, Gauge::none}.code());
  EXPECT_EQ(t.duration, hours(3) + days(2));   // static: handling + expected dwell
  EXPECT_EQ(t.connection, hours(3));           // timetable: minimum connection time
  EXPECT_EQ(t.cost_teu, usd(150));
  EXPECT_EQ(t.connection_cost_teu, usd(100));
}

// A transshipment is a lift between two vehicles in both planners: the lifts onto the first
// vehicle at A and off the last one at C are steps but not transshipments.
TEST(ScheduledPlanner, TransshipmentsCountAsInTheStaticPlanner) {
  const Fixture fx = make_fixture(false, true);
  ScheduledPlanner p = make_planner(fx);
  const ScheduledResult timed = p.plan(request("JPAAA", "KRCCC", at(2026, 11, 30)));
  ASSERT_EQ(timed.itineraries.size(), 1u);
  EXPECT_EQ(timed.itineraries[0].via, (std::vector<NodeId>{fx.a, fx.b, fx.c}));
  EXPECT_EQ(timed.itineraries[0].transshipments, 1);
  int lifts = 0;
  for (const ScheduledStep& s : timed.itineraries[0].steps) lifts += s.operation.find("handling") != std::string::npos;
  EXPECT_EQ(lifts, 3);  // at A (start), B (ferry -> road) and C (end)

  route::Planner fixed(fx.pkg);
  route::RouteRequest req;
  req.from = "JPAAA";
  req.to = "KRCCC";
  req.avoid = {"malacca"};  // the direct ferry: leaves the path through B
  const route::RouteResult r = fixed.route(req);
  ASSERT_EQ(r.itineraries.size(), 1u);
  EXPECT_EQ(r.itineraries[0].via, timed.itineraries[0].via);
  EXPECT_EQ(r.itineraries[0].transshipments, timed.itineraries[0].transshipments);
}

TEST(ScheduledPlanner, AgreesWithTheTimetableLayerAndItsParetoSet) {
  const Fixture fx = make_fixture();
  ScheduledPlanner p = make_planner(fx);
  timetable::Raptor raptor(p.timetable());
  std::mt19937 rng(7);
  for (int i = 0; i < 60; ++i) {
    const Instant ready = at(2026, 11, 23) + Minutes(static_cast<std::int32_t>(rng() % (40 * 1440)));
    const bool to_c = rng() % 2 == 0;
    const NodeId target = to_c ? fx.c : fx.b;
    ScheduledRequest req = request("JPAAA", to_c ? "KRCCC" : "KRBBB", ready);
    const ScheduledResult ea = p.plan(req);
    timetable::Query q{.origin = fx.a, .target = target, .ready = ready, .cargo = p.cargo(req.options)};
    raptor.run(q);
    ASSERT_EQ(ea.itineraries.size(), 1u);
    EXPECT_EQ(ea.itineraries[0].arrival, raptor.delivered(target)) << timetable::format_iso8601(ready);
    // The itinerary's steps begin at its departure, are contiguous in time and add up to its
    // totals; the departure is the latest ready instant that makes the journey.
    EXPECT_GE(ea.itineraries[0].departure, ready);
    Instant t = ea.itineraries[0].departure;
    UsdCents cost(0);
    for (const auto& s : ea.itineraries[0].steps) {
      EXPECT_EQ(s.depart, t);
      t = s.arrive_at;
      cost += s.cost;
    }
    EXPECT_EQ(t, ea.itineraries[0].arrival);
    EXPECT_EQ(cost, ea.itineraries[0].cost);
    req.pareto = true;
    const ScheduledResult par = p.plan(req);
    ASSERT_FALSE(par.itineraries.empty());
    Instant best = Instant::max();
    for (const auto& it : par.itineraries) best = std::min(best, it.arrival);
    EXPECT_EQ(best, ea.itineraries[0].arrival);
  }
}

// Slow and obvious: every departure of every service over the horizon, day by day.
Instant brute_force_to_c(const std::vector<timetable::Service>& svs, Instant ready, const Fixture& fx) {
  Instant best = Instant::max();
  for (std::int32_t d = timetable::epoch_day(CivilDate{2026, 11, 23}); d < timetable::epoch_day(CivilDate{2027, 2, 21}); ++d) {
    for (const auto& s : svs) {
      if (!(s.pattern.weekdays & timetable::weekday_bit(timetable::weekday_of_epoch_day(d)))) continue;
      const Instant dep = timetable::to_instant(timetable::date_of_epoch_day(d), s.pattern.start_time);
      if (dep - s.cutoff < ready) continue;
      Instant arr = dep + s.calls.back().arrival;
      if (s.calls.back().stop == fx.b) arr += hours(3) + days(1);  // handling, then the road
      best = std::min(best, arr);
    }
  }
  return best;
}

TEST(ScheduledPlanner, EarliestArrivalMatchesEnumerationOnRandomTimetables) {
  const Fixture fx = make_fixture();
  std::mt19937 rng(11);
  for (int round = 0; round < 20; ++round) {
    auto svs = services(fx);
    for (auto& s : svs) {
      s.pattern.weekdays = static_cast<timetable::WeekdaySet>(1 + rng() % 127);
      s.pattern.start_time = Minutes(static_cast<std::int32_t>(rng() % 1440));
      s.calls.back().arrival = hours(1) + Minutes(static_cast<std::int32_t>(rng() % (4 * 1440)));
      s.cutoff = Minutes(static_cast<std::int32_t>(rng() % 600));
    }
    ScheduledPlanner p(fx.pkg, svs, at(2026, 11, 23), days(90));
    for (int i = 0; i < 20; ++i) {
      const Instant ready = at(2026, 11, 23) + Minutes(static_cast<std::int32_t>(rng() % (30 * 1440)));
      const ScheduledResult r = p.plan(request("JPAAA", "KRCCC", ready));
      ASSERT_EQ(r.itineraries.size(), 1u);
      EXPECT_EQ(r.itineraries[0].arrival, brute_force_to_c(svs, ready, fx)) << round << " " << i;
    }
  }
}

TEST(ScheduledPlanner, WindowListsEveryOptimalDeparture) {
  const Fixture fx = make_fixture();
  ScheduledPlanner p = make_planner(fx);
  ScheduledRequest req = request("JPAAA", "KRBBB", at(2026, 11, 30));
  req.window = days(14);
  const ScheduledResult r = p.plan(req);
  // Boxes ready in [Mon 30 Nov, Mon 14 Dec] catch the sailings of 1, 8 and 15 Dec (a box
  // ready at the window's end, 14 Dec, still makes the 15th); departures are the latest
  // ready instants, clamped to the window's end.
  ASSERT_EQ(r.itineraries.size(), 3u);
  EXPECT_EQ(r.itineraries[0].departure, at(2026, 12, 1, 8));
  EXPECT_EQ(r.itineraries[0].arrival, at(2026, 12, 2, 6));
  EXPECT_EQ(r.itineraries[1].departure, at(2026, 12, 8, 8));
  EXPECT_EQ(r.itineraries[1].arrival, at(2026, 12, 9, 6));
  EXPECT_EQ(r.itineraries[2].departure, at(2026, 12, 14));
  EXPECT_EQ(r.itineraries[2].arrival, at(2026, 12, 16, 6));
  req.pareto = true;
  const ScheduledResult rp = p.plan(req);
  ASSERT_EQ(rp.itineraries.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(rp.itineraries[i].arrival, r.itineraries[i].arrival);
}

TEST(ScheduledPlanner, ConstraintsDropServicesAndLinks) {
  const Fixture fx = make_fixture();
  ScheduledPlanner p = make_planner(fx);
  ScheduledRequest req = request("JPAAA", "KRCCC", at(2026, 11, 30));
  req.avoid = {"KRBBB"};
  const ScheduledResult r = p.plan(req);
  EXPECT_EQ(r.dropped_services, std::vector<std::string>{"F1"});
  ASSERT_EQ(r.itineraries.size(), 1u);
  EXPECT_EQ(services_of(r.itineraries[0]), std::vector<std::string>{"G1"});
  req.avoid = {"ferry"};
  EXPECT_TRUE(p.plan(req).itineraries.empty());
  // G1 sails the Malacca link: closing the passage drops it, F1 and the road remain.
  req.avoid = {"malacca"};
  req.depart = at(2026, 12, 2);
  const ScheduledResult no_malacca = p.plan(req);
  EXPECT_EQ(no_malacca.dropped_services, std::vector<std::string>{"G1"});
  ASSERT_EQ(no_malacca.itineraries.size(), 1u);
  EXPECT_EQ(services_of(no_malacca.itineraries[0]), std::vector<std::string>{"F1"});
  EXPECT_EQ(no_malacca.itineraries[0].arrival, at(2026, 12, 10, 9));
  req.depart = at(2026, 11, 30);
  req.avoid = {"KRCCC"};
  EXPECT_THROW(p.plan(req), Error);
  req.avoid = {};
  req.depart = at(2027, 6, 1);
  EXPECT_THROW(p.plan(req), Error);
}

TEST(ScheduledPlanner, JsonCarriesInstantsServicesAndWaits) {
  const Fixture fx = make_fixture();
  ScheduledPlanner p = make_planner(fx);
  ScheduledRequest req = request("JPAAA", "KRCCC", at(2026, 11, 30));
  req.pareto = true;
  const ScheduledResult r = p.plan(req);
  const nlohmann::json j = to_json(fx.pkg.network, r);
  EXPECT_EQ(j["depart"], "2026-11-30T00:00Z");
  ASSERT_FALSE(j["itineraries"].empty());
  const auto& it = j["itineraries"][0];
  EXPECT_EQ(it["depart"], timetable::format_iso8601(r.itineraries[0].departure));
  EXPECT_EQ(it["arrive"], "2026-12-03T09:00Z");
  bool saw_wait = false, saw_service = false;
  for (const auto& st : it["steps"]) {
    ASSERT_TRUE(st.contains("depart") && st.contains("arrive"));
    EXPECT_TRUE(timetable::parse_iso8601(st["depart"].get<std::string>()).has_value());
    EXPECT_TRUE(timetable::parse_iso8601(st["arrive"].get<std::string>()).has_value());
    for (const char* key : {"kind", "from", "to", "at", "mode", "distance_km", "hours", "cost_usd", "co2e_kg"})
      EXPECT_TRUE(st.contains(key)) << key;
    if (st["kind"] == "node" && st["operation"] == "wait") saw_wait = true;
    if (st["kind"] == "leg" && st["service"] == "F1") {
      saw_service = true;
      EXPECT_EQ(st["depart"], "2026-12-01T10:00Z");
      EXPECT_EQ(st["arrive"], "2026-12-02T06:00Z");
    }
  }
  EXPECT_TRUE(saw_wait);
  EXPECT_TRUE(saw_service);
  // The fixture's nodes have no zone: local times are UTC and the JSON says so.
  EXPECT_EQ(it["depart_local"], it["depart"]);
  EXPECT_TRUE(it["steps"][0]["depart_zone"].is_null());
  EXPECT_TRUE(j["deadline"].is_null());
  const std::string table = to_table(fx.pkg.network, r, TimeDisplay::utc);
  EXPECT_NE(table.find("departure (UTC)"), std::string::npos);
  EXPECT_NE(table.find("2026-12-01T10:00Z"), std::string::npos);
  const std::string local = to_table(fx.pkg.network, r);
  EXPECT_NE(local.find("departure (local)"), std::string::npos);
  EXPECT_NE(local.find("no time zone known for JPAAA, KRBBB, KRCCC (shown in UTC, Z)"), std::string::npos) << local;
}

// The fixture with zones: A in Tokyo, B in Seoul (both +09:00), C without a zone.
TEST(ScheduledPlanner, JsonGivesLocalTimesInEachNodesZone) {
  const Fixture fx = make_fixture(true);
  ScheduledPlanner p = make_planner(fx);
  const ScheduledResult r = p.plan(request("JPAAA", "KRBBB", at(2026, 11, 30)));
  const Network& zoned = fx.pkg.network;
  const nlohmann::json j = to_json(zoned, r);
  EXPECT_EQ(j["depart_local"], "2026-11-30T09:00+09:00");
  EXPECT_EQ(j["from_zone"], "Asia/Tokyo");
  bool ride = false;
  for (const auto& st : j["itineraries"][0]["steps"]) {
    if (st["service"] != "F1") continue;
    ride = true;
    EXPECT_EQ(st["depart_local"], "2026-12-01T19:00+09:00");
    EXPECT_EQ(st["depart_zone"], "Asia/Tokyo");
    EXPECT_EQ(st["arrive_local"], "2026-12-02T15:00+09:00");
    EXPECT_EQ(st["arrive_zone"], "Asia/Seoul");
  }
  EXPECT_TRUE(ride);
  const std::string table = to_table(zoned, r);
  EXPECT_NE(table.find("2026-12-01T19:00+09:00"), std::string::npos) << table;
  EXPECT_EQ(table.find("no time zone known"), std::string::npos) << table;
  const ScheduledResult to_c = p.plan(request("JPAAA", "KRCCC", at(2026, 11, 30)));
  EXPECT_TRUE(to_json(zoned, to_c)["to_zone"].is_null());
  EXPECT_NE(to_table(zoned, to_c).find("no time zone known for KRCCC (shown in UTC, Z)"), std::string::npos);
}

// Arrive-by on the fixture (F1 Tuesdays 10:00 A->B, cut-off 2 h, arrives 06:00 next day).
TEST(ScheduledPlanner, ArriveByGivesTheLatestDeparture) {
  const Fixture fx = make_fixture();
  ScheduledPlanner p = make_planner(fx);
  ScheduledRequest req = request("JPAAA", "KRBBB", at(2026, 11, 23));
  req.arrive_by = at(2026, 12, 9, 6);  // the sailing of Tue 8 Dec arrives just in time
  ScheduledResult r = p.plan(req);
  ASSERT_EQ(r.itineraries.size(), 1u);
  EXPECT_EQ(r.itineraries[0].departure, at(2026, 12, 8, 8));  // 10:00 less the cut-off
  EXPECT_EQ(r.itineraries[0].ready, at(2026, 12, 8, 8));
  EXPECT_EQ(r.itineraries[0].arrival, at(2026, 12, 9, 6));
  req.arrive_by = at(2026, 12, 9, 5, 59);  // a minute earlier: the sailing of 1 Dec
  r = p.plan(req);
  ASSERT_EQ(r.itineraries.size(), 1u);
  EXPECT_EQ(r.itineraries[0].departure, at(2026, 12, 1, 8));
  req.arrive_by = at(2026, 11, 25);  // nothing arrives before the first Tuesday sailing
  EXPECT_TRUE(p.plan(req).itineraries.empty());
  req.window = days(1);
  EXPECT_THROW(p.plan(req), Error);
  req.window.reset();
  req.arrive_by = at(2026, 11, 22);  // before the earliest ready instant
  EXPECT_THROW(p.plan(req), Error);
}

// Deadline Fri 11 Dec 12:00 at C. G1 (Sat 5 Dec 06:00, direct, $1500) is cheaper and cleaner;
// F1 + road (Tue 8 Dec 08:00, $1700) leaves three days later. Both are Pareto-optimal over
// (later departure, cost, CO2e, trips); latest departure first.
TEST(ScheduledPlanner, ArriveByParetoTradesLaterDepartureForCost) {
  const Fixture fx = make_fixture();
  ScheduledPlanner p = make_planner(fx);
  ScheduledRequest req = request("JPAAA", "KRCCC", at(2026, 11, 23));
  req.arrive_by = at(2026, 12, 11, 12);
  req.pareto = true;
  const ScheduledResult r = p.plan(req);
  ASSERT_EQ(r.itineraries.size(), 2u);
  EXPECT_EQ(services_of(r.itineraries[0]), std::vector<std::string>{"F1"});
  EXPECT_EQ(r.itineraries[0].departure, at(2026, 12, 8, 8));
  EXPECT_EQ(r.itineraries[0].arrival, at(2026, 12, 10, 9));
  EXPECT_EQ(r.itineraries[0].cost, usd(1700));
  EXPECT_EQ(services_of(r.itineraries[1]), std::vector<std::string>{"G1"});
  EXPECT_EQ(r.itineraries[1].departure, at(2026, 12, 5, 6));
  EXPECT_EQ(r.itineraries[1].arrival, at(2026, 12, 6, 12));
  EXPECT_EQ(r.itineraries[1].cost, usd(1500));
  const nlohmann::json j = to_json(fx.pkg.network, r);
  EXPECT_EQ(j["deadline"], "2026-12-11T12:00Z");
  EXPECT_EQ(j["objective"], "pareto");
}

// Slow and obvious cross-check of arrive-by: every ready instant of the range, one hour apart,
// with the depart-after query. Every time in these timetables is a whole hour (departures,
// rides, cut-offs, the 3 h handling, the 1 d road, the deadline), so whether a box ready at t
// makes a connection depends only on t rounded up to the hour: the hourly scan is exact.
struct Vec {
  Instant departure;
  UsdCents cost;
  GramsCo2e co2e;
  std::int32_t trips;
  friend bool operator==(const Vec&, const Vec&) = default;
};
std::vector<Vec> pareto_filter(std::vector<Vec> v) {
  std::vector<Vec> out;
  for (const Vec& a : v) {
    bool dominated = false;
    for (const Vec& b : v)
      dominated |= !(a == b) && b.departure >= a.departure && b.cost <= a.cost && b.co2e <= a.co2e && b.trips <= a.trips;
    if (!dominated && std::find(out.begin(), out.end(), a) == out.end()) out.push_back(a);
  }
  std::sort(out.begin(), out.end(), [](const Vec& a, const Vec& b) {
    return std::tie(b.departure, a.cost, a.co2e, a.trips) < std::tie(a.departure, b.cost, b.co2e, b.trips);
  });
  return out;
}

TEST(ScheduledPlanner, ArriveByMatchesScanningEveryDeparture) {
  const Fixture fx = make_fixture();
  std::mt19937 rng(5);
  int found = 0, several = 0, scanned = 0;  // the cases exercised
  for (int round = 0; round < 20; ++round) {
    auto svs = services(fx);
    for (auto& s : svs) {
      s.pattern.weekdays = static_cast<timetable::WeekdaySet>(1 + rng() % 127);
      s.pattern.start_time = hours(static_cast<std::int32_t>(rng() % 24));
      s.calls.back().arrival = hours(1 + static_cast<std::int32_t>(rng() % 96));
      s.cutoff = hours(static_cast<std::int32_t>(rng() % 10));
    }
    ScheduledPlanner p(fx.pkg, svs, at(2026, 11, 23), days(90));
    for (int i = 0; i < 3; ++i) {
      const Instant earliest = at(2026, 11, 23) + hours(static_cast<std::int32_t>(rng() % (20 * 24)));
      const Instant deadline = earliest + hours(24 + static_cast<std::int32_t>(rng() % (8 * 24)));
      const std::string to = rng() % 2 ? "KRCCC" : "KRBBB";
      ScheduledRequest req = request("JPAAA", to, earliest);
      req.arrive_by = deadline;
      const ScheduledResult latest = p.plan(req);
      req.pareto = true;
      const ScheduledResult par = p.plan(req);

      std::optional<Instant> scan_latest;
      std::vector<Vec> scan;
      for (Instant t = earliest; t <= deadline; t += hours(1)) {
        ++scanned;
        const ScheduledResult ea = p.plan(request("JPAAA", to, t));
        if (!ea.itineraries.empty() && ea.itineraries[0].arrival <= deadline) scan_latest = t;
        ScheduledRequest pr = request("JPAAA", to, t);
        pr.pareto = true;
        for (const auto& it : p.plan(pr).itineraries)
          if (it.arrival <= deadline) scan.push_back({t, it.cost, it.co2e.wtw, it.trips});
      }
      const std::string where = "round " + std::to_string(round) + " query " + std::to_string(i);
      ASSERT_EQ(latest.itineraries.size(), scan_latest ? 1u : 0u) << where;
      if (scan_latest) {
        EXPECT_EQ(latest.itineraries[0].departure, *scan_latest) << where;
        EXPECT_LE(latest.itineraries[0].arrival, deadline) << where;
      }
      std::vector<Vec> got;
      for (const auto& it : par.itineraries) {
        EXPECT_LE(it.arrival, deadline) << where;
        EXPECT_GE(it.departure, earliest) << where;
        got.push_back({it.departure, it.cost, it.co2e.wtw, it.trips});
      }
      EXPECT_EQ(got, pareto_filter(scan)) << where;
      found += scan_latest ? 1 : 0;
      several += got.size() >= 2 ? 1 : 0;
    }
  }
  EXPECT_GE(found, 30);
  EXPECT_GE(several, 3);
  EXPECT_GE(scanned, 1000);
  std::printf("arrive-by cross-check: %d of 60 queries found a journey, %d had several; %d ready instants scanned\n",
              found, several, scanned);
}

// Never back and forth: JPAAA -> KRBBB -> JPDDD -> CNCCC arrives first and cheapest but
// re-enters Japan; the direct JPAAA -> CNCCC ferry is slower and dearer. Every query (earliest
// arrival, Pareto, window) answers with the direct ferry only.
TEST(ScheduledPlanner, NoItineraryReEntersACountryItHasLeft) {
  NetworkBuilder nb;
  const auto f = nb.add_emission_factor({.id = "ferry", .mode = Mode::ferry, .wtw = GramsPerTonneKm(40.0), .ttw = GramsPerTonneKm(30.0)});
  const NodeId a = nb.add_node({.code = "JPAAA", .name = "A", .country = "JP"});
  const NodeId b = nb.add_node({.code = "KRBBB", .name = "B", .country = "KR"});
  const NodeId d = nb.add_node({.code = "JPDDD", .name = "D", .country = "JP"});
  const NodeId c = nb.add_node({.code = "CNCCC", .name = "C", .country = "CN"});
  const Carriage ferry{Mode::ferry, Gauge::none};
  for (const auto& [id, from, to, km] : {std::tuple{"AB", a, b, 200.0}, std::tuple{"BD", b, d, 200.0},
                                          std::tuple{"DC", d, c, 200.0}, std::tuple{"AC", a, c, 900.0}})
    nb.add_link({.id = id, .from = from, .to = to, .carriage = ferry, .distance = Kilometres(km),
                 .duration = hours(10), .cost_teu = usd(100), .factor = f});
  LoadedNetwork pkg;
  pkg.network = nb.build();
  const std::vector<timetable::Service> svs{
      ferry_service("AB", a, b, Weekday::mon, hours(8), hours(10), Minutes(0), usd(100), f, Kilometres(200.0)),
      ferry_service("BD", b, d, Weekday::mon, hours(20), hours(10), Minutes(0), usd(100), f, Kilometres(200.0)),
      ferry_service("DC", d, c, Weekday::tue, hours(8), hours(10), Minutes(0), usd(100), f, Kilometres(200.0)),
      ferry_service("AC", a, c, Weekday::wed, hours(8), days(3), Minutes(0), usd(900), f, Kilometres(900.0))};
  ScheduledPlanner p(pkg, svs, at(2026, 11, 23), days(90));
  for (const bool pareto : {false, true}) {
    ScheduledRequest req = request("JPAAA", "CNCCC", at(2026, 11, 30));
    req.pareto = pareto;
    const ScheduledResult r = p.plan(req);
    ASSERT_EQ(r.itineraries.size(), 1u) << "pareto " << pareto;
    EXPECT_EQ(services_of(r.itineraries[0]), std::vector<std::string>{"AC"});
    EXPECT_EQ(r.itineraries[0].arrival, at(2026, 12, 5, 8));
    req.window = days(7);
    for (const ScheduledItinerary& it : p.plan(req).itineraries)
      EXPECT_EQ(services_of(it), std::vector<std::string>{"AC"});
  }
  // Through Korea and back the box would have arrived on Tuesday 18:00.
  timetable::Raptor raptor(p.timetable());
  timetable::Query q{.origin = a, .target = c, .ready = at(2026, 11, 30), .cargo = p.cargo({})};
  raptor.run(q);
  EXPECT_EQ(raptor.delivered(c), at(2026, 12, 1, 18));
}

}  // namespace
}  // namespace landbridge::schedule
