// The command line as a user runs it: exit codes, JSON shape, and the acceptance
// queries on the built-in reference network (data/eurasia).
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "../support/scratch.h"
#include "cli_run.h"
#include "landbridge/io/package.h"
#include "landbridge/sea/maritime_graph.h"

namespace landbridge {
namespace {

using testing_support::CliRun;
using testing_support::run;

// "route JPHKT DEDUI --depart 2026-12-DD --pareto --json" for a day of December 2026.
std::string fmt_day(int day) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "route JPHKT DEDUI --depart 2026-12-%02d --pareto --json", day);
  return buf;
}


bool uses(const nlohmann::json& it, const std::string& code) {
  for (const auto& v : it["via"])
    if (v == code) return true;
  return false;
}
bool sails_through(const nlohmann::json& it, const std::string& passage) {
  for (const auto& p : it["passages"])
    if (p == passage) return true;
  return false;
}
// All-sea: every leg before the last node is maritime except the final inland hop from the
// European port (rail or barge to Duisburg).
bool is_all_sea(const nlohmann::json& it) {
  bool rail_before_europe = false;
  for (const auto& s : it["steps"]) {
    if (s["kind"] != "leg") continue;
    const std::string mode = s["mode"];
    const std::string from = s["from"];
    if ((mode == "rail" || mode == "road") && from.rfind("NL", 0) != 0 && from.rfind("DE", 0) != 0 &&
        from.rfind("BE", 0) != 0)
      rail_before_europe = true;
  }
  return !rail_before_europe && it["passages"].size() > 0;
}

TEST(Cli, ParetoHakataDuisburgHasSeaAndSeaRailOptions) {
  CliRun r = run("route JPHKT DEDUI --pareto --json");
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["from"], "JPHKT");
  EXPECT_EQ(j["to"], "DEDUI");
  const auto& its = j["itineraries"];
  ASSERT_GE(its.size(), 3u);
  // Pairwise non-dominated in (hours, cost, CO2e).
  for (const auto& a : its)
    for (const auto& b : its) {
      if (&a == &b) continue;
      const auto& ta = a["total"];
      const auto& tb = b["total"];
      const bool dom = ta["hours"] <= tb["hours"] && ta["cost_usd"] <= tb["cost_usd"] &&
                       ta["co2e_kg"] <= tb["co2e_kg"] && ta != tb;
      EXPECT_FALSE(dom) << a["label"] << " dominates " << b["label"];
    }
  bool all_sea = false, via_lyg = false;
  for (const auto& it : its) {
    all_sea |= is_all_sea(it) && sails_through(it, "suez");
    via_lyg |= uses(it, "CNLYG") && (uses(it, "KZHOR") || uses(it, "KZDOS"));
    for (const char* key : {"via", "steps", "total"}) EXPECT_TRUE(it.contains(key)) << key;
    for (const auto& s : it["steps"])
      for (const char* key : {"kind", "from", "to", "at", "mode", "distance_km", "hours", "cost_usd", "co2e_kg"})
        EXPECT_TRUE(s.contains(key)) << key << " in " << s.dump();
    for (const char* key : {"distance_km", "hours", "cost_usd", "co2e_kg"}) EXPECT_TRUE(it["total"].contains(key));
  }
  EXPECT_TRUE(all_sea) << "no all-sea itinerary via Suez in the Pareto set";
  EXPECT_TRUE(via_lyg) << "no sea-rail itinerary via Lianyungang and Khorgos/Dostyk";
}

// Closing Suez sends the all-sea option round the Cape; its sea leg grows by exactly the
// marnet difference between the two routes of that leg.
TEST(Cli, AvoidSuezMovesAllSeaRoundTheCape) {
  CliRun open = run("route JPHKT DEDUI --pareto --json");
  CliRun closed = run("route JPHKT DEDUI --pareto --json --avoid suez");
  ASSERT_EQ(open.code, 0) << open.err;
  ASSERT_EQ(closed.code, 0) << closed.err;
  auto jo = nlohmann::json::parse(open.out);
  auto jc = nlohmann::json::parse(closed.out);
  auto find_all_sea = [](const nlohmann::json& j, const char* passage) -> nlohmann::json {
    for (const auto& it : j["itineraries"])
      if (is_all_sea(it) && sails_through(it, passage)) return it;
    return nullptr;
  };
  auto via_suez = find_all_sea(jo, "suez");
  auto via_cape = find_all_sea(jc, "south_africa");
  ASSERT_FALSE(via_suez.is_null());
  ASSERT_FALSE(via_cape.is_null()) << "no all-sea itinerary round the Cape with Suez closed";
  for (const auto& it : jc["itineraries"]) EXPECT_FALSE(sails_through(it, "suez")) << it["label"];

  // The same deep-sea link, re-routed: compare it with the maritime graph's own answer.
  auto deep_sea_leg = [](const nlohmann::json& it) {
    for (const auto& s : it["steps"])
      if (s["kind"] == "leg" && s["mode"] == "deep_sea") return s;
    return nlohmann::json();
  };
  auto leg_open = deep_sea_leg(via_suez);
  auto leg_closed = deep_sea_leg(via_cape);
  ASSERT_FALSE(leg_open.is_null());
  ASSERT_EQ(leg_open["link"], leg_closed["link"]);
  const double growth = leg_closed["distance_km"].get<double>() - leg_open["distance_km"].get<double>();

  io::LoadedPackage pkg = io::load_package(io::default_package_dir());
  const LinkId link = *pkg.network.find_link(leg_open["link"].get<std::string>());
  ASSERT_TRUE(pkg.sea_from_port[link].valid());
  sea::SeaRouter router(*pkg.marnet);
  const PassageSet base = pkg.network.link_passages(link) & ~passage_bit(Passage::suez);
  const PassageSet avoid_default = passage_bit(Passage::northwest) | passage_bit(Passage::panama);
  auto open_path = router.route(pkg.sea_from_port[link], pkg.sea_to_port[link], avoid_default);
  auto cape_path = router.route(pkg.sea_from_port[link], pkg.sea_to_port[link],
                                avoid_default | passage_bit(Passage::suez));
  ASSERT_TRUE(open_path && cape_path);
  EXPECT_TRUE(cape_path->passages & passage_bit(Passage::south_africa));
  (void)base;
  EXPECT_NEAR(growth, cape_path->distance.value() - open_path->distance.value(), 0.2);
  EXPECT_GT(growth, 5000.0);
  EXPECT_GT(via_cape["total"]["hours"].get<double>(), via_suez["total"]["hours"].get<double>());
}

TEST(Cli, UnknownLocationExitsTwoWithSuggestion) {
  CliRun r = run("route JPHKT Duisbrg");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("Duisbrg"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("DEDUI"), std::string::npos) << r.err;
}

TEST(Cli, NoRouteExitsThreeWithReason) {
  // Hakata is on an island: without any maritime mode nothing leaves it.
  CliRun r = run("route JPHKT DEDUI --avoid sea");
  EXPECT_EQ(r.code, 3);
  EXPECT_NE(r.err.find("constraints"), std::string::npos) << r.err;
}

TEST(Cli, NamesWorkLikeCodes) {
  CliRun by_name = run("route Hakata Duisburg --json");
  CliRun by_code = run("route JPHKT DEDUI --json");
  ASSERT_EQ(by_name.code, 0) << by_name.err;
  EXPECT_EQ(nlohmann::json::parse(by_name.out)["itineraries"], nlohmann::json::parse(by_code.out)["itineraries"]);
}

TEST(Cli, ValidateReportsFileAndLineAndExitsOne) {
  namespace fs = std::filesystem;
  const fs::path src = fs::path(LANDBRIDGE_TEST_DATA_DIR) / "packages" / "mini";
  const fs::path dir = testing_support::scratch_dir() / "broken_pkg";
  fs::remove_all(dir);
  fs::copy(src, dir, fs::copy_options::recursive);
  {
    std::ofstream nodes(dir / "nodes.csv", std::ios::app);
    nodes << "Bad1x,Broken,XX,seaport,95,10,,,S119,,\n";
  }
  CliRun r = run("validate " + dir.string());
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("nodes.csv:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Bad1x"), std::string::npos) << r.out;
  CliRun good = run("validate " + src.string());
  EXPECT_EQ(good.code, 0) << good.out << good.err;
  fs::remove_all(dir);
}

TEST(Cli, ExportGeojsonIsAFeatureCollection) {
  CliRun r = run("export --geojson");
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["type"], "FeatureCollection");
  EXPECT_GT(j["features"].size(), 30u);
}

}  // namespace
}  // namespace landbridge

namespace landbridge {
namespace {

TEST(Cli, ChartWritesSvgAndJsonOfTheParetoSet) {
  CliRun svg = run("chart JPHKT DEDUI");
  ASSERT_EQ(svg.code, 0) << svg.err;
  EXPECT_NE(svg.out.find("<svg"), std::string::npos);
  EXPECT_NE(svg.out.find("all-sea via Suez"), std::string::npos);
  EXPECT_NE(svg.out.find("</svg>"), std::string::npos);
  CliRun json = run("chart JPHKT DEDUI --json");
  ASSERT_EQ(json.code, 0) << json.err;
  auto j = nlohmann::json::parse(json.out);
  CliRun pareto = run("route JPHKT DEDUI --pareto --json");
  EXPECT_EQ(j["series"].size(), nlohmann::json::parse(pareto.out)["itineraries"].size());
  CliRun bad = run("chart JPHKT Nowhere");
  EXPECT_EQ(bad.code, 2);
}

}  // namespace
}  // namespace landbridge

namespace landbridge {
namespace {

// Timetabled routing: steps carry departures, arrivals and services; waiting is a step; a
// later ready date can change the best answer.
TEST(Cli, DepartGivesTimetabledItineraries) {
  CliRun r = run("route JPHKT DEDUI --depart 2026-12-01 --pareto --json");
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_GE(j["itineraries"].size(), 2u);
  bool saw_wait = false, saw_service = false;
  for (const auto& it : j["itineraries"])
    for (const auto& s : it["steps"]) {
      ASSERT_TRUE(s.contains("depart") && s.contains("arrive")) << s.dump();
      EXPECT_LE(s["depart"].get<std::string>(), s["arrive"].get<std::string>());
      saw_wait |= s["kind"] == "node" && s.value("operation", "") == "wait";
      saw_service |= s["kind"] == "leg" && s.contains("service") && s["service"].is_string() &&
                     !s["service"].get<std::string>().empty();
    }
  EXPECT_TRUE(saw_wait);
  EXPECT_TRUE(saw_service);

  // Some ready date in the following two weeks has a different fastest itinerary (other
  // services or another arrival pattern), because the services run on given weekdays.
  auto fastest = [](const std::string& out) {
    auto jj = nlohmann::json::parse(out);
    std::string services;
    for (const auto& s : jj["itineraries"][0]["steps"])
      if (s.contains("service") && s["service"].is_string()) services += s["service"].get<std::string>() + ",";
    return services;
  };
  const std::string first = fastest(r.out);
  bool differs = false;
  for (int day = 2; day <= 14 && !differs; ++day) {
    CliRun later = run(fmt_day(day));
    ASSERT_EQ(later.code, 0) << later.err;
    differs = fastest(later.out) != first;
  }
  EXPECT_TRUE(differs);
}

TEST(Cli, DepartWithoutPackageServicesOrBadDateIsAUsageError) {
  CliRun month = run("route JPHKT DEDUI --depart 2026-13-01");
  EXPECT_EQ(month.code, 2);
  EXPECT_NE(month.err.find("--depart 2026-13-01"), std::string::npos) << month.err;
  CliRun window = run("route JPHKT DEDUI --window 7d");
  EXPECT_EQ(window.code, 2);
  EXPECT_NE(window.err.find("--window needs --depart"), std::string::npos) << window.err;
  const std::string mini = std::string(LANDBRIDGE_TEST_DATA_DIR) + "/packages/mini";
  CliRun r = run("route JPHKT KZHOR --network " + mini + " --depart 2026-12-01");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("has no services"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("--depart"), std::string::npos) << r.err;
}

TEST(Cli, ChartDepartDrawsWaits) {
  CliRun r = run("chart JPHKT DEDUI --depart 2026-12-01 --json");
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  bool wait = false;
  for (const auto& s : j["series"])
    for (const auto& p : s["points"]) wait |= p["kind"] == "wait";
  EXPECT_TRUE(wait);
}

}  // namespace
}  // namespace landbridge

namespace landbridge {
namespace {

TEST(Cli, SimulateIsReproducibleAcrossThreadCountsAndRejectsBadScenarios) {
  const std::string scenario = std::string(LANDBRIDGE_SOURCE_DIR) + "/examples/scenarios/hakata-busan-europe.toml";
  CliRun one = run("simulate " + scenario + " --replications 3 --seed 7 --threads 1 --json");
  CliRun three = run("simulate " + scenario + " --replications 3 --seed 7 --threads 3 --json");
  ASSERT_EQ(one.code, 0) << one.err;
  EXPECT_EQ(one.out, three.out);
  EXPECT_TRUE(nlohmann::json::parse(one.out).is_object());
  namespace fs = std::filesystem;
  const fs::path bad = testing_support::scratch_dir() / "bad_scenario.toml";
  {
    std::ofstream f(bad);
    f << "[scenario]\nname = \"x\"\nhorizon_dayz = 10\n";
  }
  CliRun r = run("simulate " + bad.string());
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("horizon_dayz"), std::string::npos) << r.err;
  fs::remove(bad);
}

// The Khorgos what-if against its base, on the same seed: the crane count and the crane wait
// at KZHOR change clearly; the plots land in the folder, one histogram per flow.
TEST(Cli, SimulateComparesAWhatIfAndWritesPlots) {
  namespace fs = std::filesystem;
  const std::string dir = std::string(LANDBRIDGE_SOURCE_DIR) + "/examples/scenarios/";
  const fs::path plots = testing_support::scratch_dir() / "plots";
  CliRun r = run("simulate " + dir + "hakata-busan-europe.toml --compare " + dir +
                 "hakata-busan-europe-khorgos-half.toml --replications 3 --json --plots " + plots.string());
  ASSERT_EQ(r.code, 0) << r.err;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["base"], "hakata-busan-europe");
  EXPECT_EQ(j["what_if"], "hakata-busan-europe-khorgos-half");
  bool saw_wait = false;
  for (const auto& k : j["kpis"]) {
    if (k["group"] != "node" || k["key"] != "KZHOR") continue;
    if (k["metric"] == "cranes") {
      EXPECT_DOUBLE_EQ(k["change"].get<double>(), -4.0);
    }
    if (k["metric"] == "mean_wait_h") {
      saw_wait = true;
      EXPECT_GT(k["change"].get<double>(), 0.0);
      EXPECT_TRUE(k["clear"].get<bool>());
    }
  }
  EXPECT_TRUE(saw_wait);
  EXPECT_TRUE(fs::exists(plots / "transit-JPHKT-DEDUI.svg"));
  EXPECT_TRUE(fs::exists(plots / "crane-queue-KZHOR.svg"));
  EXPECT_TRUE(nlohmann::json::parse(std::ifstream(plots / "crane-queue-KZHOR.json"))["series"].size() == 2);
  EXPECT_NE(r.err.find("plots written to"), std::string::npos) << r.err;

  CliRun usage = run("simulate " + dir + "hakata-busan-europe.toml --changes-only");
  EXPECT_EQ(usage.code, 2);
  EXPECT_NE(usage.err.find("--compare"), std::string::npos) << usage.err;
}

// policy = "timetable" makes simulate load the package's services: feeders and deep-sea lines
// then sail on their timetabled days, which changes the sea waits against the weekly schedule.
TEST(Cli, SimulateRunsSeaLegsOnThePackagesTimetable) {
  namespace fs = std::filesystem;
  const fs::path src = fs::path(LANDBRIDGE_SOURCE_DIR) / "examples" / "scenarios";
  const fs::path dir = testing_support::scratch_dir();
  fs::copy_file(src / "hakata-busan-europe.csv", dir / "hakata-busan-europe.csv", fs::copy_options::overwrite_existing);
  std::ifstream in(src / "hakata-busan-europe.toml");
  std::string text((std::istreambuf_iterator<char>(in)), {});
  const std::string from = "policy = \"schedule\"";
  ASSERT_NE(text.find(from), std::string::npos);
  text.replace(text.find(from), from.size(), "policy = \"timetable\"");
  std::ofstream(dir / "timetabled.toml") << text;
  CliRun tt = run("simulate " + (dir / "timetabled.toml").string() + " --replications 2 --json");
  CliRun weekly = run("simulate " + (src / "hakata-busan-europe.toml").string() + " --replications 2 --json");
  ASSERT_EQ(tt.code, 0) << tt.err;
  ASSERT_EQ(weekly.code, 0) << weekly.err;
  EXPECT_NE(nlohmann::json::parse(tt.out)["kpis"], nlohmann::json::parse(weekly.out)["kpis"]);
}

}  // namespace
}  // namespace landbridge
