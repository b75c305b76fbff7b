#include "landbridge/route/pareto.h"

#include <algorithm>
#include <limits>
#include <optional>
#include <tuple>

namespace landbridge::route {
namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
constexpr std::int64_t kInf = std::numeric_limits<std::int64_t>::max() / 4;

// Criteria as plain integers for the hot loop.
struct Vec {
  std::int64_t t = 0, c = 0, e = 0;
  std::uint32_t k = 0;  // transshipments
};
Vec vec_of(const Criteria& c) { return {c.time.value(), c.cost.value(), c.co2e.value(), 0}; }

struct Label {
  Vec v;
  LinkId link;
  std::uint32_t parent = kNone;
  bool alive = true;
  std::uint64_t left = 0;  // countries the path has left (country_bit); it may not re-enter them
};

struct QItem {
  std::int64_t t, c, e;
  std::uint32_t k;
  std::uint32_t label;
};
struct QLess {  // max-heap functions -> invert for a min-queue
  bool operator()(const QItem& a, const QItem& b) const {
    return std::tie(b.t, b.c, b.e, b.k) < std::tie(a.t, a.c, a.e, a.k);
  }
};

struct DItem {
  std::int64_t d;
  std::uint32_t link;
};
struct DLess {
  bool operator()(const DItem& a, const DItem& b) const { return b.d < a.d; }
};

}  // namespace

struct ParetoRouter::State {
  std::vector<Label> labels;
  std::vector<std::vector<std::uint32_t>> bags;  // per link: alive label indices
  std::vector<std::uint32_t> touched;            // links whose bag is not empty
  std::vector<QItem> queue;
  std::vector<std::uint32_t> target;             // labels (with the end transfer) at the destination
  std::vector<Vec> lb;                           // per link: lower bounds to the destination
  std::vector<DItem> dheap;
  std::vector<std::uint32_t> trail;
  ParetoStats stats;
};

ParetoRouter::ParetoRouter(const RoutingGraph& g) : g_(&g), s_(std::make_unique<State>()) {}
ParetoRouter::~ParetoRouter() = default;
ParetoRouter::ParetoRouter(ParetoRouter&&) noexcept = default;
ParetoRouter& ParetoRouter::operator=(ParetoRouter&&) noexcept = default;
const ParetoStats& ParetoRouter::stats() const { return s_->stats; }

std::vector<Path> ParetoRouter::pareto(NodeId from, NodeId to, const Weights& w, const ParetoOptions& opts) {
  const Network& net = g_->network();
  State& s = *s_;
  const std::size_t nl = g_->link_count();
  s.stats = {};
  for (std::uint32_t l : s.touched) s.bags[l].clear();
  s.touched.clear();
  s.labels.clear();
  s.queue.clear();
  s.target.clear();
  if (s.bags.size() < nl) s.bags.resize(nl);
  std::vector<Path> out;
  if (from == to) return out;

  // Lower bounds: one backward Dijkstra per criterion over link states.
  s.lb.assign(nl, Vec{kInf, kInf, kInf, 0});
  for (int crit = 0; crit < 3; ++crit) {
    auto field = [crit](Vec& v) -> std::int64_t& { return crit == 0 ? v.t : crit == 1 ? v.c : v.e; };
    auto weight = [crit](const Criteria& c) {
      return crit == 0 ? static_cast<std::int64_t>(c.time.value()) : crit == 1 ? c.cost.value() : c.co2e.value();
    };
    s.dheap.clear();
    for (LinkId l : net.in_links(to)) {
      const XferId x = g_->end_xfer(l);
      if (!w.link_ok[l] || !w.xfer_ok[x]) continue;
      const std::int64_t d = weight(w.xfer[x]);
      if (d < field(s.lb[l.get()])) {
        field(s.lb[l.get()]) = d;
        s.dheap.push_back({d, l.get()});
        std::push_heap(s.dheap.begin(), s.dheap.end(), DLess{});
      }
    }
    while (!s.dheap.empty()) {
      std::pop_heap(s.dheap.begin(), s.dheap.end(), DLess{});
      const DItem top = s.dheap.back();
      s.dheap.pop_back();
      if (top.d != field(s.lb[top.link])) continue;
      const LinkId b(top.link);
      const std::int64_t via_b = top.d + weight(w.link[b]);
      for (const RoutingGraph::RevTurn& r : g_->rev_turns(b)) {
        if (!w.link_ok[r.prev] || !w.xfer_ok[r.xfer]) continue;
        const std::int64_t d = via_b + weight(w.xfer[r.xfer]);
        if (d < field(s.lb[r.prev.get()])) {
          field(s.lb[r.prev.get()]) = d;
          s.dheap.push_back({d, r.prev.get()});
          std::push_heap(s.dheap.begin(), s.dheap.end(), DLess{});
        }
      }
    }
  }

  const bool use_k = opts.transshipments_criterion || w.max_transshipments >= 0;
  const std::uint32_t k_max =
      w.max_transshipments >= 0 ? static_cast<std::uint32_t>(w.max_transshipments) : kNone;
  auto weakly = [](const Vec& a, const Vec& b, bool with_k) {
    return a.t <= b.t && a.c <= b.c && a.e <= b.e && (!with_k || a.k <= b.k);
  };
  // Does a destination label weakly dominate every completion of v at link l?
  auto target_prunes = [&](const Vec& v, std::uint32_t l) {
    const Vec& b = s.lb[l];
    const Vec bound{v.t + b.t, v.c + b.c, v.e + b.e, v.k};
    for (std::uint32_t ti : s.target)
      if (weakly(s.labels[ti].v, bound, opts.transshipments_criterion)) return true;
    return false;
  };
  // Within a bag a label dominates another only if it has also left no country the other may
  // still enter: fewer countries left means more ways to go on.
  auto add_label = [&](LinkId l, const Vec& v, std::uint32_t parent, std::uint64_t left) {
    const std::uint32_t li = l.get();
    if (s.lb[li].t >= kInf) return;
    if (target_prunes(v, li)) return;
    auto& bag = s.bags[li];
    for (std::uint32_t idx : bag)
      if ((s.labels[idx].left & ~left) == 0 && weakly(s.labels[idx].v, v, use_k)) return;
    if (opts.max_bag && bag.size() >= opts.max_bag) {
      const auto evicted = std::count_if(bag.begin(), bag.end(), [&](std::uint32_t idx) {
        return (left & ~s.labels[idx].left) == 0 && weakly(v, s.labels[idx].v, use_k);
      });
      if (bag.size() - static_cast<std::size_t>(evicted) >= opts.max_bag) {
        s.stats.capped = true;  // full: first come, first kept
        return;
      }
    }
    std::size_t keep = 0;
    for (std::uint32_t idx : bag) {
      if ((left & ~s.labels[idx].left) == 0 && weakly(v, s.labels[idx].v, use_k))
        s.labels[idx].alive = false;
      else
        bag[keep++] = idx;
    }
    bag.resize(keep);
    if (bag.empty()) s.touched.push_back(li);
    const auto id = static_cast<std::uint32_t>(s.labels.size());
    s.labels.push_back({v, l, parent, true, left});
    bag.push_back(id);
    ++s.stats.labels;
    const Vec& b = s.lb[li];
    s.queue.push_back({v.t + b.t, v.c + b.c, v.e + b.e, v.k, id});
    std::push_heap(s.queue.begin(), s.queue.end(), QLess{});
  };

  // The countries left after taking link l from a path that had left `left`, or nullopt when
  // l re-enters one of them or comes back to a node the path has passed (since re-entering a
  // country is barred, such a node lies in the path's last stretch within l's country).
  auto extend = [&](std::uint32_t parent, std::uint64_t left, LinkId l) -> std::optional<std::uint64_t> {
    const NodeId u = net.link_from(l), v = net.link_to(l);
    const std::uint64_t cu = g_->country_bit(u), cv = g_->country_bit(v);
    if (v == from) return std::nullopt;
    if (cu != cv) {  // country bits, not names: no string compares on the hot path
      left |= cu;
      if (left & cv) return std::nullopt;
      return left;
    }
    for (std::uint32_t i = parent; i != kNone; i = s.labels[i].parent) {
      const NodeId t = net.link_from(s.labels[i].link);
      if (t == v) return std::nullopt;
      if (g_->country_bit(t) != cv) break;
    }
    return left;
  };

  for (LinkId l : net.out_links(from)) {
    const XferId x = g_->start_xfer(l);
    if (!w.link_ok[l] || !w.xfer_ok[x]) continue;
    if (const auto left = extend(kNone, 0, l)) add_label(l, vec_of(w.xfer[x] + w.link[l]), kNone, *left);
  }

  while (!s.queue.empty()) {
    if (opts.max_labels && s.stats.labels >= opts.max_labels) {
      s.stats.truncated = true;
      break;
    }
    std::pop_heap(s.queue.begin(), s.queue.end(), QLess{});
    const std::uint32_t id = s.queue.back().label;
    s.queue.pop_back();
    if (!s.labels[id].alive) continue;
    const Label lab = s.labels[id];
    const std::uint32_t li = lab.link.get();
    if (target_prunes(lab.v, li)) continue;
    ++s.stats.popped;

    if (net.link_to(lab.link) == to) {
      const XferId x = g_->end_xfer(lab.link);
      if (w.xfer_ok[x]) {
        const Vec d = vec_of(w.xfer[x]);
        const Vec v{lab.v.t + d.t, lab.v.c + d.c, lab.v.e + d.e, lab.v.k};
        bool dominated = false;
        for (std::uint32_t ti : s.target)
          if (weakly(s.labels[ti].v, v, opts.transshipments_criterion)) {
            dominated = true;
            break;
          }
        if (!dominated && opts.max_results && s.target.size() >= opts.max_results) {
          const auto evicted = std::count_if(s.target.begin(), s.target.end(), [&](std::uint32_t ti) {
            return weakly(v, s.labels[ti].v, opts.transshipments_criterion);
          });
          if (s.target.size() - static_cast<std::size_t>(evicted) >= opts.max_results) {
            s.stats.capped = true;
            dominated = true;  // not kept: the result is full
          }
        }
        if (!dominated) {
          std::erase_if(s.target, [&](std::uint32_t ti) { return weakly(v, s.labels[ti].v, opts.transshipments_criterion); });
          // A destination label is a copy of its link label with the end transfer added; it
          // is not in any bag and never expanded.
          s.target.push_back(static_cast<std::uint32_t>(s.labels.size()));
          s.labels.push_back({v, lab.link, id, false});
        }
      }
    }

    for (const RoutingGraph::Turn& t : g_->turns(lab.link)) {
      if (!w.link_ok[t.next] || !w.xfer_ok[t.xfer]) continue;
      Vec v = lab.v;
      const Criteria& cx = w.xfer[t.xfer];
      const Criteria& cl = w.link[t.next];
      v.t += static_cast<std::int64_t>(cx.time.value()) + cl.time.value();
      v.c += cx.cost.value() + cl.cost.value();
      v.e += cx.co2e.value() + cl.co2e.value();
      v.k += w.xfer_ts[t.xfer];
      if (v.k > k_max) continue;
      const auto left = extend(id, lab.left, t.next);
      if (!left) continue;
      add_label(t.next, v, id, *left);
    }
  }

  out.reserve(s.target.size());
  for (std::uint32_t ti : s.target) {
    const Label& tl = s.labels[ti];
    Path p;
    // Sums are 64-bit here; a time past the 32-bit range (a route over kMaxLegs, refused by
    // the Planner) is clamped rather than wrapped.
    const auto t = static_cast<std::int32_t>(std::min<std::int64_t>(tl.v.t, std::numeric_limits<std::int32_t>::max()));
    p.per_box = Criteria{Minutes(t), UsdCents(tl.v.c), GramsCo2e(tl.v.e)};
    p.transshipments = static_cast<int>(tl.v.k);
    s.trail.clear();
    for (std::uint32_t i = tl.parent; i != kNone; i = s.labels[i].parent) s.trail.push_back(i);
    for (auto it = s.trail.rbegin(); it != s.trail.rend(); ++it) p.links.push_back(s.labels[*it].link);
    out.push_back(std::move(p));
  }
  std::sort(out.begin(), out.end(), [](const Path& a, const Path& b) {
    return std::tuple(a.per_box.time, a.per_box.cost, a.per_box.co2e, a.transshipments) <
           std::tuple(b.per_box.time, b.per_box.cost, b.per_box.co2e, b.transshipments);
  });
  return out;
}

}  // namespace landbridge::route
