// The read endpoints on the query Engine: locations, the network as GeoJSON, one node or link,
// static and timetabled routes (the JSON of `landbridge route --json`), DCSA point-to-point routes.
#include <sstream>

#include "api_routes.h"
#include "landbridge/io/geojson.h"
#include "landbridge/query/chart.h"
#include "landbridge/query/network_info.h"
#include "landbridge/route/options.h"
#include "landbridge/route/report.h"
#include "landbridge/schedule/planner.h"
#include "landbridge/timetable/time.h"

namespace landbridge::service::http {

namespace {

using query::Problem;
using query::QueryError;

std::string required(const Request& req, const std::string& name) {
  auto v = req.param(name);
  if (!v || v->empty()) throw QueryError(Problem::bad_request, name, "the query parameter '" + name + "' is required");
  return *v;
}

std::string optional_text(const Request& req, const std::string& name, std::string fallback = "") {
  auto v = req.param(name);
  return v && !v->empty() ? *v : fallback;
}

bool flag(const Request& req, const std::string& name) {
  auto v = req.param(name);
  if (!v || *v == "false" || *v == "0") return false;
  if (v->empty() || *v == "true" || *v == "1") return true;
  throw QueryError(Problem::bad_request, name, name + " must be true or false, not '" + *v + "'");
}

// Every `avoid` parameter, each a comma-separated list.
std::vector<std::string> avoid_list(const Request& req) {
  std::vector<std::string> out;
  auto [lo, hi] = req.query.equal_range("avoid");
  for (auto it = lo; it != hi; ++it) {
    std::string_view rest = it->second;
    while (!rest.empty()) {
      auto comma = rest.find(',');
      std::string_view item = rest.substr(0, comma);
      if (!item.empty()) out.emplace_back(item);
      rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
    }
  }
  return out;
}

timetable::CivilDate date_param(const std::string& name, const std::string& text) {
  std::string why;
  auto d = timetable::parse_date(text, &why);
  if (!d) throw QueryError(Problem::bad_request, name, name + " must be a date YYYY-MM-DD, not '" + text + "'");
  return *d;
}

Response timetabled(const ApiContext& ctx, const Request& req) {
  query::ScheduledQuery q;
  q.from = required(req, "from");
  q.to = required(req, "to");
  q.depart = optional_text(req, "depart");
  q.arrive_by = optional_text(req, "arriveBy");
  q.window = optional_text(req, "window");
  q.unit = optional_text(req, "unit", "teu");
  q.count = int_param(req, "count", 1, 1, route::kMaxBoxes);
  q.avoid = avoid_list(req);
  q.pareto = flag(req, "pareto");
  q.max_trips = int_param(req, "maxTrips", 12, 1, 50);
  q.max_transshipments = int_param(req, "maxTransshipments", -1, -1, 50);
  q.free_teu = free_teu_from(ctx.store, ctx.engine);
  const query::ScheduledAnswer a = ctx.engine.plan_scheduled(q);
  nlohmann::json j = schedule::to_json(a.network(), a.result);
  auto& its = j["itineraries"];
  for (std::size_t i = 0; i < its.size(); ++i) its[i]["routingReference"] = ctx.engine.routing_reference(a, i);
  return json_response(200, j);
}

Response static_routes(const ApiContext& ctx, const Request& req) {
  query::StaticQuery q;
  q.from = required(req, "from");
  q.to = required(req, "to");
  q.optimize = optional_text(req, "optimize", "time");
  q.unit = optional_text(req, "unit", "teu");
  q.count = int_param(req, "count", 1, 1, route::kMaxBoxes);
  q.avoid = avoid_list(req);
  q.pareto = flag(req, "pareto");
  q.alternatives = int_param(req, "alternatives", 3, 1, 20);
  q.max_transshipments = int_param(req, "maxTransshipments", -1, -1, 50);
  const query::StaticAnswer a = ctx.engine.plan_static(q);
  return json_response(200, route::to_json(a.network(), a.result));
}

// The time/cost–distance chart data: the JSON of `landbridge chart --json`.
Response chart_data(const ApiContext& ctx, const Request& req) {
  query::ChartQuery q;
  q.from = required(req, "from");
  q.to = required(req, "to");
  q.depart = optional_text(req, "depart");
  q.unit = optional_text(req, "unit", "teu");
  q.count = int_param(req, "count", 1, 1, route::kMaxBoxes);
  q.avoid = avoid_list(req);
  q.alternatives = int_param(req, "alternatives", 0, 0, 12);
  if (!q.depart.empty()) q.free_teu = free_teu_from(ctx.store, ctx.engine);
  return json_response(200, chart::to_json(query::chart_data(ctx.engine, q).series));
}

Response point_to_point(const ApiContext& ctx, const Request& req) {
  query::ScheduledQuery q;
  q.from = required(req, "placeOfReceipt");
  q.to = required(req, "placeOfDelivery");
  const std::string start = optional_text(req, "departureStartDate");
  const std::string end = optional_text(req, "departureEndDate");
  const std::string arrival_end = optional_text(req, "arrivalEndDate");
  if (!start.empty()) {
    const auto first = date_param("departureStartDate", start);
    q.depart = start;
    if (!end.empty()) {
      const auto last = date_param("departureEndDate", end);
      const auto days = (timetable::to_instant(last) - timetable::to_instant(first)).value() / (24 * 60) + 1;
      if (days < 1) {
        throw QueryError(Problem::bad_request, "departureEndDate", "departureEndDate is before departureStartDate");
      }
      q.window = std::to_string(days) + "d";
    }
  } else if (!arrival_end.empty()) {
    date_param("arrivalEndDate", arrival_end);
    q.arrive_by = arrival_end + "T23:59";
  } else {
    throw QueryError(Problem::bad_request, "departureStartDate", "give departureStartDate (or arrivalEndDate)");
  }
  q.unit = optional_text(req, "ISOEquipmentCode", "22G1");
  q.count = int_param(req, "units", 1, 1, route::kMaxBoxes);
  q.max_transshipments = int_param(req, "maxTranshipment", -1, -1, 50);
  q.free_teu = free_teu_from(ctx.store, ctx.engine);
  return from_reply(ctx.desk.point_to_point(q));
}

}  // namespace

void add_read_routes(Router& router, const ApiContext& ctx) {
  router.add("GET", "/v1/locations", [ctx](Request& req) {
    return answer_query_errors([&] {
      const std::string text = required(req, "q");
      const auto limit = int_param(req, "limit", 10, 1, 100);
      nlohmann::json list = nlohmann::json::array();
      for (const query::Location& l : ctx.engine.search_locations(text, static_cast<std::size_t>(limit))) {
        list.push_back({{"code", l.code},
                        {"name", l.name},
                        {"country", l.country},
                        {"lat", l.lat},
                        {"lon", l.lon},
                        {"on_network", l.on_network},
                        {"kind", l.kind},
                        {"timezone", l.timezone.empty() ? nlohmann::json(nullptr) : nlohmann::json(l.timezone)}});
      }
      return json_response(200, {{"query", text}, {"locations", list}});
    });
  });

  std::ostringstream geo;
  io::export_geojson(ctx.engine.package(), geo);
  router.add("GET", "/v1/network.geojson", [body = geo.str()](Request&) {
    Response r;
    r.content_type = "application/geo+json";
    r.body = body;
    return r;
  });

  // One node or link as the map's panels show it (query/network_info.h).
  router.add("GET", "/v1/nodes/{code}", [ctx](Request& req) {
    return answer_query_errors([&] {
      const query::NodeInfoQuery q{.after = optional_text(req, "after"),
                                   .limit = int_param(req, "limit", 3, 0, 50),
                                   .free_teu = free_teu_from(ctx.store, ctx.engine)};
      return json_response(200, query::to_json(ctx.engine, query::node_info(ctx.engine, req.params.at("code"), q)));
    });
  });
  router.add("GET", "/v1/links/{id}", [ctx](Request& req) {
    return answer_query_errors([&] {
      return json_response(200, query::to_json(ctx.engine, query::link_info(ctx.engine, req.params.at("id"))));
    });
  });

  router.add("GET", "/v1/routes", [ctx](Request& req) {
    return answer_query_errors([&] {
      const bool scheduled = req.param("depart") || req.param("arriveBy");
      return scheduled ? timetabled(ctx, req) : static_routes(ctx, req);
    });
  });

  router.add("GET", "/v1/chart",
             [ctx](Request& req) { return answer_query_errors([&] { return chart_data(ctx, req); }); });

  router.add("GET", "/v1/point-to-point-routes",
             [ctx](Request& req) { return answer_query_errors([&] { return point_to_point(ctx, req); }); });
}

}  // namespace landbridge::service::http
