// Timetabled door-to-door planning on a network package.
//
// A ScheduledPlanner joins a package's Network with a list of scheduled services into one
// timetable (timetable/), then answers depart-after and arrive-by queries with route-style
// itineraries whose steps carry instants (UTC; local_time.h shows them in each node's zone) and
// service ids.
//
// How the network becomes a timetable (stated rules, see docs/timetabled-routing.md):
//   transfers   Network::transfer(node, arrive, depart): the node operations of a transfer
//               give its duration, price, hub emissions and whether the box is lifted.
//   services    as given; rides pay the fares of their segments (timetable::call_fares), scaled
//               for the equipment and the rates of the trip's start day; CO2e uses the service's factor.
//   untimed     a network link that no service covers is usable at any time with its stated
//               duration (road, on-demand rail). A link is covered when some service calls at
//               its tail and then directly at its head with the link's mode: links a service
//               runs on are timetable-only.
//   horizon     trips departing in [horizon_start, horizon_start + horizon_len), >= 90 days.
//
// Queries reuse the planner's search state; a query with constraints (avoid nodes, countries,
// modes or passages) builds a filtered timetable first (tens of milliseconds).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "landbridge/model/loaded_network.h"
#include "landbridge/route/itinerary.h"
#include "landbridge/route/options.h"
#include "landbridge/timetable/journey.h"
#include "landbridge/timetable/mc_raptor.h"
#include "landbridge/timetable/raptor.h"
#include "landbridge/timetable/service.h"
#include "landbridge/timetable/timetable.h"

namespace landbridge::schedule {


struct ScheduledRequest {
  std::string from;                  // code, name or alias (route/locate.h)
  std::string to;
  Instant depart{0};                 // the box is ready at the origin;
                                     // with arrive_by: the earliest instant it can be ready
  bool pareto = false;               // Pareto over (arrival, cost, CO2e, trips); else earliest arrival
  // Arrive-by query: handed over at the destination no later than this instant. Without
  // pareto: the latest departure in [depart, arrive_by] that still makes it (its earliest-
  // arrival journey). With pareto: every journey arriving by the deadline that is Pareto-optimal
  // over (later departure, cost, CO2e, trips); departure = latest ready instant that still
  // makes it. Not combined with window.
  std::optional<Instant> arrive_by;
  std::optional<Minutes> window;     // range query: every optimal journey departing in [depart, depart + window]
  std::vector<std::string> avoid;    // items for route::add_avoid (passages, modes, countries, places)
  route::RouteOptions options;       // shipment (unit, count), avoid_*, max_transshipments
  std::int32_t max_trips = 12;       // services ridden at most
  // Departures not offered (sold out): (service id, trip start instant). The search skips
  // those trips and boards the next departure of the service instead.
  std::vector<std::pair<std::string, Instant>> closed_departures;
};

// One step of a timetabled itinerary. kind "leg" (a ride on a service or an untimed link) or
// "node" (operation "wait", or the node operation kinds of a transfer, e.g. "handling").
struct ScheduledStep {
  route::StepKind kind = route::StepKind::leg;
  NodeId from, to;                   // node steps: from == to == the node
  std::string operation;             // node steps: "wait", "handling", "border", ... or "transfer"
  Carriage carriage{};               // legs
  std::uint8_t arrive = 0, depart_code = 0;  // node steps of a transfer: carriage codes
  std::string service;               // ride: service id ("" otherwise)
  LinkId link;                       // untimed link leg: the network link
  Instant depart{0}, arrive_at{0};
  Minutes cutoff{0};                 // wait before a ride: the cut-off inside it
  Kilometres distance{0.0};
  UsdCents cost{0};                  // whole shipment
  emissions::Co2e co2e;              // whole shipment; TTW for legs from the factor's TTW part
  PassageSet passages = 0;           // legs: passages of the matched network link(s)
};

struct ScheduledItinerary {
  NodeId from, to;
  Instant ready{0};                  // the query's ready instant
  Instant departure{0};              // latest ready instant that still makes this journey
  Instant arrival{0};                // handed over at the destination
  UsdCents cost{0};
  emissions::Co2e co2e;
  Kilometres distance{0.0};
  std::int32_t trips = 0;
  std::int32_t transshipments = 0;
  std::vector<NodeId> via;           // stops passed (calls where the box is aboard included)
  std::vector<ScheduledStep> steps;
  timetable::Journey journey;        // the timetable layer's journey it was made from
};

struct ScheduledResult {
  NodeId from, to;
  Instant depart{0};
  std::optional<Minutes> window;
  std::optional<Instant> arrive_by;  // arrive-by query: the deadline (depart: earliest ready)
  bool pareto = false;
  route::RouteOptions options;       // as applied
  std::vector<std::string> dropped_services;  // services left out by the constraints
  // By arrival, cost, CO2e, trips; windows by departure first; arrive-by latest departure
  // first, then cost, CO2e, trips.
  std::vector<ScheduledItinerary> itineraries;
  // The multi-criteria search cut a Pareto set at timetable::McRaptor::kMaxBag labels per stop
  // or journeys (docs/network-package.md, "Limits"): the list is not the whole set.
  bool capped = false;
};

// The options a request plans with: its `options` with its `avoid` items added and, under
// dated rates, its ready day as the price day. Throws RequestError for a bad avoid item.
route::RouteOptions request_options(const Network& net, const ScheduledRequest& req);

// What of `o` shapes the timetable a query searches (avoided nodes, countries, modes and
// passages, the equipment's price factor, dated rates and their day), as text: two options with
// the same key search the same timetable. "" when nothing is filtered or re-priced.
std::string timetable_key(const route::RouteOptions& o);

class ScheduledPlanner {
 public:
  // Builds the timetable for queries with the options `built_for` (request_options) stands for:
  // their timetable_key is built_for's. A query with another key builds its own filtered
  // timetable per call (correct, but that costs a build). Throws LoadError for bad services,
  // landbridge::Error for a horizon shorter than 90 days.
  ScheduledPlanner(const LoadedNetwork& pkg, std::vector<timetable::Service> services,
                   Instant horizon_start, Minutes horizon_len = days(90), const route::RouteOptions& built_for = {});

  // Throws route::LocateError for an unknown place, landbridge::Error for a bad request (ready
  // outside the horizon, avoided origin). No journey: an empty list.
  ScheduledResult plan(const ScheduledRequest& req);

  [[nodiscard]] const Network& network() const { return net_; }
  // The services the planner was built from (before any filtering by a request).
  [[nodiscard]] const std::vector<timetable::Service>& services() const { return services_; }
  [[nodiscard]] const timetable::Timetable& timetable() const { return tt_; }
  // The timetable_key of the queries the built timetable serves without a filtered copy.
  [[nodiscard]] const std::string& key() const { return key_; }
  // The untimed links of the timetable, as network links (the covered ones are left out).
  [[nodiscard]] const std::vector<LinkId>& untimed_links() const { return untimed_; }
  // The cargo a shipment stands for (masses from the network).
  [[nodiscard]] timetable::Cargo cargo(const route::RouteOptions& o) const;

 private:
  timetable::TimetableSpec spec(const std::vector<timetable::Service>& services, const route::RouteOptions& o,
                                std::vector<LinkId>& untimed) const;
  std::vector<timetable::Journey> arrive_by_pareto(const timetable::Timetable& tt, timetable::McRaptor& mc,
                                                   const timetable::Query& q, Instant deadline) const;
  // The earliest journey that keeps the country rule, when the earliest arrival (`earliest`)
  // breaks it; none or one.
  std::vector<timetable::Journey> earliest_sane(const timetable::Timetable& tt, timetable::McRaptor& mc,
                                                const timetable::Query& q, Instant earliest, bool& capped) const;
  ScheduledItinerary make(const timetable::Timetable& tt, const std::vector<LinkId>& untimed,
                          const timetable::Journey& j, const timetable::Cargo& cargo) const;

  const Network& net_;
  std::vector<timetable::Service> services_;
  Instant horizon_start_;
  Minutes horizon_len_;
  std::string key_;                           // timetable_key of the options tt_ is built for
  std::vector<std::string> dropped_services_;  // left out of tt_ by those options
  std::vector<std::string> base_ids_;          // per timetable service: the service's own id
  std::vector<LinkId> untimed_;
  timetable::Timetable tt_;
  timetable::Raptor raptor_;
  timetable::McRaptor mc_;
};

// JSON: the static route JSON keys (report.h) plus "depart"/"arrive" (ISO 8601 UTC) on every
// step and itinerary, "service" on rides, waits as node steps with operation "wait", and local
// times: "depart_local"/"arrive_local" (ISO 8601 with the UTC offset of the node's zone) with
// "depart_zone"/"arrive_zone" (IANA name; null for a node without a zone, whose local times are
// UTC). Throws landbridge::Error if a node's zone is not in the tz database.
nlohmann::json to_json(const Network& net, const ScheduledResult& r);

enum class TimeDisplay : std::uint8_t {
  local,  // each instant in the local time of its node, with the UTC offset
  utc,
};
// Text table with departure and arrival columns.
std::string to_table(const Network& net, const ScheduledResult& r, TimeDisplay times = TimeDisplay::local);

}  // namespace landbridge::schedule
