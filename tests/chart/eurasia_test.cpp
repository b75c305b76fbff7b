// The chart of the reference network: Hakata -> Duisburg, every Pareto itinerary.
#include <gtest/gtest.h>

#include "landbridge/chart/svg.h"
#include "landbridge/io/package.h"
#include "landbridge/route/planner.h"
#include "xml.h"

namespace landbridge::chart {
namespace {

class EurasiaChart : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    pkg_ = new io::LoadedPackage(io::load_package(std::filesystem::path(LANDBRIDGE_DATA_DIR) / "eurasia"));
    route::Planner planner(*pkg_);
    route::RouteRequest req{.from = "JPHKT", .to = "DEDUI"};
    req.pareto = true;
    result_ = new route::RouteResult(planner.route(req));
  }
  static void TearDownTestSuite() {
    delete result_;
    delete pkg_;
  }
  static io::LoadedPackage* pkg_;
  static route::RouteResult* result_;
};
io::LoadedPackage* EurasiaChart::pkg_ = nullptr;
route::RouteResult* EurasiaChart::result_ = nullptr;

TEST_F(EurasiaChart, SeriesFollowTheItineraries) {
  const Network& net = pkg_->network;
  const std::vector<ChartSeries> series = series_from(net, *result_);
  ASSERT_GE(series.size(), 2u);
  ASSERT_EQ(series.size(), result_->itineraries.size());
  for (std::size_t i = 0; i < series.size(); ++i) {
    const route::Itinerary& it = result_->itineraries[i];
    const ChartSeries& s = series[i];
    SCOPED_TRACE(it.label);
    EXPECT_EQ(s.label, it.label);
    ASSERT_EQ(s.points.size(), it.steps.size() + 1);
    EXPECT_EQ(s.points.front().node, "JPHKT");
    EXPECT_EQ(s.points.back().node, "DEDUI");
    // The totals the route layer computed, reached by summing the steps.
    EXPECT_NEAR(s.total().km.value(), it.total.distance.value(), 1e-6);
    EXPECT_EQ(s.total().time, it.total.duration);
    EXPECT_EQ(s.total().cost, it.total.cost);
    EXPECT_EQ(s.total().co2e, it.total.co2e.wtw);
    for (std::size_t k = 0; k < it.steps.size(); ++k) {
      const route::Step& st = it.steps[k];
      const ChartPoint& p = s.points[k + 1];
      EXPECT_EQ(p.kind, st.kind == route::StepKind::leg ? PointKind::leg : PointKind::node);
      if (st.kind == route::StepKind::node) {
        EXPECT_EQ(p.km, s.points[k].km);
        EXPECT_EQ(p.node, net.node(st.at).code);
      }
    }
    EXPECT_NO_THROW(check(s));
  }
}

TEST_F(EurasiaChart, RendersAReadableDocument) {
  const Network& net = pkg_->network;
  const std::vector<ChartSeries> series = series_from(net, *result_);
  ChartOptions o;
  o.title = title_for(net, *result_);
  EXPECT_EQ(o.title.rfind("JPHKT ", 0), 0u);
  const std::string svg = render_svg(series, o);
  EXPECT_LT(svg.size(), 200u * 1024);
  const testing::XmlElement root = testing::parse_xml(svg);
  std::vector<std::string> names;
  for (const testing::XmlElement* t : root.all("text"))
    if (t->attr("class") == "name") names.push_back(t->text);
  ASSERT_EQ(names.size(), series.size());
  for (std::size_t i = 0; i < series.size(); ++i) EXPECT_EQ(names[i], series[i].label);
  // The bottlenecks a forwarder looks for are labelled: a gauge change with its border.
  const ChartLayout l = layout_chart(series, o);
  bool gauge = false;
  for (const PlacedLabel& lab : l.labels) gauge = gauge || lab.text.find("gauge change + border") != std::string::npos;
  EXPECT_TRUE(gauge);
  EXPECT_EQ(l.labels_dropped, 0);
}

}  // namespace
}  // namespace landbridge::chart
