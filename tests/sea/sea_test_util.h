// Helpers for the sea tests: inline marnet folders, a portable RNG, the obvious Dijkstra.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <limits>
#include <queue>
#include <string>
#include <vector>

#include "../support/scratch.h"
#include "landbridge/core/splitmix.h"
#include "landbridge/sea/maritime_graph.h"

namespace landbridge::sea::test {

// A marnet folder written from inline GeoJSON text, in the running test's own scratch folder.
inline std::filesystem::path write_marnet(const std::string& name, const std::string& lanes,
                                          const std::string& ports) {
  const auto dir = landbridge::testing_support::scratch_dir() / name;
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "marnet_searoute.geojson") << lanes;
  std::ofstream(dir / "ports.geojson") << ports;
  return dir;
}

// One lane feature: coordinates as "[lon,lat],[lon,lat]..." and an optional passage tag.
inline std::string lane(const std::string& coords, const std::string& passage = "") {
  const std::string props = passage.empty() ? "{}" : R"({"passage":")" + passage + R"("})";
  return R"({"type":"Feature","properties":)" + props +
         R"(,"geometry":{"type":"LineString","coordinates":[)" + coords + "]}}";
}
inline std::string port(const std::string& locode, double lon, double lat) {
  return R"({"type":"Feature","properties":{"port":")" + locode + R"(","name":")" + locode +
         R"(","cty":"Testland"},"geometry":{"type":"Point","coordinates":[)" + std::to_string(lon) + "," +
         std::to_string(lat) + "]}}";
}
inline std::string collection(const std::vector<std::string>& features) {
  std::string s = R"({"type":"FeatureCollection","features":[)";
  for (std::size_t i = 0; i < features.size(); ++i) s += (i ? "," : "") + features[i];
  return s + "]}";
}

inline std::filesystem::path builtin_marnet_dir() { return std::filesystem::path(LANDBRIDGE_DATA_DIR) / "marnet"; }

// The built-in marnet, loaded once per test process.
inline const MaritimeGraph& builtin_marnet() {
  static const MaritimeGraph g = MaritimeGraph::load(builtin_marnet_dir());
  return g;
}

// Seeded portable draws (core/splitmix.h).
using landbridge::SplitMix64;

// Textbook Dijkstra on the uncontracted graph: lane distance from `src` to every vertex,
// skipping segments of closed passages. Infinity where unreachable.
inline std::vector<double> plain_dijkstra(const MaritimeGraph& g, SeaVertexId src, PassageSet closed) {
  std::vector<double> dist(g.vertex_count(), std::numeric_limits<double>::infinity());
  using Item = std::pair<double, std::uint32_t>;
  std::priority_queue<Item, std::vector<Item>, std::greater<>> q;
  dist[src.get()] = 0.0;
  q.push({0.0, src.get()});
  while (!q.empty()) {
    const auto [d, v] = q.top();
    q.pop();
    if (d > dist[v]) continue;
    for (const SeaLane& l : g.lanes(SeaVertexId(v))) {
      if ((l.passages & closed) != 0) continue;
      if (d + l.length.value() < dist[l.head.get()]) {
        dist[l.head.get()] = d + l.length.value();
        q.push({dist[l.head.get()], l.head.get()});
      }
    }
  }
  return dist;
}

// Port-to-port sea distance from a plain_dijkstra result, by the documented rule.
inline double port_distance(const MaritimeGraph& g, const std::vector<double>& from_dist, PortId from, PortId to) {
  if (from == to) return 0.0;
  const double lanes = from_dist[g.port(to).vertex.get()];
  if (lanes == std::numeric_limits<double>::infinity()) return lanes;
  return g.port(from).snap.value() + lanes + g.port(to).snap.value();
}

// Length of a polyline by haversine.
inline double polyline_km(const std::vector<LatLon>& pts) {
  double s = 0.0;
  for (std::size_t i = 1; i < pts.size(); ++i) s += great_circle(pts[i - 1], pts[i]).value();
  return s;
}

}  // namespace landbridge::sea::test
