// The global maritime graph (marnet) and shortest sea routes on it.
//
// MaritimeGraph is built once from the two GeoJSON files in a marnet folder
// (marnet_searoute.geojson: sea lanes as LineStrings, some tagged with a passage;
// ports.geojson: ports with UN/LOCODE). Ports are snapped to their nearest graph vertex.
// SeaRouter answers queries with reusable per-query state; closed passages are a query
// parameter, so the same graph answers "via Suez" and "Suez closed".
#pragma once

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
  std::string locode;  // "NLRTM"
  std::string name;
  std::string country;
  LatLon pos;
};

struct SeaPath {
  Kilometres distance{0.0};
  PassageSet passages = 0;            // passages sailed through
  std::vector<LatLon> geometry;       // polyline, only when asked for
};

class MaritimeGraph {
 public:
  // Loads `dir`/marnet_searoute.geojson and `dir`/ports.geojson. Throws LoadError naming the
  // file and feature index on malformed input.
  static MaritimeGraph load(const std::filesystem::path& dir);

  [[nodiscard]] std::size_t vertex_count() const;
  [[nodiscard]] std::size_t edge_count() const;  // undirected sea-lane segments
  [[nodiscard]] std::size_t port_count() const;
  [[nodiscard]] const Port& port(PortId p) const;
  [[nodiscard]] std::optional<PortId> find_port(std::string_view locode) const;
  [[nodiscard]] PortId nearest_port(LatLon pos) const;

  MaritimeGraph(MaritimeGraph&&) noexcept;
  MaritimeGraph& operator=(MaritimeGraph&&) noexcept;
  ~MaritimeGraph();

 private:
  friend class SeaRouter;
  struct Impl;
  MaritimeGraph();
  std::unique_ptr<Impl> impl_;
};

class SeaRouter {
 public:
  explicit SeaRouter(const MaritimeGraph& g);
  ~SeaRouter();
  SeaRouter(SeaRouter&&) noexcept;

  // Shortest sea route between two ports avoiding every passage in `closed`; nullopt if none.
  std::optional<SeaPath> route(PortId from, PortId to, PassageSet closed = 0, bool with_geometry = false);
  // Distances from one port to every port (Kilometres::max() where unreachable), indexed by PortId.
  void one_to_all(PortId from, PassageSet closed, std::span<Kilometres> out);

 private:
  struct State;
  const MaritimeGraph* g_;
  std::unique_ptr<State> s_;
};

// Default folder of the built-in maritime graph.
std::filesystem::path default_marnet_dir();

}  // namespace landbridge::sea
