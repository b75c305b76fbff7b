// Plots and what-if comparison of corridor runs (corridor/plots.h, corridor/compare.h), on a
// three-node inline network: a train of 10 boxes meets a gauge change with `cranes` cranes.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "landbridge/core/error.h"
#include "landbridge/corridor/compare.h"
#include "landbridge/corridor/plots.h"
#include "landbridge/io/text_network.h"
#include "gauge_network.h"

namespace landbridge::corridor {
namespace {

using testing::kGaugeNet;

Scenario scenario(const std::string& name, int cranes) {
  Scenario s = testing::gauge_scenario(name, cranes, 30, ReadyPattern::poisson);
  s.seed = 11;
  s.queue_sample_h = 6;
  s.closures.push_back({Closure::Kind::node, "KZBBB", 30, 32});
  return s;
}

struct Fixture {
  Network net = io::parse_text_network(kGaugeNet);
  CorridorModel model;
  std::vector<ReplicationResult> reps;
  Summary summary;
  Fixture(const std::string& name, int cranes) : model(net, scenario(name, cranes)) {
    reps = run_replications(model, 4, 1);
    summary = summarise(model, reps);
  }
};

TEST(CorridorPlots, HistogramHoldsEveryMeasuredBoxOfEveryReplicationInDays) {
  Fixture f("one-crane", 1);
  const PlotRun run{&f.model, f.reps, ""};
  const chart::HistogramSpec h = transit_histogram(std::span(&run, 1));
  ASSERT_EQ(h.sets.size(), 1U);
  std::size_t n = 0;
  double longest = 0;
  for (const ReplicationResult& r : f.reps) {
    n += r.flow_transit_h[0].size();
    for (float x : r.flow_transit_h[0]) longest = std::max(longest, static_cast<double>(x));
  }
  EXPECT_GT(n, 100U);
  EXPECT_EQ(h.sets[0].values.size(), n);
  EXPECT_DOUBLE_EQ(*std::max_element(h.sets[0].values.begin(), h.sets[0].values.end()), longest);
  EXPECT_DOUBLE_EQ(h.scale, 1.0 / 24.0);
  EXPECT_EQ(h.unit, "days");
  // The chart's own figures agree with the model's KPI (nearest rank P95, in days).
  const chart::Histogram b = chart::bin_samples(h);
  EXPECT_EQ(b.stats[0].n, n);
  EXPECT_NE(h.title.find("one-crane"), std::string::npos);
}

TEST(CorridorPlots, QueueBucketsMergeTheModelsBucketsByMaximumOrMean) {
  Fixture f("one-crane", 1);
  const PlotRun run{&f.model, f.reps, ""};
  const chart::TimeSeriesSpec q = crane_queues(std::span(&run, 1), 0, QueueView::bucket_max, 24);
  ASSERT_EQ(q.series.size(), 1U);
  const chart::TimeSeries& s = q.series[0];
  EXPECT_DOUBLE_EQ(s.dt, 1.0);  // four 6 h buckets a day
  ASSERT_EQ(s.replications.size(), f.reps.size());
  const std::vector<float>& raw = f.reps[2].node_queue_max[0];
  ASSERT_EQ(s.replications[2].size(), (raw.size() + 3) / 4);
  float peak = 0;
  for (std::size_t d = 0; d < s.replications[2].size(); ++d) {
    float m = 0;
    for (std::size_t i = 4 * d; i < std::min(raw.size(), 4 * d + 4); ++i) m = std::max(m, raw[i]);
    EXPECT_EQ(s.replications[2][d], m) << "day " << d;
    peak = std::max(peak, m);
  }
  EXPECT_GT(peak, 0.0F);  // a train of 10 boxes queues for one crane
  const chart::TimeSeriesSpec mean = crane_queues(std::span(&run, 1), 0, QueueView::bucket_mean, 24);
  const std::vector<float>& avg = f.reps[2].node_queue_mean[0];
  EXPECT_FLOAT_EQ(mean.series[0].replications[2][1], (avg[4] + avg[5] + avg[6] + avg[7]) / 4);
  // warm-up, drain and the closure are shaded.
  ASSERT_EQ(q.intervals.size(), 3U);
  EXPECT_DOUBLE_EQ(q.intervals[0].to, 7);
  EXPECT_DOUBLE_EQ(q.intervals[1].from, 70);
  EXPECT_DOUBLE_EQ(q.intervals[2].from, 30);
  EXPECT_NE(q.intervals[2].label.find("KZBBB"), std::string::npos);
  EXPECT_THROW((void)crane_queues(std::span(&run, 1), 1), Error);
  EXPECT_THROW((void)crane_queues(std::span(&run, 1), 0, QueueView::bucket_max, 0), Error);
}

TEST(CorridorPlots, AWhatIfOverlaysBothRunsPerFlowAndPerNode) {
  Fixture base("one-crane", 1), more("three-cranes", 3);
  const std::vector<PlotRun> runs{{&base.model, base.reps, ""}, {&more.model, more.reps, ""}};
  const chart::HistogramSpec h = transit_histogram(runs, 0);
  ASSERT_EQ(h.sets.size(), 2U);
  EXPECT_EQ(h.sets[0].label, "one-crane");
  EXPECT_EQ(h.sets[1].label, "three-cranes");
  EXPECT_TRUE(h.percent);
  const chart::TimeSeriesSpec q = crane_queues(runs, 0);
  ASSERT_EQ(q.series.size(), 2U);
  // More cranes, shorter queues: the what-if's peak is lower in every replication.
  for (std::size_t r = 0; r < base.reps.size(); ++r)
    EXPECT_LT(*std::max_element(q.series[1].replications[r].begin(), q.series[1].replications[r].end()),
              *std::max_element(q.series[0].replications[r].begin(), q.series[0].replications[r].end()));
  EXPECT_THROW((void)transit_histogram(std::span<const PlotRun>{}), Error);
}

TEST(CorridorCompare, AScenarioAgainstItselfChangesNothing) {
  Fixture a("one-crane", 1), b("one-crane", 1);
  const Comparison c = compare(a.model, a.summary, b.model, b.summary);
  ASSERT_EQ(c.rows.size(), a.summary.rows.size());
  for (const ComparisonRow& r : c.rows) {
    ASSERT_TRUE(r.base && r.what_if) << r.key << " " << r.metric;
    EXPECT_EQ(r.change, 0.0) << r.metric;
    EXPECT_FALSE(r.clear) << r.metric;
  }
  EXPECT_EQ(comparison_table(c, true).find("KZBBB"), std::string::npos);  // nothing clearly changed
}

TEST(CorridorCompare, MoreCranesClearlyCutTheCraneWait) {
  Fixture base("one-crane", 1), more("three-cranes", 3);
  const Comparison c = compare(base.model, base.summary, more.model, more.summary);
  const auto row = [&](const std::string& metric) {
    const auto it = std::find_if(c.rows.begin(), c.rows.end(), [&](const ComparisonRow& r) {
      return r.group == "node" && r.key == "KZBBB" && r.metric == metric;
    });
    EXPECT_NE(it, c.rows.end()) << metric;
    return *it;
  };
  const ComparisonRow cranes = row("cranes");
  EXPECT_DOUBLE_EQ(cranes.change, 2.0);
  const ComparisonRow wait = row("mean_wait_h");
  EXPECT_LT(wait.change, 0);
  EXPECT_TRUE(wait.clear);
  EXPECT_DOUBLE_EQ(wait.change, wait.what_if->mean - wait.base->mean);
  const nlohmann::json j = nlohmann::json::parse(comparison_json(c));
  EXPECT_EQ(j["base"], "one-crane");
  EXPECT_EQ(j["what_if"], "three-cranes");
  EXPECT_EQ(j["kpis"].size(), c.rows.size());
  const std::string table = comparison_table(c, true);
  EXPECT_NE(table.find("mean_wait_h"), std::string::npos);
}

}  // namespace
}  // namespace landbridge::corridor
