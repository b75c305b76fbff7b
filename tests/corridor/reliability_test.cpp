// Itinerary reliability (corridor/reliability.h) on small text networks whose door-to-door
// distribution is known: a fixed-headway feeder gives a uniform wait for the next sailing.
#include <gtest/gtest.h>

#include "landbridge/corridor/reliability.h"
#include "landbridge/io/text_network.h"

namespace landbridge::corridor {
namespace {

// A feeder JPAAA -> KRBBB of 10 h, no node operations; a second way round via CNCCC (2 x 30 h).
constexpr const char* kFeederNet = R"(
node JPAAA Origin port
node KRBBB Destination port
node CNCCC Detour port
link ab JPAAA KRBBB feeder 500km 10h 100usd
link ac JPAAA CNCCC feeder 900km 30h 100usd
link cb CNCCC KRBBB feeder 900km 30h 100usd
)";

// Sailings every `headway_h` from time 0 with room for `capacity_teu`; `load_teu_per_week` of
// other boxes (Poisson) on the direct feeder.
Scenario feeder_background(double headway_h, double capacity_teu, double load_teu_per_week) {
  Scenario s;
  s.name = "feeder";
  s.horizon_days = 70;
  s.warmup_days = 14;
  s.drain_days = 30;
  s.seed = 7;
  s.sea = ServicePolicy{ServicePolicy::Kind::schedule, headway_h, 0, capacity_teu, 0, 168, 0};
  if (load_teu_per_week > 0)
    s.flows.push_back({.origin = "JPAAA", .destination = "KRBBB", .teu_per_week = load_teu_per_week,
                       .teu_per_box = 1, .pattern = ReadyPattern::poisson});
  return s;
}

ReliabilityRequest direct_probe(std::size_t replications, double boxes_per_week) {
  ReliabilityRequest req;
  req.probes.push_back({.path = {"JPAAA", "KRBBB"}, .allowed = hours(22), .label = ""});
  req.replications = replications;
  req.probe_boxes_per_week = boxes_per_week;
  req.threads = 2;
  return req;
}

double h(const std::optional<Minutes>& m) {
  EXPECT_TRUE(m.has_value());
  return m ? to_hours(*m) : -1;
}

// A box ready at a random moment waits U(0, 24 h) for the next daily sailing, then sails 10 h:
// door-to-door is uniform on [10, 34] h, so its p-quantile is 10 + 24 p.
TEST(Reliability, FixedHeadwayGivesAUniformWait) {
  const Network net = io::parse_text_network(kFeederNet);
  const ReliabilityResult r = itinerary_reliability(net, {}, feeder_background(24, 1e9, 0), direct_probe(20, 20));
  ASSERT_EQ(r.itineraries.size(), 1U);
  const ItineraryReliability& x = r.itineraries[0];
  EXPECT_GT(x.samples, 3000U);  // 20 replications x 8 measured weeks x 20 boxes, about 3,200
  EXPECT_EQ(x.undelivered, 0U);
  // Nearest-rank quantiles of ~3,200 uniform draws: standard error about 0.2 h.
  EXPECT_NEAR(h(x.p5), 10 + 24 * 0.05, 1.0);
  EXPECT_NEAR(h(x.p50), 10 + 24 * 0.50, 1.0);
  EXPECT_NEAR(h(x.p90), 10 + 24 * 0.90, 1.0);
  EXPECT_NEAR(h(x.p95), 10 + 24 * 0.95, 1.0);
  EXPECT_NEAR(to_hours(x.mean), 22, 0.6);
  ASSERT_TRUE(x.p_on_time.has_value());
  EXPECT_NEAR(*x.p_on_time, 0.5, 0.04);  // within 22 h: half of the waits are under 12 h
  EXPECT_GE(h(x.p5), 10.0);
  EXPECT_LE(h(x.p95), 34.0 + 1e-6);
}

TEST(Reliability, PercentilesAreOrderedAndTheSameSeedGivesTheSameAnswer) {
  const Network net = io::parse_text_network(kFeederNet);
  const Scenario bg = feeder_background(48, 20, 40);
  ReliabilityRequest req = direct_probe(8, 5);
  const ReliabilityResult a = itinerary_reliability(net, {}, bg, req);
  req.threads = 1;  // the thread count does not matter
  const ReliabilityResult b = itinerary_reliability(net, {}, bg, req);
  const ItineraryReliability& x = a.itineraries[0];
  EXPECT_LE(h(x.p5), h(x.p50));
  EXPECT_LE(h(x.p50), h(x.p90));
  EXPECT_LE(h(x.p90), h(x.p95));
  EXPECT_EQ(a.seed, 7U);
  EXPECT_EQ(x.samples, b.itineraries[0].samples);
  EXPECT_EQ(x.p50, b.itineraries[0].p50);
  EXPECT_EQ(x.p95, b.itineraries[0].p95);
  EXPECT_EQ(x.mean, b.itineraries[0].mean);
  req.seed = 8;  // another seed draws other boxes
  const ReliabilityResult c = itinerary_reliability(net, {}, bg, req);
  EXPECT_EQ(c.seed, 8U);
  EXPECT_NE(x.mean, c.itineraries[0].mean);
}

// Daily sailings of 10 TEU: 50 TEU a week of other boxes fill 71 % of them, 68 TEU 97 %; the
// probe's boxes queue behind them and wait for later sailings more often.
TEST(Reliability, AHeavierBackgroundMakesTheTailLater) {
  const Network net = io::parse_text_network(kFeederNet);
  const ReliabilityRequest req = direct_probe(10, 2);
  const ReliabilityResult light = itinerary_reliability(net, {}, feeder_background(24, 10, 50), req);
  const ReliabilityResult heavy = itinerary_reliability(net, {}, feeder_background(24, 10, 68), req);
  EXPECT_GT(h(heavy.itineraries[0].p95), h(light.itineraries[0].p95) + 12);
  EXPECT_GT(to_hours(heavy.itineraries[0].mean), to_hours(light.itineraries[0].mean));
  EXPECT_LT(*heavy.itineraries[0].p_on_time, *light.itineraries[0].p_on_time);
}

// Each probe keeps to its own node sequence: the detour via CNCCC sails twice (two daily waits
// and 60 h at sea), the direct feeder once.
TEST(Reliability, EachProbeFollowsItsPath) {
  const Network net = io::parse_text_network(kFeederNet);
  ReliabilityRequest req = direct_probe(6, 10);
  req.probes.push_back({.path = {"JPAAA", "CNCCC", "KRBBB"}, .allowed = std::nullopt, .label = "detour"});
  const ReliabilityResult r = itinerary_reliability(net, {}, feeder_background(24, 1e9, 0), req);
  ASSERT_EQ(r.itineraries.size(), 2U);
  EXPECT_EQ(r.itineraries[1].path, (std::vector<std::string>{"JPAAA", "CNCCC", "KRBBB"}));
  EXPECT_FALSE(r.itineraries[1].p_on_time.has_value());
  // Direct: 10..34 h. Detour: 60 h at sea plus the first wait (0..24 h) plus a whole number of
  // days minus 30 h at CNCCC (sailings at 24 h multiples): between 60 and 108 h.
  EXPECT_LE(h(r.itineraries[0].p95), 34.0 + 1e-6);
  EXPECT_GE(h(r.itineraries[1].p5), 60.0 - 1e-6);
  EXPECT_LE(h(r.itineraries[1].p95), 108.0 + 1e-6);
}

TEST(Reliability, BadRequestsNameTheField) {
  const Network net = io::parse_text_network(kFeederNet);
  const Scenario bg = feeder_background(24, 1e9, 0);
  ReliabilityRequest req = direct_probe(5, 1);
  req.probes[0].path = {"JPAAA", "XXNOPE"};
  try {
    (void)itinerary_reliability(net, {}, bg, req);
    FAIL() << "expected ScenarioError";
  } catch (const ScenarioError& e) {
    EXPECT_NE(std::string(e.what()).find("probes[0].path"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("XXNOPE"), std::string::npos) << e.what();
  }
  req = direct_probe(0, 1);
  EXPECT_THROW((void)itinerary_reliability(net, {}, bg, req), ScenarioError);
  req = direct_probe(5, 1);
  req.probes.clear();
  EXPECT_THROW((void)itinerary_reliability(net, {}, bg, req), ScenarioError);
}

TEST(Reliability, TheDefaultBackgroundLoads) {
  const Scenario s = load_scenario(default_background_file());
  EXPECT_EQ(s.name, "reference-background");
  EXPECT_FALSE(s.flows.empty());
}

}  // namespace
}  // namespace landbridge::corridor
