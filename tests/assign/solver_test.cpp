// The solver driver and the Frank-Wolfe family on networks small enough to solve by hand.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "landbridge/assign/problem.h"

namespace landbridge::assign {
namespace {

// Two parallel links from zone 0 to zone 1: c1 = 1 + v/100, c2 = 2 + v/100 (BPR with power 1),
// 200 trips. User equilibrium: 150 / 50 (both cost 2.5). System optimum: marginal costs
// 1 + 2 v1/100 = 2 + 2 v2/100, so 125 / 75.
Network two_routes() {
  Arc fast{VertexId(0), VertexId(1), 1, 100, 1, 1, 0};
  Arc slow{VertexId(0), VertexId(1), 2, 200, 1, 1, 0};
  return Network(2, 2, 0, {fast, slow});
}

Demand two_route_demand(double intrazonal = 0) {
  Demand d(2);
  d.add(VertexId(0), VertexId(1), 200);
  if (intrazonal > 0) d.add(VertexId(0), VertexId(0), intrazonal);
  return d;
}

class FrankWolfeFamily : public ::testing::TestWithParam<Method> {};

TEST_P(FrankWolfeFamily, SolvesTwoRoutesForUserEquilibriumAndSystemOptimum) {
  const Network net = two_routes();
  const Demand demand = two_route_demand();
  Options o{.method = GetParam(), .target_gap = 1e-10};
  const Result ue = solve(net, demand, o);
  ASSERT_TRUE(ue.converged);
  EXPECT_NEAR(ue.flow[0], 150, 1e-6);
  EXPECT_NEAR(ue.flow[1], 50, 1e-6);
  EXPECT_NEAR(ue.cost[0], 2.5, 1e-8);
  EXPECT_NEAR(ue.cost[1], 2.5, 1e-8);
  // Beckmann: the integrals of 1 + v/100 up to 150 and of 2 + v/100 up to 50.
  EXPECT_NEAR(ue.objective, (150 + 150.0 * 150 / 200) + (2 * 50 + 2.0 * 50 * 50 / 400), 1e-6);
  o.objective = Objective::system_optimum;
  const Result so = solve(net, demand, o);
  ASSERT_TRUE(so.converged);
  EXPECT_NEAR(so.flow[0], 125, 1e-6);
  EXPECT_NEAR(so.flow[1], 75, 1e-6);
  // The objective of a system optimum is the total cost, and it is below the equilibrium's.
  EXPECT_NEAR(so.objective, 125 * (1 + 1.25) + 75 * (2 + 0.75), 1e-6);
  EXPECT_LT(so.objective, ue.tstt);
}

INSTANTIATE_TEST_SUITE_P(Methods, FrankWolfeFamily,
                         ::testing::Values(Method::frank_wolfe, Method::conjugate_fw, Method::biconjugate_fw),
                         [](const auto& p) { return std::string(method_name(p.param)); });

TEST(Solve, IntrazonalDemandIsReportedButNeverLoaded) {
  const Network net = two_routes();
  const Demand demand = two_route_demand(1000);
  EXPECT_DOUBLE_EQ(demand.intrazonal(), 1000);
  EXPECT_DOUBLE_EQ(demand.total(), 1200);
  const Result r = solve(net, demand, {.method = Method::frank_wolfe, .target_gap = 1e-10});
  EXPECT_NEAR(r.flow[0] + r.flow[1], 200, 1e-9);
  // The average excess cost divides by the loaded demand only.
  EXPECT_NEAR(r.average_excess_cost, (r.tstt - r.sptt) / 200, 1e-12);
}

TEST(Solve, ADestinationWithoutAPathIsAProblemNamingBothZones) {
  const Network net(3, 3, 0, {Arc{VertexId(0), VertexId(1)}});
  Demand demand(3);
  demand.add(VertexId(0), VertexId(2), 5);
  try {
    (void)solve(net, demand, {.method = Method::frank_wolfe});
    FAIL() << "expected a ProblemError";
  } catch (const ProblemError& e) {
    EXPECT_THAT(e.what(), ::testing::HasSubstr("no path from zone 0 to zone 2"));
  }
}

TEST(Solve, DemandForZonesTheNetworkLacksIsAProblem) {
  const Network net = two_routes();
  Demand demand(3);
  demand.add(VertexId(0), VertexId(2), 5);
  EXPECT_THROW((void)solve(net, demand, {.method = Method::frank_wolfe}), ProblemError);
}

// Three parallel links with different powers: no method lands on the equilibrium exactly.
Network three_routes() {
  return Network(2, 2, 0,
                 {Arc{VertexId(0), VertexId(1), 1, 100, 0.15, 4, 0}, Arc{VertexId(0), VertexId(1), 2, 150, 0.5, 3, 0},
                  Arc{VertexId(0), VertexId(1), 1.5, 80, 1, 2.5, 0}});
}

TEST(Solve, ReportsEveryIterationAndStopsAtTheIterationLimit) {
  const Network net = three_routes();
  Demand demand(2);
  demand.add(VertexId(0), VertexId(1), 300);
  std::vector<int> seen;
  Options o{.method = Method::frank_wolfe, .target_gap = 0, .max_iterations = 3};
  o.progress = [&](const Iteration& it) { seen.push_back(it.iteration); };
  const Result r = solve(net, demand, o);
  EXPECT_EQ(seen, (std::vector<int>{0, 1, 2, 3}));
  EXPECT_EQ(r.iterations, 3);
  EXPECT_EQ(r.log.size(), 4u);
  EXPECT_FALSE(r.converged);
}

TEST(Solve, AllOrNothingLoadsTheFreeFlowRouteOnce) {
  const Result r = solve(two_routes(), two_route_demand(), {.method = Method::all_or_nothing});
  EXPECT_EQ(r.iterations, 0);
  EXPECT_DOUBLE_EQ(r.flow[0], 200);
  EXPECT_DOUBLE_EQ(r.flow[1], 0);
  // At 200 on the fast route it costs 3, the other 2: a gap of (600 - 400) / 600.
  EXPECT_NEAR(r.relative_gap, 200.0 / 600, 1e-12);
}

TEST(Solve, AWarmStartBeginsWhereThePreviousSolutionEnded) {
  const Network net = two_routes();
  const Demand demand = two_route_demand();
  const Result first = solve(net, demand, {.method = Method::biconjugate_fw, .target_gap = 1e-9});
  Options o{.method = Method::frank_wolfe, .target_gap = 1e-9};
  o.warm_start = first.flow;
  const Result again = solve(net, demand, o);
  EXPECT_EQ(again.iterations, 0);
  EXPECT_NEAR(again.log.front().relative_gap, first.relative_gap, 1e-15);
}

TEST(Method, NamesRoundTrip) {
  for (Method m : {Method::all_or_nothing, Method::frank_wolfe, Method::conjugate_fw, Method::biconjugate_fw,
                   Method::bush})
    EXPECT_EQ(parse_method(method_name(m)), m);
  EXPECT_EQ(parse_method("algorithm-b"), Method::bush);
  EXPECT_THROW(parse_method("msa"), ProblemError);
}

}  // namespace
}  // namespace landbridge::assign
