// Route lookup, authentication, rate limits and body parsing in front of every handler.
#include "landbridge/service/http/app.h"

#include <algorithm>
#include <cmath>

namespace landbridge::service::http {

namespace {

bool has_body(const std::string& method) { return method == "POST" || method == "PATCH" || method == "PUT"; }

std::string role_name(Role r) {
  switch (r) {
    case Role::shipper: return "shipper";
    case Role::operator_: return "operator";
    case Role::admin: return "admin";
  }
  return "?";
}

}  // namespace

App::App(Router router, Authenticator* auth, RateLimiter* limiter, AppConfig cfg)
    : router_(std::move(router)), auth_(auth), limiter_(limiter), cfg_(cfg) {}

Response App::handle(Request& req) const {
  const std::string_view method = req.method == "HEAD" ? std::string_view("GET") : std::string_view(req.method);
  auto m = router_.match(method, req.path);
  if (!m.route) {
    if (m.allow.empty()) {
      if (cfg_.web && method == "GET") return cfg_.web->serve(req);
      return problem_response(404, "not-found", "Not found", "no resource at " + req.path);
    }
    Response r = problem_response(405, "method-not-allowed", "Method not allowed",
                                  req.method + " is not allowed on " + req.path + "; allowed: " + m.allow);
    r.headers.emplace_back("Allow", m.allow);
    return r;
  }
  req.params = std::move(m.params);
  const Guard& guard = m.route->guard;
  if (guard.key) {
    if (!auth_) return problem_response(401, "unauthorized", "Unauthorized", "no API keys are configured");
    auto who = auth_->authenticate(req);
    if (!who.caller) {
      Response r = problem_response(401, "unauthorized", "Unauthorized", who.detail, "Authorization");
      r.headers.emplace_back("WWW-Authenticate", "Bearer");
      return r;
    }
    req.caller = who.caller;
    req.key_id = who.key_id;
    if (limiter_) {
      if (auto wait = limiter_->acquire(who.key_id)) {
        auto secs = static_cast<long>(std::ceil(*wait));
        Response r = problem_response(429, "rate-limited", "Too many requests",
                                      "the key's rate limit is exhausted; retry after " + std::to_string(secs) + " s");
        r.headers.emplace_back("Retry-After", std::to_string(std::max(1L, secs)));
        r.party = req.caller->party;
        return r;
      }
    }
    if (!guard.roles.empty() && std::find(guard.roles.begin(), guard.roles.end(), req.caller->role) == guard.roles.end()) {
      std::string allowed;
      for (Role r : guard.roles) allowed += (allowed.empty() ? "" : ", ") + role_name(r);
      Response r = problem_response(403, "forbidden", "Forbidden",
                                    "a " + role_name(req.caller->role) + " key may not " + req.method + " " + req.path +
                                        " (roles: " + allowed + ")");
      r.party = req.caller->party;
      return r;
    }
  }
  std::string party = req.caller ? req.caller->party : "";
  Response res;
  try {
    if (has_body(req.method) && !req.body.empty()) req.json = parse_json_body(req.body, cfg_.max_json_depth);
    res = m.route->handler(req);
  } catch (const BodyError& e) {
    res = problem_response(400, "bad-request", "Malformed JSON body", e.what(), "body");
  } catch (const StoreError& e) {
    res = problem_response(503, "store-unavailable", "Storage unavailable", e.what());
  } catch (const std::exception& e) {
    res = problem_response(500, "internal-error", "Internal server error", e.what());
  }
  if (res.party.empty()) res.party = party;
  return res;
}

}  // namespace landbridge::service::http
