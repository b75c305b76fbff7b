// What a corridor model is made of once compiled (internal to src/corridor): each flow's route
// as a list of stages, the services that carry boxes between nodes, the gauge-change cranes,
// the rail links' line capacities, and the closures. Built by compile.cpp, read by the run.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

#include "landbridge/core/ids.h"
#include "landbridge/corridor/model.h"
#include "landbridge/sim/distributions.h"
#include "landbridge/sim/simulation.h"

namespace landbridge::corridor {
namespace engine {

// Simulated time: seconds from time 0 of the run, the kernel's clock (sim::Simulation::now()).
struct SimTime {
  double s = 0;
  constexpr SimTime() = default;
  constexpr explicit SimTime(double seconds) : s(seconds) {}
  static constexpr SimTime hours(double h) { return SimTime(h * sim::kHour); }
  static constexpr SimTime days(double d) { return SimTime(d * sim::kDay); }
  [[nodiscard]] constexpr double seconds() const { return s; }
  [[nodiscard]] constexpr double in_hours() const { return s / sim::kHour; }
  constexpr friend auto operator<=>(SimTime, SimTime) = default;
};

// Indices of the model's own tables.
using FlowIx = Id<struct FlowTag>;            // a demand flow (row of the demand CSV)
using CraneIx = Id<struct CraneTag>;          // a gauge-change node's crane resource
using ServiceIx = Id<struct ServicePlanTag>;  // the departures on one link
using PathIx = Id<struct PathTag>;            // a rail link's line capacity (train paths)
using OpIx = Id<struct OpPlanTag>;            // an operation at a node as the model runs it

enum class StageKind : std::uint8_t { handling, crane, border, dwell, run, depart };

// One step of a box's route.
struct Stage {
  StageKind kind = StageKind::run;
  NodeId node{0};        // where the stage happens (a leg: its tail)
  OperationId op{0};     // handling / crane / border / dwell: the operation
  OpIx opx;              // handling / crane / border / dwell: how the operation serves
  ServiceIx service;     // depart: the link's departures
  LinkId link;           // run: the link driven without waiting for a departure
  SimTime travel;        // run: the link's duration
  PathIx path;           // run / depart on a rail link with a line capacity (else invalid)
};

struct FlowPlan {
  FlowSpec spec;
  std::string label, corridor;
  double planned_h = 0;
  NodeId dest{0};
};

// A route compiled into stages: plans[f] is flow f's own route; re-routes add more.
struct Plan {
  std::vector<Stage> stages;
  FlowIx flow{0};
};

// One timetabled departure on a link: a trip of a service leaving the link's tail.
struct Departure {
  SimTime dep, arr;             // leaves the tail, reaches the head
  double capacity_teu = 0;      // on board this leg, boxes staying on included
  SimTime cutoff;               // boxes must have queued this long before dep
  std::uint32_t trip = 0;       // the vehicle (service start), shared by its legs
};

struct ServicePlan {
  LinkId link;
  NodeId from_node;
  SimTime travel;
  ServicePolicy policy;
  std::string label;
  PathIx path;                                                    // line capacity of the link
  std::vector<Departure> deps;                                    // timetable: by dep
  std::unordered_map<std::uint32_t, std::uint32_t> dep_of_trip;   // trip -> index in deps
};

// Line capacity of a rail link: one train path every `spacing`, at k * spacing.
struct PathPlan {
  LinkId link;
  double trains_per_day = 0;
  SimTime spacing;
  std::string label;
};

// A service time in hours, drawn from a stream the caller names.
class ServiceDraw {
 public:
  ServiceDraw() = default;
  static ServiceDraw fixed(double h) { return ServiceDraw(h); }
  static ServiceDraw from_spec(const ServiceTimeSpec& s);
  // The operation's stated range: triangular over [lo, hi] with mode `value`, fixed if lo == hi.
  static ServiceDraw from_range(double lo_h, double value_h, double hi_h);
  [[nodiscard]] bool random() const { return !std::holds_alternative<double>(d_); }
  [[nodiscard]] double fixed_h() const { return std::get<double>(d_); }
  double operator()(sim::RandomStream& rs) const;

 private:
  explicit ServiceDraw(double h) : d_(h) {}
  std::variant<double, sim::Exponential, sim::LogNormal, sim::Triangular, sim::Pert, sim::EmpiricalDiscrete> d_{0.0};
};

// One operation at one node as the model runs it: a pure delay (no server) or a queue at a
// resource of `servers` parallel servers; each box served, or a vehicle's load at once.
struct OpPlan {
  NodeId node;
  OperationId op;
  ServiceDraw draw;
  bool per_train = false;
  bool priority = false;
  CraneIx server;         // the resource when it queues (invalid: a pure delay)
};

struct CraneCut {
  SimTime from, to;
  int cranes = 1;
};

// A resource of parallel servers (gauge-change cranes, border lanes, tracks): NodeKpi rows.
struct CranePlan {
  NodeId node;
  int cranes = 1;
  std::string label;      // the node code for a gauge change, else "CODE-kind"
  bool gauge_change = true;
  std::vector<CraneCut> cuts;  // scenario capacity_cuts, sorted, not overlapping
};

using Intervals = std::vector<std::pair<double, double>>;  // [from, to) in seconds

// The first time at or after t outside every interval.
double open_at(const Intervals& iv, double t);
// Nearest-rank percentile p (0..1) of xs (sorts xs); 0 when empty.
double percentile(std::vector<double>& xs, double p);

}  // namespace engine

struct CorridorModel::Impl {
  const Network* net = nullptr;
  Scenario sc;
  std::vector<engine::FlowPlan> flows;
  std::vector<engine::Plan> plans;
  std::vector<engine::ServicePlan> services;
  std::vector<engine::OpPlan> ops;
  std::vector<engine::CranePlan> cranes;
  std::vector<engine::PathPlan> paths;
  std::vector<engine::Intervals> node_closed;  // by node
  std::vector<engine::Intervals> link_closed;  // by link
  std::uint32_t trips = 0;                     // timetabled vehicles (service starts) in the run
  int start_weekday = 0;                       // weekday of time 0 (0 = Monday)
  // Re-routing (on_closure = reroute): the sets of nodes closed together, the epochs in which
  // each holds (epoch k = [epoch_start[k], epoch_start[k+1]), set -1 = none), and for
  // (plan, stage, set) the plan a box at that stage switches to.
  std::vector<double> epoch_start;
  std::vector<std::int32_t> epoch_set;
  std::unordered_map<std::uint64_t, std::uint32_t> reroute;

  [[nodiscard]] static std::uint64_t reroute_key(std::uint32_t plan, std::uint32_t stage, std::int32_t set) {
    return (static_cast<std::uint64_t>(plan) << 40) | (static_cast<std::uint64_t>(stage) << 20) |
           static_cast<std::uint64_t>(set);
  }
  [[nodiscard]] std::int32_t closed_set_at(double t) const {
    const auto it = std::upper_bound(epoch_start.begin(), epoch_start.end(), t);
    if (it == epoch_start.begin()) return -1;
    return epoch_set[static_cast<std::size_t>(it - epoch_start.begin()) - 1];
  }
};

}  // namespace landbridge::corridor
