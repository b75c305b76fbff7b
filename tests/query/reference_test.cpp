// Routing references: round trips, tampering, another network, itineraries no longer offered.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "landbridge/query/engine.h"
#include "landbridge/timetable/time.h"
#include "../support/scratch.h"

namespace landbridge::query {
namespace {

const Engine& eurasia() {
  static const Engine engine = Engine::open("");
  return engine;
}

std::vector<DepartureKey> rides(const ScheduledAnswer& a, std::size_t i) {
  return eurasia().departures(a.result.itineraries.at(i));
}

QueryError resolve_error(std::string_view ref, FreeTeu free = {}) {
  try {
    (void)eurasia().resolve_reference(ref, std::move(free));
  } catch (const QueryError& e) {
    return e;
  }
  ADD_FAILURE() << "resolved: " << ref;
  return QueryError(Problem::no_route, "", "");
}

TEST(RoutingReference, RoundTripsEveryItineraryOfAParetoAnswer) {
  const ScheduledAnswer a =
      eurasia().plan_scheduled({.from = "Hakata", .to = "Duisburg", .depart = "2026-12-03", .pareto = true});
  ASSERT_GE(a.result.itineraries.size(), 2U);
  for (std::size_t i = 0; i < a.result.itineraries.size(); ++i) {
    const std::string ref = eurasia().routing_reference(a, i);
    ASSERT_TRUE(ref.starts_with("lb1."));
    EXPECT_EQ(ref.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_."),
              std::string::npos)
        << ref;  // URL-safe as is
    const ScheduledAnswer back = eurasia().resolve_reference(ref);
    EXPECT_EQ(rides(back, 0), rides(a, i)) << i;
    EXPECT_EQ(back.result.itineraries.front().arrival, a.result.itineraries[i].arrival);
    EXPECT_EQ(back.result.itineraries.front().cost, a.result.itineraries[i].cost);
    EXPECT_EQ(back.result.itineraries.size(), a.result.itineraries.size());
    EXPECT_EQ(back.query.from, "Hakata");
    EXPECT_TRUE(back.query.pareto);
    // Stable: the same itinerary gives the same text.
    EXPECT_EQ(eurasia().routing_reference(back, 0), ref);
  }
}

TEST(RoutingReference, KeepsTheWholeQuery) {
  const ScheduledQuery q{.from = "JPHKT", .to = "DEDUI", .arrive_by = "2027-02-20T12:00", .window = "30d",
                         .unit = "feu", .count = 2, .avoid = {"RU"}, .max_trips = 10, .max_transshipments = 6};
  const ScheduledAnswer a = eurasia().plan_scheduled(q);
  const ScheduledAnswer back = eurasia().resolve_reference(eurasia().routing_reference(a, 0));
  EXPECT_EQ(back.query.arrive_by, q.arrive_by);
  EXPECT_EQ(back.query.window, q.window);
  EXPECT_EQ(back.query.unit, "feu");
  EXPECT_EQ(back.query.count, 2);
  EXPECT_EQ(back.query.avoid, q.avoid);
  EXPECT_EQ(back.query.max_trips, 10);
  EXPECT_EQ(back.query.max_transshipments, 6);
  EXPECT_EQ(rides(back, 0), rides(a, 0));
}

TEST(RoutingReference, GarbageAndTamperingAreBadRequests) {
  const ScheduledAnswer a = eurasia().plan_scheduled({.from = "JPHKT", .to = "DEDUI", .depart = "2026-12-03"});
  const std::string ref = eurasia().routing_reference(a, 0);
  for (const std::string& bad : {std::string("hello"), std::string("lb1."), std::string("lb1.%%%.0"),
                                 std::string("lb2.") + ref.substr(4), ref.substr(0, ref.size() - 1) + "x"}) {
    const QueryError e = resolve_error(bad);
    EXPECT_EQ(e.problem(), Problem::bad_request) << bad;
    EXPECT_EQ(e.field(), "routingReference") << bad;
  }
  // One character of the payload changed: the checksum tells.
  std::string tampered = ref;
  tampered[10] = tampered[10] == 'A' ? 'B' : 'A';
  const QueryError e = resolve_error(tampered);
  EXPECT_EQ(e.problem(), Problem::bad_request);
  EXPECT_NE(std::string(e.what()).find("checksum"), std::string::npos) << e.what();
}

TEST(RoutingReference, AnotherNetworksReferenceIsABadRequest) {
  const Engine other = Engine::open(LANDBRIDGE_TEST_DATA_DIR "/packages/mini-services");
  ASSERT_FALSE(other.services().empty());
  const auto& s = other.services().front();
  const ScheduledAnswer a = other.plan_scheduled({.from = other.network().node(s.calls.front().stop).code,
                                                  .to = other.network().node(s.calls.back().stop).code,
                                                  .depart = "2026-06-01"});
  const QueryError e = resolve_error(other.routing_reference(a, 0));
  EXPECT_EQ(e.problem(), Problem::bad_request);
  EXPECT_EQ(e.field(), "routingReference");
  EXPECT_NE(std::string(e.what()).find("another network"), std::string::npos) << e.what();
}

TEST(RoutingReference, ASoldOutDepartureIsNoLongerOffered) {
  const ScheduledAnswer a = eurasia().plan_scheduled({.from = "JPHKT", .to = "DEDUI", .depart = "2026-12-03"});
  const std::string ref = eurasia().routing_reference(a, 0);
  const DepartureKey full = rides(a, 0).at(1);
  const QueryError e = resolve_error(ref, [&](const DepartureKey& d) -> std::optional<std::int32_t> {
    return d == full ? std::optional(0) : std::nullopt;
  });
  EXPECT_EQ(e.problem(), Problem::no_route);
  EXPECT_EQ(std::string(e.what()), "no longer offered: departure " + to_string(full) + " is sold out");
  // With room left the same reference resolves.
  const ScheduledAnswer ok = eurasia().resolve_reference(ref, [](const DepartureKey&) { return std::optional(40); });
  EXPECT_EQ(rides(ok, 0), rides(a, 0));
}

// The timetable changed under a reference: its departure was cancelled (same nodes and services,
// so the reference is still this network's).
TEST(RoutingReference, ACancelledDepartureIsNotInTheTimetable) {
  namespace fs = std::filesystem;
  const fs::path dir = testing_support::scratch_dir() / "pkg";
  fs::copy(LANDBRIDGE_TEST_DATA_DIR "/packages/mini-services", dir, fs::copy_options::recursive);
  const Engine before = Engine::open(dir.string());
  const ScheduledAnswer a = before.plan_scheduled({.from = "JPHKT", .to = "CNLYG", .depart = "2026-06-01"});
  const DepartureKey feeder = before.departures(a.result.itineraries.front()).front();
  ASSERT_EQ(feeder.service, "F1");
  const std::string ref = before.routing_reference(a, 0);
  EXPECT_EQ(before.departures(before.resolve_reference(ref).result.itineraries.front()).front(), feeder);

  // Cancel that sailing: F1's removed days gain its local start day (F1 runs on +09:00).
  std::ifstream in(dir / "services.csv");
  std::stringstream text;
  text << in.rdbuf();
  in.close();
  std::string csv = text.str();
  const std::string day = timetable::format_date(timetable::to_civil(feeder.start, hours(9)).date);
  const std::size_t at = csv.find(",2026-01-02,400,");
  ASSERT_NE(at, std::string::npos);
  csv.replace(at, 16, ",2026-01-02;" + day + ",400,");
  std::ofstream(dir / "services.csv") << csv;

  const Engine after = Engine::open(dir.string());
  try {
    (void)after.resolve_reference(ref);
    ADD_FAILURE() << "resolved a cancelled departure";
  } catch (const QueryError& e) {
    EXPECT_EQ(e.problem(), Problem::no_route);
    EXPECT_EQ(e.field(), "routingReference");
    EXPECT_EQ(std::string(e.what()), "no longer offered: departure " + to_string(feeder) + " is not in the timetable");
  }
}

}  // namespace
}  // namespace landbridge::query
