// The replication runner's hooks for a job service: progress, and a stop token that ends the
// running replications within a simulated day and starts no more, without changing results.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <stop_token>

#include "landbridge/corridor/model.h"
#include "landbridge/io/package.h"

namespace landbridge::corridor {
namespace {

const Network& eurasia() {
  static const io::LoadedPackage pkg = io::load_package(io::default_package_dir());
  return pkg.network;
}

std::string read(const std::string& name) {
  std::ifstream in(std::string(LANDBRIDGE_SOURCE_DIR) + "/examples/scenarios/" + name);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The example scenario, read from text with its demand given as text.
Scenario example() {
  return parse_scenario(read("hakata-busan-europe.toml"), "example.toml", read("hakata-busan-europe.csv"));
}

TEST(CorridorCancel, DemandAsTextReadsAsTheFile) {
  const Scenario a = example();
  const Scenario b = load_scenario(std::string(LANDBRIDGE_SOURCE_DIR) + "/examples/scenarios/hakata-busan-europe.toml");
  ASSERT_EQ(a.flows.size(), b.flows.size());
  for (std::size_t i = 0; i < a.flows.size(); ++i) {
    EXPECT_EQ(a.flows[i].origin, b.flows[i].origin);
    EXPECT_EQ(a.flows[i].teu_per_week, b.flows[i].teu_per_week);
    EXPECT_EQ(a.flows[i].line, b.flows[i].line);
  }
  EXPECT_EQ(a.demand_file, "hakata-busan-europe.csv");  // the name messages use
  try {
    (void)parse_scenario(read("hakata-busan-europe.toml"), "example.toml",
                         "origin,destination,teu_per_week,unit,pattern\nJPHKT,DEDUI,10,BOX,poisson\n");
    FAIL() << "a bad unit was accepted";
  } catch (const ScenarioError& e) {
    EXPECT_NE(std::string(e.what()).find("hakata-busan-europe.csv:2: field 'unit'"), std::string::npos) << e.what();
  }
}

TEST(CorridorCancel, WatchingATokenChangesNoResult) {
  const CorridorModel m(eurasia(), example());
  std::stop_source never;
  std::size_t calls = 0;
  const auto watched = run_replications(m, 3, 2, [&](std::size_t, std::size_t) { ++calls; }, never.get_token());
  const auto plain = run_replications(m, 3, 1);
  EXPECT_EQ(calls, 3U);
  EXPECT_EQ(summary_json(m, summarise(m, watched)), summary_json(m, summarise(m, plain)));
}

TEST(CorridorCancel, AStopEndsTheRunningReplicationAndStartsNoMore) {
  Scenario sc = example();
  sc.replications = 200;
  const CorridorModel m(eurasia(), sc);
  std::stop_source stop;
  std::size_t done = 0;
  const auto t0 = std::chrono::steady_clock::now();
  // Stop once the first replication has finished: the second is then under way on one thread.
  auto progress = [&](std::size_t d, std::size_t) {
    done = d;
    if (d == 1) stop.request_stop();
  };
  EXPECT_THROW((void)run_replications(m, 200, 1, progress, stop.get_token()), sim::Cancelled);
  EXPECT_EQ(done, 1U);
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(20));
  // Within one replication: a token already stopped ends it at the first simulated day.
  EXPECT_THROW((void)m.run(0, nullptr, stop.get_token()), sim::Cancelled);
}

}  // namespace
}  // namespace landbridge::corridor
