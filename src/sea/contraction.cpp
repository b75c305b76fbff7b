#include "contraction.h"

#include <algorithm>
#include <functional>
#include <limits>
#include <queue>
#include <utility>

namespace landbridge::sea::detail {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
// Witness searches give up after settling this many vertices (a missed witness only costs a
// superfluous shortcut, never correctness). Estimating a priority uses a shorter search than
// contracting; measured on marnet: build 4x faster than with 400/400, same query speed.
constexpr int kContractSettleLimit = 50;
constexpr int kEstimateSettleLimit = 10;

bool subset(PassageSet x, PassageSet of) { return (x & ~of) == 0; }

struct DynArc {
  std::uint32_t other;
  std::uint32_t record;
  double length;
  PassageSet passages;
};

struct Shortcut {
  std::uint32_t u;
  std::uint32_t w;
  double length;
  PassageSet passages;
  std::uint32_t rec_u;  // record of arc u-v
  std::uint32_t rec_w;  // record of arc v-w
};

class Contractor {
 public:
  Contractor(std::size_t n, std::span<const Segment> segments)
      : n_(n), adj_(n), contracted_(n, 0), deleted_neighbours_(n, 0), dist_(n, kInf), stamp_(n, 0) {
    records_.reserve(segments.size() * 3);
    for (std::size_t i = 0; i < segments.size(); ++i) {
      const Segment& s = segments[i];
      const auto rec = static_cast<std::uint32_t>(i);
      records_.push_back({s.a, s.b, kNoArc, kNoArc, kNoArc});
      add_arc(s.a, s.b, s.length, s.passages, rec);
    }
  }

  ContractionHierarchy run() {
    // Lazy priority queue: entries carry the priority they were computed with; an entry whose
    // priority is not the vertex's current one is stale.
    using Entry = std::pair<long, std::uint32_t>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue;
    std::vector<long> prio(n_);
    for (std::uint32_t v = 0; v < n_; ++v) {
      prio[v] = priority(v);
      queue.push({prio[v], v});
    }
    std::vector<std::uint32_t> order;
    order.reserve(n_);
    std::vector<std::vector<DynArc>> up(n_);
    while (!queue.empty()) {
      const auto [p, v] = queue.top();
      queue.pop();
      if (contracted_[v] || p != prio[v]) continue;
      // Lazy update: re-evaluate; contract only if still no worse than the next candidate.
      const long now = priority(v);
      if (now != p) {
        prio[v] = now;
        if (!queue.empty() && now > queue.top().first) {
          queue.push({now, v});
          continue;
        }
      }
      simulate(v, true);
      up[v] = adj_[v];
      contract(v);
      order.push_back(v);
      for (const DynArc& a : up[v]) {
        if (contracted_[a.other]) continue;
        const long np = priority(a.other);
        if (np != prio[a.other]) {
          prio[a.other] = np;
          queue.push({np, a.other});
        }
      }
    }
    return finish(order, up);
  }

 private:
  void add_arc(std::uint32_t u, std::uint32_t w, double length, PassageSet passages, std::uint32_t rec) {
    adj_[u].push_back({w, rec, length, passages});
    adj_[w].push_back({u, rec, length, passages});
  }

  static void erase_record(std::vector<DynArc>& list, std::uint32_t rec) {
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (list[i].record == rec) {
        list[i] = list.back();
        list.pop_back();
        return;
      }
    }
  }

  // Inserts a shortcut unless an arc u-w that is no longer and no more restricted exists;
  // drops existing arcs it dominates.
  void insert_shortcut(const Shortcut& s, std::uint32_t mid) {
    auto& list = adj_[s.u];
    for (std::size_t i = 0; i < list.size();) {
      const DynArc& a = list[i];
      if (a.other != s.w) {
        ++i;
        continue;
      }
      if (subset(a.passages, s.passages) && a.length <= s.length) return;
      if (subset(s.passages, a.passages) && s.length <= a.length) {
        const std::uint32_t rec = a.record;
        erase_record(adj_[s.w], rec);
        list[i] = list.back();
        list.pop_back();
        continue;
      }
      ++i;
    }
    const auto rec = static_cast<std::uint32_t>(records_.size());
    records_.push_back({s.u, s.w, mid, s.rec_u, s.rec_w});
    add_arc(s.u, s.w, s.length, s.passages, rec);
  }

  // Dijkstra from `src` over uncontracted vertices except `skip`, using only arcs whose
  // passages are a subset of `allowed`, until every key exceeds `bound`.
  void witness_search(std::uint32_t src, std::uint32_t skip, PassageSet allowed, double bound) {
    ++cur_;
    heap_.clear();
    dist_[src] = 0.0;
    stamp_[src] = cur_;
    heap_.push_back({0.0, src});
    int settled = 0;
    while (!heap_.empty()) {
      std::pop_heap(heap_.begin(), heap_.end(), std::greater<>());
      const auto [d, x] = heap_.back();
      heap_.pop_back();
      if (d > dist_[x]) continue;
      if (d > bound || ++settled > limit_) break;
      for (const DynArc& a : adj_[x]) {
        if (a.other == skip || !subset(a.passages, allowed)) continue;
        const double nd = d + a.length;
        if (stamp_[a.other] != cur_ || nd < dist_[a.other]) {
          stamp_[a.other] = cur_;
          dist_[a.other] = nd;
          heap_.push_back({nd, a.other});
          std::push_heap(heap_.begin(), heap_.end(), std::greater<>());
        }
      }
    }
  }

  [[nodiscard]] double reached(std::uint32_t x) const { return stamp_[x] == cur_ ? dist_[x] : kInf; }

  // Shortcuts that contracting v needs (into shortcuts_); inserts them when `apply`.
  void simulate(std::uint32_t v, bool apply) {
    limit_ = apply ? kContractSettleLimit : kEstimateSettleLimit;
    shortcuts_.clear();
    const auto& list = adj_[v];
    for (std::size_t i = 0; i < list.size(); ++i) {
      const DynArc& in = list[i];
      // Pairs (i, j > i) grouped by the passage set of the would-be shortcut.
      masks_.clear();
      for (std::size_t j = i + 1; j < list.size(); ++j) {
        if (list[j].other == in.other) continue;
        const PassageSet m = in.passages | list[j].passages;
        if (std::find(masks_.begin(), masks_.end(), m) == masks_.end()) masks_.push_back(m);
      }
      for (const PassageSet m : masks_) {
        double bound = 0.0;
        for (std::size_t j = i + 1; j < list.size(); ++j) {
          if (list[j].other != in.other && (in.passages | list[j].passages) == m)
            bound = std::max(bound, in.length + list[j].length);
        }
        witness_search(in.other, v, m, bound);
        for (std::size_t j = i + 1; j < list.size(); ++j) {
          const DynArc& out = list[j];
          if (out.other == in.other || (in.passages | out.passages) != m) continue;
          const double len = in.length + out.length;
          if (reached(out.other) <= len) continue;
          shortcuts_.push_back({in.other, out.other, len, m, in.record, out.record});
        }
      }
    }
    if (apply) {
      for (const Shortcut& s : shortcuts_) insert_shortcut(s, v);
    }
  }

  // Edge difference plus contracted neighbours: low first, so chains and dead ends go early
  // and contraction spreads evenly.
  long priority(std::uint32_t v) {
    simulate(v, false);
    const auto added = static_cast<long>(shortcuts_.size());
    const auto removed = static_cast<long>(adj_[v].size());
    return 4 * (added - removed) + 2 * deleted_neighbours_[v];
  }

  void contract(std::uint32_t v) {
    contracted_[v] = 1;
    for (const DynArc& a : adj_[v]) {
      erase_record(adj_[a.other], a.record);
      ++deleted_neighbours_[a.other];
    }
    adj_[v].clear();
  }

  ContractionHierarchy finish(const std::vector<std::uint32_t>& order, const std::vector<std::vector<DynArc>>& up) {
    ContractionHierarchy ch;
    ch.position_of.assign(n_, 0);
    ch.vertex_at.assign(n_, 0);
    for (std::size_t k = 0; k < order.size(); ++k) {
      const auto pos = static_cast<std::uint32_t>(n_ - 1 - k);
      ch.position_of[order[k]] = pos;
      ch.vertex_at[pos] = order[k];
    }
    ch.up_first.assign(n_ + 1, 0);
    for (std::uint32_t pos = 0; pos < n_; ++pos) {
      ch.up_first[pos + 1] = ch.up_first[pos] + static_cast<std::uint32_t>(up[ch.vertex_at[pos]].size());
    }
    ch.up.resize(ch.up_first[n_]);
    ch.up_record.resize(ch.up_first[n_]);
    for (std::uint32_t pos = 0; pos < n_; ++pos) {
      auto arcs = up[ch.vertex_at[pos]];
      for (auto& a : arcs) a.other = ch.position_of[a.other];
      // Higher-ranked heads first: the sweep of one-to-all reads them closer together.
      std::sort(arcs.begin(), arcs.end(), [](const DynArc& x, const DynArc& y) {
        return x.other < y.other || (x.other == y.other && x.record < y.record);
      });
      std::uint32_t k = ch.up_first[pos];
      for (const DynArc& a : arcs) {
        ch.up[k] = {a.length, a.other, a.passages};
        ch.up_record[k] = a.record;
        ++k;
      }
    }
    ch.records = std::move(records_);
    return ch;
  }

  std::size_t n_;
  std::vector<std::vector<DynArc>> adj_;  // arcs among uncontracted vertices
  std::vector<std::uint8_t> contracted_;
  std::vector<long> deleted_neighbours_;
  std::vector<ArcRecord> records_;
  // Witness-search scratch.
  std::vector<double> dist_;
  std::vector<std::uint32_t> stamp_;
  std::uint32_t cur_ = 0;
  int limit_ = 0;  // settle limit of the current witness searches
  std::vector<std::pair<double, std::uint32_t>> heap_;
  std::vector<Shortcut> shortcuts_;
  std::vector<PassageSet> masks_;
};

}  // namespace

ContractionHierarchy build_contraction_hierarchy(std::size_t n, std::span<const Segment> segments) {
  return Contractor(n, segments).run();
}

}  // namespace landbridge::sea::detail
