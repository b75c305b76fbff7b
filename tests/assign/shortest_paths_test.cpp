// Shortest-path trees and the all-or-nothing load, checked against a brute-force enumeration
// of every simple path on small random networks.
#include <gtest/gtest.h>

#include <limits>
#include <random>

#include "landbridge/assign/problem.h"
#include "shortest_paths.h"

namespace landbridge::assign {
namespace {

Arc constant_arc(std::uint32_t from, std::uint32_t to, double cost) {
  Arc a;
  a.tail = VertexId(from);
  a.head = VertexId(to);
  a.free_time = cost;
  a.alpha = 0;
  return a;
}

// 0 and 1 are zones; the cheap way from 0 to 1 passes through zone 2.
//   0 -> 2 -> 1 costs 2, 0 -> 3 -> 1 costs 10.
Network through_zone(std::size_t first_thru) {
  return Network(4, 3, first_thru,
                 {constant_arc(0, 2, 1), constant_arc(2, 1, 1), constant_arc(0, 3, 5), constant_arc(3, 1, 5)});
}

TEST(ShortestPaths, NeverPassesThroughACentroid) {
  std::vector<double> cost = {1, 1, 5, 5};
  {
    const Network net = through_zone(0);  // every vertex may be passed through
    ShortestPaths sp(net);
    sp.grow(VertexId(0), cost);
    EXPECT_DOUBLE_EQ(sp.distance(VertexId(1)), 2);
  }
  {
    const Network net = through_zone(3);  // zones 0, 1 and 2 are centroids
    ShortestPaths sp(net);
    sp.grow(VertexId(0), cost);
    EXPECT_DOUBLE_EQ(sp.distance(VertexId(1)), 10);
    EXPECT_TRUE(sp.reached(VertexId(2)));  // a path may still end there
    EXPECT_EQ(sp.pred(VertexId(1)), ArcId(3));
    // The origin itself is left even though it is a centroid.
    sp.grow(VertexId(2), cost);
    EXPECT_DOUBLE_EQ(sp.distance(VertexId(1)), 1);
  }
}

TEST(ShortestPaths, StopsOnceTheTargetsAreSettledAndForgetsThePreviousOrigin) {
  const Network net = through_zone(0);
  std::vector<double> cost = {1, 1, 5, 5};
  ShortestPaths sp(net);
  const VertexId target[] = {VertexId(2)};
  sp.grow(VertexId(0), cost, target);
  EXPECT_TRUE(sp.reached(VertexId(2)));
  EXPECT_FALSE(sp.reached(VertexId(1)));  // farther than the target: not settled
  sp.grow(VertexId(3), cost);
  EXPECT_FALSE(sp.reached(VertexId(0)));
  EXPECT_DOUBLE_EQ(sp.distance(VertexId(1)), 5);
}

// Every simple path from o to d, the cheapest kept: the slow, obvious answer.
struct Brute {
  const Network& net;
  const std::vector<double>& cost;
  std::vector<bool> on_path;
  std::vector<ArcId> path, best_path;
  double best = std::numeric_limits<double>::infinity();

  void search(std::uint32_t v, std::uint32_t origin, std::uint32_t d, double sofar) {
    if (v == d) {
      if (sofar < best) {
        best = sofar;
        best_path = path;
      }
      return;
    }
    if (v != origin && v < net.first_thru() && v < net.zone_count()) return;  // a centroid
    for (ArcId a : net.out_arcs(VertexId(v))) {
      const std::uint32_t h = net.arc(a).head.get();
      if (on_path[h]) continue;
      on_path[h] = true;
      path.push_back(a);
      search(h, origin, d, sofar + cost[a.get()]);
      path.pop_back();
      on_path[h] = false;
    }
  }
};

TEST(AllOrNothing, LoadsWhatABruteForcePathEnumerationFinds) {
  std::mt19937 rng(20261206);
  std::uniform_real_distribution<double> unit(0.5, 10.0);
  for (int trial = 0; trial < 40; ++trial) {
    const std::size_t vertices = 7, zones = 4, first_thru = trial % 2 ? zones : 0;
    std::vector<Arc> arcs;
    for (std::uint32_t u = 0; u < vertices; ++u)
      for (std::uint32_t v = 0; v < vertices; ++v)
        if (u != v && unit(rng) < 5.5) arcs.push_back(constant_arc(u, v, unit(rng)));
    // Expensive connectors to and from vertex 4 and a ring over the others keep every zone
    // reachable without passing through a centroid.
    for (std::uint32_t z = 0; z < zones; ++z) {
      arcs.push_back(constant_arc(z, 4, 20 + unit(rng)));
      arcs.push_back(constant_arc(4, z, 20 + unit(rng)));
    }
    for (std::uint32_t u = 4; u < vertices; ++u)
      arcs.push_back(constant_arc(u, u + 1 < vertices ? u + 1 : 4, 20 + unit(rng)));
    const Network net(vertices, zones, first_thru, arcs);
    Demand demand(zones);
    for (std::uint32_t o = 0; o < zones; ++o)
      for (std::uint32_t d = 0; d < zones; ++d) demand.add(VertexId(o), VertexId(d), std::floor(unit(rng)));

    std::vector<double> cost(net.arc_count());
    for (std::size_t i = 0; i < cost.size(); ++i) cost[i] = net.arc(ArcId::from(i)).free_time;
    std::vector<double> expected(net.arc_count(), 0.0);
    long double sptt = 0;
    for (std::uint32_t o = 0; o < zones; ++o)
      for (const Demand::Entry& e : demand.from(VertexId(o))) {
        if (e.destination.get() == o) continue;
        Brute b{net, cost, std::vector<bool>(vertices, false), {}, {}};
        b.on_path[o] = true;
        b.search(o, o, e.destination.get(), 0);
        ASSERT_TRUE(std::isfinite(b.best));
        for (ArcId a : b.best_path) expected[a.get()] += e.volume;
        sptt += static_cast<long double>(e.volume) * b.best;
      }

    const Result r = solve(net, demand, {.method = Method::all_or_nothing});
    for (std::size_t i = 0; i < expected.size(); ++i) EXPECT_NEAR(r.flow[i], expected[i], 1e-9) << "trial " << trial;
    EXPECT_NEAR(r.sptt, static_cast<double>(sptt), 1e-9 * static_cast<double>(sptt));
    // Constant costs: the all-or-nothing load is an equilibrium.
    EXPECT_NEAR(r.relative_gap, 0, 1e-12);
  }
}

}  // namespace
}  // namespace landbridge::assign
