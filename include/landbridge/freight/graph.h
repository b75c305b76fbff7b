// The assignment graph of a network package: what a box can do, as arcs with a generalized
// cost in USD per TEU and a capacity in TEU per week (docs/freight-assignment.md, "Graph").
//
// Vertices: one zone per demand end (a centroid: a path starts or ends there, never passes
// through), and per node one "arrived by carriage c" and one "departs by carriage c" vertex for
// each carriage (mode + gauge) of its links. Arcs:
//   link       departs(from, c) -> arrived(to, c): the link's running time and price
//   transfer   arrived(n, a) -> departs(n, d), zone -> departs (start), arrived -> zone (end):
//              the package's transfer (every operation of it, `dwell` included: the expected
//              wait is part of what a box costs)
//   operation  a capacity-bound operation (a gauge change with cranes, a terminal with a stated
//              throughput) gets an arc of its own that every transfer using it passes, so that
//              its capacity is shared: arrived -> op in -> op out -> departs.
// Generalized cost of an arc = money + value of time x hours x (1 + alpha (v / capacity)^beta)
// (BPR on capacity-bound arcs) + the Lagrange multiplier of a hard capacity.
#pragma once

#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

#include "landbridge/assign/problem.h"
#include "landbridge/freight/settings.h"
#include "landbridge/io/freight_demand.h"
#include "landbridge/model/loaded_network.h"
#include "landbridge/place/lookup.h"
#include "landbridge/timetable/service.h"

namespace landbridge::freight {

// Value of time per commodity class, USD per TEU and hour (assumptions F-V1..F-V3 in
// docs/freight-assignment.md: cargo value per TEU x annual carrying-cost rate / 8,760 h).
double default_vot(io::Commodity c);

struct OdDemand {
  NodeId origin, destination;
  double teu_per_week = 0;
  double teu_per_box = 1;
  io::Commodity commodity = io::Commodity::general;
  int line = 0;  // row of the demand file
};

// Resolves every row's ends with place::resolve (a node code, a UN/LOCODE or a name). A place
// that is not a node of the network is an error: the assignment runs between nodes. Throws
// LoadError naming the file, line and field of each end that does not resolve.
std::vector<OdDemand> resolve_demand(const Network& net, const io::DemandTable& table,
                                     const place::PlaceSource& places);

enum class ArcKind : std::uint8_t { link, transfer, operation };
enum class CapacityKind : std::uint8_t {
  none,  // no capacity: constant cost
  soft,  // volume-delay only (slots of scheduled trains: operators add trains within a week)
  hard,  // volume-delay and a Lagrange multiplier: flow may not exceed it
};

inline constexpr double kUnbounded = std::numeric_limits<double>::infinity();

struct FreightArc {
  ArcKind kind = ArcKind::link;
  std::uint32_t tail = 0, head = 0;  // vertices
  LinkId link;                       // link arcs
  NodeId node;                       // transfer and operation arcs
  OperationId op;                    // operation arcs
  double hours = 0;                  // per box, at free flow
  double money = 0;                  // USD per TEU
  double capacity = kUnbounded;      // TEU per week
  CapacityKind capacity_kind = CapacityKind::none;
  std::string capacity_basis;        // how the capacity was derived
  double teu_per_unit = 0;           // TEU per week one more crane / departure adds (0: none)
  std::string unit;                  // "crane", "departure of FDR-HKT-LYG", ...
};

struct ServiceSlots {
  std::string id;
  double departures_per_week = 0;
  double capacity_teu = 0;           // per departure
  std::vector<LinkId> links;         // links its calls ride
};

struct FreightGraph {
  std::size_t vertex_count = 0;
  std::vector<NodeId> zones;         // zone i = vertex i
  std::vector<FreightArc> arcs;
  std::vector<ServiceSlots> services;
  std::vector<std::uint32_t> link_arc;  // per LinkId: its arc (UINT32_MAX: none)
  double vot = 0;                    // USD per TEU-hour, demand-weighted over the classes
  double teu_per_box = 1;            // demand-weighted, converts crane moves to TEU
  double bpr_alpha = 0.15, bpr_beta = 4;

  [[nodiscard]] std::uint32_t zone_of(NodeId n) const;  // UINT32_MAX: not a zone
  // The solver's network at multipliers `toll` (USD per TEU, one per arc; empty = none).
  [[nodiscard]] assign::Network network(std::span<const double> toll = {}) const;
  [[nodiscard]] assign::Demand demand(std::span<const OdDemand> ods) const;
  // Generalized cost of arc a at flow v without its multiplier, USD per TEU.
  [[nodiscard]] double cost(std::size_t a, double v) const;
};

// Builds the graph. `services` are the package's (io::load_services); their slots give the
// capacities of feeder and ferry links (hard) and rail links (soft); deep-sea links have none
// (the package's deep-sea loops are a sample of the Asia-Europe fleet). Settings override
// and add capacities (cranes x moves per hour x hours per day x TEU per box at a node's
// capacity-bound operation; train paths on a link). Throws RequestError for a setting that
// names a node, link or service the package does not have.
FreightGraph build_graph(const LoadedNetwork& pkg, std::span<const timetable::Service> services,
                         std::span<const OdDemand> demand, const Settings& settings);

}  // namespace landbridge::freight
