// Freight assignment: user equilibrium of the demand on the assignment graph (freight/graph.h)
// with hard capacities held by Lagrange multipliers, corridor shares per OD, and what each
// binding capacity is worth (docs/freight-assignment.md).
//
// Outer loop (k = 1, 2, ...): solve the equilibrium at the current multipliers (FW family,
// warm-started from the previous flows), then move each hard arc's multiplier by its own step
// in the direction of its violation v/c - 1 (the step grows by half while the sign stays and
// halves when it flips; a multiplier never goes below 0). Stops when every hard arc carries at
// most (1 + tolerance) x its capacity and every arc with a positive multiplier at least
// (1 - tolerance) x it (complementary slackness), or after max_outer rounds (then
// `converged` is false and the report says by how much the conditions are missed).
// The multiplier of an arc is its shadow price in USD per TEU.
#pragma once

#include <functional>
#include <span>
#include <string>
#include <vector>

#include "landbridge/assign/problem.h"
#include "landbridge/freight/graph.h"

namespace landbridge::freight {

struct AssignOptions {
  assign::Method method = assign::Method::conjugate_fw;
  double target_gap = 1e-8;       // relative gap of each equilibrium solve
  int max_inner_iterations = 2000;
  int max_outer = 80;             // Lagrange rounds
  double tolerance = 0.001;       // capacity violation / slack accepted, share of capacity
  double initial_step = 100;      // USD per TEU, first change of a multiplier
  // Called after each inner iteration with the outer round.
  std::function<void(int outer, const assign::Iteration&)> progress;
};

// A path class ("Sea via Suez", "Land bridge via Khorgos/Dostyk", ...).
struct CorridorFlow {
  std::string corridor;
  double teu_per_week = 0;
  double share = 0;
};

struct OdResult {
  OdDemand od;
  double cost = 0;                       // equilibrium generalized cost, USD per TEU (with multipliers)
  std::vector<CorridorFlow> corridors;   // largest first
};

struct FreightResult {
  std::vector<double> flow;              // TEU per week, per arc of the graph
  std::vector<double> cost;              // USD per TEU at flow, without the multiplier
  std::vector<double> multiplier;        // USD per TEU (0 on arcs without a hard capacity)
  std::vector<OdResult> ods;
  double total_cost = 0;                 // sum of flow x cost: USD per week (multipliers excluded)
  double relative_gap = 0;               // of the last equilibrium solve
  int inner_iterations = 0;              // summed over the outer rounds
  int outer_iterations = 0;
  double max_violation = 0;              // max over hard arcs of v/c - 1 (<= 0: none)
  double max_slack = 0;                  // max over arcs with a multiplier of 1 - v/c
  bool converged = false;
  double seconds = 0;
  // Per arc: the drop of total_cost (USD per week) when the arc gets one more unit of capacity
  // (FreightArc::teu_per_unit), found by solving again; NaN where not computed (see
  // resolve_unit_savings).
  std::vector<double> unit_saving;
};

// Solves and fills every member, corridor shares included.
FreightResult assign_freight(const LoadedNetwork& pkg, const FreightGraph& g, std::span<const OdDemand> demand,
                            const AssignOptions& options);

// For every hard arc with a positive multiplier and a unit (a crane, a departure, a train
// path): solves again with one more unit and stores the saving in r.unit_saving.
void resolve_unit_savings(const LoadedNetwork& pkg, const FreightGraph& g, std::span<const OdDemand> demand,
                          const AssignOptions& options, FreightResult& r);

// The corridor a path belongs to, from the nodes and links it uses (first rule that matches):
// Trans-Caspian (a sea crossing between Caspian ports), land bridge via Khorgos, via Dostyk,
// Trans-Siberian (Russian Far East or Mongolian border crossings), sea via the Cape, sea via
// Suez, other sea, other land.
std::string classify_path(const LoadedNetwork& pkg, std::span<const LinkId> links);

// Corridor shares per OD from arc flows: on each OD's shortest-path subgraph at the final costs
// (arcs with flow whose reduced cost is within 1e-6 relative), the OD's demand is split at
// each vertex in proportion to the arcs' flows, and the paths so weighted are classified.
// (Equilibrium link flows are unique; path flows are not: this is the proportional split.)
std::vector<OdResult> corridor_shares(const LoadedNetwork& pkg, const FreightGraph& g, std::span<const OdDemand> demand,
                                      std::span<const double> flow, std::span<const double> cost_with_tolls);

}  // namespace landbridge::freight
