// k alternatives that are different corridors, each the best route of its corridor.
//
// Two routes are the same corridor when their corridor signatures are equal (signature.h:
// the ordered mode changes, gauge changes, land borders and sea passages along them); a
// route that only swaps an intermediate node has the signature of the route it varies.
//
// Method: A* on the product of the link-state graph with the signature so far. A state
// is (link, signature prefix[, transshipments]); following a turn appends the events of its
// transfer and of the next link to the prefix (prefixes live in a trie, so a state is three
// integers). Two walks that reach one link with the same prefix are the same state, and only
// the better one survives — that is what merges node swaps into one corridor. Reaching the
// destination adds a destination state per complete signature. States leave the queue in
// order of (objective, time, cost, CO2e) of what they cost so far plus the best completion
// from their link (one backward Dijkstra on link states; exact for the plain graph, so a
// consistent lower bound on the product graph), so the first destination state of a signature is
// the best route with that signature, and the first k distinct signatures popped are the k
// best corridors (among those defined below). This is exact, and checked against enumeration
// of every walk on random networks.
//
// Which walks count: a corridor leaves the origin and never comes back to it, ends where it
// first reaches the destination, and has no conflicting events (signature.h): it crosses no
// border twice or back, changes mode or gauge at most once per node and sails no passage
// twice. Walks that would are not followed. This keeps the number of signatures finite and
// drops most loops (a detour Duisburg -> Rotterdam -> Duisburg adds two border events and
// would otherwise pass for a new corridor), and leaves out the rare real route that crosses
// one border back and forth (Russia - Kazakhstan - Russia); the single-objective router still
// finds such a route when it is the best. Finally, a signature whose best walk passes some
// node twice is a loop that no event gave away; it is skipped, not reported.
//
// Work grows with the number of distinct event histories cheaper than the k-th corridor;
// `max_states` bounds it (the result is then the corridors found so far, each still the best
// of its signature).
#pragma once

#include <memory>
#include <vector>

#include "landbridge/route/graph.h"
#include "landbridge/route/signature.h"

namespace landbridge::route {

struct AlternativesOptions {
  int k = 3;
  std::size_t max_states = 2'000'000;  // search budget (product states created)
};

struct Alternative {
  Path path;
  Signature signature;
};

class AlternativesFinder {
 public:
  explicit AlternativesFinder(const RoutingGraph& g);
  ~AlternativesFinder();
  AlternativesFinder(AlternativesFinder&&) noexcept;
  AlternativesFinder& operator=(AlternativesFinder&&) noexcept;

  // Up to k routes with pairwise different signatures, best first.
  std::vector<Alternative> find(NodeId from, NodeId to, const Weights& w, Objective objective,
                                const AlternativesOptions& opts = {});

  // Product states the last find() created, and whether it hit max_states.
  [[nodiscard]] std::size_t states() const;
  [[nodiscard]] bool truncated() const;

 private:
  struct State;
  const RoutingGraph* g_;
  std::unique_ptr<State> s_;
};

}  // namespace landbridge::route
