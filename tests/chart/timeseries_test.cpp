// Time series: bands across replications cross-checked against sorting each sample's values,
// and the SVG read back as XML: the band encloses the median line, the centre line holds each
// sample's value, reference lines and intervals sit where the axis puts them, one legend entry
// per series, escaped text, same bytes for the same input, empty and flat data.
#include "landbridge/chart/timeseries.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>

#include "landbridge/chart/svg.h"
#include "landbridge/core/error.h"
#include "svg_test_util.h"
#include "testing.h"
#include "xml.h"

namespace landbridge::chart {
namespace {

// The chart test helpers (testing.h, xml.h, svg_test_util.h).
using namespace testing;

// The y range where a vertical line at x meets a closed polygon's edges (vertical edges at x
// count whole).
std::pair<double, double> polygon_span_at(const std::vector<std::pair<double, double>>& poly,
                                          double x) {
  double lo = INFINITY, hi = -INFINITY;
  for (std::size_t k = 0; k < poly.size(); ++k) {
    const auto [x0, y0] = poly[k];
    const auto [x1, y1] = poly[(k + 1) % poly.size()];
    if (std::min(x0, x1) - 1e-6 > x || std::max(x0, x1) + 1e-6 < x) continue;
    if (std::abs(x1 - x0) < 1e-9) {
      lo = std::min({lo, y0, y1});
      hi = std::max({hi, y0, y1});
    } else {
      const double y = y0 + (x - x0) / (x1 - x0) * (y1 - y0);
      lo = std::min(lo, y);
      hi = std::max(hi, y);
    }
  }
  return {lo, hi};
}

// R replications of a queue-like walk of n samples.
std::vector<std::vector<float>> walks(testing::Rng& r, int reps, int n) {
  std::vector<std::vector<float>> out(static_cast<std::size_t>(reps));
  for (auto& v : out) {
    double x = 0;
    for (int i = 0; i < n; ++i) {
      x = std::max(0.0, x + static_cast<double>(r.between(-3, 3)));
      v.push_back(static_cast<float>(x));
    }
  }
  return out;
}

// The ⌈p·R⌉-th smallest, written out again here.
double plain_rank(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  std::size_t k = 1;
  while (static_cast<double>(k) < p * static_cast<double>(v.size()) - 1e-9) ++k;
  return v[k - 1];
}

TEST(TimeSeries, BandAgreesWithSortingEachSample) {
  testing::Rng r(99);
  for (int round = 0; round < 100; ++round) {
    TimeSeries s;
    s.label = "node";
    s.t0 = static_cast<double>(r.between(0, 10));
    s.dt = 0.25;
    s.replications =
        walks(r, static_cast<int>(r.between(1, 30)), static_cast<int>(r.between(1, 60)));
    s.band = r.chance(50) ? Band::p5_p95 : Band::min_max;
    s.centre = r.chance(50) ? Centre::median : Centre::mean;
    const SeriesBand b = band_of(s);
    const std::size_t n = s.replications.front().size();
    ASSERT_EQ(b.centre.size(), n);
    EXPECT_EQ(b.band, s.replications.size() == 1 ? Band::none : s.band);
    double peak = -1, peak_t = 0, any = -1;
    for (std::size_t i = 0; i < n; ++i) {
      std::vector<double> col;
      for (const auto& rep : s.replications) col.push_back(rep[i]);
      double mean = 0;
      for (double v : col) mean += v;
      mean /= static_cast<double>(col.size());
      const double centre = s.centre == Centre::median ? plain_rank(col, 0.5) : mean;
      EXPECT_NEAR(b.centre[i], centre, 1e-9);
      if (b.band == Band::p5_p95) {
        EXPECT_EQ(b.lo[i], plain_rank(col, 0.05));
        EXPECT_EQ(b.hi[i], plain_rank(col, 0.95));
      } else if (b.band == Band::min_max) {
        EXPECT_EQ(b.lo[i], *std::min_element(col.begin(), col.end()));
        EXPECT_EQ(b.hi[i], *std::max_element(col.begin(), col.end()));
      } else {
        EXPECT_EQ(b.lo[i], b.centre[i]);
        EXPECT_EQ(b.hi[i], b.centre[i]);
      }
      if (centre > peak + 1e-12) {
        peak = centre;
        peak_t = s.t0 + static_cast<double>(i) * s.dt;
      }
      any = std::max(any, *std::max_element(col.begin(), col.end()));
    }
    EXPECT_NEAR(b.peak_centre, peak, 1e-9);
    EXPECT_DOUBLE_EQ(b.peak_t, peak_t);
    EXPECT_EQ(b.peak_any, any);
  }
}

TEST(TimeSeries, BadInputIsAnErrorThatNamesTheSeries) {
  TimeSeries s{"KZHOR queue", 0, 0.25, {{1, 2, 3}, {1, 2}}, Band::p5_p95, Centre::median};
  try {
    band_of(s);
    FAIL() << "unequal replications accepted";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find(
                  "\"KZHOR queue\": replication 2 has 2 samples, replication 1 has 3"),
              std::string::npos)
        << e.what();
  }
  s.replications = {{1, NAN, 3}};
  EXPECT_THROW(band_of(s), Error);
  s.replications = {{1, 2, 3}};
  s.dt = 0;
  EXPECT_THROW(band_of(s), Error);
  s.dt = 1;
  TimeSeriesSpec spec;
  EXPECT_THROW(render_timeseries(spec), Error);  // no series
  spec.series = {s};
  spec.intervals = {{50, 40, "backwards"}};
  EXPECT_THROW(render_timeseries(spec), Error);
  spec.intervals.clear();
  spec.references = {{INFINITY, "cap"}};
  EXPECT_THROW(to_json(spec), Error);
}

TimeSeriesSpec queue_spec(Interpolation how) {
  testing::Rng r(5);
  TimeSeriesSpec spec;
  spec.title = "Queue <KZHOR> & PLMAA";
  spec.y_title = "queue (FEU)";
  spec.interpolation = how;
  spec.series = {
      {"Khorgos <gauge> & border", 0, 0.25, walks(r, 20, 400), Band::p5_p95, Centre::median},
      {"Ma\u0142aszewicze", 0, 0.25, walks(r, 7, 300), Band::min_max, Centre::median},
      {"one run", 0, 0.5, walks(r, 1, 150), Band::p5_p95, Centre::median}};
  spec.references = {{30, "yard capacity 30 FEU"}};
  spec.intervals = {{40, 50, "Khorgos closed"}, {45, 60, "strike & <lock-out>"}};
  return spec;
}

TEST(TimeSeries, BandEnclosesTheMedianLine) {
  for (Interpolation how : {Interpolation::step, Interpolation::line}) {
    const TimeSeriesSpec spec = queue_spec(how);
    const XmlElement svg = parse_xml(render_timeseries(spec));
    const auto groups = with_class(svg, "g", "series");
    ASSERT_EQ(groups.size(), 3u);
    int bands = 0;
    for (const XmlElement* g : groups) {
      const auto band = with_class(*g, "path", "band");
      const auto centre = with_class(*g, "path", "centre");
      ASSERT_EQ(centre.size(), 1u);
      if (g->attr("data-series") == "3") {
        EXPECT_TRUE(band.empty());  // one replication: a line only
        continue;
      }
      ASSERT_EQ(band.size(), 1u);
      ++bands;
      const auto poly = vertices(band[0]->attr("d"));
      for (const auto& [x, y] : vertices(centre[0]->attr("d"))) {
        const auto [lo, hi] = polygon_span_at(poly, x);
        EXPECT_LE(lo, y + 0.011) << "x " << x;
        EXPECT_GE(hi, y - 0.011) << "x " << x;
      }
    }
    EXPECT_EQ(bands, 2);
  }
}

TEST(TimeSeries, CentreLineHoldsEachSamplesValue) {
  const TimeSeriesSpec spec = queue_spec(Interpolation::step);
  const XmlElement svg = parse_xml(render_timeseries(spec));
  const DrawnAxis ax = axis_of(svg, true), ay = axis_of(svg, false);
  for (std::size_t s = 0; s < spec.series.size(); ++s) {
    const SeriesBand b = band_of(spec.series[s]);
    const XmlElement* g =
        with_class(svg, "g", "series")[spec.series.size() - 1 - s];  // series 1 drawn last
    ASSERT_EQ(g->attr("data-series"), std::to_string(s + 1));
    const auto v = vertices(with_class(*g, "path", "centre")[0]->attr("d"));
    // Step: just right of each sample, the line is level at the sample's value; the last
    // sample holds for one dt too.
    EXPECT_NEAR(v.back().first,
                ax.px(spec.series[s].t0 + static_cast<double>(b.centre.size()) * spec.series[s].dt),
                0.1);
    for (std::size_t i = 0; i < b.centre.size(); ++i) {
      const double x = ax.px(spec.series[s].t0 + static_cast<double>(i) * spec.series[s].dt) + 0.05;
      bool found = false;
      for (std::size_t k = 0; k + 1 < v.size() && !found; ++k) {
        if (v[k].second == v[k + 1].second && v[k].first <= x && x < v[k + 1].first) {
          EXPECT_NEAR(v[k].second, ay.px(b.centre[i]), 0.1) << "series " << s << " sample " << i;
          found = true;
        }
      }
      EXPECT_TRUE(found) << "series " << s << " sample " << i;
    }
  }
}

TEST(TimeSeries, ReferenceLinesAndIntervalsSitOnTheAxes) {
  const TimeSeriesSpec spec = queue_spec(Interpolation::step);
  const XmlElement svg = parse_xml(render_timeseries(spec));
  const DrawnAxis ax = axis_of(svg, true), ay = axis_of(svg, false);
  const auto refs = with_class(svg, "path", "reference");
  ASSERT_EQ(refs.size(), 1u);
  EXPECT_NEAR(vertices(refs[0]->attr("d")).front().second, ay.px(30), 0.1);
  ASSERT_EQ(with_class(svg, "text", "reference-label").size(), 1u);
  EXPECT_EQ(with_class(svg, "text", "reference-label")[0]->text, "yard capacity 30 FEU");
  const auto rects = with_class(svg, "rect", "interval");
  ASSERT_EQ(rects.size(), 2u);
  EXPECT_NEAR(std::stod(rects[0]->attr("x")), ax.px(40), 0.1);
  EXPECT_NEAR(std::stod(rects[0]->attr("width")), ax.px(50) - ax.px(40), 0.1);
  // Overlapping intervals: their labels in two rows, text escaped and read back intact.
  const auto labels = with_class(svg, "text", "interval-label");
  ASSERT_EQ(labels.size(), 2u);
  EXPECT_EQ(labels[1]->text, "strike & <lock-out>");
  EXPECT_NE(labels[0]->attr("y"), labels[1]->attr("y"));
}

TEST(TimeSeries, LegendHasOneEntryPerSeries) {
  TimeSeriesSpec spec = queue_spec(Interpolation::line);
  spec.series.push_back({"nothing sampled", 0, 1, {}, Band::p5_p95, Centre::median});
  const XmlElement svg = parse_xml(render_timeseries(spec));
  const auto entries = with_class(svg, "g", "legend-entry");
  ASSERT_EQ(entries.size(), 4u);
  for (std::size_t s = 0; s < 4; ++s) {
    EXPECT_EQ(entries[s]->attr("data-series"), std::to_string(s + 1));
    EXPECT_EQ(with_class(*entries[s], "text", "name")[0]->text, spec.series[s].label);
  }
  EXPECT_EQ(with_class(*entries[0], "text", "figures")[0]->text.rfind(
                "median, P5\u2013P95 band of 20 replications", 0),
            0u);
  EXPECT_EQ(with_class(*entries[3], "text", "figures")[0]->text, "no samples");
  // Colours by position unless given; dashed centre lines on request.
  const auto centre_of = [&](const XmlElement& root, int series) {
    for (const XmlElement* g : with_class(root, "g", "series"))
      if (g->attr("data-series") == std::to_string(series))
        return with_class(*g, "path", "centre")[0];
    throw std::runtime_error("no series " + std::to_string(series));
  };
  EXPECT_EQ(centre_of(svg, 2)->attr("stroke"), std::string(series_colour(1)));
  EXPECT_EQ(centre_of(svg, 2)->attr("stroke-dasharray"), "");
  spec.series[1].colour = 0;
  spec.series[1].dashed = true;
  const XmlElement svg2 = parse_xml(render_timeseries(spec));
  EXPECT_EQ(centre_of(svg2, 2)->attr("stroke"), std::string(series_colour(0)));
  EXPECT_NE(centre_of(svg2, 2)->attr("stroke-dasharray"), "");
  EXPECT_EQ(svg.all("title").front()->text, spec.title);
}

TEST(TimeSeries, NarrowChartKeepsTextInside) {
  TimeSeriesSpec spec = queue_spec(Interpolation::step);
  spec.width = 480;
  spec.title = "Containers waiting at every gauge change of the corridor over one simulated year";
  const XmlElement svg = parse_xml(render_timeseries(spec));
  testing::expect_start_anchored_text_inside(svg);
}

TEST(TimeSeries, SameInputSameBytes) {
  const TimeSeriesSpec spec = queue_spec(Interpolation::step);
  EXPECT_EQ(render_timeseries(spec), render_timeseries(spec));
  // Replication order does not matter: the band and centre come from sorted values.
  TimeSeriesSpec shuffled = spec;
  std::reverse(shuffled.series[0].replications.begin(), shuffled.series[0].replications.end());
  EXPECT_EQ(render_timeseries(spec), render_timeseries(shuffled));
}

TEST(TimeSeries, EmptyFlatAndSingleSample) {
  TimeSeriesSpec spec;
  spec.series = {{"empty", 0, 1, {}, Band::p5_p95, Centre::median}};
  XmlElement svg = parse_xml(render_timeseries(spec));
  EXPECT_TRUE(with_class(svg, "g", "series").empty());
  spec.series = {{"no samples", 0, 1, {{}, {}}, Band::p5_p95, Centre::mean},
                 {"flat", 0, 1, {{0, 0, 0, 0}, {0, 0, 0, 0}}, Band::min_max, Centre::mean},
                 {"one sample", 3, 1, {{7}}, Band::p5_p95, Centre::median}};
  for (Interpolation how : {Interpolation::step, Interpolation::line}) {
    spec.interpolation = how;
    const std::string doc = render_timeseries(spec);
    EXPECT_EQ(doc.find("nan"), std::string::npos);
    EXPECT_EQ(doc.find("inf"), std::string::npos);
    svg = parse_xml(doc);
    EXPECT_EQ(with_class(svg, "g", "series").size(), 2u);
    // The flat zero series: one segment, not four points.
    const auto groups = with_class(svg, "g", "series");
    const auto v = vertices(with_class(*groups[1], "path", "centre")[0]->attr("d"));
    EXPECT_EQ(v.size(), 2u);
    // The lone sample: a level segment over its dt as a step.
    const auto one = vertices(with_class(*groups[0], "path", "centre")[0]->attr("d"));
    EXPECT_EQ(one.size(), how == Interpolation::step ? 2u : 1u);
  }
}

TEST(TimeSeries, JsonCarriesTheBands) {
  const TimeSeriesSpec spec = queue_spec(Interpolation::step);
  const nlohmann::json j = to_json(spec);
  EXPECT_EQ(j.at("interpolation"), "step");
  ASSERT_EQ(j.at("series").size(), 3u);
  const SeriesBand b = band_of(spec.series[0]);
  EXPECT_EQ(j["series"][0].at("hi").get<std::vector<double>>(), b.hi);
  EXPECT_EQ(j["series"][0].at("centre_values").get<std::vector<double>>(), b.centre);
  EXPECT_EQ(j["series"][0].at("band"), "p5_p95");
  EXPECT_EQ(j["series"][2].at("band"), "none");
  EXPECT_EQ(j["series"][1].at("replications"), 7);
  EXPECT_DOUBLE_EQ(j["series"][0]["peak"].at("centre").get<double>(), b.peak_centre);
  EXPECT_EQ(j.at("references")[0].at("y"), 30);
  EXPECT_EQ(j.at("intervals")[1].at("label"), "strike & <lock-out>");
}

}  // namespace
}  // namespace landbridge::chart
