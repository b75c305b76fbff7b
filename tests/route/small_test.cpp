// Routers and itineraries on small networks written out in the test.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include "landbridge/route/graph.h"
#include "landbridge/route/itinerary.h"
#include "landbridge/route/pareto.h"
#include "landbridge/route/router.h"
#include "testing.h"

namespace landbridge::route {
namespace {

using testing::parse_network;

std::vector<std::string> link_ids(const Network& net, const std::vector<LinkId>& links) {
  std::vector<std::string> out;
  for (LinkId l : links) out.push_back(net.link_info(l).id);
  return out;
}

// Two ways to reach M, then M -> N by road and a lift onto rail at N:
//
//   O --rail 1h--> P ==lift==> --road 1h--> M --road--> N ==lift==> --rail--> D
//   O --road 10h, 100 USD ---------------->
//
// Via P is better in everything but costs a transshipment; with at most one transshipment
// only the direct road O -> M leaves room for the lift at N.
constexpr const char* kLimitNet = R"(
  node AAOOO
  node AAPPP
  node AAMMM
  node AANNN
  node AADDD
  link op AAOOO AAPPP rail:1435 10km  1h  10usd
  link pm AAPPP AAMMM road      10km  1h  10usd
  link om AAOOO AAMMM road      100km 10h 100usd
  link mn AAMMM AANNN road      10km  1h  10usd
  link nd AANNN AADDD rail:1435 10km  1h  10usd
  op AAPPP handling rail road 1h 10usd
  op AANNN handling road rail 1h 10usd
)";

TEST(SmallNetworks, TransshipmentLimitKeepsTheLabelWithFewerTransshipments) {
  const Network net = parse_network(kLimitNet);
  RoutingGraph g(net);
  Router router(g);
  ParetoRouter pareto(g);
  Weights w;
  const NodeId o = *net.find_node("AAOOO"), d = *net.find_node("AADDD");

  RouteOptions opts;
  prepare(g, opts, nullptr, w);
  auto best = router.best(o, d, w, Objective::time);
  ASSERT_TRUE(best);
  EXPECT_EQ(link_ids(net, best->links), (std::vector<std::string>{"op", "pm", "mn", "nd"}));
  EXPECT_EQ(best->transshipments, 2);
  EXPECT_EQ(pareto.pareto(o, d, w).size(), 1u);  // via P dominates

  opts.max_transshipments = 1;
  prepare(g, opts, nullptr, w);
  best = router.best(o, d, w, Objective::time);
  ASSERT_TRUE(best);
  EXPECT_EQ(link_ids(net, best->links), (std::vector<std::string>{"om", "mn", "nd"}));
  EXPECT_EQ(best->transshipments, 1);
  const auto front = pareto.pareto(o, d, w);
  ASSERT_EQ(front.size(), 1u);
  EXPECT_EQ(link_ids(net, front[0].links), (std::vector<std::string>{"om", "mn", "nd"}));

  opts.max_transshipments = 0;
  prepare(g, opts, nullptr, w);
  EXPECT_FALSE(router.best(o, d, w, Objective::time));
  EXPECT_TRUE(pareto.pareto(o, d, w).empty());
}

TEST(SmallNetworks, ParetoTransshipmentCriterionKeepsTheSlowerDirectRoute) {
  const Network net = parse_network(kLimitNet);
  RoutingGraph g(net);
  ParetoRouter pareto(g);
  Weights w;
  prepare(g, {}, nullptr, w);
  const auto front = pareto.pareto(*net.find_node("AAOOO"), *net.find_node("AADDD"), w,
                                   {.transshipments_criterion = true});
  ASSERT_EQ(front.size(), 2u);
  EXPECT_EQ(front[0].transshipments, 2);
  EXPECT_EQ(front[1].transshipments, 1);
}

}  // namespace
}  // namespace landbridge::route
