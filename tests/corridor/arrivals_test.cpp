// Ready patterns (batch, weekly), the demand's class column, and the boxes still in the
// system when a run ends.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>

#include "landbridge/corridor/model.h"
#include "landbridge/io/text_network.h"
#include "gauge_network.h"

namespace landbridge::corridor {
namespace {

TEST(CorridorArrivals, BatchBoxesAreReadyTogetherAtTheFlowsVolume) {
  const Network net = io::parse_text_network(testing::kGaugeNet);
  Scenario s = testing::gauge_scenario("batch", 4, 60, ReadyPattern::batch);
  s.flows[0].batch = 6;
  s.horizon_days = 700;
  s.warmup_days = 7;
  const CorridorModel m(net, s);
  std::vector<BoxRecord> recs;
  (void)m.run(0, &recs);
  std::map<double, int> at;
  for (const BoxRecord& b : recs) at[b.ready_h] += 1;
  for (const auto& [t, n] : at) EXPECT_EQ(n, 6) << "at " << t;
  // 10 batches a week over 100 weeks: 1000 batches, Poisson (sd about 32).
  EXPECT_NEAR(static_cast<double>(at.size()), 1000.0, 4 * std::sqrt(1000.0));
}

TEST(CorridorArrivals, WeeklyBoxesAreReadyAtMidnightOnTheirDaysOnly) {
  const Network net = io::parse_text_network(testing::kGaugeNet);
  Scenario s = testing::gauge_scenario("weekly", 4, 20, ReadyPattern::weekly);
  s.flows[0].weekdays = (1U << 0) | (1U << 3);  // Monday and Thursday
  s.start_date = "2026-01-07";                  // a Wednesday: day 1 is Thursday
  const CorridorModel m(net, s);
  std::vector<BoxRecord> recs;
  (void)m.run(0, &recs);
  std::map<double, int> at;
  for (const BoxRecord& b : recs) at[b.ready_h] += 1;
  ASSERT_FALSE(at.empty());
  for (const auto& [t, n] : at) {
    EXPECT_EQ(std::fmod(t, 24.0), 0.0);
    const int day = static_cast<int>(t / 24) % 7;  // 0 = Wednesday
    EXPECT_TRUE(day == 1 || day == 5) << "ready on day " << day;
    EXPECT_EQ(n, 10);  // 20 TEU a week over two days
  }
  EXPECT_EQ(at.begin()->first, 24.0);
  EXPECT_EQ(static_cast<double>(recs.size()), 20.0 * std::floor(70.0 / 7));
}

TEST(CorridorArrivals, PatternsAndClassAreReadFromTheDemandWithTheirField) {
  const auto flows = parse_demand(
      "origin,destination,teu_per_week,unit,pattern,avoid,class\n"
      "A,B,10,TEU,batch:5,,2\n"
      "A,B,10,TEU,\"weekly:mon,thu\",,\n"
      "A,B,10,TEU,weekly:sun+sat,X;Y,0\n",
      "d.csv");
  ASSERT_EQ(flows.size(), 3U);
  EXPECT_EQ(flows[0].pattern, ReadyPattern::batch);
  EXPECT_EQ(flows[0].batch, 5);
  EXPECT_EQ(flows[0].klass, 2);
  EXPECT_EQ(flows[1].pattern, ReadyPattern::weekly);
  EXPECT_EQ(flows[1].weekdays, (1U << 0) | (1U << 3));
  EXPECT_EQ(flows[2].weekdays, (1U << 6) | (1U << 5));
  EXPECT_EQ(flows[2].avoid.size(), 2U);
  auto message = [](const std::string& csv) {
    try {
      (void)parse_demand(csv, "d.csv");
    } catch (const ScenarioError& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  EXPECT_NE(message("origin,destination,teu_per_week,unit,pattern\nA,B,1,TEU,batch:0\n").find("d.csv:2: field 'pattern'"),
            std::string::npos);
  EXPECT_NE(message("origin,destination,teu_per_week,unit,pattern\nA,B,1,TEU,weekly:mon;fun\n").find("day 'fun'"),
            std::string::npos);
  EXPECT_NE(message("origin,destination,teu_per_week,unit,pattern,class\nA,B,1,TEU,poisson,-1\n").find("field 'class'"),
            std::string::npos);
}

// A train that leaves only when 100 TEU wait, fed 35 TEU a week: the last partial load is
// still in port when the run ends, and every KPI says so.
TEST(CorridorArrivals, BoxesStillInTheSystemAtTheEndAreCountedAndReported) {
  const Network net = io::parse_text_network(testing::kGaugeNet);
  Scenario s = testing::gauge_scenario("end", 4, 35, ReadyPattern::uniform);
  s.rail = ServicePolicy{ServicePolicy::Kind::when_full, 168, 0, 100, 100, 1e5, 0};
  s.drain_days = 0;
  const CorridorModel m(net, s);
  std::vector<BoxRecord> recs;
  const ReplicationResult r = m.run(0, &recs);
  double left = 0, left_measured = 0;
  for (const BoxRecord& b : recs) {
    if (b.delivered_h >= 0) continue;
    left += 1;
    if (b.ready_h >= s.warmup_days * 24) left_measured += 1;
  }
  ASSERT_GT(left, 0.0);
  EXPECT_EQ(r.in_system_at_end, left);
  EXPECT_EQ(r.flows[0].in_system_at_end, left_measured);
  EXPECT_EQ(r.flows[0].undelivered, left_measured);
  double waiting = 0;
  for (const ServiceKpi& k : r.services) waiting += k.waiting_at_end;
  EXPECT_GT(waiting, 0.0);
  EXPECT_LE(waiting, left);
  const Summary sum = summarise(m, std::vector<ReplicationResult>{r, r});
  bool row = false;
  for (const SummaryRow& x : sum.rows) row = row || (x.group == "total" && x.metric == "in_system_at_end" && x.estimate.mean == left);
  EXPECT_TRUE(row);
  EXPECT_NE(summary_json(m, sum).find("\"in_system_at_end\""), std::string::npos);
}

}  // namespace
}  // namespace landbridge::corridor
