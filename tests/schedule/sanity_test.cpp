// Route sanity on the reference network (data/eurasia), as properties every answer must have:
//
//   1. For every ordered pair of terminals and ports, no itinerary of the static Pareto set or
//      of the timetabled Pareto set (one departure date) visits a node twice or re-enters a
//      country it has left (a route that goes back and forth is a bug, whatever it costs).
//   2. A table of named OD pairs states the corridors each Pareto set must contain and must
//      not contain (Hakata -> Istanbul has a Trans-Caspian and a direct sea itinerary, none via
//      Western Europe; Almaty and Tashkent are reached through Kazakhstan, not Moscow; ...).
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "landbridge/io/package.h"
#include "landbridge/io/services.h"
#include "landbridge/route/planner.h"
#include "landbridge/schedule/planner.h"
#include "landbridge/timetable/time.h"
#include "packages.h"

namespace landbridge::schedule {
namespace {

using Reference = test::PackageWithServices;
const Reference& reference() { return test::reference_package(); }

Instant day(int y, int m, int d) { return timetable::to_instant(timetable::CivilDate{y, m, d}); }

// The one departure date of the timetabled checks (a Tuesday in the reference horizon).
Instant departure_day() { return day(2026, 12, 1); }

ScheduledPlanner& timetabled() {
  static ScheduledPlanner p(reference().pkg, reference().services, day(2026, 11, 25), days(150));
  return p;
}

route::Planner& fixed() {
  static route::Planner p(reference().pkg);
  return p;
}

// What the properties look at in an itinerary of either planner.
struct View {
  std::vector<NodeId> via;   // every node passed, origin first
  std::vector<Mode> legs;    // mode of each leg, in order
  std::set<NodeId> land;     // nodes the box passes by rail or road (not aboard a ship)
  std::string text;          // for messages
};

// Marks the nodes a leg from `from` to `to` passes (they follow one another in `via`).
void mark_leg(View& v, std::size_t& at, NodeId to, Mode m) {
  const std::size_t start = at;
  while (at + 1 < v.via.size() && v.via[at] != to) ++at;
  if (m == Mode::rail || m == Mode::road)
    for (std::size_t i = start; i <= at && i < v.via.size(); ++i) v.land.insert(v.via[i]);
}

View view(const Network& net, const route::Itinerary& it) {
  View v{it.via, {}, {}, "static " + it.label + ":"};
  std::size_t at = 0;
  for (const route::Step& s : it.steps)
    if (s.kind == route::StepKind::leg) {
      v.legs.push_back(s.carriage.mode);
      mark_leg(v, at, s.to, s.carriage.mode);
    }
  for (NodeId n : it.via) v.text += " " + net.node(n).code;
  return v;
}

View view(const Network& net, const ScheduledItinerary& it) {
  View v{it.via, {}, {}, "timetabled:"};
  std::size_t at = 0;
  for (const ScheduledStep& s : it.steps)
    if (s.kind == route::StepKind::leg) {
      v.legs.push_back(s.carriage.mode);
      mark_leg(v, at, s.to, s.carriage.mode);
      v.text += " [" + (s.service.empty() ? net.link_info(s.link).id : s.service) + "]";
    }
  for (NodeId n : it.via) v.text += " " + net.node(n).code;
  return v;
}

// "" when the itinerary is sane, else what is wrong with it.
std::string insanity(const Network& net, const View& v) {
  std::set<NodeId> seen;
  std::set<std::string> left;  // countries the route has left
  for (std::size_t i = 0; i < v.via.size(); ++i) {
    const NodeId n = v.via[i];
    if (!seen.insert(n).second) return "visits " + net.node(n).code + " twice";
    const std::string& c = net.node(n).country;
    if (left.contains(c)) return "re-enters " + c + " at " + net.node(n).code + " after leaving it";
    if (i > 0 && net.node(v.via[i - 1]).country != c) left.insert(net.node(v.via[i - 1]).country);
  }
  return {};
}

// Terminals and ports: every node a box can be handed in or out at (not border stations).
std::vector<NodeId> terminals(const Network& net) {
  std::vector<NodeId> out;
  for (NodeId n : net.nodes().keys())
    if (net.node(n).kind != NodeKind::border_crossing) out.push_back(n);
  return out;
}

TEST(RouteSanity, NoStaticParetoItineraryGoesBackAndForth) {
  const Network& net = reference().pkg.network;
  const auto nodes = terminals(net);
  int pairs = 0, itineraries = 0;
  for (NodeId a : nodes)
    for (NodeId b : nodes) {
      if (a == b) continue;
      route::RouteRequest req{.from = net.node(a).code, .to = net.node(b).code, .pareto = true};
      const route::RouteResult r = fixed().route(req);
      ++pairs;
      EXPECT_FALSE(r.truncated) << req.from << " -> " << req.to;
      for (const route::Itinerary& it : r.itineraries) {
        ++itineraries;
        const View v = view(net, it);
        const std::string bad = insanity(net, v);
        EXPECT_EQ(bad, "") << req.from << " -> " << req.to << ": " << v.text;
      }
      // The single-objective answers are members of the Pareto set's sane world too.
      for (const route::Objective o : {route::Objective::time, route::Objective::cost, route::Objective::co2e}) {
        const route::RouteResult best = fixed().route({.from = req.from, .to = req.to, .objective = o});
        for (const route::Itinerary& it : best.itineraries)
          EXPECT_EQ(insanity(net, view(net, it)), "") << req.from << " -> " << req.to << " " << to_string(o) << ": "
                                                      << view(net, it).text;
      }
    }
  EXPECT_GT(itineraries, pairs);  // most pairs have more than one non-dominated option
  RecordProperty("pairs", pairs);
  RecordProperty("itineraries", itineraries);
}

TEST(RouteSanity, NoTimetabledParetoItineraryGoesBackAndForth) {
  const Network& net = reference().pkg.network;
  const auto nodes = terminals(net);
  int pairs = 0, reached = 0, itineraries = 0;
  for (NodeId a : nodes)
    for (NodeId b : nodes) {
      if (a == b) continue;
      ScheduledRequest req;
      req.from = net.node(a).code;
      req.to = net.node(b).code;
      req.depart = departure_day();
      req.pareto = true;
      const ScheduledResult r = timetabled().plan(req);
      ++pairs;
      reached += r.itineraries.empty() ? 0 : 1;
      for (const ScheduledItinerary& it : r.itineraries) {
        ++itineraries;
        const View v = view(net, it);
        EXPECT_EQ(insanity(net, v), "") << req.from << " -> " << req.to << ": " << v.text;
      }
    }
  // The timetabled network connects (nearly) every terminal to every other.
  EXPECT_GE(reached * 100, pairs * 95) << reached << " of " << pairs << " pairs have a timetabled itinerary";
  RecordProperty("pairs", pairs);
  RecordProperty("itineraries", itineraries);
}

// --- corridors a Pareto set must and must not contain ---------------------------------------

using Corridor = std::function<bool(const Network&, const View&)>;

struct Named {
  std::string name;
  Corridor test;
};

bool passes_country(const Network& net, const View& v, std::string_view c) {
  return std::any_of(v.via.begin(), v.via.end(), [&](NodeId n) { return net.node(n).country == c; });
}

bool passes_any(const Network& net, const View& v, std::initializer_list<std::string_view> codes) {
  return std::any_of(v.via.begin(), v.via.end(), [&](NodeId n) {
    return std::find(codes.begin(), codes.end(), net.node(n).code) != codes.end();
  });
}

// Across the Caspian: a Kazakh or Turkmen Caspian port, then Alat or Baku.
const Named kTransCaspian{"Trans-Caspian", [](const Network& net, const View& v) {
                            return passes_any(net, v, {"KZAAU", "KZKUR", "TMTMB"}) &&
                                   passes_any(net, v, {"AZALA", "AZBAK"});
                          }};
// By sea all the way: ships only, with at most a road or rail leg at either end (to and from
// the port).
const Named kAllSea{"all-sea", [](const Network&, const View& v) {
                      if (v.legs.empty()) return false;
                      std::size_t b = 0, e = v.legs.size();
                      if (v.legs[b] == Mode::road || v.legs[b] == Mode::rail) ++b;
                      if (e > b && (v.legs[e - 1] == Mode::road || v.legs[e - 1] == Mode::rail)) --e;
                      if (b >= e) return false;
                      return std::all_of(v.legs.begin() + b, v.legs.begin() + e,
                                         [](Mode m) { return m == Mode::deep_sea || m == Mode::feeder; });
                    }};
// On land in Western Europe (a ship calling at Genoa on its way east through the
// Mediterranean does not count; a train to Duisburg does).
const Named kViaWesternEurope{"via Western Europe", [](const Network& net, const View& v) {
                                for (NodeId n : v.land)
                                  for (std::string_view c : {"DE", "NL", "BE", "LU", "FR", "CH", "AT", "IT"})
                                    if (net.node(n).country == c) return true;
                                return false;
                              }};
const Named kViaRussia{"via Russia", [](const Network& net, const View& v) { return passes_country(net, v, "RU"); }};
const Named kViaMoscow{"via Moscow", [](const Network& net, const View& v) { return passes_any(net, v, {"RUMOW"}); }};
const Named kViaKazakhstan{"via Kazakhstan",
                           [](const Network& net, const View& v) { return passes_country(net, v, "KZ"); }};
const Named kChinaKazakhBorder{"China-Kazakhstan border (Alashankou/Dostyk or Khorgos/Altynkol)",
                               [](const Network& net, const View& v) {
                                 return passes_any(net, v, {"KZDOS", "KZHOR", "CNAKL", "CNHRS"});
                               }};
const Named kTransSiberian{"Trans-Siberian from the Russian Far East",
                           [](const Network& net, const View& v) { return passes_any(net, v, {"RUVYP", "RUVVO"}); }};
const Named kViaKorea{"via Korea", [](const Network& net, const View& v) { return passes_country(net, v, "KR"); }};
const Named kViaMongolia{"via Mongolia", [](const Network& net, const View& v) { return passes_country(net, v, "MN"); }};
const Named kEastFirst{"east to the coast first (Lianyungang, Manzhouli, Suifenhe)", [](const Network& net, const View& v) {
                         return passes_any(net, v, {"CNLYG", "CNMLX", "CNSFH", "RUZBK"});
                       }};
const Named kBlackSeaFeeder{"Black Sea feeder", [](const Network& net, const View& v) {
                              return passes_any(net, v, {"GEPTI", "GEBUS"}) &&
                                     passes_any(net, v, {"ROCND", "BGVAR", "BGBOJ"});
                            }};

struct OdCase {
  const char* from;
  const char* to;
  std::vector<Named> must;
  std::vector<Named> must_not;
  bool timetabled = true;  // also checked on the timetable (departure 2026-12-01)
};

std::ostream& operator<<(std::ostream& os, const OdCase& c) { return os << c.from << "_" << c.to; }

class Corridors : public testing::TestWithParam<OdCase> {};

template <class It>
void check_corridors(const Network& net, const OdCase& c, const std::vector<It>& set, const std::string& mode) {
  std::vector<View> views;
  for (const It& it : set) views.push_back(view(net, it));
  std::string listing;
  for (const View& v : views) listing += "\n  " + v.text;
  ASSERT_FALSE(views.empty()) << mode << " " << c.from << " -> " << c.to << ": no itinerary";
  for (const Named& m : c.must)
    EXPECT_TRUE(std::any_of(views.begin(), views.end(), [&](const View& v) { return m.test(net, v); }))
        << mode << " " << c.from << " -> " << c.to << " has no " << m.name << " itinerary:" << listing;
  for (const Named& m : c.must_not)
    for (const View& v : views) EXPECT_FALSE(m.test(net, v)) << mode << " " << c.from << " -> " << c.to << " goes "
                                                            << m.name << ": " << v.text;
}

TEST_P(Corridors, ParetoSetsContainTheRightCorridors) {
  const OdCase& c = GetParam();
  const Network& net = reference().pkg.network;
  route::RouteRequest req{.from = c.from, .to = c.to, .pareto = true};
  check_corridors(net, c, fixed().route(req).itineraries, "static");
  if (!c.timetabled) return;
  ScheduledRequest sreq;
  sreq.from = c.from;
  sreq.to = c.to;
  sreq.depart = departure_day();
  sreq.pareto = true;
  check_corridors(net, c, timetabled().plan(sreq).itineraries, "timetabled");
}

INSTANTIATE_TEST_SUITE_P(
    Reference, Corridors,
    testing::Values(
        // Hakata -> Istanbul: the Trans-Caspian exists to serve Türkiye; the sea goes direct.
        OdCase{"JPHKT", "TRHAL", {kTransCaspian, kAllSea}, {kViaWesternEurope}},
        OdCase{"JPHKT", "TRAMR", {kTransCaspian, kAllSea}, {kViaWesternEurope}},
        OdCase{"KRPUS", "TRHAL", {kTransCaspian, kAllSea}, {kViaWesternEurope}},
        // Hakata -> Duisburg: sea, the land bridge through Kazakhstan, the Trans-Siberian.
        OdCase{"JPHKT", "DEDUI", {kAllSea, kChinaKazakhBorder, kTransSiberian}, {}},
        // Central Asia through Kazakhstan, never through Moscow.
        OdCase{"JPHKT", "KZALA", {kChinaKazakhBorder}, {kViaMoscow, kViaRussia}},
        OdCase{"JPHKT", "UZTAS", {kViaKazakhstan}, {kViaMoscow, kViaRussia}},
        OdCase{"CNLYG", "KZALA", {kChinaKazakhBorder}, {kViaRussia, kViaKorea}},
        OdCase{"KRPUS", "UZTAS", {kViaKazakhstan}, {kViaMoscow}},
        // Inland China westwards: never east to the coast first, never round by Korea.
        OdCase{"CNXIA", "DEDUI", {kChinaKazakhBorder}, {kEastFirst, kViaKorea}},
        OdCase{"CNCKG", "DEDUI", {kChinaKazakhBorder}, {kEastFirst, kViaKorea}},
        OdCase{"CNURM", "PLMAA", {kChinaKazakhBorder}, {kEastFirst, kViaMongolia}},
        OdCase{"CNXIA", "AZALA", {kTransCaspian}, {kEastFirst, kViaRussia}},
        // Shanghai -> Rotterdam: the sea from Shanghai itself, not a feeder to Busan and back.
        OdCase{"CNSHA", "NLRTM", {kAllSea}, {kViaKorea}},
        OdCase{"JPYOK", "DEHAM", {kAllSea}, {kViaMongolia}},
        // The Trans-Caspian to the Black Sea and on, never north through Russia.
        OdCase{"CNLYG", "TRHAL", {kTransCaspian}, {kViaWesternEurope}},
        OdCase{"KZALA", "TRHAL", {kTransCaspian}, {kViaWesternEurope}},
        OdCase{"KZALA", "GEPTI", {kTransCaspian}, {kViaRussia}},
        // Korea -> Moscow on the Trans-Siberian.
        OdCase{"KRPUS", "RUMOW", {kTransSiberian}, {kViaWesternEurope}},
        // Shanghai -> Poti by sea; Poti -> Constanța by Black Sea feeder.
        OdCase{"CNSHA", "GEPTI", {kAllSea}, {kViaWesternEurope, kViaRussia}},
        OdCase{"GEPTI", "ROCND", {kBlackSeaFeeder}, {kViaRussia}}),
    [](const testing::TestParamInfo<OdCase>& i) { return std::string(i.param.from) + "_" + i.param.to; });

}  // namespace
}  // namespace landbridge::schedule
