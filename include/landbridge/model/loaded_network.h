// A network together with what was loaded alongside it: LoadedNetwork.
//
// The name says what it is for the layers that use it: the routers (route/, schedule/) and
// the corridor model take a LoadedNetwork, whoever filled it. io::load_package fills one from
// a network package (docs/network-package.md; io keeps the alias io::LoadedPackage for its
// callers); io::parse_text_network gives a bare Network that callers may wrap in one. Only
// `network` is required: every other member may be empty (no sea re-routing, no road access).
//
// The maritime graph is only forward-declared here, so that the model layer does not depend
// on landbridge/sea; code that re-routes sea links includes sea/maritime_graph.h itself.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "landbridge/core/ids.h"
#include "landbridge/model/modes.h"
#include "landbridge/model/network.h"
#include "landbridge/model/places.h"

namespace landbridge::sea {
class MaritimeGraph;
}

namespace landbridge {

struct LoadedNetwork {
  Network network;
  std::filesystem::path dir;  // the package folder it came from ("" when not from a folder)
  std::string version;
  std::string description;
  // The maritime graph used for sea distances (owned here when the loader loaded it; a
  // non-owning handle when the caller lent one). Null when no link needs it.
  std::shared_ptr<const sea::MaritimeGraph> marnet;
  // For each link with distance `marnet`: the marnet ports of its ends, for re-routing when a
  // query closes passages (invalid ids for other links). Indexed by LinkId; read only when
  // `marnet` is set (a network without a maritime graph may leave these three empty).
  IdVector<LinkId, PortId> sea_from_port;
  IdVector<LinkId, PortId> sea_to_port;
  // Passages closed for each marnet link's route: its `avoid_passages` plus the manifest's
  // `marnet_avoid` (0 for other links). A query that closes more re-routes with the union.
  IdVector<LinkId, PassageSet> sea_avoid;
  // The manifest's [road] table: how places off the network reach it by truck
  // (docs/door-to-door.md). Absent: door-to-door routing from such places is not offered.
  std::optional<RoadAccess> road;
};

}  // namespace landbridge
