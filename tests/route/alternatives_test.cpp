// k alternatives: different corridors, each the best route of its corridor.
#include <gtest/gtest.h>

#include <fmt/format.h>
#include <map>
#include <set>
#include <tuple>

#include "landbridge/route/alternatives.h"
#include "landbridge/route/itinerary.h"
#include "networks.h"
#include "testing.h"

namespace landbridge::route {
namespace {

TEST(Alternatives, ToyLandBridgeGivesFourCorridorsNotNodeSwaps) {
  const Network net = testing::parse_network(testing::kCorridorNet);
  RoutingGraph g(net);
  AlternativesFinder finder(g);
  Weights w;
  prepare(g, {}, nullptr, w);
  const auto alts = finder.find(*net.find_node("JPHKT"), *net.find_node("DEDUI"), w, Objective::time, {.k = 6});
  std::vector<std::string> labels;
  for (const auto& a : alts) labels.push_back(make_itinerary(g, w, a.path.links).label);
  // The China section via Xi'an or direct is one corridor: it appears once, with the faster
  // variant (via Xi'an, 90 h against 92 h).
  EXPECT_EQ(labels, (std::vector<std::string>{
                        "sea\u2013rail via CNLYG, KZHOR, PLMAL",
                        "sea\u2013rail via CNLYG, KZDOS, PLMAL",
                        "all-sea via Suez, NLRTM",
                        "all-sea via Cape, NLRTM",
                    }));
  EXPECT_EQ(net.link_info(alts[0].path.links[1]).id, "lyg-xia");
  for (std::size_t i = 1; i < alts.size(); ++i)
    EXPECT_LE(alts[i - 1].path.per_box.time, alts[i].path.per_box.time);
}

TEST(Alternatives, CheapestFirstWhenAskedForCost) {
  const Network net = testing::parse_network(testing::kCorridorNet);
  RoutingGraph g(net);
  AlternativesFinder finder(g);
  Weights w;
  prepare(g, {}, nullptr, w);
  const auto alts = finder.find(*net.find_node("JPHKT"), *net.find_node("DEDUI"), w, Objective::cost, {.k = 2});
  ASSERT_EQ(alts.size(), 2u);
  // All-sea via Suez + rail: 100 + 2200 + 200 + 350 + 120 = 2,970 USD, the cheapest.
  EXPECT_EQ(alts[0].path.per_box.cost, usd(2970));
  EXPECT_EQ(make_itinerary(g, w, alts[0].path.links).label, "all-sea via Suez, NLRTM");
}

bool passes_a_node_twice(const Network& net, const std::vector<LinkId>& links) {
  std::vector<NodeId> v{net.link_from(links.front())};
  for (LinkId l : links) v.push_back(net.link_to(l));
  std::sort(v.begin(), v.end());
  return std::adjacent_find(v.begin(), v.end()) != v.end();
}

TEST(Alternatives, RandomNetworksGiveTheKBestCorridorsByBruteForce) {
  // For every signature, brute force finds its best key and whether its best walks are
  // simple (no node twice), loops, or both (a tie). The finder must report, in key order,
  // signatures whose best walk can be simple, each with that best key; skip those whose best
  // walks are all loops; and miss no all-simple signature better than the last it reports
  // (or none at all when it reports fewer than k).
  testing::Rng rng(8080);
  int multi = 0, skipped_loops = 0;
  for (int i = 0; i < 250; ++i) {
    const Network net = testing::random_network(rng, {.min_nodes = 5, .max_nodes = 7, .min_links = 10, .max_links = 15});
    const NodeId from(0), to(static_cast<std::uint32_t>(net.node_count() - 1));
    RouteOptions opts;
    if (rng.chance(30)) opts.max_transshipments = 1;
    std::vector<testing::EnumeratedPath> all;
    if (!testing::enumerate_corridor_walks(net, from, to, opts, all)) continue;
    const auto obj = static_cast<Objective>(rng.between(0, 2));
    auto key = [&](const Criteria& c) { return std::tuple(objective_value(obj, c, {}), c.time, c.cost, c.co2e); };
    using Key = decltype(key(Criteria{}));
    struct Best {
      Key key;
      bool simple = false, loop = false;
    };
    std::map<Signature, Best> best_of;
    for (const auto& p : all) {
      const Signature sig = signature(net, p.links);
      const bool loop = passes_a_node_twice(net, p.links);
      auto it = best_of.find(sig);
      if (it == best_of.end() || key(p.per_box) < it->second.key) {
        best_of[sig] = Best{key(p.per_box), !loop, loop};
      } else if (key(p.per_box) == it->second.key) {
        (loop ? it->second.loop : it->second.simple) = true;
      }
    }
    RoutingGraph g(net);
    AlternativesFinder finder(g);
    Weights w;
    prepare(g, opts, nullptr, w);
    const int k = static_cast<int>(rng.between(1, 4));
    const auto alts = finder.find(from, to, w, obj, {.k = k});
    const std::string ctx = testing::describe(net);
    EXPECT_LE(static_cast<int>(alts.size()), k);
    if (alts.size() > 1) ++multi;
    std::set<Signature> seen;
    for (std::size_t j = 0; j < alts.size(); ++j) {
      const auto& a = alts[j];
      EXPECT_TRUE(seen.insert(a.signature).second) << "signatures must differ\n" << ctx;
      EXPECT_EQ(a.signature, signature(net, a.path.links));
      EXPECT_FALSE(passes_a_node_twice(net, a.path.links)) << ctx;
      ASSERT_TRUE(best_of.contains(a.signature)) << ctx;
      const Best& b = best_of[a.signature];
      EXPECT_TRUE(b.simple) << ctx;
      EXPECT_EQ(key(a.path.per_box), b.key) << "not the best of its corridor\n" << ctx;
      EXPECT_EQ(testing::evaluate_directly(net, a.path.links, opts).per_box, a.path.per_box);
      if (j > 0) {
        EXPECT_LE(key(alts[j - 1].path.per_box), key(a.path.per_box));
      }
    }
    for (const auto& [sig, b] : best_of) {
      if (b.simple && !b.loop && !seen.contains(sig)) {
        // An all-simple signature may only be missing behind k better ones.
        ASSERT_EQ(static_cast<int>(alts.size()), k) << ctx;
        EXPECT_GE(b.key, key(alts.back().path.per_box)) << ctx;
      }
      if (b.loop && !b.simple) ++skipped_loops;
    }
  }
  EXPECT_GT(multi, 50);
  EXPECT_GT(skipped_loops, 0);  // the loop rule is exercised
}

}  // namespace
}  // namespace landbridge::route
