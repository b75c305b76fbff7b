// Itineraries: a found path spelled out step by step for a shipment.
//
// An itinerary alternates legs (one per link) and node operations (one per operation of each
// transfer: at the origin, between legs, at the destination). Every step carries from / to /
// at, mode, distance, duration, cost and CO2e (WTW with its TTW part) for the whole shipment:
// cost = count × price per box, CO2e = count × per-box emissions (mass per box × distance ×
// intensity for legs, mass per box × hub intensity for operations, each rounded to a gram per
// box); durations don't depend on the count. Totals are the sums of the steps.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "landbridge/core/ids.h"
#include "landbridge/core/units.h"
#include "landbridge/emissions/emissions.h"
#include "landbridge/model/network.h"
#include "landbridge/route/graph.h"
#include "landbridge/route/signature.h"

namespace landbridge::route {

enum class StepKind : std::uint8_t { leg, node };
std::string_view to_string(StepKind k);  // "leg", "node"

struct Step {
  StepKind kind = StepKind::leg;
  NodeId from;                    // leg: tail; node step: where it happens (= at)
  NodeId to;                      // leg: head; node step: = at
  NodeId at;                      // node step: where; invalid for legs
  LinkId link;                    // leg: the link; invalid for node steps
  OperationId operation;          // node step: the operation; invalid for legs
  OperationKind op_kind = OperationKind::handling;  // node step
  Carriage carriage;              // leg: mode and gauge
  std::uint8_t arrive = 0;        // node step: carriage codes of the transfer (or start/end)
  std::uint8_t depart = 0;
  Kilometres distance{0.0};       // 0 for node steps
  Minutes duration{0};
  UsdCents cost{0};               // whole shipment
  emissions::Co2e co2e;           // whole shipment
  PassageSet passages = 0;        // leg: sea passages sailed through
};

struct Totals {
  Kilometres distance{0.0};
  Minutes duration{0};
  UsdCents cost{0};
  emissions::Co2e co2e;
};

struct Itinerary {
  NodeId from, to;
  Shipment shipment;
  std::vector<LinkId> links;
  std::vector<Step> steps;
  std::vector<NodeId> via;        // every node passed, origin first and destination last
  Totals total;
  Criteria per_box;               // total criteria for one box (what the routers compare)
  int transshipments = 0;
  PassageSet passages = 0;        // union over legs
  Signature signature;
  std::string label;              // corridor label, e.g. "sea–rail via CNLYG, KZHOR"
};

// Spells out a path under the weights of its query (overridden distances, durations, costs
// and passages; the shipment's unit, count and mass). Recomputes every figure from the
// Network and the weights' link arrays; does not trust the router's sums.
Itinerary make_itinerary(const RoutingGraph& g, const Weights& w, std::span<const LinkId> links);

}  // namespace landbridge::route
