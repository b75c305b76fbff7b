#include "landbridge/route/closures.h"

#include <algorithm>

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

}  // namespace landbridge::route
