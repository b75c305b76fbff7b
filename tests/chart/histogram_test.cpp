// Histograms: bins cross-checked against a plain count, nearest-rank quantiles, and the SVG read
// back as XML: one bar per non-empty bin, heights in proportion to counts, markers where the
// data's figures fall on the axis, one legend entry per set, escaped text, same bytes for the
// same input, and no trouble with empty or constant data.
#include "landbridge/chart/histogram.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

#include "landbridge/chart/axis.h"
#include "landbridge/chart/svg.h"
#include "landbridge/core/error.h"
#include "svg_test_util.h"
#include "testing.h"
#include "xml.h"

namespace landbridge::chart {
namespace {

// The chart test helpers (testing.h, xml.h, svg_test_util.h).
using namespace testing;

double u01(testing::Rng& r) {
  return (static_cast<double>(r.next() >> 11) + 0.5) / 9007199254740992.0;
}

// Transit times in hours: a main body around 22 days and a tail (a border queue).
std::vector<double> transit_hours(testing::Rng& r, int n, double base_days) {
  std::vector<double> v;
  for (int i = 0; i < n; ++i) {
    const double tail = -std::log(u01(r)) * 2.0;  // exponential, mean 2 days
    v.push_back(24 * (base_days + 3 * u01(r) + tail));
  }
  return v;
}

bool is_one_two_five(double w) {
  const double m = w / std::pow(10.0, std::floor(std::log10(w) + 1e-12));
  return std::abs(m - 1) < 1e-9 || std::abs(m - 2) < 1e-9 || std::abs(m - 5) < 1e-9;
}

// make_axis_between (axis.h), which the histogram's x axis uses: random ranges, some not
// starting at 0, some constant.
TEST(Histogram, AxisBetweenCoversTheRangeWithNiceTicks) {
  testing::Rng r(7);
  for (int round = 0; round < 2000; ++round) {
    const double scale = std::pow(10.0, static_cast<double>(r.between(-3, 5)));
    const double lo = static_cast<double>(r.between(-1000, 1000)) / 100 * scale;
    const double hi = r.chance(10) ? lo : lo + u01(r) * 20 * scale;
    const int max_ticks = static_cast<int>(r.between(2, 12));
    const Axis a = make_axis_between(lo, hi, max_ticks);
    EXPECT_TRUE(is_one_two_five(a.step)) << a.step;
    EXPECT_LE(a.min, lo);
    EXPECT_GE(a.max, hi);
    EXPECT_LT(a.min, a.max);
    ASSERT_GE(a.ticks.size(), 2u);
    EXPECT_LE(a.ticks.size(), static_cast<std::size_t>(max_ticks) + 1);
    EXPECT_DOUBLE_EQ(a.ticks.front(), a.min);
    EXPECT_NEAR(a.ticks.back(), a.max, 1e-9 * std::max(1.0, std::abs(a.max)));
    for (double t : a.ticks)
      EXPECT_NEAR(t / a.step, std::round(t / a.step), 1e-6);  // multiples of the step
  }
  EXPECT_THROW(make_axis_between(2, 1, 5), Error);
  EXPECT_THROW(make_axis_between(0, NAN, 5), Error);
}

TEST(Histogram, NearestRankIsTheCeilPnThSmallest) {
  std::vector<double> v;
  for (int i = 1; i <= 20; ++i) v.push_back(i);
  EXPECT_EQ(nearest_rank(v, 0.95), 19);  // ⌈0.95 × 20⌉ = 19
  EXPECT_EQ(nearest_rank(v, 0.5), 10);
  EXPECT_EQ(nearest_rank(v, 0.0), 1);
  EXPECT_EQ(nearest_rank(v, 1.0), 20);
  EXPECT_EQ(nearest_rank({7}, 0.95), 7);
  // 0.07 × 100 is 7.000000000000001 in doubles: still the 7th, not the 8th.
  std::vector<double> hundred;
  for (int i = 1; i <= 100; ++i) hundred.push_back(i);
  EXPECT_EQ(nearest_rank(hundred, 0.07), 7);
  EXPECT_THROW(nearest_rank({}, 0.5), Error);
  EXPECT_THROW(nearest_rank(v, 1.5), Error);
}

TEST(Histogram, BinsAgreeWithAPlainCountOnRandomSamples) {
  testing::Rng r(20261123);
  for (int round = 0; round < 200; ++round) {
    HistogramSpec spec;
    spec.scale = r.chance(50) ? 1.0 / 24 : 1.0;
    spec.max_bins = static_cast<int>(r.between(1, 80));
    const int nsets = static_cast<int>(r.between(1, 3));
    for (int s = 0; s < nsets; ++s) {
      SampleSet set{"set " + std::to_string(s), {}};
      const int n = static_cast<int>(r.between(0, 300));
      const double offset = static_cast<double>(r.between(-50, 500));
      const double spread = std::pow(10.0, static_cast<double>(r.between(-2, 3)));
      for (int i = 0; i < n; ++i) {
        // Some values on round numbers, to hit bin edges exactly.
        set.values.push_back(r.chance(30) ? static_cast<double>(r.between(0, 40)) * 0.1 + offset
                                          : offset + spread * u01(r));
      }
      spec.sets.push_back(std::move(set));
    }
    const Histogram h = bin_samples(spec);
    std::size_t total = 0;
    for (const SampleSet& s : spec.sets) total += s.values.size();
    if (total == 0) {
      EXPECT_TRUE(h.edges.empty());
      continue;
    }
    ASSERT_GE(h.edges.size(), 2u);
    EXPECT_TRUE(is_one_two_five(h.bin_width)) << h.bin_width;
    EXPECT_LE(h.edges.size() - 1,
              static_cast<std::size_t>(spec.max_bins) + 2);  // + the edge guards
    for (std::size_t k = 0; k + 1 < h.edges.size(); ++k)
      EXPECT_NEAR(h.edges[k + 1] - h.edges[k], h.bin_width,
                  1e-9 * std::max(1.0, std::abs(h.edges[k])));
    for (std::size_t s = 0; s < spec.sets.size(); ++s) {
      ASSERT_EQ(h.counts[s].size(), h.edges.size() - 1);
      for (std::size_t k = 0; k + 1 < h.edges.size(); ++k) {
        std::uint32_t plain = 0;
        for (double v : spec.sets[s].values) {
          const double x = v * spec.scale;
          plain += (h.edges[k] <= x && x < h.edges[k + 1]) ? 1 : 0;
        }
        EXPECT_EQ(h.counts[s][k], plain) << "round " << round << " set " << s << " bin " << k;
      }
      std::uint64_t sum = 0;
      for (std::uint32_t c : h.counts[s]) sum += c;
      EXPECT_EQ(sum, spec.sets[s].values.size());  // nothing falls outside the edges
    }
  }
}

TEST(Histogram, WidthIsFreedmanDiaconisRoundedUpToOneTwoFive) {
  // 0, 1, …, 99: quartiles (nearest rank) 24 and 74, IQR 50; 2 · 50 / ∛100 = 21.5 → 50.
  HistogramSpec spec;
  spec.sets = {{"a", {}}};
  for (int i = 0; i < 100; ++i) spec.sets[0].values.push_back(i);
  EXPECT_DOUBLE_EQ(bin_samples(spec).bin_width, 50);
  // In tenths: 0.0 … 9.9 → 5.
  spec.scale = 0.1;
  EXPECT_DOUBLE_EQ(bin_samples(spec).bin_width, 5);
  // Too many bins for max_bins: widened to the next 1-2-5 numbers.
  spec.scale = 1;
  spec.sets[0].values.push_back(100000);
  spec.max_bins = 10;
  const Histogram h = bin_samples(spec);
  EXPECT_LE(h.edges.size() - 1, 10u);
  EXPECT_DOUBLE_EQ(h.bin_width, 20000);  // 10,000 would give 11 bins
  // A caller's width is kept.
  spec.bin_width = 25000;
  EXPECT_DOUBLE_EQ(bin_samples(spec).bin_width, 25000);
}

TEST(Histogram, WidthIsTheNarrowestSetsSoDistantSetsKeepTheirShape) {
  // Two sets of 100 values, 1,000 apart, each with IQR 5: 2 · 5 / ∛100 = 2.15 → 5. Pooled,
  // the IQR would be about 1,000 and the width 500: each set in one bin.
  HistogramSpec spec;
  spec.max_bins = 500;
  spec.sets = {{"near", {}}, {"far", {}}};
  for (int i = 0; i < 100; ++i) {
    spec.sets[0].values.push_back(i * 0.1);
    spec.sets[1].values.push_back(1000 + i * 0.1);
  }
  const Histogram h = bin_samples(spec);
  EXPECT_DOUBLE_EQ(h.bin_width, 5);
  EXPECT_EQ(h.counts[0][0], 50u);                       // [0, 5): 0.0 … 4.9
  EXPECT_EQ(h.counts[1][h.counts[1].size() - 2], 50u);  // [1000, 1005)
}

TEST(Histogram, NarrowChartKeepsTextInside) {
  HistogramSpec spec;
  spec.width = 480;
  spec.title = "Door-to-door transit time of every flow in the scenario, base case and what-if";
  spec.unit = "days";
  spec.scale = 1.0 / 24;
  testing::Rng r(3);
  spec.sets = {{"JPHKT \u2192 DEDUI via Lianyungang, Khorgos and Ma\u0142aszewicze (sea\u2013rail)",
                transit_hours(r, 300, 19)},
               {"KRPUS \u2192 PLWAW", transit_hours(r, 300, 17)}};
  const XmlElement svg = parse_xml(render_histogram(spec));
  testing::expect_start_anchored_text_inside(svg);
  // The legend's figures went below the names: two lines per entry.
  const auto entries = with_class(svg, "g", "legend-entry");
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_GT(std::stod(with_class(*entries[0], "text", "figures")[0]->attr("y")),
            std::stod(with_class(*entries[0], "text", "name")[0]->attr("y")));
}

TEST(Histogram, FiguresPerSetInDisplayUnits) {
  HistogramSpec spec;
  spec.scale = 1.0 / 24;
  spec.sets = {{"a", {48, 24, 72, 96}}, {"empty", {}}};
  const Histogram h = bin_samples(spec);
  ASSERT_EQ(h.stats.size(), 2u);
  EXPECT_EQ(h.stats[0].n, 4u);
  EXPECT_DOUBLE_EQ(h.stats[0].mean, 2.5);
  EXPECT_DOUBLE_EQ(h.stats[0].p50, 2);  // ⌈2⌉-th of 1, 2, 3, 4 days
  EXPECT_DOUBLE_EQ(h.stats[0].p95, 4);
  EXPECT_DOUBLE_EQ(h.stats[0].min, 1);
  EXPECT_DOUBLE_EQ(h.stats[0].max, 4);
  EXPECT_EQ(h.stats[1].n, 0u);
  EXPECT_EQ(h.counts[1], std::vector<std::uint32_t>(h.edges.size() - 1, 0));
}

TEST(Histogram, BadInputIsAnErrorThatNamesTheSet) {
  HistogramSpec spec;
  EXPECT_THROW(bin_samples(spec), Error);  // no sets
  spec.sets = {{"ok", {1, 2}}, {"HKT-DUI", {1, NAN}}};
  try {
    bin_samples(spec);
    FAIL() << "NaN accepted";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("set 2 (\"HKT-DUI\"), value 1"), std::string::npos)
        << e.what();
  }
  spec.sets[1].values[1] = INFINITY;
  EXPECT_THROW(render_histogram(spec), Error);
  spec.sets[1].values[1] = 3;
  spec.scale = 0;
  EXPECT_THROW(bin_samples(spec), Error);
  spec.scale = 1;
  spec.width = 100;
  EXPECT_THROW(render_histogram(spec), Error);
}

HistogramSpec two_scenarios() {
  testing::Rng r(42);
  HistogramSpec spec;
  spec.title = "Transit time <HKT & DUI>";
  spec.unit = "days";
  spec.scale = 1.0 / 24;
  spec.sets = {{"base <case> & co", transit_hours(r, 600, 19)},
               {"Khorgos halved", transit_hours(r, 500, 21)}};
  return spec;
}

TEST(Histogram, OneBarPerNonEmptyBinWithHeightsInProportionToCounts) {
  const HistogramSpec spec = two_scenarios();
  const Histogram h = bin_samples(spec);
  const XmlElement svg = parse_xml(render_histogram(spec));
  const auto bars = with_class(svg, "rect", "bar");
  for (std::size_t s = 0; s < spec.sets.size(); ++s) {
    std::vector<const XmlElement*> mine;
    for (const XmlElement* b : bars)
      if (b->attr("data-set") == std::to_string(s + 1)) mine.push_back(b);
    const auto non_empty = std::count_if(h.counts[s].begin(), h.counts[s].end(),
                                         [](std::uint32_t c) { return c > 0; });
    EXPECT_EQ(static_cast<std::ptrdiff_t>(mine.size()), non_empty);
    // The tallest and another bar: heights in the ratio of their counts; widths all one bin.
    ASSERT_GE(mine.size(), 2u);
    const auto tallest = *std::max_element(mine.begin(), mine.end(), [](auto* a, auto* b) {
      return std::stod(a->attr("height")) < std::stod(b->attr("height"));
    });
    const std::size_t kt = std::stoul(tallest->attr("data-bin"));
    const XmlElement* other = mine.front() == tallest ? mine.back() : mine.front();
    const std::size_t ko = std::stoul(other->attr("data-bin"));
    EXPECT_EQ(std::stoul(tallest->attr("data-count")), h.counts[s][kt]);
    EXPECT_NEAR(std::stod(other->attr("height")) / std::stod(tallest->attr("height")),
                static_cast<double>(h.counts[s][ko]) / h.counts[s][kt], 0.01);
    const DrawnAxis ax = axis_of(svg, true);
    EXPECT_NEAR(std::stod(other->attr("x")), ax.px(h.edges[ko]), 0.1);
    EXPECT_NEAR(std::stod(other->attr("width")), ax.px(h.edges[1]) - ax.px(h.edges[0]), 0.1);
  }
  // Overlaid sets: outlines too.
  EXPECT_EQ(with_class(svg, "path", "outline").size(), 2u);
}

TEST(Histogram, StylesChooseBarsOrOutlines) {
  HistogramSpec spec = two_scenarios();
  spec.style = HistogramStyle::outline;
  XmlElement svg = parse_xml(render_histogram(spec));
  EXPECT_TRUE(with_class(svg, "rect", "bar").empty());
  EXPECT_EQ(with_class(svg, "path", "outline").size(), 2u);
  spec.style = HistogramStyle::automatic;  // one set: filled bars, no outline
  spec.sets.pop_back();
  svg = parse_xml(render_histogram(spec));
  EXPECT_FALSE(with_class(svg, "rect", "bar").empty());
  EXPECT_TRUE(with_class(svg, "path", "outline").empty());
  spec.markers = false;
  svg = parse_xml(render_histogram(spec));
  EXPECT_TRUE(with_class(svg, "path", "marker").empty());
  EXPECT_TRUE(with_class(svg, "text", "marker-label").empty());
}

TEST(Histogram, MarkersSitWhereTheFiguresFallOnTheAxis) {
  const HistogramSpec spec = two_scenarios();
  const XmlElement svg = parse_xml(render_histogram(spec));
  const DrawnAxis ax = axis_of(svg, true);
  for (std::size_t s = 0; s < spec.sets.size(); ++s) {
    std::vector<double> days;
    for (double v : spec.sets[s].values) days.push_back(v / 24);
    std::sort(days.begin(), days.end());
    const double p95 =
        days[static_cast<std::size_t>(std::ceil(0.95 * static_cast<double>(days.size()))) - 1];
    double mean = 0;
    for (double d : days) mean += d / static_cast<double>(days.size());
    int found = 0;
    for (const XmlElement* m : with_class(svg, "path", "marker")) {
      if (m->attr("data-set") != std::to_string(s + 1)) continue;
      const std::string d = m->attr("d");  // "Mx y1Vy2"
      const double x = std::stod(d.substr(1));
      const std::string cls = m->attr("class");
      if (cls == "marker p95") {
        EXPECT_NEAR(x, ax.px(p95), 0.1);
        EXPECT_NEAR(std::stod(m->attr("data-value")), p95, 1e-6);
        ++found;
      } else if (cls == "marker mean") {
        EXPECT_NEAR(x, ax.px(mean), 0.1);
        ++found;
      }
    }
    EXPECT_EQ(found, 2) << "set " << s;
  }
  // Labels for every marker (figures differ here), none overlapping another in its row.
  const auto labels = with_class(svg, "text", "marker-label");
  EXPECT_EQ(labels.size(), 6u);
}

TEST(Histogram, LegendHasOneEntryPerSetWithItsN) {
  HistogramSpec spec = two_scenarios();
  spec.sets.push_back({"no data", {}});
  const XmlElement svg = parse_xml(render_histogram(spec));
  const auto entries = with_class(svg, "g", "legend-entry");
  ASSERT_EQ(entries.size(), 3u);
  for (std::size_t s = 0; s < 3; ++s) {
    EXPECT_EQ(entries[s]->attr("data-set"), std::to_string(s + 1));
    const auto names = with_class(*entries[s], "text", "name");
    const auto figures = with_class(*entries[s], "text", "figures");
    ASSERT_EQ(names.size(), 1u);
    ASSERT_EQ(figures.size(), 1u);
    EXPECT_EQ(names[0]->text, spec.sets[s].label);  // escaped in the document, read back intact
    EXPECT_EQ(figures[0]->text.rfind("n = " + std::to_string(spec.sets[s].values.size()), 0), 0u)
        << figures[0]->text;
  }
  EXPECT_EQ(svg.all("title").front()->text, spec.title);
}

TEST(Histogram, SameInputSameBytes) {
  const HistogramSpec spec = two_scenarios();
  EXPECT_EQ(render_histogram(spec), render_histogram(spec));
  EXPECT_EQ(to_json(spec).dump(), to_json(spec).dump());
}

TEST(Histogram, EmptyAndConstantData) {
  HistogramSpec spec;
  spec.sets = {{"empty", {}}};
  XmlElement svg = parse_xml(render_histogram(spec));
  EXPECT_TRUE(with_class(svg, "rect", "bar").empty());
  EXPECT_TRUE(with_class(svg, "path", "marker").empty());
  EXPECT_EQ(with_class(svg, "text", "empty").size(), 1u);

  spec.sets = {{"one", {240}}, {"same", {240, 240, 240}}, {"empty", {}}};
  const Histogram h = bin_samples(spec);
  ASSERT_EQ(h.edges.size(), 2u);  // one bin, holding the value
  EXPECT_LE(h.edges[0], 240);
  EXPECT_GT(h.edges[1], 240);
  EXPECT_EQ(h.counts[1][0], 3u);
  const std::string doc = render_histogram(spec);
  EXPECT_EQ(doc.find("nan"), std::string::npos);
  EXPECT_EQ(doc.find("inf"), std::string::npos);
  svg = parse_xml(doc);
  EXPECT_EQ(with_class(svg, "rect", "bar").size(), 2u);
  // mean = P50 = P95: one label per set names all three.
  const auto labels = with_class(svg, "text", "marker-label");
  ASSERT_EQ(labels.size(), 2u);
  EXPECT_EQ(labels[0]->text, "mean, P50, P95 240.0");
  // All at zero.
  spec.sets = {{"zeros", {0, 0}}};
  EXPECT_NO_THROW(parse_xml(render_histogram(spec)));
  EXPECT_GT(bin_samples(spec).edges[1], 0);
}

TEST(Histogram, PercentOfEachSet) {
  HistogramSpec spec;
  spec.percent = true;
  spec.bin_width = 1;
  spec.sets = {{"a", {0.5, 0.5, 1.5, 1.5}}, {"b", {0.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5, 1.5}}};
  const XmlElement svg = parse_xml(render_histogram(spec));
  // a: 50 % and 50 %; b: 12.5 % and 87.5 %: b's second bar is 7 times its first, a's equal.
  std::map<std::string, double> height;
  for (const XmlElement* b : with_class(svg, "rect", "bar"))
    height[b->attr("data-set") + "/" + b->attr("data-bin")] = std::stod(b->attr("height"));
  EXPECT_NEAR(height.at("1/0"), height.at("1/1"), 0.01);
  EXPECT_NEAR(height.at("2/1") / height.at("2/0"), 7, 0.01);
  EXPECT_NEAR(height.at("1/0") / height.at("2/0"), 4, 0.01);
}

TEST(Histogram, JsonCarriesTheBinsAndFigures) {
  HistogramSpec spec = two_scenarios();
  spec.sets.push_back({"empty", {}});
  const Histogram h = bin_samples(spec);
  const nlohmann::json j = to_json(spec);
  EXPECT_EQ(j.at("unit"), "days");
  EXPECT_EQ(j.at("y"), "count");
  EXPECT_EQ(j.at("edges").get<std::vector<double>>(), h.edges);
  ASSERT_EQ(j.at("sets").size(), 3u);
  EXPECT_EQ(j["sets"][0].at("label"), spec.sets[0].label);
  EXPECT_EQ(j["sets"][1].at("counts").get<std::vector<std::uint32_t>>(), h.counts[1]);
  EXPECT_DOUBLE_EQ(j["sets"][1].at("p95").get<double>(), h.stats[1].p95);
  EXPECT_EQ(j["sets"][2].at("n"), 0);
  EXPECT_TRUE(j["sets"][2].at("p95").is_null());
}

}  // namespace
}  // namespace landbridge::chart
