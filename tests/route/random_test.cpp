// The routers against brute force: on hundreds of random small multimodal networks, every
// walk from origin to destination is enumerated and evaluated directly from the Network; the
// single-objective router must find the minimum, the Pareto router exactly the set of
// non-dominated criteria vectors, both under random constraints.
#include <gtest/gtest.h>

#include <algorithm>
#include <fmt/format.h>
#include <tuple>

#include "landbridge/route/graph.h"
#include "landbridge/route/pareto.h"
#include "landbridge/route/router.h"
#include "testing.h"

namespace landbridge::route {
namespace {

using testing::EnumeratedPath;
using testing::Rng;

// Lexicographic key the router minimises: objective value, then time, cost, CO2e.
auto key(Objective o, const Criteria& c, const Prices& p) {
  return std::tuple(objective_value(o, c, p), c.time, c.cost, c.co2e);
}

RouteOptions random_constraints(Rng& rng, const Network& net, NodeId from, NodeId to) {
  RouteOptions o;
  if (rng.chance(30)) {
    const NodeId n(static_cast<std::uint32_t>(rng.between(0, static_cast<std::int64_t>(net.node_count()) - 1)));
    if (n != from && n != to) o.avoid_nodes.push_back(n);
  }
  if (rng.chance(25)) {
    const char c = static_cast<char>('A' + rng.between(0, 2));
    const std::string country{c, c};
    if (net.node(from).country != country && net.node(to).country != country) o.avoid_countries.push_back(country);
  }
  if (rng.chance(30)) o.avoid_modes |= mode_bit(static_cast<Mode>(rng.between(0, kModeCount - 1)));
  if (rng.chance(30)) o.avoid_passages |= passage_bit(rng.chance(50) ? Passage::suez : Passage::malacca);
  if (rng.chance(40)) o.max_transshipments = static_cast<int>(rng.between(0, 2));
  if (rng.chance(50)) o.shipment = {ContainerUnit::feu, 1};
  return o;
}

struct Case {
  Network net;
  NodeId from, to;
};

// Random networks with a random origin-destination pair each (skipping the rare network
// whose walks are too many to enumerate).
template <class F>
void for_random_cases(std::uint64_t seed, int count, F&& f) {
  Rng rng(seed);
  int done = 0;
  while (done < count) {
    Case c{testing::random_network(rng), {}, {}};
    const auto n = static_cast<std::int64_t>(c.net.node_count());
    c.from = NodeId(static_cast<std::uint32_t>(rng.between(0, n - 1)));
    c.to = NodeId(static_cast<std::uint32_t>(rng.between(0, n - 2)));
    if (c.to.get() >= c.from.get()) c.to = NodeId(c.to.get() + 1);
    f(c, rng);
    ++done;
  }
}

void check_single(const Case& c, const RouteOptions& opts, Router& router, const RoutingGraph& g, Weights& w,
                  Objective obj, int& found) {
  std::vector<EnumeratedPath> all;
  ASSERT_TRUE(testing::enumerate_paths(c.net, c.from, c.to, opts, all));
  prepare(g, opts, nullptr, w);
  const auto got = router.best(c.from, c.to, w, obj);
  const std::string ctx =
      fmt::format("{} -> {} objective {}\n{}", c.from.get(), c.to.get(), to_string(obj), testing::describe(c.net));
  ASSERT_EQ(got.has_value(), !all.empty()) << ctx;
  if (!got) return;
  ++found;
  const auto best = std::min_element(all.begin(), all.end(), [&](const auto& a, const auto& b) {
    return key(obj, a.per_box, opts.prices) < key(obj, b.per_box, opts.prices);
  });
  EXPECT_EQ(key(obj, got->per_box, opts.prices), key(obj, best->per_box, opts.prices)) << ctx;
  // The path is real: it starts and ends where asked and its own criteria are what was reported.
  ASSERT_FALSE(got->links.empty());
  EXPECT_EQ(c.net.link_from(got->links.front()), c.from);
  EXPECT_EQ(c.net.link_to(got->links.back()), c.to);
  const EnumeratedPath direct = testing::evaluate_directly(c.net, got->links, opts);
  EXPECT_EQ(direct.per_box, got->per_box) << ctx;
  EXPECT_EQ(direct.transshipments, got->transshipments) << ctx;
  if (opts.max_transshipments) {
    EXPECT_LE(got->transshipments, *opts.max_transshipments);
  }
}

TEST(RandomNetworks, DijkstraFindsTheBruteForceOptimumForEveryObjective) {
  int found = 0;
  for_random_cases(20261101, 300, [&](const Case& c, Rng& rng) {
    RoutingGraph g(c.net);
    Router router(g);
    Weights w;
    RouteOptions opts;
    if (rng.chance(50)) opts.shipment = {ContainerUnit::feu, 3};
    opts.prices = {static_cast<double>(rng.between(0, 50)), static_cast<double>(rng.between(0, 300))};
    for (Objective obj : {Objective::time, Objective::cost, Objective::co2e, Objective::generalized})
      check_single(c, opts, router, g, w, obj, found);
  });
  EXPECT_GT(found, 400);  // most random pairs are connected: the check compared real paths
}

TEST(RandomNetworks, DijkstraHonoursConstraintsLikeTheFilteredBruteForce) {
  int found = 0;
  for_random_cases(77, 400, [&](const Case& c, Rng& rng) {
    RoutingGraph g(c.net);
    Router router(g);
    Weights w;
    const RouteOptions opts = random_constraints(rng, c.net, c.from, c.to);
    const auto obj = static_cast<Objective>(rng.between(0, 2));
    check_single(c, opts, router, g, w, obj, found);
  });
  EXPECT_GT(found, 150);
}

void check_pareto(const Case& c, const RouteOptions& opts, bool with_ts, ParetoRouter& pr, const RoutingGraph& g,
                  Weights& w, int& nonempty, std::size_t& biggest) {
  std::vector<EnumeratedPath> all;
  ASSERT_TRUE(testing::enumerate_paths(c.net, c.from, c.to, opts, all));
  // The Pareto router returns sane paths only (no node twice, no country re-entered).
  std::erase_if(all, [&](const EnumeratedPath& p) { return !testing::is_sane(c.net, p.links); });
  const auto expected = testing::pareto_front(all, with_ts);
  prepare(g, opts, nullptr, w);
  const auto got = pr.pareto(c.from, c.to, w, {.transshipments_criterion = with_ts});
  const std::string ctx = fmt::format("{} -> {}\n{}", c.from.get(), c.to.get(), testing::describe(c.net));
  std::vector<testing::Vector4> got_vectors;
  for (const Path& p : got) {
    got_vectors.push_back({p.per_box.time.value(), p.per_box.cost.value(), p.per_box.co2e.value(),
                           with_ts ? p.transshipments : 0});
    // Each member is a real path with the criteria it claims, within the constraints.
    const EnumeratedPath direct = testing::evaluate_directly(c.net, p.links, opts);
    EXPECT_EQ(direct.per_box, p.per_box) << ctx;
    EXPECT_EQ(direct.transshipments, p.transshipments) << ctx;
    EXPECT_EQ(c.net.link_from(p.links.front()), c.from);
    EXPECT_EQ(c.net.link_to(p.links.back()), c.to);
  }
  std::sort(got_vectors.begin(), got_vectors.end());
  EXPECT_EQ(got_vectors, expected) << ctx;
  // No member dominates another (also implied by the equality, stated for the reader).
  for (const Path& a : got)
    for (const Path& b : got)
      if (&a != &b && !with_ts) {
        EXPECT_FALSE(weakly_dominates(a.per_box, b.per_box)) << ctx;
      }
  if (!got.empty()) ++nonempty;
  biggest = std::max(biggest, got.size());
}

TEST(RandomNetworks, ParetoSetEqualsTheBruteForceFront) {
  int nonempty = 0;
  std::size_t biggest = 0;
  for_random_cases(4242, 300, [&](const Case& c, Rng& rng) {
    RoutingGraph g(c.net);
    ParetoRouter pr(g);
    Weights w;
    RouteOptions opts;
    if (rng.chance(50)) opts.shipment = {ContainerUnit::feu, 1};
    check_pareto(c, opts, false, pr, g, w, nonempty, biggest);
  });
  EXPECT_GT(nonempty, 150);
  EXPECT_GE(biggest, 3u);  // some fronts have several members: the test sees real trade-offs
}

TEST(RandomNetworks, ParetoSetOnDenseNetworksWithLargerFronts) {
  // Many parallel links with independent criteria: fronts of up to ten members.
  int nonempty = 0;
  std::size_t biggest = 0;
  Rng rng(2718);
  for (int i = 0; i < 200; ++i) {
    Case c{testing::random_network(rng, {.min_nodes = 5, .max_nodes = 6, .min_links = 14, .max_links = 18,
                                         .correlated_percent = 0}),
           NodeId(0), NodeId(1)};
    std::vector<EnumeratedPath> probe;
    if (!testing::enumerate_paths(c.net, c.from, c.to, {}, probe, 20000)) continue;
    RoutingGraph g(c.net);
    ParetoRouter pr(g);
    Weights w;
    check_pareto(c, {}, rng.chance(30), pr, g, w, nonempty, biggest);
  }
  EXPECT_GT(nonempty, 120);
  EXPECT_GE(biggest, 6u);
}

TEST(RandomNetworks, ParetoHonoursConstraintsAndTransshipmentCriterion) {
  int nonempty = 0;
  std::size_t biggest = 0;
  for_random_cases(99, 300, [&](const Case& c, Rng& rng) {
    RoutingGraph g(c.net);
    ParetoRouter pr(g);
    Weights w;
    const RouteOptions opts = random_constraints(rng, c.net, c.from, c.to);
    check_pareto(c, opts, rng.chance(50), pr, g, w, nonempty, biggest);
  });
  EXPECT_GT(nonempty, 100);
}

TEST(RandomNetworks, OneRouterAnswersManyQueriesLikeFreshOnes) {
  // Reused query state must not leak between queries: the same router over many OD pairs
  // and options gives what a fresh router gives.
  Rng rng(5);
  const Network net = testing::random_network(rng, {.min_nodes = 6, .max_nodes = 6, .min_links = 14, .max_links = 14});
  RoutingGraph g(net);
  Router reused(g);
  ParetoRouter reused_p(g);
  Weights w;
  for (int q = 0; q < 200; ++q) {
    const NodeId from(static_cast<std::uint32_t>(rng.between(0, 5)));
    const NodeId to(static_cast<std::uint32_t>(rng.between(0, 5)));
    const RouteOptions opts = random_constraints(rng, net, from, to);
    prepare(g, opts, nullptr, w);
    const auto obj = static_cast<Objective>(rng.between(0, 2));
    Router fresh(g);
    ParetoRouter fresh_p(g);
    const auto a = reused.best(from, to, w, obj);
    const auto b = fresh.best(from, to, w, obj);
    ASSERT_EQ(a.has_value(), b.has_value());
    if (a) {
      EXPECT_EQ(a->links, b->links);
      EXPECT_EQ(a->per_box, b->per_box);
    }
    const auto pa = reused_p.pareto(from, to, w);
    const auto pb = fresh_p.pareto(from, to, w);
    ASSERT_EQ(pa.size(), pb.size());
    for (std::size_t i = 0; i < pa.size(); ++i) EXPECT_EQ(pa[i].per_box, pb[i].per_box);
  }
}

}  // namespace
}  // namespace landbridge::route

namespace landbridge::route {
namespace {

TEST(RandomNetworks, TransshipmentLimitOnLargerNetworks) {
  // Larger networks with a limit always set: here a faster label with more transshipments
  // often meets a slower one with fewer at the same link, and only the latter may go on.
  int nonempty = 0, found = 0;
  std::size_t biggest = 0;
  Rng rng(31337);
  for (int i = 0; i < 150; ++i) {
    Case c{testing::random_network(rng, {.min_nodes = 6, .max_nodes = 7, .min_links = 13, .max_links = 16, .ops_per_node = 4}), {}, {}};
    c.from = NodeId(0);
    c.to = NodeId(static_cast<std::uint32_t>(c.net.node_count() - 1));
    RouteOptions opts;
    opts.max_transshipments = static_cast<int>(rng.between(0, 2));
    RoutingGraph g(c.net);
    ParetoRouter pr(g);
    Router router(g);
    Weights w;
    check_pareto(c, opts, false, pr, g, w, nonempty, biggest);
    check_single(c, opts, router, g, w, static_cast<Objective>(rng.between(0, 2)), found);
  }
  EXPECT_GT(nonempty, 50);
}

}  // namespace
}  // namespace landbridge::route
