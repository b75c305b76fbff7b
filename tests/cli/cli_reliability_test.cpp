// `landbridge route --reliability N`: the P50/P90/P95 columns and JSON keys on the reference
// package and its default background (few replications: the figures are checked for shape and
// order, corridor/reliability_test.cpp checks them against known distributions).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <string>

#include "cli_run.h"

namespace {

using landbridge::testing_support::run;

int count_matches(const std::string& text, const std::regex& re) {
  return static_cast<int>(std::distance(std::sregex_iterator(text.begin(), text.end(), re), std::sregex_iterator()));
}

TEST(CliReliability, TimetabledParetoTableHasPercentilesPerItinerary) {
  const auto r = run("route JPHKT DEDUI --depart 2026-12-01 --pareto --reliability 3 --arrive-by-prob 2026-12-28");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("reliability: 3 replications on background reference-background (seed 42)"), std::string::npos)
      << r.out;
  const std::regex header(R"(\n  #   P50 +P90 +P95 +P\(by 2026-12-28\) +boxes +undelivered\n)");
  ASSERT_TRUE(std::regex_search(r.out, header)) << r.out;
  // One row per itinerary of the table ("#1 ...", "#2 ..."): three durations, a probability,
  // the boxes measured.
  const int itineraries = count_matches(r.out, std::regex(R"(\n#\d+ )"));
  ASSERT_GT(itineraries, 1);
  const std::regex row(R"(\n  \d+ +\d+d[\dhm]* +\d+d[\dhm]* +\d+d[\dhm]* +[01]\.\d{3} +[\d,]+ +\d+)");
  EXPECT_EQ(count_matches(r.out, row), itineraries) << r.out;
}

TEST(CliReliability, JsonCarriesOrderedPercentilesAndTheProbability) {
  const auto r = run("route JPHKT DEDUI --depart 2026-12-01 --pareto --reliability 3 --arrive-by-prob 2026-12-28 --json");
  ASSERT_EQ(r.code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["reliability"]["replications"], 3);
  EXPECT_EQ(j["reliability"]["background"], "reference-background");
  EXPECT_EQ(j["reliability"]["arrive_by"], "2026-12-28");
  ASSERT_GT(j["itineraries"].size(), 1U);
  for (const auto& it : j["itineraries"]) {
    const auto& x = it["reliability"];
    ASSERT_TRUE(x.is_object()) << it["rank"];
    EXPECT_GT(x["samples"].get<int>(), 0);
    const double p5 = x["p5_days"], p50 = x["p50_days"], p90 = x["p90_days"], p95 = x["p95_days"];
    EXPECT_LE(p5, p50);
    EXPECT_LE(p50, p90);
    EXPECT_LE(p90, p95);
    EXPECT_GT(p5, 5.0) << "Hakata to Duisburg takes weeks";
    const double p = x["p_arrive_by"];
    EXPECT_GE(p, 0.0);
    EXPECT_LE(p, 1.0);
  }
}

TEST(CliReliability, StaticRoutesGetPercentilesToo) {
  const auto r = run("route JPHKT DEDUI --alternatives 2 --reliability 2 --json");
  ASSERT_EQ(r.code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["itineraries"].size(), 2U);
  for (const auto& it : j["itineraries"]) {
    EXPECT_LE(it["reliability"]["p50_days"].get<double>(), it["reliability"]["p95_days"].get<double>());
    EXPECT_TRUE(it["reliability"]["p_arrive_by"].is_null());
  }
}

TEST(CliReliability, ChartDrawsABandPerSeries) {
  const auto r = run("chart JPHKT DEDUI --depart 2026-12-01 --reliability 2 --json");
  ASSERT_EQ(r.code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_GT(j["series"].size(), 1U);
  for (const auto& s : j["series"]) {
    ASSERT_TRUE(s.contains("band")) << s["label"];
    EXPECT_LE(s["band"]["p5_days"].get<double>(), s["band"]["p50_days"].get<double>());
    EXPECT_LE(s["band"]["p50_days"].get<double>(), s["band"]["p95_days"].get<double>());
  }
  const auto svg = run("chart JPHKT DEDUI --depart 2026-12-01 --reliability 2");
  ASSERT_EQ(svg.code, 0) << svg.err;
  EXPECT_EQ(count_matches(svg.out, std::regex("class=\"band\"")), static_cast<int>(j["series"].size()));
  EXPECT_NE(svg.out.find("simulated P5"), std::string::npos);
}

TEST(CliReliability, MisusedOptionsExitTwo) {
  auto r = run("route JPHKT DEDUI --reliability 2 --arrive-by-prob 2026-12-28");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("--arrive-by-prob needs --depart"), std::string::npos) << r.err;
  r = run("route JPHKT DEDUI --background x.toml");
  EXPECT_EQ(r.code, 2) << r.err;
  r = run("route JPHKT DEDUI --reliability 0");
  EXPECT_EQ(r.code, 2) << r.err;
  r = run("route JPHKT DEDUI --depart 2026-12-01 --reliability 2 --arrive-by-prob 2026-13-45");
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_NE(r.err.find("--arrive-by-prob 2026-13-45"), std::string::npos) << r.err;
  // A network of one's own has no default background.
  r = run(std::string("route JPHKT DEDUI --reliability 2 --network ") + LANDBRIDGE_SOURCE_DIR +
          "/examples/text-network/toy-corridor.txt");
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_NE(r.err.find("--background"), std::string::npos) << r.err;
}

}  // namespace
