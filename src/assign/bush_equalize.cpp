// Algorithm B's flow shifts inside one bush: labels in topological order, then a Newton step
// between the longest used and the shortest path to each vertex, in reverse order.
#include <algorithm>
#include <cmath>
#include <limits>

#include "bush.h"

namespace landbridge::assign::bush {

namespace {
constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
constexpr double kInf = std::numeric_limits<double>::infinity();
}  // namespace

// Shortest path labels over all the bush's arcs, with the arc each one comes by.
void Solver::shortest_labels(const Bush& b) {
  for (std::uint32_t v : b.order) {
    double best = v == b.origin ? 0.0 : kInf;
    std::uint32_t pred = kNone;
    for (ArcId id : net_.in_arcs(VertexId(v))) {
      const std::uint32_t a = id.get();
      if (!b.member[a]) continue;
      const double l = min_label_[tail_[a]] + costs_.cost(a);
      if (l < best) {
        best = l;
        pred = a;
      }
    }
    min_label_[v] = best;
    min_pred_[v] = pred;
  }
}

// Shortest labels as above, and longest labels over the arcs that carry flow (-inf and no
// predecessor where no flow arrives). position_ holds each vertex's place in the order.
void Solver::used_labels(const Bush& b) {
  std::uint32_t k = 0;
  for (std::uint32_t v : b.order) {
    position_[v] = k++;
    double lo = v == b.origin ? 0.0 : kInf, hi = v == b.origin ? 0.0 : -kInf;
    std::uint32_t lo_pred = kNone, hi_pred = kNone;
    for (ArcId id : net_.in_arcs(VertexId(v))) {
      const std::uint32_t a = id.get();
      if (!b.member[a]) continue;
      const std::uint32_t t = tail_[a];
      const double c = costs_.cost(a);
      if (min_label_[t] + c < lo) {
        lo = min_label_[t] + c;
        lo_pred = a;
      }
      if (b.flow[a] > b.tiny && max_label_[t] + c > hi) {
        hi = max_label_[t] + c;
        hi_pred = a;
      }
    }
    min_label_[v] = lo;
    min_pred_[v] = lo_pred;
    max_label_[v] = hi;
    max_pred_[v] = hi_pred;
  }
}

// One sweep; returns the largest difference between the longest used and the shortest path
// cost to a vertex, as the labels saw it before the sweep.
long double Solver::equalize(Bush& b) {
  used_labels(b);
  long double worst = 0;
  for (std::size_t k = b.order.size(); k-- > 1;) {
    const std::uint32_t j = b.order[k];
    if (max_pred_[j] == kNone) continue;
    const long double excess = static_cast<long double>(max_label_[j]) - min_label_[j];
    worst = std::max(worst, excess);
    if (excess > 0) shift_at(b, j);
  }
  return worst;
}

long double Solver::excess(const Bush& b) const {
  long double sum = 0;
  for (const auto& e : demand_.from(VertexId(b.origin))) {
    const std::uint32_t d = e.destination.get();
    if (d != b.origin && max_pred_[d] != kNone) sum += e.volume * (static_cast<long double>(max_label_[d]) - min_label_[d]);
  }
  return sum;
}

// Moves flow at vertex j from the longest used path to the shortest one, over the segments
// after their last common vertex. Costs are summed afresh: shifts made earlier in the sweep
// have changed them since the labels were set. Returns the flow moved.
long double Solver::shift_at(Bush& b, std::uint32_t j) {
  if (min_pred_[j] == max_pred_[j]) return 0;
  std::uint32_t p = tail_[min_pred_[j]], q = tail_[max_pred_[j]];
  while (p != q) {
    if (position_[p] > position_[q])
      p = tail_[min_pred_[p]];
    else
      q = tail_[max_pred_[q]];
  }
  const std::uint32_t fork = p;
  long double short_cost = 0, long_cost = 0, room = std::numeric_limits<long double>::infinity();
  double slope = 0;
  for (std::uint32_t v = j; v != fork; v = tail_[min_pred_[v]]) {
    short_cost += costs_.cost(min_pred_[v]);
    slope += costs_.derivative(min_pred_[v]);
  }
  for (std::uint32_t v = j; v != fork; v = tail_[max_pred_[v]]) {
    const std::uint32_t a = max_pred_[v];
    long_cost += costs_.cost(a);
    slope += costs_.derivative(a);
    room = std::min(room, b.flow[a]);
  }
  const long double gain = long_cost - short_cost;
  if (gain <= 0 || room <= 0) return 0;
  long double dx = slope > 0 && std::isfinite(slope) ? gain / slope : room;
  if (dx > room) dx = room;
  for (std::uint32_t v = j; v != fork; v = tail_[min_pred_[v]]) move(b, min_pred_[v], dx);
  for (std::uint32_t v = j; v != fork; v = tail_[max_pred_[v]]) move(b, max_pred_[v], -dx);
  return dx;
}

void Solver::move(Bush& b, std::uint32_t a, long double dx) {
  b.flow[a] += dx;
  if (b.flow[a] < 0) b.flow[a] = 0;  // the bottleneck arc: the whole flow there has moved
  total_[a] += dx;
  costs_.refresh(a, total_[a]);
}

}  // namespace landbridge::assign::bush
