// The booking and track & trace endpoints: the request is parsed and authorised here, the Desk
// decides (service/desk.h).
#include <cctype>

#include "api_routes.h"
#include "landbridge/service/http/auth.h"

namespace landbridge::service::http {

namespace {

// A write's identity (the Desk refuses a missing or too long key) and its JSON object body.
std::optional<Response> check_write(const Request& req, WriteKey& w) {
  std::string_view key = req.header("idempotency-key");
  // The IETF draft quotes the key as a structured-field string; accept it with or without quotes.
  if (key.size() >= 2 && key.front() == '"' && key.back() == '"') key = key.substr(1, key.size() - 2);
  if (!req.json.is_object()) {
    return problem_response(400, "bad-request", "JSON object expected", "the body must be a JSON object", "body");
  }
  w.key = std::string(key);
  w.request_hash = sha256_hex(req.method + req.path + req.body);
  return std::nullopt;
}

std::string percent_encode(std::string_view s) {
  static constexpr char digits[] = "0123456789ABCDEF";
  std::string out;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(c);
    } else {
      out += '%';
      out += digits[u >> 4];
      out += digits[u & 0xf];
    }
  }
  return out;
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
          const Reply r = desk.get_events(*req.caller, f);
          if (r.status != 200 || !r.body.contains("events")) return replied(r);
          // DCSA T&T serves the events as a bare array and pages with a Next-Page header: the
          // same query with the next cursor.
          Response res = json_response(200, r.body["events"]);
          if (r.body.contains("nextCursor") && r.body["nextCursor"].is_string()) {
            std::string next = req.path + "?";
            for (const auto& [k, v] : req.query) {
              if (k != "cursor") next += percent_encode(k) + "=" + percent_encode(v) + "&";
            }
            res.headers.emplace_back("Next-Page", next + "cursor=" + percent_encode(r.body["nextCursor"].get<std::string>()));
          }
          return res;
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
