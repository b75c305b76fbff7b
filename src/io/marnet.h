// The io layer's use of the maritime graph (lb_sea): loading it, finding a node's port, and
// routing with one reusable router.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "landbridge/core/geo.h"
#include "landbridge/core/ids.h"
#include "landbridge/model/modes.h"
#include "landbridge/sea/maritime_graph.h"

namespace landbridge::io::detail {

// Loads the maritime graph of `dir`. Throws LoadError (malformed files) or Error.
std::shared_ptr<const sea::MaritimeGraph> load_marnet(const std::filesystem::path& dir);

// Where the built-in maritime graph lives.
std::filesystem::path builtin_marnet_dir();

// Ports and routes on one graph, reusing the router's state between queries.
class MarnetRouter {
 public:
  explicit MarnetRouter(const sea::MaritimeGraph& g);
  ~MarnetRouter();
  MarnetRouter(const MarnetRouter&) = delete;
  MarnetRouter& operator=(const MarnetRouter&) = delete;

  // The port with this UN/LOCODE, else the port nearest to `pos`.
  PortId port_for(std::string_view locode, LatLon pos) const;
  // "NLRTM (Rotterdam)"
  std::string port_label(PortId p) const;
  LatLon port_pos(PortId p) const;
  std::optional<sea::SeaPath> route(PortId from, PortId to, PassageSet closed, bool with_geometry);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace landbridge::io::detail
