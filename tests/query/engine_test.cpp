// query::Engine: timetabled and static questions in the user's words, and their errors.
#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

#include "landbridge/query/engine.h"

namespace landbridge::query {
namespace {

const Engine& eurasia() {
  static const Engine engine = Engine::open("");
  return engine;
}

// The problem and field of the QueryError `f` throws (fails the test when it throws none).
template <class F>
std::pair<Problem, std::string> error_of(F f, std::string* message = nullptr) {
  try {
    f();
  } catch (const QueryError& e) {
    if (message) *message = e.what();
    return {e.problem(), e.field()};
  }
  ADD_FAILURE() << "no QueryError";
  return {Problem::bad_request, "<none>"};
}

TEST(Engine, PlansHakataToDuisburgFromLocalWords) {
  const ScheduledAnswer a = eurasia().plan_scheduled({.from = "Hakata", .to = "DEDUI", .depart = "2026-12-10"});
  ASSERT_FALSE(a.result.itineraries.empty());
  EXPECT_EQ(a.network().node(a.result.from).code, "JPHKT");
  EXPECT_EQ(a.network().node(a.result.to).code, "DEDUI");
  // Both ends are nodes: the answer plans on the engine's own package, not a copy.
  EXPECT_EQ(a.pkg.get(), &eurasia().package());
  const auto& it = a.result.itineraries.front();
  EXPECT_GE(it.departure, a.result.depart);
  const std::vector<DepartureKey> rides = eurasia().departures(it);
  ASSERT_EQ(static_cast<std::int32_t>(rides.size()), it.trips);
  for (const DepartureKey& d : rides) {
    EXPECT_EQ(parse_departure(to_string(d)), d) << to_string(d);
  }
  const auto& services = eurasia().services();
  for (const DepartureKey& d : rides)
    EXPECT_TRUE(std::any_of(services.begin(), services.end(), [&](const auto& s) { return s.id == d.service; }))
        << d.service;
  EXPECT_EQ(eurasia().capacity_teu("NO-SUCH-SERVICE"), 0);
}

TEST(Engine, SameAnswerWarmAndFromSeveralThreads) {
  const ScheduledQuery q{.from = "JPHKT", .to = "DEDUI", .depart = "2026-12-03T08:00", .pareto = true};
  const ScheduledAnswer first = eurasia().plan_scheduled(q);
  std::vector<std::thread> threads;
  std::vector<std::size_t> counts(4);
  std::vector<Instant> arrivals(4, Instant(0));
  for (std::size_t t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int k = 0; k < 3; ++k) {
        const ScheduledAnswer a = eurasia().plan_scheduled(q);
        counts[t] = a.result.itineraries.size();
        arrivals[t] = a.result.itineraries.front().arrival;
      }
    });
  for (std::thread& th : threads) th.join();
  for (std::size_t t = 0; t < 4; ++t) {
    EXPECT_EQ(counts[t], first.result.itineraries.size());
    EXPECT_EQ(arrivals[t], first.result.itineraries.front().arrival);
  }
}

TEST(Engine, DoorToDoorPlansOnACopyWithThePlaceAdded) {
  const ScheduledAnswer a = eurasia().plan_scheduled({.from = "KZSHY", .to = "DEDUI", .depart = "2026-12-10"});
  ASSERT_FALSE(a.result.itineraries.empty());
  EXPECT_NE(a.pkg.get(), &eurasia().package());
  EXPECT_EQ(a.network().node(a.result.from).code, "KZSHY");
  EXPECT_FALSE(eurasia().network().find_node("KZSHY"));
}

TEST(Engine, APlaceOutOfRoadReachIsNoRouteOnItsField) {
  std::string msg;
  EXPECT_EQ(error_of([] { (void)eurasia().plan_static({.from = "JPHKT", .to = "USNYC"}); }, &msg),
            std::make_pair(Problem::no_route, std::string("to")));
  EXPECT_TRUE(msg.starts_with("USNYC ")) << msg;  // the caller adds its own "no route: "
  EXPECT_EQ(error_of([] { (void)eurasia().plan_scheduled({.from = "USNYC", .to = "DEDUI", .depart = "2026-12-01"}); }).second,
            "from");
}

TEST(Engine, BadRequestsNameTheirField) {
  std::string msg;
  EXPECT_EQ(error_of([] { (void)eurasia().plan_scheduled({.from = "JPHKT", .to = "DEDUI", .depart = "2026-13-01"}); }, &msg),
            std::make_pair(Problem::bad_request, std::string("depart")));
  EXPECT_TRUE(msg.starts_with("depart 2026-13-01: ")) << msg;
  EXPECT_EQ(error_of([] { (void)eurasia().plan_scheduled({.from = "Nowhereville", .to = "DEDUI", .depart = "2026-12-01"}); }),
            std::make_pair(Problem::bad_request, std::string("from")));
  EXPECT_EQ(error_of([] { (void)eurasia().plan_scheduled({.from = "JPHKT", .to = "Xq", .depart = "2026-12-01"}); }).second,
            "to");
  EXPECT_EQ(error_of([] {
              (void)eurasia().plan_scheduled({.from = "JPHKT", .to = "DEDUI", .depart = "2026-12-01", .window = "91d"});
            }, &msg),
            std::make_pair(Problem::bad_request, std::string("window")));
  EXPECT_TRUE(msg.starts_with("window 91d: at most 90d")) << msg;
  EXPECT_EQ(error_of([] {
              (void)eurasia().plan_scheduled({.from = "JPHKT", .to = "DEDUI", .depart = "2026-12-01", .arrive_by = "2027-01-30"});
            }).second,
            "depart");
  EXPECT_EQ(error_of([] { (void)eurasia().plan_scheduled({.from = "JPHKT", .to = "DEDUI", .depart = "2026-12-01", .unit = "30ft"}); }).second,
            "unit");
}

TEST(Engine, OutsideTheTimetableIsNoRouteSayingWhy) {
  std::string msg;
  EXPECT_EQ(error_of([] { (void)eurasia().plan_scheduled({.from = "JPHKT", .to = "DEDUI", .depart = "2031-03-01"}); }, &msg).first,
            Problem::no_route);
  EXPECT_NE(msg.find("2031-03-01 is outside the timetable's validity"), std::string::npos) << msg;
  EXPECT_TRUE(msg.starts_with("no timetabled itinerary from JPHKT to DEDUI ready 2031-03-01T00:00+09:00")) << msg;
}

TEST(Engine, StaticRoutesAndTheirNoRouteReason) {
  const StaticAnswer a = eurasia().plan_static({.from = "JPHKT", .to = "DEDUI", .rates_on = "2026-12-01"});
  ASSERT_FALSE(a.result.itineraries.empty());
  EXPECT_EQ(a.network().node(a.result.from).code, "JPHKT");
  std::string msg;
  EXPECT_EQ(error_of([] {
              (void)eurasia().plan_static({.from = "JPHKT", .to = "DEDUI", .avoid = {"rail", "deep_sea", "feeder"}});
            }, &msg).first,
            Problem::no_route);
  EXPECT_TRUE(msg.starts_with("no itinerary from JPHKT to DEDUI satisfies the constraints")) << msg;
  EXPECT_EQ(error_of([] { (void)eurasia().plan_static({.from = "JPHKT", .to = "DEDUI", .rates_on = "someday"}); }).second,
            "rates_on");
}

// Kept planners and door-to-door packages change no answer: a query asked again on a warm
// engine (its filtered timetable, its door package reused) answers as on a fresh engine, and
// queries with other constraints in between do not leak into it.
TEST(Engine, WarmAnswersEqualFreshOnes) {
  const std::vector<ScheduledQuery> queries{
      {.from = "JPHKT", .to = "DEDUI", .depart = "2026-12-10", .avoid = {"RU"}},
      {.from = "JPHKT", .to = "DEDUI", .depart = "2026-12-10", .unit = "reefer40", .count = 2},
      {.from = "JPHKT", .to = "DEDRS", .depart = "2026-12-10"},  // Dresden: a place off the network
      {.from = "JPHKT", .to = "DEDRS", .depart = "2027-01-20", .avoid = {"KZ"}},
      {.from = "JPHKT", .to = "DEDUI", .depart = "2026-12-10"},
  };
  const auto summary = [](const ScheduledAnswer& a) {
    std::vector<std::string> out;
    for (const schedule::ScheduledItinerary& it : a.result.itineraries)
      out.push_back(std::to_string(it.departure.value()) + "/" + std::to_string(it.arrival.value()) + "/" +
                    std::to_string(it.cost.value()) + "/" + std::to_string(it.trips));
    return out;
  };
  std::vector<std::vector<std::string>> cold;  // each query on an engine of its own
  std::vector<std::vector<std::string>> dropped;
  for (const ScheduledQuery& q : queries) {
    const ScheduledAnswer a = Engine::open("").plan_scheduled(q);
    ASSERT_FALSE(a.result.itineraries.empty()) << q.to << " " << q.depart;
    cold.push_back(summary(a));
    dropped.push_back(a.result.dropped_services);
  }
  for (int pass = 0; pass < 2; ++pass)
    for (std::size_t i = 0; i < queries.size(); ++i) {
      const ScheduledAnswer warm = eurasia().plan_scheduled(queries[i]);
      EXPECT_EQ(summary(warm), cold[i]) << queries[i].to << " " << queries[i].depart << " pass " << pass;
      EXPECT_EQ(warm.result.dropped_services, dropped[i]);
    }
}

}  // namespace
}  // namespace landbridge::query
