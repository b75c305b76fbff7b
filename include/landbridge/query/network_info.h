// What the package says about one node or one link, for a reader looking at the map: the node's
// operations and the services that call there with their next departures (each in the node's
// local time, with the free slots the caller knows of), a link's figures with their ranges, its
// emissions per TEU (the route report's computation, emissions::leg) and its sources.
//
//   const query::NodeInfoAnswer n = query::node_info(engine, "JPHKT", {.after = "2026-12-10"});
//   std::cout << query::to_json(engine, n).dump(2);
//
// The HTTP service answers GET /v1/nodes/{code} and /v1/links/{id} with these JSON forms
// (docs/service.md); a command line could print them the same way.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "landbridge/emissions/emissions.h"
#include "landbridge/query/engine.h"

namespace landbridge::query {

// One departure of a service from the node asked about.
struct NextDeparture {
  DepartureKey key;                 // the trip (its start instant), as bookings name it
  Instant depart{0};                // when it leaves this node
  NodeId next_stop;                 // the call after this node
  std::optional<std::int32_t> free_teu;  // from the caller's FreeTeu (nullopt: not known / no limit)
};

struct ServiceAtNode {
  const timetable::Service* service = nullptr;  // one of the Engine's services
  std::vector<NextDeparture> next;  // earliest first, at most the query's limit
};

struct NodeInfoQuery {
  std::string after;                // ISO 8601; without an offset local time at the node; "" = now
  std::int32_t limit = 3;           // next departures per service (0..50)
  FreeTeu free_teu;                 // null: free slots are left unknown
};

struct NodeInfoAnswer {
  NodeId node;
  Instant after{0};
  std::vector<OperationId> operations;  // the node's operations, in package order
  std::vector<ServiceAtNode> services;  // services that call at the node, by id
};

struct LinkInfoAnswer {
  LinkId link;
  emissions::Co2e per_teu;          // one loaded TEU over the link's distance
};

// Throws QueryError: not_found (field "code") for a code that is no node of the package,
// bad_request for a bad `after` (field "after") or `limit` (field "limit").
NodeInfoAnswer node_info(const Engine& engine, std::string_view code, const NodeInfoQuery& q);
// Throws QueryError: not_found (field "id") for an id that is no link of the package.
LinkInfoAnswer link_info(const Engine& engine, std::string_view id);

// The JSON forms (keys in camelCase; figures with ranges as {value, lo, hi}; sources resolved to
// their title, url and date).
nlohmann::json to_json(const Engine& engine, const NodeInfoAnswer& a);
nlohmann::json to_json(const Engine& engine, const LinkInfoAnswer& a);

}  // namespace landbridge::query
