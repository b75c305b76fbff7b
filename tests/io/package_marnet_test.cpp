// `marnet` distances: the loader routes sea links on the maritime graph. Every figure is
// cross-checked against the sea layer's own answer for the same ports and closures.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "landbridge/io/package.h"
#include "landbridge/sea/maritime_graph.h"
#include "package_edit.h"

namespace landbridge::io {
namespace {

using namespace test;
using testing::ElementsAre;

// The built-in graph, loaded once for the whole suite.
const sea::MaritimeGraph& graph() {
  static const sea::MaritimeGraph g = sea::MaritimeGraph::load(sea::default_marnet_dir());
  return g;
}

LoadOptions with_graph() {
  return {&graph()};
}

PackageFiles mini_sea() {
  return read_package_files(package_dir("mini-sea"));
}

PortId port(std::string_view locode) {
  auto p = graph().find_port(locode);
  EXPECT_TRUE(p.has_value()) << locode;
  return p.value_or(PortId(0));
}

const PassageSet kNorthwest = passage_bit(Passage::northwest);

TEST(PackageMarnet, SeaLinksTakeTheirDistanceAndPassagesFromTheGraph) {
  const LoadedPackage p = load_package(mini_sea(), with_graph());
  const Network& n = p.network;
  EXPECT_EQ(p.marnet.get(), &graph());  // the caller's graph, not a copy
  sea::SeaRouter router(graph());
  const LinkId suez = *n.find_link("suez-LYG-RTM");
  // The Northwest Passage is closed by default (the manifest's marnet_avoid).
  const auto expected = router.route(port("CNLYG"), port("NLRTM"), kNorthwest);
  ASSERT_TRUE(expected.has_value());
  EXPECT_EQ(n.link_distance(suez), expected->distance);
  EXPECT_EQ(n.link_passages(suez), expected->passages);
  EXPECT_TRUE(n.link_passages(suez) & passage_bit(Passage::suez));
  EXPECT_EQ(n.link_duration(suez), hours(expected->distance.value() / (16 * 1.852)));
  EXPECT_EQ(n.link_info(suez).distance_basis, Basis::computed);
  EXPECT_EQ(p.sea_from_port[suez], port("CNLYG"));
  EXPECT_EQ(p.sea_to_port[suez], port("NLRTM"));
  EXPECT_EQ(p.sea_avoid[suez], kNorthwest);
  // Its reverse sails the same way back.
  const LinkId back = *n.find_link("suez-LYG-RTM~r");
  EXPECT_EQ(p.sea_from_port[back], port("NLRTM"));
  EXPECT_EQ(p.sea_to_port[back], port("CNLYG"));
  EXPECT_EQ(n.link_distance(back), n.link_distance(suez));
}

TEST(PackageMarnet, AvoidPassagesReroutesTheLink) {
  const LoadedPackage p = load_package(mini_sea(), with_graph());
  const Network& n = p.network;
  sea::SeaRouter router(graph());
  const LinkId cape = *n.find_link("cape-LYG-RTM");
  const PassageSet closed = kNorthwest | passage_bit(Passage::suez) | passage_bit(Passage::panama);
  const auto expected = router.route(port("CNLYG"), port("NLRTM"), closed);
  ASSERT_TRUE(expected.has_value());
  EXPECT_EQ(n.link_distance(cape), expected->distance);
  EXPECT_EQ(n.link_passages(cape), expected->passages);
  EXPECT_TRUE(n.link_passages(cape) & passage_bit(Passage::south_africa));
  EXPECT_GT(n.link_distance(cape), n.link_distance(*n.find_link("suez-LYG-RTM")));
  EXPECT_EQ(p.sea_avoid[cape], closed);
}

TEST(PackageMarnet, ManifestChoosesTheAlwaysClosedPassages) {
  PackageFiles files = mini_sea();
  files.files["network.toml"] += "marnet_avoid = []\n";
  const LoadedPackage open = load_package(files, with_graph());
  const LinkId suez = *open.network.find_link("suez-LYG-RTM");
  // Nothing closed: marnet's Arctic lanes are shorter.
  EXPECT_EQ(open.network.link_passages(suez), passage_bit(Passage::bering) | kNorthwest);
  EXPECT_EQ(open.sea_avoid[suez], 0u);
  set_line(files, "network.toml", 9, "marnet_avoid = [\"northwest\", \"arctic\", 3]");
  EXPECT_THAT(
      problems(files, with_graph()),
      ElementsAre(testing::StartsWith(
                      "network.toml:9: field 'marnet_avoid': got 'arctic', expected an array of "
                      "sea passage names"),
                  testing::StartsWith("network.toml:9: field 'marnet_avoid': got '3', expected")));
}

TEST(PackageMarnet, NodeWithoutAPortUsesTheNearestPort) {
  const LoadedPackage p = load_package(mini_sea(), with_graph());
  const Network& n = p.network;
  ASSERT_FALSE(graph().find_port("AZALA").has_value());
  const LinkId ferry = *n.find_link("ferry-AAU-ALA");
  const PortId alat = graph().nearest_port(n.node(*n.find_node("AZALA")).pos);
  EXPECT_EQ(p.sea_to_port[ferry], alat);
  sea::SeaRouter router(graph());
  EXPECT_EQ(n.link_distance(ferry), router.route(port("KZAAU"), alat, 0)->distance);
  EXPECT_EQ(n.link_duration(ferry), hours(20));  // a written duration stays as written
}

TEST(PackageMarnet, LoaderLoadsTheDefaultGraphItself) {
  const LoadedPackage p = load_package(package_dir("mini-sea"));
  ASSERT_NE(p.marnet, nullptr);
  EXPECT_EQ(p.marnet->port_count(), graph().port_count());
  const LoadedPackage q = load_package(mini_sea(), with_graph());
  EXPECT_EQ(p.network.link_distance(LinkId(0)), q.network.link_distance(LinkId(0)));
}

TEST(PackageMarnet, ManifestNamesTheGraphFolderRelativeToThePackage) {
  PackageFiles p = mini_sea();
  p.files["network.toml"] += "marnet = \"../../../../data/marnet\"\n";
  EXPECT_THAT(problems(p), testing::IsEmpty());
  set_line(p, "network.toml", 9, "marnet = \"no/such/folder\"");
  const auto list = problems(p);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_THAT(list[0], testing::StartsWith(
                           "network.toml:9: field 'marnet': got 'no/such/folder', cannot load the "
                           "maritime graph from "));
  // ... followed by what the sea layer found.
  EXPECT_THAT(list[1], testing::HasSubstr("no/such/folder/marnet_searoute.geojson"));
}

TEST(PackageMarnet, NoSeaRouteIsAnError) {
  PackageFiles p = mini_sea();
  // The Caspian reaches the oceans only through the Volga-Don canal, the Black Sea and the
  // Bosporus.
  append_line(
      p, "links.csv",
      "caspian-AAU-RTM,KZAAU,NLRTM,deep_sea,marnet,,16 kn,1,ship-test,no,bosporus,assumption,,");
  EXPECT_THAT(
      problems(p, with_graph()),
      ElementsAre(
          "links.csv:7: field 'distance': got 'marnet', no sea route from KZAAU (Aktau) to NLRTM "
          "(Rotterdam) on the maritime graph avoiding bosporus+northwest; expected a distance in "
          "km, nm "
          "or mi"));
}

TEST(PackageMarnet, BothEndsOnOnePort) {
  PackageFiles p = mini_sea();
  append_line(p, "nodes.csv", "NLXRT,Rotterdam Waalhaven,NL,seaport,51.90,4.44,assumption,");
  append_line(p, "links.csv",
              "hop-RTM-XRT,NLRTM,NLXRT,feeder,marnet,1 h,,1,feeder-test,no,,assumption,,");
  const std::string label = graph().port(graph().nearest_port({51.90, 4.44})).locode;
  ASSERT_EQ(label, "NLRTM");
  EXPECT_THAT(
      problems(p, with_graph()),
      ElementsAre(
          "links.csv:7: field 'distance': got 'marnet', both ends use the marnet port NLRTM "
          "(Rotterdam); expected a distance in km, nm or mi for this link"));
}

}  // namespace
}  // namespace landbridge::io
