// ScheduledPlanner: network + services -> timetable, queries -> timetabled itineraries.
#include "landbridge/schedule/planner.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>

#include "landbridge/route/locate.h"
#include "landbridge/route/planner.h"
#include "landbridge/timetable/time.h"

namespace landbridge::schedule {
namespace {

using timetable::Service;

bool node_avoided(const Network& net, NodeId n, const route::RouteOptions& o) {
  if (std::find(o.avoid_nodes.begin(), o.avoid_nodes.end(), n) != o.avoid_nodes.end()) return true;
  const std::string& c = net.node(n).country;
  return std::find(o.avoid_countries.begin(), o.avoid_countries.end(), c) != o.avoid_countries.end();
}

bool has_constraints(const route::RouteOptions& o) {
  return !o.avoid_nodes.empty() || !o.avoid_countries.empty() || o.avoid_modes != 0 || o.avoid_passages != 0 ||
         route::transport_factor(o.equipment, o.equipment_charges) != 1.0 ||  // prices scaled for the equipment
         (o.rates && !o.rates->empty());                                      // prices of the day
}

bool dated(const route::RouteOptions& o) { return o.rates && !o.rates->empty(); }

// The copies of a service split by rate periods are named ID@PERIOD (a timetable wants unique
// ids); reports show the service's own id.
std::string base_id(const std::string& id) { return id.substr(0, id.find('@')); }

// A service split at the days its rate factor changes (timetable/rates.h): one copy per period of its
// validity, each priced by the factor in force on its start days (a trip's start day is the
// day that prices it).
void split_by_rates(const Service& s, const route::RouteOptions& o, std::vector<Service>& out) {
  if (!dated(o)) {
    out.push_back(s);
    return;
  }
  const auto changes = o.rates->change_days();
  for (std::size_t i = 0; i <= changes.size(); ++i) {
    // The period [changes[i-1], changes[i] - 1] intersected with the validity.
    const std::optional<timetable::CivilDate> lo = i == 0 ? std::nullopt : std::optional(changes[i - 1]);
    const std::optional<timetable::CivilDate> hi =
        i == changes.size() ? std::nullopt
                            : std::optional(timetable::date_of_epoch_day(timetable::epoch_day(changes[i]) - 1));
    Service c = s;
    if (lo && (!c.valid_from || *c.valid_from < *lo)) c.valid_from = lo;
    if (hi && (!c.valid_to || *hi < *c.valid_to)) c.valid_to = hi;
    if (c.valid_from && c.valid_to && *c.valid_to < *c.valid_from) continue;  // the service does not run then
    // Added days belong to the period they fall in.
    std::erase_if(c.added, [&](timetable::CivilDate d) { return (lo && d < *lo) || (hi && *hi < d); });
    // Every factor is constant on the period: read it on one of its days.
    const timetable::CivilDate day =
        lo ? *lo
           : (changes.empty() ? timetable::CivilDate{2000, 1, 1}
                              : timetable::date_of_epoch_day(timetable::epoch_day(changes.front()) - 1));
    const double factor = o.rates->service_factor(s.id, s.carriage.mode, day);
    c.id = s.id + "@" + std::to_string(i);
    c.price_teu = timetable::scaled(c.price_teu, factor);
    c.price_feu = timetable::scaled(c.price_feu, factor);
    for (timetable::Call& call : c.calls) {
      if (call.fare_teu) call.fare_teu = timetable::scaled(*call.fare_teu, factor);
      if (call.fare_feu) call.fare_feu = timetable::scaled(*call.fare_feu, factor);
    }
    out.push_back(std::move(c));
  }
}

// A service with its prices (and stated fares) scaled for the equipment (route/equipment.h).
Service priced_for(Service s, const route::RouteOptions& o) {
  const auto scale = [&](UsdCents c) { return route::transport_price(c, o.equipment, o.equipment_charges); };
  s.price_teu = scale(s.price_teu);
  s.price_feu = scale(s.price_feu);
  for (timetable::Call& c : s.calls) {
    if (c.fare_teu) c.fare_teu = scale(*c.fare_teu);
    if (c.fare_feu) c.fare_feu = scale(*c.fare_feu);
  }
  return s;
}

// A reefer is plugged in at nodes: each node step (handling, waiting) adds the plug-in charge
// for its duration, per box. Added to the itineraries found (the search does not rank by it).
void add_plug_charges(ScheduledItinerary& it, const route::RouteOptions& o) {
  for (ScheduledStep& s : it.steps) {
    if (s.kind != route::StepKind::node) continue;
    const UsdCents plug = route::plug_charge(s.arrive_at - s.depart, o.equipment, o.equipment_charges) * o.shipment.count;
    s.cost += plug;
    it.cost += plug;
  }
}

// Passages a service sails through from call i-1 to call i: those of the network link the call
// rides (services.csv names it or the loader picked the shortest); a call without a link (a
// service built in code) takes every link between the two stops with the service's mode.
PassageSet leg_passages(const Network& net, const Service& sv, std::size_t i) {
  const timetable::Call& c = sv.calls[i];
  if (c.link.valid() && c.link.get() < net.link_count()) return net.link_passages(c.link);
  PassageSet p = 0;
  for (LinkId l : net.out_links(sv.calls[i - 1].stop))
    if (net.link_to(l) == c.stop && net.link_carriage(l).mode == sv.carriage.mode) p |= net.link_passages(l);
  return p;
}

// The services of `all` that a timetable built from `kept` (services possibly split by rate
// periods, named ID@PERIOD) leaves out.
std::vector<std::string> dropped(const std::vector<Service>& all, const std::vector<Service>& kept) {
  std::set<std::string> ids;
  for (const Service& sv : kept) ids.insert(base_id(sv.id));
  std::vector<std::string> out;
  for (const Service& sv : all)
    if (!ids.count(sv.id)) out.push_back(sv.id);
  return out;
}

// Per trip of `tt`: 1 when the trip is one of the closed departures (service id, start).
std::vector<std::uint8_t> closed_trips(const timetable::Timetable& tt, const std::vector<std::string>& base_ids,
                                       const std::vector<std::pair<std::string, Instant>>& departures) {
  // The timetable's services that have a closed departure, then their trips by start.
  std::vector<std::vector<Instant>> starts(base_ids.size());
  bool any = false;
  for (std::size_t s = 0; s < base_ids.size(); ++s)
    for (const auto& [service, start] : departures)
      if (service == base_ids[s]) {
        starts[s].push_back(start);
        any = true;
      }
  std::vector<std::uint8_t> closed(tt.trip_count(), 0);
  if (!any) return closed;
  for (std::uint32_t t = 0; t < tt.trip_count(); ++t) {
    const timetable::TripId trip(t);
    const std::vector<Instant>& shut = starts[tt.trip_service(trip).get()];
    if (!shut.empty() && std::find(shut.begin(), shut.end(), tt.trip_start(trip)) != shut.end()) closed[t] = 1;
  }
  return closed;
}

std::vector<std::string> base_ids_of(const timetable::Timetable& tt) {
  std::vector<std::string> out;
  for (const Service& sv : tt.services()) out.push_back(base_id(sv.id));
  return out;
}

}  // namespace

route::RouteOptions request_options(const Network& net, const ScheduledRequest& req) {
  route::RouteOptions o = req.options;
  for (const std::string& item : req.avoid) route::add_avoid(net, item, o);
  if (dated(o)) o.rates_on = timetable::to_civil(req.depart).date;  // links and operations
  return o;
}

std::string timetable_key(const route::RouteOptions& o) {
  if (!has_constraints(o)) return "";
  std::vector<std::uint32_t> nodes;
  for (NodeId n : o.avoid_nodes) nodes.push_back(n.get());
  std::sort(nodes.begin(), nodes.end());
  nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());
  std::vector<std::string> countries = o.avoid_countries;
  std::sort(countries.begin(), countries.end());
  countries.erase(std::unique(countries.begin(), countries.end()), countries.end());
  std::string key = "modes=" + std::to_string(o.avoid_modes) + ";passages=" + std::to_string(o.avoid_passages) +
                    ";nodes=";
  for (std::uint32_t n : nodes) key += std::to_string(n) + ",";
  key += ";countries=";
  for (const std::string& c : countries) key += c + ",";
  // Prices are scaled by the equipment's factor (priced_for): the factor itself, exactly.
  char factor[32];
  std::snprintf(factor, sizeof factor, "%a", route::transport_factor(o.equipment, o.equipment_charges));
  key += ";price=";
  key += factor;
  if (dated(o)) {
    char rates[32];
    std::snprintf(rates, sizeof rates, "%p", static_cast<const void*>(o.rates.get()));
    key += ";rates=";
    key += rates;
    key += "@" + timetable::format_date(o.rates_on);
  }
  return key;
}

ScheduledPlanner::ScheduledPlanner(const LoadedNetwork& pkg, std::vector<Service> services, Instant horizon_start,
                                   Minutes horizon_len, const route::RouteOptions& built_for)
    : net_(pkg.network),
      services_(std::move(services)),
      horizon_start_(horizon_start),
      horizon_len_(horizon_len),
      key_(timetable_key(built_for)),
      tt_([&] {
        if (horizon_len_ < days(90)) throw Error("scheduled planner: the horizon must be at least 90 days");
        timetable::TimetableSpec s = spec(services_, built_for, untimed_);
        dropped_services_ = dropped(services_, s.services);
        return timetable::Timetable::build(s);
      }()),
      raptor_(tt_),
      mc_(tt_) {
  base_ids_ = base_ids_of(tt_);
}

timetable::Cargo ScheduledPlanner::cargo(const route::RouteOptions& o) const {
  timetable::Cargo c;
  const bool feu = o.shipment.unit == route::ContainerUnit::feu;
  c.teu = feu ? 0 : o.shipment.count;
  c.feu = feu ? o.shipment.count : 0;
  c.mass_per_teu = net_.mass_per_teu();
  c.mass_per_feu = Tonnes(net_.mass_per_teu().value() * o.feu_mass_ratio);
  return c;
}

timetable::TimetableSpec ScheduledPlanner::spec(const std::vector<Service>& services, const route::RouteOptions& o,
                                                std::vector<LinkId>& untimed) const {
  timetable::TimetableSpec s;
  s.node_count = net_.node_count();
  for (const NodeInfo& n : net_.nodes()) s.node_names.push_back(n.code);
  // Links a service runs on (tail, head, mode) are timetable-only: judged over every service,
  // whether or not the query's constraints drop it.
  std::set<std::tuple<std::uint32_t, std::uint32_t, Mode>> covered;
  for (const Service& sv : services_)
    for (std::size_t i = 0; i + 1 < sv.calls.size(); ++i)
      covered.emplace(sv.calls[i].stop.get(), sv.calls[i + 1].stop.get(), sv.carriage.mode);
  for (const Service& sv : services) {
    bool ok = !(o.avoid_modes & route::mode_bit(sv.carriage.mode));
    for (std::size_t i = 0; ok && i < sv.calls.size(); ++i) {
      ok = !node_avoided(net_, sv.calls[i].stop, o);
      if (ok && i > 0 && o.avoid_passages)
        ok = !(leg_passages(net_, sv, i) & o.avoid_passages);
    }
    if (ok) split_by_rates(priced_for(sv, o), o, s.services);
  }
  untimed.clear();
  for (std::uint32_t i = 0; i < net_.link_count(); ++i) {
    const LinkId l(i);
    const NodeId a = net_.link_from(l), b = net_.link_to(l);
    const Carriage c = net_.link_carriage(l);
    if (covered.count({a.get(), b.get(), c.mode})) continue;
    if (o.avoid_modes & route::mode_bit(c.mode)) continue;
    if (node_avoided(net_, a, o) || node_avoided(net_, b, o)) continue;
    if (net_.link_passages(l) & o.avoid_passages) continue;
    timetable::UntimedLink u;
    u.id = net_.link_info(l).id;
    u.from = a;
    u.to = b;
    u.carriage = c;
    u.duration = net_.link_duration(l);
    // Untimed links are priced on the ready day (o.rates_on).
    const double f = dated(o) ? o.rates->link_factor(net_.link_info(l).id, c.mode, o.rates_on) : 1.0;
    u.cost_teu = route::transport_price(timetable::scaled(net_.link_cost_teu(l), f), o.equipment, o.equipment_charges);
    u.cost_feu = route::transport_price(timetable::scaled(net_.link_cost_feu(l), f), o.equipment, o.equipment_charges);
    u.distance = net_.link_distance(l);
    u.factor = net_.link_emission_factor(l);
    s.links.push_back(std::move(u));
    untimed.push_back(l);
  }
  // Countries as regions: no journey re-enters a country it has left (docs/timetabled-routing.md).
  s.stop_region = country_bits(net_);
  s.intensity = timetable::intensities_from_network(net_);
  s.transfer = timetable::transfers_from_network(net_);
  if (dated(o)) {
    // Operations are priced on the ready day: each operation the rule charges (its cost is the
    // sum of theirs, dwell included or not) takes its own factor.
    s.transfer = [inner = s.transfer, &net = net_, rates = o.rates, day = o.rates_on](NodeId stop, std::uint8_t a,
                                                                                       std::uint8_t d) {
      timetable::TransferRule r = inner(stop, a, d);
      const Transfer& t = net.transfer(stop, a, d);
      const bool with_dwell = r.cost_teu == t.cost_teu && r.cost_feu == t.cost_feu;
      UsdCents teu(0), feu(0);
      for (OperationId op : net.transfer_ops(t)) {
        if (!with_dwell && net.operation(op).kind == OperationKind::dwell) continue;
        teu += route::operation_price(net, op, false, rates.get(), day);
        feu += route::operation_price(net, op, true, rates.get(), day);
      }
      r.cost_teu = teu;
      r.cost_feu = feu;
      return r;
    };
  }
  s.horizon_start = horizon_start_;
  s.horizon_length = horizon_len_;
  return s;
}

namespace {

// The moves a journey makes, read back from its steps.
std::vector<timetable::Move> moves_of(const timetable::Journey& j) {
  std::vector<timetable::Move> moves;
  for (const timetable::Step& s : j.steps) {
    if (s.kind == timetable::StepKind::ride)
      moves.push_back({.is_link = false, .trip = s.trip, .board_pos = s.board_pos, .alight_pos = s.alight_pos});
    else if (s.kind == timetable::StepKind::link)
      moves.push_back({.is_link = true, .link = s.link});
  }
  return moves;
}

// A sane journey passes no stop twice and never re-enters a country it has left (stops
// passed aboard count). The search keeps the country rule itself (stop regions); stops passed
// twice within one country are left to this check.
bool sane(const Network& net, const timetable::Timetable& tt, const timetable::Journey& j) {
  std::vector<NodeId> via{j.origin};
  for (const timetable::Step& s : j.steps) {
    if (s.kind == timetable::StepKind::ride) {
      const auto stops = tt.route_stops(tt.trip_route(s.trip));
      for (std::uint32_t p = s.board_pos + 1; p <= s.alight_pos; ++p) via.push_back(stops[p]);
    } else if (s.kind == timetable::StepKind::link) {
      via.push_back(s.to);
    }
  }
  return sane_via(net, via);
}

}  // namespace

ScheduledItinerary ScheduledPlanner::make(const timetable::Timetable& tt, const std::vector<LinkId>& untimed,
                                          const timetable::Journey& found, const timetable::Cargo& cargo) const {
  // The itinerary starts when the box must be at the origin to make this journey (its
  // departure), not at the query's ready instant: the first step's time is the departure, and
  // waiting at the shipper's before that is not part of the journey.
  timetable::Journey j = found;
  if (found.departure > found.ready) {
    j = timetable::make_journey(tt, cargo, found.origin, found.departure, moves_of(found));
    j.ready = found.ready;
    j.departure = found.departure;
  }
  ScheduledItinerary it;
  it.from = j.origin;
  it.to = j.target;
  it.ready = j.ready;
  it.departure = j.departure;
  it.arrival = j.arrival;
  it.cost = j.cost;
  it.co2e.wtw = j.co2e;
  it.trips = j.trips;
  it.transshipments = j.transshipments;
  it.via.push_back(j.origin);
  it.journey = j;
  for (const timetable::Step& s : j.steps) {
    ScheduledStep st;
    st.from = s.from;
    st.to = s.to;
    st.depart = s.start;
    st.arrive_at = s.end;
    st.cost = s.cost;
    st.co2e.wtw = s.co2e;
    switch (s.kind) {
      case timetable::StepKind::handling: {
        st.kind = route::StepKind::node;
        st.arrive = s.arrive_code;
        st.depart_code = s.depart_code;
        const Transfer& t = net_.transfer(s.from, s.arrive_code, s.depart_code);
        const auto ops = net_.transfer_ops(t);
        if (ops.empty() && s.start == s.end && s.cost == UsdCents(0) && s.co2e == GramsCo2e(0)) continue;
        for (OperationId op : ops) {
          if (net_.operation(op).kind == OperationKind::dwell) continue;  // not on timetables
          if (!st.operation.empty()) st.operation += '+';
          st.operation += to_string(net_.operation(op).kind);
        }
        if (st.operation.empty()) st.operation = "transfer";
        break;
      }
      case timetable::StepKind::wait:
        if (s.start == s.end) continue;
        st.kind = route::StepKind::node;
        st.operation = "wait";
        st.cutoff = s.cutoff;
        break;
      case timetable::StepKind::ride: {
        st.kind = route::StepKind::leg;
        const Service& sv = tt.service(s.service);
        st.service = base_id(sv.id);
        st.carriage = sv.carriage;
        const timetable::RouteId r = tt.trip_route(s.trip);
        const auto stops = tt.route_stops(r);
        const GramsPerTonneKm ttw = net_.emission_factor(sv.factor).ttw;
        for (std::uint32_t p = s.board_pos + 1; p <= s.alight_pos; ++p) {
          const Kilometres km = tt.segment_km(r, p);
          st.distance += km;
          st.co2e.ttw += cargo.transport(km, ttw);
          st.passages |= leg_passages(net_, sv, p);
          it.via.push_back(stops[p]);
        }
        break;
      }
      case timetable::StepKind::link: {
        st.kind = route::StepKind::leg;
        const LinkId l = untimed[s.link.get()];
        st.link = l;
        st.carriage = net_.link_carriage(l);
        st.distance = net_.link_distance(l);
        st.passages = net_.link_passages(l);
        st.co2e.ttw = cargo.transport(st.distance, net_.emission_factor(net_.link_emission_factor(l)).ttw);
        it.via.push_back(s.to);
        break;
      }
    }
    if (st.kind == route::StepKind::leg) {
      it.distance += st.distance;
      it.co2e.ttw += st.co2e.ttw;
    }
    it.steps.push_back(std::move(st));
  }
  return it;
}

// Arrive-by Pareto set. The range search over [q.ready, deadline] returns the Pareto set over
// (later departure, arrival, cost, CO2e, trips); every journey that is optimal over (later
// departure, cost, CO2e, trips) among those arriving by the deadline has a representative in
// it with equal criteria and no later arrival, so filtering by the deadline and then by the four
// criteria is exact. Journeys without a ride fit any ready instant: the range lists them for the
// window's end, here they are moved to leave as late as the deadline allows.
std::vector<timetable::Journey> ScheduledPlanner::arrive_by_pareto(const timetable::Timetable& tt,
                                                                   timetable::McRaptor& mc,
                                                                   const timetable::Query& q,
                                                                   Instant deadline) const {
  std::vector<timetable::Journey> kept;
  for (const timetable::Journey& j : mc.range(q, deadline)) {
    Instant ready = j.departure;
    if (j.trips == 0) ready = deadline - (j.arrival - j.departure);
    if (ready < q.ready) continue;
    if (j.trips != 0 && j.arrival > deadline) continue;
    // Shown from the latest ready instant that still makes it: the same moves, each as early
    // as possible from there.
    std::vector<timetable::Move> moves;
    for (const timetable::Step& s : j.steps) {
      if (s.kind == timetable::StepKind::ride)
        moves.push_back({.trip = s.trip, .board_pos = s.board_pos, .alight_pos = s.alight_pos});
      else if (s.kind == timetable::StepKind::link)
        moves.push_back({.is_link = true, .link = s.link});
    }
    timetable::Journey moved = timetable::make_journey(tt, q.cargo, q.origin, ready, moves);
    if (moved.arrival > deadline) continue;  // cannot happen (arrival is monotone); kept honest
    kept.push_back(std::move(moved));
  }
  // Pareto over (later departure, cost, CO2e, trips); of equal vectors the earliest arrival.
  const auto no_worse = [](const timetable::Journey& a, const timetable::Journey& b) {
    return a.departure >= b.departure && a.cost <= b.cost && a.co2e <= b.co2e && a.trips <= b.trips;
  };
  const auto same = [](const timetable::Journey& a, const timetable::Journey& b) {
    return a.departure == b.departure && a.cost == b.cost && a.co2e == b.co2e && a.trips == b.trips;
  };
  std::vector<timetable::Journey> out;
  for (std::size_t i = 0; i < kept.size(); ++i) {
    bool drop = false;
    for (std::size_t k = 0; k < kept.size() && !drop; ++k) {
      if (k == i || !no_worse(kept[k], kept[i])) continue;
      if (!same(kept[k], kept[i]))
        drop = true;  // strictly better in some criterion
      else
        drop = std::tie(kept[k].arrival, k) < std::tie(kept[i].arrival, i);  // one per vector
    }
    if (!drop) out.push_back(kept[i]);
  }
  return out;
}

std::vector<timetable::Journey> ScheduledPlanner::earliest_sane(const timetable::Timetable& tt, timetable::McRaptor& mc,
                                                               const timetable::Query& q, Instant earliest,
                                                               bool& capped) const {
  // The earliest sane journey is the earliest (then cheapest, cleanest, fewest trips) sane one
  // of the Pareto set. The Pareto set of the journeys that arrive by a bound is the whole set's
  // journeys that arrive by it (whatever dominates a journey arrives no later), so a search
  // bounded by max_travel finds the answer once the bound reaches it, exploring far fewer
  // labels than the whole set (slow, cheap journeys) needs: bounds of 2, 8 and 32 days past the
  // unconstrained earliest arrival, then the query's own.
  for (const Minutes slack : {days(2), days(8), days(32), Minutes(-1)}) {
    timetable::Query bounded = q;
    const bool last = slack < Minutes(0);
    if (!last) {
      const Minutes travel = earliest - q.ready + slack;
      if (travel >= q.max_travel) continue;
      bounded.max_travel = travel;
    }
    std::vector<timetable::Journey> all = mc.run(bounded);
    std::erase_if(all, [&](const timetable::Journey& j) { return !sane(net_, tt, j); });
    if (all.empty() && !last) continue;
    capped = mc.stats().capped;  // of the search that gives the answer
    std::vector<timetable::Journey> out;
    if (!all.empty())
      out.push_back(*std::min_element(all.begin(), all.end(), [](const auto& a, const auto& b) {
        return std::tie(a.arrival, a.cost, a.co2e, a.trips) < std::tie(b.arrival, b.cost, b.co2e, b.trips);
      }));
    return out;
  }
  return {};
}

ScheduledResult ScheduledPlanner::plan(const ScheduledRequest& req) {
  ScheduledResult res;
  res.from = route::locate(net_, req.from);
  res.to = route::locate(net_, req.to);
  if (res.from == res.to)
    throw RequestError("scheduled route: origin and destination are the same place (" + net_.node(res.from).code +
                       "): nothing to route");
  res.depart = req.depart;
  res.window = req.window;
  res.pareto = req.pareto;
  res.options = request_options(net_, req);
  const route::RouteOptions& o = res.options;
  if (o.shipment.count < 1 || o.shipment.count > route::kMaxBoxes)
    throw RequestError("scheduled route: the container count must be from 1 to " + std::to_string(route::kMaxBoxes) +
                       ", got " + std::to_string(o.shipment.count));
  if (route::iso_code(route::BoxType{o.shipment.unit, o.equipment}).empty())
    throw RequestError("scheduled route: there is no 20' high cube: use a 40' high cube (45G1) or a 20' box (22G1)");
  if (node_avoided(net_, res.from, o) || node_avoided(net_, res.to, o))
    throw RequestError("scheduled route: origin or destination is avoided");
  if (req.depart < tt_.horizon_start() || req.depart >= tt_.horizon_end())
    throw Error("scheduled route: departure " + timetable::format_iso8601(req.depart) + " is outside the timetable (" +
                timetable::format_iso8601(tt_.horizon_start()) + " .. " + timetable::format_iso8601(tt_.horizon_end()) +
                ")");
  if (req.window && *req.window < Minutes(0)) throw Error("scheduled route: the window must not be negative");
  res.arrive_by = req.arrive_by;
  if (req.arrive_by && req.window)
    throw Error("scheduled route: an arrive-by query takes no window (it searches from depart to the deadline)");
  if (req.arrive_by && *req.arrive_by < req.depart)
    throw Error("scheduled route: the deadline " + timetable::format_iso8601(*req.arrive_by) +
                " is before the earliest ready instant " + timetable::format_iso8601(req.depart));

  // Constraints change the timetable: the planner's own when it was built for them, otherwise
  // a filtered one built for this query.
  std::optional<timetable::Timetable> filtered;
  std::vector<LinkId> f_untimed;
  std::optional<timetable::Raptor> f_raptor;
  std::optional<timetable::McRaptor> f_mc;
  const timetable::Timetable* tt = &tt_;
  const std::vector<LinkId>* untimed = &untimed_;
  timetable::Raptor* raptor = &raptor_;
  timetable::McRaptor* mc = &mc_;
  const std::vector<std::string>* base_ids = &base_ids_;
  std::vector<std::string> f_base_ids;
  if (timetable_key(o) == key_) {
    res.dropped_services = dropped_services_;
  } else {
    timetable::TimetableSpec s = spec(services_, o, f_untimed);
    res.dropped_services = dropped(services_, s.services);
    filtered.emplace(timetable::Timetable::build(s));
    tt = &*filtered;
    untimed = &f_untimed;
    raptor = &f_raptor.emplace(*tt);
    mc = &f_mc.emplace(*tt);
    f_base_ids = base_ids_of(*tt);
    base_ids = &f_base_ids;
  }

  // Sold-out departures: a per-query trip filter on the timetable in use.
  std::vector<std::uint8_t> closed;
  if (!req.closed_departures.empty()) closed = closed_trips(*tt, *base_ids, req.closed_departures);

  const timetable::Cargo c = cargo(o);
  timetable::Query q;
  q.closed_trips = closed;
  q.origin = res.from;
  q.target = res.to;
  q.ready = req.depart;
  q.cargo = c;
  q.max_trips = req.max_trips;
  std::vector<timetable::Journey> js;
  if (req.arrive_by && req.pareto) {
    js = arrive_by_pareto(*tt, *mc, q, *req.arrive_by);
    res.capped = mc->stats().capped;
  } else if (req.arrive_by) {
    if (auto j = raptor->latest_departure(q, *req.arrive_by)) js.push_back(std::move(*j));
  } else if (req.pareto && req.window) {
    js = mc->range(q, req.depart + *req.window);
    res.capped = mc->stats().capped;
  } else if (req.pareto) {
    js = mc->run(q);
    res.capped = mc->stats().capped;
  } else if (req.window) {
    js = raptor->range(q, req.depart + *req.window);
  } else {
    raptor->run(q);
    if (auto j = raptor->journey_to(res.to)) js.push_back(std::move(*j));
    // The earliest arrival is found without the country rule; when it breaks it, the earliest
    // sane arrival is the earliest of the (sane) Pareto set.
    if (!js.empty() && !sane(net_, *tt, js.front())) js = earliest_sane(*tt, *mc, q, js.front().arrival, res.capped);
  }
  // Never an itinerary that goes back and forth (docs/timetabled-routing.md, "Sane itineraries").
  std::erase_if(js, [&](const timetable::Journey& j) { return !sane(net_, *tt, j); });
  if (o.max_transshipments)
    std::erase_if(js, [&](const timetable::Journey& j) { return j.transshipments > *o.max_transshipments; });
  // Windows list by departure ("which day should I ship?"), single queries by arrival, arrive-by
  // queries latest departure first.
  const bool by_departure = req.window.has_value();
  if (req.arrive_by) {
    std::stable_sort(js.begin(), js.end(), [](const timetable::Journey& a, const timetable::Journey& b) {
      return std::tie(b.departure, a.cost, a.co2e, a.trips, a.arrival) <
             std::tie(a.departure, b.cost, b.co2e, b.trips, b.arrival);
    });
  } else {
    std::stable_sort(js.begin(), js.end(), [by_departure](const timetable::Journey& a, const timetable::Journey& b) {
      const Instant da = by_departure ? a.departure : Instant(0), db = by_departure ? b.departure : Instant(0);
      return std::tie(da, a.arrival, a.cost, a.co2e, a.trips) < std::tie(db, b.arrival, b.cost, b.co2e, b.trips);
    });
  }
  for (const timetable::Journey& j : js) {
    res.itineraries.push_back(make(*tt, *untimed, j, c));
    add_plug_charges(res.itineraries.back(), o);
  }
  return res;
}

}  // namespace landbridge::schedule
