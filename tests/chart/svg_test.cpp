// The SVG chart: well-formed XML, one transport line per series and panel drawn through the
// series' points, vertical steps at nodes, escaped text, legend, labels that never overlap,
// and the same bytes for the same input.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <cstdlib>

#include "landbridge/chart/svg.h"
#include "landbridge/core/error.h"
#include "svg_test_util.h"
#include "testing.h"
#include "xml.h"

namespace landbridge::chart {
namespace {

using testing::SeriesWriter;
using testing::vertices;

// Two itineraries Hakata -> Duisburg, figures rounded from the reference network:
//   rail: feeder to CNLYG, block train to KZHOR (gauge change + border), on to PLMAA
//         (gauge change + border), rail to DEDUI
//   sea:  feeder to KRPUS, deep sea via Suez to NLRTM, rail to DEDUI
// and a short road/barge chain with a wait.
std::vector<ChartSeries> sample() {
  return {SeriesWriter("sea\u2013rail via CNLYG, KZHOR, PLMAA", "JPHKT")
              .node("handling", 10, 0, 20)
              .leg("feeder", "CNLYG", 1072, 56, 185, 177)
              .node("handling", 10, 0)
              .node("dwell", 72, 0)
              .leg("rail:1435", "KZHOR", 4466, 97, 1614, 893)
              .node("gauge_change", 1, 219)
              .node("border", 37, 143)
              .leg("rail:1520", "PLMAA", 5198, 173, 2168, 1040)
              .node("gauge_change", 4, 219)
              .node("border", 60, 143)
              .leg("rail:1435", "DEDUI", 1412, 60, 510, 282)
              .node("handling", 10, 0)
              .done(),
          SeriesWriter("all-sea via Suez, NLRTM", "JPHKT")
              .node("handling", 10, 0)
              .leg("feeder", "KRPUS", 278, 14, 48, 46)
              .node("handling", 10, 0)
              .node("dwell", 84, 0)
              .leg("deep_sea", "NLRTM", 20228, 780, 3494, 1511)
              .node("handling", 10, 0)
              .node("dwell", 72, 0)
              .leg("rail:1435", "DEDUI", 199, 8, 72, 40)
              .node("handling", 10, 0)
              .done(),
          SeriesWriter("road and barge", "JPHKT")
              .leg("road", "JPUKB", 600, 12, 900, 600)
              .wait("wait for barge", 30)
              .leg("inland_waterway", "JPTYO", 500, 40, 200, 100)
              .node("handling", 6, 80)
              .done()};
}

ChartOptions options() {
  ChartOptions o;
  o.title = "JPHKT Hakata \u2192 DEDUI Duisburg \u00b7 1 FEU";
  return o;
}

// Series groups of one panel, by their 1-based data-series number.
std::map<int, const testing::XmlElement*> series_groups(const testing::XmlElement& svg, const std::string& panel) {
  std::map<int, const testing::XmlElement*> out;
  for (const testing::XmlElement* g : svg.all("g")) {
    if (g->attr("id") != "panel-" + panel) continue;
    for (const testing::XmlElement* s : g->all("g"))
      if (s->attr("class") == "series") out[std::stoi(s->attr("data-series"))] = s;
  }
  return out;
}

// Elements whose whole class attribute is `cls` ("leg deep_sea"); svg_test_util.h's
// with_class matches one token of it.
std::vector<const testing::XmlElement*> with_exact_class(const testing::XmlElement& root, std::string_view name,
                                                         const std::string& cls) {
  std::vector<const testing::XmlElement*> out;
  for (const testing::XmlElement* e : root.all(name))
    if (e->attr("class") == cls) out.push_back(e);
  return out;
}

TEST(Svg, WellFormedStandaloneDocument) {
  const std::string svg = render_svg(sample(), options());
  EXPECT_EQ(svg.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", 0), 0u);
  testing::XmlElement root;
  ASSERT_NO_THROW(root = testing::parse_xml(svg));
  EXPECT_EQ(root.name, "svg");
  EXPECT_EQ(root.attr("xmlns"), "http://www.w3.org/2000/svg");
  EXPECT_EQ(root.attr("font-family"), "sans-serif");
  // No scripts, no links, no external resources: the only URL is the namespace.
  EXPECT_TRUE(root.all("script").empty());
  EXPECT_TRUE(root.all("image").empty());
  EXPECT_TRUE(root.all("a").empty());
  EXPECT_EQ(svg.find("http"), svg.find("http://www.w3.org/2000/svg"));
  EXPECT_EQ(svg.find("http", svg.find("http") + 1), std::string::npos);
  EXPECT_EQ(svg.find("href"), std::string::npos);
  EXPECT_EQ(root.all("title").front()->text, "JPHKT Hakata \u2192 DEDUI Duisburg \u00b7 1 FEU");
}

TEST(Svg, OneLinePerSeriesAndPanelThroughEveryPoint) {
  const std::vector<ChartSeries> series = sample();
  for (bool co2e : {false, true}) {
    ChartOptions o = options();
    o.co2e_panel = co2e;
    const testing::XmlElement root = testing::parse_xml(render_svg(series, o));
    std::vector<std::string> panels = {"time", "cost"};
    if (co2e) panels.push_back("co2e");
    EXPECT_EQ(with_exact_class(root, "path", "line").size(), series.size() * panels.size());
    for (const std::string& panel : panels) {
      const auto groups = series_groups(root, panel);
      ASSERT_EQ(groups.size(), series.size()) << panel;
      for (std::size_t si = 0; si < series.size(); ++si) {
        const auto lines = with_exact_class(*groups.at(static_cast<int>(si) + 1), "path", "line");
        ASSERT_EQ(lines.size(), 1u) << panel << " series " << si;
        const auto v = vertices(lines[0]->attr("d"));
        const std::vector<ChartPoint>& pts = series[si].points;
        ASSERT_EQ(v.size(), pts.size());
        for (std::size_t i = 1; i < pts.size(); ++i) {
          const double dy = v[i].second - v[i - 1].second;  // SVG y grows downwards
          if (pts[i].kind == PointKind::leg) {
            EXPECT_GT(v[i].first, v[i - 1].first) << panel << " " << si << " point " << i;
          } else {
            // A vertical step: same x, and up exactly when the panel's figure grows.
            EXPECT_EQ(v[i].first, v[i - 1].first) << panel << " " << si << " point " << i;
          }
          const bool grows = panel == "time"   ? pts[i].time > pts[i - 1].time
                             : panel == "cost" ? pts[i].cost > pts[i - 1].cost
                                               : pts[i].co2e > pts[i - 1].co2e;
          if (grows) {
            EXPECT_LT(dy, 0) << panel << " " << si << " point " << i;
          } else {
            EXPECT_EQ(dy, 0) << panel << " " << si << " point " << i;
          }
        }
      }
    }
  }
}

TEST(Svg, LegsStyledByModeAndStepsAsBars) {
  const testing::XmlElement root = testing::parse_xml(render_svg(sample(), options()));
  const auto time = series_groups(root, "time");
  const auto classes = [](const testing::XmlElement* g) {
    std::string s;
    for (const testing::XmlElement& c : g->children) s += c.attr("class") + ";";
    return s;
  };
  EXPECT_EQ(classes(time.at(1)), "line;legs rail;legs sea;steps;");
  EXPECT_EQ(classes(time.at(3)), "line;legs road;legs waterway;steps;waits;");
  const auto sea = with_exact_class(*time.at(2), "path", "legs sea");
  ASSERT_EQ(sea.size(), 1u);
  EXPECT_FALSE(sea[0]->attr("stroke-dasharray").empty());
  // The rail series has eight node operations that take time, one bar (sub-path) each.
  const auto bars = vertices(with_exact_class(*time.at(1), "path", "steps")[0]->attr("d"));
  EXPECT_EQ(bars.size(), 2u * 8);
}

TEST(Svg, EscapesTextEverywhere) {
  std::vector<ChartSeries> series = sample();
  series[0].label = "<script>alert(\"x\")</script> & 'co'";
  for (ChartPoint& p : series[0].points)
    if (p.node == "KZHOR") p.node = "K<&>Z";
  ChartOptions o = options();
  o.title = "A & B <C>";
  o.subtitle = "\"quoted\"";
  o.label_min_share = 0;  // label every step
  const std::string svg = render_svg(series, o);
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  EXPECT_EQ(svg.find("K<&>Z"), std::string::npos);
  EXPECT_NE(svg.find("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;co&apos;"), std::string::npos);
  const testing::XmlElement root = testing::parse_xml(svg);
  const auto names = with_exact_class(root, "text", "name");
  ASSERT_EQ(names.size(), series.size());
  EXPECT_EQ(names[0]->text, series[0].label);
  EXPECT_EQ(root.all("title").front()->text, "A & B <C>");
  bool kz = false;
  for (const testing::XmlElement* t : with_exact_class(root, "text", "step"))
    kz = kz || t->text.rfind("K<&>Z gauge change + border \u00b7 ", 0) == 0;
  EXPECT_TRUE(kz);
}

TEST(Svg, LegendNamesEverySeriesWithTotalsBelowThePanels) {
  const std::vector<ChartSeries> series = sample();
  const testing::XmlElement root = testing::parse_xml(render_svg(series, options()));
  const auto names = with_exact_class(root, "text", "name");
  ASSERT_EQ(names.size(), series.size());
  for (std::size_t i = 0; i < series.size(); ++i) EXPECT_EQ(names[i]->text, series[i].label);
  const auto legend = with_exact_class(root, "g", "legend");
  ASSERT_EQ(legend.size(), 1u);
  std::string all;
  for (const testing::XmlElement* t : legend[0]->all("text")) all += t->text + "|";
  // Rail: 590 h = 24.6 d, 5,201.00 USD, 2,412 kg, 12,148 km.
  EXPECT_NE(all.find("|sea\u2013rail via CNLYG, KZHOR, PLMAA|24.6|5,201.00|2,412|12,148|"), std::string::npos) << all;
  const ChartLayout l = layout_chart(series, options());
  for (const Box& a : l.plot_areas) EXPECT_FALSE(l.legend.overlaps(a));
  EXPECT_LE(l.legend.y1, l.height);
  // Long labels are cut to the legend's width, never run into the figures.
  std::vector<ChartSeries> long_one = series;
  long_one[1].label = std::string(400, 'w');
  const testing::XmlElement r2 = testing::parse_xml(render_svg(long_one, options()));
  const std::string cut = with_exact_class(r2, "text", "name")[1]->text;
  EXPECT_LT(cut.size(), 400u);
  EXPECT_EQ(cut.substr(cut.size() - 3), "\u2026");
}

// Stops (runs of node/wait points at one node) whose figure grows in the panel.
int rising_stops(const ChartSeries& s, Panel panel) {
  const auto v = [&](const ChartPoint& p) {
    return panel == Panel::time ? static_cast<double>(p.time.value())
           : panel == Panel::cost ? static_cast<double>(p.cost.value())
                                  : static_cast<double>(p.co2e.value());
  };
  int n = 0;
  for (std::size_t i = 1; i < s.points.size();) {
    if (s.points[i].kind == PointKind::leg) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j + 1 < s.points.size() && s.points[j + 1].kind != PointKind::leg && s.points[j + 1].node == s.points[i].node)
      ++j;
    if (v(s.points[j]) > v(s.points[i - 1])) ++n;
    i = j + 1;
  }
  return n;
}

// Labels in one panel never overlap, stay inside the plot area, and every stop is either
// labelled or counted as dropped.
void expect_sound_labels(const std::vector<ChartSeries>& series, const ChartOptions& o) {
  const ChartLayout l = layout_chart(series, o);
  int stops = 0, anchors = 0;
  for (std::size_t pi = 0; pi < l.panels.size(); ++pi) {
    for (const ChartSeries& s : series) stops += rising_stops(s, l.panels[pi]);
    std::vector<const PlacedLabel*> mine;
    for (const PlacedLabel& lab : l.labels) {
      if (lab.panel != l.panels[pi]) continue;
      mine.push_back(&lab);
      if (!lab.end_marker) anchors += static_cast<int>(lab.anchors.size());
      const Box& a = l.plot_areas[pi];
      EXPECT_TRUE(lab.box.x0 >= a.x0 && lab.box.x1 <= a.x1 && lab.box.y0 >= a.y0 && lab.box.y1 <= a.y1) << lab.text;
      EXPECT_GT(lab.box.x1 - lab.box.x0, 0) << lab.text;
    }
    for (std::size_t i = 0; i < mine.size(); ++i)
      for (std::size_t j = i + 1; j < mine.size(); ++j)
        EXPECT_FALSE(mine[i]->box.overlaps(mine[j]->box)) << mine[i]->text << " / " << mine[j]->text;
  }
  if (o.label_min_share == 0) {
    EXPECT_EQ(anchors + l.labels_dropped, stops);
  }
}

TEST(SvgLabels, EveryStepLabelledOrCountedAndNoOverlaps) {
  ChartOptions o = options();
  o.label_min_share = 0;
  o.co2e_panel = true;
  expect_sound_labels(sample(), o);
  const ChartLayout l = layout_chart(sample(), o);
  EXPECT_EQ(l.labels_dropped, 0);
  bool kzhor = false;
  for (const PlacedLabel& lab : l.labels)
    kzhor = kzhor || (lab.panel == Panel::time && lab.text == "KZHOR gauge change + border \u00b7 38 h");
  EXPECT_TRUE(kzhor);
}

TEST(SvgLabels, OnlyStepsAboveTheThresholdShare) {
  // One big wait (100 h) among small steps (1 h each) in 110 h.
  const std::vector<ChartSeries> series = {SeriesWriter("s", "AA")
                                               .node("handling", 1, 0)
                                               .leg("rail", "BB", 100, 2, 10)
                                               .node("border", 1, 0)
                                               .leg("rail", "CC", 100, 2, 10)
                                               .wait("", 100)
                                               .leg("rail", "DD", 100, 2, 10)
                                               .node("handling", 1, 0)
                                               .done()};
  ChartOptions o = options();
  o.label_min_share = 0.2;
  std::vector<std::string> steps;
  for (const PlacedLabel& lab : layout_chart(series, o).labels)
    if (!lab.end_marker) steps.push_back(lab.text);
  EXPECT_EQ(steps, (std::vector<std::string>{"CC waiting \u00b7 4.2 d"}));
}

TEST(SvgLabels, IdenticalStepsNearbyShareOneLabel) {
  std::vector<ChartSeries> series = {sample()[0], sample()[0]};
  series[1].label = "twin";
  ChartOptions o = options();
  const ChartLayout l = layout_chart(series, o);
  int shared = 0;
  for (const PlacedLabel& lab : l.labels) {
    if (lab.end_marker) continue;
    EXPECT_EQ(lab.anchors.size(), 2u) << lab.text;
    EXPECT_EQ(lab.text.substr(lab.text.size() - 7), " (1, 2)") << lab.text;
    ++shared;
  }
  EXPECT_GE(shared, 4);  // CNLYG, KZHOR, PLMAA in time; KZHOR, PLMAA in cost
}

TEST(SvgLabels, DenseRandomChartsStaySound) {
  testing::Rng rng(42);
  for (int round = 0; round < 12; ++round) {
    std::vector<ChartSeries> series;
    const int n = static_cast<int>(rng.between(1, 12));
    for (int si = 0; si < n; ++si) {
      SeriesWriter w(fmt::format("random {}", si), "N0");
      const int steps = static_cast<int>(rng.between(1, 14));
      for (int k = 0; k < steps; ++k) {
        const std::string code = fmt::format("N{}", rng.between(0, 9));
        switch (rng.between(0, 3)) {
          case 0: w.leg(rng.between(0, 1) ? "rail:1520" : "deep_sea", code, static_cast<double>(rng.between(1, 5000)),
                        static_cast<double>(rng.between(1, 300)), static_cast<double>(rng.between(0, 2000)),
                        static_cast<double>(rng.between(0, 900)));
                  break;
          case 1: w.at(code).node("border", static_cast<double>(rng.between(0, 90)), static_cast<double>(rng.between(0, 500)),
                                  static_cast<double>(rng.between(0, 30)));
                  break;
          case 2: w.node("gauge_change", static_cast<double>(rng.between(0, 20)), static_cast<double>(rng.between(0, 400)));
                  break;
          default: w.wait("", static_cast<double>(rng.between(0, 200)));
        }
      }
      series.push_back(w.done());
    }
    ChartOptions o = options();
    o.label_min_share = rng.between(0, 1) ? 0.0 : 0.03;
    o.co2e_panel = rng.between(0, 1) == 1;
    o.panel_height = static_cast<double>(rng.between(120, 320));
    o.width = static_cast<double>(rng.between(600, 1200));
    SCOPED_TRACE(fmt::format("round {}: {} series, share {}, {}x{}", round, n, o.label_min_share, o.width, o.panel_height));
    expect_sound_labels(series, o);
    const std::string svg = render_svg(series, o);
    EXPECT_NO_THROW(testing::parse_xml(svg));
    EXPECT_EQ(svg, render_svg(series, o));
  }
}

TEST(Svg, SameInputSameBytes) {
  const std::vector<ChartSeries> series = sample();
  const std::string a = render_svg(series, options());
  EXPECT_EQ(a, render_svg(series, options()));
  // Through JSON and back: the same chart.
  EXPECT_EQ(a, render_svg(series_from_json(nlohmann::json::parse(to_json(series).dump())), options()));
  // And a different input gives a different chart.
  std::vector<ChartSeries> other = series;
  other[1].points.back().time += Minutes(1440);
  EXPECT_NE(a, render_svg(other, options()));
}

TEST(Svg, RejectsWhatItCannotDraw) {
  EXPECT_THROW(render_svg({}, options()), Error);
  std::vector<ChartSeries> bad = sample();
  bad[0].points[3].km += Kilometres(5);  // a node step that moves
  EXPECT_THROW(render_svg(bad, options()), Error);
  ChartOptions tiny = options();
  tiny.width = 100;
  EXPECT_THROW(render_svg(sample(), tiny), Error);
}

}  // namespace
}  // namespace landbridge::chart
