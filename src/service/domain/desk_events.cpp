// Track & trace: actual events posted by operators (a late one re-plans the rest of the
// booking's journey on the timetable) and the event query with filters and a cursor.
#include <algorithm>
#include <map>

#include "desk_parts.h"
#include "landbridge/service/dcsa.h"
#include "landbridge/service/tracking.h"
#include "landbridge/timetable/time.h"

namespace landbridge::service {
namespace {

using nlohmann::json;

// Events after which the box stands at the event's place, free to leave on the next departure:
// the ones a re-plan starts from. A late LOAD or DEPA has the box aboard a late ride; the
// arrival of that ride re-plans.
bool box_on_the_ground(const Event& e) {
  return e.type_code == "DISC" || e.type_code == "GTIN" || e.type_code == "INSP" || e.type_code == "ARRI";
}

// The planned event an actual one stands for: same booking, kind, place and box; the earliest.
std::optional<Event> planned_counterpart(Store& store, const Event& act) {
  EventFilter f;
  f.booking_reference = act.booking_reference;
  f.classifier = "PLN";
  f.type_code = act.type_code;
  f.un_location_code = act.un_location_code;
  f.equipment_reference = act.equipment_reference;
  f.limit = 1000;
  std::optional<Event> best;
  for (auto& e : store.events(f))
    if (e.equipment_reference == act.equipment_reference && (!best || e.event_time < best->event_time)) best = std::move(e);
  return best;
}

// The holds of the rides a booking has made by `until`: a hold's departure matched, in order,
// with the booked itinerary's rides on the same service that arrive by then.
std::vector<Hold> holds_done(const Booking& b, const json& itinerary, Instant until) {
  std::vector<std::pair<std::string, Instant>> rides;
  if (itinerary.is_object())
    for (const auto& st : itinerary.value("steps", json::array()))
      if (st.value("kind", "") == "leg" && st["service"].is_string())
        rides.emplace_back(st["service"].get<std::string>(), *timetable::parse_iso8601(st["arrive"].get<std::string>()));
  std::vector<Hold> kept;
  std::size_t next = 0;
  for (const auto& h : b.holds) {
    const auto d = query::parse_departure(h.departure);
    if (!d) continue;
    std::size_t at = next;
    while (at < rides.size() && rides[at].first != d->service) ++at;
    if (at < rides.size()) {
      if (rides[at].second <= until) kept.push_back(h);
      next = at + 1;
    } else if (d->start <= until) {
      kept.push_back(h);  // a ride of an earlier re-plan (not in the booked itinerary) that had started
    }
  }
  return kept;
}

struct Replan {
  Event act;       // the late actual event
  Event planned;   // what was planned for it
};

}  // namespace

Reply Desk::post_events(const Caller& c, const json& body, const WriteKey& w) {
  if (c.role == Role::shipper) return detail::forbidden("only operators post events");
  detail::WriteGate gate(in_flight_mu_, in_flight_);
  if (auto early = gate.open(store_, c, w)) return *early;
  const bool many = body.is_array() || (body.is_object() && body.contains("events"));
  const json list = body.is_array() ? body : (many ? body["events"] : json::array({body}));
  if (!list.is_array() || list.empty())
    return problem(400, "bad-request", "Invalid events", "the body is an event, a list of events or {\"events\": [...]}",
                   "events");
  const Instant at = detail::now();
  const Network& net = engine_.network();
  std::vector<Event> events;
  std::map<std::string, Replan> replans;  // per booking: the latest late event
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string where = many ? "events[" + std::to_string(i) + "]" : "";
    auto field = [&](const std::string& f) { return where.empty() ? f : (f.empty() ? where : where + "." + f); };
    PostedEvent p = check_posted_event(net, list[i], at);
    if (!p.problem.empty()) return problem(400, "bad-request", "Invalid event", p.problem, field(p.field));
    std::string reference = p.event.booking_reference;
    if (reference.empty()) {
      EventFilter f;
      f.equipment_reference = p.event.equipment_reference;
      f.limit = 1;
      const auto known = store_.events(f);
      if (!known.empty()) reference = known.front().booking_reference;
    }
    const auto b = reference.empty() ? std::nullopt : store_.booking(reference);
    if (!b)
      return problem(400, "bad-request", "Unknown booking",
                     reference.empty() ? "no booking carries container " + p.event.equipment_reference
                                       : "booking " + reference + " does not exist",
                     field(reference.empty() ? "equipmentReference" : "documentReferences"));
    if (!p.event.equipment_reference.empty() &&
        std::find(b->containers.begin(), b->containers.end(), p.event.equipment_reference) == b->containers.end())
      return problem(400, "bad-request", "Container not on the booking",
                     p.event.equipment_reference + " is not a container of booking " + reference, field("equipmentReference"));
    p.event.booking_reference = reference;
    p.event.party = b->party;
    p.payload["documentReferences"] = json::array({{{"documentReferenceType", "BKG"}, {"documentReferenceValue", reference}}});
    if (p.event.event_type == "EQUIPMENT") {
      if (!p.payload.contains("ISOEquipmentCode")) p.payload["ISOEquipmentCode"] = b->iso_equipment_code;
      if (!p.payload.contains("emptyIndicatorCode")) p.payload["emptyIndicatorCode"] = "LADEN";
    }
    p.event.payload = p.payload.dump();
    if (p.event.classifier == "ACT" && box_on_the_ground(p.event) && b->status == BookingStatus::confirmed) {
      if (const auto planned = planned_counterpart(store_, p.event); planned && p.event.event_time > planned->event_time) {
        auto& slot = replans[reference];
        if (slot.act.event_id.empty() || slot.act.event_time < p.event.event_time) slot = {p.event, *planned};
      }
    }
    events.push_back(std::move(p.event));
  }

  // Plan first, write after: the answer (stored with the events for replays) says what changed.
  struct Planned {
    std::string booking;
    Store::Replan replan;
    std::size_t entry = 0;  // in `replanned`
  };
  std::vector<Planned> writes;
  json replanned = json::array();
  for (const auto& [reference, r] : replans) {
    const auto b = store_.booking(reference);
    const json itinerary = json::parse(b->itinerary_json, nullptr, false);
    const std::string destination = itinerary_ends(itinerary).to;
    json entry = {{"carrierBookingReference", reference},
                  {"UNLocationCode", r.act.un_location_code},
                  {"eventDateTime", dcsa_utc(r.act.event_time)},
                  {"plannedDateTime", dcsa_utc(r.planned.event_time)},
                  {"delayMinutes", (r.act.event_time - r.planned.event_time).value()}};
    if (destination.empty() || destination == r.act.un_location_code) {
      entry["replanned"] = false;
      entry["reason"] = "the box is at its destination: nothing left to re-plan";
      replanned.push_back(std::move(entry));
      continue;
    }
    query::ScheduledQuery q;
    q.from = r.act.un_location_code;
    q.to = destination;
    q.depart = timetable::format_iso8601(r.act.event_time);
    q.unit = b->iso_equipment_code;
    q.count = b->units;
    q.free_teu = detail::free_teu(engine_, store_);
    try {
      const query::ScheduledAnswer a = engine_.plan_scheduled(q);
      const auto& it = a.result.itineraries.front();
      std::vector<std::string> departures;
      for (const auto& d : engine_.departures(it)) departures.push_back(query::to_string(d));
      const Shipment s{reference, b->party, b->iso_equipment_code, b->containers};
      std::vector<Hold> holds = holds_done(*b, itinerary, r.planned.event_time);
      for (const auto& d : engine_.departures(it)) {
        const std::string key = query::to_string(d);
        const bool held = std::any_of(holds.begin(), holds.end(), [&](const Hold& h) { return h.departure == key; });
        if (const std::int32_t cap = engine_.capacity_teu(d.service); cap > 0 && !held) holds.push_back({key, b->teu, cap});
      }
      writes.push_back({reference,
                        Store::Replan{std::move(holds), r.planned.event_time,
                                      planned_events(a.network(), it, s, at, {.gate_in = false, .departures = departures}),
                                      it.arrival},
                        replanned.size()});
      entry["replanned"] = true;
      entry["estimatedArrivalDateTime"] = dcsa_utc(it.arrival);
      entry["departures"] = departures;
    } catch (const query::QueryError& e) {
      entry["replanned"] = false;
      entry["reason"] = std::string("no itinerary from ") + r.act.un_location_code + " to " + destination +
                        " on the timetable: " + e.what();
    }
    replanned.push_back(std::move(entry));
  }

  // Each re-plan is one store transaction before the answer is stored: the slots follow the new
  // plan (released where the box no longer rides, held on the new departures), the planned
  // events and the ETA are replaced, all or nothing.
  for (const auto& p : writes) {
    json& entry = replanned[p.entry];
    const auto m = store_.move_holds(p.booking, p.replan, renderer());
    if (m && std::holds_alternative<Booking>(*m)) {
      entry["holdsMoved"] = true;
      continue;
    }
    entry["replanned"] = false;
    entry["holdsMoved"] = false;
    entry["reason"] = m ? "departure " + std::get<SoldOut>(*m).departure + " filled up while re-planning (" +
                              std::to_string(std::get<SoldOut>(*m).free_teu) + " TEU free); the plan is unchanged"
                        : "the booking no longer holds slots (cancelled meanwhile); the plan is unchanged";
    entry.erase("estimatedArrivalDateTime");
    entry.erase("departures");
  }

  Reply ok;
  ok.status = 201;
  ok.body = {{"events", json::array()}, {"replans", replanned}};
  for (const auto& e : events) ok.body["events"].push_back(json::parse(e.payload));
  const auto stored = store_.add_events(events, gate.response(ok));
  if (const auto* first = std::get_if<Replay>(&stored)) return detail::answer_used_key(first->first, w);
  return ok;
}

Reply Desk::get_events(const Caller& c, const EventFilter& filter) {
  EventFilter f = filter;
  if (c.role == Role::shipper) f.party = c.party;
  f.limit = std::clamp(f.limit, 1, 1000);
  const auto list = store_.events(f);
  Reply r;
  r.body = {{"events", json::array()}, {"nextCursor", nullptr}};
  for (const auto& e : list) r.body["events"].push_back(json::parse(e.payload));
  if (static_cast<std::int32_t>(list.size()) == f.limit) r.body["nextCursor"] = std::to_string(list.back().seq);
  return r;
}

}  // namespace landbridge::service
