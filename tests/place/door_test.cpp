// Road access of places off the network, on a small network built in the test.
#include <gtest/gtest.h>

#include <algorithm>

#include "landbridge/core/geo.h"
#include "landbridge/place/door.h"
#include "landbridge/route/locate.h"
#include "landbridge/route/planner.h"

namespace landbridge::place {
namespace {

// Countries AA, BB (joined by rail) and CC (only by sea from AA):
//
//   AAAR1 (50.0, 10.0) rail terminal --rail-- BBBR1 (50.0, 14.0) rail terminal
//   AAAS1 (50.0, 12.0) seaport       --feeder-- CCCS1 (50.0, 11.0) seaport
//   AAAB1 (50.4, 11.0) border crossing (never a road end)
// AAAR1 handles a box that starts or ends there (2 h, 50 USD).
// Road settings: gc x 1.3 (1.2..1.4), 50 km/h, 2 USD/km, border 10 h / 200 USD, 2 nearest
// within 300 km.
struct Fixture {
  io::LoadedPackage pkg;
  std::vector<Place> places;
};

RoadFigure fig(double v, double lo, double hi) { return {v, lo, hi, {}, "test"}; }

Fixture make() {
  NetworkBuilder nb;
  const auto rail = nb.add_emission_factor({.id = "rail", .mode = Mode::rail, .wtw = GramsPerTonneKm(20.0), .ttw = GramsPerTonneKm(0.0)});
  const auto sea = nb.add_emission_factor({.id = "sea", .mode = Mode::feeder, .wtw = GramsPerTonneKm(15.0), .ttw = GramsPerTonneKm(12.0)});
  const auto road = nb.add_emission_factor({.id = "road-truck", .mode = Mode::road, .wtw = GramsPerTonneKm(132.0), .ttw = GramsPerTonneKm(110.0)});
  const auto r1 = nb.add_node({.code = "AAAR1", .name = "Alpha Rail", .country = "AA", .kind = NodeKind::rail_terminal, .pos = {50.0, 10.0}, .timezone = "Europe/Berlin"});
  const auto s1 = nb.add_node({.code = "AAAS1", .name = "Alpha Port", .country = "AA", .kind = NodeKind::seaport, .pos = {50.0, 12.0}});
  const auto b1 = nb.add_node({.code = "BBBR1", .name = "Beta Rail", .country = "BB", .kind = NodeKind::rail_terminal, .pos = {50.0, 14.0}});
  const auto c1 = nb.add_node({.code = "CCCS1", .name = "Gamma Port", .country = "CC", .kind = NodeKind::seaport, .pos = {50.0, 11.0}});
  nb.add_node({.code = "AAAB1", .name = "Alpha Border", .country = "AA", .kind = NodeKind::border_crossing, .pos = {50.4, 11.0}});
  const auto link = [&](const char* id, NodeId a, NodeId b, Carriage c, EmissionFactorId f) {
    LinkSpec s{.id = id, .from = a, .to = b, .carriage = c, .distance = Kilometres(300.0), .duration = hours(10),
               .cost_teu = usd(500), .cost_feu = usd(500), .factor = f};
    nb.add_link(s);
    std::swap(s.from, s.to);
    s.id += "~r";
    nb.add_link(s);
  };
  link("rail-a-b", r1, b1, {Mode::rail, Gauge::g1435}, rail);
  link("sea-a-c", s1, c1, {Mode::feeder, Gauge::none}, sea);
  const CarriagePattern start{CarriagePattern::Kind::terminal, {}}, any{};
  nb.add_operation({.node = r1, .kind = OperationKind::handling, .arrive = start, .depart = any,
                    .duration = Estimate<Minutes>::exact(hours(2)), .cost_teu = Estimate<UsdCents>::exact(usd(50)),
                    .cost_feu = Estimate<UsdCents>::exact(usd(50))});
  nb.add_operation({.node = r1, .kind = OperationKind::handling, .arrive = any, .depart = start,
                    .duration = Estimate<Minutes>::exact(hours(2)), .cost_teu = Estimate<UsdCents>::exact(usd(50)),
                    .cost_feu = Estimate<UsdCents>::exact(usd(50))});
  Fixture fx;
  fx.pkg.network = nb.build();
  for (std::size_t i = 0; i < fx.pkg.network.link_count(); ++i) {
    fx.pkg.sea_from_port.push_back(PortId::invalid());
    fx.pkg.sea_to_port.push_back(PortId::invalid());
    fx.pkg.sea_avoid.push_back(0);
  }
  RoadAccess ra;
  ra.detour_factor = fig(1.3, 1.2, 1.4);
  ra.speed_kmh = fig(50, 40, 60);
  ra.cost_usd_per_km = fig(2, 1.5, 2.5);
  ra.border_hours = fig(10, 10, 10);
  ra.border_cost_usd = fig(200, 200, 200);
  ra.emission_factor = road;
  ra.nearest = 2;
  ra.radius_km = 300;
  fx.pkg.road = ra;
  fx.places = {
      {.code = "AAPPP", .name = "Town P", .pos = {50.5, 11.0}},   // AA, between both AA nodes
      {.code = "BBQQQ", .name = "Town Q", .pos = {50.3, 13.0}},   // BB, near AAAS1 and BBBR1
      {.code = "AAFAR", .name = "Far Away", .pos = {56.0, 11.0}},  // AA, 600+ km from everything
      {.code = "CCXXX", .name = "Gamma Town", .pos = {50.1, 11.0}},  // CC, sea-only country
  };
  return fx;
}

PlaceSource source_of(const std::vector<Place>& v) {
  auto idx = std::make_shared<PlaceIndex>(v);
  return [idx]() -> const PlaceIndex& { return *idx; };
}

std::vector<std::string> road_neighbours(const Network& net, std::string_view code) {
  std::vector<std::string> out;
  for (LinkId l : net.out_links(*net.find_node(code))) out.push_back(net.node(net.link_to(l)).code);
  std::sort(out.begin(), out.end());
  return out;
}

TEST(DoorToDoor, NodesOnlyQueryKeepsThePackage) {
  Fixture fx = make();
  const std::size_t links = fx.pkg.network.link_count();
  const DoorQuery q = door_to_door(std::move(fx.pkg), source_of(fx.places), "AAAR1", "Beta Rail");
  EXPECT_EQ(q.from, "AAAR1");
  EXPECT_EQ(q.to, "BBBR1");
  EXPECT_TRUE(q.added.empty());
  EXPECT_EQ(q.pkg.network.link_count(), links);
}

TEST(DoorToDoor, PlaceLinksToTheKNearestTerminalsNotBorderCrossingsNorOverSea) {
  const Fixture fx = make();
  const io::LoadedPackage aug = with_places(fx.pkg, &fx.places[0], nullptr);
  const Network& net = aug.network;
  // Candidates by distance: CCCS1 (56 km, but CC is reached only by sea), AAAB1 (border
  // crossing), AAAR1 and AAAS1 (about 88 km each), BBBR1 (farther): the two nearest allowed.
  EXPECT_EQ(road_neighbours(net, "AAPPP"), (std::vector<std::string>{"AAAR1", "AAAS1"}));
  const NodeInfo& p = net.node(*net.find_node("AAPPP"));
  EXPECT_EQ(p.kind, NodeKind::hub);
  EXPECT_EQ(p.name, "Town P");
  EXPECT_EQ(p.timezone, "Europe/Berlin");  // nearest node of its country with a zone
  // The links every planner takes alongside the package's own: sea ports unchanged.
  EXPECT_EQ(aug.sea_from_port.size(), net.link_count());
}

TEST(DoorToDoor, RoadLegIsGreatCircleTimesFactorAtTheStatedSpeedAndPrice) {
  const Fixture fx = make();
  const io::LoadedPackage aug = with_places(fx.pkg, &fx.places[0], nullptr);
  const Network& net = aug.network;
  const LinkId l = *net.find_link("road-AAPPP-AAAR1");
  const double gc = great_circle({50.5, 11.0}, {50.0, 10.0}).value();
  EXPECT_NEAR(net.link_distance(l).value(), gc * 1.3, 1e-9);
  EXPECT_NEAR(net.link_info(l).distance.lo.value(), gc * 1.2, 1e-9);
  EXPECT_NEAR(net.link_info(l).distance.hi.value(), gc * 1.4, 1e-9);
  EXPECT_EQ(net.link_duration(l), hours(gc * 1.3 / 50.0));
  EXPECT_EQ(net.link_cost_teu(l), usd(gc * 1.3 * 2.0));
  EXPECT_EQ(net.link_cost_feu(l), net.link_cost_teu(l));
  EXPECT_EQ(net.link_carriage(l).mode, Mode::road);
  EXPECT_EQ(net.emission_factor(net.link_emission_factor(l)).id, "road-truck");
  EXPECT_EQ(net.link_info(l).distance_basis, Basis::computed);
  // An origin is left by road, a destination reached by road.
  EXPECT_TRUE(net.in_links(*net.find_node("AAPPP")).empty());
  const io::LoadedPackage to = with_places(fx.pkg, nullptr, &fx.places[0]);
  const LinkId r = *to.network.find_link("road-AAAR1-AAPPP");
  EXPECT_EQ(to.network.link_distance(r), net.link_distance(l));
  EXPECT_TRUE(to.network.out_links(*to.network.find_node("AAPPP")).empty());
}

TEST(DoorToDoor, CrossingABorderByRoadAddsABorderOperationAtTheTerminal) {
  const Fixture fx = make();
  const io::LoadedPackage aug = with_places(fx.pkg, &fx.places[1], nullptr);
  const Network& net = aug.network;
  // Town Q (BB) reaches its own BBBR1, and AAAS1 in AA (a land border: the rail link).
  EXPECT_EQ(road_neighbours(net, "BBQQQ"), (std::vector<std::string>{"AAAS1", "BBBR1"}));
  const std::uint8_t road = Carriage{Mode::road, Gauge::none}.code();
  const std::uint8_t feeder = Carriage{Mode::feeder, Gauge::none}.code();
  const NodeId s1 = *net.find_node("AAAS1");
  const Transfer& t = net.transfer(s1, road, feeder);
  EXPECT_EQ(t.duration, hours(10));
  EXPECT_EQ(t.cost_teu, usd(200));
  ASSERT_EQ(net.transfer_ops(t).size(), 1u);
  EXPECT_EQ(net.operation(net.transfer_ops(t)[0]).kind, OperationKind::border);
  EXPECT_EQ(net.transfer(s1, road, kCarriageEnd).duration, hours(10));
  // The road is one link: great circle x factor.
  const double gc = great_circle({50.3, 13.0}, {50.0, 12.0}).value();
  EXPECT_NEAR(net.link_distance(*net.find_link("road-BBQQQ-AAAS1")).value(), gc * 1.3, 1e-9);
  // Same country: no border.
  EXPECT_EQ(net.transfer(*net.find_node("BBBR1"), road, kCarriageEnd).duration, Minutes(0));
  // Departures by sea from AAAS1 that did not come by road are untouched.
  EXPECT_EQ(net.transfer(s1, kCarriageStart, feeder).duration, Minutes(0));
}

TEST(DoorToDoor, TruckThroughAForeignTerminalBetweenTwoForeignPlacesCrossesTwice) {
  const Fixture fx = make();
  const io::LoadedPackage aug = with_places(fx.pkg, &fx.places[1], &fx.places[1]);  // same place: added once
  EXPECT_EQ(aug.network.node_count(), fx.pkg.network.node_count() + 1);
  Place other = fx.places[1];
  other.code = "BBQQR";
  const io::LoadedPackage both = with_places(fx.pkg, &fx.places[1], &other);
  const std::uint8_t road = Carriage{Mode::road, Gauge::none}.code();
  EXPECT_EQ(both.network.transfer(*both.network.find_node("AAAS1"), road, road).duration, hours(20));
}

TEST(DoorToDoor, NoBorderInsideACustomsUnion) {
  Fixture fx = make();
  fx.pkg.road->border_free = {{"CC", "DD"}, {"AA", "BB"}};
  const io::LoadedPackage aug = with_places(fx.pkg, &fx.places[1], nullptr);
  const Network& net = aug.network;
  EXPECT_EQ(road_neighbours(net, "BBQQQ"), (std::vector<std::string>{"AAAS1", "BBBR1"}));
  const std::uint8_t road = Carriage{Mode::road, Gauge::none}.code();
  EXPECT_EQ(net.transfer(*net.find_node("AAAS1"), road, kCarriageEnd).duration, Minutes(0));
  EXPECT_EQ(net.operation_count(), fx.pkg.network.operation_count());
}

TEST(DoorToDoor, ForeignTerminalWithRoadsOfItsOwnIsNotLinked) {
  Fixture fx = make();
  // Give AAAS1 a road of its own: a border operation for trucks there would hit it too.
  NetworkBuilder nb(fx.pkg.network);
  LinkSpec s{.id = "road-own", .from = *nb.find_node("AAAS1"), .to = *nb.find_node("AAAB1"),
             .carriage = {Mode::road, Gauge::none}, .distance = Kilometres(150.0), .duration = hours(3),
             .cost_teu = usd(300), .cost_feu = usd(300), .factor = fx.pkg.road->emission_factor};
  nb.add_link(s);
  fx.pkg.network = nb.build();
  for (auto* v : {&fx.pkg.sea_from_port, &fx.pkg.sea_to_port}) v->push_back(PortId::invalid());
  fx.pkg.sea_avoid.push_back(0);
  const io::LoadedPackage aug = with_places(fx.pkg, &fx.places[1], nullptr);
  // AAAS1 is skipped; the next nearest allowed, AAAR1 (AA, 217 km), takes its place.
  EXPECT_EQ(road_neighbours(aug.network, "BBQQQ"), (std::vector<std::string>{"AAAR1", "BBBR1"}));
}

TEST(DoorToDoor, TerminalHandlesATruckedBoxLikeOneThatStartsThere) {
  const Fixture fx = make();
  const io::LoadedPackage aug = with_places(fx.pkg, &fx.places[0], nullptr);
  const Network& net = aug.network;
  const NodeId r1 = *net.find_node("AAAR1");
  const std::uint8_t road = Carriage{Mode::road, Gauge::none}.code();
  const std::uint8_t rail = Carriage{Mode::rail, Gauge::g1435}.code();
  EXPECT_EQ(net.transfer(r1, road, rail).duration, hours(2));
  EXPECT_EQ(net.transfer(r1, road, rail).cost_teu, usd(50));
  EXPECT_TRUE(net.transfer(r1, road, rail).transshipment);
  const io::LoadedPackage dest = with_places(fx.pkg, nullptr, &fx.places[0]);
  EXPECT_EQ(dest.network.transfer(r1, rail, road).duration, hours(2));
  // The base package is untouched.
  EXPECT_EQ(fx.pkg.network.operation_count(), 2u);
}

TEST(DoorToDoor, PlaceBeyondTheRadiusOrOnlyOverSeaHasNoAccess) {
  const Fixture fx = make();
  try {
    with_places(fx.pkg, &fx.places[2], nullptr);
    FAIL() << "expected NoAccessError";
  } catch (const NoAccessError& e) {
    EXPECT_NE(std::string(e.what()).find("within 300 km"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("AAFAR"), std::string::npos) << e.what();
  }
  // Gamma Town (CC) reaches its own port; AA's nodes, as near, are over the sea from CC.
  const io::LoadedPackage aug = with_places(fx.pkg, &fx.places[3], nullptr);
  EXPECT_EQ(road_neighbours(aug.network, "CCXXX"), (std::vector<std::string>{"CCCS1"}));
}

TEST(DoorToDoor, StaticRouteStartsWithTheRoadLeg) {
  Fixture fx = make();
  const DoorQuery q = door_to_door(std::move(fx.pkg), source_of(fx.places), "Town P", "BBBR1");
  EXPECT_EQ(q.from, "AAPPP");
  EXPECT_EQ(q.added, (std::vector<std::string>{"AAPPP"}));
  route::Planner planner(q.pkg);
  const route::RouteResult r = planner.route({.from = q.from, .to = q.to});
  ASSERT_EQ(r.itineraries.size(), 1u);
  const route::Itinerary& it = r.itineraries[0];
  const route::Step& first = it.steps.front();
  EXPECT_EQ(first.carriage.mode, Mode::road);
  EXPECT_EQ(q.pkg.network.node(first.from).code, "AAPPP");
  EXPECT_EQ(q.pkg.network.node(first.to).code, "AAAR1");
  EXPECT_EQ(it.transshipments, 1);  // the lift at AAAR1 from truck to train
}

TEST(DoorToDoor, PlaceWithoutRoadSettingsIsAnError) {
  Fixture fx = make();
  fx.pkg.road.reset();
  EXPECT_THROW(door_to_door(std::move(fx.pkg), source_of(fx.places), "AAPPP", "BBBR1"), NoAccessError);
}

}  // namespace
}  // namespace landbridge::place
