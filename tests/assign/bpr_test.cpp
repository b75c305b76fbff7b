// The volume-delay function: values, derivatives against finite differences, the Beckmann
// integral against a numerical quadrature, and the guards (0^0, negative flows).
#include <gtest/gtest.h>

#include <cmath>

#include "landbridge/assign/problem.h"

namespace landbridge::assign {
namespace {

Network one_arc(double free_time, double capacity, double alpha, double beta, double fixed = 0) {
  return Network(2, 2, 0, {Arc{VertexId(0), VertexId(1), free_time, capacity, alpha, beta, fixed}});
}

TEST(Bpr, MatchesTheFormulaForAnIntegerAndANonIntegerPower) {
  const ArcId a(0);
  const Network quartic = one_arc(10, 100, 0.15, 4, 2);
  EXPECT_DOUBLE_EQ(quartic.cost(a, 200), 2 + 10 * (1 + 0.15 * 16));
  const Network fractional = one_arc(10, 100, 0.5, 2.5);
  EXPECT_DOUBLE_EQ(fractional.cost(a, 150), 10 * (1 + 0.5 * std::pow(1.5, 2.5)));
}

TEST(Bpr, ZeroPowerIsAConstantCostAndZeroFlowCostsTheFreeTime) {
  const ArcId a(0);
  const Network flat = one_arc(10, 100, 0.15, 0);
  EXPECT_DOUBLE_EQ(flat.cost(a, 0), 10 * 1.15);  // 0^0 = 1
  EXPECT_DOUBLE_EQ(flat.cost(a, 500), 10 * 1.15);
  EXPECT_DOUBLE_EQ(flat.cost_derivative(a, 0), 0);
  const Network quartic = one_arc(10, 100, 0.15, 4);
  EXPECT_DOUBLE_EQ(quartic.cost(a, 0), 10);
}

TEST(Bpr, NegativeFlowCountsAsZero) {
  const ArcId a(0);
  const Network fractional = one_arc(10, 100, 0.15, 2.5);
  EXPECT_DOUBLE_EQ(fractional.cost(a, -1e-9), 10);
  EXPECT_TRUE(std::isfinite(fractional.cost_derivative(a, -1e-9)));
  EXPECT_DOUBLE_EQ(fractional.cost_integral(a, -5), 0);
}

TEST(Bpr, DerivativeAndIntegralAgreeWithNumericalOnes) {
  const ArcId a(0);
  for (const double beta : {1.0, 2.0, 3.7, 4.0}) {
    const Network net = one_arc(7, 300, 0.15, beta, 1.5);
    for (const double v : {50.0, 300.0, 900.0}) {
      const double h = 1e-4 * v;
      const double numeric = (net.cost(a, v + h) - net.cost(a, v - h)) / (2 * h);
      EXPECT_NEAR(net.cost_derivative(a, v), numeric, 1e-6 * std::fabs(numeric) + 1e-12) << beta << " " << v;
      // Simpson's rule on 2000 panels.
      const int n = 2000;
      double sum = net.cost(a, 0) + net.cost(a, v);
      for (int i = 1; i < n; ++i) sum += (i % 2 ? 4 : 2) * net.cost(a, v * i / n);
      EXPECT_NEAR(net.cost_integral(a, v), sum * v / (3 * n), 1e-9 * sum * v / n) << beta << " " << v;
    }
  }
}

TEST(Network, RejectsArcsOutsideTheVerticesAndCapacityZeroWithCongestion) {
  EXPECT_THROW(Network(2, 1, 0, {Arc{VertexId(0), VertexId(2), 1, 1, 0.15, 4, 0}}), ProblemError);
  EXPECT_THROW(Network(2, 1, 0, {Arc{VertexId(0), VertexId(1), 1, 0, 0.15, 4, 0}}), ProblemError);
  EXPECT_THROW(Network(2, 1, 0, {Arc{VertexId(0), VertexId(1), -1, 1, 0.15, 4, 0}}), ProblemError);
  EXPECT_THROW(Network(2, 3, 0, {}), ProblemError);
  EXPECT_NO_THROW(Network(2, 1, 0, {Arc{VertexId(0), VertexId(1), 1, 0, 0, 4, 0}}));  // constant cost
}

TEST(Network, IndexesArcsByTailAndByHead) {
  const Network net(3, 3, 0,
                    {Arc{VertexId(0), VertexId(1)}, Arc{VertexId(1), VertexId(2)}, Arc{VertexId(0), VertexId(2)}});
  ASSERT_EQ(net.out_arcs(VertexId(0)).size(), 2u);
  EXPECT_EQ(net.out_arcs(VertexId(0))[0], ArcId(0));
  EXPECT_EQ(net.out_arcs(VertexId(0))[1], ArcId(2));
  EXPECT_EQ(net.in_arcs(VertexId(2)).size(), 2u);
  EXPECT_TRUE(net.out_arcs(VertexId(2)).empty());
}

}  // namespace
}  // namespace landbridge::assign
