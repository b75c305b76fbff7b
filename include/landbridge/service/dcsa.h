// The engine's answers in the shapes of the DCSA standards (field names exactly DCSA's):
// Commercial Schedules 1.0 point-to-point routes and Booking 2.0 bookings. Extensions the
// standards have no field for are named so and listed in docs/service.md.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "landbridge/core/instant.h"
#include "landbridge/model/modes.h"
#include "landbridge/model/network.h"
#include "landbridge/query/engine.h"
#include "landbridge/schedule/local_time.h"
#include "landbridge/service/records.h"

namespace landbridge::service {

// "2026-12-10T08:00:00Z": UTC, whole seconds (DCSA's date-time).
std::string dcsa_utc(Instant t);
// "2026-12-10T17:00:00+09:00": local time at a node with its offset (Commercial Schedules).
std::string dcsa_local(const schedule::LocalClock& clock, NodeId n, Instant t);

// DCSA modeOfTransport of a carriage mode: VESSEL (deep sea, feeder, ferry), RAIL, TRUCK, BARGE.
std::string_view dcsa_mode(Mode m);
// DCSA facilityTypeCode of a node: POTE port terminal, INTE inland terminal, BOCR border crossing.
std::string_view dcsa_facility_type(NodeKind k);
// {"UNLocationCode", "locationName"} of a node (its code is a UN/LOCODE in the packages).
nlohmann::json dcsa_location(const Network& net, NodeId n);

// The itineraries of an answer as DCSA point-to-point routes; `reference(i)` gives itinerary
// i's routingReference (query::Engine::routing_reference). `solutionNumber` counts from 1.
nlohmann::json point_to_point_routes(const query::ScheduledAnswer& a,
                                     const std::function<std::string(std::size_t)>& reference);

// A booking as DCSA Booking 2.0 shows it: references, bookingStatus, routingReference,
// requestedEquipments with the container numbers, shipmentLocations (PRE, POL, POD, PDE) and the
// transportPlan of the booked itinerary (`itinerary`: one itinerary of schedule::to_json), the
// departures it holds slots on, created/updated date-times. `eta`: the planned arrival after
// re-planning, when it differs from the booked one.
nlohmann::json booking_json(const Booking& b, const Network& net, const nlohmann::json& itinerary,
                            std::optional<Instant> eta = std::nullopt);

// The two ends (place of receipt, place of delivery) of a booked itinerary as stored with the
// booking: its own "from" and "to", or, for a booking stored before they were kept, the first
// step's "from" and the last step's "to". "" where the itinerary says nothing.
struct ItineraryEnds {
  std::string from, to;
};
ItineraryEnds itinerary_ends(const nlohmann::json& itinerary);

}  // namespace landbridge::service
