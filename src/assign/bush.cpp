// Algorithm B: the bushes themselves (building, improving, ordering) and the outer iteration.
// The flow shifts are in bush_equalize.cpp, shortest paths and measures in bush_paths.cpp.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "bpr.h"
#include "bush.h"

namespace landbridge::assign::bush {

namespace {
constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
constexpr double kInf = std::numeric_limits<double>::infinity();
}  // namespace

ArcCosts::ArcCosts(const Network& net, Objective objective)
    : net_(&net), objective_(objective), cost_(net.arc_count()), slope_(net.arc_count()) {
  for (std::uint32_t a = 0; a < net.arc_count(); ++a) refresh(a, 0);
}

void ArcCosts::refresh(std::uint32_t a, long double flow) {
  const double v = flow > 0 ? static_cast<double>(flow) : 0.0;
  const Arc& arc = net_->arc(ArcId(a));
  const double c = bpr::cost(arc, v), d = bpr::derivative(arc, v);
  if (objective_ == Objective::user_equilibrium) {
    cost_[a] = c;
    slope_[a] = d;
  } else {
    cost_[a] = c + v * d;  // the marginal cost, as State::routing_cost
    slope_[a] = 2 * d + v * bpr::second_derivative(arc, v);
  }
}

Solver::Solver(const Network& net, const Demand& demand, Objective objective)
    : net_(net), demand_(demand), costs_(net, objective) {
  const std::size_t n = net.vertex_count(), m = net.arc_count();
  tail_.resize(m);
  head_.resize(m);
  for (std::uint32_t a = 0; a < m; ++a) {
    tail_[a] = net.arc(ArcId(a)).tail.get();
    head_[a] = net.arc(ArcId(a)).head.get();
  }
  total_.assign(m, 0);
  min_label_.assign(n, kInf);
  max_label_.assign(n, -kInf);
  min_pred_.assign(n, kNone);
  max_pred_.assign(n, kNone);
  position_.assign(n, kNone);
  indegree_.assign(n, 0);
}

void Solver::initialise() {
  bushes_.clear();
  loaded_ = 0;
  for (std::uint32_t o = 0; o < demand_.zone_count(); ++o) {
    bool loads = false;
    for (const auto& e : demand_.from(VertexId(o))) loads = loads || (e.volume > 0 && e.destination.get() != o);
    if (!loads) continue;
    Bush& b = bushes_.emplace_back();
    b.origin = o;
    long double demand = 0;
    for (const auto& e : demand_.from(VertexId(o))) demand += e.destination.get() != o ? e.volume : 0;
    b.tiny = 1e-15L * demand;
    loaded_ += demand;
    b.flow.assign(net_.arc_count(), 0);
    b.member.assign(net_.arc_count(), 0);
    build_tree(b);
  }
}

// The shortest-path tree from the origin at the current costs becomes the bush, and the
// origin's demand is loaded on it.
void Solver::build_tree(Bush& b) {
  shortest_tree(b.origin, &b.order);
  for (std::uint32_t v : b.order)
    if (v != b.origin) b.member[min_pred_[v]] = 1;
  for (const auto& e : demand_.from(VertexId(b.origin))) {
    const std::uint32_t d = e.destination.get();
    if (d == b.origin || e.volume <= 0) continue;
    if (min_pred_[d] == kNone)
      throw ProblemError(fmt::format("no path from zone {} to zone {} (vertex numbers from 0) for a demand of {}",
                                     b.origin, d, e.volume));
    for (std::uint32_t v = d; v != b.origin; v = tail_[min_pred_[v]]) move(b, min_pred_[v], e.volume);
  }
}

void Solver::iterate() {
  excess_ = 0;
  for (Bush& b : bushes_) {
    improve(b);
    for (int s = 0; s < sweeps_; ++s) {
      const long double worst = equalize(b);
      if (s == 0) excess_ += excess(b);
      if (worst <= threshold_) break;
    }
  }
  // The next iteration's sweeps stop at a tenth of this one's average in-bush excess.
  threshold_ = loaded_ > 0 ? 0.1L * excess_ / loaded_ : 0;
}

bool Solver::blocked(std::uint32_t v, std::uint32_t origin) const {
  return v < net_.first_thru() && v != origin;
}

// Drops the arcs without flow that are not on the bush's shortest-path tree, then adds the arcs
// that shorten a path (see bush.h: forward shortcuts first, else longest-path ones).
void Solver::improve(Bush& b) {
  shortest_labels(b);
  for (std::uint32_t v : b.order)
    for (ArcId id : net_.in_arcs(VertexId(v))) {
      const std::uint32_t a = id.get();
      if (b.member[a] && b.flow[a] <= b.tiny && min_pred_[v] != a) {
        if (b.flow[a] != 0) move(b, a, -b.flow[a]);
        b.member[a] = 0;
      }
    }
  // First the arcs that shorten the shortest path to their head and go forward in the bush's
  // topological order: the order stays valid.
  std::fill(position_.begin(), position_.end(), kNone);
  for (std::uint32_t k = 0; k < b.order.size(); ++k) position_[b.order[k]] = k;
  bool added = false;
  for (std::uint32_t a = 0; a < tail_.size(); ++a) {
    if (b.member[a]) continue;
    const std::uint32_t i = tail_[a], j = head_[a];
    if (position_[i] == kNone || position_[j] == kNone || position_[i] > position_[j] || blocked(i, b.origin)) continue;
    if (min_label_[i] + costs_.cost(a) < min_label_[j]) {
      b.member[a] = 1;
      added = true;
    }
  }
  if (added) return;
  // Else the arcs that shorten the longest path to their head, longest over every arc left,
  // used or not: the potential the new arcs respect (bush.h). The order is rebuilt.
  std::fill(max_label_.begin(), max_label_.end(), -kInf);
  for (std::uint32_t v : b.order) {
    double best = v == b.origin ? 0.0 : -kInf;
    for (ArcId id : net_.in_arcs(VertexId(v))) {
      const std::uint32_t a = id.get();
      if (b.member[a]) best = std::max(best, max_label_[tail_[a]] + costs_.cost(a));
    }
    max_label_[v] = best;
  }
  for (std::uint32_t a = 0; a < tail_.size(); ++a) {
    if (b.member[a]) continue;
    const std::uint32_t i = tail_[a], j = head_[a];
    if (j == b.origin || blocked(i, b.origin)) continue;
    if (max_label_[i] == -kInf || max_label_[j] == -kInf) continue;
    if (max_label_[i] + costs_.cost(a) < max_label_[j]) {
      b.member[a] = 1;
      added = true;
    }
  }
  if (added) sort_topologically(b);
}

// Kahn's algorithm over the bush's arcs; the vertex set does not change.
void Solver::sort_topologically(Bush& b) {
  for (std::uint32_t v : b.order)
    for (ArcId id : net_.out_arcs(VertexId(v)))
      if (b.member[id.get()]) ++indegree_[head_[id.get()]];
  const std::size_t count = b.order.size();
  b.order.clear();
  stack_.clear();
  stack_.push_back(b.origin);
  while (!stack_.empty()) {
    const std::uint32_t v = stack_.back();
    stack_.pop_back();
    b.order.push_back(v);
    for (ArcId id : net_.out_arcs(VertexId(v)))
      if (b.member[id.get()] && --indegree_[head_[id.get()]] == 0) stack_.push_back(head_[id.get()]);
  }
  if (b.order.size() != count)
    throw std::logic_error("assign: the bush of zone " + std::to_string(b.origin + 1) + " has a cycle");
}

void Solver::flows(std::vector<double>* out) const {
  out->resize(total_.size());
  for (std::size_t a = 0; a < total_.size(); ++a) (*out)[a] = total_[a] > 0 ? static_cast<double>(total_[a]) : 0.0;
}

}  // namespace landbridge::assign::bush
