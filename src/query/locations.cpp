// Engine::search_locations: what a user may type, by code prefix or name words, nodes first.
#include "impl.h"
#include "landbridge/place/door.h"

namespace landbridge::query {

const LocationIndex& Engine::Impl::location_index() const {
  std::call_once(locations_once, [&] { locations = std::make_unique<const LocationIndex>(pkg->network, places()); });
  return *locations;
}

std::vector<Location> Engine::search_locations(std::string_view text, std::size_t limit) const {
  const Network& net = network();
  const FoldedText t = fold_text(text);
  std::vector<Location> out;
  if (t.whole.empty() || limit == 0) return out;
  const LocationIndex& index = impl_->location_index();
  for (NodeId n : index.nodes(t, limit)) {
    const NodeInfo& i = net.node(n);
    out.push_back({.code = i.code, .name = i.name, .country = i.country, .lat = i.pos.lat, .lon = i.pos.lon,
                   .on_network = true, .kind = std::string(to_string(i.kind)), .timezone = i.timezone});
  }
  if (out.size() == limit) return out;
  const PlaceIndex& places = impl_->places();
  for (std::uint32_t k : index.places(t, limit - out.size())) {
    const Place& p = places[k];
    out.push_back({.code = p.code, .name = p.name, .country = p.country(), .lat = p.pos.lat, .lon = p.pos.lon,
                   .on_network = false, .kind = "place", .timezone = place::nearest_zone(net, p)});
  }
  return out;
}

}  // namespace landbridge::query
