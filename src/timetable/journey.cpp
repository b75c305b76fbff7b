#include "landbridge/timetable/journey.h"

#include <cstdio>

#include "landbridge/core/error.h"
#include "landbridge/core/money.h"

namespace landbridge::timetable {
namespace {

std::string code_name(std::uint8_t code) {
  if (code == kCarriageStart) return "start";
  if (code == kCarriageEnd) return "end";
  return to_string(Carriage{static_cast<Mode>(code / kGaugeCount), static_cast<Gauge>(code % kGaugeCount)});
}

std::string money(UsdCents c) { return format_money(c); }

std::string kg(GramsCo2e g) {
  const std::int64_t v = g.value();
  const std::int64_t a = v < 0 ? -v : v;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%s%lld.%03lldkg", v < 0 ? "-" : "", static_cast<long long>(a / 1000),
                static_cast<long long>(a % 1000));
  return buf;
}

}  // namespace

Journey make_journey(const Timetable& tt, const Cargo& cargo, NodeId origin, Instant ready, std::span<const Move> moves) {
  Journey j;
  j.origin = origin;
  j.ready = ready;
  SlotId slot = tt.start_slot(origin);
  NodeId at = origin;
  Instant t = ready;
  const auto fail = [&](const std::string& what) {
    throw Error("infeasible journey from " + tt.stop_name(origin) + " at " + format_iso8601(ready) + ": " + what);
  };
  const auto handle = [&](RuleId rid, std::uint8_t depart_code) {
    const TransferRule& r = tt.rule(rid);
    Step s;
    s.kind = StepKind::handling;
    s.from = s.to = at;
    s.start = t;
    s.end = t + r.duration;
    s.cost = cargo.price(r.cost_teu, r.cost_feu);
    s.co2e = cargo.hub(r.hub_kg_co2e_per_t);
    s.arrive_code = tt.slot_code(slot);
    s.depart_code = depart_code;
    s.transshipment = r.transshipment;
    t = s.end;
    j.cost += s.cost;
    j.co2e += s.co2e;
    // A transshipment is a lift between two vehicles; lifts onto the first vehicle and off the
    // last one are not (the static planner counts the same way).
    const bool between = s.arrive_code != kCarriageStart && depart_code != kCarriageEnd;
    j.transshipments += r.transshipment && between ? 1 : 0;
    if (r.duration.value() > 0 || s.cost.value() > 0 || s.co2e.value() > 0 || r.transshipment) j.steps.push_back(s);
  };
  for (const Move& m : moves) {
    const GroupId g = m.is_link ? tt.link_group(m.link) : tt.board_group(tt.trip_route(m.trip), m.board_pos);
    if (!g.valid() || tt.group_stop(g) != at) fail("a move does not start where the box is (" + tt.stop_name(at) + ")");
    const RuleId rid = tt.find_rule(g, slot);
    if (!rid.valid()) fail("transfer " + code_name(tt.slot_code(slot)) + "->" + code_name(tt.group_code(g)) +
                           " not allowed at " + tt.stop_name(at));
    handle(rid, tt.group_code(g));
    if (m.is_link) {
      const UntimedLink& l = tt.link(m.link);
      Step s;
      s.kind = StepKind::link;
      s.link = m.link;
      s.from = l.from;
      s.to = l.to;
      s.start = t;
      s.end = t + l.duration;
      s.cost = cargo.price(l.cost_teu, l.cost_feu);
      s.co2e = cargo.transport(l.distance, tt.link_intensity(m.link));
      j.cost += s.cost;
      j.co2e += s.co2e;
      j.steps.push_back(s);
      t = s.end;
      at = l.to;
      slot = tt.link_slot(m.link);
      continue;
    }
    const RouteId r = tt.trip_route(m.trip);
    const std::uint32_t local = m.trip.get() - tt.route_first_trip(r).get();
    const auto stops = tt.route_stops(r);
    if (m.alight_pos <= m.board_pos || m.alight_pos >= stops.size()) fail("alighting position not after boarding");
    if (!cargo.fits(tt.route_capacity_teu(r))) fail("the cargo exceeds the capacity of a departure");
    const Instant dep = tt.departure(r, local, m.board_pos);
    const Minutes cutoff = tt.route_cutoff(r);
    if (t + cutoff > dep) fail("the box misses the cut-off of a departure at " + format_iso8601(dep));
    if (dep > t) {
      Step w;
      w.kind = StepKind::wait;
      w.from = w.to = at;
      w.start = t;
      w.end = dep;
      w.cutoff = cutoff;
      j.steps.push_back(w);
    }
    Step s;
    s.kind = StepKind::ride;
    s.trip = m.trip;
    s.service = tt.trip_service(m.trip);
    s.board_pos = m.board_pos;
    s.alight_pos = m.alight_pos;
    s.from = stops[m.board_pos];
    s.to = stops[m.alight_pos];
    s.start = dep;
    s.end = tt.arrival(r, local, m.alight_pos);
    s.cutoff = cutoff;
    s.cost = cargo.price(tt.ride_price_teu(r, m.board_pos, m.alight_pos), tt.ride_price_feu(r, m.board_pos, m.alight_pos));
    for (std::uint32_t pos = m.board_pos + 1; pos <= m.alight_pos; ++pos)
      s.co2e += cargo.transport(tt.segment_km(r, pos), tt.route_intensity(r));
    j.cost += s.cost;
    j.co2e += s.co2e;
    j.trips += 1;
    j.steps.push_back(s);
    t = s.end;
    at = s.to;
    slot = tt.alight_slot(r, m.alight_pos);
  }
  const RuleId end = tt.end_rule(slot);
  if (!end.valid()) fail("hand-over (" + code_name(tt.slot_code(slot)) + "->end) not allowed at " + tt.stop_name(at));
  handle(end, kCarriageEnd);
  j.target = at;
  j.arrival = t;

  // Latest ready instant: walk back from the first ride over the steps before it.
  j.departure = ready;
  for (std::size_t i = 0; i < j.steps.size(); ++i) {
    if (j.steps[i].kind != StepKind::ride) continue;
    Instant latest = j.steps[i].start - j.steps[i].cutoff;
    for (std::size_t k = 0; k < i; ++k)
      if (j.steps[k].kind != StepKind::wait) latest -= j.steps[k].end - j.steps[k].start;
    j.departure = latest;
    break;
  }
  return j;
}

std::string format_journey(const Timetable& tt, const Journey& j, Minutes off) {
  std::string out = "ready   " + tt.stop_name(j.origin) + " " + format_iso8601(j.ready, off) + "\n";
  for (const Step& s : j.steps) {
    switch (s.kind) {
      case StepKind::handling:
        out += "handle  " + tt.stop_name(s.from) + " " + code_name(s.arrive_code) + "->" + code_name(s.depart_code) +
               " " + format_duration(s.end - s.start) + " " + money(s.cost) + " " + kg(s.co2e) +
               (s.transshipment ? " lift" : "") + "\n";
        break;
      case StepKind::wait:
        out += "wait    " + tt.stop_name(s.from) + " " + format_duration(s.end - s.start) + " until " +
               format_iso8601(s.end, off) +
               (s.cutoff.value() > 0 ? " (cut-off " + format_duration(s.cutoff) + ")" : std::string()) + "\n";
        break;
      case StepKind::ride:
        out += "ride    " + tt.service(s.service).id + " " + tt.stop_name(s.from) + " " + format_iso8601(s.start, off) +
               " -> " + tt.stop_name(s.to) + " " + format_iso8601(s.end, off) + " " + format_duration(s.end - s.start) +
               " " + money(s.cost) + " " + kg(s.co2e) + "\n";
        break;
      case StepKind::link: {
        const UntimedLink& l = tt.link(s.link);
        out += "link    " + (l.id.empty() ? to_string(l.carriage) : l.id) + " " + tt.stop_name(s.from) + " " +
               format_iso8601(s.start, off) + " -> " + tt.stop_name(s.to) + " " + format_iso8601(s.end, off) + " " +
               format_duration(s.end - s.start) + " " + money(s.cost) + " " + kg(s.co2e) + "\n";
        break;
      }
    }
  }
  out += "deliver " + tt.stop_name(j.target) + " " + format_iso8601(j.arrival, off) + " after " +
         format_duration(j.arrival - j.ready) + " " + money(j.cost) + " " + kg(j.co2e) + " " +
         std::to_string(j.trips) + (j.trips == 1 ? " trip " : " trips ") + std::to_string(j.transshipments) +
         (j.transshipments == 1 ? " lift\n" : " lifts\n");
  return out;
}

std::string summarize(const Timetable& tt, const Journey& j, Minutes off) {
  return "ready " + tt.stop_name(j.origin) + " " + format_iso8601(j.ready, off) + ", arrive " + tt.stop_name(j.target) +
         " " + format_iso8601(j.arrival, off) + ", " + format_duration(j.arrival - j.ready) + ", " + money(j.cost) +
         ", " + kg(j.co2e) + " CO2e, " + std::to_string(j.trips) + (j.trips == 1 ? " trip" : " trips");
}

}  // namespace landbridge::timetable
