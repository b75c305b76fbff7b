#include "landbridge/route/router.h"

#include <algorithm>
#include <limits>
#include <vector>

namespace landbridge::route {
namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

// Lexicographic label key: objective value first, then time, cost, CO2e.
struct Key {
  double value = 0;
  Criteria c;
  friend bool operator<(const Key& a, const Key& b) {
    if (a.value != b.value) return a.value < b.value;
    if (a.c.time != b.c.time) return a.c.time < b.c.time;
    if (a.c.cost != b.c.cost) return a.c.cost < b.c.cost;
    return a.c.co2e < b.c.co2e;
  }
};

struct HeapItem {
  Key key;
  std::uint32_t state;
};
// std heap functions build a max-heap: invert.
struct HeapLess {
  bool operator()(const HeapItem& a, const HeapItem& b) const { return b.key < a.key; }
};

}  // namespace

struct Router::State {
  std::vector<Criteria> crit;        // best label per state
  std::vector<std::uint32_t> parent; // previous state, kNone at the origin
  std::vector<std::uint32_t> seen;   // generation in which crit/parent were set
  std::vector<std::uint32_t> done;   // generation in which the state was settled
  std::vector<HeapItem> heap;
  std::vector<std::uint32_t> trail;
  std::uint32_t generation = 0;
  std::size_t settled = 0;

  void reserve(std::size_t n) {
    if (crit.size() < n) {
      crit.resize(n);
      parent.resize(n);
      seen.resize(n, 0);
      done.resize(n, 0);
    }
  }
};

Router::Router(const RoutingGraph& g) : g_(&g), s_(std::make_unique<State>()) {}
Router::~Router() = default;
Router::Router(Router&&) noexcept = default;
Router& Router::operator=(Router&&) noexcept = default;
std::size_t Router::settled() const { return s_->settled; }

std::optional<Path> Router::best(NodeId from, NodeId to, const Weights& w, Objective objective) {
  const Network& net = g_->network();
  State& s = *s_;
  s.settled = 0;
  if (from == to) return std::nullopt;
  const std::uint32_t layers = w.max_transshipments >= 0 ? static_cast<std::uint32_t>(w.max_transshipments) + 1 : 1;
  const bool counting = w.max_transshipments >= 0;
  s.reserve(g_->link_count() * layers);
  if (++s.generation == 0) {  // wrapped: clear stamps once every 4 billion queries
    std::fill(s.seen.begin(), s.seen.end(), 0);
    std::fill(s.done.begin(), s.done.end(), 0);
    s.generation = 1;
  }
  const std::uint32_t gen = s.generation;
  s.heap.clear();
  auto key_of = [&](const Criteria& c) { return Key{objective_value(objective, c, w.prices), c}; };
  auto relax = [&](std::uint32_t st, const Criteria& c, std::uint32_t parent) {
    const Key k = key_of(c);
    if (s.seen[st] == gen && !(k < key_of(s.crit[st]))) return;
    s.seen[st] = gen;
    s.crit[st] = c;
    s.parent[st] = parent;
    s.heap.push_back({k, st});
    std::push_heap(s.heap.begin(), s.heap.end(), HeapLess{});
  };

  for (LinkId l : net.out_links(from)) {
    const XferId x = g_->start_xfer(l);
    if (!w.link_ok[l] || !w.xfer_ok[x]) continue;
    relax(l.get() * layers, w.xfer[x] + w.link[l], kNone);
  }

  std::optional<Key> best_key;
  std::uint32_t best_state = kNone;
  while (!s.heap.empty()) {
    std::pop_heap(s.heap.begin(), s.heap.end(), HeapLess{});
    const HeapItem top = s.heap.back();
    s.heap.pop_back();
    const std::uint32_t st = top.state;
    if (s.done[st] == gen) continue;
    if (best_key && !(top.key < *best_key)) break;
    s.done[st] = gen;
    ++s.settled;
    const LinkId l(st / layers);
    const std::uint32_t k = st % layers;
    const Criteria here = s.crit[st];
    if (net.link_to(l) == to) {
      const XferId x = g_->end_xfer(l);
      if (w.xfer_ok[x]) {
        const Criteria c = here + w.xfer[x];
        const Key kk = key_of(c);
        if (!best_key || kk < *best_key) {
          best_key = kk;
          best_state = st;
        }
      }
    }
    for (const RoutingGraph::Turn& t : g_->turns(l)) {
      if (!w.link_ok[t.next] || !w.xfer_ok[t.xfer]) continue;
      std::uint32_t k2 = k;
      if (counting) {
        k2 += w.xfer_ts[t.xfer];
        if (k2 >= layers) continue;
      }
      const std::uint32_t st2 = t.next.get() * layers + k2;
      if (s.done[st2] == gen) continue;
      relax(st2, here + w.xfer[t.xfer] + w.link[t.next], st);
    }
  }
  if (best_state == kNone) return std::nullopt;

  Path p;
  p.per_box = best_key->c;
  s.trail.clear();
  for (std::uint32_t st = best_state; st != kNone; st = s.parent[st]) s.trail.push_back(st);
  p.links.reserve(s.trail.size());
  for (auto it = s.trail.rbegin(); it != s.trail.rend(); ++it) p.links.push_back(LinkId(*it / layers));
  for (std::size_t i = 0; i + 1 < p.links.size(); ++i)
    for (const RoutingGraph::Turn& t : g_->turns(p.links[i]))
      if (t.next == p.links[i + 1]) {
        p.transshipments += w.xfer_ts[t.xfer];
        break;
      }
  return p;
}

}  // namespace landbridge::route
