// Closed sea passages re-route marnet links on the real maritime graph (data/marnet), on the
// io layer's mini-sea test package:
//   feeder-HKT-LYG  JPHKT -> CNLYG  feeder    marnet, two-way
//   suez-LYG-RTM    CNLYG -> NLRTM  deep_sea  marnet, two-way (via Suez)
//   cape-LYG-RTM    CNLYG -> NLRTM  deep_sea  marnet, avoids suez and panama (round the Cape)
//   ferry-AAU-ALA   KZAAU -> AZALA  ferry     marnet, two-way (Caspian)
//   pacific-TYO-LAX JPTYO -> USLAX  deep_sea  marnet
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include "landbridge/io/package.h"
#include "landbridge/route/closures.h"
#include "landbridge/route/planner.h"
#include "landbridge/sea/maritime_graph.h"

namespace landbridge::route {
namespace {

const io::LoadedPackage& mini_sea() {
  static const io::LoadedPackage pkg =
      io::load_package(std::filesystem::path(LANDBRIDGE_TEST_DATA_DIR) / "packages" / "mini-sea");
  return pkg;
}

LinkId link(const Network& net, const char* id) { return *net.find_link(id); }

TEST(Closures, SuezLinkIsReroutedWithScaledTimeAndCost) {
  const io::LoadedPackage& pkg = mini_sea();
  const Network& net = pkg.network;
  const LinkId suez = link(net, "suez-LYG-RTM");
  ASSERT_TRUE(net.link_passages(suez) & passage_bit(Passage::suez));
  const LinkOverrides o = reroute_closed_passages(pkg, passage_bit(Passage::suez));
  // Both directions of the Suez link; the Cape link and the others don't sail through Suez.
  EXPECT_EQ(o.size(), 2u);
  EXPECT_FALSE(o.find(link(net, "cape-LYG-RTM")));
  EXPECT_FALSE(o.find(link(net, "feeder-HKT-LYG")));
  const LinkOverride* r = o.find(suez);
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->usable);
  EXPECT_FALSE(r->passages & passage_bit(Passage::suez));
  EXPECT_FALSE(r->passages & pkg.sea_avoid[suez]);  // the link's own avoided passages stay avoided
  // The new distance is the maritime graph's shortest route with Suez (and what the link
  // avoids anyway) closed ...
  sea::SeaRouter router(*pkg.marnet);
  const auto around =
      router.route(pkg.sea_from_port[suez], pkg.sea_to_port[suez], passage_bit(Passage::suez) | pkg.sea_avoid[suez]);
  ASSERT_TRUE(around);
  EXPECT_DOUBLE_EQ(r->distance.value(), around->distance.value());
  EXPECT_EQ(r->passages, around->passages);
  EXPECT_GT(r->distance.value(), net.link_distance(suez).value() * 1.1);
  // ... and time and price scale by the distance ratio.
  const double ratio = r->distance / net.link_distance(suez);
  EXPECT_NEAR(r->duration.value(), net.link_duration(suez).value() * ratio, 0.5);
  EXPECT_NEAR(static_cast<double>(r->cost_teu.value()), static_cast<double>(net.link_cost_teu(suez).value()) * ratio, 0.5);
  EXPECT_NEAR(static_cast<double>(r->cost_feu.value()), static_cast<double>(net.link_cost_feu(suez).value()) * ratio, 0.5);
}

TEST(Closures, SuezAndPanamaClosedGivesThePackagesOwnCapeRoute) {
  // The package's Cape loop is the same pair of ports routed with Suez and Panama avoided:
  // re-routing the Suez link with both closed must land on the same distance.
  const io::LoadedPackage& pkg = mini_sea();
  const Network& net = pkg.network;
  const LinkOverrides o = reroute_closed_passages(pkg, passage_bit(Passage::suez) | passage_bit(Passage::panama));
  const LinkOverride* r = o.find(link(net, "suez-LYG-RTM"));
  ASSERT_TRUE(r && r->usable);
  const LinkId cape = link(net, "cape-LYG-RTM");
  EXPECT_NEAR(r->distance.value(), net.link_distance(cape).value(), 1e-6);
  EXPECT_EQ(r->passages, net.link_passages(cape));
}

TEST(Closures, BuilderNetworkOnTheRealGraphReroutesOrDrops) {
  // Two deep-sea links Lianyungang -> Rotterdam through Suez: one knows its marnet ports and
  // is re-routed, the other (a distance from a published figure, no ports) can only be dropped.
  const io::LoadedPackage& pkg = mini_sea();
  const sea::MaritimeGraph& graph = *pkg.marnet;
  NetworkBuilder b;
  const auto f = b.add_emission_factor({.id = "ship", .mode = Mode::deep_sea, .wtw = GramsPerTonneKm(8.0)});
  const NodeId lyg = b.add_node({.code = "CNLYG", .name = "Lianyungang", .country = "CN"});
  const NodeId rtm = b.add_node({.code = "NLRTM", .name = "Rotterdam", .country = "NL"});
  const PassageSet via_suez = passage_bit(Passage::suez) | passage_bit(Passage::malacca);
  const LinkId routed = b.add_link({.id = "routed", .from = lyg, .to = rtm, .carriage = {Mode::deep_sea, Gauge::none},
                                    .distance = Kilometres(20000.0), .duration = days(30), .cost_teu = usd(1000),
                                    .cost_feu = usd(1500), .factor = f, .passages = via_suez});
  const LinkId fixed = b.add_link({.id = "fixed", .from = lyg, .to = rtm, .carriage = {Mode::deep_sea, Gauge::none},
                                   .distance = Kilometres(20000.0), .duration = days(30), .cost_teu = usd(1000),
                                   .cost_feu = usd(1500), .factor = f, .passages = via_suez});
  const Network net = b.build();
  const std::vector<PortId> from = {*graph.find_port("CNLYG"), PortId{}};
  const std::vector<PortId> to = {*graph.find_port("NLRTM"), PortId{}};
  const LinkOverrides o = reroute_closed_passages(net, graph, from, to, passage_bit(Passage::suez));
  ASSERT_TRUE(o.find(routed) && o.find(fixed));
  EXPECT_TRUE(o.find(routed)->usable);
  EXPECT_FALSE(o.find(routed)->passages & passage_bit(Passage::suez));
  const double ratio = o.find(routed)->distance.value() / 20000.0;
  EXPECT_EQ(o.find(routed)->cost_teu, UsdCents(static_cast<std::int64_t>(std::llround(100000 * ratio))));
  EXPECT_EQ(o.find(routed)->duration, Minutes(static_cast<std::int32_t>(std::llround(30 * 1440 * ratio))));
  EXPECT_FALSE(o.find(fixed)->usable);
  // Nothing closed: nothing to override.
  EXPECT_TRUE(reroute_closed_passages(net, graph, from, to, 0).empty());
  // Without a maritime graph, a closed passage drops every link through it.
  const LinkOverrides d = drop_closed_passages(net, passage_bit(Passage::malacca));
  EXPECT_EQ(d.size(), 2u);
  EXPECT_FALSE(d.find(routed)->usable);
}

TEST(Closures, PlannerUsesTheReroutedLinkAndReportsIt) {
  const io::LoadedPackage& pkg = mini_sea();
  Planner planner(pkg);
  const RouteResult open = planner.route({.from = "CNLYG", .to = "NLRTM", .objective = Objective::cost});
  ASSERT_EQ(open.itineraries.size(), 1u);
  EXPECT_TRUE(open.itineraries[0].passages & passage_bit(Passage::suez));

  const RouteResult closed =
      planner.route({.from = "CNLYG", .to = "NLRTM", .objective = Objective::cost, .avoid = {"suez"}});
  ASSERT_EQ(closed.itineraries.size(), 1u);
  const Itinerary& it = closed.itineraries[0];
  EXPECT_FALSE(it.passages & passage_bit(Passage::suez));
  EXPECT_EQ(closed.rerouted.size(), 2u);
  EXPECT_GT(it.total.distance.value(), open.itineraries[0].total.distance.value());
  // The itinerary's leg carries the re-routed figures.
  ASSERT_EQ(it.links.size(), 1u);
  // Kept in a variable: find() points into it (a temporary here was read after it died, ASan).
  const auto overrides = reroute_closed_passages(pkg, passage_bit(Passage::suez));
  const LinkOverride* r = overrides.find(it.links[0]);
  ASSERT_TRUE(r);
  EXPECT_DOUBLE_EQ(it.steps[0].distance.value(), r->distance.value());
  EXPECT_EQ(it.steps[0].duration, r->duration);
  EXPECT_EQ(it.steps[0].cost, r->cost_teu);
  EXPECT_EQ(it.steps[0].passages, r->passages);
  EXPECT_GT(it.total.duration, open.itineraries[0].total.duration);
}

}  // namespace
}  // namespace landbridge::route
