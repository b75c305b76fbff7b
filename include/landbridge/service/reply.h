// What a use case answers: an HTTP status, a JSON body and headers, independent of the HTTP
// library. Errors are RFC 9457 problem details (application/problem+json).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace landbridge::service {

struct Reply {
  int status = 200;
  nlohmann::json body;
  // The body as JSON text, when the use case has it ready (a stored booking view): then it is
  // served as it is and `body` stays null. json() gives the body either way.
  std::string body_text;
  std::string location;        // Location header for 201 ("" none)
  bool problem = false;        // body is application/problem+json
  bool replayed = false;       // an idempotent replay of a first response

  [[nodiscard]] nlohmann::json json() const { return body_text.empty() ? body : nlohmann::json::parse(body_text); }
  // The body as JSON text (compact).
  [[nodiscard]] std::string text() const {
    return body_text.empty() ? body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) : body_text;
  }
};

// {"type": "https://landbridge.dev/problems/<slug>", "title": ..., "status": ..., "detail": ...,
//  "field": <the offending field, when one is>}; `slug` names the kind ("bad-request",
// "not-found", "sold-out", "illegal-transition", "idempotency-key-reused", ...).
Reply problem(int status, std::string_view slug, std::string_view title, std::string_view detail,
              std::string_view field = "");

}  // namespace landbridge::service
