// Terminal handling charges: every lift (at the origin, at each transshipment, at the
// destination) is charged once, as its own node step, in static and in timetabled routing.
//
// tests/data/packages/mini-services, Hakata -> Alat (one TEU):
//   JPHKT start->sea handling 150 | feeder | CNLYG sea->rail handling 120 (+ dwell, free) |
//   rail 1435 | KZHOR gauge_change 329 + border 215 | rail 1520 | KZAAU rail->ferry handling 150
//   (+ dwell, free) | ferry | AZALA ferry->end handling 150
#include <gtest/gtest.h>

#include <map>

#include "landbridge/io/package.h"
#include "landbridge/io/services.h"
#include "landbridge/route/planner.h"
#include "landbridge/schedule/planner.h"
#include "landbridge/timetable/time.h"
#include "packages.h"

namespace landbridge {
namespace {

using Mini = test::PackageWithServices;
const Mini& mini() { return test::mini_services_package(); }

// Expected lift charges per node, USD per TEU.
const std::map<std::string, double> kLifts = {{"JPHKT", 150}, {"CNLYG", 120}, {"KZAAU", 150}, {"AZALA", 150}};

TEST(LiftCharges, StaticRouteChargesEveryLiftAsItsOwnStep) {
  const Network& net = mini().pkg.network;
  route::Planner planner(mini().pkg);
  route::RouteRequest req;
  req.from = "JPHKT";
  req.to = "AZALA";
  req.objective = route::Objective::cost;
  req.options.shipment = {emissions::ContainerUnit::teu, 2};
  const route::RouteResult r = planner.route(req);
  ASSERT_EQ(r.itineraries.size(), 1u);
  const route::Itinerary& it = r.itineraries.front();
  std::map<std::string, UsdCents> handling;
  UsdCents sum(0);
  for (const route::Step& s : it.steps) {
    sum += s.cost;
    if (s.kind == route::StepKind::node && s.op_kind == OperationKind::handling) {
      EXPECT_EQ(handling.count(net.node(s.at).code), 0u) << "two handling steps at " << net.node(s.at).code;
      handling[net.node(s.at).code] = s.cost;
    }
  }
  ASSERT_EQ(handling.size(), kLifts.size());
  for (const auto& [code, usd_per_teu] : kLifts) EXPECT_EQ(handling[code], usd(usd_per_teu) * 2) << code;
  EXPECT_EQ(sum, it.total.cost);  // the lifts are in the total, once each
}

TEST(LiftCharges, TimetabledRouteChargesEveryLiftAsItsOwnStep) {
  const Network& net = mini().pkg.network;
  schedule::ScheduledPlanner planner(mini().pkg, mini().services, timetable::to_instant(timetable::CivilDate{2026, 3, 1}),
                                     days(120));
  schedule::ScheduledRequest req;
  req.from = "JPHKT";
  req.to = "AZALA";
  req.depart = timetable::to_instant(timetable::CivilDate{2026, 3, 2});
  req.options.shipment = {emissions::ContainerUnit::teu, 2};
  const schedule::ScheduledResult r = planner.plan(req);
  ASSERT_FALSE(r.itineraries.empty());
  const schedule::ScheduledItinerary& it = r.itineraries.front();
  std::map<std::string, UsdCents> handling;
  UsdCents sum(0);
  for (const schedule::ScheduledStep& s : it.steps) {
    sum += s.cost;
    if (s.kind == route::StepKind::node && s.operation.find("handling") != std::string::npos) {
      EXPECT_EQ(handling.count(net.node(s.from).code), 0u) << "two handling steps at " << net.node(s.from).code;
      handling[net.node(s.from).code] = s.cost;
    }
  }
  ASSERT_EQ(handling.size(), kLifts.size());
  for (const auto& [code, usd_per_teu] : kLifts) EXPECT_EQ(handling[code], usd(usd_per_teu) * 2) << code;
  EXPECT_EQ(sum, it.cost);
  EXPECT_EQ(it.transshipments, 3);  // CNLYG, KZHOR (gauge change), KZAAU; origin and destination lifts are not transshipments
}

}  // namespace
}  // namespace landbridge
