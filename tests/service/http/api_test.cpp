// The service's real routes on loopback: the built-in package's Engine, a SQLite store in the
// test's scratch folder, the Desk, the server. Responses are compared with what the library
// gives for the same question and checked against the OpenAPI document's schemas.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "../../support/scratch.h"
#include "http_client.h"
#include "json_schema.h"
#include "landbridge/query/engine.h"
#include "landbridge/route/report.h"
#include "landbridge/schedule/planner.h"
#include "landbridge/service/desk.h"
#include "landbridge/service/http/api.h"
#include "landbridge/service/http/app.h"
#include "landbridge/service/http/server.h"

namespace landbridge::service::http {
namespace {

using nlohmann::json;
using testing_support::HttpClient;
using testing_support::HttpResponse;
using Headers = std::vector<std::pair<std::string, std::string>>;

const query::Engine& engine() {
  static const query::Engine e = query::Engine::open("");
  return e;
}

class Api : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = open_store("sqlite:" + (testing_support::scratch_dir() / "service.db").string());
    desk_ = std::make_unique<Desk>(engine(), *store_);
    Router router;
    add_api_routes(router, {.engine = engine(), .store = *store_, .desk = *desk_, .network_name = "eurasia"});
    auth_ = std::make_unique<Authenticator>(*store_, std::chrono::milliseconds(0));
    limiter_ = std::make_unique<RateLimiter>(0, 1);
    app_ = std::make_unique<App>(std::move(router), auth_.get(), limiter_.get());
    for (auto [role, party] : {std::pair{Role::shipper, "acme"}, {Role::shipper, "globex"}, {Role::operator_, "ktz"}}) {
      auto k = make_key(role, party, Instant(0));
      store_->add_key(k.key);
      tokens_[party] = k.token;
    }
    ServerConfig cfg;
    cfg.port = 0;
    cfg.threads = 2;
    server_ = std::make_unique<Server>(cfg, [this](Request& q) { return app_->handle(q); }, nullptr);
    server_->start();
    client_ = std::make_unique<HttpClient>(server_->port(), 60'000);
  }
  void TearDown() override {
    client_.reset();
    server_->stop();
    server_->wait();
  }
  Headers as(const std::string& party) { return {{"Authorization", "Bearer " + tokens_.at(party)}}; }
  Headers write_as(const std::string& party, const std::string& key) {
    auto h = as(party);
    h.emplace_back("Idempotency-Key", key);
    return h;
  }
  HttpResponse get(const std::string& target, const Headers& h = {}) { return client_->get(target, h); }

  std::unique_ptr<Store> store_;
  std::unique_ptr<Desk> desk_;
  std::unique_ptr<Authenticator> auth_;
  std::unique_ptr<RateLimiter> limiter_;
  std::unique_ptr<App> app_;
  std::unique_ptr<Server> server_;
  std::unique_ptr<HttpClient> client_;
  std::map<std::string, std::string> tokens_;
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

  auto no_key = client_->request("POST", "/v2/bookings", body.dump());
  EXPECT_EQ(no_key.status, 401);
  auto missing_idem = client_->request("POST", "/v2/bookings", body.dump(), as("acme"));
  EXPECT_EQ(missing_idem.status, 400);
  EXPECT_EQ(missing_idem.json().at("field"), "Idempotency-Key");

  auto made = client_->request("POST", "/v2/bookings", body.dump(), write_as("acme", "k-1"));
  ASSERT_EQ(made.status, 201) << made.body;
  const json booking = made.json();
  EXPECT_EQ(booking.at("bookingStatus"), "CONFIRMED");
  EXPECT_EQ(booking.at("requestedEquipments")[0].at("equipmentReferences").size(), 4u);
  const std::string reference = booking.at("carrierBookingReference");

  auto again = client_->request("POST", "/v2/bookings", body.dump(), write_as("acme", "k-1"));
  EXPECT_EQ(again.status, 201);
  EXPECT_EQ(again.json(), booking);
  EXPECT_EQ(again.header("idempotent-replayed"), "true");
  json other = body;
  other["units"] = 1;
  EXPECT_EQ(client_->request("POST", "/v2/bookings", other.dump(), write_as("acme", "k-1")).status, 422);

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

  auto cancel = client_->request("PATCH", "/v2/bookings/" + reference, R"({"bookingStatus":"CANCELLED"})",
                                 write_as("acme", "k-2"));
  EXPECT_EQ(cancel.status, 200) << cancel.body;
  EXPECT_EQ(cancel.json().at("bookingStatus"), "CANCELLED");
  auto twice = client_->request("PATCH", "/v2/bookings/" + reference, R"({"bookingStatus":"CANCELLED"})",
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
  for (const Route& r : app_->router().routes()) {
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
  check("/v1/routes?from=JPHKT&to=DEDUI");
  check("/v1/routes?from=JPHKT&to=DEDUI&depart=2026-12-10");
  check("/v1/routes?from=JPHKT&to=DEDUI&depart=2026-12-10&pareto=true");
  check("/v1/routes?from=JPHKT&to=DEDUI&depart=nonsense");
  auto p2p = check("/v1/point-to-point-routes?placeOfReceipt=JPHKT&placeOfDelivery=DEDUI&departureStartDate=2026-12-10");
  check("/v2/bookings", as("acme"));
  check("/v2/bookings");
  check("/v2/bookings/LB0000000000", as("acme"));
  check("/v2/events?eventType=EQUIPMENT", as("ktz"));

  ASSERT_EQ(p2p.status, 200);
  const json body = {{"routingReference", p2p.json()[0].at("routingReference")}, {"ISOEquipmentCode", "22G1"}, {"units", 1}};
  auto made = client_->request("POST", "/v2/bookings", body.dump(), write_as("acme", "doc-1"));
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
                    client_->request("PATCH", "/v2/bookings/" + reference, R"({"bookingStatus":"CANCELLED"})",
                                     write_as("acme", "doc-2")));
  expect_documented(doc, "post", "/v2/bookings", client_->request("POST", "/v2/bookings", "{", write_as("acme", "doc-3")));
}

}  // namespace
}  // namespace landbridge::service::http
