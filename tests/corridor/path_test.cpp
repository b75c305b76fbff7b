// FlowSpec::path: a flow pinned to a node sequence follows it instead of the planner's route.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "landbridge/corridor/model.h"
#include "landbridge/io/package.h"
#include "landbridge/route/planner.h"

namespace landbridge::corridor {
namespace {

const Network& eurasia() {
  static const io::LoadedPackage pkg = io::load_package(io::default_package_dir());
  return pkg.network;
}

Scenario one_flow(const std::vector<std::string>& path) {
  Scenario s;
  s.name = "pinned";
  s.flows.push_back({.origin = "CNLYG", .destination = "RUMOW", .teu_per_week = 50, .teu_per_box = 2,
                     .pattern = ReadyPattern::poisson, .avoid = {}, .path = path});
  s.horizon_days = 60;
  s.warmup_days = 7;
  s.drain_days = 60;
  s.rail = ServicePolicy{ServicePolicy::Kind::when_full, 168, 0, 110, 82, 72, 0};
  return s;
}

// The planner's route that keeps off `node`, as node codes.
std::vector<std::string> route_avoiding(const std::string& node, route::Itinerary* out) {
  route::Planner planner(eurasia());
  route::RouteRequest req;
  req.from = "CNLYG";
  req.to = "RUMOW";
  req.avoid = {node};
  const route::RouteResult res = planner.route(req);
  EXPECT_FALSE(res.itineraries.empty());
  *out = res.itineraries.front();
  std::vector<std::string> codes;
  for (const NodeId n : out->via) codes.push_back(eurasia().node(n).code);
  return codes;
}

TEST(CorridorPath, APinnedFlowFollowsItsPathNotThePlannersRoute) {
  // Unpinned, the flow takes the fastest route, through Zabaikalsk.
  const CorridorModel free(eurasia(), one_flow({}));
  ASSERT_NE(free.flow_corridor(0).find("RUZBK"), std::string::npos) << free.flow_corridor(0);

  route::Itinerary around;
  const std::vector<std::string> path = route_avoiding("RUZBK", &around);
  const CorridorModel pinned(eurasia(), one_flow(path));
  EXPECT_EQ(pinned.flow_corridor(0), around.label);
  EXPECT_NE(pinned.flow_corridor(0), free.flow_corridor(0));
  EXPECT_EQ(pinned.flow_corridor(0).find("RUZBK"), std::string::npos) << pinned.flow_corridor(0);
  EXPECT_DOUBLE_EQ(pinned.flow_planned_h(0), to_hours(around.total.duration));
  EXPECT_GT(pinned.flow_planned_h(0), free.flow_planned_h(0));
  for (const std::string& crane : pinned.node_labels()) EXPECT_NE(crane, "RUZBK");

  std::vector<BoxRecord> recs;
  const ReplicationResult r = pinned.run(0, &recs);
  ASSERT_FALSE(recs.empty());
  EXPECT_GT(r.flows[0].boxes, 0.0);
  EXPECT_EQ(r.flows[0].undelivered, 0.0);
  EXPECT_GE(r.flows[0].p50_h, pinned.flow_planned_h(0) * 0.5);
}

TEST(CorridorPath, APathWithoutALinkOrNotFromTheOriginIsRefused) {
  try {
    CorridorModel m(eurasia(), one_flow({"CNLYG", "RUMOW"}));
    FAIL() << "no direct link CNLYG -> RUMOW, yet accepted";
  } catch (const ScenarioError& e) {
    EXPECT_NE(std::string(e.what()).find("'path'"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("no link from CNLYG to RUMOW"), std::string::npos) << e.what();
  }
  route::Itinerary around;
  std::vector<std::string> path = route_avoiding("RUZBK", &around);
  path.erase(path.begin());
  EXPECT_THROW(CorridorModel(eurasia(), one_flow(path)), ScenarioError);
  EXPECT_THROW(CorridorModel(eurasia(), one_flow({"CNLYG"})), ScenarioError);
}

}  // namespace
}  // namespace landbridge::corridor
