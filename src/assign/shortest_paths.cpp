#include "shortest_paths.h"

#include <algorithm>
#include <limits>

namespace landbridge::assign {

ShortestPaths::ShortestPaths(const Network& net)
    : net_(net),
      dist_(net.vertex_count(), std::numeric_limits<double>::infinity()),
      pred_(net.vertex_count()),
      stamp_(net.vertex_count(), 0),
      settled_(net.vertex_count(), 0),
      wanted_(net.vertex_count(), 0) {
  order_.reserve(net.vertex_count());
  heap_.reserve(net.arc_count() + 1);
  first_out_.reserve(net.vertex_count() + 1);
  out_head_.reserve(net.arc_count());
  out_arc_.reserve(net.arc_count());
  for (std::size_t v = 0; v < net.vertex_count(); ++v) {
    first_out_.push_back(static_cast<std::uint32_t>(out_arc_.size()));
    for (ArcId a : net.out_arcs(VertexId::from(v))) {
      out_head_.push_back(net.arc(a).head.get());
      out_arc_.push_back(a.get());
    }
  }
  first_out_.push_back(static_cast<std::uint32_t>(out_arc_.size()));
}

// A lazy binary heap: a vertex may sit in it several times, stale entries are skipped on pop.
void ShortestPaths::push(double key, std::uint32_t v) {
  heap_.push_back({key, v});
  std::size_t i = heap_.size() - 1;
  while (i > 0) {
    const std::size_t parent = (i - 1) / 2;
    if (heap_[parent].key <= key) break;
    heap_[i] = heap_[parent];
    i = parent;
  }
  heap_[i] = {key, v};
}

ShortestPaths::Entry ShortestPaths::pop() {
  const Entry top = heap_.front();
  const Entry last = heap_.back();
  heap_.pop_back();
  const std::size_t n = heap_.size();
  if (n == 0) return top;
  std::size_t i = 0;
  for (;;) {
    std::size_t child = 2 * i + 1;
    if (child >= n) break;
    if (child + 1 < n && heap_[child + 1].key < heap_[child].key) ++child;
    if (heap_[child].key >= last.key) break;
    heap_[i] = heap_[child];
    i = child;
  }
  heap_[i] = last;
  return top;
}

void ShortestPaths::grow(VertexId origin, std::span<const double> cost, std::span<const VertexId> targets) {
  if (++round_ == 0) {  // the stamps wrapped around: start them again
    std::fill(stamp_.begin(), stamp_.end(), 0);
    std::fill(settled_.begin(), settled_.end(), 0);
    round_ = 1;
  }
  order_.clear();
  heap_.clear();
  std::size_t remaining = 0;
  for (VertexId t : targets)
    if (!wanted_[t.get()]) {
      wanted_[t.get()] = 1;
      ++remaining;
    }
  const bool all = targets.empty();
  const std::size_t centroids = std::min(net_.first_thru(), net_.zone_count());
  const std::uint32_t o = origin.get();
  stamp_[o] = round_;
  dist_[o] = 0;
  pred_[o] = ArcId{};
  push(0, o);
  while (!heap_.empty()) {
    const Entry e = pop();
    const std::uint32_t u = e.vertex;
    if (settled_[u] == round_ || e.key > dist_[u]) continue;
    settled_[u] = round_;
    order_.push_back(VertexId(u));
    if (wanted_[u]) {
      wanted_[u] = 0;
      if (--remaining == 0 && !all) break;
    }
    if (u != o && u < centroids) continue;  // a centroid: a path ends here, never passes
    for (std::uint32_t k = first_out_[u], end = first_out_[u + 1]; k < end; ++k) {
      const std::uint32_t h = out_head_[k];
      const double d = e.key + cost[out_arc_[k]];
      if (stamp_[h] != round_) {
        stamp_[h] = round_;
      } else if (d >= dist_[h]) {
        continue;  // also skips settled vertices: their label is final and no larger
      }
      dist_[h] = d;
      pred_[h] = ArcId(out_arc_[k]);
      push(d, h);
    }
  }
  // Targets never reached keep no mark for the next origin.
  for (VertexId t : targets) wanted_[t.get()] = 0;
}

}  // namespace landbridge::assign
