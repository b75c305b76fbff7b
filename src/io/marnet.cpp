#include "marnet.h"

#include <fmt/format.h>

namespace landbridge::io::detail {

std::shared_ptr<const sea::MaritimeGraph> load_marnet(const std::filesystem::path& dir) {
  return std::make_shared<const sea::MaritimeGraph>(sea::MaritimeGraph::load(dir));
}

std::filesystem::path builtin_marnet_dir() {
  return sea::default_marnet_dir();
}

struct MarnetRouter::Impl {
  const sea::MaritimeGraph& g;
  sea::SeaRouter router;
};

MarnetRouter::MarnetRouter(const sea::MaritimeGraph& g) : impl_(new Impl{g, sea::SeaRouter(g)}) {}
MarnetRouter::~MarnetRouter() = default;

PortId MarnetRouter::port_for(std::string_view locode, LatLon pos) const {
  if (auto p = impl_->g.find_port(locode)) return *p;
  return impl_->g.nearest_port(pos);
}

std::string MarnetRouter::port_label(PortId p) const {
  const sea::Port& port = impl_->g.port(p);
  return fmt::format("{} ({})", port.locode, port.name);
}

LatLon MarnetRouter::port_pos(PortId p) const {
  return impl_->g.port(p).pos;
}

std::optional<sea::SeaPath> MarnetRouter::route(PortId from, PortId to, PassageSet closed,
                                                bool with_geometry) {
  return impl_->router.route(from, to, closed, with_geometry);
}

}  // namespace landbridge::io::detail
