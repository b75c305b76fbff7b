#include "state.h"

#include <fmt/format.h>

#include <cmath>

namespace landbridge::assign {

State::State(const Network& n, const Demand& d, Objective o)
    : net(n),
      demand(d),
      objective(o),
      flow(n.arc_count(), 0.0),
      cost(n.arc_count(), 0.0),
      target(n.arc_count(), 0.0),
      paths(n),
      pending_(n.vertex_count(), 0.0) {
  if (d.zone_count() > n.zone_count())
    throw ProblemError(fmt::format("the demand has {} zones, the network only {}", d.zone_count(),
                                   n.zone_count()));
  loaded_demand = d.total() - d.intrazonal();
}

void State::refresh_costs() {
  for (std::size_t i = 0; i < flow.size(); ++i) cost[i] = routing_cost(ArcId::from(i), flow[i]);
}

long double State::load_all_or_nothing(const std::vector<double>& costs, std::vector<double>* out) {
  if (out) std::fill(out->begin(), out->end(), 0.0);
  long double sptt = 0;
  for (std::size_t o = 0; o < demand.zone_count(); ++o) {
    const VertexId origin = VertexId::from(o);
    destinations_.clear();
    for (const Demand::Entry& e : demand.from(origin))
      if (e.destination != origin) destinations_.push_back(e.destination);
    if (destinations_.empty()) continue;
    paths.grow(origin, costs, destinations_);
    for (const Demand::Entry& e : demand.from(origin)) {
      if (e.destination == origin) continue;  // intrazonal: reported, never loaded
      if (!paths.reached(e.destination))
        throw ProblemError(fmt::format("no path from zone {} to zone {} (vertex numbers from 0) for a "
                                       "demand of {}", o, e.destination.get(), e.volume));
      pending_[e.destination.get()] += e.volume;
      sptt += static_cast<long double>(e.volume) * paths.distance(e.destination);
    }
    if (!out) {
      for (const Demand::Entry& e : demand.from(origin)) pending_[e.destination.get()] = 0;
      continue;
    }
    // Farthest first: each vertex passes what waits at it to the tail of its tree arc.
    const auto order = paths.order();
    for (std::size_t i = order.size(); i-- > 1;) {
      const std::uint32_t v = order[i].get();
      const double q = pending_[v];
      if (q == 0) continue;
      pending_[v] = 0;
      const ArcId a = paths.pred(order[i]);
      (*out)[a.get()] += q;
      pending_[net.arc(a).tail.get()] += q;
    }
    pending_[o] = 0;
  }
  return sptt;
}

Measure State::measure(bool with_target) {
  refresh_costs();
  Measure m;
  m.sptt = load_all_or_nothing(cost, with_target ? &target : nullptr);
  for (std::size_t i = 0; i < flow.size(); ++i) {
    const ArcId a = ArcId::from(i);
    const double v = flow[i];
    m.tstt += static_cast<long double>(v) * cost[i];
    if (objective == Objective::user_equilibrium)
      m.objective += net.cost_integral(a, v);
    else
      m.objective += static_cast<long double>(v) * net.cost(a, v);
  }
  const long double excess = m.tstt - m.sptt;
  m.relative_gap = m.tstt > 0 ? static_cast<double>(excess / m.tstt) : 0.0;
  m.average_excess_cost = loaded_demand > 0 ? static_cast<double>(excess / loaded_demand) : 0.0;
  return m;
}

}  // namespace landbridge::assign
