// Door-to-door on the built-in reference package and the shipped UN/LOCODE index: static and
// timetabled planners on the same augmented package.
#include <gtest/gtest.h>

#include "landbridge/core/geo.h"
#include "landbridge/io/package.h"
#include "landbridge/io/places.h"
#include "landbridge/io/services.h"
#include "landbridge/place/door.h"
#include "landbridge/route/planner.h"
#include "landbridge/route/report.h"
#include "landbridge/schedule/planner.h"
#include "landbridge/timetable/time.h"

namespace landbridge::place {
namespace {

const std::filesystem::path kData(LANDBRIDGE_DATA_DIR);

DoorQuery query(std::string_view from, std::string_view to) {
  return door_to_door(io::load_package(kData / "eurasia"), index_file(kData / "unlocode" / "places.csv"), from, to);
}

std::vector<std::string> road_neighbours(const Network& net, std::string_view code) {
  std::vector<std::string> out;
  for (LinkId l : net.out_links(*net.find_node(code))) out.push_back(net.node(net.link_to(l)).code);
  std::sort(out.begin(), out.end());
  return out;
}

TEST(DoorToDoorEurasia, ManifestRoadSettingsAreLoadedWithSources) {
  const io::LoadedPackage pkg = io::load_package(kData / "eurasia");
  ASSERT_TRUE(pkg.road);
  EXPECT_DOUBLE_EQ(pkg.road->detour_factor.value, 1.3);
  EXPECT_FALSE(pkg.road->detour_factor.sources.empty());
  EXPECT_FALSE(pkg.road->speed_kmh.sources.empty());
  EXPECT_FALSE(pkg.road->cost_usd_per_km.sources.empty());
  EXPECT_FALSE(pkg.road->border_hours.sources.empty());
  EXPECT_EQ(pkg.network.emission_factor(pkg.road->emission_factor).id, "road-truck");
  EXPECT_EQ(pkg.network.emission_factor(pkg.road->emission_factor).mode, Mode::road);
}

TEST(DoorToDoorEurasia, TarazTrucksToItsNearestTerminalsAndCrossesIntoUzbekistan) {
  const DoorQuery q = query("Taraz", "DEDUI");
  const Network& net = q.pkg.network;
  EXPECT_EQ(q.from, "KZTAR");
  // Tashkent is across the KZ-UZ border (the network crosses it by rail); Shymkent and
  // Saryagash are the nearest Kazakh terminals; all within 1,000 km great-circle.
  EXPECT_EQ(road_neighbours(net, "KZTAR"), (std::vector<std::string>{"KZSRY", "KZZAA", "UZTAS"}));
  // The truck clears the KZ-UZ border at Tashkent (CAREC road figures); none at Almaty.
  const std::uint8_t road = Carriage{Mode::road, Gauge::none}.code();
  const NodeId tas = *net.find_node("UZTAS");
  EXPECT_EQ(net.transfer(tas, road, kCarriageEnd).duration, hours(9.9));
  EXPECT_EQ(net.transfer(tas, road, kCarriageEnd).cost_feu, usd(208));
  EXPECT_EQ(net.transfer(*net.find_node("KZALA"), road, kCarriageEnd).duration, Minutes(0));
}

TEST(DoorToDoorEurasia, DresdenTrucksToLodzWithoutABorderInsideTheEu) {
  const DoorQuery q = query("Dresden", "CNLYG");
  const auto n = road_neighbours(q.pkg.network, "DEDRS");
  EXPECT_NE(std::find(n.begin(), n.end(), "PLLOD"), n.end());
  const std::uint8_t road = Carriage{Mode::road, Gauge::none}.code();
  const std::uint8_t rail = Carriage{Mode::rail, Gauge::g1435}.code();
  for (OperationId o : q.pkg.network.transfer_ops(q.pkg.network.transfer(*q.pkg.network.find_node("PLLOD"), road, rail)))
    EXPECT_NE(q.pkg.network.operation(o).kind, OperationKind::border);
  EXPECT_EQ(q.added, (std::vector<std::string>{"DEDRS"}));
}

TEST(DoorToDoorEurasia, OsakaTrucksOnlyToJapanesePorts) {
  // Busan is within the radius but across the sea: no road.
  const DoorQuery q = query("JPOSA", "DEDUI");
  for (const std::string& n : road_neighbours(q.pkg.network, "JPOSA")) EXPECT_EQ(n.substr(0, 2), "JP") << n;
}

TEST(DoorToDoorEurasia, StaticRouteFromAKazakhTownStartsByRoad) {
  const DoorQuery q = query("KZTAR", "DEDUI");
  route::Planner planner(q.pkg);
  const route::RouteResult r = planner.route({.from = q.from, .to = q.to, .pareto = true});
  ASSERT_FALSE(r.itineraries.empty());
  const Network& net = q.pkg.network;
  const double gc_factor = q.pkg.road->detour_factor.value;
  for (const route::Itinerary& it : r.itineraries) {
    const route::Step& first = it.steps.front();
    ASSERT_EQ(first.kind, route::StepKind::leg);
    EXPECT_EQ(first.carriage.mode, Mode::road);
    EXPECT_EQ(net.node(first.from).code, "KZTAR");
    const double gc = great_circle(net.node(first.from).pos, net.node(first.to).pos).value();
    EXPECT_NEAR(first.distance.value(), gc * gc_factor, 1e-6);
  }
  const nlohmann::json j = route::to_json(net, r);
  EXPECT_EQ(j["from"], "KZTAR");
  EXPECT_EQ(j["from_name"], "Taraz");
  EXPECT_EQ(j["itineraries"][0]["steps"][0]["mode"], "road");
  EXPECT_NE(route::to_table(net, r).find("KZTAR Taraz"), std::string::npos);
}

TEST(DoorToDoorEurasia, TimetabledCrossBorderTruckIsOneUntimedLink) {
  // Taraz to Tashkent: the direct truck across the border beats every train.
  const DoorQuery q = query("KZTAR", "UZTAS");
  Diagnostics diags;
  std::vector<timetable::Service> services = io::load_services(q.pkg.dir, q.pkg.network, diags);
  const Instant ready = timetable::to_instant(timetable::CivilDate{2026, 12, 1});
  schedule::ScheduledPlanner planner(q.pkg, std::move(services), ready, days(120));
  schedule::ScheduledRequest req;
  req.from = q.from;
  req.to = q.to;
  req.depart = ready;
  const schedule::ScheduledResult r = planner.plan(req);
  ASSERT_FALSE(r.itineraries.empty());
  const schedule::ScheduledItinerary& it = r.itineraries[0];
  EXPECT_EQ(it.trips, 0);
  ASSERT_GE(it.steps.size(), 2u);
  EXPECT_EQ(it.steps[0].carriage.mode, Mode::road);
  EXPECT_EQ(it.steps[1].operation, "border");
  const LinkId road = it.steps[0].link;
  EXPECT_EQ(it.arrival, ready + q.pkg.network.link_duration(road) + hours(9.9));
}

TEST(DoorToDoorEurasia, TimetabledRouteFromAPolishTownUsesTheRoadAsAnUntimedLink) {
  const DoorQuery q = query("Krakow", "JPHKT");
  Diagnostics diags;
  std::vector<timetable::Service> services = io::load_services(q.pkg.dir, q.pkg.network, diags);
  diags.throw_if_any();
  ASSERT_FALSE(services.empty());
  const Instant ready = timetable::to_instant(timetable::CivilDate{2026, 12, 1});
  schedule::ScheduledPlanner planner(q.pkg, std::move(services), ready, days(120));
  schedule::ScheduledRequest req;
  req.from = q.from;
  req.to = q.to;
  req.depart = ready;
  const schedule::ScheduledResult r = planner.plan(req);
  ASSERT_FALSE(r.itineraries.empty());
  const schedule::ScheduledStep& first = r.itineraries[0].steps.front();
  EXPECT_EQ(first.kind, route::StepKind::leg);
  EXPECT_EQ(first.carriage.mode, Mode::road);
  EXPECT_TRUE(first.service.empty());                 // no service: an untimed link
  EXPECT_EQ(first.depart, r.itineraries[0].departure);  // the itinerary starts with the truck
  EXPECT_GE(r.itineraries[0].departure, ready);
  EXPECT_EQ(q.pkg.network.node(first.from).code, "PLKRK");
  EXPECT_EQ(first.arrive_at - first.depart, q.pkg.network.link_duration(first.link));
}

TEST(DoorToDoorEurasia, SamePlaceBothEndsIsRejectedByThePlanner) {
  const DoorQuery q = query("KZTAR", "Taraz");
  EXPECT_EQ(q.added, (std::vector<std::string>{"KZTAR"}));  // added once
  route::Planner planner(q.pkg);
  EXPECT_THROW(planner.route({.from = q.from, .to = q.to}), Error);
}

}  // namespace
}  // namespace landbridge::place
