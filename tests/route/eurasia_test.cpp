// The route layer on the built-in reference package (data/eurasia): consistency checks
// between the routers on real data, and constraints honoured. No figure of the dataset is
// written here; the dataset may change.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "landbridge/io/package.h"
#include "landbridge/route/planner.h"
#include "landbridge/route/report.h"

namespace landbridge::route {
namespace {

const io::LoadedPackage& eurasia() {
  static const io::LoadedPackage pkg = io::load_package(io::default_package_dir());
  return pkg;
}

struct Od {
  const char* from;
  const char* to;
};
constexpr Od kPairs[] = {{"JPHKT", "DEDUI"}, {"KRPUS", "GEPTI"}, {"JPHKT", "TRHAL"}, {"KRPUS", "UZTAS"}};

TEST(Eurasia, BestOfEachObjectiveIsTheMinimumOfTheParetoSet) {
  const auto& pkg = eurasia();
  Planner planner(pkg);
  for (const Od od : kPairs) {
    SCOPED_TRACE(std::string(od.from) + " -> " + od.to);
    const RouteResult front = planner.route({.from = od.from, .to = od.to, .pareto = true});
    ASSERT_FALSE(front.itineraries.empty());
    ASSERT_FALSE(front.truncated);
    for (const auto& a : front.itineraries)
      for (const auto& b : front.itineraries)
        if (&a != &b) {
          EXPECT_FALSE(weakly_dominates(a.per_box, b.per_box));
        }
    for (Objective o : {Objective::time, Objective::cost, Objective::co2e}) {
      const RouteResult best = planner.route({.from = od.from, .to = od.to, .objective = o});
      ASSERT_EQ(best.itineraries.size(), 1u);
      double min_front = 1e300;
      for (const auto& it : front.itineraries) min_front = std::min(min_front, objective_value(o, it.per_box, {}));
      EXPECT_EQ(objective_value(o, best.itineraries[0].per_box, {}), min_front) << to_string(o);
      // The best route is in the Pareto set (ties resolved the same lexicographic way).
      bool found = false;
      for (const auto& it : front.itineraries) found = found || it.per_box == best.itineraries[0].per_box;
      EXPECT_TRUE(found) << to_string(o);
    }
  }
}

TEST(Eurasia, AlternativesAreDistinctCorridorsInObjectiveOrder) {
  const auto& pkg = eurasia();
  Planner planner(pkg);
  for (const Od od : kPairs) {
    SCOPED_TRACE(std::string(od.from) + " -> " + od.to);
    const RouteResult r = planner.route({.from = od.from, .to = od.to, .objective = Objective::cost, .alternatives = 5});
    ASSERT_GE(r.itineraries.size(), 2u);
    std::set<std::string> labels;
    std::set<Signature> sigs;
    for (std::size_t i = 0; i < r.itineraries.size(); ++i) {
      EXPECT_TRUE(sigs.insert(r.itineraries[i].signature).second);
      labels.insert(r.itineraries[i].label);
      if (i > 0) {
        EXPECT_LE(r.itineraries[i - 1].per_box.cost, r.itineraries[i].per_box.cost);
      }
      // No node is passed twice: alternatives are corridors, not loops.
      std::set<NodeId> seen(r.itineraries[i].via.begin(), r.itineraries[i].via.end());
      EXPECT_EQ(seen.size(), r.itineraries[i].via.size()) << r.itineraries[i].label;
    }
    // The first corridor is the best route, unless that route is one a corridor can't be
    // (it passes a node twice or crosses a border back: see alternatives.h).
    const RouteResult best = planner.route({.from = od.from, .to = od.to, .objective = Objective::cost});
    const Itinerary& b = best.itineraries[0];
    bool corridor = std::set<NodeId>(b.via.begin(), b.via.end()).size() == b.via.size();
    for (std::size_t i = 0; i < b.signature.size(); ++i)
      for (std::size_t j = 0; j < i; ++j) corridor = corridor && !conflicting_events(b.signature[j], b.signature[i]);
    if (corridor) {
      EXPECT_EQ(r.itineraries[0].per_box, b.per_box);
    } else {
      EXPECT_GE(r.itineraries[0].per_box.cost, b.per_box.cost);
    }
  }
}

TEST(Eurasia, ConstraintsAreHonoured) {
  const auto& pkg = eurasia();
  const Network& net = pkg.network;
  Planner planner(pkg);
  // Suez closed: no itinerary sails through it, and the links that did are re-routed.
  RouteResult r = planner.route({.from = "JPHKT", .to = "DEDUI", .pareto = true, .avoid = {"suez"}});
  ASSERT_FALSE(r.itineraries.empty());
  EXPECT_FALSE(r.rerouted.empty());
  for (const auto& it : r.itineraries) EXPECT_FALSE(it.passages & passage_bit(Passage::suez)) << it.label;
  // Russia avoided: no node in RU.
  r = planner.route({.from = "JPHKT", .to = "DEDUI", .alternatives = 4, .avoid = {"RU"}});
  ASSERT_FALSE(r.itineraries.empty());
  for (const auto& it : r.itineraries)
    for (NodeId n : it.via) EXPECT_NE(net.node(n).country, "RU") << it.label;
  // No sea at all from Lianyungang: rail (and road) only.
  r = planner.route({.from = "CNLYG", .to = "DEDUI", .pareto = true, .avoid = {"sea"}});
  ASSERT_FALSE(r.itineraries.empty());
  for (const auto& it : r.itineraries)
    for (const Step& s : it.steps)
      if (s.kind == StepKind::leg) {
        EXPECT_FALSE(is_maritime(s.carriage.mode)) << it.label;
      }
  // At most one transshipment.
  RouteRequest req{.from = "JPHKT", .to = "DEDUI", .pareto = true};
  req.options.max_transshipments = 1;
  r = planner.route(req);
  for (const auto& it : r.itineraries) EXPECT_LE(it.transshipments, 1) << it.label;
}

// Shape of the Pareto sets on the reference network: an itinerary passes no node twice and,
// once it has left a country, never enters it again (no back-and-forth through a border).
TEST(Eurasia, ParetoItinerariesNeitherLoopNorReenterACountry) {
  const auto& pkg = eurasia();
  const Network& net = pkg.network;
  Planner planner(pkg);
  constexpr Od kShapes[] = {{"CNXIA", "DEDUI"}, {"JPHKT", "KZALA"}, {"JPHKT", "UZTAS"}, {"CNSHA", "NLRTM"},
                            {"CNCQI", "DEDUI"}, {"JPHKT", "KZAAU"}, {"JPHKT", "DEDUI"}, {"CNTXG", "DEDUI"}};
  for (const Od od : kShapes) {
    SCOPED_TRACE(std::string(od.from) + " -> " + od.to);
    const RouteResult front = planner.route({.from = od.from, .to = od.to, .pareto = true});
    ASSERT_FALSE(front.itineraries.empty());
    for (const auto& it : front.itineraries) {
      EXPECT_EQ(std::set<NodeId>(it.via.begin(), it.via.end()).size(), it.via.size()) << it.label;
      std::vector<std::string> countries;
      for (NodeId n : it.via)
        if (countries.empty() || countries.back() != net.node(n).country) countries.push_back(net.node(n).country);
      EXPECT_EQ(std::set<std::string>(countries.begin(), countries.end()).size(), countries.size()) << it.label;
    }
  }
}

// Central Asia is reached through Kazakhstan, not by a detour through Moscow, and the rail
// routes from Xi'an to Europe do not start eastward through Lianyungang or Manzhouli.
TEST(Eurasia, CorridorsRunTheWayTheTrainsDo) {
  const auto& pkg = eurasia();
  const Network& net = pkg.network;
  Planner planner(pkg);
  const auto passes = [&](const Itinerary& it, const char* code) {
    const auto n = net.find_node(code);
    return n && std::find(it.via.begin(), it.via.end(), *n) != it.via.end();
  };
  for (const Od od : {Od{"JPHKT", "KZALA"}, Od{"JPHKT", "UZTAS"}, Od{"KRPUS", "UZTAS"}}) {
    const RouteResult front = planner.route({.from = od.from, .to = od.to, .pareto = true});
    ASSERT_FALSE(front.itineraries.empty());
    for (const auto& it : front.itineraries) {
      EXPECT_FALSE(passes(it, "RUMOW")) << od.to << ": " << it.label;
      EXPECT_TRUE(passes(it, "KZHOR") || passes(it, "KZDOS") || passes(it, "KZPLX")) << od.to << ": " << it.label;
    }
  }
  const RouteResult xian = planner.route({.from = "CNXIA", .to = "DEDUI", .pareto = true, .avoid = {"sea"}});
  ASSERT_FALSE(xian.itineraries.empty());
  for (const auto& it : xian.itineraries) {
    EXPECT_FALSE(passes(it, "CNLYG")) << it.label;
    EXPECT_FALSE(passes(it, "CNMLX")) << it.label;
  }
}

TEST(Eurasia, JsonForEveryItineraryHasItsSteps) {
  const auto& pkg = eurasia();
  Planner planner(pkg);
  RouteRequest req{.from = "Hakata", .to = "Duisburg", .alternatives = 3};
  req.options.shipment = {ContainerUnit::feu, 2};
  const nlohmann::json j = to_json(pkg.network, planner.route(req));
  ASSERT_EQ(j["itineraries"].size(), 3u);
  for (const auto& it : j["itineraries"]) {
    ASSERT_GE(it["steps"].size(), 1u);
    EXPECT_EQ(it["via"].front(), "JPHKT");
    EXPECT_EQ(it["via"].back(), "DEDUI");
    EXPECT_GT(it["total"]["cost_usd"].get<double>(), 0.0);
    EXPECT_GT(it["total"]["co2e_kg"].get<double>(), it["total"]["co2e_ttw_kg"].get<double>());
  }
}

// Hakata - Istanbul: the Pareto set has an all-sea itinerary to Ambarlı, and no itinerary passes
// a node twice or enters a country it has left (no detour by Duisburg, no sailing past Istanbul
// to Poti and back by rail).
TEST(Eurasia, HakataIstanbulParetoHasTheSeaRouteAndNoDetours) {
  const auto& pkg = eurasia();
  const Network& net = pkg.network;
  Planner planner(pkg);
  for (const char* avoid : {"", "RU"}) {
    SCOPED_TRACE(avoid);
    RouteRequest req{.from = "JPHKT", .to = "TRHAL", .pareto = true};
    if (*avoid) req.avoid = {avoid};
    const RouteResult r = planner.route(req);
    bool sea_to_ambarli = false, trans_caspian = false;
    for (const auto& it : r.itineraries) {
      std::set<NodeId> seen(it.via.begin(), it.via.end());
      EXPECT_EQ(seen.size(), it.via.size()) << it.label;
      std::vector<std::string> countries;
      for (NodeId n : it.via)
        if (countries.empty() || countries.back() != net.node(n).country) countries.push_back(net.node(n).country);
      EXPECT_EQ(std::set<std::string>(countries.begin(), countries.end()).size(), countries.size()) << it.label;
      for (NodeId n : it.via) {
        sea_to_ambarli = sea_to_ambarli || net.node(n).code == "TRAMR";
        trans_caspian = trans_caspian || net.node(n).code == "AZALA";
        EXPECT_NE(net.node(n).code, "DEDUI") << it.label;
      }
    }
    EXPECT_TRUE(sea_to_ambarli);
    if (*avoid) {
      EXPECT_TRUE(trans_caspian);
    }
  }
}

// Every land or ferry link between two countries that share no customs union carries a border
// operation at one of its ends (inside the EU and inside the Eurasian Economic Union there is no
// customs border, assumptions A-B4 / AW-3). The one exception is the Halkalı - Duisburg through
// link, which passes no border node and folds the Kapıkule border into its own time and price
// (its note says so).
TEST(Eurasia, EveryBorderACountryChangeCrossesHasABorderOperation) {
  const Network& net = eurasia().network;
  const std::set<std::string> eu{"AT", "BE", "BG", "CZ", "DE", "FR", "GR", "HU", "IT", "LU", "NL", "PL", "RO", "SI", "SK"};
  const std::set<std::string> eaeu{"AM", "BY", "KG", "KZ", "RU"};
  std::set<NodeId> with_border;
  for (const OperationInfo& op : net.operations())
    if (op.kind == OperationKind::border) with_border.insert(op.node);
  int crossings = 0;
  for (std::uint32_t i = 0; i < net.link_count(); ++i) {
    const LinkId l(i);
    const Mode m = net.link_carriage(l).mode;
    if (m != Mode::rail && m != Mode::road && m != Mode::ferry) continue;
    const std::string& a = net.node(net.link_from(l)).country;
    const std::string& b = net.node(net.link_to(l)).country;
    if (a == b || (eu.contains(a) && eu.contains(b)) || (eaeu.contains(a) && eaeu.contains(b))) continue;
    const std::string& id = net.link_info(l).id;
    if (id.starts_with("rail-TRHAL-DEDUI")) continue;
    ++crossings;
    EXPECT_TRUE(with_border.contains(net.link_from(l)) || with_border.contains(net.link_to(l)))
        << id << " crosses " << a << " -> " << b << " with no border operation at either end";
  }
  EXPECT_GT(crossings, 20);
}

}  // namespace
}  // namespace landbridge::route
