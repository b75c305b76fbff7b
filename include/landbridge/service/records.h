// What the service stores: bookings with the slots they hold, containers, track & trace events,
// API keys and idempotency records. Plain values; the Store (store.h) keeps them.
// Field names follow DCSA Booking 2.0 and Track & Trace 2.2 where those standards have one
// (docs/service.md maps them).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "landbridge/core/instant.h"

namespace landbridge::service {

// DCSA Booking 2.0 bookingStatus. Transitions (anything else is illegal, HTTP 409):
//   RECEIVED  -> CONFIRMED | REJECTED | CANCELLED
//   CONFIRMED -> CANCELLED | COMPLETED
//   REJECTED, CANCELLED, COMPLETED: final.
// Slots are held while RECEIVED or CONFIRMED and released on REJECTED or CANCELLED.
enum class BookingStatus : std::uint8_t { received, confirmed, rejected, cancelled, completed };
std::string_view to_string(BookingStatus s);                 // "RECEIVED", ...
std::optional<BookingStatus> parse_booking_status(std::string_view s);
bool can_transition(BookingStatus from, BookingStatus to);
bool holds_slots(BookingStatus s);

enum class Role : std::uint8_t { shipper, operator_, admin };
std::string_view to_string(Role r);                          // "shipper", "operator", "admin"
std::optional<Role> parse_role(std::string_view s);

// Slots a booking holds on one departure (query::DepartureKey's text form).
struct Hold {
  std::string departure;        // "RAIL-LYG-HOR@2026-12-11T02:00Z"
  std::int32_t teu = 0;         // held by this booking
  std::int32_t capacity_teu = 0;  // the departure's capacity (from the package; > 0)
  friend bool operator==(const Hold&, const Hold&) = default;
};

struct Booking {
  std::string reference;              // carrierBookingReference, unique ("LB" + 10 characters)
  std::string party;                  // the shipper (API key party) that owns it
  BookingStatus status = BookingStatus::received;
  std::string routing_reference;      // query::Engine::routing_reference
  std::string iso_equipment_code;     // ISO 6346 size-type, e.g. "42G1"
  std::int32_t units = 0;             // boxes
  std::int32_t teu = 0;               // units x TEU per box
  std::vector<Hold> holds;            // in itinerary order
  std::vector<std::string> containers;  // ISO 6346 numbers (with check digit), CONFIRMED and later
  std::string itinerary_json;         // the booked itinerary (schedule::to_json of one itinerary)
  std::string reason;                 // REJECTED / CANCELLED: why
  Instant created{0}, updated{0};
  // Estimated arrival: the planned gate-out of the latest plan (the booked arrival until a late
  // event re-plans it); none once the booking is cancelled or rejected.
  std::optional<Instant> eta;
  // The booking as the service serves it (the JSON of GET /v2/bookings/{ref}), rendered by the
  // Desk and kept up to date by every store write that changes the booking; "" for a booking
  // stored before the store kept views (the reader renders it).
  std::string view_json;
  friend bool operator==(const Booking&, const Booking&) = default;
};

// DCSA T&T 2.2 event, flattened for filtering; `payload` is the full event JSON as served.
struct Event {
  std::int64_t seq = 0;               // store-assigned, increasing: the paging cursor
  std::string event_id;               // UUID
  std::string classifier;             // PLN, EST, ACT
  std::string event_type;             // EQUIPMENT, TRANSPORT
  std::string type_code;              // GTIN, LOAD, DEPA, ARRI, DISC, GTOT, ...
  std::string equipment_reference;    // container number ("" for a TRANSPORT event of a booking)
  std::string booking_reference;      // carrierBookingReference
  std::string party;                  // owner of the booking (who may read it)
  std::string un_location_code;       // UN/LOCODE or node code of the place
  Instant event_time{0};              // eventDateTime
  Instant created{0};                 // eventCreatedDateTime
  std::string payload;                // JSON text
  friend bool operator==(const Event&, const Event&) = default;
};

struct EventFilter {
  std::string party;                  // "" = every party (operators, admins)
  std::string equipment_reference, booking_reference, event_type, type_code, un_location_code, classifier;
  std::int64_t after_seq = 0;         // cursor: events with seq > after_seq
  std::int32_t limit = 100;
};

struct ApiKey {
  std::string id;                     // public key id (the part before '.' of the token)
  std::string secret_hash;            // hex SHA-256 of the secret part
  Role role = Role::shipper;
  std::string party;                  // shipper or operator name the key acts for
  bool revoked = false;
  Instant created{0};
  friend bool operator==(const ApiKey&, const ApiKey&) = default;
};

// The first response to a write with an Idempotency-Key, replayed for the same key and body.
struct IdempotentResponse {
  std::string party, key;
  std::string request_hash;           // hex SHA-256 of method, path and body
  std::int32_t status = 0;
  std::string body;                   // response JSON
  std::string location;               // Location header ("" if none)
  friend bool operator==(const IdempotentResponse&, const IdempotentResponse&) = default;
};

// A row of an operator's load list: one booking's slots on one departure.
struct LoadListRow {
  std::string booking_reference, party, iso_equipment_code;
  std::int32_t units = 0, teu = 0;
  BookingStatus status = BookingStatus::received;
  std::string boarding;               // where the booking's box boards this departure (node code)
  std::string origin;                 // the booking's origin (the feeder it came from)
};

}  // namespace landbridge::service
