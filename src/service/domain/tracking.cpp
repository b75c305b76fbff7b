#include "landbridge/service/tracking.h"

#include <array>
#include <cstdio>
#include <random>

#include "landbridge/service/dcsa.h"
#include "landbridge/service/iso6346.h"
#include "landbridge/timetable/time.h"

namespace landbridge::service {
namespace {

using nlohmann::json;

constexpr std::array kEquipmentCodes{"LOAD", "DISC", "GTIN", "GTOT", "STUF", "STRP", "PICK", "DROP", "INSP", "RSEA", "RMVD"};
constexpr std::array kTransportCodes{"ARRI", "DEPA"};

template <std::size_t N>
bool one_of(const std::array<const char*, N>& codes, const std::string& s) {
  for (const char* c : codes)
    if (s == c) return true;
  return false;
}

bool has_operation(const std::string& operation, std::string_view kind) {
  // Node steps may join several operations: "gauge_change+border".
  std::size_t start = 0;
  while (start <= operation.size()) {
    const std::size_t end = operation.find('+', start);
    const std::string_view part = std::string_view(operation).substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (part == kind) return true;
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return false;
}

// One call of a ride, as a T&T transportCall.
struct Call {
  NodeId node;
  Mode mode = Mode::rail;
  std::string service;     // "" for an untimed link or road leg
  std::string departure;   // departure key ("" unknown)
  bool border = false;
};

json transport_call(const Network& net, const Call& c) {
  const auto& info = net.node(c.node);
  json t = {{"modeOfTransport", dcsa_mode(c.mode)},
            {"UNLocationCode", info.code},
            {"facilityTypeCode", c.border ? "BOCR" : std::string(dcsa_facility_type(info.kind))}};
  if (!c.service.empty()) t["carrierServiceCode"] = c.service;
  if (!c.departure.empty()) t["carrierVoyageNumber"] = c.departure;
  return t;
}

class Maker {
 public:
  Maker(const Network& net, const Shipment& s, Instant created) : net_(net), s_(s), created_(created) {}

  void transport(const char* code, const Call& c, Instant at) {
    json p = base("TRANSPORT", at);
    p["transportEventTypeCode"] = code;
    p["eventLocation"] = dcsa_location(net_, c.node);
    p["transportCall"] = transport_call(net_, c);
    push(std::move(p), code, "", c.node, at);
  }

  void equipment(const char* code, const Call& c, Instant at, bool transshipment = false) {
    for (const auto& box : s_.containers) {
      json p = base("EQUIPMENT", at);
      p["equipmentEventTypeCode"] = code;
      p["equipmentReference"] = box;
      p["ISOEquipmentCode"] = s_.iso_equipment_code;
      p["emptyIndicatorCode"] = "LADEN";
      p["eventLocation"] = dcsa_location(net_, c.node);
      p["transportCall"] = transport_call(net_, c);
      if (transshipment) p["isTransshipmentMove"] = true;
      push(std::move(p), code, box, c.node, at);
    }
  }

  std::vector<Event> take() { return std::move(events_); }

 private:
  json base(const char* type, Instant at) const {
    return {{"eventID", new_uuid()},
            {"eventType", type},
            {"eventClassifierCode", "PLN"},
            {"eventDateTime", dcsa_utc(at)},
            {"eventCreatedDateTime", dcsa_utc(created_)},
            {"documentReferences", json::array({{{"documentReferenceType", "BKG"}, {"documentReferenceValue", s_.booking_reference}}})}};
  }
  void push(json p, const char* code, const std::string& box, NodeId node, Instant at) {
    Event e;
    e.event_id = p["eventID"].get<std::string>();
    e.classifier = "PLN";
    e.event_type = p["eventType"].get<std::string>();
    e.type_code = code;
    e.equipment_reference = box;
    e.booking_reference = s_.booking_reference;
    e.party = s_.party;
    e.un_location_code = net_.node(node).code;
    e.event_time = at;
    e.created = created_;
    e.payload = p.dump();
    events_.push_back(std::move(e));
  }

  const Network& net_;
  const Shipment& s_;
  Instant created_;
  std::vector<Event> events_;
};

}  // namespace

std::string new_uuid() {
  thread_local std::mt19937_64 rng{std::random_device{}() ^ (static_cast<std::uint64_t>(std::random_device{}()) << 32)};
  std::uint64_t hi = rng(), lo = rng();
  hi = (hi & 0xFFFFFFFFFFFF0FFFULL) | 0x0000000000004000ULL;  // version 4
  lo = (lo & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;  // variant 10
  char buf[37];
  std::snprintf(buf, sizeof buf, "%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(hi >> 32),
                static_cast<unsigned>((hi >> 16) & 0xFFFF), static_cast<unsigned>(hi & 0xFFFF),
                static_cast<unsigned>(lo >> 48), static_cast<unsigned long long>(lo & 0xFFFFFFFFFFFFULL));
  return buf;
}

std::vector<Event> planned_events(const Network& net, const schedule::ScheduledItinerary& it, const Shipment& s,
                                  Instant created, const PlanOptions& o) {
  Maker m(net, s, created);
  // The rides, to know each leg's departure key and the first and last carriage.
  std::size_t rides = 0;
  std::vector<const schedule::ScheduledStep*> legs;
  for (const auto& st : it.steps)
    if (st.kind == route::StepKind::leg) {
      legs.push_back(&st);
      if (!st.service.empty()) ++rides;
    }
  const bool keys = o.departures.size() == rides;
  auto call_of = [&](const schedule::ScheduledStep& leg, NodeId at, std::size_t ride) {
    Call c{at, leg.carriage.mode, leg.service, "", false};
    if (keys && !leg.service.empty()) c.departure = o.departures[ride];
    return c;
  };

  if (o.gate_in && !legs.empty()) m.equipment("GTIN", call_of(*legs.front(), it.from, 0), it.departure);
  std::size_t ride = 0;
  bool after_gauge_change = false;
  Instant gauge_changed{0};
  const schedule::ScheduledStep* last_leg = nullptr;
  for (const auto& st : it.steps) {
    if (st.kind != route::StepKind::leg) {
      if (has_operation(st.operation, "gauge_change")) {
        after_gauge_change = true;
        gauge_changed = st.arrive_at;
      }
      if (has_operation(st.operation, "border") && last_leg != nullptr) {
        Call c = call_of(*last_leg, st.from, ride == 0 ? 0 : ride - 1);
        c.border = true;
        m.equipment("INSP", c, st.arrive_at);
      }
      continue;
    }
    const Call board = call_of(st, st.from, ride);
    m.equipment("LOAD", board, after_gauge_change ? gauge_changed : st.depart, after_gauge_change);
    m.transport("DEPA", board, st.depart);
    const Call alight = call_of(st, st.to, ride);
    m.transport("ARRI", alight, st.arrive_at);
    // The DISC before a gauge change is a transshipment move: look ahead for one at this node.
    bool next_is_gauge_change = false;
    for (const auto* p = &st + 1; p < it.steps.data() + it.steps.size() && p->kind != route::StepKind::leg; ++p)
      if (has_operation(p->operation, "gauge_change")) next_is_gauge_change = true;
    m.equipment("DISC", alight, st.arrive_at, next_is_gauge_change);
    after_gauge_change = false;
    last_leg = &st;
    if (!st.service.empty()) ++ride;
  }
  if (last_leg != nullptr) m.equipment("GTOT", call_of(*last_leg, it.to, ride == 0 ? 0 : ride - 1), it.arrival);
  return m.take();
}

std::string booking_of(const json& e) {
  if (!e.is_object() || !e.contains("documentReferences") || !e["documentReferences"].is_array()) return "";
  for (const auto& d : e["documentReferences"])
    if (d.is_object() && d.value("documentReferenceType", "") == "BKG" && d.contains("documentReferenceValue") &&
        d["documentReferenceValue"].is_string())
      return d["documentReferenceValue"].get<std::string>();
  return "";
}

PostedEvent check_posted_event(const Network& net, const json& in, Instant created) {
  PostedEvent r;
  auto fail = [&](std::string field, std::string why) {
    r.field = std::move(field);
    r.problem = std::move(why);
    return r;
  };
  if (!in.is_object()) return fail("", "an event is a JSON object");
  auto text = [&](const char* key) -> std::optional<std::string> {
    if (!in.contains(key) || !in[key].is_string()) return std::nullopt;
    return in[key].get<std::string>();
  };
  const auto type = text("eventType");
  if (!type || (*type != "EQUIPMENT" && *type != "TRANSPORT"))
    return fail("eventType", "eventType must be EQUIPMENT or TRANSPORT");
  const auto classifier = text("eventClassifierCode");
  if (!classifier || (*classifier != "ACT" && *classifier != "EST"))
    return fail("eventClassifierCode", "posted events are actual (ACT) or estimated (EST); planned ones are the service's");
  const auto when = text("eventDateTime");
  std::string why;
  const auto at = when ? timetable::parse_iso8601(*when, &why) : std::nullopt;
  if (!at) return fail("eventDateTime", "eventDateTime must be an ISO 8601 date-time" + (why.empty() ? "" : ": " + why));
  std::string code, box;
  if (*type == "EQUIPMENT") {
    const auto c = text("equipmentEventTypeCode");
    if (!c || !one_of(kEquipmentCodes, *c))
      return fail("equipmentEventTypeCode", "equipmentEventTypeCode must be one of LOAD, DISC, GTIN, GTOT, STUF, STRP, PICK, DROP, INSP, RSEA, RMVD");
    code = *c;
    const auto b = text("equipmentReference");
    if (!b) return fail("equipmentReference", "an EQUIPMENT event names its container in equipmentReference");
    if (auto p = container_number_problem(*b); !p.empty()) return fail("equipmentReference", p);
    box = *b;
  } else {
    const auto c = text("transportEventTypeCode");
    if (!c || !one_of(kTransportCodes, *c)) return fail("transportEventTypeCode", "transportEventTypeCode must be ARRI or DEPA");
    code = *c;
  }
  if (!in.contains("eventLocation") || !in["eventLocation"].is_object() || !in["eventLocation"].contains("UNLocationCode") ||
      !in["eventLocation"]["UNLocationCode"].is_string())
    return fail("eventLocation.UNLocationCode", "eventLocation.UNLocationCode is required");
  const std::string place = in["eventLocation"]["UNLocationCode"].get<std::string>();
  const auto node = net.find_node(place);
  if (!node) return fail("eventLocation.UNLocationCode", "'" + place + "' is not a place of the network");
  const std::string booking = booking_of(in);
  if (booking.empty() && box.empty())
    return fail("documentReferences", "a TRANSPORT event names its booking in documentReferences (documentReferenceType BKG)");

  r.payload = in;
  r.payload["eventID"] = new_uuid();
  r.payload["eventCreatedDateTime"] = dcsa_utc(created);
  r.payload["eventDateTime"] = dcsa_utc(*at);
  if (!r.payload["eventLocation"].contains("locationName")) r.payload["eventLocation"]["locationName"] = net.node(*node).name;
  r.event.event_id = r.payload["eventID"].get<std::string>();
  r.event.classifier = *classifier;
  r.event.event_type = *type;
  r.event.type_code = code;
  r.event.equipment_reference = box;
  r.event.booking_reference = booking;
  r.event.un_location_code = place;
  r.event.event_time = *at;
  r.event.created = created;
  return r;
}

}  // namespace landbridge::service
