#include "landbridge/route/alternatives.h"

#include <algorithm>
#include <limits>
#include <map>
#include <tuple>
#include <unordered_map>

namespace landbridge::route {
namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

struct Key {
  double value = 0;
  Criteria c;
  friend bool operator<(const Key& a, const Key& b) {
    return std::tie(a.value, a.c.time, a.c.cost, a.c.co2e) < std::tie(b.value, b.c.time, b.c.cost, b.c.co2e);
  }
};
struct HeapItem {
  Key key;
  std::uint32_t state;
};
struct HeapLess {
  bool operator()(const HeapItem& a, const HeapItem& b) const { return b.key < a.key; }
};

}  // namespace

struct AlternativesFinder::State {
  std::vector<Signature> xfer_tokens;  // per transfer (fixed for the graph)
  std::vector<Signature> link_tokens;  // per link (depends on the query's passages)

  // Trie of signature prefixes: prefix 0 is the empty signature.
  struct Prefix {
    std::uint32_t parent;
    CorridorToken token;
  };
  std::vector<Prefix> prefixes;
  std::map<std::pair<std::uint32_t, CorridorToken>, std::uint32_t> child;

  // Product states.
  std::unordered_map<std::uint64_t, std::uint32_t> index;  // (prefix, link slot) -> state
  std::vector<Criteria> crit;
  std::vector<std::uint32_t> parent;
  std::vector<std::uint32_t> slot;    // link × layers + transshipments; the destination is link_count × layers
  std::vector<std::uint32_t> prefix;
  std::vector<std::uint8_t> done;
  std::vector<HeapItem> heap;
  std::vector<NodeId> visited;
  std::vector<std::uint8_t> reach;       // per link: the destination can be reached from it
  std::vector<Criteria> potential;       // per link: best completion (A* lower bound)
  std::vector<HeapItem> bheap;
  bool truncated = false;
  std::size_t loops = 0;

  bool contains(std::uint32_t p, const CorridorToken& t) const {
    for (; p != 0; p = prefixes[p].parent)
      if (conflicting_events(prefixes[p].token, t)) return true;
    return false;
  }
  // The prefix `p` followed by `tokens`, or kNone when an event conflicts with an earlier one.
  std::uint32_t extend(std::uint32_t p, const Signature& tokens) {
    for (const CorridorToken& t : tokens) {
      if (p == kNone || contains(p, t)) return kNone;
      auto [it, fresh] = child.try_emplace({p, t}, static_cast<std::uint32_t>(prefixes.size()));
      if (fresh) prefixes.push_back({p, t});
      p = it->second;
    }
    return p;
  }
};

AlternativesFinder::AlternativesFinder(const RoutingGraph& g) : g_(&g), s_(std::make_unique<State>()) {
  const Network& net = g.network();
  s_->xfer_tokens.resize(g.xfer_count());
  for (std::uint32_t i = 0; i < g.xfer_count(); ++i) {
    const XferId x(i);
    const Transfer& t = g.xfer(x);
    transfer_tokens(net, g.xfer_node(x), t.arrive, t.depart, t, s_->xfer_tokens[i]);
  }
}
AlternativesFinder::~AlternativesFinder() = default;
AlternativesFinder::AlternativesFinder(AlternativesFinder&&) noexcept = default;
AlternativesFinder& AlternativesFinder::operator=(AlternativesFinder&&) noexcept = default;
std::size_t AlternativesFinder::states() const { return s_->crit.size(); }
bool AlternativesFinder::truncated() const { return s_->truncated; }

std::vector<Alternative> AlternativesFinder::find(NodeId from, NodeId to, const Weights& w, Objective objective,
                                                  const AlternativesOptions& opts) {
  const Network& net = g_->network();
  State& s = *s_;
  const auto nl = static_cast<std::uint32_t>(g_->link_count());
  s.prefixes.assign(1, {kNone, {}});
  s.child.clear();
  s.index.clear();
  s.crit.clear();
  s.parent.clear();
  s.slot.clear();
  s.prefix.clear();
  s.done.clear();
  s.heap.clear();
  s.truncated = false;
  s.loops = 0;
  std::vector<Alternative> out;
  if (opts.k <= 0 || from == to) return out;

  s.link_tokens.resize(nl);
  for (std::uint32_t i = 0; i < nl; ++i) {
    s.link_tokens[i].clear();
    link_tokens(net, LinkId(i), w.passages[LinkId(i)], s.link_tokens[i]);
  }
  const std::uint32_t layers = w.max_transshipments >= 0 ? static_cast<std::uint32_t>(w.max_transshipments) + 1 : 1;
  const bool counting = w.max_transshipments >= 0;
  const std::uint32_t target_slot = nl * layers;

  auto key_of = [&](const Criteria& c) { return Key{objective_value(objective, c, w.prices), c}; };

  // A* potentials: for each link, the best completion to the destination (lexicographic by the
  // same key, ignoring signatures and transshipment limits, so a lower bound). One backward
  // Dijkstra over link states; links that can't reach the destination are never entered.
  s.reach.assign(nl, 0);
  s.potential.assign(nl, Criteria{});
  s.bheap.clear();
  auto bpush = [&](LinkId l, const Criteria& c) {
    if (s.reach[l.get()] && !(key_of(c) < key_of(s.potential[l.get()]))) return;
    s.reach[l.get()] = 1;
    s.potential[l.get()] = c;
    s.bheap.push_back({key_of(c), l.get()});
    std::push_heap(s.bheap.begin(), s.bheap.end(), HeapLess{});
  };
  for (LinkId l : net.in_links(to)) {
    const XferId x = g_->end_xfer(l);
    if (w.link_ok[l] && w.xfer_ok[x]) bpush(l, w.xfer[x]);
  }
  while (!s.bheap.empty()) {
    std::pop_heap(s.bheap.begin(), s.bheap.end(), HeapLess{});
    const HeapItem top = s.bheap.back();
    s.bheap.pop_back();
    if (!(top.key.c == s.potential[top.state])) continue;
    const LinkId b(top.state);
    const Criteria via_b = top.key.c + w.link[b];
    for (const RoutingGraph::RevTurn& r : g_->rev_turns(b))
      if (w.link_ok[r.prev] && w.xfer_ok[r.xfer]) bpush(r.prev, via_b + w.xfer[r.xfer]);
  }
  // f = g + potential, ordered by the key.
  auto f_of = [&](const Criteria& g, std::uint32_t slot) {
    return slot == target_slot ? g : g + s.potential[slot / layers];
  };

  auto relax = [&](std::uint32_t prefix, std::uint32_t slot, const Criteria& c, std::uint32_t parent) {
    if (slot != target_slot && !s.reach[slot / layers]) return;
    const std::uint64_t k = (static_cast<std::uint64_t>(prefix) << 32) | slot;
    auto [it, fresh] = s.index.try_emplace(k, static_cast<std::uint32_t>(s.crit.size()));
    const std::uint32_t st = it->second;
    if (fresh) {
      if (s.crit.size() >= opts.max_states) {
        s.index.erase(it);
        s.truncated = true;
        return;
      }
      s.crit.push_back(c);
      s.parent.push_back(parent);
      s.slot.push_back(slot);
      s.prefix.push_back(prefix);
      s.done.push_back(0);
    } else {
      if (s.done[st] || !(key_of(f_of(c, slot)) < key_of(f_of(s.crit[st], slot)))) return;
      s.crit[st] = c;
      s.parent[st] = parent;
    }
    s.heap.push_back({key_of(f_of(c, slot)), st});
    std::push_heap(s.heap.begin(), s.heap.end(), HeapLess{});
  };

  for (LinkId l : net.out_links(from)) {
    const XferId x = g_->start_xfer(l);
    if (!w.link_ok[l] || !w.xfer_ok[x] || net.link_to(l) == from) continue;
    const std::uint32_t p = s.extend(0, s.link_tokens[l.get()]);
    if (p != kNone) relax(p, l.get() * layers, w.xfer[x] + w.link[l], kNone);
  }

  while (!s.heap.empty() && static_cast<int>(out.size()) < opts.k) {
    std::pop_heap(s.heap.begin(), s.heap.end(), HeapLess{});
    const HeapItem top = s.heap.back();
    s.heap.pop_back();
    const std::uint32_t st = top.state;
    if (s.done[st] || !(top.key.c == f_of(s.crit[st], s.slot[st]))) continue;
    s.done[st] = 1;
    const Criteria here = s.crit[st];
    const std::uint32_t prefix = s.prefix[st];

    if (s.slot[st] == target_slot) {  // the best route with this complete signature
      Alternative a;
      a.path.per_box = here;
      for (std::uint32_t p = s.parent[st]; p != kNone; p = s.parent[p]) a.path.links.push_back(LinkId(s.slot[p] / layers));
      std::reverse(a.path.links.begin(), a.path.links.end());
      // A signature whose best route passes a node twice is a loop, not a corridor.
      s.visited.clear();
      s.visited.push_back(net.link_from(a.path.links.front()));
      for (LinkId x : a.path.links) s.visited.push_back(net.link_to(x));
      std::sort(s.visited.begin(), s.visited.end());
      if (std::adjacent_find(s.visited.begin(), s.visited.end()) != s.visited.end()) {
        ++s.loops;
        continue;
      }
      a.path.transshipments = static_cast<int>(s.slot[s.parent[st]] % layers);
      for (std::uint32_t p = prefix; p != 0; p = s.prefixes[p].parent) a.signature.push_back(s.prefixes[p].token);
      std::reverse(a.signature.begin(), a.signature.end());
      out.push_back(std::move(a));
      continue;
    }

    const LinkId l(s.slot[st] / layers);
    const std::uint32_t k = s.slot[st] % layers;
    if (net.link_to(l) == to) {  // a corridor ends where it reaches the destination
      const XferId x = g_->end_xfer(l);
      if (w.xfer_ok[x]) relax(prefix, target_slot, here + w.xfer[x], st);
      continue;
    }
    for (const RoutingGraph::Turn& t : g_->turns(l)) {
      if (!w.link_ok[t.next] || !w.xfer_ok[t.xfer] || net.link_to(t.next) == from) continue;
      std::uint32_t k2 = k;
      if (counting) {
        k2 += w.xfer_ts[t.xfer];
        if (k2 >= layers) continue;
      }
      std::uint32_t p2 = s.extend(prefix, s.xfer_tokens[t.xfer.get()]);
      p2 = s.extend(p2, s.link_tokens[t.next.get()]);
      if (p2 == kNone) continue;
      relax(p2, t.next.get() * layers + k2, here + w.xfer[t.xfer] + w.link[t.next], st);
    }
  }
  // Transshipment counts are only tracked with a limit; count them on the found routes.
  if (!counting) {
    for (Alternative& a : out) {
      a.path.transshipments = evaluate(*g_, w, a.path.links).transshipments;
    }
  }
  return out;
}

}  // namespace landbridge::route
