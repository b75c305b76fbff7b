// Network: the arcs checked once and indexed by tail and by head (compressed rows).
#include <fmt/format.h>

#include <cmath>

#include "bpr.h"
#include "landbridge/assign/problem.h"

namespace landbridge::assign {

namespace {

void check_arc(const Arc& a, std::size_t index, std::size_t vertices) {
  const auto where = [&] { return fmt::format("arc {} ({} -> {})", index, a.tail.get(), a.head.get()); };
  if (!a.tail.valid() || !a.head.valid() || a.tail.get() >= vertices || a.head.get() >= vertices)
    throw ProblemError(fmt::format("{}: an end outside the {} vertices", where(), vertices));
  if (!std::isfinite(a.free_time) || a.free_time < 0)
    throw ProblemError(fmt::format("{}: free time {} is not a finite number >= 0", where(), a.free_time));
  if (!std::isfinite(a.fixed_cost))
    throw ProblemError(fmt::format("{}: fixed cost {} is not finite", where(), a.fixed_cost));
  if (!std::isfinite(a.alpha) || a.alpha < 0)
    throw ProblemError(fmt::format("{}: alpha {} is not a finite number >= 0", where(), a.alpha));
  if (!std::isfinite(a.beta) || a.beta < 0)
    throw ProblemError(fmt::format("{}: beta {} is not a finite number >= 0", where(), a.beta));
  if (a.alpha > 0 && !(a.capacity > 0))
    throw ProblemError(fmt::format("{}: capacity {} must be > 0 where alpha > 0", where(), a.capacity));
}

// Offsets and arc lists of a compressed-row index keyed by `key(arc)`.
template <class Key>
void build_index(const std::vector<Arc>& arcs, std::size_t vertices, Key key,
                 std::vector<std::uint32_t>& start, std::vector<ArcId>& list) {
  start.assign(vertices + 1, 0);
  for (const Arc& a : arcs) ++start[key(a) + 1];
  for (std::size_t v = 0; v < vertices; ++v) start[v + 1] += start[v];
  list.assign(arcs.size(), ArcId{});
  std::vector<std::uint32_t> next(start.begin(), start.end() - 1);
  for (std::size_t i = 0; i < arcs.size(); ++i) list[next[key(arcs[i])]++] = ArcId::from(i);
}

}  // namespace

Network::Network(std::size_t vertices, std::size_t zones, std::size_t first_thru, std::vector<Arc> arcs)
    : vertices_(vertices), zones_(zones), first_thru_(first_thru), arcs_(std::move(arcs)) {
  if (zones > vertices)
    throw ProblemError(fmt::format("{} zones but only {} vertices", zones, vertices));
  if (vertices >= ArcId::kInvalid || arcs_.size() >= ArcId::kInvalid)
    throw ProblemError("network too large for 32-bit ids");
  for (std::size_t i = 0; i < arcs_.size(); ++i) check_arc(arcs_[i], i, vertices);
  build_index(arcs_, vertices, [](const Arc& a) { return a.tail.get(); }, out_start_, out_);
  build_index(arcs_, vertices, [](const Arc& a) { return a.head.get(); }, in_start_, in_);
}

std::span<const ArcId> Network::out_arcs(VertexId v) const {
  return {out_.data() + out_start_[v.get()], out_.data() + out_start_[v.get() + 1]};
}

std::span<const ArcId> Network::in_arcs(VertexId v) const {
  return {in_.data() + in_start_[v.get()], in_.data() + in_start_[v.get() + 1]};
}

double Network::cost(ArcId a, double v) const { return bpr::cost(arcs_[a.get()], v); }
double Network::cost_derivative(ArcId a, double v) const { return bpr::derivative(arcs_[a.get()], v); }
double Network::cost_integral(ArcId a, double v) const { return bpr::integral(arcs_[a.get()], v); }

}  // namespace landbridge::assign
