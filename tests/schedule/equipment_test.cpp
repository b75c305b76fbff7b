// Equipment on a whole route: a 40' high cube and a 40' reefer against a 40' general-purpose
// box on tests/data/packages/mini-services (Hakata -> Alat), static and timetabled.
#include <gtest/gtest.h>

#include "landbridge/io/package.h"
#include "landbridge/io/services.h"
#include "landbridge/route/planner.h"
#include "landbridge/schedule/planner.h"
#include "landbridge/timetable/time.h"
#include "packages.h"

namespace landbridge {
namespace {

using route::Equipment;

using Mini = test::PackageWithServices;
const Mini& mini() { return test::mini_services_package(); }

route::Itinerary static_route(Equipment e) {
  route::Planner planner(mini().pkg);
  route::RouteRequest req;
  req.from = "JPHKT";
  req.to = "AZALA";
  req.objective = route::Objective::time;
  req.options.shipment = {emissions::ContainerUnit::feu, 3};
  req.options.equipment = e;
  const route::RouteResult r = planner.route(req);
  EXPECT_EQ(r.itineraries.size(), 1u);
  return r.itineraries.front();
}

TEST(EquipmentRoute, StaticHighCubeAndReeferScaleLegsAndPlugTheReeferAtNodes) {
  const route::EquipmentCharges c;
  const route::Itinerary gp = static_route(Equipment::general);
  const route::Itinerary hc = static_route(Equipment::high_cube);
  const route::Itinerary rf = static_route(Equipment::reefer);
  ASSERT_EQ(gp.steps.size(), hc.steps.size());
  ASSERT_EQ(gp.steps.size(), rf.steps.size());
  for (std::size_t i = 0; i < gp.steps.size(); ++i) {
    const route::Step& a = gp.steps[i];
    const UsdCents per_box(a.cost.value() / 3);
    if (a.kind == route::StepKind::leg) {
      EXPECT_EQ(hc.steps[i].cost, route::transport_price(per_box, Equipment::high_cube, c) * 3);
      EXPECT_EQ(rf.steps[i].cost, route::transport_price(per_box, Equipment::reefer, c) * 3);
    } else {
      EXPECT_EQ(hc.steps[i].cost, a.cost);  // operations cost the same for any 40' box
      EXPECT_EQ(rf.steps[i].cost, (per_box + route::plug_charge(a.duration, Equipment::reefer, c)) * 3);
    }
  }
  EXPECT_GT(hc.total.cost, gp.total.cost);
  EXPECT_GT(rf.total.cost, hc.total.cost);
  EXPECT_EQ(hc.total.co2e.wtw, gp.total.co2e.wtw);  // a 40' box of any kind carries the FEU mass
}

schedule::ScheduledItinerary timetabled_route(Equipment e) {
  schedule::ScheduledPlanner planner(mini().pkg, mini().services, timetable::to_instant(timetable::CivilDate{2026, 3, 1}),
                                     days(120));
  schedule::ScheduledRequest req;
  req.from = "JPHKT";
  req.to = "AZALA";
  req.depart = timetable::to_instant(timetable::CivilDate{2026, 3, 2});
  req.options.shipment = {emissions::ContainerUnit::feu, 3};
  req.options.equipment = e;
  const schedule::ScheduledResult r = planner.plan(req);
  EXPECT_EQ(r.itineraries.size(), 1u);
  return r.itineraries.front();
}

TEST(EquipmentRoute, TimetabledReeferPaysScaledFaresAndIsPluggedWhileItWaits) {
  const route::EquipmentCharges c;
  const schedule::ScheduledItinerary gp = timetabled_route(Equipment::general);
  const schedule::ScheduledItinerary rf = timetabled_route(Equipment::reefer);
  ASSERT_EQ(gp.steps.size(), rf.steps.size());
  UsdCents sum(0);
  for (std::size_t i = 0; i < gp.steps.size(); ++i) {
    const schedule::ScheduledStep& a = gp.steps[i];
    const UsdCents per_box(a.cost.value() / 3);
    sum += rf.steps[i].cost;
    if (a.kind == route::StepKind::leg) {
      EXPECT_EQ(rf.steps[i].cost, route::transport_price(per_box, Equipment::reefer, c) * 3) << a.service;
    } else {
      // Handling and waiting alike: the reefer stays plugged in at the node.
      EXPECT_EQ(rf.steps[i].cost, a.cost + route::plug_charge(a.arrive_at - a.depart, Equipment::reefer, c) * 3)
          << a.operation;
    }
  }
  EXPECT_EQ(sum, rf.cost);
  EXPECT_EQ(rf.arrival, gp.arrival);
}

TEST(EquipmentRoute, ThereIsNoTwentyFootHighCube) {
  route::Planner planner(mini().pkg);
  route::RouteRequest req;
  req.from = "JPHKT";
  req.to = "AZALA";
  req.options.equipment = Equipment::high_cube;  // with the default TEU
  EXPECT_THROW((void)planner.route(req), Error);
}

}  // namespace
}  // namespace landbridge
