// The bush-based solver (Algorithm B, Method::bush): Braess by hand, SiouxFalls and Anaheim to
// a relative gap of 1e-12 against their best-known solutions, and against the Frank-Wolfe
// family at the gaps that family reaches. Chicago-Sketch is in bush_validation_test.cpp.
#include "tntp_cases.h"

namespace landbridge::assign {
namespace {

using namespace tntp_cases;

// Braess (arcs in file order: 1-3 10v, 1-4 50+v, 3-2 50+v, 3-4 10+v, 4-2 10v; 6 trips 1 -> 2).
// The file writes 10v as 1e-8 (1 + 1e9 v): the 1e-8 moves the exact equilibrium off 2/2/2 by
// about 1e-9, hence tolerances of 1e-8 on flows and 1e-7 on costs.
TEST(Bush, BraessEquilibriumIsTwoOnEachPathAtCost92) {
  const Case b = load("Braess-Example");
  const Result r = solve(b.net, b.demand, {.method = Method::bush, .target_gap = 1e-12});
  ASSERT_TRUE(r.converged) << r.relative_gap;
  const double expected[] = {4, 2, 2, 2, 4};
  for (std::size_t i = 0; i < 5; ++i) EXPECT_NEAR(r.flow[i], expected[i], 1e-8) << "arc " << i;
  EXPECT_NEAR(r.cost[0] + r.cost[2], 92, 1e-7);
  EXPECT_NEAR(r.cost[1] + r.cost[4], 92, 1e-7);
  EXPECT_NEAR(r.cost[0] + r.cost[3] + r.cost[4], 92, 1e-7);
  // At equilibrium the three used paths cost the same to within the gap.
  EXPECT_NEAR(r.cost[0] + r.cost[2], r.cost[0] + r.cost[3] + r.cost[4], 1e-9);
  EXPECT_NEAR(r.tstt, 6 * 92, 1e-6);
}

TEST(Bush, BraessSystemOptimumLeavesTheMiddleLinkEmpty) {
  const Case b = load("Braess-Example");
  const Result r = solve(b.net, b.demand,
                         {.method = Method::bush, .objective = Objective::system_optimum, .target_gap = 1e-12});
  ASSERT_TRUE(r.converged) << r.relative_gap;
  const double expected[] = {3, 3, 3, 0, 3};
  for (std::size_t i = 0; i < 5; ++i) EXPECT_NEAR(r.flow[i], expected[i], 1e-8) << "arc " << i;
  EXPECT_NEAR(r.objective, 6 * 83, 1e-6);
}

// SiouxFalls README: optimal objective 42.31335287107440 in the 1970s papers' units (thousands
// of vehicles, hours); with the file's flows and minutes that is 4231335.287107440.
TEST(Bush, SiouxFallsToAGapOf1e12MatchesTheBestKnownSolution) {
  const Case sf = load("SiouxFalls");
  const Result r = solve(sf.net, sf.demand, {.method = Method::bush, .target_gap = 1e-12});
  ASSERT_TRUE(r.converged) << r.relative_gap;
  EXPECT_GE(digits(r.objective, 42.31335287107440e5), 11.0) << r.objective;
  EXPECT_GE(digits(r.objective, objective_of_best(sf)), 11.0) << r.objective;
  EXPECT_EQ(flows_outside(r, sf, 1e-6), 0);
  // Every iteration is logged, and the last one is the result.
  ASSERT_EQ(r.log.size(), static_cast<std::size_t>(r.iterations) + 1);
  EXPECT_EQ(r.log.back().relative_gap, r.relative_gap);
  EXPECT_GT(r.log.front().relative_gap, 1e-3);
}

// Anaheim README: no objective stated, the _flow file's average excess cost below 1e-15; the
// reference objective is computed from those flows with the same cost functions.
TEST(Bush, AnaheimToAGapOf1e12MatchesTheBestKnownFlows) {
  const Case an = load("Anaheim");
  const Result r = solve(an.net, an.demand, {.method = Method::bush, .target_gap = 1e-12});
  ASSERT_TRUE(r.converged) << r.relative_gap;
  EXPECT_GE(digits(r.objective, objective_of_best(an)), 11.0) << r.objective << " against " << objective_of_best(an);
  EXPECT_EQ(flows_outside(r, an, 1e-6), 0);
  const Result cfw = solve(an.net, an.demand, {.method = Method::conjugate_fw, .target_gap = 1e-5});
  ASSERT_TRUE(cfw.converged);
  EXPECT_LE(r.objective, cfw.objective * (1 + 1e-12));
  EXPECT_LE(cfw.objective - r.objective, cfw.tstt - cfw.sptt);
}

// Each method's objective lies above the optimum by at most its own TSTT - SPTT (convexity),
// so bush at 1e-12 and the FW family at 1e-5 must agree within the latter's bound, for the
// equilibrium (Beckmann) and for the system optimum (total cost).
TEST(Bush, AgreesWithTheFrankWolfeFamilyOnSiouxFalls) {
  const Case sf = load("SiouxFalls");
  for (Objective objective : {Objective::user_equilibrium, Objective::system_optimum}) {
    const Result bush = solve(sf.net, sf.demand, {.method = Method::bush, .objective = objective, .target_gap = 1e-12});
    ASSERT_TRUE(bush.converged);
    for (Method m : {Method::conjugate_fw, Method::biconjugate_fw}) {
      const Result fw = solve(sf.net, sf.demand, {.method = m, .objective = objective, .target_gap = 1e-5});
      ASSERT_TRUE(fw.converged) << method_name(m);
      EXPECT_LE(bush.objective, fw.objective + 1e-9 * fw.objective) << method_name(m);
      EXPECT_LE(fw.objective - bush.objective, fw.tstt - fw.sptt) << method_name(m);
      double worst = 0;
      for (std::size_t i = 0; i < fw.flow.size(); ++i)
        worst = std::max(worst, std::fabs(fw.flow[i] - bush.flow[i]) / std::max(bush.flow[i], 100.0));
      EXPECT_LT(worst, 0.02) << method_name(m);
    }
  }
}

// The system optimum costs less in total than the equilibrium, and Wardrop's second principle
// holds: used paths between the same zones have equal marginal costs, which bush enforces at
// every vertex; its gap measured on marginal costs is what the driver reports.
TEST(Bush, SiouxFallsSystemOptimumBeatsTheEquilibrium) {
  const Case sf = load("SiouxFalls");
  const Result ue = solve(sf.net, sf.demand, {.method = Method::bush, .target_gap = 1e-10});
  const Result so = solve(sf.net, sf.demand,
                          {.method = Method::bush, .objective = Objective::system_optimum, .target_gap = 1e-10});
  ASSERT_TRUE(ue.converged);
  ASSERT_TRUE(so.converged);
  long double ue_total = 0, so_total = 0;
  for (std::size_t i = 0; i < ue.flow.size(); ++i) {
    ue_total += ue.flow[i] * ue.cost[i];
    so_total += so.flow[i] * so.cost[i];
  }
  EXPECT_NEAR(so.objective, static_cast<double>(so_total), 1e-9 * so.objective);
  EXPECT_LT(so_total, ue_total * (1 - 1e-3));
}

// Zones below first_thru are path ends only: the cheap path through zone 2 is closed to the
// trips from 0 to 1 unless zone 2 may be passed through.
TEST(Bush, NeverPassesThroughACentroid) {
  auto arc = [](std::uint32_t t, std::uint32_t h, double time) {
    return Arc{.tail = VertexId(t), .head = VertexId(h), .free_time = time, .capacity = 10, .alpha = 0.15, .beta = 4};
  };
  const std::vector<Arc> arcs = {arc(0, 2, 1), arc(2, 1, 1), arc(0, 3, 5), arc(3, 1, 5)};
  Demand demand(3);
  demand.add(VertexId(0), VertexId(1), 10);
  for (std::size_t first_thru : {3, 0}) {
    const Network net(4, 3, first_thru, arcs);
    const Result r = solve(net, demand, {.method = Method::bush, .target_gap = 1e-12});
    ASSERT_TRUE(r.converged) << first_thru;
    const double via_zone = first_thru == 3 ? 0 : 10;
    EXPECT_NEAR(r.flow[0], via_zone, 1e-9) << first_thru;
    EXPECT_NEAR(r.flow[2], 10 - via_zone, 1e-9) << first_thru;
  }
}

TEST(Bush, DemandWithoutAPathIsAProblemError) {
  const Network net(3, 2, 2, {Arc{.tail = VertexId(1), .head = VertexId(0), .free_time = 1}});
  Demand demand(2);
  demand.add(VertexId(0), VertexId(1), 5);
  EXPECT_THROW((void)solve(net, demand, {.method = Method::bush}), ProblemError);
}

}  // namespace
}  // namespace landbridge::assign
