// Inside lb_http: the handler groups add_api_routes (api.cpp) wires up.
#pragma once

#include "landbridge/service/http/api.h"

namespace landbridge::service::http {

// Locations, network GeoJSON, static and timetabled routes, chart data, point-to-point routes
// (api_read.cpp).
void add_read_routes(Router& router, const ApiContext& ctx);
// Bookings, events, load lists on the Desk (api_desk.cpp).
void add_desk_routes(Router& router, const ApiContext& ctx);
// Simulation jobs on ctx.jobs (api_jobs.cpp); none when it is null.
void add_job_routes(Router& router, const ApiContext& ctx);

// Runs a handler body and answers query::QueryError as problem+json: bad_request 400 (field
// named), no_route 404 (the reason in detail), not_found 404 (field named).
Response answer_query_errors(const std::function<Response()>& body);

}  // namespace landbridge::service::http
