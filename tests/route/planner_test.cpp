// The Planner (request -> itineraries) and the JSON / text reports, on the toy land bridge.
#include "landbridge/route/planner.h"

#include <gtest/gtest.h>

#include "landbridge/route/locate.h"
#include "landbridge/route/report.h"
#include "networks.h"
#include "testing.h"

namespace landbridge::route {
namespace {

class PlannerTest : public ::testing::Test {
 protected:
  Network net = testing::parse_network(testing::kCorridorNet);
  Planner planner{net};
};

TEST_F(PlannerTest, BestByEachObjective) {
  RouteResult r = planner.route({.from = "Hakata", .to = "duisburg"});
  ASSERT_EQ(r.itineraries.size(), 1u);
  EXPECT_EQ(r.itineraries[0].label, "sea\u2013rail via CNLYG, KZHOR, PLMAL");
  r = planner.route({.from = "JPHKT", .to = "DEDUI", .objective = Objective::cost});
  ASSERT_EQ(r.itineraries.size(), 1u);
  EXPECT_EQ(r.itineraries[0].total.cost, usd(2970));
  r = planner.route({.from = "JPHKT", .to = "DEDUI", .objective = Objective::co2e});
  ASSERT_EQ(r.itineraries.size(), 1u);
  // Deep sea at 8 g/tkm beats feeder + rail: 10 t × 21,000 km × 8 = 1,680 kg + hubs and rail.
  EXPECT_EQ(r.itineraries[0].label, "all-sea via Suez, NLRTM");
}

TEST_F(PlannerTest, GeneralizedCostTradesTimeAgainstMoney) {
  RouteRequest req{.from = "JPHKT", .to = "DEDUI", .objective = Objective::generalized};
  RouteResult cheap = planner.route(req);
  EXPECT_EQ(cheap.itineraries[0].total.cost, usd(2970));  // time is free: the cheapest
  req.options.prices.value_of_time_usd_per_hour = 50;
  RouteResult fast = planner.route(req);
  EXPECT_EQ(fast.itineraries[0].label, "sea\u2013rail via CNLYG, KZHOR, PLMAL");
}

TEST_F(PlannerTest, AvoidItemsAreResolvedByKind) {
  RouteRequest req{.from = "JPHKT", .to = "DEDUI", .alternatives = 5, .avoid = {"Khorgos", "suez"}};
  RouteResult r = planner.route(req);
  std::vector<std::string> labels;
  for (const auto& it : r.itineraries) labels.push_back(it.label);
  EXPECT_EQ(labels, (std::vector<std::string>{"sea\u2013rail via CNLYG, KZDOS, PLMAL",
                                              "all-sea via Cape, NLRTM"}));
  // Without a maritime graph the links through Suez are dropped, not re-routed.
  EXPECT_EQ(r.dropped.size(), 1u);
  EXPECT_TRUE(r.rerouted.empty());

  RouteOptions o;
  add_avoid(net, "rail", o);
  add_avoid(net, "sea", o);
  add_avoid(net, "kz", o);
  add_avoid(net, "cape", o);
  EXPECT_EQ(o.avoid_modes, mode_bit(Mode::rail) | mode_bit(Mode::deep_sea) | mode_bit(Mode::feeder) | mode_bit(Mode::ferry));
  EXPECT_EQ(o.avoid_countries, std::vector<std::string>{"KZ"});
  EXPECT_EQ(o.avoid_passages, passage_bit(Passage::south_africa));
  EXPECT_THROW(add_avoid(net, "RU", o), Error);  // no place of the network is in Russia
  try {
    add_avoid(net, "Dostik", o);
    FAIL();
  } catch (const LocateError& e) {
    EXPECT_NE(std::string(e.what()).find("did you mean KZDOS Dostyk?"), std::string::npos) << e.what();
  }
}

TEST_F(PlannerTest, RouteErrorsSayWhatIsWrong) {
  EXPECT_THROW(planner.route({.from = "JPHKT", .to = "Hakata"}), Error);
  EXPECT_THROW(planner.route({.from = "Khorgas", .to = "DEDUI"}), LocateError);
  EXPECT_THROW(planner.route({.from = "JPHKT", .to = "DEDUI", .avoid = {"DE"}}), Error);
  RouteRequest zero{.from = "JPHKT", .to = "DEDUI"};
  zero.options.shipment.count = 0;
  EXPECT_THROW(planner.route(zero), Error);
  // No route is not an error.
  const RouteResult none = planner.route({.from = "DEDUI", .to = "JPHKT"});
  EXPECT_TRUE(none.itineraries.empty());
}

TEST_F(PlannerTest, ParetoListIsNonDominatedAndSortedByTheObjective) {
  const RouteResult r = planner.route({.from = "JPHKT", .to = "DEDUI", .objective = Objective::cost, .pareto = true});
  ASSERT_GE(r.itineraries.size(), 3u);
  for (std::size_t i = 0; i < r.itineraries.size(); ++i) {
    if (i > 0) {
      EXPECT_LE(r.itineraries[i - 1].per_box.cost, r.itineraries[i].per_box.cost);
    }
    for (std::size_t j = 0; j < r.itineraries.size(); ++j)
      if (i != j) {
        EXPECT_FALSE(weakly_dominates(r.itineraries[i].per_box, r.itineraries[j].per_box));
      }
  }
}

TEST_F(PlannerTest, JsonHasTheRequiredKeysAndSurvivesARoundTrip) {
  RouteRequest req{.from = "JPHKT", .to = "DEDUI", .alternatives = 2};
  req.options.shipment = {ContainerUnit::feu, 3};
  const RouteResult r = planner.route(req);
  const nlohmann::json j = nlohmann::json::parse(to_json(net, r).dump());
  EXPECT_EQ(j["from"], "JPHKT");
  EXPECT_EQ(j["to"], "DEDUI");
  EXPECT_EQ(j["unit"], "FEU");
  EXPECT_EQ(j["count"], 3);
  ASSERT_EQ(j["itineraries"].size(), 2u);
  for (const auto& it : j["itineraries"]) {
    for (const char* k : {"via", "steps", "total", "label", "transshipments", "passages", "days"})
      EXPECT_TRUE(it.contains(k)) << k;
    EXPECT_EQ(it["via"].front(), "JPHKT");
    EXPECT_EQ(it["via"].back(), "DEDUI");
    double km = 0, hours = 0, usd_sum = 0, kg = 0;
    for (const auto& s : it["steps"]) {
      for (const char* k : {"kind", "from", "to", "at", "mode", "distance_km", "hours", "cost_usd", "co2e_kg", "co2e_ttw_kg"})
        EXPECT_TRUE(s.contains(k)) << k;
      if (s["kind"] == "node") {
        EXPECT_TRUE(s["at"].is_string());
        EXPECT_EQ(s["distance_km"], 0.0);
        EXPECT_TRUE(s.contains("operation"));
      } else {
        EXPECT_EQ(s["kind"], "leg");
        EXPECT_TRUE(s["at"].is_null());
        EXPECT_TRUE(s["mode"].is_string());
      }
      km += s["distance_km"].get<double>();
      hours += s["hours"].get<double>();
      usd_sum += s["cost_usd"].get<double>();
      kg += s["co2e_kg"].get<double>();
    }
    const auto& t = it["total"];
    for (const char* k : {"distance_km", "hours", "days", "cost_usd", "co2e_kg", "co2e_ttw_kg"}) EXPECT_TRUE(t.contains(k)) << k;
    EXPECT_NEAR(t["distance_km"].get<double>(), km, 0.05 * static_cast<double>(it["steps"].size()));
    EXPECT_NEAR(t["hours"].get<double>(), hours, 0.01 * static_cast<double>(it["steps"].size()));
    EXPECT_NEAR(t["cost_usd"].get<double>(), usd_sum, 1e-6);
    EXPECT_NEAR(t["co2e_kg"].get<double>(), kg, 1e-6);
  }
  // The fastest itinerary with 3 FEU: rail 2 × TEU price per FEU, feeder 600 USD per FEU.
  const auto& first = j["itineraries"][0];
  EXPECT_EQ(first["steps"][1]["mode"], "feeder");
  EXPECT_DOUBLE_EQ(first["steps"][1]["cost_usd"].get<double>(), 3 * 600.0);
  EXPECT_DOUBLE_EQ(first["steps"][1]["co2e_kg"].get<double>(), 3 * 20.0 * 1000 * 16 / 1000.0);
  EXPECT_EQ(first["steps"][1]["hours"], 40.0);
}

TEST_F(PlannerTest, TextTableShowsEveryStepAndTheTotals) {
  const RouteResult r = planner.route({.from = "JPHKT", .to = "DEDUI", .objective = Objective::cost});
  EXPECT_EQ(to_table(net, r),
            "JPHKT Hakata \u2192 DEDUI Duisburg \u00b7 1 TEU \u00b7 best by cost\n"
            "\n"
            "1. all-sea via Suez, NLRTM\n"
            "   33.4 days \u00b7 2,970.00 USD \u00b7 1,796.0 kg CO2e (TTW 1,504.5) \u00b7 1 transshipment\n"
            "   step  from   to     mode/operation           km    hours         USD    kg CO2e  passages\n"
            "   node  JPHKT         handling                        12.0      100.00       20.0\n"
            "   leg   JPHKT  NLRTM  deep_sea             21,000    768.0    2,200.00    1,680.0  suez+babalmandab+malacca\n"
            "   node  NLRTM         handling                         8.0      200.00       30.0\n"
            "   leg   NLRTM  DEDUI  rail:1435               230     10.0      350.00       46.0\n"
            "   node  DEDUI         handling                         4.0      120.00       20.0\n"
            "   total                                    21,230    802.0    2,970.00    1,796.0\n");
}

}  // namespace
}  // namespace landbridge::route
