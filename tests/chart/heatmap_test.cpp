// The heat map and the means-with-confidence-intervals plot of lb_plot.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "landbridge/chart/heatmap.h"
#include "landbridge/chart/pointrange.h"
#include "landbridge/core/error.h"

namespace landbridge::chart {
namespace {

std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t p = 0; (p = s.find(what, p)) != std::string::npos; p += what.size()) ++n;
  return n;
}

HeatMapSpec grid() {
  HeatMapSpec h;
  h.title = "mean transit";
  h.x_title = "cranes";
  h.y_title = "fleet";
  h.value_title = "hours";
  h.x_labels = {"4", "8", "12"};
  h.y_labels = {"1", "2"};
  h.values = {{1560, 610, 605}, {1559, 444, std::nan("")}};
  h.half_widths = {{6, 11, 9}, {6, 1.04, 2}};
  return h;
}

TEST(HeatMap, OneCellPerValueWithItsFigureAndColour) {
  const std::string svg = render_heatmap(grid());
  EXPECT_EQ(count(svg, "class=\"cell\""), 6U);
  EXPECT_NE(svg.find(">1,560 \u00b1 6</text>"), std::string::npos);
  EXPECT_NE(svg.find(">444 \u00b1 1</text>"), std::string::npos);  // three significant digits
  EXPECT_NE(svg.find("data-x=\"2\" data-y=\"1\" data-value=\"none\""), std::string::npos);
  EXPECT_NE(svg.find(">no value</text>"), std::string::npos);
  // The largest value is the scale's top colour, the smallest its bottom one.
  EXPECT_NE(svg.find("data-value=\"1560\" x=\"" ), std::string::npos);
  const std::size_t top = svg.find("data-value=\"1560\"");
  EXPECT_NE(svg.find("fill=\"" + heat_colour(1) + "\"", top), std::string::npos);
  const std::size_t bottom = svg.find("data-value=\"444\"");
  EXPECT_EQ(svg.find("fill=\"", bottom), svg.find("fill=\"" + heat_colour(0) + "\"", bottom));
  EXPECT_EQ(render_heatmap(grid()), svg);  // deterministic
}

TEST(HeatMap, ColoursRunFromDarkToYellow) {
  EXPECT_EQ(heat_colour(0), "#440154");
  EXPECT_EQ(heat_colour(1), "#fde725");
  EXPECT_EQ(heat_colour(-3), heat_colour(0));
  EXPECT_EQ(heat_colour(std::nan("")), heat_colour(0));
}

TEST(HeatMap, ShapesThatDoNotFitAreRefused) {
  HeatMapSpec h = grid();
  h.values[1].pop_back();
  EXPECT_THROW((void)render_heatmap(h), Error);
  h = grid();
  h.half_widths.pop_back();
  EXPECT_THROW((void)render_heatmap(h), Error);
  h = grid();
  h.x_labels.clear();
  EXPECT_THROW((void)render_heatmap(h), Error);
}

TEST(PointRange, BarsFromLowToHighAtEveryNumericX) {
  PointRangeSpec p;
  p.x_title = "cranes";
  p.y_title = "hours";
  p.x = {4, 8, 12};
  p.series = {{"mean transit", {500, 450, std::nan("")}, {490, 445, std::nan("")}, {510, 455, std::nan("")}}};
  const std::string svg = render_pointrange(p);
  EXPECT_EQ(count(svg, "class=\"ci\""), 2U);
  EXPECT_EQ(count(svg, "class=\"mean\""), 2U);
  EXPECT_NE(svg.find("class=\"ci\" data-x=\"8\" data-low=\"445\" data-high=\"455\""), std::string::npos);
  EXPECT_EQ(count(svg, "class=\"x-tick\"") >= 2, true);
}

TEST(PointRange, CategoriesAreLabelledAndLengthsChecked) {
  PointRangeSpec p;
  p.x_labels = {"open", "closed 14 d"};
  p.series = {{"a", {1, 2}, {0.5, 1.5}, {1.5, 2.5}}};
  const std::string svg = render_pointrange(p);
  EXPECT_NE(svg.find(">closed 14 d</text>"), std::string::npos);
  EXPECT_NE(svg.find("data-x=\"open\""), std::string::npos);
  p.series[0].high.pop_back();
  EXPECT_THROW((void)render_pointrange(p), Error);
  p.series.clear();
  EXPECT_THROW((void)render_pointrange(p), Error);
}

}  // namespace
}  // namespace landbridge::chart
