// Test helpers for the route layer: a portable seeded generator, random small multimodal
// networks, and the slow obvious reference (enumerate every path) the routers are checked
// against.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "landbridge/core/splitmix.h"
#include "landbridge/model/network.h"
#include "landbridge/route/options.h"

namespace landbridge::route::testing {

// Seeded portable draws (core/splitmix.h).
using Rng = SplitMix64;

// A network in the text network format (io/text_network.h, docs/text-network-format.md);
// throws LoadError naming the line and field of every problem.
Network parse_network(std::string_view text);

struct RandomNetworkSpec {
  int min_nodes = 4, max_nodes = 6;
  int min_links = 6, max_links = 12;
  int countries = 3;
  int ops_per_node = 3;
  int max_value = 20;  // small values make many ties, which is what the tests want
  // Percent of networks whose link and operation criteria grow together (with distance):
  // dominance is common there, unlike with independent random criteria.
  int correlated_percent = 50;
};

// Random network: nodes in a few countries ("AA", "BB", ...), links of random mode (deep_sea,
// feeder, ferry, rail 1435/1520, road) with random distance, duration, costs and, for
// maritime links, random passages; random operations (handling, gauge change, border, dwell)
// with random arrive/depart patterns, durations, costs and hub intensities.
Network random_network(Rng& rng, const RandomNetworkSpec& spec = {});

// One enumerated path with its criteria computed directly from the Network.
struct EnumeratedPath {
  std::vector<LinkId> links;
  Criteria per_box;
  int transshipments = 0;
};

// Every walk from `from` to `to` that uses no link twice (a repeated link never helps with
// non-negative criteria), with its criteria per box for `opts` (unit, mass; no overrides),
// keeping those that satisfy the constraints of `opts`. Gives up (returns false) past
// `limit` walks.
bool enumerate_paths(const Network& net, NodeId from, NodeId to, const RouteOptions& opts,
                     std::vector<EnumeratedPath>& out, std::size_t limit = 200000);

// The candidates for corridor alternatives (alternatives.h): every walk from `from` that never
// comes back to `from`, ends where it first reaches `to`, has no conflicting corridor events
// (conflicting_events in signature.h) and uses no link twice between two events (a loop
// without events never helps), satisfying `opts`.
bool enumerate_corridor_walks(const Network& net, NodeId from, NodeId to, const RouteOptions& opts,
                              std::vector<EnumeratedPath>& out, std::size_t limit = 200000);

// A sane path passes no node twice and never re-enters a country it has left (the rule the
// Pareto router keeps, pareto.h).
bool is_sane(const Network& net, const std::vector<LinkId>& links);

// Criteria of one link sequence computed directly from the Network (no routing structures).
EnumeratedPath evaluate_directly(const Network& net, const std::vector<LinkId>& links, const RouteOptions& opts);

// The distinct non-dominated criteria vectors of a set of paths (with transshipments as a
// fourth criterion when asked), sorted.
struct Vector4 {
  std::int64_t t, c, e, k;
  friend auto operator<=>(const Vector4&, const Vector4&) = default;
};
std::vector<Vector4> pareto_front(const std::vector<EnumeratedPath>& paths, bool with_transshipments);

std::string describe(const Network& net);  // the network as readable text, for failure messages

}  // namespace landbridge::route::testing
