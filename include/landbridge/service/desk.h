// The service's use cases for bookings and track & trace, behind the HTTP layer and independent
// of it: the HTTP handlers parse the request, identify the caller and hand over; the Desk checks
// what the caller may do, plans on the Engine and writes through the Store.
//
// Access: a shipper sees and changes only its own bookings and containers (another party's are
// 404, as if they did not exist); operators read every booking, post events and see load lists;
// admins may do everything.
//
// Idempotency (every write takes an Idempotency-Key): the same party, key and request hash
// replay the first response (Reply::replayed); the same key with another request is 422; a write
// whose key is still being processed (in this process) is 409. The stored response is written in
// the same transaction as the write it answers.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "landbridge/query/engine.h"
#include "landbridge/service/records.h"
#include "landbridge/service/reply.h"
#include "landbridge/service/store.h"

namespace landbridge::service {

struct Caller {
  std::string party;
  Role role = Role::shipper;
};

// A write's identity for idempotency: the Idempotency-Key header and the hash of method, path
// and body (hex SHA-256).
struct WriteKey {
  std::string key;
  std::string request_hash;
};

class Desk {
 public:
  Desk(const query::Engine& engine, Store& store);

  // GET /v1/point-to-point-routes?placeOfReceipt=..&placeOfDelivery=..&departureStartDate=..
  // (DCSA Commercial Schedules shape), only departures with room for the shipment. Body: the
  // JSON array of routes (service/dcsa.h, docs/service-domain.md).
  Reply point_to_point(const query::ScheduledQuery& q);

  // POST /v2/bookings {"routingReference", "ISOEquipmentCode", "units", "equipmentReferences"?}
  // Holds the slots on every departure (all or nothing) and confirms with ISO 6346 numbers:
  // 201 CONFIRMED; 409 sold-out (a REJECTED booking is stored and named).
  Reply create_booking(const Caller& c, const nlohmann::json& body, const WriteKey& w);
  Reply get_booking(const Caller& c, const std::string& reference);
  // Body {"bookings": [...], "nextCursor": reference or null}; newest first.
  Reply list_bookings(const Caller& c, std::int32_t limit, const std::string& cursor);
  // PATCH /v2/bookings/{ref} {"bookingStatus": "CANCELLED"} (shippers), COMPLETED (operators).
  Reply patch_booking(const Caller& c, const std::string& reference, const nlohmann::json& body, const WriteKey& w);

  // POST /v2/events: actual (ACT) events from operators; a late one re-plans the rest of the
  // box's journey and updates its ETA.
  Reply post_events(const Caller& c, const nlohmann::json& body, const WriteKey& w);
  // GET /v2/events?equipmentReference=&carrierBookingReference=&eventType=&UNLocationCode=&cursor=&limit=
  // Body {"events": [...], "nextCursor": "<seq>" or null}: the cursor goes into after_seq (the
  // HTTP layer may serve the list bare with a Next-Page header).
  Reply get_events(const Caller& c, const EventFilter& f);
  // GET /v1/departures/{departure}/load-list (operators)
  Reply load_list(const Caller& c, const std::string& departure);

 private:
  const query::Engine& engine_;
  Store& store_;
  std::mutex in_flight_mu_;
  std::set<std::pair<std::string, std::string>> in_flight_;  // (party, key)
};

}  // namespace landbridge::service
