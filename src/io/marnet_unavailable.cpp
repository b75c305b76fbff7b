// Stand-in for marnet.cpp in a build without the sea layer: every use is an error.
#include "landbridge/core/error.h"
#include "marnet.h"

namespace landbridge::io::detail {

bool marnet_available() { return false; }

std::shared_ptr<const sea::MaritimeGraph> load_marnet(const std::filesystem::path&) {
  throw Error("`marnet` distances need the maritime graph, but this build has no sea layer (lb_sea)");
}

std::filesystem::path builtin_marnet_dir() { return std::filesystem::path(LANDBRIDGE_DATA_DIR) / "marnet"; }

struct MarnetRouter::Impl {};

MarnetRouter::MarnetRouter(const sea::MaritimeGraph&) {
  throw Error("`marnet` distances need the maritime graph, but this build has no sea layer (lb_sea)");
}
MarnetRouter::~MarnetRouter() = default;

PortId MarnetRouter::port_for(std::string_view, LatLon) const { return PortId::invalid(); }
std::string MarnetRouter::port_label(PortId) const { return {}; }
LatLon MarnetRouter::port_pos(PortId) const { return {}; }
std::optional<sea::SeaPath> MarnetRouter::route(PortId, PortId, PassageSet, bool) { return std::nullopt; }

}  // namespace landbridge::io::detail
