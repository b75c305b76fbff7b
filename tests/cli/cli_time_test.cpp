// Local times and arrive-by queries of `landbridge route`, run as a user runs the binary, on
// the built-in reference network (data/eurasia: Hakata JPHKT is Asia/Tokyo, +09:00 all year;
// Duisburg DEDUI is Europe/Berlin, +01:00 in winter and +02:00 in summer).
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "../support/scratch.h"
#include "cli_run.h"
#include "landbridge/timetable/time.h"

namespace landbridge {
namespace {

using nlohmann::json;

using testing_support::CliRun;
using testing_support::run;


json run_json(const std::string& args) {
  const CliRun r = run(args + " --json");
  EXPECT_EQ(r.code, 0) << args << "\n" << r.err;
  return r.code == 0 ? json::parse(r.out) : json::object();
}

Instant instant(const json& v) {
  const auto t = timetable::parse_iso8601(v.get<std::string>());
  EXPECT_TRUE(t.has_value()) << v;
  return t.value_or(Instant(0));
}

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// Every step's local times are the same instants as its UTC times, in the zone of its node.
void expect_local_steps_match_utc(const json& j) {
  for (const auto& it : j["itineraries"])
    for (const auto& s : it["steps"]) {
      ASSERT_TRUE(s.contains("depart_local") && s.contains("arrive_local")) << s.dump();
      EXPECT_EQ(instant(s["depart_local"]), instant(s["depart"])) << s.dump();
      EXPECT_EQ(instant(s["arrive_local"]), instant(s["arrive"])) << s.dump();
      if (s["from"] == "JPHKT") {
        EXPECT_EQ(s["depart_zone"], "Asia/Tokyo");
      }
      if (s["to"] == "DEDUI") {
        EXPECT_EQ(s["arrive_zone"], "Europe/Berlin");
      }
    }
}

TEST(CliTime, PlainDepartIsLocalTimeAtTheOrigin) {
  // 08:00 in Hakata (+09:00) is 23:00 UTC the day before.
  const json j = run_json("route JPHKT DEDUI --depart 2026-12-01T08:00");
  EXPECT_EQ(j["depart"], "2026-11-30T23:00Z");
  EXPECT_EQ(j["depart_local"], "2026-12-01T08:00+09:00");
  EXPECT_EQ(j["from_zone"], "Asia/Tokyo");
  EXPECT_EQ(j["to_zone"], "Europe/Berlin");
  ASSERT_FALSE(j["itineraries"].empty());
  const json& it = j["itineraries"][0];
  EXPECT_EQ(it["ready_local"], "2026-12-01T08:00+09:00");
  // The itinerary's first step starts at its departure (the latest ready instant that still
  // makes it), which is shown in Hakata's time too.
  const json& first = it["steps"][0];
  EXPECT_EQ(first["depart_local"], it["depart_local"]);
  EXPECT_TRUE(ends_with(first["depart_local"].get<std::string>(), "+09:00"));
  EXPECT_GE(instant(it["depart"]), instant(j["depart"]));
  expect_local_steps_match_utc(j);
  // In December Duisburg is on CET.
  const std::string arrive = j["itineraries"][0]["arrive_local"];
  EXPECT_TRUE(ends_with(arrive, "+01:00")) << arrive;
  EXPECT_EQ(instant(j["itineraries"][0]["arrive_local"]), instant(j["itineraries"][0]["arrive"]));

  // With an explicit zone the instant is taken as given.
  EXPECT_EQ(run_json("route JPHKT DEDUI --depart 2026-11-30T23:00Z")["depart"], "2026-11-30T23:00Z");
  EXPECT_EQ(run_json("route JPHKT DEDUI --depart 2026-12-01T08:00+09:00")["depart"], "2026-11-30T23:00Z");
}

TEST(CliTime, DuisburgIsCestInSummer) {
  const json j = run_json("route JPHKT DEDUI --depart 2026-06-01T08:00");
  ASSERT_FALSE(j["itineraries"].empty());
  const json& last = j["itineraries"][0]["steps"].back();
  EXPECT_EQ(last["arrive_zone"], "Europe/Berlin");
  const std::string arrive = last["arrive_local"];
  EXPECT_TRUE(ends_with(arrive, "+02:00")) << arrive;
  expect_local_steps_match_utc(j);
}

TEST(CliTime, TableIsLocalByDefaultAndUtcOnRequest) {
  const CliRun local = run("route JPHKT DEDUI --depart 2026-12-01T08:00");
  ASSERT_EQ(local.code, 0) << local.err;
  EXPECT_NE(local.out.find("departure (local)"), std::string::npos) << local.out;
  EXPECT_NE(local.out.find("2026-12-01T08:00+09:00"), std::string::npos) << local.out;
  EXPECT_NE(local.out.find("+01:00"), std::string::npos) << local.out;
  const CliRun utc = run("route JPHKT DEDUI --depart 2026-12-01T08:00 --utc");
  ASSERT_EQ(utc.code, 0) << utc.err;
  EXPECT_NE(utc.out.find("departure (UTC)"), std::string::npos) << utc.out;
  EXPECT_NE(utc.out.find("2026-11-30T23:00Z"), std::string::npos) << utc.out;
  EXPECT_EQ(utc.out.find("+09:00"), std::string::npos) << utc.out;
}

TEST(CliTime, ArriveByGivesTheLatestDepartureThatMakesIt) {
  // The deadline is local time at the destination: 00:00 in Duisburg (CET) is 23:00 UTC.
  const json j = run_json("route JPHKT DEDUI --arrive-by 2026-12-30T00:00");
  EXPECT_EQ(j["deadline"], "2026-12-29T23:00Z");
  EXPECT_EQ(j["deadline_local"], "2026-12-30T00:00+01:00");
  EXPECT_EQ(j["objective"], "latest_departure");
  ASSERT_EQ(j["itineraries"].size(), 1u);
  const json& it = j["itineraries"][0];
  const Instant deadline = instant(j["deadline"]);
  const Instant depart = instant(it["depart"]);
  EXPECT_LE(instant(it["arrive"]), deadline);
  expect_local_steps_match_utc(j);
  // Cross-check with depart-after queries: ready at that departure the box arrives in time,
  // a minute later it does not (arrival only grows with the ready instant).
  const json in_time = run_json("route JPHKT DEDUI --depart " + timetable::format_iso8601(depart));
  ASSERT_FALSE(in_time["itineraries"].empty());
  EXPECT_LE(instant(in_time["itineraries"][0]["arrive"]), deadline);
  const CliRun late = run("route JPHKT DEDUI --json --depart " + timetable::format_iso8601(depart + Minutes(1)));
  if (late.code == 0) {
    const json l = json::parse(late.out);
    ASSERT_FALSE(l["itineraries"].empty());
    EXPECT_GT(instant(l["itineraries"][0]["arrive"]), deadline);
  } else {
    EXPECT_EQ(late.code, 3) << late.err;  // no journey at all from then
  }
}

TEST(CliTime, ArriveByParetoTradesDepartureAgainstCostAndCo2) {
  const json j = run_json("route JPHKT DEDUI --arrive-by 2026-12-30T00:00 --pareto");
  EXPECT_EQ(j["objective"], "pareto");
  const auto& its = j["itineraries"];
  ASSERT_GE(its.size(), 2u);
  const Instant deadline = instant(j["deadline"]);
  for (std::size_t a = 0; a < its.size(); ++a) {
    EXPECT_LE(instant(its[a]["arrive"]), deadline);
    if (a > 0) {
      EXPECT_GE(instant(its[a - 1]["depart"]), instant(its[a]["depart"]));  // latest first
    }
    for (std::size_t b = 0; b < its.size(); ++b) {
      if (a == b) continue;
      const bool no_worse = instant(its[b]["depart"]) >= instant(its[a]["depart"]) &&
                            its[b]["total"]["cost_usd"] <= its[a]["total"]["cost_usd"] &&
                            its[b]["total"]["co2e_kg"] <= its[a]["total"]["co2e_kg"] &&
                            its[b]["trips"] <= its[a]["trips"];
      const bool equal = its[b]["depart"] == its[a]["depart"] && its[b]["total"]["cost_usd"] == its[a]["total"]["cost_usd"] &&
                         its[b]["total"]["co2e_kg"] == its[a]["total"]["co2e_kg"] && its[b]["trips"] == its[a]["trips"];
      EXPECT_FALSE(no_worse && !equal) << "#" << b + 1 << " dominates #" << a + 1;
    }
  }
  // The cheapest journey that makes the deadline leaves earlier than the latest departure.
  EXPECT_LT(instant(its[its.size() - 1]["depart"]), instant(its[0]["depart"]));
}

TEST(CliTime, UsageErrors) {
  CliRun both = run("route JPHKT DEDUI --depart 2026-12-01 --arrive-by 2026-12-30");
  EXPECT_EQ(both.code, 2);
  EXPECT_NE(both.err.find("--depart and --arrive-by exclude each other"), std::string::npos) << both.err;
  EXPECT_EQ(run("route JPHKT DEDUI --utc").code, 2);
  CliRun bad = run("route JPHKT DEDUI --arrive-by 2026-12-32");
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find("--arrive-by"), std::string::npos) << bad.err;
  // 29 March 2026, 02:30 does not exist in Duisburg (clocks go from 02:00 to 03:00).
  CliRun gap = run("route DEDUI JPHKT --depart 2026-03-29T02:30");
  EXPECT_EQ(gap.code, 2);
  EXPECT_NE(gap.err.find("does not exist in Europe/Berlin"), std::string::npos) << gap.err;
}

// A copy of the test package mini-services with the zone of Almaty (KZALA, nodes.csv line 6)
// emptied or replaced, written into this test's scratch folder.
std::filesystem::path package_with_zone(const std::string& zone) {
  const auto src = std::filesystem::path(LANDBRIDGE_TEST_DATA_DIR) / "packages" / "mini-services";
  const auto dst = testing_support::scratch_dir() / "pkg";
  std::filesystem::remove_all(dst);
  std::filesystem::copy(src, dst, std::filesystem::copy_options::recursive);
  std::ifstream in(dst / "nodes.csv");
  std::string text((std::istreambuf_iterator<char>(in)), {});
  in.close();
  const std::string from = "KZALA,Almaty,KZ,rail_terminal,43.250,76.950,Asia/Almaty,";
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos);
  if (at != std::string::npos)
    text.replace(at, from.size(), "KZALA,Almaty,KZ,rail_terminal,43.250,76.950," + zone + ",");
  std::ofstream(dst / "nodes.csv") << text;
  return dst;
}

TEST(CliTime, NodeWithoutZoneIsShownInUtcAndSaysSo) {
  const auto pkg = package_with_zone("");
  const json j = run_json("route JPHKT KZALA --network " + pkg.string() + " --depart 2026-12-01T08:00");
  EXPECT_TRUE(j["to_zone"].is_null());
  ASSERT_FALSE(j["itineraries"].empty());
  const json& last = j["itineraries"][0]["steps"].back();
  EXPECT_TRUE(last["arrive_zone"].is_null());
  EXPECT_EQ(last["arrive_local"], last["arrive"]);
  const CliRun table = run("route JPHKT KZALA --network " + pkg.string() + " --depart 2026-12-01T08:00");
  ASSERT_EQ(table.code, 0) << table.err;
  EXPECT_NE(table.out.find("no time zone known for KZALA (shown in UTC, Z)"), std::string::npos) << table.out;
}

TEST(CliTime, UnknownZoneInThePackageIsAValidationError) {
  const auto pkg = package_with_zone("Asia/Almaty_Old_Town");
  const CliRun r = run("validate " + pkg.string());
  EXPECT_EQ(r.code, 1);
  EXPECT_NE((r.out + r.err).find("nodes.csv:6: field 'timezone': got 'Asia/Almaty_Old_Town'"), std::string::npos)
      << r.out << r.err;
}

}  // namespace
}  // namespace landbridge
