// Booking 2.0 shape of a stored booking (dcsa.h). Apart from dcsa.cpp: it needs the booking
// records' text forms (lb_store).
#include <stdexcept>

#include "landbridge/service/dcsa.h"
#include "landbridge/timetable/time.h"

namespace landbridge::service {
namespace {

using nlohmann::json;

Instant parse_time(const json& v) {
  const auto t = timetable::parse_iso8601(v.get<std::string>());
  if (!t) throw std::invalid_argument("not an ISO 8601 instant: " + v.get<std::string>());
  return *t;
}

json location_of_code(const Network& net, const std::string& code) {
  if (const auto n = net.find_node(code)) return dcsa_location(net, *n);
  return {{"UNLocationCode", code}};
}

// The booked itinerary's rides (legs that are not road pre-/on-carriage at the ends are main
// carriage): transportPlan stages PRC, MNC, ONC.
json transport_plan(const Network& net, const json& itinerary) {
  json plan = json::array();
  static const json kNone = json::array();
  const json& steps = itinerary.contains("steps") ? itinerary["steps"] : kNone;
  std::vector<const json*> legs;
  for (const auto& s : steps)
    if (s.value("kind", "") == "leg") legs.push_back(&s);
  std::size_t first_main = 0, last_main = legs.empty() ? 0 : legs.size() - 1;
  while (first_main < legs.size() && legs[first_main]->value("mode", json()) == "road") ++first_main;
  while (last_main > first_main && legs[last_main]->value("mode", json()) == "road") --last_main;
  int seq = 0;
  for (std::size_t i = 0; i < legs.size(); ++i) {
    const json& s = *legs[i];
    const auto mode = parse_mode(s.value("mode", json()).is_string() ? s["mode"].get<std::string>() : "rail");
    json stage = {{"transportPlanStage", i < first_main ? "PRC" : (i > last_main ? "ONC" : "MNC")},
                  {"transportPlanStageSequenceNumber", ++seq},
                  {"loadLocation", location_of_code(net, s.value("from", ""))},
                  {"dischargeLocation", location_of_code(net, s.value("to", ""))},
                  {"plannedDepartureDate", dcsa_utc(parse_time(s["depart"]))},
                  {"plannedArrivalDate", dcsa_utc(parse_time(s["arrive"]))},
                  {"modeOfTransport", dcsa_mode(mode.value_or(Mode::rail))}};
    if (s.contains("service") && s["service"].is_string()) stage["carrierServiceCode"] = s["service"];
    plan.push_back(std::move(stage));
  }
  return plan;
}

}  // namespace

ItineraryEnds itinerary_ends(const json& itinerary) {
  ItineraryEnds e;
  if (!itinerary.is_object()) return e;
  const auto text = [](const json& j, const char* key) -> std::string {
    return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : "";
  };
  e.from = text(itinerary, "from");
  e.to = text(itinerary, "to");
  const json* steps = itinerary.contains("steps") && itinerary["steps"].is_array() ? &itinerary["steps"] : nullptr;
  if (steps && !steps->empty()) {
    if (e.from.empty()) e.from = text(steps->front(), "from");
    if (e.to.empty()) e.to = text(steps->back(), "to");
  }
  return e;
}

json booking_json(const Booking& b, const Network& net, const json& itinerary, std::optional<Instant> eta) {
  json j;
  j["carrierBookingRequestReference"] = b.reference;
  j["carrierBookingReference"] = b.reference;
  j["bookingStatus"] = std::string(to_string(b.status));
  j["routingReference"] = b.routing_reference;
  j["receiptTypeAtOrigin"] = "CY";
  j["deliveryTypeAtDestination"] = "CY";
  j["cargoMovementTypeAtOrigin"] = "FCL";
  j["cargoMovementTypeAtDestination"] = "FCL";
  j["isEquipmentSubstitutionAllowed"] = false;
  json eq = {{"ISOEquipmentCode", b.iso_equipment_code}, {"units", b.units}, {"isShipperOwned", false}};
  if (!b.containers.empty()) eq["equipmentReferences"] = b.containers;
  j["requestedEquipments"] = json::array({eq});
  json locations = json::array();
  if (itinerary.is_object()) {
    const auto [from, to] = itinerary_ends(itinerary);
    std::string pol, pod;
    for (const auto& s : itinerary.value("steps", json::array())) {
      if (s.value("kind", "") != "leg" || s.value("mode", json()) == "road") continue;
      if (pol.empty()) pol = s.value("from", "");
      pod = s.value("to", "");
    }
    auto add = [&](const std::string& code, const char* type) {
      if (!code.empty()) locations.push_back({{"location", location_of_code(net, code)}, {"locationTypeCode", type}});
    };
    add(from, "PRE");
    add(pol, "POL");
    add(pod, "POD");
    add(to, "PDE");
    j["transportPlan"] = transport_plan(net, itinerary);
    if (itinerary.contains("arrive")) j["plannedArrivalDateTime"] = dcsa_utc(parse_time(itinerary["arrive"]));
  }
  j["shipmentLocations"] = std::move(locations);
  if (eta) j["estimatedArrivalDateTime"] = dcsa_utc(*eta);
  // The slots the booking holds: one entry per departure (extension; DCSA has no slot model).
  json holds = json::array();
  for (const auto& h : b.holds) holds.push_back({{"departure", h.departure}, {"TEU", h.teu}, {"capacityTEU", h.capacity_teu}});
  j["departures"] = std::move(holds);
  j["TEU"] = b.teu;
  if (!b.reason.empty()) j["reason"] = b.reason;
  j["bookingRequestCreatedDateTime"] = dcsa_utc(b.created);
  j["bookingRequestUpdatedDateTime"] = dcsa_utc(b.updated);
  return j;
}

}  // namespace landbridge::service
