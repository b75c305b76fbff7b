// Sold-out departures are not offered: the search boards the next departure instead.
#include <gtest/gtest.h>

#include <algorithm>

#include "landbridge/io/package.h"
#include "landbridge/io/services.h"
#include "landbridge/query/engine.h"
#include "landbridge/schedule/planner.h"
#include "landbridge/timetable/time.h"

namespace landbridge::query {
namespace {

const Engine& eurasia() {
  static const Engine engine = Engine::open("");
  return engine;
}

std::vector<std::string> services_of(const std::vector<DepartureKey>& rides) {
  std::vector<std::string> out;
  for (const DepartureKey& d : rides) out.push_back(d.service);
  return out;
}

// The test package's only way from Hakata to Lianyungang is feeder F1, Tuesdays and Fridays.
const char* const kMini = LANDBRIDGE_TEST_DATA_DIR "/packages/mini-services";

// The timetable layer's own filter: a closed trip makes the planner board the service's next one.
TEST(SoldOut, ClosedTripTakesTheNextDepartureOfTheSameService) {
  const io::LoadedPackage pkg = io::load_package(kMini);
  Diagnostics diags;
  schedule::ScheduledPlanner planner(pkg, io::load_services(pkg.dir, pkg.network, diags),
                                     timetable::to_instant({2026, 6, 1}), days(120));
  schedule::ScheduledRequest req{.from = "JPHKT", .to = "CNLYG", .depart = timetable::to_instant({2026, 6, 1})};
  const schedule::ScheduledResult open = planner.plan(req);
  ASSERT_EQ(open.itineraries.size(), 1U);
  const timetable::Timetable& tt = planner.timetable();
  const auto ride_of = [](const schedule::ScheduledResult& r) {
    const auto& steps = r.itineraries.front().journey.steps;
    return *std::find_if(steps.begin(), steps.end(),
                         [](const timetable::Step& s) { return s.kind == timetable::StepKind::ride; });
  };
  const timetable::Step first = ride_of(open);
  const Instant start = tt.trip_start(first.trip);
  req.closed_departures = {{"F1", start}};
  const schedule::ScheduledResult next = planner.plan(req);
  ASSERT_EQ(next.itineraries.size(), 1U);
  const timetable::Step second = ride_of(next);
  EXPECT_EQ(tt.service(second.service).id, "F1");
  // Ready Monday 09:00 JST misses Tuesday's cut-off after handling: Friday's sails, and when
  // it is full, the next Tuesday's.
  EXPECT_EQ(timetable::weekday(timetable::to_civil(start, hours(9)).date), timetable::Weekday::fri);
  EXPECT_EQ(tt.trip_start(second.trip) - start, days(4));
  EXPECT_EQ(next.itineraries.front().arrival - open.itineraries.front().arrival, days(4));
  // Closing another service's departure changes nothing.
  req.closed_departures = {{"T1", start}};
  EXPECT_EQ(planner.plan(req).itineraries.front().arrival, open.itineraries.front().arrival);
}

TEST(SoldOut, EngineOffersTheNextDepartureOnTheSameRoute) {
  const Engine mini = Engine::open(kMini);
  const ScheduledQuery q{.from = "JPHKT", .to = "KZHOR", .depart = "2026-06-01"};
  const ScheduledAnswer open = mini.plan_scheduled(q);
  const std::vector<DepartureKey> rides = mini.departures(open.result.itineraries.front());
  ASSERT_EQ(services_of(rides), (std::vector<std::string>{"F1", "T1"}));
  const DepartureKey full = rides.front();
  std::int32_t asked = 0;
  ScheduledQuery sold = q;
  sold.free_teu = [&](const DepartureKey& d) -> std::optional<std::int32_t> {
    ++asked;
    return d == full ? std::optional(0) : std::nullopt;
  };
  const ScheduledAnswer next = mini.plan_scheduled(sold);
  ASSERT_FALSE(next.result.itineraries.empty());
  const std::vector<DepartureKey> later = mini.departures(next.result.itineraries.front());
  EXPECT_EQ(services_of(later), services_of(rides));  // the same route ...
  EXPECT_EQ(later.front().start - full.start, days(3));  // ... on Friday's feeder
  EXPECT_GT(asked, 0);
}

TEST(SoldOut, EurasiaNeverOffersAFullDeparture) {
  const ScheduledQuery q{.from = "JPHKT", .to = "DEDUI", .depart = "2026-12-03"};
  const ScheduledAnswer open = eurasia().plan_scheduled(q);
  const std::vector<DepartureKey> rides = eurasia().departures(open.result.itineraries.front());
  ASSERT_GE(rides.size(), 2U);
  ScheduledQuery sold = q;
  sold.free_teu = [&](const DepartureKey& d) -> std::optional<std::int32_t> {
    return d == rides[0] || d == rides[1] ? std::optional(0) : std::optional(50);
  };
  const ScheduledAnswer next = eurasia().plan_scheduled(sold);
  ASSERT_FALSE(next.result.itineraries.empty());
  const std::vector<DepartureKey> later = eurasia().departures(next.result.itineraries.front());
  EXPECT_EQ(std::count(later.begin(), later.end(), rides[0]), 0);
  EXPECT_EQ(std::count(later.begin(), later.end(), rides[1]), 0);
  EXPECT_GE(next.result.itineraries.front().arrival, open.result.itineraries.front().arrival);
}

TEST(SoldOut, RoomIsComparedWithTheShipmentsTeu) {
  const ScheduledAnswer open = eurasia().plan_scheduled({.from = "JPHKT", .to = "DEDUI", .depart = "2026-12-03"});
  const DepartureKey train = eurasia().departures(open.result.itineraries.front()).at(1);
  const FreeTeu three_left = [&](const DepartureKey& d) { return d == train ? std::optional(3) : std::nullopt; };
  // 3 TEU fit three boxes of 20'; two 40' boxes (4 TEU) do not.
  const ScheduledAnswer teu =
      eurasia().plan_scheduled({.from = "JPHKT", .to = "DEDUI", .depart = "2026-12-03", .count = 3, .free_teu = three_left});
  const auto teu_rides = eurasia().departures(teu.result.itineraries.front());
  EXPECT_EQ(std::count(teu_rides.begin(), teu_rides.end(), train), 1);
  const ScheduledAnswer feu = eurasia().plan_scheduled(
      {.from = "JPHKT", .to = "DEDUI", .depart = "2026-12-03", .unit = "feu", .count = 2, .free_teu = three_left});
  const auto feu_rides = eurasia().departures(feu.result.itineraries.front());
  EXPECT_EQ(std::count(feu_rides.begin(), feu_rides.end(), train), 0);
}

TEST(SoldOut, NoItineraryOfAParetoWindowRidesAFullDeparture) {
  const ScheduledQuery q{.from = "JPHKT", .to = "DEDUI", .depart = "2026-12-01", .window = "14d", .pareto = true};
  const ScheduledAnswer open = eurasia().plan_scheduled(q);
  std::vector<DepartureKey> used;
  for (const auto& it : open.result.itineraries)
    for (const DepartureKey& d : eurasia().departures(it)) used.push_back(d);
  ASSERT_GE(used.size(), 2U);
  // Every second departure used is full.
  std::vector<DepartureKey> full;
  for (std::size_t i = 0; i < used.size(); i += 2) full.push_back(used[i]);
  ScheduledQuery sold = q;
  sold.free_teu = [&](const DepartureKey& d) -> std::optional<std::int32_t> {
    return std::find(full.begin(), full.end(), d) != full.end() ? std::optional(0) : std::optional(100);
  };
  const ScheduledAnswer next = eurasia().plan_scheduled(sold);
  ASSERT_FALSE(next.result.itineraries.empty());
  for (const auto& it : next.result.itineraries)
    for (const DepartureKey& d : eurasia().departures(it))
      EXPECT_EQ(std::find(full.begin(), full.end(), d), full.end()) << to_string(d);
}

}  // namespace
}  // namespace landbridge::query
