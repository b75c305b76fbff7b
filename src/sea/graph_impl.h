// Internal layout of MaritimeGraph, shared by the loader and the router.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "contraction.h"
#include "kd_tree.h"
#include "landbridge/sea/maritime_graph.h"

namespace landbridge::sea {

struct MaritimeGraph::Impl {
  // Uncontracted graph as read.
  std::vector<LatLon> vertex_pos;         // SeaVertexId -> rounded, folded position
  Csr<SeaVertexId, SeaLane> lanes;        // SeaVertexId -> both directions of its segments
  std::size_t segment_count = 0;          // undirected segments

  // Ports, in file order.
  IdVector<PortId, Port> ports;
  std::vector<std::pair<std::string, PortId>> by_locode;  // sorted by code, first port per code
  detail::SphereKdTree port_tree;                         // over port positions, for nearest_port

  // Routing structure.
  detail::ContractionHierarchy ch;
};

}  // namespace landbridge::sea
