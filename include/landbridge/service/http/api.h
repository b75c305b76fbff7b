// The routes of `landbridge serve`: the read endpoints on the query Engine (locations, network
// GeoJSON, static and timetabled routes, DCSA point-to-point routes) and the booking and event
// endpoints on the Desk. The OpenAPI 3.1 document (src/service/http/openapi.json, embedded at
// build time and served at /openapi.json) describes every one of them.
//
// Public: /health, /openapi.json, /v1/locations, /v1/network.geojson, /v1/routes,
// /v1/point-to-point-routes. Keyed: /v2/bookings..., /v2/events, /v1/departures/{d}/load-list.
#pragma once

#include <string_view>

#include "landbridge/query/engine.h"
#include "landbridge/service/desk.h"
#include "landbridge/service/http/router.h"
#include "landbridge/service/store.h"

namespace landbridge::service::http {

struct ApiContext {
  const query::Engine& engine;
  Store& store;
  Desk& desk;
  std::string network_name;  // shown by /health
};

// Adds every route of the service. Work that does not depend on the request (the GeoJSON, the
// OpenAPI text) is done here, once.
void add_api_routes(Router& router, const ApiContext& ctx);

// The OpenAPI 3.1 document (JSON text).
std::string_view openapi_text();

// Free slots per departure from the booking store, for the planners: capacity minus TEU held;
// a departure nothing was booked on yet has its service's capacity (nullopt when none stated).
// Answers are memoised for the life of the returned function (one request).
query::FreeTeu free_teu_from(Store& store, const query::Engine& engine);

// The query names of the read routes' parameters, for the handlers' error messages.
// Parses an integer parameter; throws query::QueryError (bad_request, that field) when it is not
// one or is outside [lo, hi].
std::int32_t int_param(const Request& req, const std::string& name, std::int32_t fallback, std::int32_t lo,
                       std::int32_t hi);

}  // namespace landbridge::service::http
