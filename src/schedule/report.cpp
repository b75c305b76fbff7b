// Timetabled itineraries as JSON and as a text table.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "landbridge/core/money.h"
#include "landbridge/route/report.h"
#include "landbridge/schedule/local_time.h"
#include "landbridge/schedule/planner.h"
#include "landbridge/timetable/mc_raptor.h"
#include "landbridge/timetable/time.h"

namespace landbridge::schedule {
namespace {

using nlohmann::json;


std::string iso(Instant t) { return timetable::format_iso8601(t); }

// "feeder–rail via CNLYG, KZHOR": modes of the legs (repeats merged) and the nodes where the
// box changes vehicle.
std::string label(const Network& net, const ScheduledItinerary& it) {
  std::string modes, via;
  std::string last_mode;
  for (const ScheduledStep& s : it.steps) {
    if (s.kind == route::StepKind::leg) {
      const std::string m(to_string(s.carriage.mode));
      if (m != last_mode) modes += (modes.empty() ? "" : "–") + m;
      last_mode = m;
    } else if (s.operation != "wait" && s.arrive != kCarriageStart && s.depart_code != kCarriageEnd) {
      via += (via.empty() ? "" : ", ") + net.node(s.from).code;
    }
  }
  return via.empty() ? modes : modes + " via " + via;
}

json zone_json(const LocalClock& clock, NodeId n) { return clock.has_zone(n) ? json(clock.zone(n)) : json(nullptr); }

}  // namespace

json to_json(const Network& net, const ScheduledResult& r) {
  const LocalClock clock(net);
  json j;
  j["from"] = net.node(r.from).code;
  j["to"] = net.node(r.to).code;
  j["from_name"] = net.node(r.from).name;
  j["to_name"] = net.node(r.to).name;
  j["objective"] = r.pareto ? "pareto" : r.arrive_by ? "latest_departure" : "earliest_arrival";
  j["pareto"] = r.pareto;
  j["timetabled"] = true;
  j["depart"] = iso(r.depart);
  j["depart_local"] = clock.format(r.from, r.depart);
  j["deadline"] = r.arrive_by ? json(iso(*r.arrive_by)) : json(nullptr);
  j["deadline_local"] = r.arrive_by ? json(clock.format(r.to, *r.arrive_by)) : json(nullptr);
  j["from_zone"] = zone_json(clock, r.from);
  j["to_zone"] = zone_json(clock, r.to);
  j["window_days"] = r.window ? json(route::round_to(to_days(*r.window), 0.01)) : json(nullptr);
  j["unit"] = std::string(emissions::to_string(r.options.shipment.unit));
  j["equipment"] = std::string(route::iso_code(route::BoxType{r.options.shipment.unit, r.options.equipment}));
  j["count"] = r.options.shipment.count;
  j["constraints"] = route::constraints_json(net, r.options);
  j["rerouted"] = json::array();
  j["dropped"] = json::array();
  j["dropped_services"] = r.dropped_services;
  j["truncated"] = false;
  j["capped"] = r.capped;  // the Pareto set was cut at pareto_cap
  j["pareto_cap"] = timetable::McRaptor::kMaxBag;
  json its = json::array();
  int rank = 0;
  for (const ScheduledItinerary& it : r.itineraries) {
    json ij;
    ij["rank"] = ++rank;
    ij["label"] = label(net, it);
    json via = json::array();
    for (NodeId n : it.via) via.push_back(net.node(n).code);
    ij["via"] = via;
    ij["corridor"] = json::array();  // corridor signatures are a static-route notion
    ij["transshipments"] = it.transshipments;
    ij["trips"] = it.trips;
    PassageSet pass = 0;
    json services = json::array();
    for (const ScheduledStep& s : it.steps) {
      pass |= s.passages;
      if (!s.service.empty()) services.push_back(s.service);
    }
    ij["passages"] = route::passages_json(pass);
    ij["services"] = services;
    ij["ready"] = iso(it.ready);
    ij["depart"] = iso(it.departure);
    ij["arrive"] = iso(it.arrival);
    ij["ready_local"] = clock.format(it.from, it.ready);
    ij["depart_local"] = clock.format(it.from, it.departure);
    ij["arrive_local"] = clock.format(it.to, it.arrival);
    ij["days"] = route::round_to(to_days(it.arrival - it.departure), 0.01);
    json steps = json::array();
    for (const ScheduledStep& s : it.steps) {
      json st;
      st["kind"] = std::string(route::to_string(s.kind));
      st["from"] = net.node(s.from).code;
      st["to"] = net.node(s.to).code;
      if (s.kind == route::StepKind::leg) {
        st["at"] = nullptr;
        st["mode"] = std::string(to_string(s.carriage.mode));
        st["gauge"] = s.carriage.gauge == Gauge::none ? json(nullptr) : json(std::string(to_string(s.carriage.gauge)));
        st["link"] = s.link.valid() ? json(net.link_info(s.link).id) : json(nullptr);
        st["service"] = s.service.empty() ? json(nullptr) : json(s.service);
        st["passages"] = route::passages_json(s.passages);
      } else {
        st["at"] = net.node(s.from).code;
        st["mode"] = nullptr;
        st["operation"] = s.operation;
        if (s.operation == "wait") {
          st["cutoff_hours"] = route::round_to(to_hours(s.cutoff), 0.01);
        } else {
          // The static keys "arrive"/"depart" (carriages) hold instants here; carriages move.
          st["arrive_by"] = route::carriage_code_name(s.arrive);
          st["depart_by"] = route::carriage_code_name(s.depart_code);
        }
      }
      st["depart"] = iso(s.depart);
      st["arrive"] = iso(s.arrive_at);
      st["depart_local"] = clock.format(s.from, s.depart);
      st["arrive_local"] = clock.format(s.to, s.arrive_at);
      st["depart_zone"] = zone_json(clock, s.from);
      st["arrive_zone"] = zone_json(clock, s.to);
      route::put_figures(st, s.distance, s.arrive_at - s.depart, s.cost, s.co2e);
      steps.push_back(std::move(st));
    }
    ij["steps"] = steps;
    json total;
    route::put_figures(total, it.distance, it.arrival - it.departure, it.cost, it.co2e);
    total["days"] = route::round_to(to_days(it.arrival - it.departure), 0.01);
    ij["total"] = total;
    its.push_back(std::move(ij));
  }
  j["itineraries"] = its;
  return j;
}

std::string to_table(const Network& net, const ScheduledResult& r, TimeDisplay times) {
  const LocalClock clock(net);
  const bool local = times == TimeDisplay::local;
  const auto at = [&](NodeId n, Instant t) { return local ? clock.format(n, t) : iso(t); };
  std::string query = "ready " + at(r.from, r.depart);
  if (r.arrive_by) query = "ready from " + at(r.from, r.depart) + ", arrive by " + at(r.to, *r.arrive_by);
  if (r.window) query += " + window " + timetable::format_duration(*r.window);
  const char* what = r.arrive_by ? (r.pareto ? "arrive-by Pareto" : "latest departure")
                                 : (r.pareto ? "Pareto" : "earliest arrival");
  std::string out = fmt::format("{} ({}) -> {} ({}), {}, {} {} × {}: {} itinerar{}\n", net.node(r.from).code,
                                net.node(r.from).name, net.node(r.to).code, net.node(r.to).name, query, what,
                                r.options.shipment.count,
                                route::box_label(route::BoxType{r.options.shipment.unit, r.options.equipment}),
                                r.itineraries.size(), r.itineraries.size() == 1 ? "y" : "ies");
  if (local) {
    // Say which places have no zone: their times are UTC ("Z").
    std::vector<NodeId> seen{r.from, r.to};
    for (const ScheduledItinerary& it : r.itineraries) seen.insert(seen.end(), it.via.begin(), it.via.end());
    std::sort(seen.begin(), seen.end());
    seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
    std::string unknown;
    for (NodeId n : seen)
      if (!clock.has_zone(n)) unknown += (unknown.empty() ? "" : ", ") + net.node(n).code;
    out += "times: local time of each place with its UTC offset";
    out += unknown.empty() ? "\n" : "; no time zone known for " + unknown + " (shown in UTC, Z)\n";
  } else {
    out += "times: UTC\n";
  }
  if (r.capped)
    out += fmt::format("note: the Pareto set was cut: the search keeps at most {} labels per stop and {} journeys, "
                       "the first found; the others are left out (docs/network-package.md, Limits)\n",
                       timetable::McRaptor::kMaxBag, timetable::McRaptor::kMaxBag);
  const char* dep_col = local ? "departure (local)" : "departure (UTC)";
  const char* arr_col = local ? "arrival (local)" : "arrival (UTC)";
  int rank = 0;
  for (const ScheduledItinerary& it : r.itineraries) {
    out += fmt::format("\n#{} {}: depart {} arrive {} ({}), {}, {:.1f} kg CO2e, {} trip{}, {} transshipment{}\n",
                       ++rank, label(net, it), at(it.from, it.departure), at(it.to, it.arrival),
                       timetable::format_duration(it.arrival - it.departure), format_money(it.cost), to_kg(it.co2e.wtw), it.trips,
                       it.trips == 1 ? "" : "s", it.transshipments, it.transshipments == 1 ? "" : "s");
    out += fmt::format("  {:<20} {:<6} {:<6} {:<22} {:<22} {:<22} {:>9} {:>10} {:>10}\n", "step", "from", "to",
                       "service / link", dep_col, arr_col, "duration", "cost USD", "CO2e kg");
    for (const ScheduledStep& s : it.steps) {
      std::string step = s.kind == route::StepKind::leg ? std::string(to_string(s.carriage.mode)) : s.operation;
      std::string ref = !s.service.empty() ? s.service : s.link.valid() ? net.link_info(s.link).id : std::string();
      out += fmt::format("  {:<20} {:<6} {:<6} {:<22} {:<22} {:<22} {:>9} {:>10} {:>10.1f}\n", step,
                         net.node(s.from).code, net.node(s.to).code, ref, at(s.from, s.depart), at(s.to, s.arrive_at),
                         timetable::format_duration(s.arrive_at - s.depart), format_money_amount(s.cost), to_kg(s.co2e.wtw));
    }
  }
  return out;
}

}  // namespace landbridge::schedule
