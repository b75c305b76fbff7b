#include "landbridge/route/closures.h"

#include <algorithm>
#include <cmath>

#include "landbridge/model/loaded_network.h"
#include "landbridge/sea/maritime_graph.h"

namespace landbridge::route {

void LinkOverrides::set(LinkId l, const LinkOverride& o) {
  auto it = std::lower_bound(items_.begin(), items_.end(), l, [](const auto& p, LinkId k) { return p.first < k; });
  if (it != items_.end() && it->first == l)
    it->second = o;
  else
    items_.insert(it, {l, o});
}

const LinkOverride* LinkOverrides::find(LinkId l) const {
  auto it = std::lower_bound(items_.begin(), items_.end(), l, [](const auto& p, LinkId k) { return p.first < k; });
  return it != items_.end() && it->first == l ? &it->second : nullptr;
}

LinkOverrides drop_closed_passages(const Network& net, PassageSet closed) {
  LinkOverrides out;
  if (!closed) return out;
  for (std::uint32_t i = 0; i < net.link_count(); ++i) {
    const LinkId l(i);
    if (!(net.link_passages(l) & closed)) continue;
    LinkOverride o{false,
                   net.link_distance(l),
                   net.link_duration(l),
                   net.link_cost_teu(l),
                   net.link_cost_feu(l),
                   net.link_passages(l)};
    out.set(l, o);
  }
  return out;
}

LinkOverrides reroute_closed_passages(const Network& net, const sea::MaritimeGraph& graph,
                                      std::span<const PortId> from_port, std::span<const PortId> to_port,
                                      PassageSet closed, std::span<const PassageSet> link_avoid) {
  LinkOverrides out;
  if (!closed) return out;
  sea::SeaRouter router(graph);
  for (std::uint32_t i = 0; i < net.link_count(); ++i) {
    const LinkId l(i);
    if (!(net.link_passages(l) & closed)) continue;
    LinkOverride o{false,
                   net.link_distance(l),
                   net.link_duration(l),
                   net.link_cost_teu(l),
                   net.link_cost_feu(l),
                   net.link_passages(l)};
    const PortId a = i < from_port.size() ? from_port[i] : PortId{};
    const PortId b = i < to_port.size() ? to_port[i] : PortId{};
    const Kilometres old = net.link_distance(l);
    if (a.valid() && b.valid() && old.value() > 0.0) {
      const PassageSet avoid = closed | (i < link_avoid.size() ? link_avoid[i] : 0);
      if (const auto path = router.route(a, b, avoid)) {
        const double ratio = path->distance / old;
        o.usable = true;
        o.distance = path->distance;
        o.duration = Minutes(static_cast<std::int32_t>(std::llround(static_cast<double>(o.duration.value()) * ratio)));
        o.cost_teu = UsdCents(static_cast<std::int64_t>(std::llround(static_cast<double>(o.cost_teu.value()) * ratio)));
        o.cost_feu = UsdCents(static_cast<std::int64_t>(std::llround(static_cast<double>(o.cost_feu.value()) * ratio)));
        o.passages = path->passages;
      }
    }
    out.set(l, o);
  }
  return out;
}

LinkOverrides reroute_closed_passages(const LoadedNetwork& pkg, PassageSet closed) {
  if (!pkg.marnet) return drop_closed_passages(pkg.network, closed);
  return reroute_closed_passages(pkg.network, *pkg.marnet, pkg.sea_from_port.raw(), pkg.sea_to_port.raw(), closed,
                                 pkg.sea_avoid.raw());
}

}  // namespace landbridge::route
