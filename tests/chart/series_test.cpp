// Chart series from a hand-built itinerary: cumulative points, vertical steps at nodes,
// JSON both ways, and the checks that guard the renderer.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include "landbridge/chart/series.h"
#include "landbridge/core/error.h"

namespace landbridge::chart {
namespace {

using route::Step;
using route::StepKind;

// Four places of the land bridge; only their codes matter to a chart.
Network four_nodes() {
  NetworkBuilder b;
  b.name("chart-test");
  for (const char* c : {"JPHKT", "CNLYG", "KZHOR", "DEDUI"}) b.add_node({.code = c, .name = c, .country = std::string(c, 2)});
  return b.build();
}

Step leg(const Network& net, const char* from, const char* to, Carriage car, double km, double h, double usd_,
         double kg) {
  Step s;
  s.kind = StepKind::leg;
  s.from = *net.find_node(from);
  s.to = *net.find_node(to);
  s.carriage = car;
  s.distance = Kilometres(km);
  s.duration = hours(h);
  s.cost = usd(usd_);
  s.co2e.wtw = kg_co2e(kg);
  return s;
}
Step op(const Network& net, const char* at, OperationKind k, double h, double usd_, double kg) {
  Step s;
  s.kind = StepKind::node;
  s.at = s.from = s.to = *net.find_node(at);
  s.op_kind = k;
  s.duration = hours(h);
  s.cost = usd(usd_);
  s.co2e.wtw = kg_co2e(kg);
  return s;
}

//   JPHKT --feeder 1000 km--> CNLYG --rail 1435, 4000 km--> KZHOR --rail 1520, 7000 km--> DEDUI
//   with handling at both ends, handling + dwell at CNLYG, gauge change + border at KZHOR.
route::Itinerary land_bridge(const Network& net) {
  const Carriage feeder{Mode::feeder, Gauge::none}, r1435{Mode::rail, Gauge::g1435}, r1520{Mode::rail, Gauge::g1520};
  route::Itinerary it;
  it.from = *net.find_node("JPHKT");
  it.to = *net.find_node("DEDUI");
  it.label = "sea\u2013rail via CNLYG, KZHOR";
  it.steps = {
      op(net, "JPHKT", OperationKind::handling, 12, 100, 20),
      leg(net, "JPHKT", "CNLYG", feeder, 1000, 40, 400, 160),
      op(net, "CNLYG", OperationKind::handling, 10, 150, 30),
      op(net, "CNLYG", OperationKind::dwell, 48, 0, 0),
      leg(net, "CNLYG", "KZHOR", r1435, 4000, 96, 1500, 800),
      op(net, "KZHOR", OperationKind::gauge_change, 5, 329, 15),
      op(net, "KZHOR", OperationKind::border, 24, 50, 0),
      leg(net, "KZHOR", "DEDUI", r1520, 7000, 200, 3000, 1400),
      op(net, "DEDUI", OperationKind::handling, 4, 120, 20),
  };
  return it;
}

std::string points_text(const ChartSeries& s) {
  std::string out;
  for (const ChartPoint& p : s.points)
    out += fmt::format("{:5} {:<12} {} {}km {}h {}usd {}kg\n", to_string(p.kind), p.what, p.node, p.km.value(),
                       to_hours(p.time), to_usd(p.cost), to_kg(p.co2e));
  return out;
}

TEST(Series, CumulativePointsWithVerticalStepsAtNodes) {
  const Network net = four_nodes();
  const ChartSeries s = series_from(net, land_bridge(net));
  EXPECT_EQ(s.label, "sea\u2013rail via CNLYG, KZHOR");
  EXPECT_EQ(points_text(s),
            "start              JPHKT 0km 0h 0usd 0kg\n"
            "node  handling     JPHKT 0km 12h 100usd 20kg\n"
            "leg   feeder       CNLYG 1000km 52h 500usd 180kg\n"
            "node  handling     CNLYG 1000km 62h 650usd 210kg\n"
            "node  dwell        CNLYG 1000km 110h 650usd 210kg\n"
            "leg   rail:1435    KZHOR 5000km 206h 2150usd 1010kg\n"
            "node  gauge_change KZHOR 5000km 211h 2479usd 1025kg\n"
            "node  border       KZHOR 5000km 235h 2529usd 1025kg\n"
            "leg   rail:1520    DEDUI 12000km 435h 5529usd 2425kg\n"
            "node  handling     DEDUI 12000km 439h 5649usd 2445kg\n");
  // Every node point is a vertical step: same distance as the point before, time not less.
  for (std::size_t i = 1; i < s.points.size(); ++i) {
    if (s.points[i].kind != PointKind::node) continue;
    EXPECT_EQ(s.points[i].km, s.points[i - 1].km) << i;
    EXPECT_GT(s.points[i].time, s.points[i - 1].time) << i;
  }
  EXPECT_NO_THROW(check(s));
}

TEST(Series, OneSeriesPerItineraryAndATitle) {
  const Network net = four_nodes();
  route::RouteResult r;
  r.from = *net.find_node("JPHKT");
  r.to = *net.find_node("DEDUI");
  r.options.shipment = {emissions::ContainerUnit::feu, 2};
  r.itineraries = {land_bridge(net), land_bridge(net)};
  r.itineraries[1].label = "second";
  const std::vector<ChartSeries> all = series_from(net, r);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[1].label, "second");
  EXPECT_EQ(all[0].points, all[1].points);
  EXPECT_EQ(title_for(net, r), "JPHKT JPHKT \u2192 DEDUI DEDUI \u00b7 2 FEU");
}

TEST(Series, EmptyItineraryIsAnError) {
  const Network net = four_nodes();
  route::Itinerary it;
  it.from = *net.find_node("JPHKT");
  it.label = "nothing";
  EXPECT_THROW(series_from(net, it), Error);
}

TEST(Series, CheckRejectsShapesTheRendererCannotDraw) {
  const Network net = four_nodes();
  const ChartSeries good = series_from(net, land_bridge(net));
  const auto fails_with = [&](auto mutate, std::string_view needle) {
    ChartSeries s = good;
    mutate(s);
    try {
      check(s);
      ADD_FAILURE() << "accepted: " << needle;
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find(needle), std::string::npos) << e.what();
    }
  };
  fails_with([](ChartSeries& s) { s.points.clear(); }, "no points");
  fails_with([](ChartSeries& s) { s.points[0].kind = PointKind::leg; }, "first point");
  fails_with([](ChartSeries& s) { s.points[0].time = Minutes(1); }, "at zero");
  fails_with([](ChartSeries& s) { s.points[3].kind = PointKind::start; }, "point 3: only the first");
  fails_with([](ChartSeries& s) { s.points[3].km = Kilometres(1001); }, "point 3: a node point must not gain distance");
  fails_with([](ChartSeries& s) { s.points[5].time = Minutes(0); }, "point 5: time decreases");
  fails_with([](ChartSeries& s) { s.points[5].cost = UsdCents(0); }, "cost decreases");
  fails_with([](ChartSeries& s) { s.points[9].co2e = GramsCo2e(0); }, "CO2e decreases");
  fails_with([](ChartSeries& s) { s.points[2].km = Kilometres(-1); }, "distance decreases");
}

// A series with what a timetabled itinerary adds: waits, and text a JSON or XML writer must
// carry unchanged.
ChartSeries with_waits() {
  ChartSeries s;
  s.label = "odd <label> & \"quotes\" \u2013 \u00e9";
  ChartPoint p;
  p.node = "AA&B";
  s.points.push_back(p);
  p.kind = PointKind::wait;
  p.what = "wait for F1 <Thu>";
  p.time = Minutes(4321);
  s.points.push_back(p);
  p.kind = PointKind::leg;
  p.what = "feeder";
  p.node = "CC";
  p.km = Kilometres(1072.345678);
  p.time = Minutes(9999);
  p.cost = UsdCents(18533);
  p.co2e = GramsCo2e(177512);
  s.points.push_back(p);
  p.kind = PointKind::wait;
  p.what = "";
  p.time = Minutes(20000);
  s.points.push_back(p);
  return s;
}

TEST(SeriesJson, RoundTripsExactly) {
  const Network net = four_nodes();
  const std::vector<ChartSeries> series = {series_from(net, land_bridge(net)), with_waits()};
  const nlohmann::json j = to_json(series);
  EXPECT_EQ(j.at("units").at("time"), "days");
  EXPECT_EQ(j.at("series").size(), 2u);
  const nlohmann::json& p2 = j.at("series")[0].at("points")[2];
  EXPECT_EQ(p2.at("kind"), "leg");
  EXPECT_EQ(p2.at("what"), "feeder");
  EXPECT_EQ(p2.at("node"), "CNLYG");
  EXPECT_DOUBLE_EQ(p2.at("km").get<double>(), 1000.0);
  EXPECT_DOUBLE_EQ(p2.at("days").get<double>(), 52.0 / 24.0);
  EXPECT_DOUBLE_EQ(p2.at("usd").get<double>(), 500.0);
  EXPECT_DOUBLE_EQ(p2.at("co2e_kg").get<double>(), 180.0);
  EXPECT_EQ(j.at("series")[1].at("points")[1].at("kind"), "wait");
  // Through text, as the web page would receive it.
  const std::vector<ChartSeries> back = series_from_json(nlohmann::json::parse(j.dump()));
  EXPECT_EQ(back, series);
  EXPECT_EQ(to_json(back).dump(), j.dump());
}

TEST(SeriesJson, ErrorsNameSeriesPointAndField) {
  const Network net = four_nodes();
  nlohmann::json j = to_json({series_from(net, land_bridge(net))});
  const auto message = [](const nlohmann::json& bad) {
    try {
      series_from_json(bad);
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  nlohmann::json a = j;
  a["series"][0]["points"][3].erase("days");
  EXPECT_EQ(message(a), "chart JSON: series 0 ('sea\u2013rail via CNLYG, KZHOR'), point 3: field \"days\": expected a number");
  nlohmann::json b = j;
  b["series"][0]["points"][1]["kind"] = "hop";
  EXPECT_EQ(message(b),
            "chart JSON: series 0 ('sea\u2013rail via CNLYG, KZHOR'), point 1: field \"kind\": got 'hop', expected start, "
            "leg, node or wait");
  nlohmann::json c = j;
  c["series"][0]["points"][3]["km"] = 1500.0;  // a node step that moves
  EXPECT_NE(message(c).find("point 3: a node point must not gain distance"), std::string::npos) << message(c);
  EXPECT_EQ(message(nlohmann::json::array()), "chart JSON: top level: expected an object with a \"series\" array");
}

}  // namespace
}  // namespace landbridge::chart
