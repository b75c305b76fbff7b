// A ScheduledPlanner built for a constraint set (avoid items, equipment) answers those queries
// on its own timetable exactly as a plain planner does on a timetable filtered per query; the
// timetable key names what shapes the timetable and nothing else.
#include <gtest/gtest.h>

#include "landbridge/route/equipment.h"
#include "landbridge/schedule/planner.h"
#include "landbridge/timetable/time.h"
#include "packages.h"

namespace landbridge::schedule {
namespace {

Instant day(int y, int m, int d) { return timetable::to_instant(timetable::CivilDate{y, m, d}); }

void expect_same(const ScheduledResult& a, const ScheduledResult& b) {
  EXPECT_EQ(a.dropped_services, b.dropped_services);
  ASSERT_EQ(a.itineraries.size(), b.itineraries.size());
  for (std::size_t i = 0; i < a.itineraries.size(); ++i) {
    const ScheduledItinerary& x = a.itineraries[i];
    const ScheduledItinerary& y = b.itineraries[i];
    EXPECT_EQ(x.departure, y.departure) << i;
    EXPECT_EQ(x.arrival, y.arrival) << i;
    EXPECT_EQ(x.cost, y.cost) << i;
    EXPECT_EQ(x.trips, y.trips) << i;
    EXPECT_EQ(x.via, y.via) << i;
  }
}

TEST(ScheduledBuiltFor, SameAnswersAsAFilterPerQuery) {
  const test::PackageWithServices& ref = test::reference_package();
  const Network& net = ref.pkg.network;
  ScheduledPlanner plain(ref.pkg, ref.services, day(2026, 11, 25), days(120));
  struct Case {
    std::vector<std::string> avoid;
    route::Equipment equipment;
  };
  for (const Case& c : {Case{{"RU"}, route::Equipment::general}, Case{{"KZ", "suez"}, route::Equipment::general},
                        Case{{}, route::Equipment::reefer}, Case{{"BY"}, route::Equipment::reefer}}) {
    ScheduledRequest req;
    req.from = "JPHKT";
    req.to = "DEDUI";
    req.depart = day(2026, 12, 3);
    req.avoid = c.avoid;
    req.options.equipment = c.equipment;
    req.pareto = true;
    const route::RouteOptions o = request_options(net, req);
    ASSERT_NE(timetable_key(o), "");
    ScheduledPlanner built(ref.pkg, ref.services, day(2026, 11, 25), days(120), o);
    EXPECT_EQ(built.key(), timetable_key(o));
    EXPECT_LE(built.timetable().trip_count(), plain.timetable().trip_count());
    const ScheduledResult a = built.plan(req);
    const ScheduledResult b = plain.plan(req);
    EXPECT_FALSE(a.itineraries.empty());
    expect_same(a, b);
    // A planner built for one set still answers another (with a filter of its own).
    ScheduledRequest other = req;
    other.avoid.clear();
    other.options.equipment = route::Equipment::general;
    expect_same(built.plan(other), plain.plan(other));
  }
}

TEST(ScheduledBuiltFor, KeyNamesWhatShapesTheTimetable) {
  const Network& net = test::reference_package().pkg.network;
  ScheduledRequest a;
  a.depart = day(2026, 12, 3);
  a.avoid = {"RU", "KZ"};
  ScheduledRequest b = a;
  b.avoid = {"KZ", "RU", "RU"};
  EXPECT_EQ(timetable_key(request_options(net, a)), timetable_key(request_options(net, b)));
  b.avoid = {"KZ"};
  EXPECT_NE(timetable_key(request_options(net, a)), timetable_key(request_options(net, b)));
  // Shipment size, transshipment limits and the ready day (without dated rates) do not.
  b = a;
  b.options.shipment.count = 7;
  b.options.max_transshipments = 2;
  b.depart = day(2026, 12, 20);
  EXPECT_EQ(timetable_key(request_options(net, a)), timetable_key(request_options(net, b)));
  // The equipment's price factor does; no constraint at all is "".
  b.options.equipment = route::Equipment::reefer;
  EXPECT_NE(timetable_key(request_options(net, a)), timetable_key(request_options(net, b)));
  EXPECT_EQ(timetable_key(request_options(net, ScheduledRequest{})), "");
}

}  // namespace
}  // namespace landbridge::schedule
