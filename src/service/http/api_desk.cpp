// The booking and track & trace endpoints: the request is parsed and authorised here, the Desk
// decides (service/desk.h).
#include "api_routes.h"
#include "landbridge/service/http/auth.h"

namespace landbridge::service::http {

namespace {

// Writes need an Idempotency-Key (IETF draft: 400 when missing) and a JSON object body.
std::optional<Response> check_write(const Request& req, WriteKey& w) {
  std::string_view key = req.header("idempotency-key");
  // The draft quotes the key as a structured-field string; accept it with or without quotes.
  if (key.size() >= 2 && key.front() == '"' && key.back() == '"') key = key.substr(1, key.size() - 2);
  if (key.empty()) {
    return problem_response(400, "idempotency-key-missing", "Idempotency-Key required",
                            "every write needs an Idempotency-Key header", "Idempotency-Key");
  }
  if (key.size() > 255) {
    return problem_response(400, "bad-request", "Idempotency-Key too long", "an Idempotency-Key has at most 255 characters",
                            "Idempotency-Key");
  }
  if (!req.json.is_object()) {
    return problem_response(400, "bad-request", "JSON object expected", "the body must be a JSON object", "body");
  }
  w.key = std::string(key);
  w.request_hash = sha256_hex(req.method + req.path + req.body);
  return std::nullopt;
}

Response replied(const Reply& r) {
  Response res = from_reply(r);
  if (r.replayed) res.headers.emplace_back("Idempotent-Replayed", "true");
  return res;
}

}  // namespace

void add_desk_routes(Router& router, const ApiContext& ctx) {
  Desk& desk = ctx.desk;
  const Guard any = Guard::any_key();
  const Guard operators = Guard::roles_of({Role::operator_, Role::admin});

  router.add(
      "POST", "/v2/bookings",
      [&desk](Request& req) {
        WriteKey w;
        if (auto bad = check_write(req, w)) return *bad;
        return answer_query_errors([&] { return replied(desk.create_booking(*req.caller, req.json, w)); });
      },
      any);
  router.add(
      "GET", "/v2/bookings",
      [&desk](Request& req) {
        return answer_query_errors([&] {
          const auto limit = int_param(req, "limit", 50, 1, 100);
          return replied(desk.list_bookings(*req.caller, limit, req.param("cursor").value_or("")));
        });
      },
      any);
  router.add(
      "GET", "/v2/bookings/{reference}",
      [&desk](Request& req) { return replied(desk.get_booking(*req.caller, req.params.at("reference"))); }, any);
  router.add(
      "PATCH", "/v2/bookings/{reference}",
      [&desk](Request& req) {
        WriteKey w;
        if (auto bad = check_write(req, w)) return *bad;
        return answer_query_errors(
            [&] { return replied(desk.patch_booking(*req.caller, req.params.at("reference"), req.json, w)); });
      },
      any);

  router.add(
      "POST", "/v2/events",
      [&desk](Request& req) {
        WriteKey w;
        if (auto bad = check_write(req, w)) return *bad;
        return answer_query_errors([&] { return replied(desk.post_events(*req.caller, req.json, w)); });
      },
      operators);
  router.add(
      "GET", "/v2/events",
      [&desk](Request& req) {
        return answer_query_errors([&] {
          EventFilter f;
          f.equipment_reference = req.param("equipmentReference").value_or("");
          f.booking_reference = req.param("carrierBookingReference").value_or("");
          f.event_type = req.param("eventType").value_or("");
          f.type_code = req.param("equipmentEventTypeCode").value_or(req.param("transportEventTypeCode").value_or(""));
          f.un_location_code = req.param("UNLocationCode").value_or("");
          f.classifier = req.param("eventClassifierCode").value_or("");
          f.limit = int_param(req, "limit", 100, 1, 1000);
          const std::string cursor = req.param("cursor").value_or("");
          if (!cursor.empty()) {
            try {
              std::size_t used = 0;
              f.after_seq = std::stoll(cursor, &used);
              if (used != cursor.size() || f.after_seq < 0) throw std::invalid_argument("cursor");
            } catch (const std::exception&) {
              throw query::QueryError(query::Problem::bad_request, "cursor", "cursor must be the Next-Page value of a previous page");
            }
          }
          return replied(desk.get_events(*req.caller, f));
        });
      },
      any);

  router.add(
      "GET", "/v1/departures/{departure}/load-list",
      [&desk](Request& req) {
        return answer_query_errors([&] { return replied(desk.load_list(*req.caller, req.params.at("departure"))); });
      },
      operators);
}

}  // namespace landbridge::service::http
