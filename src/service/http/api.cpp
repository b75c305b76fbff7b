// The service's routes: wiring, /health, /openapi.json, and the helpers the handlers share.
#include "landbridge/service/http/api.h"

#include <charconv>
#include <map>
#include <memory>
#include <mutex>

#include "api_routes.h"

namespace landbridge::service::http {

std::int32_t int_param(const Request& req, const std::string& name, std::int32_t fallback, std::int32_t lo,
                       std::int32_t hi) {
  auto v = req.param(name);
  if (!v || v->empty()) return fallback;
  std::int32_t n = 0;
  auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
  if (ec != std::errc() || p != v->data() + v->size() || n < lo || n > hi) {
    throw query::QueryError(query::Problem::bad_request, name,
                            name + " must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi) +
                                ", not '" + *v + "'");
  }
  return n;
}

Response answer_query_errors(const std::function<Response()>& body) {
  try {
    return body();
  } catch (const query::QueryError& e) {
    if (e.problem() == query::Problem::no_route) {
      return problem_response(404, "no-route", "No route", e.what(), e.field());
    }
    if (e.problem() == query::Problem::not_found) {
      return problem_response(404, "not-found", "Not found", e.what(), e.field());
    }
    return problem_response(400, "bad-request", "Bad request", e.what(), e.field());
  }
}

query::FreeTeu free_teu_from(Store& store, const query::Engine& engine) {
  // One request's memo: the planner may ask about the same departure more than once.
  auto memo = std::make_shared<std::map<query::DepartureKey, std::optional<std::int32_t>>>();
  auto mu = std::make_shared<std::mutex>();
  return [&store, &engine, memo, mu](const query::DepartureKey& d) -> std::optional<std::int32_t> {
    {
      std::lock_guard lock(*mu);
      if (auto it = memo->find(d); it != memo->end()) return it->second;
    }
    std::optional<std::int32_t> free;
    if (auto u = store.departure_usage(query::to_string(d))) {
      free = u->capacity_teu - u->booked_teu;
    } else if (std::int32_t cap = engine.capacity_teu(d.service); cap > 0) {
      free = cap;
    }
    std::lock_guard lock(*mu);
    memo->emplace(d, free);
    return free;
  };
}

void add_api_routes(Router& router, const ApiContext& ctx) {
  // /health: cheap (no database round trip); what the server runs on.
  const LoadedNetwork& pkg = ctx.engine.package();
  nlohmann::json network = {{"name", ctx.network_name},
                            {"version", pkg.version},
                            {"description", pkg.description},
                            {"nodes", pkg.network.node_count()},
                            {"links", pkg.network.link_count()},
                            {"services", ctx.engine.services().size()}};
  const std::string health = nlohmann::json{{"status", "ok"}, {"network", network}, {"db", ctx.store.backend()}}.dump();
  router.add("GET", "/health", [health](Request&) {
    Response r;
    r.body = health;
    return r;
  });

  // The embedded document, checked once here so that a broken edit fails at start-up.
  const std::string openapi = nlohmann::json::parse(openapi_text()).dump();
  router.add("GET", "/openapi.json", [openapi](Request&) {
    Response r;
    r.body = openapi;
    return r;
  });

  // /v1/whoami: who the key belongs to (the web page shows it and offers what the role may do).
  router.add(
      "GET", "/v1/whoami",
      [](Request& req) {
        return json_response(200, {{"party", req.caller->party},
                                   {"role", std::string(to_string(req.caller->role))},
                                   {"keyId", req.key_id}});
      },
      Guard::any_key());

  add_read_routes(router, ctx);
  add_desk_routes(router, ctx);
  add_job_routes(router, ctx);
}

}  // namespace landbridge::service::http
