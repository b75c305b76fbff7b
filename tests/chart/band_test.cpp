// The simulated P5-P95 band of a series (chart::TimeBand): JSON, checks and the SVG bar.
#include <gtest/gtest.h>

#include <regex>

#include "landbridge/chart/svg.h"
#include "testing.h"

namespace landbridge::chart {
namespace {

using testing::SeriesWriter;

ChartSeries with_band(double p5_d, double p50_d, double p95_d) {
  ChartSeries s = SeriesWriter("sea-rail", "JPHKT").leg("feeder", "CNLYG", 1000, 60, 200).leg("rail:1435", "DEDUI", 9000, 400, 3000).done();
  s.band = TimeBand{days(p5_d), days(p50_d), days(p95_d)};
  return s;
}

TEST(ChartBand, RoundTripsThroughJson) {
  const std::vector<ChartSeries> in{with_band(19, 21.5, 30), SeriesWriter("all-sea", "JPHKT").leg("deep_sea", "DEDUI", 20000, 900, 2500).done()};
  const nlohmann::json j = to_json(in);
  EXPECT_DOUBLE_EQ(j["series"][0]["band"]["p95_days"].get<double>(), 30.0);
  EXPECT_FALSE(j["series"][1].contains("band"));
  EXPECT_EQ(series_from_json(j), in);
}

TEST(ChartBand, AnUnorderedBandIsRefused) {
  EXPECT_THROW(check(with_band(22, 21, 30)), Error);
  nlohmann::json j = to_json({with_band(19, 21, 30)});
  j["series"][0]["band"].erase("p50_days");
  try {
    (void)series_from_json(j);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("p50_days"), std::string::npos) << e.what();
  }
}

// The bar stands at the line's end (10,000 km) from P5 to P95 in the time panel, and the time
// axis reaches P95 even where it lies above the line's own total (19.2 days here).
TEST(ChartBand, SvgDrawsTheBarAndTheAxisCoversIt) {
  const ChartSeries s = with_band(19, 24, 40);
  const std::string svg = render_svg({s}, {});
  const std::regex bar(R"re(<path class="band"[^>]* d="M([\d.]+) ([\d.]+)V([\d.]+)"/>)re");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(svg, m, bar)) << svg.substr(0, 2000);
  const ChartLayout L = layout_chart({s}, {});
  const Box& area = L.plot_areas.front();
  const double x = std::stod(m[1]), y5 = std::stod(m[2]), y95 = std::stod(m[3]);
  EXPECT_GT(x, area.x0 + 0.5 * (area.x1 - area.x0));  // at the far end of the distance axis
  EXPECT_LT(y95, y5);                                   // P95 above P5 on screen
  EXPECT_GE(y95, area.y0);                              // inside the panel: the axis reaches 40 days
  EXPECT_NE(svg.find("class=\"band-p50\""), std::string::npos);
  EXPECT_EQ(render_svg({SeriesWriter("x", "JPHKT").leg("feeder", "CNLYG", 100, 5, 10).done()}, {}).find("class=\"band"),
            std::string::npos);
}

}  // namespace
}  // namespace landbridge::chart
