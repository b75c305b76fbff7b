// Queries on the contraction hierarchy.
//
// One-to-one: bidirectional upward Dijkstra with stall-on-demand; each side stops once its
// smallest key reaches the best meeting distance. One-to-all: PHAST — an upward Dijkstra from
// the source, then one sweep over all vertices from the highest rank down, each taking the
// minimum over its upward arcs. Arcs whose passages meet the closed set are skipped in both.
#include <algorithm>
#include <functional>
#include <limits>

#include "graph_impl.h"
#include "landbridge/core/error.h"

namespace landbridge::sea {

namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr std::uint32_t kNone = detail::kNoArc;

struct HeapItem {
  double key;
  std::uint32_t v;
  friend bool operator>(const HeapItem& x, const HeapItem& y) { return x.key > y.key; }
};
}  // namespace

struct SeaRouter::State {
  // What a search knows about a vertex; valid only where stamp == the current query. One
  // 16-byte record, so a relaxation touches one cache line.
  struct Label {
    double dist;
    std::uint32_t stamp;
    std::uint32_t parent;  // up-arc index the vertex was reached by
  };
  // One search direction.
  struct Side {
    std::vector<Label> label;
    std::vector<HeapItem> heap;  // lazy binary min-heap
  };
  Side side[2];
  std::uint32_t cur = 0;
  std::vector<double> sweep;             // one-to-all distances by position
  std::vector<std::uint32_t> up_tail;    // up-arc index -> its tail position
  std::vector<std::uint32_t> chain;      // scratch: forward arcs of a path
  std::vector<std::uint32_t> path;       // scratch for geometry: vertex ids
  std::vector<std::uint32_t> port_position;  // PortId -> position of its vertex

  explicit State(const MaritimeGraph::Impl& g) {
    const detail::ContractionHierarchy& ch = g.ch;
    const std::size_t n = ch.vertex_count();
    for (Side& s : side) {
      s.label.assign(n, Label{kInf, 0, kNone});
      // A vertex is expanded at most once, so pushes never exceed arcs + 1.
      s.heap.reserve(ch.up.size() + 1);
    }
    sweep.assign(n, kInf);
    chain.reserve(n);
    port_position.reserve(g.ports.size());
    for (const Port& p : g.ports) port_position.push_back(ch.position_of[p.vertex.get()]);
    up_tail.resize(ch.up.size());
    for (std::uint32_t pos = 0; pos < n; ++pos) {
      for (std::uint32_t k = ch.up_first[pos]; k < ch.up_first[pos + 1]; ++k) up_tail[k] = pos;
    }
  }

  void next_query() {
    if (++cur == 0) {  // stamps wrapped: forget everything once every 4e9 queries
      for (Side& s : side) {
        for (Label& l : s.label) l.stamp = 0;
      }
      cur = 1;
    }
    for (Side& s : side) s.heap.clear();
  }

  [[nodiscard]] double dist(int d, std::uint32_t v) const {
    const Label& l = side[d].label[v];
    return l.stamp == cur ? l.dist : kInf;
  }

  void reach(int d, std::uint32_t v, double key, std::uint32_t arc) {
    Side& s = side[d];
    s.label[v] = {key, cur, arc};
    s.heap.push_back({key, v});
    std::push_heap(s.heap.begin(), s.heap.end(), std::greater<>());
  }
};

SeaRouter::SeaRouter(const MaritimeGraph& g) : g_(g.impl_.get()), s_(std::make_unique<State>(*g_)) {}
SeaRouter::~SeaRouter() = default;
SeaRouter::SeaRouter(SeaRouter&&) noexcept = default;
SeaRouter& SeaRouter::operator=(SeaRouter&&) noexcept = default;

namespace {

// Appends the vertices of record `r` walked from its end `from` (excluded) to its other end.
void unpack(const std::vector<detail::ArcRecord>& records, std::uint32_t r, std::uint32_t from,
            std::vector<std::uint32_t>& out) {
  const detail::ArcRecord& a = records[r];
  if (a.mid == kNone) {
    out.push_back(a.a == from ? a.b : a.a);
    return;
  }
  if (a.a == from) {
    unpack(records, a.child_a, a.a, out);
    unpack(records, a.child_b, a.mid, out);
  } else {
    unpack(records, a.child_b, a.b, out);
    unpack(records, a.child_a, a.mid, out);
  }
}

void append_unwrapped(std::vector<LatLon>& out, LatLon p) {
  if (!out.empty()) {
    const double prev = out.back().lon;
    while (p.lon - prev >= 180.0) p.lon -= 360.0;
    while (p.lon - prev < -180.0) p.lon += 360.0;
  }
  out.push_back(p);
}

}  // namespace

std::optional<SeaPath> SeaRouter::route(PortId from, PortId to, PassageSet closed, bool with_geometry) {
  const MaritimeGraph::Impl& g = *g_;
  const detail::ContractionHierarchy& ch = g.ch;
  const Port& pf = g.ports[from];
  const Port& pt = g.ports[to];
  SeaPath out;
  if (from == to) {
    if (with_geometry) out.geometry.push_back(pf.pos);
    return out;
  }
  const std::uint32_t s = ch.position_of[pf.vertex.get()];
  const std::uint32_t t = ch.position_of[pt.vertex.get()];
  State& st = *s_;
  st.next_query();
  st.reach(0, s, 0.0, kNone);
  st.reach(1, t, 0.0, kNone);
  double best = s == t ? 0.0 : kInf;
  std::uint32_t meet = s == t ? s : kNone;

  const auto* first = ch.up_first.data();
  const auto* arcs = ch.up.data();
  for (;;) {
    auto& h0 = st.side[0].heap;
    auto& h1 = st.side[1].heap;
    const bool f_ok = !h0.empty() && h0.front().key < best;
    const bool b_ok = !h1.empty() && h1.front().key < best;
    if (!f_ok && !b_ok) break;
    const int d = (f_ok && (!b_ok || h0.front().key <= h1.front().key)) ? 0 : 1;
    State::Side& side = st.side[d];
    std::pop_heap(side.heap.begin(), side.heap.end(), std::greater<>());
    const HeapItem top = side.heap.back();
    side.heap.pop_back();
    const std::uint32_t v = top.v;
    if (top.key > side.label[v].dist) continue;  // stale entry
    const double other = st.dist(1 - d, v);
    if (top.key + other < best) {
      best = top.key + other;
      meet = v;
    }
    // Stall-on-demand: a higher neighbour already offers a shorter way to v, so v's upward
    // arcs cannot start a shortest path.
    bool stalled = false;
    for (std::uint32_t k = first[v]; k < first[v + 1]; ++k) {
      const detail::UpArc& a = arcs[k];
      if ((a.passages & closed) == 0 && st.dist(d, a.head) + a.length < top.key) {
        stalled = true;
        break;
      }
    }
    if (stalled) continue;
    for (std::uint32_t k = first[v]; k < first[v + 1]; ++k) {
      const detail::UpArc& a = arcs[k];
      if ((a.passages & closed) != 0) continue;
      const double nd = top.key + a.length;
      if (nd < st.dist(d, a.head)) st.reach(d, a.head, nd, k);
    }
  }
  if (meet == kNone) return std::nullopt;

  // Passages: union over the arcs of the up-down path; geometry: expand its shortcuts.
  out.distance = Kilometres(pf.snap.value() + best + pt.snap.value());
  std::vector<std::uint32_t>& chain = st.chain;  // forward arcs, meeting vertex back to s
  chain.clear();
  for (std::uint32_t x = meet; st.side[0].label[x].parent != kNone;) {
    chain.push_back(st.side[0].label[x].parent);
    out.passages |= arcs[chain.back()].passages;
    x = st.up_tail[chain.back()];
  }
  std::vector<std::uint32_t>& path = st.path;
  path.clear();
  if (with_geometry) {
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
      unpack(ch.records, ch.up_record[*it], ch.vertex_at[st.up_tail[*it]], path);
    }
  }
  for (std::uint32_t x = meet; st.side[1].label[x].parent != kNone;) {
    const std::uint32_t k = st.side[1].label[x].parent;
    out.passages |= arcs[k].passages;
    if (with_geometry) unpack(ch.records, ch.up_record[k], ch.vertex_at[arcs[k].head], path);
    x = st.up_tail[k];
  }
  if (with_geometry) {
    out.geometry.reserve(path.size() + 2);
    append_unwrapped(out.geometry, pf.pos);
    append_unwrapped(out.geometry, g.vertex_pos[pf.vertex.get()]);
    for (const std::uint32_t v : path) append_unwrapped(out.geometry, g.vertex_pos[v]);
    append_unwrapped(out.geometry, pt.pos);
  }
  return out;
}

void SeaRouter::one_to_all(PortId from, PassageSet closed, std::span<Kilometres> out) {
  const MaritimeGraph::Impl& g = *g_;
  const detail::ContractionHierarchy& ch = g.ch;
  if (out.size() != g.ports.size()) {
    throw Error("SeaRouter::one_to_all: output span holds " + std::to_string(out.size()) + " values, expected " +
                std::to_string(g.ports.size()) + " (one per port)");
  }
  const Port& pf = g.ports[from];
  State& st = *s_;
  const std::uint32_t s = st.port_position[from.get()];
  st.next_query();
  st.reach(0, s, 0.0, kNone);
  const auto* first = ch.up_first.data();
  const auto* arcs = ch.up.data();
  // Upward search: no stopping criterion, no stalling (the sweep needs every upward vertex).
  State::Side& side = st.side[0];
  while (!side.heap.empty()) {
    std::pop_heap(side.heap.begin(), side.heap.end(), std::greater<>());
    const HeapItem top = side.heap.back();
    side.heap.pop_back();
    if (top.key > side.label[top.v].dist) continue;
    for (std::uint32_t k = first[top.v]; k < first[top.v + 1]; ++k) {
      const detail::UpArc& a = arcs[k];
      if ((a.passages & closed) != 0) continue;
      const double nd = top.key + a.length;
      if (nd < st.dist(0, a.head)) st.reach(0, a.head, nd, k);
    }
  }
  // Downward sweep in rank order: every upward arc of v leads to an already final vertex.
  double* sweep = st.sweep.data();
  const std::uint32_t n = static_cast<std::uint32_t>(ch.vertex_count());
  for (std::uint32_t v = 0; v < n; ++v) {
    double d = st.dist(0, v);
    for (std::uint32_t k = first[v]; k < first[v + 1]; ++k) {
      const detail::UpArc& a = arcs[k];
      if ((a.passages & closed) != 0) continue;
      d = std::min(d, sweep[a.head] + a.length);
    }
    sweep[v] = d;
  }
  for (PortId p : g.ports.keys()) {
    const Port& pt = g.ports[p];
    const double d = sweep[st.port_position[p.get()]];
    if (p == from) {
      out[p.get()] = Kilometres(0.0);
    } else if (d == kInf) {
      out[p.get()] = Kilometres::max();
    } else {
      out[p.get()] = Kilometres(pf.snap.value() + d + pt.snap.value());
    }
  }
}

}  // namespace landbridge::sea
