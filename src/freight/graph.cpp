#include "landbridge/freight/graph.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <map>

#include "landbridge/route/locate.h"

namespace landbridge::freight {
namespace {

constexpr std::uint32_t kNone = UINT32_MAX;

double hours(Minutes m) { return static_cast<double>(m.value()) / 60.0; }

double departures_per_week(const timetable::Service& s) {
  using timetable::PatternKind;
  switch (s.pattern.kind) {
    case PatternKind::weekly: return std::popcount(static_cast<unsigned>(s.pattern.weekdays));
    case PatternKind::every_n_days: return s.pattern.every_days > 0 ? 7.0 / s.pattern.every_days : 0.0;
    case PatternKind::when_full:
      return s.pattern.headway.mean.value() > 0 ? 7.0 * 1440.0 / s.pattern.headway.mean.value() : 0.0;
  }
  return 0;
}

std::string fmt_num(double v) {
  char buf[32];
  if (std::fabs(v - std::round(v)) < 1e-9) std::snprintf(buf, sizeof buf, "%.0f", v);
  else std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

// The operation of a node whose capacity the assignment enforces: a gauge change if the node
// has one (per direction), else its handling.
bool capacity_candidate(const Network& net, OperationId o) {
  const OperationInfo& op = net.operation(o);
  if (op.kind == OperationKind::gauge_change) return true;
  if (op.kind != OperationKind::handling) return false;
  for (OperationId p : net.operations().keys())
    if (net.operation(p).node == op.node && net.operation(p).kind == OperationKind::gauge_change) return false;
  return true;
}

}  // namespace

double default_vot(io::Commodity c) {
  switch (c) {
    case io::Commodity::general: return 1.5;     // F-V1
    case io::Commodity::high_value: return 8.0;  // F-V2
    case io::Commodity::reefer: return 3.0;      // F-V3
  }
  return 1.5;
}

std::vector<OdDemand> resolve_demand(const Network& net, const io::DemandTable& table,
                                     const place::PlaceSource& places) {
  Diagnostics diags;
  std::vector<OdDemand> out;
  for (const io::DemandRow& r : table.rows) {
    OdDemand od;
    od.teu_per_week = r.teu_per_week;
    od.teu_per_box = io::teu_per_box(r.equipment);
    od.commodity = r.commodity;
    od.line = r.line;
    bool ok = true;
    const auto end = [&](const std::string& text, const char* field, NodeId& node) {
      try {
        const place::Resolved p = place::resolve(net, places, text, 50.0);
        if (p.node) {
          node = *p.node;
          return;
        }
        diags.add(table.file, r.line, field, text,
                  "a place that is not a node of the network; expected a node (the assignment runs between nodes)");
      } catch (const route::LocateError& e) {
        diags.add(table.file, r.line, field, text, e.what());
      }
      ok = false;
    };
    end(r.origin, "origin", od.origin);
    end(r.destination, "destination", od.destination);
    if (ok && od.origin == od.destination) {
      diags.add(table.file, r.line, "destination", r.destination, "the same node as the origin; expected another");
      ok = false;
    }
    if (ok) out.push_back(od);
  }
  diags.throw_if_any();
  return out;
}

std::uint32_t FreightGraph::zone_of(NodeId n) const {
  for (std::size_t i = 0; i < zones.size(); ++i)
    if (zones[i] == n) return static_cast<std::uint32_t>(i);
  return kNone;
}

double FreightGraph::cost(std::size_t a, double v) const {
  const FreightArc& x = arcs[a];
  double c = x.money + vot * x.hours;
  if (x.capacity_kind != CapacityKind::none && bpr_alpha > 0 && v > 0)
    c += vot * x.hours * bpr_alpha * std::pow(v / x.capacity, bpr_beta);
  return c;
}

assign::Network FreightGraph::network(std::span<const double> toll) const {
  std::vector<assign::Arc> out;
  out.reserve(arcs.size());
  for (std::size_t i = 0; i < arcs.size(); ++i) {
    const FreightArc& x = arcs[i];
    assign::Arc a;
    a.tail = assign::VertexId(x.tail);
    a.head = assign::VertexId(x.head);
    a.free_time = vot * x.hours;
    a.fixed_cost = x.money + (toll.empty() ? 0.0 : toll[i]);
    const bool congested = x.capacity_kind != CapacityKind::none && a.free_time > 0 && bpr_alpha > 0;
    a.alpha = congested ? bpr_alpha : 0.0;
    a.beta = bpr_beta;
    a.capacity = congested ? x.capacity : 1.0;
    out.push_back(a);
  }
  return assign::Network(vertex_count, zones.size(), zones.size(), std::move(out));
}

assign::Demand FreightGraph::demand(std::span<const OdDemand> ods) const {
  assign::Demand d(zones.size());
  for (const OdDemand& od : ods)
    d.add(assign::VertexId(zone_of(od.origin)), assign::VertexId(zone_of(od.destination)), od.teu_per_week);
  return d;
}

FreightGraph build_graph(const LoadedNetwork& pkg, std::span<const timetable::Service> services,
                         std::span<const OdDemand> demand, const Settings& settings) {
  const Network& net = pkg.network;
  FreightGraph g;
  g.bpr_alpha = settings.bpr_alpha;
  g.bpr_beta = settings.bpr_beta;

  // Settings must name what the package has.
  for (const auto& [code, _] : settings.nodes)
    if (!net.find_node(code)) throw RequestError("setting node." + code + ": no node with this code in the package");
  for (const auto& [id, _] : settings.links)
    if (!net.find_link(id)) throw RequestError("setting link." + id + ": no link with this id in the package");
  for (const auto& entry : settings.services) {
    const std::string& id = entry.first;  // a named copy: clang 14 cannot capture a structured binding
    if (std::none_of(services.begin(), services.end(), [&](const timetable::Service& s) { return s.id == id; }))
      throw RequestError("setting service." + id + ": no service with this id in the package");
  }

  // Value of time and box size: weighted by TEU over the demand.
  double teu = 0, vot_sum = 0, boxes = 0;
  for (const OdDemand& od : demand) {
    const auto it = settings.vot.find(io::to_string(od.commodity));
    const double v = it != settings.vot.end() ? it->second : default_vot(od.commodity);
    teu += od.teu_per_week;
    vot_sum += v * od.teu_per_week;
    boxes += od.teu_per_week / od.teu_per_box;
  }
  g.vot = teu > 0 ? vot_sum / teu : default_vot(io::Commodity::general);
  g.teu_per_box = boxes > 0 ? teu / boxes : 1.0;

  // Zones.
  for (const OdDemand& od : demand)
    for (NodeId n : {od.origin, od.destination})
      if (std::find(g.zones.begin(), g.zones.end(), n) == g.zones.end()) g.zones.push_back(n);
  std::uint32_t next = static_cast<std::uint32_t>(g.zones.size());

  // Carriage vertices per node.
  std::vector<std::map<std::uint8_t, std::uint32_t>> arrived(net.node_count()), departs(net.node_count());
  for (LinkId l = LinkId(0); l.get() < net.link_count(); l = LinkId(l.get() + 1)) {
    const std::uint8_t c = net.link_carriage(l).code();
    auto& d = departs[net.link_from(l).get()];
    if (!d.contains(c)) d[c] = next++;
    auto& a = arrived[net.link_to(l).get()];
    if (!a.contains(c)) a[c] = next++;
  }

  // Service slots per link.
  std::vector<double> slots(net.link_count(), 0.0);
  std::vector<std::string> first_service(net.link_count());
  std::vector<double> first_service_teu(net.link_count(), 0.0);
  for (const timetable::Service& s : services) {
    ServiceSlots ss;
    ss.id = s.id;
    ss.departures_per_week = departures_per_week(s);
    ss.capacity_teu = s.capacity_teu;
    if (const auto it = settings.services.find(s.id); it != settings.services.end()) {
      if (it->second.departures_per_week >= 0) ss.departures_per_week = it->second.departures_per_week;
      if (it->second.capacity_teu >= 0) ss.capacity_teu = it->second.capacity_teu;
    }
    for (const timetable::Call& c : s.calls)
      if (c.link.valid()) ss.links.push_back(c.link);
    if (ss.capacity_teu > 0)
      for (LinkId l : ss.links) {
        slots[l.get()] += ss.capacity_teu * ss.departures_per_week;
        if (first_service[l.get()].empty()) {
          first_service[l.get()] = s.id;
          first_service_teu[l.get()] = ss.capacity_teu;
        }
      }
    g.services.push_back(std::move(ss));
  }

  // Link arcs.
  g.link_arc.assign(net.link_count(), kNone);
  for (LinkId l = LinkId(0); l.get() < net.link_count(); l = LinkId(l.get() + 1)) {
    const Carriage car = net.link_carriage(l);
    FreightArc a;
    a.kind = ArcKind::link;
    a.link = l;
    a.tail = departs[net.link_from(l).get()].at(car.code());
    a.head = arrived[net.link_to(l).get()].at(car.code());
    a.hours = hours(net.link_duration(l));
    a.money = to_usd(net.link_cost_teu(l));
    const std::string& id = net.link_info(l).id;
    const auto set = settings.links.find(id);
    if (set != settings.links.end() && set->second.capacity_teu_day >= 0) {
      a.capacity = set->second.capacity_teu_day * 7;
      a.capacity_kind = CapacityKind::hard;
      a.capacity_basis = "setting link." + id + ".capacity_teu_day = " + fmt_num(set->second.capacity_teu_day);
    } else if (set != settings.links.end() && set->second.train_paths_per_day >= 0) {
      a.capacity = set->second.train_paths_per_day * settings.train_teu * 7;
      a.capacity_kind = CapacityKind::hard;
      a.capacity_basis = fmt_num(set->second.train_paths_per_day) + " train paths a day x " + fmt_num(settings.train_teu) + " TEU";
      a.teu_per_unit = settings.train_teu * 7;
      a.unit = "daily train path";
    } else if (net.link_info(l).capacity_teu_per_day > 0) {
      a.capacity = net.link_info(l).capacity_teu_per_day * 7;
      a.capacity_kind = CapacityKind::hard;
      a.capacity_basis = "links.csv capacity_teu_day " + fmt_num(net.link_info(l).capacity_teu_per_day);
    } else if (slots[l.get()] > 0 && (car.mode == Mode::feeder || car.mode == Mode::ferry)) {
      a.capacity = slots[l.get()];
      a.capacity_kind = CapacityKind::hard;
      a.capacity_basis = "service slots " + fmt_num(slots[l.get()]) + " TEU/week";
      a.teu_per_unit = first_service_teu[l.get()];
      a.unit = "weekly departure of " + first_service[l.get()];
    }
    if (a.capacity <= 0) {  // a link closed by a setting: keep it, at an unreachable capacity
      a.capacity = 1e-9;
    }
    g.link_arc[l.get()] = static_cast<std::uint32_t>(g.arcs.size());
    g.arcs.push_back(std::move(a));
  }

  // Capacity of each operation (TEU per week; 0: none).
  std::vector<FreightArc> op_arc(net.operation_count());
  std::vector<bool> op_bound(net.operation_count(), false);
  for (OperationId o : net.operations().keys()) {
    const OperationInfo& op = net.operation(o);
    FreightArc a;
    a.kind = ArcKind::operation;
    a.node = op.node;
    a.op = o;
    a.hours = hours(op.duration.value);
    a.money = to_usd(op.cost_teu.value);
    const std::string& code = net.node(op.node).code;
    const auto set = settings.nodes.find(code);
    const NodeCapacity none;
    const NodeCapacity& s = set != settings.nodes.end() && capacity_candidate(net, o) ? set->second : none;
    const double cranes = s.cranes >= 0 ? s.cranes : op.cranes;
    const double moves = s.moves_per_hour >= 0 ? s.moves_per_hour : op.moves_per_hour;
    const double hpd = s.hours_per_day >= 0 ? s.hours_per_day : settings.default_hours_per_day;
    if (s.cranes > 0 && moves <= 0 && s.capacity_teu_day < 0)
      throw RequestError("setting node." + code + ".cranes: the package states no crane productivity there; also set node." +
                         code + ".moves_per_hour");
    if (s.capacity_teu_day >= 0) {
      a.capacity = s.capacity_teu_day * 7;
      a.capacity_basis = "setting node." + code + ".capacity_teu_day = " + fmt_num(s.capacity_teu_day);
    } else if (cranes > 0 && moves > 0) {
      a.capacity = cranes * moves * hpd * 7 * g.teu_per_box;
      a.capacity_basis = fmt_num(cranes) + " cranes x " + fmt_num(moves) + " moves/h x " + fmt_num(hpd) +
                         " h/day x 7 x " + fmt_num(std::round(g.teu_per_box * 100) / 100) + " TEU/box";
      a.teu_per_unit = moves * hpd * 7 * g.teu_per_box;
      a.unit = "crane";
    } else if (s.cranes == 0) {
      a.capacity = 1e-9;
      a.capacity_basis = "setting node." + code + ".cranes = 0";
    } else if (op.capacity_teu_per_day > 0) {
      a.capacity = op.capacity_teu_per_day * 7;
      a.capacity_basis = "operations.csv capacity_teu_day " + fmt_num(op.capacity_teu_per_day);
    } else {
      continue;
    }
    a.capacity_kind = CapacityKind::hard;
    op_bound[o.get()] = true;
    op_arc[o.get()] = std::move(a);
  }

  // A node setting must reach an operation.
  for (const auto& [code, _] : settings.nodes) {
    const NodeId n = *net.find_node(code);
    bool any = false;
    for (OperationId o : net.operations().keys())
      any = any || (net.operation(o).node == n && capacity_candidate(net, o));
    if (!any) throw RequestError("setting node." + code + ": the node has no gauge change or handling operation to bind");
  }

  // Transfers. A transfer that includes a capacity-bound operation runs through that
  // operation's shared arc; what the transfer costs beyond the operation goes on the arc from
  // the operation to the departure (the least over the arrivals that share it).
  std::vector<std::uint32_t> op_in(net.operation_count(), kNone), op_out(net.operation_count(), kNone);
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::pair<double, double>> op_rest;  // (op, head) -> hours, money
  std::map<std::pair<std::uint32_t, std::uint32_t>, bool> op_entry;                      // (op, tail)
  for (NodeId n : net.nodes().keys()) {
    const std::uint32_t zone = g.zone_of(n);
    std::vector<std::pair<std::uint8_t, std::uint32_t>> tails, heads;
    for (const auto& [c, v] : arrived[n.get()]) tails.emplace_back(c, v);
    for (const auto& [c, v] : departs[n.get()]) heads.emplace_back(c, v);
    if (zone != kNone) {
      tails.emplace_back(kCarriageStart, zone);
      heads.emplace_back(kCarriageEnd, zone);
    }
    for (const auto& [ac, av] : tails)
      for (const auto& [dc, dv] : heads) {
        if (ac == kCarriageStart && dc == kCarriageEnd) continue;
        const Transfer& t = net.transfer(n, ac, dc);
        std::optional<OperationId> bound;
        for (OperationId o : net.transfer_ops(t))
          if (op_bound[o.get()]) {
            bound = o;
            break;
          }
        if (!bound) {
          FreightArc a;
          a.kind = ArcKind::transfer;
          a.node = n;
          a.tail = av;
          a.head = dv;
          a.hours = hours(t.duration);
          a.money = to_usd(t.cost_teu);
          g.arcs.push_back(std::move(a));
          continue;
        }
        const std::uint32_t o = bound->get();
        if (op_in[o] == kNone) {
          op_in[o] = next++;
          op_out[o] = next++;
          FreightArc a = op_arc[o];
          a.tail = op_in[o];
          a.head = op_out[o];
          g.arcs.push_back(std::move(a));
        }
        if (!op_entry[{o, av}]) {
          op_entry[{o, av}] = true;
          FreightArc a;
          a.kind = ArcKind::transfer;
          a.node = n;
          a.tail = av;
          a.head = op_in[o];
          g.arcs.push_back(std::move(a));
        }
        const double rest_h = std::max(0.0, hours(t.duration) - op_arc[o].hours);
        const double rest_m = std::max(0.0, to_usd(t.cost_teu) - op_arc[o].money);
        auto [it, fresh] = op_rest.try_emplace({o, dv}, rest_h, rest_m);
        if (!fresh && rest_m + g.vot * rest_h < it->second.second + g.vot * it->second.first) it->second = {rest_h, rest_m};
      }
  }
  for (const auto& [key, rest] : op_rest) {
    FreightArc a;
    a.kind = ArcKind::transfer;
    a.node = net.operation(OperationId(key.first)).node;
    a.tail = op_out[key.first];
    a.head = key.second;
    a.hours = rest.first;
    a.money = rest.second;
    g.arcs.push_back(std::move(a));
  }
  g.vertex_count = next;
  return g;
}

}  // namespace landbridge::freight
