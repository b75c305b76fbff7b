#include "landbridge/freight/report.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace landbridge::freight {
namespace {

std::string_view kind_name(CapacityKind k) {
  switch (k) {
    case CapacityKind::none: return "none";
    case CapacityKind::soft: return "soft";
    case CapacityKind::hard: return "hard";
  }
  return "none";
}

double utilisation(const FreightArc& a, double flow) {
  return a.capacity_kind == CapacityKind::none ? 0.0 : flow / a.capacity;
}

// Flow of each service: its share of each link it rides (by slots), the busiest link's.
struct ServiceFlow {
  std::string id;
  double flow = 0, slots = 0;
  bool bound = false;  // some link it rides takes its slots as a capacity (feeders, ferries)
};
std::vector<ServiceFlow> service_flows(const FreightGraph& g, const FreightResult& r) {
  std::map<std::uint32_t, double> link_slots;
  for (const ServiceSlots& s : g.services)
    for (LinkId l : s.links) link_slots[l.get()] += s.capacity_teu * s.departures_per_week;
  std::vector<ServiceFlow> out;
  for (const ServiceSlots& s : g.services) {
    ServiceFlow f{s.id, 0, s.capacity_teu * s.departures_per_week};
    for (LinkId l : s.links) {
      f.bound = f.bound || g.arcs[g.link_arc[l.get()]].capacity_basis.rfind("service slots", 0) == 0;
      const double total = link_slots[l.get()];
      if (total <= 0 || f.slots <= 0) continue;
      f.flow = std::max(f.flow, r.flow[g.link_arc[l.get()]] * f.slots / total);
    }
    out.push_back(f);
  }
  return out;
}

}  // namespace

std::string arc_name(const LoadedNetwork& pkg, const FreightGraph& g, std::size_t arc) {
  const Network& net = pkg.network;
  const FreightArc& a = g.arcs[arc];
  switch (a.kind) {
    case ArcKind::link: return "link " + net.link_info(a.link).id;
    case ArcKind::operation: {
      const OperationInfo& op = net.operation(a.op);
      return net.node(op.node).code + " " + std::string(to_string(op.kind)) + " " + op.arrive.to_string(true) + " -> " +
             op.depart.to_string(false);
    }
    case ArcKind::transfer: return net.node(a.node).code + " transfer";
  }
  return "";
}

std::vector<Binding> binding_capacities(const LoadedNetwork& pkg, const FreightGraph& g, const FreightResult& r) {
  std::vector<Binding> out;
  for (std::size_t a = 0; a < g.arcs.size(); ++a) {
    if (g.arcs[a].capacity_kind != CapacityKind::hard || r.multiplier[a] <= 0) continue;
    Binding b;
    b.arc = a;
    b.name = arc_name(pkg, g, a);
    b.flow = r.flow[a];
    b.capacity = g.arcs[a].capacity;
    b.multiplier = r.multiplier[a];
    b.teu_per_unit = g.arcs[a].teu_per_unit;
    b.unit = g.arcs[a].unit;
    b.saving_per_unit = b.multiplier * b.teu_per_unit;
    b.resolved_saving = a < r.unit_saving.size() ? r.unit_saving[a] : std::numeric_limits<double>::quiet_NaN();
    out.push_back(std::move(b));
  }
  std::sort(out.begin(), out.end(), [](const Binding& x, const Binding& y) { return x.multiplier > y.multiplier; });
  return out;
}

std::vector<CorridorFlow> total_corridor_shares(const std::vector<OdResult>& ods) {
  std::map<std::string, double> teu;
  double total = 0;
  for (const OdResult& o : ods) {
    total += o.od.teu_per_week;
    for (const CorridorFlow& c : o.corridors) teu[c.corridor] += c.teu_per_week;
  }
  std::vector<CorridorFlow> out;
  for (const auto& [name, v] : teu) out.push_back({name, v, total > 0 ? v / total : 0});
  std::sort(out.begin(), out.end(), [](const CorridorFlow& a, const CorridorFlow& b) { return a.share > b.share; });
  return out;
}

nlohmann::json to_json(const LoadedNetwork& pkg, const FreightGraph& g, const FreightResult& r) {
  using nlohmann::json;
  const Network& net = pkg.network;
  json j;
  j["value_of_time_usd_per_teu_hour"] = g.vot;
  j["teu_per_box"] = g.teu_per_box;
  j["total_generalized_cost_usd_per_week"] = r.total_cost;
  j["relative_gap"] = r.relative_gap;
  j["iterations"] = r.inner_iterations;
  j["seconds"] = r.seconds;
  j["lagrange"] = {{"outer_iterations", r.outer_iterations},
                   {"converged", r.converged},
                   {"max_violation", r.max_violation},
                   {"max_slack", r.max_slack}};
  json ods = json::array();
  for (const OdResult& o : r.ods) {
    json c = json::array();
    for (const CorridorFlow& f : o.corridors)
      c.push_back({{"corridor", f.corridor}, {"teu_per_week", f.teu_per_week}, {"share", f.share}});
    ods.push_back({{"origin", net.node(o.od.origin).code},
                   {"destination", net.node(o.od.destination).code},
                   {"teu_per_week", o.od.teu_per_week},
                   {"commodity", io::to_string(o.od.commodity)},
                   {"cost_usd_per_teu", o.cost},
                   {"corridors", c}});
  }
  j["ods"] = ods;
  json tot = json::array();
  for (const CorridorFlow& f : total_corridor_shares(r.ods))
    tot.push_back({{"corridor", f.corridor}, {"teu_per_week", f.teu_per_week}, {"share", f.share}});
  j["corridor_shares"] = tot;
  json links = json::array(), ops = json::array();
  for (std::size_t a = 0; a < g.arcs.size(); ++a) {
    const FreightArc& x = g.arcs[a];
    if (x.kind == ArcKind::transfer) continue;
    if (r.flow[a] < 1e-6 && x.capacity_kind == CapacityKind::none) continue;
    json e = {{"flow_teu_week", r.flow[a]},
              {"capacity_teu_week", std::isfinite(x.capacity) ? nlohmann::json(x.capacity) : nlohmann::json(nullptr)},
              {"capacity_kind", kind_name(x.capacity_kind)},
              {"capacity_basis", x.capacity_basis},
              {"utilisation", utilisation(x, r.flow[a])},
              {"shadow_price_usd_per_teu", r.multiplier[a]},
              {"cost_usd_per_teu", r.cost[a]}};
    if (x.kind == ArcKind::link) {
      e["id"] = net.link_info(x.link).id;
      e["from"] = net.node(net.link_from(x.link)).code;
      e["to"] = net.node(net.link_to(x.link)).code;
      e["mode"] = to_string(net.link_carriage(x.link).mode);
      links.push_back(std::move(e));
    } else {
      const OperationInfo& op = net.operation(x.op);
      e["node"] = net.node(op.node).code;
      e["kind"] = to_string(op.kind);
      e["arrive"] = op.arrive.to_string(true);
      e["depart"] = op.depart.to_string(false);
      ops.push_back(std::move(e));
    }
  }
  j["links"] = links;
  j["operations"] = ops;
  json svc = json::array();
  for (const ServiceFlow& s : service_flows(g, r))
    if (s.slots > 0)
      svc.push_back({{"id", s.id},
                     {"flow_teu_week", s.flow},
                     {"slots_teu_week", s.slots},
                     {"utilisation", s.flow / s.slots},
                     {"slots_are_capacity", s.bound}});
  j["services"] = svc;
  json bind = json::array();
  for (const Binding& b : binding_capacities(pkg, g, r))
    bind.push_back({{"name", b.name},
                    {"flow_teu_week", b.flow},
                    {"capacity_teu_week", b.capacity},
                    {"shadow_price_usd_per_teu", b.multiplier},
                    {"unit", b.unit},
                    {"teu_week_per_unit", b.teu_per_unit},
                    {"saving_usd_week_per_unit_first_order", b.saving_per_unit},
                    {"saving_usd_week_per_unit_resolved", std::isfinite(b.resolved_saving) ? nlohmann::json(b.resolved_saving)
                                                                                            : nlohmann::json(nullptr)}});
  j["binding"] = bind;
  return j;
}

void write_text(const LoadedNetwork& pkg, const FreightGraph& g, const FreightResult& r, std::ostream& out) {
  const Network& net = pkg.network;
  out << fmt::format("equilibrium: relative gap {:.2e}, {} iterations in {} Lagrange rounds ({}), {:.2f} s\n",
                     r.relative_gap, r.inner_iterations, r.outer_iterations,
                     r.converged ? "capacities held" : fmt::format("not converged: max violation {:.1f}%, slack {:.1f}%",
                                                                  100 * r.max_violation, 100 * r.max_slack),
                     r.seconds);
  out << fmt::format("value of time {:.2f} USD/TEU-h (demand-weighted), total generalized cost {:.0f} USD/week\n\n", g.vot,
                     r.total_cost);
  out << "corridor shares per OD\n";
  for (const OdResult& o : r.ods) {
    out << fmt::format("  {} -> {}  {:.0f} TEU/week, {:.0f} USD/TEU\n", net.node(o.od.origin).code,
                       net.node(o.od.destination).code, o.od.teu_per_week, o.cost);
    for (const CorridorFlow& c : o.corridors)
      out << fmt::format("      {:5.1f}%  {:8.0f} TEU/week  {}\n", 100 * c.share, c.teu_per_week, c.corridor);
  }
  out << "all demand\n";
  for (const CorridorFlow& c : total_corridor_shares(r.ods))
    out << fmt::format("      {:5.1f}%  {:8.0f} TEU/week  {}\n", 100 * c.share, c.teu_per_week, c.corridor);
  out << "\nutilisation of capacity-bound arcs (flow > 0)\n";
  std::vector<std::size_t> idx;
  for (std::size_t a = 0; a < g.arcs.size(); ++a)
    if (g.arcs[a].capacity_kind != CapacityKind::none && r.flow[a] > 1e-6) idx.push_back(a);
  std::sort(idx.begin(), idx.end(), [&](std::size_t x, std::size_t y) {
    return r.flow[x] / g.arcs[x].capacity > r.flow[y] / g.arcs[y].capacity;
  });
  for (std::size_t a : idx)
    out << fmt::format("  {:6.1f}%  {:8.0f} / {:8.0f} TEU/week  {} ({}, {})\n", 100 * r.flow[a] / g.arcs[a].capacity,
                       r.flow[a], g.arcs[a].capacity, arc_name(pkg, g, a), kind_name(g.arcs[a].capacity_kind),
                       g.arcs[a].capacity_basis);
  out << "\nshadow prices of binding capacities\n";
  const auto bind = binding_capacities(pkg, g, r);
  if (bind.empty()) out << "  none: no hard capacity binds\n";
  for (const Binding& b : bind) {
    out << fmt::format("  {:8.0f} USD/TEU  {}", b.multiplier, b.name);
    if (b.teu_per_unit > 0 && std::isfinite(b.resolved_saving))
      out << fmt::format(": one more {} (+{:.0f} TEU/week) saves {:.0f} USD per week (re-solved; first order {:.0f})",
                         b.unit, b.teu_per_unit, b.resolved_saving, b.saving_per_unit);
    else if (b.teu_per_unit > 0)
      out << fmt::format(": one more {} (+{:.0f} TEU/week) saves about {:.0f} USD per week (first order)", b.unit,
                         b.teu_per_unit, b.saving_per_unit);
    out << "\n";
  }
}

}  // namespace landbridge::freight
