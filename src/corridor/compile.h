// The compiler of a corridor model (internal to src/corridor): builds a CorridorModel::Impl
// from a scenario step by step. compile.cpp: flows, their routes as stages, operations,
// services; compile_closures.cpp: closures, re-routes and capacity cuts.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "plan.h"
#include "landbridge/route/graph.h"
#include "landbridge/route/itinerary.h"
#include "landbridge/route/planner.h"
#include "landbridge/timetable/service.h"

namespace landbridge::corridor::engine {

// Builds an Impl from a scenario, step by step (constructor order below).
class Compiler {
 public:
  Compiler(CorridorModel::Impl& m, const Network& net, std::span<const timetable::Service> services)
      : m_(m), net_(net), services_(services), planner_(net) {}

  void plan_flows();
  void check_overrides();
  void resolve_closures();
  void plan_reroutes();
  void apply_capacity_cuts();
  void resolve_operation_nodes();
  void check_operations_used();
  [[nodiscard]] std::uint32_t trips() const { return static_cast<std::uint32_t>(trip_of_start_.size()); }

 private:
  std::vector<Stage> stages(const route::Itinerary& it, const std::string& name, int teu_per_box);
  Stage node_stage(const route::Step& st, bool& fresh, bool& keep);
  OpIx op_plan(const route::Step& st);
  const OperationSpec* spec_for(NodeId node, OperationKind kind);
  Stage leg_stage(const route::Step& st, bool fresh, std::optional<Mode> prev, const std::string& name,
                  int teu_per_box);
  route::Itinerary flow_route(const FlowSpec& spec);
  route::Itinerary pinned_route(const FlowSpec& spec);
  // The node (link) a scenario row names at LINE in FIELD; an unknown one is a scenario error
  // with the nearest codes (ids) of the network.
  NodeId known_node(const std::string& code, int line, const std::string& field) const;
  LinkId known_link(const std::string& id, int line, const std::string& field) const;

  CorridorModel::Impl& m_;
  const Network& net_;
  std::span<const timetable::Service> services_;
  route::Planner planner_;
  std::unique_ptr<route::RoutingGraph> graph_;  // for pinned paths, built on first use
  route::Weights weights_;
  std::unordered_map<std::uint32_t, std::uint32_t> service_of_link_, crane_of_node_, path_of_link_;
  std::map<std::pair<std::size_t, std::int32_t>, std::uint32_t> trip_of_start_;  // (service, start)
  std::unordered_map<std::uint64_t, std::uint32_t> op_of_;  // (node, operation) -> ops index
  std::unordered_map<std::uint64_t, std::uint32_t> server_of_;  // (node, kind) -> resource
  std::vector<NodeId> spec_nodes_;                          // [[operations]] nodes, resolved
  std::vector<bool> spec_used_;
};

}  // namespace landbridge::corridor::engine
