// Bookings: create (hold slots on every departure, confirm with ISO 6346 numbers, plan the
// events), read, list, cancel or complete, and the operators' load list of a departure.
#include <algorithm>
#include <map>
#include <random>
#include <variant>

#include "desk_parts.h"
#include "landbridge/route/equipment.h"
#include "landbridge/schedule/planner.h"
#include "landbridge/service/dcsa.h"
#include "landbridge/service/iso6346.h"
#include "landbridge/service/tracking.h"
#include "landbridge/timetable/time.h"

namespace landbridge::service {
namespace {

using nlohmann::json;

constexpr std::int32_t kMaxUnits = 500;

Reply bad(std::string_view field, std::string_view detail) {
  return problem(400, "bad-request", "Invalid booking request", detail, field);
}

// What a booking request asks for, checked.
struct Request {
  std::string routing_reference;
  std::string iso_code;
  std::int32_t units = 0;
  std::int32_t teu_per_box = 1;
  std::vector<std::string> containers;  // the shipper's own numbers, or empty
};

// Accepts the short form {"routingReference", "ISOEquipmentCode", "units", "equipmentReferences"?}
// and DCSA's {"routingReference", "requestedEquipments": [{"ISOEquipmentCode", "units",
// "equipmentReferences"?}]} with one equipment line.
std::variant<Request, Reply> parse_request(const json& body) {
  if (!body.is_object()) return bad("", "the request body must be a JSON object");
  Request r;
  if (!body.contains("routingReference") || !body["routingReference"].is_string() ||
      body["routingReference"].get<std::string>().empty())
    return bad("routingReference", "routingReference is required: the routingReference of a point-to-point route");
  r.routing_reference = body["routingReference"].get<std::string>();
  const json* line = &body;
  std::string prefix;
  if (body.contains("requestedEquipments")) {
    const json& eq = body["requestedEquipments"];
    if (!eq.is_array() || eq.size() != 1)
      return bad("requestedEquipments", "requestedEquipments must hold exactly one equipment line (one ISO size-type per booking)");
    line = &eq[0];
    prefix = "requestedEquipments[0].";
    if (!line->is_object()) return bad("requestedEquipments[0]", "an equipment line is a JSON object");
  }
  if (!line->contains("ISOEquipmentCode") || !(*line)["ISOEquipmentCode"].is_string())
    return bad(prefix + "ISOEquipmentCode", "ISOEquipmentCode is required (22G1, 42G1, 45G1, 22R1, 45R1)");
  const std::string code = (*line)["ISOEquipmentCode"].get<std::string>();
  const auto box = route::parse_box_type(code);
  if (!box || route::iso_code(*box) != code)
    return bad(prefix + "ISOEquipmentCode", "'" + code + "' is not an ISO size-type code the service carries (22G1, 42G1, 45G1, 22R1, 45R1)");
  r.iso_code = code;
  r.teu_per_box = box->unit == ContainerUnit::feu ? 2 : 1;
  if (!line->contains("units") || !(*line)["units"].is_number_integer())
    return bad(prefix + "units", "units (the number of boxes) is required, a whole number");
  const auto units = (*line)["units"].get<std::int64_t>();
  if (units < 1 || units > kMaxUnits) return bad(prefix + "units", "units must be 1 to " + std::to_string(kMaxUnits));
  r.units = static_cast<std::int32_t>(units);
  if (line->contains("equipmentReferences")) {
    const json& refs = (*line)["equipmentReferences"];
    const std::string field = prefix + "equipmentReferences";
    if (!refs.is_array()) return bad(field, "equipmentReferences is a list of ISO 6346 container numbers");
    if (refs.size() != static_cast<std::size_t>(r.units))
      return bad(field, "equipmentReferences must name one container per unit (" + std::to_string(r.units) + ")");
    for (std::size_t i = 0; i < refs.size(); ++i) {
      const std::string f = field + "[" + std::to_string(i) + "]";
      if (!refs[i].is_string()) return bad(f, "a container number is a string");
      const std::string n = refs[i].get<std::string>();
      if (const auto why = container_number_problem(n); !why.empty()) return bad(f, n + ": " + why);
      if (std::find(r.containers.begin(), r.containers.end(), n) != r.containers.end())
        return bad(f, n + " is named twice");
      r.containers.push_back(n);
    }
  }
  return r;
}

// Free numbers of the service's own series (owner LBU), random serials, checked with the store.
std::vector<std::string> number_boxes(Store& store, std::int32_t units) {
  thread_local std::mt19937 rng{std::random_device{}()};
  std::uniform_int_distribution<std::uint32_t> serial(0, 999'999);
  std::vector<std::string> out;
  while (out.size() < static_cast<std::size_t>(units)) {
    std::string n = make_container_number(kOwnerCode, serial(rng));
    if (std::find(out.begin(), out.end(), n) == out.end() && !store.container_taken(n)) out.push_back(std::move(n));
  }
  return out;
}

json itinerary_of(const Booking& b) {
  if (b.itinerary_json.empty()) return json();
  return json::parse(b.itinerary_json, nullptr, false);
}

}  // namespace

// The planned arrival of a booking stored before bookings kept it (schema 1): the latest planned
// gate-out of its events.
static std::optional<Instant> eta_of(Store& store, const std::string& reference) {
  EventFilter f;
  f.booking_reference = reference;
  f.classifier = "PLN";
  f.type_code = "GTOT";
  f.limit = 1000;
  std::optional<Instant> eta;
  std::int64_t seq = -1;
  for (const auto& e : store.events(f))
    if (e.seq > seq) {
      seq = e.seq;
      eta = e.event_time;
    }
  return eta;
}

json Desk::view_json_of(const Booking& b) const {
  Booking shown = b;
  if (!holds_slots(b.status)) shown.holds.clear();  // the slots it holds: none any more
  return booking_json(shown, engine_.network(), itinerary_of(b), b.eta);
}

std::string Desk::view_of(const Booking& b) const {
  return view_json_of(b).dump(-1, ' ', false, json::error_handler_t::replace);
}

Reply Desk::create_booking(const Caller& c, const json& body, const WriteKey& w) {
  detail::WriteGate gate(in_flight_mu_, in_flight_);
  if (auto early = gate.open(store_, c, w)) return *early;
  auto parsed = parse_request(body);
  if (auto* r = std::get_if<Reply>(&parsed)) return *r;
  const Request& req = std::get<Request>(parsed);
  for (std::size_t i = 0; i < req.containers.size(); ++i)
    if (store_.container_taken(req.containers[i]))
      return problem(409, "container-in-use", "Container number in use",
                     req.containers[i] + " is already on another booking", "equipmentReferences[" + std::to_string(i) + "]");

  // The reference is re-planned as it was offered: with the free slots. When a departure of it
  // filled up since, the plain timetable still has it, and the store's check names the full
  // departure (a REJECTED booking, below).
  query::ScheduledAnswer answer;
  try {
    try {
      answer = engine_.resolve_reference(req.routing_reference, detail::free_teu(engine_, store_));
    } catch (const query::QueryError& e) {
      if (e.problem() != query::Problem::no_route) throw;
      answer = engine_.resolve_reference(req.routing_reference);
    }
  } catch (const query::QueryError& e) {
    if (e.problem() == query::Problem::no_route)
      return problem(409, "not-offered", "Itinerary no longer offered", e.what(), "routingReference");
    return problem(400, "bad-request", "Invalid booking request", e.what(), "routingReference");
  }
  const schedule::ScheduledItinerary& it = answer.result.itineraries.front();
  const Instant at = detail::now();

  Booking b;
  b.reference = detail::new_booking_reference();
  b.party = c.party;
  b.status = BookingStatus::confirmed;
  b.routing_reference = req.routing_reference;
  b.iso_equipment_code = req.iso_code;
  b.units = req.units;
  b.teu = req.units * req.teu_per_box;
  std::vector<std::string> departures;
  for (const auto& d : engine_.departures(it)) {
    departures.push_back(query::to_string(d));
    // A service without a stated capacity is not limited: no slots to hold.
    if (const std::int32_t cap = engine_.capacity_teu(d.service); cap > 0) b.holds.push_back({departures.back(), b.teu, cap});
  }
  b.containers = req.containers.empty() ? number_boxes(store_, req.units) : req.containers;
  schedule::ScheduledResult one = answer.result;
  one.itineraries.assign(1, it);
  json itinerary = schedule::to_json(answer.network(), one)["itineraries"][0];
  itinerary["from"] = answer.network().node(it.from).code;  // the itinerary's own ends
  itinerary["to"] = answer.network().node(it.to).code;
  b.itinerary_json = itinerary.dump();
  b.created = b.updated = at;
  b.eta = it.arrival;  // the planned gate-out, until a late event re-plans

  Reply ok;
  ok.status = 201;
  ok.location = "/v2/bookings/" + b.reference;
  // A container number taken by a booking committed between the check and the write: the
  // store refuses the whole booking. The service's own numbers are drawn again; a shipper's own
  // number is a conflict.
  // The planned events are written with the booking, in its transaction.
  std::optional<Store::CreateResult> stored;
  for (int attempt = 0; !stored; ++attempt) {
    ok.body = view_json_of(b);
    b.view_json = ok.text();
    const Shipment s{b.reference, b.party, b.iso_equipment_code, b.containers};
    const auto planned = planned_events(answer.network(), it, s, at, {.gate_in = true, .departures = departures});
    try {
      stored = store_.create_booking(b, planned, gate.response(ok));
    } catch (const StoreError&) {
      std::size_t taken = b.containers.size();
      for (std::size_t i = 0; i < b.containers.size() && taken == b.containers.size(); ++i)
        if (store_.container_taken(b.containers[i])) taken = i;
      if (taken == b.containers.size() || attempt >= 3) throw;
      if (!req.containers.empty())
        return problem(409, "container-in-use", "Container number in use",
                       b.containers[taken] + " is already on another booking",
                       "equipmentReferences[" + std::to_string(taken) + "]");
      b.containers = number_boxes(store_, req.units);
    }
  }
  const Store::CreateResult& result = *stored;
  if (const auto* first = std::get_if<Replay>(&result)) return detail::answer_used_key(first->first, w);
  if (std::holds_alternative<Booking>(result)) return ok;
  // Sold out: the booking is stored REJECTED, holding nothing, and named in the answer.
  const SoldOut& sold = std::get<SoldOut>(result);
  Booking rejected = b;
  rejected.status = BookingStatus::rejected;
  rejected.holds.clear();
  rejected.containers.clear();
  rejected.eta.reset();
  rejected.reason = "sold out: departure " + sold.departure + " has " + std::to_string(sold.free_teu) +
                    " TEU free, the booking needs " + std::to_string(b.teu);
  Reply no = problem(409, "sold-out", "Departure sold out",
                     rejected.reason + "; booking " + rejected.reference + " is stored as REJECTED", "routingReference");
  no.body["departure"] = sold.departure;
  no.body["freeTEU"] = sold.free_teu;
  no.body["carrierBookingReference"] = rejected.reference;
  no.body["bookingStatus"] = "REJECTED";
  rejected.view_json = view_of(rejected);
  const auto again = store_.create_booking(rejected, gate.response(no));
  if (const auto* first = std::get_if<Replay>(&again)) return detail::answer_used_key(first->first, w);
  return no;
}

// One indexed read of the stored view, served as it is.
Reply Desk::get_booking(const Caller& c, const std::string& reference) {
  const auto v = store_.booking_view(reference);
  if (!v || !detail::may_see(c, v->party)) return detail::not_found("booking " + reference);
  Reply r;
  if (!v->json.empty()) {
    r.body_text = v->json;
    return r;
  }
  // Stored before the store kept views: rendered from the record and its events.
  auto b = store_.booking(reference);
  if (!b) return detail::not_found("booking " + reference);
  if (!b->eta) b->eta = eta_of(store_, b->reference);
  r.body_text = view_of(*b);
  return r;
}

Reply Desk::list_bookings(const Caller& c, std::int32_t limit, const std::string& cursor) {
  limit = std::clamp(limit, 1, 100);
  const auto list = store_.bookings(c.role == Role::shipper ? c.party : "", limit, cursor);
  // The stored views, put together as text: {"bookings":[...],"nextCursor":...}.
  std::string text = "{\"bookings\":[";
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (i > 0) text += ',';
    if (!list[i].view_json.empty()) {
      text += list[i].view_json;
      continue;
    }
    Booking b = list[i];  // stored before the store kept views
    if (!b.eta) b.eta = eta_of(store_, b.reference);
    text += view_of(b);
  }
  text += "],\"nextCursor\":";
  text += static_cast<std::int32_t>(list.size()) == limit && !list.empty() ? json(list.back().reference).dump() : "null";
  text += '}';
  Reply r;
  r.body_text = std::move(text);
  return r;
}

Reply Desk::patch_booking(const Caller& c, const std::string& reference, const json& body, const WriteKey& w) {
  detail::WriteGate gate(in_flight_mu_, in_flight_);
  if (auto early = gate.open(store_, c, w)) return *early;
  const auto b = store_.booking(reference);
  if (!b || !detail::may_see(c, b->party)) return detail::not_found("booking " + reference);
  if (!body.is_object() || !body.contains("bookingStatus") || !body["bookingStatus"].is_string())
    return bad("bookingStatus", "bookingStatus is required: CANCELLED (or COMPLETED, operators)");
  const auto to = parse_booking_status(body["bookingStatus"].get<std::string>());
  if (!to || (*to != BookingStatus::cancelled && *to != BookingStatus::completed))
    return bad("bookingStatus", "a booking can be changed to CANCELLED or COMPLETED");
  if (*to == BookingStatus::completed && c.role == Role::shipper)
    return detail::forbidden("only an operator completes a booking");
  std::string reason;
  if (body.contains("reason")) {
    if (!body["reason"].is_string()) return bad("reason", "reason is text");
    reason = body["reason"].get<std::string>();
  }
  if (!can_transition(b->status, *to)) {
    Reply no = problem(409, "illegal-transition", "Illegal booking transition",
                       "booking " + reference + " is " + std::string(to_string(b->status)) + " and cannot become " +
                           std::string(to_string(*to)),
                       "bookingStatus");
    store_.put_idempotent(gate.response(no));
    return no;
  }
  Booking after = *b;
  after.status = *to;
  after.reason = reason;
  after.updated = detail::now();
  if (*to == BookingStatus::cancelled) after.eta.reset();
  Reply ok;
  ok.body = view_json_of(after);
  const auto t = store_.transition(reference, *to, reason, {}, gate.response(ok), renderer());
  if (!t) return detail::not_found("booking " + reference);
  if (t->replay) return detail::answer_used_key(t->replay->first, w);
  if (!t->ok) {
    // Another request changed it first.
    return problem(409, "illegal-transition", "Illegal booking transition",
                   "booking " + reference + " is " + std::string(to_string(t->booking.status)) + " and cannot become " +
                       std::string(to_string(*to)),
                   "bookingStatus");
  }
  return ok;  // the body stored for replays
}

Reply Desk::load_list(const Caller& c, const std::string& departure) {
  if (c.role == Role::shipper) return detail::forbidden("load lists are for operators");
  const auto d = query::parse_departure(departure);
  if (!d) return bad("departure", "a departure is SERVICE@YYYY-MM-DDTHH:MMZ, e.g. RAIL-LYG-HOR@2026-12-14T00:00Z");
  const auto usage = store_.departure_usage(departure);
  const std::int32_t capacity = usage ? usage->capacity_teu : engine_.capacity_teu(d->service);
  const std::int32_t booked = usage ? usage->booked_teu : 0;
  const Network& net = engine_.network();
  auto place = [&](const std::string& code) -> json {
    if (code.empty()) return nullptr;
    if (const auto n = net.find_node(code)) return dcsa_location(net, *n);
    return {{"UNLocationCode", code}};
  };
  json rows = json::array();
  std::map<std::string, std::pair<std::int32_t, std::int32_t>> by_feeder;  // feeder -> TEU, bookings
  for (const auto& row : store_.load_list(departure)) {
    std::string boarding = row.boarding, origin = row.origin, feeder, inbound;
    if (const auto b = store_.booking(row.booking_reference)) {
      const json it = itinerary_of(*b);
      if (it.is_object()) {
        if (origin.empty()) origin = itinerary_ends(it).from;
        const json* previous_ride = nullptr;
        for (const auto& s : it.value("steps", json::array())) {
          if (s.value("kind", "") != "leg") continue;
          const std::string mode = s["mode"].is_string() ? s["mode"].get<std::string>() : "";
          const std::string name = s["service"].is_string() ? s["service"].get<std::string>()
                                                            : (s["link"].is_string() ? s["link"].get<std::string>() : "");
          if (feeder.empty() && (mode == "feeder" || mode == "deep_sea" || mode == "ferry")) feeder = name;
          if (s["service"].is_string() && s["service"] == d->service) {
            if (boarding.empty()) boarding = s.value("from", "");
            if (previous_ride != nullptr && (*previous_ride)["service"].is_string())
              inbound = (*previous_ride)["service"].get<std::string>();
            break;
          }
          if (s["service"].is_string()) previous_ride = &s;
        }
      }
    }
    auto& f = by_feeder[feeder];
    f.first += row.teu;
    f.second += 1;
    rows.push_back({{"carrierBookingReference", row.booking_reference},
                    {"party", row.party},
                    {"bookingStatus", std::string(to_string(row.status))},
                    {"ISOEquipmentCode", row.iso_equipment_code},
                    {"units", row.units},
                    {"TEU", row.teu},
                    {"boardingLocation", place(boarding)},
                    {"placeOfReceipt", place(origin)},
                    {"feederService", feeder.empty() ? json(nullptr) : json(feeder)},
                    {"inboundService", inbound.empty() ? json(nullptr) : json(inbound)}});
  }
  json feeders = json::array();
  for (const auto& [name, f] : by_feeder)
    feeders.push_back({{"feederService", name.empty() ? json(nullptr) : json(name)}, {"TEU", f.first}, {"bookings", f.second}});
  Reply r;
  r.body = {{"departure", departure},
            {"service", d->service},
            {"departureDateTime", dcsa_utc(d->start)},
            {"capacityTEU", capacity},
            {"bookedTEU", booked},
            {"freeTEU", capacity - booked},
            {"bookings", std::move(rows)},
            {"feeders", std::move(feeders)}};
  return r;
}

}  // namespace landbridge::service
