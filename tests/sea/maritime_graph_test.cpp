// Loading marnet: vertex joining, antimeridian folding, passage tags, port snapping, errors.
#include "landbridge/sea/maritime_graph.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>
#include <ostream>
#include <string>

#include "landbridge/core/error.h"
#include "sea_test_util.h"

namespace landbridge::sea {
namespace {

using test::collection;
using test::lane;
using test::port;
using test::write_marnet;

std::optional<SeaVertexId> vertex_at(const MaritimeGraph& g, double lat, double lon) {
  for (std::uint32_t v = 0; v < g.vertex_count(); ++v) {
    const LatLon p = g.vertex(SeaVertexId(v));
    if (std::abs(p.lat - lat) < 1e-9 && std::abs(p.lon - lon) < 1e-9) return SeaVertexId(v);
  }
  return std::nullopt;
}

// lon:    0      1      2
// lat 1   a ---- b ---- c      lane a-b-c, and again c-b (a repeated segment)
//                |
// lat 0          d             lane b-d, tagged suez
// Port PD lies just off d; port PA just off a.
TEST(MaritimeGraphLoad, JoinsVerticesMergesRepeatedSegmentsAndTagsPassages) {
  const auto dir = write_marnet("basin",
                                collection({lane("[0,1],[1,1],[2,1]"), lane("[1,1],[1,0]", "suez"),
                                            lane("[2,1],[1,1]")}),
                                collection({port("PDPDP", 1.01, 0.0), port("PAPAP", -0.02, 1.0)}));
  const MaritimeGraph g = MaritimeGraph::load(dir);
  EXPECT_EQ(g.vertex_count(), 4u);
  EXPECT_EQ(g.edge_count(), 3u);
  const auto b = vertex_at(g, 1, 1);
  const auto d = vertex_at(g, 0, 1);
  ASSERT_TRUE(b && d);
  ASSERT_EQ(g.lanes(*b).size(), 3u);
  for (const SeaLane& l : g.lanes(*b)) {
    EXPECT_DOUBLE_EQ(l.length.value(), great_circle(g.vertex(*b), g.vertex(l.head)).value());
    EXPECT_EQ(l.passages, l.head == *d ? passage_bit(Passage::suez) : PassageSet{0});
  }
  const Port& pd = g.port(*g.find_port("PDPDP"));
  EXPECT_EQ(pd.vertex, *d);
  EXPECT_DOUBLE_EQ(pd.snap.value(), great_circle({0.0, 1.01}, {0.0, 1.0}).value());
  EXPECT_EQ(g.port(*g.find_port("PAPAP")).vertex, *vertex_at(g, 1, 0));
}

// Lanes drawn on both sides of the antimeridian, one of them with lon > 180 as marnet does:
//   [170,10]-[180,10]   [-180,10]-[-170,10]   [187.5,20]-[190,10]
// 180 and -180 are one vertex; 190 is -170; so 4 vertices in one chain.
TEST(MaritimeGraphLoad, FoldsLongitudesAcrossTheAntimeridian) {
  const auto dir = write_marnet("antimeridian",
                                collection({lane("[170,10],[180,10]"), lane("[-180,10],[-170,10]"),
                                            lane("[187.5,20],[190,10]")}),
                                collection({port("XXAAA", 170, 10)}));
  const MaritimeGraph g = MaritimeGraph::load(dir);
  EXPECT_EQ(g.vertex_count(), 4u);
  EXPECT_EQ(g.edge_count(), 3u);
  for (std::uint32_t v = 0; v < g.vertex_count(); ++v) {
    const double lon = g.vertex(SeaVertexId(v)).lon;
    EXPECT_GE(lon, -180.0);
    EXPECT_LT(lon, 180.0);
  }
  const auto m180 = vertex_at(g, 10, -180);
  const auto m170 = vertex_at(g, 10, -170);
  ASSERT_TRUE(m180 && m170 && vertex_at(g, 20, -172.5));
  EXPECT_EQ(g.lanes(*m180).size(), 2u);  // to 170 and to -170
  EXPECT_EQ(g.lanes(*m170).size(), 2u);  // to -180 and to -172.5
}

// Coordinates that differ by float noise (< 5e-7 degree) are one vertex; 2e-6 apart are two.
TEST(MaritimeGraphLoad, RoundsCoordinatesToMicrodegrees) {
  const auto dir = write_marnet("rounding",
                                collection({lane("[10.0000001,5],[11,5]"), lane("[9.9999998,5],[12,5]"),
                                            lane("[10.000002,5],[13,5]")}),
                                collection({port("XXAAA", 10, 5)}));
  const MaritimeGraph g = MaritimeGraph::load(dir);
  EXPECT_EQ(g.vertex_count(), 5u);
  EXPECT_EQ(g.lanes(*vertex_at(g, 5, 10)).size(), 2u);
}

TEST(MaritimeGraphLoad, FindPortTakesTheFirstOfRepeatedCodesAndNearestPortIsNearest) {
  const auto dir = write_marnet("ports", collection({lane("[0,0],[10,0]")}),
                                collection({port("AAAAA", 0, 0), port("BBBBB", 5, 1), port("AAAAA", 10, 0)}));
  const MaritimeGraph g = MaritimeGraph::load(dir);
  EXPECT_EQ(g.port_count(), 3u);
  EXPECT_EQ(g.find_port("AAAAA"), PortId(0));
  EXPECT_EQ(g.find_port("BBBBB"), PortId(1));
  EXPECT_FALSE(g.find_port("CCCCC").has_value());
  EXPECT_EQ(g.nearest_port({0.5, 9.0}), PortId(2));
  EXPECT_EQ(g.nearest_port({0.5, 4.0}), PortId(1));
  EXPECT_EQ(g.port(PortId(1)).name, "BBBBB");
  EXPECT_EQ(g.port(PortId(1)).country, "Testland");
}

// --- Malformed input: the error names the file and the feature --------------------------

struct BadLanes {
  std::string feature;        // the second feature of the lanes file
  std::string field;          // expected diagnostic field
  std::string message_part;   // expected in the diagnostic message
};

void PrintTo(const BadLanes& bad, std::ostream* os) { *os << bad.field << ": " << bad.message_part; }

class MalformedLanes : public ::testing::TestWithParam<BadLanes> {};

TEST_P(MalformedLanes, LoadErrorNamesFileAndFeature) {
  const BadLanes& bad = GetParam();
  const auto dir = write_marnet("bad_lanes", collection({lane("[0,0],[1,0]"), bad.feature}),
                               collection({port("AAAAA", 0, 0)}));
  try {
    (void)MaritimeGraph::load(dir);
    FAIL() << "expected a LoadError";
  } catch (const LoadError& e) {
    ASSERT_EQ(e.diagnostics().size(), 1u) << e.what();
    const Diagnostic& d = e.diagnostics()[0];
    EXPECT_EQ(std::filesystem::path(d.file).filename(), "marnet_searoute.geojson");
    EXPECT_EQ(d.field, bad.field);
    EXPECT_NE(d.message.find(bad.message_part), std::string::npos) << d.message;
    EXPECT_NE(std::string(e.what()).find("marnet_searoute.geojson"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("features[1]"), std::string::npos) << e.what();
  }
}

INSTANTIATE_TEST_SUITE_P(
    Sea, MalformedLanes,
    ::testing::Values(
        BadLanes{R"({"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[]}})",
                 "features[1].geometry.type", "LineString"},
        BadLanes{lane(R"([0,0],["x",1])"), "features[1].geometry.coordinates[1]", "position"},
        BadLanes{lane("[0,0],[1,95]"), "features[1].geometry.coordinates[1]", "latitude in [-90, 90]"},
        BadLanes{lane("[0,0]"), "features[1].geometry.coordinates", "at least 2 positions"},
        BadLanes{lane("[0,0],[1,1]", "kiel"), "features[1].properties.passage", "suez"},
        BadLanes{R"({"type":"Feature","properties":{}})", "features[1].geometry", "geometry"},
        BadLanes{R"({"type":"Feature","geometry":{"type":"MultiLineString","coordinates":[[[0,0],[1,1]],7]}})",
                 "features[1].geometry.coordinates[1]", "array of positions"}));

TEST(MaritimeGraphLoad, CollectsEveryProblem) {
  const auto dir = write_marnet("two_bad", collection({lane("[0,0],[1,0]"), lane("[0,0]"), lane("[0,0],[1,0]", "x")}),
                                collection({port("AAAAA", 0, 0)}));
  try {
    (void)MaritimeGraph::load(dir);
    FAIL() << "expected a LoadError";
  } catch (const LoadError& e) {
    ASSERT_EQ(e.diagnostics().size(), 2u);
    EXPECT_EQ(e.diagnostics()[0].field, "features[1].geometry.coordinates");
    EXPECT_EQ(e.diagnostics()[1].field, "features[2].properties.passage");
    EXPECT_EQ(e.diagnostics()[1].value, "\"x\"");
  }
}

TEST(MaritimeGraphLoad, BadPortsAndBadJsonAndMissingFiles) {
  const std::string lanes = collection({lane("[0,0],[1,0]")});
  {
    const auto dir = write_marnet(
        "bad_port", lanes,
        collection({port("AAAAA", 0, 0),
                    R"({"type":"Feature","properties":{"name":"x","cty":"y"},"geometry":{"type":"Point","coordinates":[0,0]}})"}));
    try {
      (void)MaritimeGraph::load(dir);
      FAIL();
    } catch (const LoadError& e) {
      ASSERT_EQ(e.diagnostics().size(), 1u);
      EXPECT_EQ(std::filesystem::path(e.diagnostics()[0].file).filename(), "ports.geojson");
      EXPECT_EQ(e.diagnostics()[0].field, "features[1].properties.port");
    }
  }
  {
    const auto dir = write_marnet("not_json", "{\"type\": \"FeatureCollection\", \"features\": [", collection({}));
    try {
      (void)MaritimeGraph::load(dir);
      FAIL();
    } catch (const LoadError& e) {
      EXPECT_NE(e.diagnostics()[0].message.find("not valid JSON"), std::string::npos);
      EXPECT_EQ(std::filesystem::path(e.diagnostics()[0].file).filename(), "marnet_searoute.geojson");
    }
  }
  {
    const auto dir = write_marnet("no_features", R"({"type":"FeatureCollection"})", collection({}));
    EXPECT_THROW((void)MaritimeGraph::load(dir), LoadError);
  }
  EXPECT_THROW((void)MaritimeGraph::load("/nonexistent/landbridge/marnet"), LoadError);
}

TEST(MaritimeGraphLoad, DefaultDirFollowsTheEnvironment) {
  const char* old = std::getenv("LANDBRIDGE_DATA_DIR");
  const std::string saved = old ? old : "";
  ::setenv("LANDBRIDGE_DATA_DIR", "/somewhere/data", 1);
  EXPECT_EQ(default_marnet_dir(), std::filesystem::path("/somewhere/data/marnet"));
  ::setenv("LANDBRIDGE_DATA_DIR", "", 1);
  EXPECT_EQ(default_marnet_dir(), test::builtin_marnet_dir());
  ::unsetenv("LANDBRIDGE_DATA_DIR");
  EXPECT_EQ(default_marnet_dir(), test::builtin_marnet_dir());
  if (old) ::setenv("LANDBRIDGE_DATA_DIR", saved.c_str(), 1);
}

// --- The built-in marnet ----------------------------------------------------------------

TEST(BuiltinMarnet, EveryPortIsSnappedToItsNearestVertex) {
  const MaritimeGraph& g = test::builtin_marnet();
  EXPECT_EQ(g.port_count(), 3962u);
  test::SplitMix64 rng{7};
  // Brute force over all vertices for a sample of ports.
  for (int k = 0; k < 150; ++k) {
    const PortId p(rng.below(static_cast<std::uint32_t>(g.port_count())));
    const Port& port = g.port(p);
    double best = std::numeric_limits<double>::infinity();
    for (std::uint32_t v = 0; v < g.vertex_count(); ++v) {
      best = std::min(best, great_circle(port.pos, g.vertex(SeaVertexId(v))).value());
    }
    EXPECT_NEAR(port.snap.value(), best, 1e-9) << port.locode;
    EXPECT_DOUBLE_EQ(port.snap.value(), great_circle(port.pos, g.vertex(port.vertex)).value());
  }
  // nearest_port against brute force at random positions.
  for (int k = 0; k < 100; ++k) {
    const LatLon q{static_cast<double>(rng.below(180'000)) / 1000.0 - 90.0,
                   static_cast<double>(rng.below(360'000)) / 1000.0 - 180.0};
    const PortId got = g.nearest_port(q);
    double best = std::numeric_limits<double>::infinity();
    for (std::uint32_t p = 0; p < g.port_count(); ++p) {
      best = std::min(best, great_circle(q, g.port(PortId(p)).pos).value());
    }
    EXPECT_NEAR(great_circle(q, g.port(got).pos).value(), best, 1e-9);
  }
}

}  // namespace
}  // namespace landbridge::sea
