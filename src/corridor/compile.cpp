// Compiling a scenario into a corridor model: each flow's route is planned (route::Planner)
// and turned into stages; the services, crane resources and line capacities those stages use
// are collected (closures, re-routes and capacity cuts: compile_closures.cpp).
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <tuple>
#include <fmt/format.h>

#include "compile.h"
#include "hints.h"
#include "landbridge/core/error.h"
#include "landbridge/route/graph.h"
#include "landbridge/route/itinerary.h"
#include "landbridge/route/locate.h"
#include "landbridge/route/planner.h"
#include "landbridge/timetable/time.h"

namespace landbridge::corridor {
namespace {

using namespace engine;
using sim::kDay;
using sim::kHour;

// Fills sp.deps with every trip of `services` that runs the link (consecutive calls at its
// tail and head with its carriage) and leaves in [0, end of run).
void add_departures(const Network& net, const Scenario& sc, std::span<const timetable::Service> services,
                    LinkId link, ServicePlan& sp,
                    std::map<std::pair<std::size_t, std::int32_t>, std::uint32_t>& trip_of_start) {
  const NodeId a = net.link_from(link), b = net.link_to(link);
  const Carriage c = net.link_carriage(link);
  const Instant t0 = timetable::to_instant(*timetable::parse_date(sc.start_date));
  const double end_s = (sc.horizon_days + sc.drain_days) * kDay;
  // The scenario reader keeps start_date in 1900..2199 and the run within 20 years, so the end is
  // far inside 32 bits; checked all the same, as a scenario built in code skips the reader.
  const double run_min = std::ceil(end_s / 60.0);
  const auto t1 = run_min < 0 || run_min > static_cast<double>(std::numeric_limits<std::int32_t>::max())
                      ? std::nullopt
                      : checked_add(t0, Minutes(static_cast<std::int32_t>(run_min)));
  if (!t1)
    throw Error("scenario: start_date " + sc.start_date + " plus " + std::to_string(sc.horizon_days + sc.drain_days) +
                " days of run leaves the 32-bit instant range");
  std::vector<Instant> starts;
  for (std::size_t si = 0; si < services.size(); ++si) {
    const timetable::Service& sv = services[si];
    if (!(sv.carriage == c)) continue;
    for (std::size_t k = 0; k + 1 < sv.calls.size(); ++k) {
      if (sv.calls[k].stop != a || sv.calls[k + 1].stop != b) continue;
      // Starts with any departure in the run (a superset of those leaving call k in it).
      timetable::service_starts(sv, t0, *t1, starts);
      for (const Instant x : starts) {
        Departure d;
        d.dep = SimTime(static_cast<double>((x + sv.calls[k].departure - t0).value()) * 60.0);
        d.arr = SimTime(static_cast<double>((x + sv.calls[k + 1].arrival - t0).value()) * 60.0);
        if (d.dep.s < 0 || d.dep.s >= end_s) continue;
        d.capacity_teu = sv.capacity_teu > 0 ? sv.capacity_teu : sp.policy.capacity_teu;
        d.cutoff = SimTime(static_cast<double>(sv.cutoff.value()) * 60.0);
        auto [it, added] = trip_of_start.try_emplace({si, x.value()}, static_cast<std::uint32_t>(trip_of_start.size()));
        d.trip = it->second;
        sp.deps.push_back(d);
      }
    }
  }
  std::sort(sp.deps.begin(), sp.deps.end(), [](const Departure& x, const Departure& y) {
    return x.dep.s != y.dep.s ? x.dep.s < y.dep.s : x.trip < y.trip;
  });
  for (std::uint32_t i = 0; i < sp.deps.size(); ++i) sp.dep_of_trip.emplace(sp.deps[i].trip, i);
}

}  // namespace

namespace engine {


void Compiler::resolve_operation_nodes() {
  for (std::size_t i = 0; i < m_.sc.operations.size(); ++i) {
    const OperationSpec& o = m_.sc.operations[i];
    const auto n = route::try_locate(net_, o.node);
    if (!n) {
      scenario_error(m_.sc.file, o.line, "operations[" + std::to_string(i) + "].node",
                     "unknown node '" + o.node + "'" + detail::node_hint(net_, o.node));
    }
    spec_nodes_.push_back(*n);
  }
  spec_used_.assign(m_.sc.operations.size(), false);
}

void Compiler::check_operations_used() {
  for (std::size_t i = 0; i < m_.sc.operations.size(); ++i) {
    if (spec_used_[i]) continue;
    const OperationSpec& o = m_.sc.operations[i];
    scenario_error(m_.sc.file, o.line, "operations[" + std::to_string(i) + "].kind",
                   "no flow's route has a " + o.kind + " operation at '" + o.node + "'");
  }
}

// The scenario's [[operations]] entry for an operation, or null.
const OperationSpec* Compiler::spec_for(NodeId node, OperationKind kind) {
  for (std::size_t i = 0; i < m_.sc.operations.size(); ++i) {
    const OperationSpec& o = m_.sc.operations[i];
    const bool kind_ok = o.kind == to_string(kind) || (o.kind == "customs" && kind == OperationKind::border);
    if (kind_ok && spec_nodes_[i] == node) {
      spec_used_[i] = true;
      return &o;
    }
  }
  return nullptr;
}

// The package's service_dist over the operation's duration (network.h, ServiceDist), in hours.
static ServiceTimeSpec package_service(const OperationInfo& info) {
  ServiceTimeSpec s;
  const double lo = to_hours(info.duration.lo), value = to_hours(info.duration.value), hi = to_hours(info.duration.hi);
  s.value_h = s.mean_h = s.mode_h = value;
  s.min_h = lo;
  s.max_h = hi;
  s.cv = info.service_cv;
  switch (info.service_dist) {
    case ServiceDist::unstated:
    case ServiceDist::fixed: s.dist = ServiceTimeSpec::Dist::fixed; break;
    case ServiceDist::exponential: s.dist = ServiceTimeSpec::Dist::exponential; break;
    case ServiceDist::lognormal: s.dist = ServiceTimeSpec::Dist::lognormal; break;
    case ServiceDist::triangular: s.dist = ServiceTimeSpec::Dist::triangular; break;
    case ServiceDist::pert: s.dist = ServiceTimeSpec::Dist::pert; break;
  }
  return s;
}

// How an operation at a node serves boxes: the scenario's [[operations]] entry, else the
// package's servers and service_dist columns where stated, else today's rules (gauge change: a
// queue at the node's cranes, each box lifted; handling: a delay per box; border and dwell: a
// delay per vehicle), service times triangular over the operation's range.
OpIx Compiler::op_plan(const route::Step& st) {
  auto [it, added] = op_of_.try_emplace((std::uint64_t{st.at.v} << 32) | st.operation.v,
                                        static_cast<std::uint32_t>(m_.ops.size()));
  if (!added) return OpIx(it->second);
  const OperationInfo& info = net_.operation(st.operation);
  const std::string code = net_.node(st.at).code;
  OpPlan op;
  op.node = st.at;
  op.op = st.operation;
  const auto& d = info.duration;
  op.draw = info.service_dist == ServiceDist::unstated
                ? ServiceDraw::from_range(to_hours(d.lo), to_hours(d.value), to_hours(d.hi))
                : ServiceDraw::from_spec(package_service(info));
  op.per_train = st.op_kind == OperationKind::border || st.op_kind == OperationKind::dwell;
  int servers = info.servers;  // the package's servers column; 0: not stated (a delay)
  if (st.op_kind == OperationKind::gauge_change) {
    int cranes = info.servers > 0 ? info.servers : info.cranes > 0 ? info.cranes : m_.sc.default_cranes;
    // The package's moves_per_hour gives the lift time unless the row states its service_dist.
    double factor = 1, mph = info.service_dist == ServiceDist::unstated ? info.moves_per_hour : 0;
    for (const auto& o : m_.sc.nodes) {
      if (o.code != code) continue;
      if (o.cranes > 0) cranes = o.cranes;
      factor = o.cranes_factor;
      if (o.moves_per_hour > 0) mph = o.moves_per_hour;
    }
    servers = std::max(1, static_cast<int>(std::lround(cranes * factor)));
    if (mph > 0) op.draw = ServiceDraw::fixed(2.0 / mph);
  }
  if (const OperationSpec* spec = spec_for(st.at, st.op_kind)) {
    servers = spec->servers;
    op.per_train = spec->per_train;
    op.priority = spec->priority;
    if (spec->has_service) op.draw = ServiceDraw::from_spec(spec->service);
  }
  // One resource per node and kind: a gauge change's cranes serve both directions.
  const std::uint64_t res_key = (std::uint64_t{st.at.v} << 8) | static_cast<std::uint64_t>(st.op_kind);
  if (const auto r = server_of_.find(res_key); servers > 0 && r != server_of_.end()) {
    op.server = CraneIx(r->second);
  } else if (servers > 0) {
    server_of_.emplace(res_key, static_cast<std::uint32_t>(m_.cranes.size()));
    CranePlan cp;
    cp.node = st.at;
    cp.cranes = servers;
    cp.gauge_change = st.op_kind == OperationKind::gauge_change;
    cp.label = cp.gauge_change ? code : code + "-" + std::string(to_string(st.op_kind));
    if (cp.gauge_change) crane_of_node_.try_emplace(st.at.v, static_cast<std::uint32_t>(m_.cranes.size()));
    op.server = CraneIx::from(m_.cranes.size());
    m_.cranes.push_back(std::move(cp));
  }
  m_.ops.push_back(std::move(op));
  return OpIx(it->second);
}

// A node step: its operation as a stage (keep = false for a dwell the scenario does not apply).
Stage Compiler::node_stage(const route::Step& st, bool& fresh, bool& keep) {
  Stage s;
  s.node = st.at;
  s.op = st.operation;
  keep = true;
  switch (st.op_kind) {
    case OperationKind::dwell: {
      // The package's dwell rows stand in for waiting for the next departure, which the
      // model produces itself; applied only where the scenario asks ([[nodes]] apply_dwell
      // or an [[operations]] entry for it).
      bool apply = false;
      for (const auto& o : m_.sc.nodes) apply = apply || (o.apply_dwell && o.code == net_.node(st.at).code);
      for (std::size_t i = 0; i < m_.sc.operations.size(); ++i)
        apply = apply || (m_.sc.operations[i].kind == "dwell" && spec_nodes_[i] == st.at);
      keep = apply;
      s.kind = StageKind::dwell;
      break;
    }
    case OperationKind::handling:
      s.kind = StageKind::handling;
      fresh = true;
      break;
    case OperationKind::border:
      s.kind = StageKind::border;
      break;
    case OperationKind::gauge_change:
      s.kind = StageKind::crane;
      fresh = true;
      break;
  }
  if (keep) s.opx = op_plan(st);
  return s;
}

// A leg: a departure to wait for (sea, a train forming, every timetabled rail leg) or a run.
Stage Compiler::leg_stage(const route::Step& st, bool fresh, std::optional<Mode> prev, const std::string& name,
                          int teu_per_box) {
  Stage s;
  const Mode mode = st.carriage.mode;
  s.node = st.from;
  if (mode == Mode::rail && m_.sc.rail.kind != ServicePolicy::Kind::timetable) {
    const LinkInfo& li = net_.link_info(st.link);
    double tpd = m_.sc.rail.capacity_teu > 0 && li.capacity_teu_per_day > 0
                     ? li.capacity_teu_per_day / m_.sc.rail.capacity_teu
                     : 0;
    for (const LinkOverride& o : m_.sc.links) {
      if (o.id == li.id) tpd = o.trains_per_day;
    }
    if (tpd > 0) {
      auto [itp, added] = path_of_link_.try_emplace(st.link.v, static_cast<std::uint32_t>(m_.paths.size()));
      if (added) m_.paths.push_back({st.link, tpd, SimTime(kDay / tpd), li.id});
      s.path = PathIx(itp->second);
    }
  }
  s.travel = SimTime(to_hours(st.duration) * kHour);
  const bool sea = mode == Mode::deep_sea || mode == Mode::feeder || mode == Mode::ferry;
  // Timetabled rail: every leg is a departure, so a box can stay on a through train or
  // change trains where the timetable makes it.
  const bool forms =
      mode == Mode::rail && (fresh || prev != mode || m_.sc.rail.kind == ServicePolicy::Kind::timetable);
  if (!sea && !forms) {
    s.kind = StageKind::run;
    s.link = st.link;
    return s;
  }
  s.kind = StageKind::depart;
  auto [its, added] = service_of_link_.try_emplace(st.link.v, static_cast<std::uint32_t>(m_.services.size()));
  if (added) {
    ServicePlan sp;
    sp.link = st.link;
    sp.from_node = st.from;
    sp.travel = s.travel;
    sp.policy = mode == Mode::ferry ? m_.sc.ferry : mode == Mode::rail ? m_.sc.rail : m_.sc.sea;
    sp.label = net_.link_info(st.link).id;
    sp.path = s.path;
    if (sp.policy.kind == ServicePolicy::Kind::timetable) {
      add_departures(net_, m_.sc, services_, st.link, sp, trip_of_start_);
      if (sp.deps.empty()) {
        throw ScenarioError(name + ": link " + sp.label + " (" + std::string(to_string(mode)) + " " +
                            net_.node(st.from).code + " -> " + net_.node(st.to).code +
                            ") has no timetabled departure in the run: no service of the package "
                            "calls there in turn (policy 'timetable'; use 'schedule' or 'when_full' "
                            "for this mode, or keep the flow off the link with 'avoid')");
      }
    }
    m_.services.push_back(std::move(sp));
  }
  s.service = ServiceIx(its->second);
  const ServicePlan& sp = m_.services[s.service.v];
  for (const Departure& d : sp.deps) {
    if (d.capacity_teu < teu_per_box) {
      throw ScenarioError(name + ": a " + std::to_string(teu_per_box) + " TEU box does not fit a " +
                          std::to_string(d.capacity_teu) + " TEU departure on " + sp.label);
    }
  }
  if (sp.policy.capacity_teu < teu_per_box) {
    throw ScenarioError(name + ": a " + std::to_string(teu_per_box) + " TEU box does not fit the " +
                        std::to_string(sp.policy.capacity_teu) + " TEU capacity of " + sp.label +
                        " (field 'capacity_teu')");
  }
  return s;
}

// An itinerary as stages (a new train forms at its first rail leg after handling or a gauge
// change), adding the services, cranes and line capacities it uses.
std::vector<Stage> Compiler::stages(const route::Itinerary& it, const std::string& name, int teu_per_box) {
  std::vector<Stage> out;
  bool fresh = true;  // the next rail leg forms a new train
  std::optional<Mode> prev;
  for (const route::Step& st : it.steps) {
    if (st.kind == route::StepKind::node) {
      bool keep = true;
      Stage s = node_stage(st, fresh, keep);
      if (keep) out.push_back(s);
      continue;
    }
    out.push_back(leg_stage(st, fresh, prev, name, teu_per_box));
    prev = st.carriage.mode;
    fresh = false;
  }
  return out;
}

// A flow pinned to a node sequence (FlowSpec::path): the cheapest link of each consecutive
// pair, under the default options (one TEU, general cargo), spelled out as the planner would.
route::Itinerary Compiler::pinned_route(const FlowSpec& spec) {
  auto bad_row = [&](const std::string& what) { scenario_error(source_file(m_.sc, spec), spec.line, "path", what); };
  if (spec.path.size() < 2) bad_row("a path needs at least two nodes, got " + std::to_string(spec.path.size()));
  std::vector<NodeId> nodes;
  for (const std::string& code : spec.path) {
    try {
      nodes.push_back(route::locate(net_, code));
    } catch (const route::LocateError& e) {
      bad_row(e.what());
    }
  }
  for (const auto& [field, text, node] : {std::tuple{"origin", &spec.origin, nodes.front()},
                                          std::tuple{"destination", &spec.destination, nodes.back()}}) {
    const auto at = route::try_locate(net_, *text);
    if (!at || *at != node) {
      bad_row(std::string("the path must start at the origin and end at the destination; ") + field + " '" + *text +
              "' is not '" + net_.node(node).code + "'");
    }
  }
  if (!graph_) {
    graph_ = std::make_unique<route::RoutingGraph>(net_);
    route::prepare(*graph_, route::RouteOptions{}, nullptr, weights_);
  }
  std::vector<LinkId> links;
  for (std::size_t i = 0; i + 1 < nodes.size(); ++i) {
    std::optional<LinkId> best;
    for (const LinkId l : net_.out_links(nodes[i])) {
      if (net_.link_to(l) != nodes[i + 1] || weights_.link_ok[l] == 0) continue;
      const route::Criteria& c = weights_.link[l];
      if (!best || std::tuple(c.cost, c.time) < std::tuple(weights_.link[*best].cost, weights_.link[*best].time)) best = l;
    }
    if (!best) bad_row("no link from " + net_.node(nodes[i]).code + " to " + net_.node(nodes[i + 1]).code);
    links.push_back(*best);
  }
  if (!route::evaluate(*graph_, weights_, links).usable) {
    bad_row("the path changes carriage where the network has no transfer for it");
  }
  return route::make_itinerary(*graph_, weights_, links);
}

// The flow's route: its pinned path, else the planner's fastest itinerary with its avoid items.
route::Itinerary Compiler::flow_route(const FlowSpec& spec) {
  if (!spec.path.empty()) return pinned_route(spec);
  auto bad_row = [&](const std::string& field, const std::string& what) {
    scenario_error(source_file(m_.sc, spec), spec.line, field, what);
  };
  for (const auto& [field, text] : {std::pair{"origin", &spec.origin}, std::pair{"destination", &spec.destination}}) {
    try {
      (void)route::locate(net_, *text);
    } catch (const route::LocateError& e) {
      bad_row(field, e.what());
    }
  }
  route::RouteOptions avoided;
  for (const std::string& item : spec.avoid) {
    try {
      route::add_avoid(net_, item, avoided);
    } catch (const RequestError& e) {
      bad_row("avoid", e.what());
    }
  }
  route::RouteRequest req;
  req.from = spec.origin;
  req.to = spec.destination;
  req.avoid = spec.avoid;
  req.alternatives = 1;
  route::RouteResult res;
  try {
    res = planner_.route(req);
  } catch (const RequestError& e) {  // the same place twice, an end avoided
    bad_row("destination", e.what());
  }
  if (res.itineraries.empty()) {
    bad_row(spec.avoid.empty() ? "destination" : "avoid",
            "no route from " + spec.origin + " to " + spec.destination +
                (spec.avoid.empty() ? std::string(" in this network") : " with these avoid items"));
  }
  return res.itineraries.front();
}

void Compiler::plan_flows() {
  for (std::size_t f = 0; f < m_.sc.flows.size(); ++f) {
    FlowPlan fp;
    fp.spec = m_.sc.flows[f];
    // Messages name the demand (or bookings) file, the row's physical line and the column at fault.
    const std::string name = fmt::format("{}{}: flow {} -> {}", source_file(m_.sc, fp.spec).string(),
                                         fp.spec.line > 0 ? fmt::format(":{}", fp.spec.line) : "", fp.spec.origin,
                                         fp.spec.destination);
    const route::Itinerary it = flow_route(fp.spec);
    fp.label = net_.node(it.from).code + "-" + net_.node(it.to).code;
    fp.corridor = it.label;
    fp.planned_h = to_hours(it.total.duration);
    fp.dest = it.to;
    m_.plans.push_back({stages(it, name, fp.spec.teu_per_box), FlowIx::from(f)});
    m_.flows.push_back(std::move(fp));
  }
}

NodeId Compiler::known_node(const std::string& code, int line, const std::string& field) const {
  const auto n = net_.find_node(code);
  if (!n) scenario_error(m_.sc.file, line, field, "unknown node '" + code + "'" + detail::node_hint(net_, code));
  return *n;
}

LinkId Compiler::known_link(const std::string& id, int line, const std::string& field) const {
  const auto l = net_.find_link(id);
  if (!l) scenario_error(m_.sc.file, line, field, "unknown link '" + id + "'" + detail::link_hint(net_, id));
  return *l;
}

void Compiler::check_overrides() {
  for (std::size_t i = 0; i < m_.sc.links.size(); ++i) {
    const LinkOverride& o = m_.sc.links[i];
    const std::string field = "links[" + std::to_string(i) + "].id";
    if (net_.link_carriage(known_link(o.id, o.line, field)).mode != Mode::rail) {
      scenario_error(m_.sc.file, o.line, field, "'" + o.id + "' is not a rail link (trains_per_day is for rail)");
    }
  }
  for (std::size_t i = 0; i < m_.sc.nodes.size(); ++i) {
    const NodeOverride& o = m_.sc.nodes[i];
    known_node(o.code, o.line, "nodes[" + std::to_string(i) + "].code");
  }
}

}  // namespace engine

CorridorModel::CorridorModel(const Network& net, Scenario scenario, std::span<const timetable::Service> services)
    : impl_(std::make_unique<Impl>()) {
  impl_->net = &net;
  impl_->sc = std::move(scenario);
  if (const auto d = timetable::parse_date(impl_->sc.start_date))
    impl_->start_weekday = static_cast<int>(timetable::weekday(*d));
  Compiler c(*impl_, net, services);
  c.resolve_operation_nodes();
  c.plan_flows();
  c.check_overrides();
  c.resolve_closures();
  if (impl_->sc.on_closure == OnClosure::reroute) c.plan_reroutes();
  c.apply_capacity_cuts();
  c.check_operations_used();
  impl_->trips = c.trips();  // re-routes included
}

}  // namespace landbridge::corridor
