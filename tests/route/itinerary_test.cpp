// Itineraries spelled out on the toy land bridge: legs, node operations where the network
// says they happen, totals, and scaling with the shipment.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include "landbridge/route/itinerary.h"
#include "landbridge/route/router.h"
#include "networks.h"
#include "testing.h"

namespace landbridge::route {
namespace {

std::vector<LinkId> links_of(const Network& net, std::initializer_list<const char*> ids) {
  std::vector<LinkId> out;
  for (const char* id : ids) out.push_back(*net.find_link(id));
  return out;
}

// One line per step: kind, where, what, hours, USD, kg.
std::string steps_text(const Network& net, const Itinerary& it) {
  std::string s;
  for (const Step& st : it.steps) {
    if (st.kind == StepKind::leg)
      s += fmt::format("leg  {}-{} {} {}km {}h {}usd {}kg\n", net.node(st.from).code, net.node(st.to).code,
                       to_string(st.carriage), st.distance.value(), to_hours(st.duration), to_usd(st.cost),
                       to_kg(st.co2e.wtw));
    else
      s += fmt::format("node {} {} {}h {}usd {}kg\n", net.node(st.at).code, to_string(st.op_kind),
                       to_hours(st.duration), to_usd(st.cost), to_kg(st.co2e.wtw));
  }
  return s;
}

TEST(Itinerary, GaugeChangeAndBorderShowUpAsNodeSteps) {
  const Network net = testing::parse_network(testing::kCorridorNet);
  RoutingGraph g(net);
  Weights w;
  prepare(g, {}, nullptr, w);
  const Itinerary it = make_itinerary(
      g, w, links_of(net, {"hkt-lyg", "lyg-xia", "xia-urc", "urc-hor", "hor-ala", "ala-mal", "mal-dui"}));
  // Legs: 10 t × km × g/tkm; hubs: 10 t × kg/t.
  EXPECT_EQ(steps_text(net, it),
            "node JPHKT handling 12h 100usd 20kg\n"
            "leg  JPHKT-CNLYG feeder 1000km 40h 400usd 160kg\n"
            "node CNLYG handling 10h 150usd 30kg\n"
            "node CNLYG dwell 48h 0usd 0kg\n"
            "leg  CNLYG-CNXIA rail:1435 1100km 30h 600usd 220kg\n"
            "leg  CNXIA-CNURC rail:1435 2500km 60h 900usd 500kg\n"
            "leg  CNURC-KZHOR rail:1435 670km 15h 300usd 134kg\n"
            "node KZHOR gauge_change 5h 329usd 15kg\n"
            "node KZHOR border 24h 50usd 0kg\n"
            "leg  KZHOR-KZALA rail:1520 350km 8h 200usd 70kg\n"
            "leg  KZALA-PLMAL rail:1520 5000km 140h 2000usd 1000kg\n"
            "node PLMAL gauge_change 12h 400usd 15kg\n"
            "node PLMAL border 36h 80usd 0kg\n"
            "leg  PLMAL-DEDUI rail:1435 1000km 24h 600usd 200kg\n"
            "node DEDUI handling 4h 120usd 20kg\n");
  EXPECT_EQ(it.transshipments, 3);  // CNLYG lift, KZHOR and PLMAL gauge changes
  EXPECT_DOUBLE_EQ(it.total.distance.value(), 11620.0);
  EXPECT_EQ(it.total.duration, hours(12 + 40 + 10 + 48 + 30 + 60 + 15 + 5 + 24 + 8 + 140 + 12 + 36 + 24 + 4));
  EXPECT_EQ(it.total.cost, usd(100 + 400 + 150 + 600 + 900 + 300 + 329 + 50 + 200 + 2000 + 400 + 80 + 600 + 120));
  EXPECT_EQ(it.total.co2e.wtw, kg_co2e(20 + 160 + 30 + 220 + 500 + 134 + 15 + 70 + 1000 + 15 + 200 + 20));
  // TTW: legs only (feeder 13, rail 15 g/tkm).
  EXPECT_EQ(it.total.co2e.ttw, kg_co2e(10 * 1000 * 13 / 1000.0 + 10 * (11620 - 1000) * 15 / 1000.0));
  std::vector<std::string> via;
  for (NodeId n : it.via) via.push_back(net.node(n).code);
  EXPECT_EQ(via, (std::vector<std::string>{"JPHKT", "CNLYG", "CNXIA", "CNURC", "KZHOR", "KZALA", "PLMAL", "DEDUI"}));
  EXPECT_EQ(it.label, "sea\u2013rail via CNLYG, KZHOR, PLMAL");
  EXPECT_EQ(it.passages, 0u);
}

TEST(Itinerary, AllSeaLegCarriesItsPassages) {
  const Network net = testing::parse_network(testing::kCorridorNet);
  RoutingGraph g(net);
  Weights w;
  prepare(g, {}, nullptr, w);
  const Itinerary it = make_itinerary(g, w, links_of(net, {"hkt-rtm", "rtm-dui"}));
  EXPECT_EQ(it.passages, passage_bit(Passage::malacca) | passage_bit(Passage::babalmandab) | passage_bit(Passage::suez));
  EXPECT_EQ(it.label, "all-sea via Suez, NLRTM");
  EXPECT_EQ(it.transshipments, 1);
}

TEST(Itinerary, CostAndEmissionsScaleWithCountAndUnitTimeDoesNot) {
  const Network net = testing::parse_network(testing::kCorridorNet);
  RoutingGraph g(net);
  Router router(g);
  Weights w;
  const NodeId from = *net.find_node("JPHKT"), to = *net.find_node("DEDUI");

  RouteOptions one;
  prepare(g, one, nullptr, w);
  const auto p1 = router.best(from, to, w, Objective::time);
  ASSERT_TRUE(p1);
  const Itinerary teu1 = make_itinerary(g, w, p1->links);
  EXPECT_EQ(teu1.per_box, p1->per_box);  // the itinerary re-derives what the router summed
  EXPECT_EQ(teu1.total.cost, p1->per_box.cost);
  EXPECT_EQ(teu1.total.co2e.wtw, p1->per_box.co2e);

  RouteOptions seven = one;
  seven.shipment = {ContainerUnit::teu, 7};
  prepare(g, seven, nullptr, w);
  const Itinerary teu7 = make_itinerary(g, w, p1->links);
  EXPECT_EQ(teu7.total.duration, teu1.total.duration);
  EXPECT_EQ(teu7.total.cost, teu1.total.cost * 7);
  EXPECT_EQ(teu7.total.co2e.wtw, teu1.total.co2e.wtw * 7);
  EXPECT_EQ(teu7.total.co2e.ttw, teu1.total.co2e.ttw * 7);
  for (std::size_t i = 0; i < teu7.steps.size(); ++i) EXPECT_EQ(teu7.steps[i].cost, teu1.steps[i].cost * 7);

  RouteOptions feu2 = one;
  feu2.shipment = {ContainerUnit::feu, 2};
  prepare(g, feu2, nullptr, w);
  const Itinerary f2 = make_itinerary(g, w, p1->links);
  EXPECT_EQ(f2.total.duration, teu1.total.duration);
  // FEU prices: feeder 600 (given), rail and operations 2 × TEU (the test network's default).
  EXPECT_EQ(f2.steps[1].cost, usd(600) * 2);
  EXPECT_EQ(f2.total.cost, (teu1.total.cost - usd(400)) * 2 * 2 + usd(600) * 2);
  // An FEU carries twice the mass: 2 boxes × 2 × the TEU emissions (whole grams, exact here).
  EXPECT_EQ(f2.total.co2e.wtw, teu1.total.co2e.wtw * 4);
}

}  // namespace
}  // namespace landbridge::route
