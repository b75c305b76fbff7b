// Small records for the storage tests.
#pragma once

#include <string>
#include <vector>

#include "landbridge/service/records.h"

namespace landbridge::service::testing {

inline Booking sample_booking(const std::string& reference, const std::string& party, std::vector<Hold> holds,
                              BookingStatus status = BookingStatus::confirmed) {
  Booking b;
  b.reference = reference;
  b.party = party;
  b.status = status;
  b.routing_reference = "rr-" + reference;
  b.iso_equipment_code = "42G1";
  b.units = holds.empty() ? 1 : holds.front().teu / 2;
  b.teu = holds.empty() ? 2 : holds.front().teu;
  b.holds = std::move(holds);
  b.itinerary_json = R"({"legs":[{"from":"JPHKT","to":"CNLYG"}]})";
  b.created = Instant(3'600'000);
  b.updated = b.created;
  return b;
}

inline Event sample_event(const std::string& id, const std::string& classifier, const std::string& type_code,
                          const std::string& container, const std::string& booking, const std::string& party,
                          const std::string& place, Instant when) {
  Event e;
  e.event_id = id;
  e.classifier = classifier;
  e.event_type = (type_code == "DEPA" || type_code == "ARRI") ? "TRANSPORT" : "EQUIPMENT";
  e.type_code = type_code;
  e.equipment_reference = container;
  e.booking_reference = booking;
  e.party = party;
  e.un_location_code = place;
  e.event_time = when;
  e.created = Instant(3'600'000);
  e.payload = R"({"eventID":")" + id + R"("})";
  return e;
}

inline IdempotentResponse sample_response(const std::string& party, const std::string& key, int status,
                                          const std::string& body) {
  return IdempotentResponse{party, key, "hash-of-" + body, status, body, "/v2/bookings/x"};
}

}  // namespace landbridge::service::testing
