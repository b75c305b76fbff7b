// The map's panels through the server: GET /v1/nodes/{code} (operations, services and their next
// departures with free slots), GET /v1/links/{id} (figures and emissions, the route report's
// own), the time zones in locations and the GeoJSON, and GET /v1/whoami for each role.
#include <gtest/gtest.h>

#include <string>

#include "http_client.h"
#include "landbridge/query/network_info.h"
#include "landbridge/timetable/time.h"
#include "service_stack.h"

namespace landbridge::service::http {
namespace {

using nlohmann::json;
using testing_stack::engine;

class NetworkInfo : public ::testing::Test {
 protected:
  void SetUp() override {
    s_.start({.workers = 1, .max_queued = 1},
             {{Role::shipper, "acme"}, {Role::operator_, "ktz"}, {Role::admin, "root"}}, false);
  }
  void TearDown() override { s_.stop(); }
  testing_support::HttpResponse get(const std::string& target, const testing_stack::Headers& h = {}) {
    return s_.client->get(target, h);
  }
  testing_stack::ServiceStack s_;
};

Instant instant(const json& text) {
  const auto t = timetable::parse_iso8601(text.get<std::string>());
  EXPECT_TRUE(t.has_value()) << text;
  return t.value_or(Instant(0));
}

TEST_F(NetworkInfo, WhoAmINamesTheKeysPartyRoleAndId) {
  for (const auto& [party, role] : {std::pair{"acme", "shipper"}, {"ktz", "operator"}, {"root", "admin"}}) {
    auto r = get("/v1/whoami", s_.as(party));
    ASSERT_EQ(r.status, 200) << r.body;
    const std::string token = s_.tokens.at(party);  // lb_<id>.<secret>
    EXPECT_EQ(r.json(), (json{{"party", party}, {"role", role}, {"keyId", token.substr(3, token.find('.') - 3)}}));
  }
  auto anonymous = get("/v1/whoami");
  EXPECT_EQ(anonymous.status, 401);
  EXPECT_EQ(anonymous.json().at("field"), "Authorization");
}

TEST_F(NetworkInfo, HakataHasHandlingAndServicesWithNextDeparturesInOrder) {
  auto r = get("/v1/nodes/JPHKT?after=2026-12-10T00:00&limit=2");
  ASSERT_EQ(r.status, 200) << r.body;
  const json n = r.json();
  EXPECT_EQ(n.at("code"), "JPHKT");
  EXPECT_EQ(n.at("kind"), "seaport");
  EXPECT_EQ(n.at("timezone"), "Asia/Tokyo");
  // 00:00 in Hakata is 15:00 UTC the day before.
  EXPECT_EQ(n.at("after"), "2026-12-09T15:00Z");
  const Instant after = instant(n.at("after"));

  int handling = 0;
  for (const json& op : n.at("operations")) {
    if (op.at("kind") == "handling") ++handling;
    EXPECT_LE(op.at("hours").at("lo").get<double>(), op.at("hours").at("value").get<double>());
    EXPECT_LE(op.at("hours").at("value").get<double>(), op.at("hours").at("hi").get<double>());
    for (const json& s : op.at("sources")) EXPECT_FALSE(s.at("title").get<std::string>().empty()) << s;
  }
  EXPECT_GT(handling, 0) << n.at("operations");

  int departing = 0;
  for (const json& sv : n.at("services")) {
    const json& calls = sv.at("calls");
    std::size_t here = 0;
    while (here < calls.size() && calls[here] != "JPHKT") ++here;
    ASSERT_LT(here, calls.size()) << sv;
    const json& next = sv.at("nextDepartures");
    EXPECT_LE(next.size(), 2u);
    if (here + 1 == calls.size()) {
      EXPECT_TRUE(next.empty()) << "a service that ends here departs from here: " << sv;
      continue;
    }
    ASSERT_EQ(next.size(), 2u) << sv;
    ++departing;
    Instant previous = after;
    for (const json& d : next) {
      const Instant t = instant(d.at("depart"));
      EXPECT_GE(t, previous) << d;
      previous = t;
      EXPECT_EQ(d.at("departLocal").get<std::string>().substr(16), "+09:00") << d;
      EXPECT_EQ(d.at("nextStop"), calls[here + 1]);
      const auto key = query::parse_departure(d.at("departure").get<std::string>());
      ASSERT_TRUE(key.has_value()) << d;
      EXPECT_EQ(key->service, sv.at("id"));
      EXPECT_EQ(d.at("freeTeu"), sv.at("capacityTeu"));  // nothing is booked yet
    }
  }
  EXPECT_GT(departing, 0);
  // The library's answer, word for word.
  const query::NodeInfoAnswer a =
      query::node_info(engine(), "JPHKT", {.after = "2026-12-10T00:00", .limit = 2, .free_teu = {}});
  json expected = query::to_json(engine(), a);
  for (json& sv : expected.at("services")) {
    for (json& d : sv.at("nextDepartures")) d["freeTeu"] = sv.at("capacityTeu");
  }
  EXPECT_EQ(n, expected);
}

TEST_F(NetworkInfo, ABookingTakesItsSlotsFromTheNodesNextDeparture) {
  auto routes = get("/v1/routes?from=JPHKT&to=DEDUI&depart=2026-12-10&unit=42G1&count=3");
  ASSERT_EQ(routes.status, 200) << routes.body;
  const json body = {{"routingReference", routes.json().at("itineraries")[0].at("routingReference")},
                     {"ISOEquipmentCode", "42G1"},
                     {"units", 3}};
  auto made = s_.client->request("POST", "/v2/bookings", body.dump(), s_.as("acme", "node-1"));
  ASSERT_EQ(made.status, 201) << made.body;
  const std::string departure = made.json().at("departures")[0].at("departure");
  const auto key = query::parse_departure(departure);
  ASSERT_TRUE(key.has_value());

  // The trip leaves its service's first call first: ask that node from the trip's start on.
  std::string first_call;
  for (const auto& s : engine().services()) {
    if (s.id == key->service) first_call = engine().network().node(s.calls.front().stop).code;
  }
  ASSERT_FALSE(first_call.empty());
  const json n = get("/v1/nodes/" + first_call + "?after=" + timetable::format_iso8601(key->start)).json();
  bool seen = false;
  for (const json& sv : n.at("services")) {
    for (const json& d : sv.at("nextDepartures")) {
      if (d.at("departure") != departure) continue;
      seen = true;
      EXPECT_EQ(d.at("freeTeu").get<int>(), d.at("capacityTeu").get<int>() - 6) << d;  // 3 FEU
    }
  }
  EXPECT_TRUE(seen) << departure << " not among " << n.at("services");
}

TEST_F(NetworkInfo, NodeErrorsNameTheField) {
  auto unknown = get("/v1/nodes/XXNOPE");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(unknown.header("content-type"), "application/problem+json");
  EXPECT_EQ(unknown.json().at("field"), "code");
  EXPECT_EQ(get("/v1/nodes/JPHKT?after=someday").json().at("field"), "after");
  EXPECT_EQ(get("/v1/nodes/JPHKT?limit=99").json().at("field"), "limit");
}

// Every leg of a route report: the link's emissions per TEU are the report's figures for that
// leg of one TEU, and its distance the leg's.
TEST_F(NetworkInfo, ALinksEmissionsAreWhatARouteReportGivesForThatLeg) {
  auto routes = get("/v1/routes?from=JPHKT&to=DEDUI&unit=teu&count=1&alternatives=3");
  ASSERT_EQ(routes.status, 200) << routes.body;
  const json report = routes.json();
  int legs = 0;
  for (const json& it : report.at("itineraries")) {
    for (const json& step : it.at("steps")) {
      if (step.at("kind") != "leg") continue;
      ++legs;
      auto r = get("/v1/links/" + step.at("link").get<std::string>());
      ASSERT_EQ(r.status, 200) << r.body;
      const json l = r.json();
      EXPECT_EQ(l.at("from"), step.at("from"));
      EXPECT_EQ(l.at("to"), step.at("to"));
      EXPECT_EQ(l.at("co2eKgPerTeu"), step.at("co2e_kg")) << step;
      EXPECT_EQ(l.at("co2eTtwKgPerTeu"), step.at("co2e_ttw_kg")) << step;
      EXPECT_EQ(l.at("distanceKm").at("value"), step.at("distance_km")) << step;
      EXPECT_GT(l.at("co2eKgPerTeu").get<double>(), 0.0);
    }
  }
  EXPECT_GE(legs, 3);
}

TEST_F(NetworkInfo, ALinkHasItsFiguresFactorAndResolvedSources) {
  auto r = get("/v1/links/feeder-JPHKT-CNLYG");
  ASSERT_EQ(r.status, 200) << r.body;
  const json l = r.json();
  EXPECT_EQ(l.at("fromName"), "Hakata (Fukuoka)");
  EXPECT_EQ(l.at("mode"), "feeder");
  EXPECT_TRUE(l.at("gauge").is_null());
  EXPECT_EQ(l.at("emissionFactor").at("id"), "sea-feeder");
  // WTW = 10 t x distance x the factor's g/t-km, in kg.
  const double km = engine().network().link_distance(*engine().network().find_link("feeder-JPHKT-CNLYG")).value();
  EXPECT_NEAR(l.at("co2eKgPerTeu").get<double>(), 10.0 * km * l.at("emissionFactor").at("wtwGPerTkm").get<double>() / 1000,
              0.001);
  ASSERT_FALSE(l.at("sources").empty());
  for (const json& s : l.at("sources")) {
    EXPECT_FALSE(s.at("title").get<std::string>().empty()) << s;
    EXPECT_FALSE(s.at("url").get<std::string>().empty()) << s;
    EXPECT_FALSE(s.at("date").get<std::string>().empty()) << s;
  }
  // The reverse direction of a two-way link answers under its own id.
  auto back = get("/v1/links/feeder-JPHKT-CNLYG~r");
  ASSERT_EQ(back.status, 200) << back.body;
  EXPECT_EQ(back.json().at("from"), "CNLYG");

  auto unknown = get("/v1/links/rail-NOWHERE");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(unknown.json().at("field"), "id");
}

TEST_F(NetworkInfo, LocationsAndTheGeojsonCarryTimeZones) {
  const json list = get("/v1/locations?q=Shymkent").json().at("locations");
  ASSERT_GE(list.size(), 2u) << list;
  for (const json& l : list) EXPECT_EQ(l.at("timezone"), "Asia/Almaty") << l;  // a node and a place
  const json geo = get("/v1/network.geojson").json();
  bool hakata = false;
  for (const json& f : geo.at("features")) {
    const json& p = f.at("properties");
    if (p.at("feature") == "node" && p.at("code") == "JPHKT") {
      hakata = true;
      EXPECT_EQ(p.at("timezone"), "Asia/Tokyo");
    }
  }
  EXPECT_TRUE(hakata);
}

}  // namespace
}  // namespace landbridge::service::http
