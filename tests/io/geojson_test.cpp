// GeoJSON export: parse the output back and compare it with the package it came from.
#include "landbridge/io/geojson.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "landbridge/io/package.h"
#include "package_edit.h"

namespace landbridge::io {
namespace {

using json = nlohmann::json;
using namespace test;

json exported(const LoadedPackage& p) {
  std::ostringstream out;
  export_geojson(p, out);
  return json::parse(out.str());
}

const json& feature(const json& fc, std::string_view kind, std::string_view key,
                    std::string_view value) {
  for (const json& f : fc["features"])
    if (f["properties"]["feature"] == kind && f["properties"][std::string(key)] == value) return f;
  ADD_FAILURE() << "no " << kind << " with " << key << " = " << value;
  static const json none;
  return none;
}

// Every position of a LineString or MultiLineString.
std::vector<std::vector<LatLon>> lines_of(const json& geometry) {
  std::vector<std::vector<LatLon>> out;
  const auto line = [](const json& coords) {
    std::vector<LatLon> l;
    for (const json& c : coords) l.push_back({c[1].get<double>(), c[0].get<double>()});
    return l;
  };
  if (geometry["type"] == "LineString")
    out.push_back(line(geometry["coordinates"]));
  else if (geometry["type"] == "MultiLineString")
    for (const json& part : geometry["coordinates"]) out.push_back(line(part));
  else
    ADD_FAILURE() << "unexpected geometry " << geometry["type"];
  return out;
}

// What a map needs: positions in range, no segment that jumps across the map.
void expect_drawable(const std::vector<std::vector<LatLon>>& parts) {
  ASSERT_FALSE(parts.empty());
  for (const auto& part : parts) {
    EXPECT_GE(part.size(), 2u);
    for (std::size_t i = 0; i < part.size(); ++i) {
      EXPECT_GE(part[i].lon, -180.0);
      EXPECT_LE(part[i].lon, 180.0);
      EXPECT_GE(part[i].lat, -90.0);
      EXPECT_LE(part[i].lat, 90.0);
      if (i > 0) {
        EXPECT_LE(std::abs(part[i].lon - part[i - 1].lon), 180.0);
      }
    }
  }
}

TEST(GeoJson, MiniPackageNodesAndLinks) {
  const LoadedPackage p = load_package(package_dir("mini"));
  const Network& n = p.network;
  const json fc = exported(p);
  EXPECT_EQ(fc["type"], "FeatureCollection");
  ASSERT_EQ(fc["features"].size(), n.node_count() + n.link_count());

  const json& hor = feature(fc, "node", "code", "KZHOR");
  EXPECT_EQ(hor["type"], "Feature");
  EXPECT_EQ(hor["geometry"]["type"], "Point");
  EXPECT_EQ(hor["geometry"]["coordinates"], json::parse("[80.384, 44.224]"));  // lon first
  EXPECT_EQ(hor["properties"]["name"], "Khorgos Gateway");
  EXPECT_EQ(hor["properties"]["kind"], "dry_port");
  EXPECT_EQ(hor["properties"]["country"], "KZ");

  for (LinkId l{0}; l.get() < n.link_count(); l = LinkId(l.get() + 1)) {
    const json& f = feature(fc, "link", "id", n.link_info(l).id);
    SCOPED_TRACE(n.link_info(l).id);
    const auto parts = lines_of(f["geometry"]);
    expect_drawable(parts);
    // No sea geometry in this package: a straight segment from node to node.
    ASSERT_EQ(parts.size(), 1u);
    ASSERT_EQ(parts[0].size(), 2u);
    EXPECT_EQ(parts[0][0], n.node(n.link_from(l)).pos);
    EXPECT_EQ(parts[0][1], n.node(n.link_to(l)).pos);
    const json& props = f["properties"];
    EXPECT_EQ(props["from"], n.node(n.link_from(l)).code);
    EXPECT_EQ(props["mode"], std::string(to_string(n.link_carriage(l).mode)));
    EXPECT_NEAR(props["distance_km"].get<double>(), n.link_distance(l).value(), 5e-4);
    EXPECT_NEAR(props["hours"].get<double>(), to_hours(n.link_duration(l)), 5e-3);
    EXPECT_EQ(props["cost_usd_teu"].get<double>(), to_usd(n.link_cost_teu(l)));
  }
  const json& ferry = feature(fc, "link", "id", "ferry-AAU-ALA")["properties"];
  EXPECT_TRUE(ferry["gauge"].is_null());
  EXPECT_EQ(ferry["sources"], "S22;S35");
  EXPECT_EQ(ferry["distance_km"], 436);
  EXPECT_EQ(ferry["hours"], 20);
  EXPECT_EQ(ferry["cost_usd_teu"], 900);
  EXPECT_EQ(feature(fc, "link", "id", "rail-HOR-ALA~r")["properties"]["gauge"], "1520");
}

TEST(GeoJson, StringsAreEscaped) {
  PackageFiles files = mini();
  set_cell(files, "nodes.csv", 3, "name", "Lian\"yun\\gang\ttab");
  const json fc = exported(load_package(files));
  EXPECT_EQ(feature(fc, "node", "code", "CNLYG")["properties"]["name"], "Lian\"yun\\gang\ttab");
}

TEST(GeoJson, LinkOverTheAntimeridianIsCut) {
  PackageFiles files = mini();
  // Move Hakata to 175 E and Lianyungang to 170 W: the feeder between them crosses 180.
  set_cell(files, "nodes.csv", 2, "lon", "175");
  set_cell(files, "nodes.csv", 2, "lat", "30");
  set_cell(files, "nodes.csv", 3, "lon", "-170");
  set_cell(files, "nodes.csv", 3, "lat", "36");
  const json fc = exported(load_package(files));
  const auto parts = lines_of(feature(fc, "link", "id", "feeder-HKT-LYG")["geometry"]);
  expect_drawable(parts);
  ASSERT_EQ(parts.size(), 2u);
  EXPECT_EQ(parts[0].front(), (LatLon{30, 175}));
  EXPECT_EQ(parts[0].back().lon, 180.0);
  EXPECT_EQ(parts[1].front().lon, -180.0);
  EXPECT_EQ(parts[1].back(), (LatLon{36, -170}));
  // Crossing at a third of the way in longitude (5 of 15 degrees): latitude 32.
  EXPECT_DOUBLE_EQ(parts[0].back().lat, 32.0);
  EXPECT_DOUBLE_EQ(parts[1].front().lat, 32.0);
  // The reverse link is cut at the same place, the other way round.
  const auto back = lines_of(feature(fc, "link", "id", "feeder-HKT-LYG~r")["geometry"]);
  ASSERT_EQ(back.size(), 2u);
  EXPECT_EQ(back[0].back(), (LatLon{32, -180}));
  EXPECT_EQ(back[1].front(), (LatLon{32, 180}));
}

// Slow obvious check of the splitter on random polylines: walk the input, and for every
// segment compare with the parts: undoing the cut (shifting each part by the right multiple of
// 360) must give back every input point in order.
TEST(GeoJson, SplitterKeepsEveryPointOnRandomLines) {
  std::mt19937_64 rng(7);
  const auto uniform = [&](double lo, double hi) {
    return lo + (hi - lo) * static_cast<double>(rng() >> 11) * 0x1.0p-53;
  };
  for (int run = 0; run < 2000; ++run) {
    std::vector<LatLon> line;
    const std::size_t n = 2 + rng() % 8;
    double lon = uniform(-540, 540);
    for (std::size_t i = 0; i < n; ++i) {
      line.push_back({uniform(-80, 80), lon});
      lon += uniform(-179, 179);  // any wrap of the input longitude is allowed
      if (rng() % 4 == 0) lon += 360.0 * static_cast<double>(static_cast<int>(rng() % 5) - 2);
    }
    const auto parts = split_at_antimeridian(line);
    SCOPED_TRACE(run);
    expect_drawable(parts);
    // Re-join: consecutive parts meet at the same latitude on opposite sides.
    std::vector<LatLon> joined;
    for (std::size_t k = 0; k < parts.size(); ++k) {
      if (k > 0) {
        ASSERT_EQ(std::abs(parts[k - 1].back().lon), 180.0);
        ASSERT_EQ(parts[k].front().lon, -parts[k - 1].back().lon);
        ASSERT_EQ(parts[k].front().lat, parts[k - 1].back().lat);
      }
      for (std::size_t i = 0; i < parts[k].size(); ++i) {
        const LatLon q = parts[k][i];
        const bool cut_point =
            (i == 0 && k > 0) || (i + 1 == parts[k].size() && k + 1 < parts.size());
        if (!cut_point) joined.push_back(q);
      }
    }
    // Each input point appears, in order, at its longitude folded into [-180, 180].
    ASSERT_EQ(joined.size(), line.size());
    for (std::size_t i = 0; i < line.size(); ++i) {
      EXPECT_DOUBLE_EQ(joined[i].lat, line[i].lat);
      const double d = std::remainder(joined[i].lon - line[i].lon, 360.0);
      EXPECT_NEAR(d, 0.0, 1e-9);
    }
  }
}

TEST(GeoJson, ZeroLengthLinkStillHasTwoPositions) {
  PackageFiles files = mini();
  set_cell(files, "nodes.csv", 6, "lat", "44.224");  // Almaty onto Khorgos Gateway
  set_cell(files, "nodes.csv", 6, "lon", "80.384");
  const json fc = exported(load_package(files));
  const auto parts = lines_of(feature(fc, "link", "id", "road-HOR-ALA")["geometry"]);
  ASSERT_EQ(parts.size(), 1u);
  EXPECT_EQ(parts[0].size(), 2u);
}

TEST(GeoJson, SeaLinksFollowTheirRouteAndAreCutAtTheAntimeridian) {
  const LoadedPackage p = load_package(package_dir("mini-sea"));
  const Network& n = p.network;
  const json fc = exported(p);
  const auto suez = lines_of(feature(fc, "link", "id", "suez-LYG-RTM")["geometry"]);
  expect_drawable(suez);
  ASSERT_EQ(suez.size(), 1u);
  EXPECT_GT(suez[0].size(), 50u);  // the sea lanes, not a straight line
  EXPECT_EQ(suez[0].front(), n.node(*n.find_node("CNLYG")).pos);
  EXPECT_EQ(suez[0].back(), n.node(*n.find_node("NLRTM")).pos);
  // Its length along the drawn line is the sea distance, within the node-to-port hops.
  double km = 0;
  for (std::size_t i = 1; i < suez[0].size(); ++i)
    km += great_circle(suez[0][i - 1], suez[0][i]).value();
  const double sea_km = n.link_distance(*n.find_link("suez-LYG-RTM")).value();
  EXPECT_NEAR(km, sea_km, 0.02 * sea_km);
  // Tokyo - Los Angeles crosses the Pacific and the antimeridian.
  const auto pacific = lines_of(feature(fc, "link", "id", "pacific-TYO-LAX")["geometry"]);
  expect_drawable(pacific);
  ASSERT_EQ(pacific.size(), 2u);
  EXPECT_EQ(std::abs(pacific[0].back().lon), 180.0);
}

}  // namespace
}  // namespace landbridge::io
