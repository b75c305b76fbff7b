// Which plots a sweep's table gives: one axis a point-range plot, two a heat map, three one
// heat map per value of the third axis.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include "../../src/sweep/plots.h"

namespace landbridge::sweep::detail {
namespace {

// A table of `sizes` axes with cell c's KPI "k" = c (half-width 0.5).
nlohmann::json table_of(const std::vector<std::size_t>& sizes) {
  nlohmann::json t;
  t["sweep"] = "t";
  t["replications"] = 2;
  std::size_t cells = 1;
  for (std::size_t a = 0; a < sizes.size(); ++a) {
    nlohmann::json values = nlohmann::json::array();
    for (std::size_t v = 0; v < sizes[a]; ++v) values.push_back(static_cast<int>(10 * (a + 1) + v));
    t["axes"].push_back({{"name", fmt::format("a{}", a)}, {"values", values}});
    cells *= sizes[a];
  }
  for (std::size_t c = 0; c < cells; ++c) {
    const double m = static_cast<double>(c);
    nlohmann::json k = {{"mean", m}, {"half_width", 0.5}, {"low", m - 0.5}, {"high", m + 0.5}};
    nlohmann::json cell;
    cell["kpis"]["k"] = std::move(k);
    t["cells"].push_back(std::move(cell));
  }
  return t;
}

TEST(SweepPlots, OneAxisIsAPointRangePlot) {
  const auto plots = kpi_plots(table_of({3}), "k");
  ASSERT_EQ(plots.size(), 1U);
  EXPECT_EQ(plots[0].first, "k");
  EXPECT_NE(plots[0].second.find("class=\"ci\" data-x=\"12\" data-low=\"1.5\" data-high=\"2.5\""), std::string::npos);
}

TEST(SweepPlots, TwoAxesAreAHeatMapWithTheFirstAxisAcross) {
  const auto plots = kpi_plots(table_of({3, 2}), "k");
  ASSERT_EQ(plots.size(), 1U);
  // Cell (x = 2, y = 1) is cell 2 * 2 + 1 = 5.
  EXPECT_NE(plots[0].second.find("data-x=\"2\" data-y=\"1\" data-value=\"5\""), std::string::npos);
  EXPECT_NE(plots[0].second.find("data-x=\"1\" data-y=\"0\" data-value=\"2\""), std::string::npos);
}

TEST(SweepPlots, MoreAxesGiveOneHeatMapPerValueOfTheOthers) {
  const auto plots = kpi_plots(table_of({2, 2, 3}), "k");
  ASSERT_EQ(plots.size(), 3U);
  EXPECT_EQ(plots[2].first, "k--a2=32");
  // a0 = 1, a1 = 0, a2 = 2: cell (1 * 2 + 0) * 3 + 2 = 8.
  EXPECT_NE(plots[2].second.find("data-x=\"1\" data-y=\"0\" data-value=\"8\""), std::string::npos);
  EXPECT_NE(plots[2].second.find("a2=32"), std::string::npos);  // named in the subtitle
}

TEST(SweepPlots, AKpiMissingInACellLeavesItEmpty) {
  nlohmann::json t = table_of({2, 2});
  t["cells"][3]["kpis"] = nlohmann::json::object();
  const auto plots = kpi_plots(t, "k");
  EXPECT_NE(plots[0].second.find("data-x=\"1\" data-y=\"1\" data-value=\"none\""), std::string::npos);
}

}  // namespace
}  // namespace landbridge::sweep::detail
