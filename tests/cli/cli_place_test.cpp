// Door-to-door from UN/LOCODE places on the command line (docs/door-to-door.md).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "cli_run.h"

namespace landbridge {
namespace {

using testing_support::CliRun;
using testing_support::run;

TEST(CliPlace, PlaceCodeRoutesDoorToDoorWithARoadLeg) {
  CliRun r = run("route TRIST DEDUI --pareto --json");
  ASSERT_EQ(r.code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["from"], "TRIST");
  EXPECT_EQ(j["from_name"], "Istanbul");
  ASSERT_FALSE(j["itineraries"].empty());
  for (const auto& it : j["itineraries"]) {
    EXPECT_EQ(it["steps"][0]["mode"], "road");
    EXPECT_EQ(it["steps"][0]["from"], "TRIST");
  }
}

TEST(CliPlace, TableNamesThePlace) {
  CliRun r = run("route Taraz DEDUI");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("KZTAR Taraz"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("road"), std::string::npos) << r.out;
}

TEST(CliPlace, TimetabledDoorToDoor) {
  CliRun r = run("route PLKRK JPHKT --depart 2026-12-01 --json");
  ASSERT_EQ(r.code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["from"], "PLKRK");
  EXPECT_EQ(j["itineraries"][0]["steps"][0]["mode"], "road");
}

TEST(CliPlace, MisspelledPlaceExitsTwoSuggestingTheCity) {
  CliRun r = run("route Istambul DEDUI");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("TRIST Istanbul"), std::string::npos) << r.err;
}

TEST(CliPlace, UnknownCodeExitsTwo) {
  CliRun r = run("route XXQQQ DEDUI");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("unknown location 'XXQQQ'"), std::string::npos) << r.err;
}

TEST(CliPlace, PlaceOutOfRoadReachExitsThree) {
  // Reykjavik: no node of Iceland, and no land link to any other country.
  CliRun r = run("route ISREY DEDUI");
  EXPECT_EQ(r.code, 3);
  EXPECT_NE(r.err.find("ISREY"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("within 1000 km"), std::string::npos) << r.err;
}

TEST(CliPlace, ChartFromAPlace) {
  CliRun r = run("chart KZTAR DEDUI --json");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("KZTAR"), std::string::npos);
}

}  // namespace
}  // namespace landbridge
