// Track & trace events in the shape of DCSA Track & Trace 2.2: planned events (PLN) made from a
// booked itinerary, and the checks an actual event (ACT) posted by an operator must pass.
//
// Planned events of one booking, in time order (TRANSPORT events once per booking, EQUIPMENT
// events per container):
//   GTIN            gate in at the origin, when the box is handed over (itinerary departure)
//   LOAD, DEPA      boarding each ride (untimed links and road legs too), at its departure
//   ARRI, DISC      alighting, at its arrival
//   gauge change    the DISC from the inbound train and the LOAD onto the train of the other
//                   gauge at the same facility, LOAD when the gauge-change operation ends; both
//                   carry isTransshipmentMove: true (the DCSA 3.0 name; 2.2 has none)
//   border          T&T 2.2 has no border or customs event: a border operation gives an
//                   EQUIPMENT event INSP (inspected) when the operation ends, its transportCall
//                   with facilityTypeCode BOCR (border crossing), the closest 2.2 codes
//   GTOT            gate out at the destination, at the itinerary's arrival
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "landbridge/core/instant.h"
#include "landbridge/model/network.h"
#include "landbridge/schedule/planner.h"
#include "landbridge/service/records.h"

namespace landbridge::service {

// A random (version 4) UUID in its 36-character text form.
std::string new_uuid();

// Whose boxes the events are about.
struct Shipment {
  std::string booking_reference;
  std::string party;
  std::string iso_equipment_code;
  std::vector<std::string> containers;
};

struct PlanOptions {
  bool gate_in = true;                 // false: a re-plan from a place on the way (no GTIN)
  // Departure keys of the itinerary's rides on services, in order (query::Engine::departures):
  // shown as the transportCall's carrierVoyageNumber. Left out when the count does not match.
  std::vector<std::string> departures;
};

// The planned (PLN) events of an itinerary for a shipment, each with its full event JSON in
// `payload` (seq 0: the store numbers them). `created` is their eventCreatedDateTime.
std::vector<Event> planned_events(const Network& net, const schedule::ScheduledItinerary& it, const Shipment& s,
                                  Instant created, const PlanOptions& o = {});

// An event posted by an operator, checked. `problem` names what is wrong and `field` the
// offending member (JSON pointer-like: "eventDateTime", "eventLocation.UNLocationCode").
struct PostedEvent {
  Event event;                         // flattened; party and booking_reference filled by the caller
  nlohmann::json payload;              // the event as it will be served
  std::string problem, field;
};
// Checks one posted event: eventType EQUIPMENT or TRANSPORT, eventClassifierCode ACT or EST,
// eventDateTime, equipmentEventTypeCode / transportEventTypeCode of T&T 2.2, equipmentReference
// (ISO 6346, EQUIPMENT events), eventLocation.UNLocationCode a node of `net`, and the booking
// in documentReferences (BKG) unless an equipmentReference names the box. Fills eventID and
// eventCreatedDateTime.
PostedEvent check_posted_event(const Network& net, const nlohmann::json& e, Instant created);

// The booking reference of an event JSON's documentReferences (type BKG); "" when none.
std::string booking_of(const nlohmann::json& event);

}  // namespace landbridge::service
