// The service's real routes on loopback: the built-in package's Engine, a SQLite store in the
// test's scratch folder, the Desk, the server. Responses are compared with what the library
// gives for the same question and checked against the OpenAPI document's schemas.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include "../../support/scratch.h"
#include "http_client.h"
#include "json_schema.h"
#include "landbridge/query/chart.h"
#include "landbridge/query/engine.h"
#include "landbridge/route/report.h"
#include "landbridge/schedule/planner.h"
#include "landbridge/service/desk.h"
#include "landbridge/service/http/api.h"
#include "landbridge/service/http/app.h"
#include "landbridge/service/http/server.h"
#include "service_stack.h"

namespace landbridge::service::http {
namespace {

using nlohmann::json;
using testing_support::HttpClient;
using testing_support::HttpResponse;
using Headers = std::vector<std::pair<std::string, std::string>>;

using testing_stack::engine;

class Api : public ::testing::Test {
 protected:
  void SetUp() override {
    s_.start({.workers = 1, .max_queued = 4},
             {{Role::shipper, "acme"}, {Role::shipper, "globex"}, {Role::operator_, "ktz"}}, true);
  }
  void TearDown() override { s_.stop(); }
  Headers as(const std::string& party) { return s_.as(party); }
  Headers write_as(const std::string& party, const std::string& key) { return s_.as(party, key); }
  HttpResponse get(const std::string& target, const Headers& h = {}) { return s_.client->get(target, h); }

  testing_stack::ServiceStack s_;
};

TEST_F(Api, HealthNamesNetworkAndDatabase) {
  auto r = get("/health");
  ASSERT_EQ(r.status, 200);
  auto j = r.json();
  EXPECT_EQ(j.at("status"), "ok");
  EXPECT_EQ(j.at("db"), "sqlite");
  EXPECT_EQ(j.at("network").at("nodes").get<std::size_t>(), engine().network().node_count());
  EXPECT_EQ(j.at("network").at("services").get<std::size_t>(), engine().services().size());
}

TEST_F(Api, TimetabledRouteIsTheLibrarysJson) {
  auto r = get("/v1/routes?from=Hakata&to=DEDUI&depart=2026-12-10&unit=feu&count=2");
  ASSERT_EQ(r.status, 200) << r.body;
  query::ScheduledQuery q;
  q.from = "Hakata";
  q.to = "DEDUI";
  q.depart = "2026-12-10";
  q.unit = "feu";
  q.count = 2;
  const auto a = engine().plan_scheduled(q);
  json expected = schedule::to_json(a.network(), a.result);
  ASSERT_FALSE(expected["itineraries"].empty());
  for (std::size_t i = 0; i < expected["itineraries"].size(); ++i) {
    expected["itineraries"][i]["routingReference"] = engine().routing_reference(a, i);
  }
  EXPECT_EQ(r.json(), expected);
}

TEST_F(Api, StaticRouteIsTheLibrarysJson) {
  auto r = get("/v1/routes?from=JPHKT&to=DEDUI&optimize=cost&avoid=suez");
  ASSERT_EQ(r.status, 200) << r.body;
  query::StaticQuery q;
  q.from = "JPHKT";
  q.to = "DEDUI";
  q.optimize = "cost";
  q.avoid = {"suez"};
  const auto a = engine().plan_static(q);
  EXPECT_EQ(r.json(), route::to_json(a.network(), a.result));
}

TEST_F(Api, ChartIsTheLibrarysJson) {
  auto r = get("/v1/chart?from=JPHKT&to=DEDUI&unit=feu&count=2");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto a = query::chart_data(engine(), {.from = "JPHKT", .to = "DEDUI", .unit = "feu", .count = 2});
  ASSERT_GT(a.series.size(), 1U);
  EXPECT_EQ(r.json(), chart::to_json(a.series));

  auto k = get("/v1/chart?from=JPHKT&to=DEDUI&alternatives=2&avoid=suez");
  ASSERT_EQ(k.status, 200) << k.body;
  EXPECT_EQ(k.json(), chart::to_json(query::chart_data(engine(), {.from = "JPHKT", .to = "DEDUI", .avoid = {"suez"},
                                                                  .alternatives = 2})
                                         .series));

  auto timed = get("/v1/chart?from=JPHKT&to=DEDUI&depart=2026-12-01");
  ASSERT_EQ(timed.status, 200) << timed.body;
  const auto t = query::chart_data(engine(), {.from = "JPHKT", .to = "DEDUI", .depart = "2026-12-01"});
  const json timed_json = timed.json();
  EXPECT_EQ(timed_json, chart::to_json(t.series));
  bool wait = false;
  for (const auto& s : timed_json.at("series"))
    for (const auto& p : s.at("points")) wait = wait || p.at("kind") == "wait";
  EXPECT_TRUE(wait);

  auto both = get("/v1/chart?from=JPHKT&to=DEDUI&depart=2026-12-10&alternatives=2");
  EXPECT_EQ(both.status, 400);
  EXPECT_EQ(both.json().at("field"), "alternatives");
  EXPECT_EQ(get("/v1/chart?to=DEDUI").json().at("field"), "from");
}

TEST_F(Api, RouteQueryErrorsNameTheField) {
  auto missing = get("/v1/routes?to=DEDUI&depart=2026-12-10");
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(missing.json().at("field"), "from");
  auto unknown = get("/v1/routes?from=Atlantis-nowhere&to=DEDUI&depart=2026-12-10");
  EXPECT_EQ(unknown.status, 400) << unknown.body;
  EXPECT_EQ(unknown.header("content-type"), "application/problem+json");
  auto count = get("/v1/routes?from=JPHKT&to=DEDUI&count=lots");
  EXPECT_EQ(count.status, 400);
  EXPECT_EQ(count.json().at("field"), "count");
}

TEST_F(Api, LocationsByCodeOrName) {
  auto r = get("/v1/locations?q=Khorgos&limit=5");
  ASSERT_EQ(r.status, 200) << r.body;
  auto list = r.json().at("locations");
  ASSERT_FALSE(list.empty());
  EXPECT_LE(list.size(), 5u);
  EXPECT_EQ(list[0].at("country"), "KZ");
  EXPECT_EQ(get("/v1/locations").json().at("field"), "q");
}

TEST_F(Api, NetworkGeojson) {
  auto r = get("/v1/network.geojson");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.header("content-type"), "application/geo+json");
  EXPECT_EQ(r.json().at("type"), "FeatureCollection");
  EXPECT_GE(r.json().at("features").size(), engine().network().node_count());
}

// A shipper books a Hakata -> Duisburg itinerary found on the point-to-point route; another
// shipper cannot see it; the operator sees the load list.
TEST_F(Api, BookingThroughTheServer) {
  auto routes = get("/v1/point-to-point-routes?placeOfReceipt=JPHKT&placeOfDelivery=DEDUI&departureStartDate=2026-12-10"
                    "&ISOEquipmentCode=42G1&units=4");
  ASSERT_EQ(routes.status, 200) << routes.body;
  ASSERT_FALSE(routes.json().empty());
  const std::string ref = routes.json()[0].at("routingReference");
  const json body = {{"routingReference", ref}, {"ISOEquipmentCode", "42G1"}, {"units", 4}};

  auto no_key = s_.client->request("POST", "/v2/bookings", body.dump());
  EXPECT_EQ(no_key.status, 401);
  auto missing_idem = s_.client->request("POST", "/v2/bookings", body.dump(), as("acme"));
  EXPECT_EQ(missing_idem.status, 400);
  EXPECT_EQ(missing_idem.json().at("field"), "Idempotency-Key");

  auto made = s_.client->request("POST", "/v2/bookings", body.dump(), write_as("acme", "k-1"));
  ASSERT_EQ(made.status, 201) << made.body;
  const json booking = made.json();
  EXPECT_EQ(booking.at("bookingStatus"), "CONFIRMED");
  EXPECT_EQ(booking.at("requestedEquipments")[0].at("equipmentReferences").size(), 4u);
  const std::string reference = booking.at("carrierBookingReference");

  auto again = s_.client->request("POST", "/v2/bookings", body.dump(), write_as("acme", "k-1"));
  EXPECT_EQ(again.status, 201);
  EXPECT_EQ(again.json(), booking);
  EXPECT_EQ(again.header("idempotent-replayed"), "true");
  json other = body;
  other["units"] = 1;
  EXPECT_EQ(s_.client->request("POST", "/v2/bookings", other.dump(), write_as("acme", "k-1")).status, 422);

  const json read = get("/v2/bookings/" + reference, as("acme")).json();
  EXPECT_EQ(read.at("bookingStatus"), "CONFIRMED");
  EXPECT_EQ(read.at("requestedEquipments"), booking.at("requestedEquipments"));
  EXPECT_EQ(read.at("departures"), booking.at("departures"));
  auto hidden = get("/v2/bookings/" + reference, as("globex"));
  EXPECT_EQ(hidden.status, 404);
  EXPECT_EQ(get("/v2/events?carrierBookingReference=" + reference, as("globex")).json(), json::array());
  auto events = get("/v2/events?carrierBookingReference=" + reference, as("acme"));
  ASSERT_TRUE(events.json().is_array());
  EXPECT_GT(events.json().size(), 2u);
  EXPECT_TRUE(events.header("next-page").empty());
  auto page = get("/v2/events?carrierBookingReference=" + reference + "&limit=2", as("acme"));
  ASSERT_EQ(page.json().size(), 2u);
  const std::string next = page.header("next-page");
  ASSERT_FALSE(next.empty());
  auto second = get(next, as("acme"));
  ASSERT_EQ(second.status, 200) << next;
  EXPECT_EQ(second.json()[0], events.json()[2]);

  const std::string departure = booking.at("departures")[0].at("departure");
  EXPECT_EQ(get("/v1/departures/" + departure + "/load-list", as("acme")).status, 403);
  auto list = get("/v1/departures/" + departure + "/load-list", as("ktz"));
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_NE(list.body.find(reference), std::string::npos);

  auto cancel = s_.client->request("PATCH", "/v2/bookings/" + reference, R"({"bookingStatus":"CANCELLED"})",
                                 write_as("acme", "k-2"));
  EXPECT_EQ(cancel.status, 200) << cancel.body;
  EXPECT_EQ(cancel.json().at("bookingStatus"), "CANCELLED");
  auto twice = s_.client->request("PATCH", "/v2/bookings/" + reference, R"({"bookingStatus":"CANCELLED"})",
                                write_as("acme", "k-3"));
  EXPECT_EQ(twice.status, 409);
}

// --- the OpenAPI document against the real responses -------------------------------------

// The document's operation for a concrete path ("/v2/bookings/LB123" -> "/v2/bookings/{reference}").
std::vector<std::string> segments(const std::string& path) {
  std::vector<std::string> out;
  std::size_t i = 1;
  while (i <= path.size()) {
    std::size_t slash = path.find('/', i);
    if (slash == std::string::npos) slash = path.size();
    out.push_back(path.substr(i, slash - i));
    i = slash + 1;
  }
  return out;
}

const json* operation(const json& doc, const std::string& method, const std::string& path) {
  const auto have = segments(path);
  for (const auto& [templ, item] : doc.at("paths").items()) {
    const auto want = segments(templ);
    if (want.size() != have.size() || !item.contains(method)) continue;
    bool same = true;
    for (std::size_t i = 0; i < want.size(); ++i) {
      const bool param = !want[i].empty() && want[i].front() == '{';
      same = same && (param ? !have[i].empty() : want[i] == have[i]);
    }
    if (same) return &item.at(method);
  }
  return nullptr;
}

void expect_documented(const json& doc, const std::string& method, const std::string& path, const HttpResponse& r) {
  SCOPED_TRACE(method + " " + path + " -> " + std::to_string(r.status));
  const json* op = operation(doc, method, path);
  ASSERT_NE(op, nullptr) << "not in the document";
  const std::string status = std::to_string(r.status);
  ASSERT_TRUE(op->at("responses").contains(status)) << "status not documented: " << r.body.substr(0, 300);
  const json& resp = op->at("responses").at(status);
  const std::string type = r.header("content-type");
  ASSERT_TRUE(resp.at("content").contains(type)) << "content type " << type << " not documented";
  auto errors = testing_support::validate(resp["content"][type].at("schema"), r.json(), doc);
  for (const auto& e : errors) ADD_FAILURE() << e;
}

TEST_F(Api, ResponsesMatchTheOpenApiDocument) {
  auto d = get("/openapi.json");
  ASSERT_EQ(d.status, 200);
  const json doc = d.json();
  EXPECT_EQ(doc.at("openapi"), "3.1.0");

  // every route the server has is documented, and nothing more
  std::set<std::string> served, documented;
  for (const Route& r : s_.app->router().routes()) {
    std::string m = r.method;
    std::transform(m.begin(), m.end(), m.begin(), ::tolower);
    served.insert(m + " " + r.pattern);
  }
  for (const auto& [p, item] : doc.at("paths").items()) {
    for (const auto& [m, _] : item.items()) documented.insert(m + " " + p);
  }
  EXPECT_EQ(served, documented);

  auto check = [&](const std::string& target, const Headers& h = {}) {
    auto r = get(target, h);
    expect_documented(doc, "get", target.substr(0, target.find('?')), r);
    return r;
  };
  check("/health");
  check("/v1/locations?q=Lianyungang");
  check("/v1/locations");
  check("/v1/network.geojson");
  check("/v1/whoami", as("acme"));
  check("/v1/whoami");
  check("/v1/nodes/JPHKT?after=2026-12-10&limit=2");
  check("/v1/nodes/CNLYG");
  check("/v1/nodes/XXNOPE");
  check("/v1/nodes/JPHKT?after=nonsense");
  check("/v1/links/feeder-JPHKT-CNLYG");
  check("/v1/links/rail-CNLYG-CNZGZ");
  check("/v1/links/nope");
  check("/v1/routes?from=JPHKT&to=DEDUI");
  check("/v1/routes?from=JPHKT&to=DEDUI&depart=2026-12-10");
  check("/v1/routes?from=JPHKT&to=DEDUI&depart=2026-12-10&pareto=true");
  check("/v1/routes?from=JPHKT&to=DEDUI&depart=nonsense");
  auto p2p = check("/v1/point-to-point-routes?placeOfReceipt=JPHKT&placeOfDelivery=DEDUI&departureStartDate=2026-12-10");
  check("/v2/bookings", as("acme"));
  check("/v2/bookings");
  check("/v2/bookings/LB0000000000", as("acme"));
  check("/v2/events?eventType=EQUIPMENT", as("ktz"));
  check("/v1/chart?from=JPHKT&to=DEDUI");
  check("/v1/chart?from=JPHKT&to=DEDUI&depart=2026-12-10");
  check("/v1/chart?from=JPHKT&to=Atlantis-nowhere");
  check("/v1/simulations/0000", as("ktz"));
  check("/v1/simulations/0000", as("acme"));
  check("/v1/simulations/0000/summary", as("ktz"));
  check("/v1/simulations/0000/plots", as("ktz"));

  ASSERT_EQ(p2p.status, 200);
  const json body = {{"routingReference", p2p.json()[0].at("routingReference")}, {"ISOEquipmentCode", "22G1"}, {"units", 1}};
  auto made = s_.client->request("POST", "/v2/bookings", body.dump(), write_as("acme", "doc-1"));
  expect_documented(doc, "post", "/v2/bookings", made);
  const std::string reference = made.json().at("carrierBookingReference");
  expect_documented(doc, "get", "/v2/bookings/" + reference, get("/v2/bookings/" + reference, as("acme")));
  expect_documented(doc, "get", "/v2/bookings", get("/v2/bookings", as("acme")));
  expect_documented(doc, "get", "/v2/events", get("/v2/events?carrierBookingReference=" + reference, as("acme")));
  const std::string departure = made.json().at("departures")[0].at("departure");
  expect_documented(doc, "get", "/v1/departures/" + departure + "/load-list",
                    get("/v1/departures/" + departure + "/load-list", as("ktz")));
  expect_documented(doc, "get", "/v1/departures/" + departure + "/load-list",
                    get("/v1/departures/" + departure + "/load-list", as("acme")));
  expect_documented(doc, "patch", "/v2/bookings/" + reference,
                    s_.client->request("PATCH", "/v2/bookings/" + reference, R"({"bookingStatus":"CANCELLED"})",
                                     write_as("acme", "doc-2")));
  expect_documented(doc, "post", "/v2/bookings", s_.client->request("POST", "/v2/bookings", "{", write_as("acme", "doc-3")));

  // A simulation job through its states.
  const std::string dir = std::string(LANDBRIDGE_SOURCE_DIR) + "/examples/scenarios/";
  auto file = [](const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  };
  const json sim = {{"scenario", file(dir + "hakata-busan-europe.toml")},
                    {"demand", file(dir + "hakata-busan-europe.csv")},
                    {"replications", 2}};
  auto queued = s_.client->request("POST", "/v1/simulations", sim.dump(), write_as("ktz", "sim-1"));
  expect_documented(doc, "post", "/v1/simulations", queued);
  ASSERT_EQ(queued.status, 202) << queued.body;
  const std::string job = "/v1/simulations/" + queued.json().at("id").get<std::string>();
  expect_documented(doc, "get", job + "/summary", get(job + "/summary", as("ktz")));  // 409 unless done already
  for (int i = 0; i < 600 && get(job, as("ktz")).json().at("status") != "done"; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  expect_documented(doc, "get", job, get(job, as("ktz")));
  expect_documented(doc, "get", job + "/summary", get(job + "/summary", as("ktz")));
  expect_documented(doc, "get", job + "/plots", get(job + "/plots", as("ktz")));
  expect_documented(doc, "delete", job, s_.client->request("DELETE", job, "", as("ktz")));
  expect_documented(doc, "delete", "/v1/simulations/0000", s_.client->request("DELETE", "/v1/simulations/0000", "", as("ktz")));
  json bad = sim;
  bad["scenario"] = "[scenario]\ndemand = \"d.csv\"\nhorizn_days = 3\n";
  expect_documented(doc, "post", "/v1/simulations",
                    s_.client->request("POST", "/v1/simulations", bad.dump(), write_as("ktz", "sim-2")));
  expect_documented(doc, "post", "/v1/simulations",
                    s_.client->request("POST", "/v1/simulations", bad.dump(), write_as("ktz", "sim-1")));
  expect_documented(doc, "post", "/v1/simulations",
                    s_.client->request("POST", "/v1/simulations", sim.dump(), write_as("acme", "sim-3")));
}

}  // namespace
}  // namespace landbridge::service::http
