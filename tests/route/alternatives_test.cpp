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
                        "sea\u2013rail via suez, babalmandab, malacca, NLRTM",
                        "sea\u2013rail via malacca, south_africa, NLRTM",
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
  EXPECT_EQ(make_itinerary(g, w, alts[0].path.links).label, "sea\u2013rail via suez, babalmandab, malacca, NLRTM");
}

TEST(Alternatives, RandomNetworksEachIsTheBestOfItsSignature) {
  testing::Rng rng(8080);
  int multi = 0;
  std::size_t found = 0, possible = 0;
  for (int i = 0; i < 250; ++i) {
    const Network net = testing::random_network(rng, {.min_nodes = 5, .max_nodes = 7, .min_links = 10, .max_links = 15});
    const NodeId from(0), to(static_cast<std::uint32_t>(net.node_count() - 1));
    RouteOptions opts;
    if (rng.chance(30)) opts.max_transshipments = 1;
    std::vector<testing::EnumeratedPath> all;
    if (!testing::enumerate_corridor_walks(net, from, to, opts, all)) continue;
    const auto obj = static_cast<Objective>(rng.between(0, 2));
    auto key = [&](const Criteria& c) { return std::tuple(objective_value(obj, c, {}), c.time, c.cost, c.co2e); };
    // Best key per signature, by brute force.
    std::map<Signature, decltype(key(Criteria{}))> best_of;
    for (const auto& p : all) {
      const Signature sig = signature(net, p.links);
      auto it = best_of.find(sig);
      if (it == best_of.end() || key(p.per_box) < it->second) best_of[sig] = key(p.per_box);
    }
    RoutingGraph g(net);
    AlternativesFinder finder(g);
    Weights w;
    prepare(g, opts, nullptr, w);
    const int k = static_cast<int>(rng.between(1, 4));
    const auto alts = finder.find(from, to, w, obj, {.k = k});
    const std::string ctx = testing::describe(net);
    ASSERT_EQ(alts.empty(), all.empty()) << ctx;
    EXPECT_LE(static_cast<int>(alts.size()), k);
    EXPECT_LE(alts.size(), best_of.size());
    if (alts.size() > 1) ++multi;
    found += alts.size();
    possible += std::min<std::size_t>(static_cast<std::size_t>(k), best_of.size());
    std::set<Signature> seen;
    for (std::size_t j = 0; j < alts.size(); ++j) {
      const auto& a = alts[j];
      EXPECT_TRUE(seen.insert(a.signature).second) << "signatures must differ\n" << ctx;
      EXPECT_EQ(a.signature, signature(net, a.path.links));
      ASSERT_TRUE(best_of.contains(a.signature)) << ctx;
      EXPECT_EQ(key(a.path.per_box), best_of[a.signature]) << "not the best of its corridor\n" << ctx;
      EXPECT_EQ(testing::evaluate_directly(net, a.path.links, opts).per_box, a.path.per_box);
      if (j > 0) {
        EXPECT_LE(key(alts[j - 1].path.per_box), key(a.path.per_box));
      }
    }
    // The first is the overall optimum.
    if (!alts.empty()) {
      auto overall = key(all.front().per_box);
      for (const auto& p : all) overall = std::min(overall, key(p.per_box));
      EXPECT_EQ(key(alts[0].path.per_box), overall);
    }
  }
  EXPECT_GT(multi, 50);
  // Exactly the k best corridors: as many as there are, up to k.
  EXPECT_EQ(found, possible);
}

}  // namespace
}  // namespace landbridge::route
