// The global maritime graph (marnet) and shortest sea routes on it.
//
// MaritimeGraph is built once from the two GeoJSON files in a marnet folder
// (marnet_searoute.geojson: sea lanes as LineStrings, some tagged with a passage;
// ports.geojson: ports with UN/LOCODE). Ports are snapped to their nearest graph vertex.
// SeaRouter answers queries with reusable per-query state; closed passages are a query
// parameter, so the same graph answers "via Suez" and "Suez closed".
//
// How the files are read:
//  - Vertices are identified by their coordinates: longitude folded into [-180, 180), then
//    longitude and latitude rounded to 1e-6 degree (about 0.1 m). So a lane drawn across the
//    antimeridian as lon 187.69 joins the lane drawn at lon -172.31.
//  - Every pair of consecutive positions of a LineString (or of each part of a
//    MultiLineString) is one undirected segment; its length is the haversine distance
//    between the two (rounded) vertices. A segment repeated in several features is kept once;
//    zero-length segments (both ends round to one vertex) are dropped.
//  - A feature property "passage" (suez, babalmandab, ...; see model/modes.h) tags all of
//    that feature's segments; a segment tagged by several features carries all their tags.
//  - A port is snapped to the vertex nearest to it by great-circle distance; the port-vertex
//    distance is part of every sea distance from or to that port.
//
// Sea distance between two ports = snap(from) + lane distance between their vertices +
// snap(to); 0 from a port to itself.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "landbridge/core/geo.h"
#include "landbridge/core/ids.h"
#include "landbridge/core/units.h"
#include "landbridge/model/modes.h"

namespace landbridge::sea {

struct Port {
  std::string locode;  // "NLRTM" (as in the file; a few are not 5 characters)
  std::string name;
  std::string country;
  LatLon pos;                      // as in the file, longitude folded into [-180, 180)
  SeaVertexId vertex;              // the graph vertex the port is snapped to
  Kilometres snap{0.0};            // great-circle distance port -> vertex
};

// One direction of an undirected sea-lane segment, as seen from its tail vertex.
struct SeaLane {
  SeaVertexId head;
  Kilometres length{0.0};
  PassageSet passages = 0;  // passages this segment belongs to (usually none or one)
};

// Passages searoute-py closes unless told otherwise: the Northwest Passage through Arctic
// Canada, which marnet contains but container lines do not sail. With nothing closed, the
// shortest Shanghai-Rotterdam route runs through the Bering Strait and this passage.
inline constexpr PassageSet kSearouteDefaultClosed = passage_bit(Passage::northwest);

struct SeaPath {
  Kilometres distance{0.0};
  PassageSet passages = 0;            // passages sailed through
  // Polyline from the port to the port (ports and lane vertices), only when asked for.
  // Longitudes are unwrapped: the first point lies in [-180, 180) and each next point
  // differs from the previous one by less than 180 degrees (a trans-Pacific route runs past
  // 180 instead of jumping to -180), as GeoJSON viewers draw it.
  std::vector<LatLon> geometry;
};

// Immutable once loaded: any number of SeaRouters, on any threads, may share one graph.
class MaritimeGraph {
 public:
  // Loads `dir`/marnet_searoute.geojson and `dir`/ports.geojson. Throws LoadError naming the
  // file and feature index on malformed input (every problem found, not just the first).
  static MaritimeGraph load(const std::filesystem::path& dir);

  [[nodiscard]] std::size_t vertex_count() const;
  [[nodiscard]] std::size_t edge_count() const;  // undirected sea-lane segments
  [[nodiscard]] std::size_t port_count() const;
  [[nodiscard]] const Port& port(PortId p) const;
  // The first port in file order with this UN/LOCODE (the file repeats a few codes).
  [[nodiscard]] std::optional<PortId> find_port(std::string_view locode) const;
  // The port nearest to `pos` by great-circle distance (lowest id on a tie).
  [[nodiscard]] PortId nearest_port(LatLon pos) const;

  // The uncontracted graph, as read from the file (for inspection and cross-checks).
  [[nodiscard]] LatLon vertex(SeaVertexId v) const;
  [[nodiscard]] std::span<const SeaLane> lanes(SeaVertexId v) const;  // both directions stored
  // Size of the routing structure built at load time: arcs of the contraction hierarchy
  // (segments plus shortcuts, each stored once, at its lower-ranked end).
  [[nodiscard]] std::size_t routing_arc_count() const;

  MaritimeGraph(MaritimeGraph&&) noexcept;
  MaritimeGraph& operator=(MaritimeGraph&&) noexcept;
  ~MaritimeGraph();

  struct Impl;  // opaque, defined in src/sea

 private:
  friend class SeaRouter;
  MaritimeGraph();
  std::unique_ptr<Impl> impl_;
};

// Sea routes on one MaritimeGraph. Holds per-query scratch state sized to the graph (about
// 2 MB for marnet), so queries allocate nothing (except the geometry when asked for). Not
// thread-safe: use one router per thread. The graph must outlive the router (moving the graph
// object is fine).
//
// Method: a contraction hierarchy built at load time whose shortcuts remember the passages they
// sail through and are only ever replaced by witnesses through a subset of those passages, so
// every query is exact for any set of closed passages. route() is a bidirectional upward search
// with stall-on-demand; one_to_all() is PHAST (upward search, then one sweep over all vertices).
class SeaRouter {
 public:
  explicit SeaRouter(const MaritimeGraph& g);
  ~SeaRouter();
  SeaRouter(SeaRouter&&) noexcept;
  SeaRouter& operator=(SeaRouter&&) noexcept;

  // Shortest sea route between two ports avoiding every passage in `closed`; nullopt if none.
  std::optional<SeaPath> route(PortId from, PortId to, PassageSet closed = 0, bool with_geometry = false);
  // Distances from one port to every port (Kilometres::max() where unreachable), indexed by
  // PortId; `out` must hold port_count() values.
  void one_to_all(PortId from, PassageSet closed, std::span<Kilometres> out);

 private:
  struct State;
  const MaritimeGraph::Impl* g_;
  std::unique_ptr<State> s_;
};

// Default folder of the built-in maritime graph: $LANDBRIDGE_DATA_DIR/marnet when that
// environment variable is set and not empty, else the data folder compiled in + "/marnet".
std::filesystem::path default_marnet_dir();

}  // namespace landbridge::sea
