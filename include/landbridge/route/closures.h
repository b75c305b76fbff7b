// Per-query link overrides, and the ones that closing sea passages produces.
//
// A query that closes passages (Suez, Bab-el-Mandeb, ...) must not use a maritime link whose
// route sails through one. For links whose distance came from the maritime graph (the package
// loader records their marnet ports in LoadedNetwork::sea_from_port / sea_to_port) the link is
// re-routed on the graph with the passages closed; its duration and cost scale by the ratio of
// the new distance to the old (the package format's stated model assumption) and its passages
// become the new route's. When no sea route remains, or the link has no marnet ports, the link
// is marked unusable. Other links are untouched. The Network itself never changes: overrides
// are handed to the router with each query.
#pragma once

#include <span>
#include <utility>
#include <vector>

#include "landbridge/core/ids.h"
#include "landbridge/core/units.h"
#include "landbridge/model/network.h"

namespace landbridge {
struct LoadedNetwork;
}
namespace landbridge::sea {
class MaritimeGraph;
}

namespace landbridge::route {

// Replacement figures for one link in one query.
struct LinkOverride {
  bool usable = true;
  Kilometres distance{0.0};
  Minutes duration{0};
  UsdCents cost_teu{0};
  UsdCents cost_feu{0};
  PassageSet passages = 0;
  friend bool operator==(const LinkOverride&, const LinkOverride&) = default;
};

// A sparse set of overrides, sorted by link.
class LinkOverrides {
 public:
  // Adds or replaces the override of `l`.
  void set(LinkId l, const LinkOverride& o);
  [[nodiscard]] const LinkOverride* find(LinkId l) const;
  [[nodiscard]] std::size_t size() const { return items_.size(); }
  [[nodiscard]] bool empty() const { return items_.empty(); }
  [[nodiscard]] const std::vector<std::pair<LinkId, LinkOverride>>& items() const { return items_; }

 private:
  std::vector<std::pair<LinkId, LinkOverride>> items_;
};

// Marks every link whose passages intersect `closed` unusable (no maritime graph at hand).
LinkOverrides drop_closed_passages(const Network& net, PassageSet closed);

// Re-routes the links whose passages intersect `closed` on the maritime graph.
//   from_port / to_port: marnet ports of each link's ends, indexed by LinkId (invalid ids for
//                        links that were not routed on the graph); as in LoadedNetwork.
//   link_avoid:          passages each link avoids by default (links.csv `avoid_passages`),
//                        indexed by LinkId; may be empty (= none).
LinkOverrides reroute_closed_passages(const Network& net, const sea::MaritimeGraph& graph,
                                      std::span<const PortId> from_port, std::span<const PortId> to_port,
                                      PassageSet closed, std::span<const PassageSet> link_avoid = {});
// Same, with the package's maritime graph and ports (drops links when it has no graph).
LinkOverrides reroute_closed_passages(const LoadedNetwork& pkg, PassageSet closed);

}  // namespace landbridge::route
