// Scenario and demand errors name the file, the line and the field, and suggest the code the
// user probably meant; inputs that would make a run endless are refused with their limit.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "../support/scratch.h"
#include "landbridge/corridor/model.h"
#include "landbridge/io/package.h"

namespace landbridge::corridor {
namespace {

namespace fs = std::filesystem;

const Network& eurasia() {
  static const io::LoadedPackage pkg = io::load_package(io::default_package_dir());
  return pkg.network;
}

fs::path put(const std::string& name, const std::string& text) {
  const fs::path p = testing_support::scratch_dir() / name;
  std::ofstream(p, std::ios::binary) << text;
  return p;
}

const char* kHeader = "origin,destination,teu_per_week,unit,pattern,avoid\n";
// A flow through Khorgos (the example's pins).
const std::string kRow = "CNLYG,RUMOW,100,FEU,poisson,RUZBK;KZDOS;KZPLX;RUREN;MNZUU;RUGRK;deep_sea;ferry\n";

// The message of the ScenarioError that loading (and, when `build`, modelling) `toml` with
// `csv` as its demand gives; "no error" when there is none.
std::string error_of(const std::string& toml, const std::string& csv = std::string(kHeader) + kRow,
                     bool build = false) {
  put("d.csv", csv);
  const fs::path file = put("s.toml", "[scenario]\ndemand = \"d.csv\"\nhorizon_days = 60\n" + toml);
  try {
    const Scenario s = load_scenario(file);
    if (build) (void)CorridorModel(eurasia(), s);
  } catch (const ScenarioError& e) {
    return e.what();
  }
  return "no error";
}

std::string scenario_file() { return (testing_support::scratch_dir() / "s.toml").string(); }
std::string demand_file() { return (testing_support::scratch_dir() / "d.csv").string(); }

#define EXPECT_HAS(text, words) EXPECT_NE((text).find(words), std::string::npos) << (text)

TEST(ScenarioErrors, UnknownCodesNameFileLineFieldAndSuggest) {
  // Lines: 1 [scenario], 2 demand, 3 horizon_days, 4 the first table below.
  std::string e = error_of("[[closures]]\nnode = \"KZHOT\"\nfrom_day = 1\nto_day = 2\n", kHeader + kRow, true);
  EXPECT_HAS(e, scenario_file() + ":4: field 'closures[0].node': unknown node 'KZHOT'");
  EXPECT_HAS(e, "did you mean KZHOR");
  e = error_of("[[closures]]\nlink = \"rail-KZHOR-RUMOV\"\nfrom_day = 1\nto_day = 2\n", kHeader + kRow, true);
  EXPECT_HAS(e, scenario_file() + ":4: field 'closures[0].link': unknown link 'rail-KZHOR-RUMOV'");
  EXPECT_HAS(e, "did you mean rail-KZHOR-RUMOW");
  e = error_of("[[closures]]\npassage = \"sues\"\nfrom_day = 1\nto_day = 2\n", kHeader + kRow, true);
  EXPECT_HAS(e, scenario_file() + ":4: field 'closures[0].passage': unknown passage 'sues'");
  EXPECT_HAS(e, "suez");
  e = error_of("[[nodes]]\ncode = \"KZHOR\"\n\n[[nodes]]\ncode = \"KZDOZ\"\n", kHeader + kRow, true);
  EXPECT_HAS(e, scenario_file() + ":7: field 'nodes[1].code': unknown node 'KZDOZ'");
  EXPECT_HAS(e, "did you mean KZDOS");
  e = error_of("[[links]]\nid = \"rail-KZHOR-RUMOV\"\ntrains_per_day = 2\n", kHeader + kRow, true);
  EXPECT_HAS(e, scenario_file() + ":4: field 'links[0].id': unknown link 'rail-KZHOR-RUMOV'");
  EXPECT_HAS(e, "did you mean rail-KZHOR-RUMOW");
  e = error_of("[[capacity_cuts]]\nnode = \"KZHOT\"\ncranes = 1\nfrom_day = 1\nto_day = 2\n", kHeader + kRow, true);
  EXPECT_HAS(e, scenario_file() + ":4: field 'capacity_cuts[0].node': unknown node 'KZHOT'");
  EXPECT_HAS(e, "did you mean KZHOR");
  e = error_of("[[capacity_cuts]]\nnode = \"CNLYG\"\ncranes = 1\nfrom_day = 1\nto_day = 2\n", kHeader + kRow, true);
  EXPECT_HAS(e, scenario_file() + ":4: field 'capacity_cuts[0].node': 'CNLYG' is not a gauge change");
}

TEST(ScenarioErrors, DemandRowsAreNamedByTheirPhysicalLine) {
  // A comment and a blank line before the rows: the bad row is line 5 of the file, not "row 2".
  const std::string head = std::string("# demand\n\n") + kHeader + kRow;
  std::string e = error_of("", head + "CNLYG,DEDUJ,10,FEU,poisson,\n", true);
  EXPECT_HAS(e, demand_file() + ":5: field 'destination': unknown location 'DEDUJ'");
  EXPECT_HAS(e, "DEDUI");
  e = error_of("", head + "CNLYJ,DEDUI,10,FEU,poisson,\n", true);
  EXPECT_HAS(e, demand_file() + ":5: field 'origin'");
  e = error_of("", head + "CNLYG,DEDUI,10,FEU,poisson,suex\n", true);
  EXPECT_HAS(e, demand_file() + ":5: field 'avoid': avoid 'suex'");
  e = error_of("", head + "CNLYG,CNLYG,10,FEU,poisson,\n", true);
  EXPECT_HAS(e, demand_file() + ":5: field 'destination': origin and destination are the same place");
  e = error_of("", head + "JPHKT,DEDUI,10,FEU,poisson,sea\n", true);
  EXPECT_HAS(e, demand_file() + ":5: field 'avoid': no route from JPHKT to DEDUI");
  e = error_of("", head + "CNLYG,DEDUI,10,BOX,poisson\n");
  EXPECT_HAS(e, demand_file() + ":5: field 'unit': got 'BOX'");
}

TEST(ScenarioErrors, DemandAcceptsAByteOrderMarkAndExplainsCrOnlyLines) {
  EXPECT_EQ(error_of("", "\xEF\xBB\xBF" + std::string(kHeader) + kRow), "no error");
  std::string cr = std::string(kHeader) + kRow;
  for (char& c : cr)
    if (c == '\n') c = '\r';
  const std::string e = error_of("", cr);
  EXPECT_HAS(e, demand_file() + ":1: field 'header'");
  EXPECT_HAS(e, "CR alone");
}

TEST(ScenarioErrors, CountsMustBeWholeNumbers) {
  EXPECT_HAS(error_of("replications = 2.5\n"),
             scenario_file() + ":4: field 'scenario.replications': got 2.5, expected a whole number in [2, 10000]");
  EXPECT_HAS(error_of("seed = 3.7\n"), scenario_file() + ":4: field 'scenario.seed': got 3.7, expected a whole number");
  EXPECT_HAS(error_of("seed = -1\n"), "field 'scenario.seed': got -1, expected a whole number in [0, 9007199254740991]");
  EXPECT_HAS(error_of("[services.ferry]\nfleet = 0.5\n"),
             scenario_file() + ":5: field 'services.ferry.fleet': got 0.5, expected a whole number");
  EXPECT_HAS(error_of("default_cranes = 2.5\n"), "field 'scenario.default_cranes'");
  EXPECT_HAS(error_of("[[nodes]]\ncode = \"KZHOR\"\ncranes = 1.5\n"), ":6: field 'nodes[0].cranes'");
  // Whole floats and integers are fine.
  EXPECT_EQ(error_of("replications = 3.0\nseed = 7\n[services.ferry]\nfleet = 2\n"), "no error");
}

TEST(ScenarioErrors, EndlessRunsAreRefusedWithTheLimit) {
  for (const std::string w : {"1e308", "inf", "nan", "-3", "0"}) {
    const std::string e = error_of("", kHeader + ("CNLYG,RUMOW," + w + ",FEU,poisson,\n"));
    EXPECT_HAS(e, demand_file() + ":2: field 'teu_per_week'");
  }
  EXPECT_HAS(error_of("", kHeader + std::string("CNLYG,RUMOW,1e-300,FEU,poisson,\n")),
             "field 'teu_per_week': got 1e-300, less than the minimum of 0.001");
  EXPECT_HAS(error_of("", kHeader + std::string("CNLYG,RUMOW,1000000,FEU,poisson,\n")),
             "field 'teu_per_week': got 1000000, more than the limit of 100000");
  // 50,000 TEU a week of TEU boxes for ten years: 26 million boxes a replication.
  put("d.csv", kHeader + std::string("CNLYG,RUMOW,50000,TEU,poisson,\n"));
  const fs::path big = put("big.toml", "[scenario]\ndemand = \"d.csv\"\nhorizon_days = 3650\nwarmup_days = 1\n");
  try {
    (void)load_scenario(big);
    ADD_FAILURE() << "expected a ScenarioError";
  } catch (const ScenarioError& e) {
    EXPECT_HAS(std::string(e.what()), "field 'scenario.horizon_days'");
    EXPECT_HAS(std::string(e.what()), "more than the limit of 2000000");
  }
  // Within the box limit per replication, but not times 10,000 replications.
  Scenario s = load_scenario(put("ok.toml", "[scenario]\ndemand = \"d.csv\"\nhorizon_days = 100\n"));
  s.replications = 10'000;
  try {
    check_run_size(s);
    ADD_FAILURE() << "expected a ScenarioError";
  } catch (const ScenarioError& e) {
    EXPECT_HAS(std::string(e.what()), "field 'scenario.replications'");
    EXPECT_HAS(std::string(e.what()), "more than the limit of 200000000");
  }
  EXPECT_HAS(error_of("replications = 10001\n"), "field 'scenario.replications': got 10001");
}

TEST(ScenarioErrors, FilesMustBeRegularAndPresent) {
  const std::string e = error_of("", kHeader + kRow);
  ASSERT_EQ(e, "no error");
  const fs::path zero = put("zero.toml", "[scenario]\ndemand = \"/dev/zero\"\n");
  try {
    (void)load_scenario(zero);
    ADD_FAILURE() << "expected a ScenarioError";
  } catch (const ScenarioError& err) {
    EXPECT_HAS(std::string(err.what()), "/dev/zero: cannot read the demand file: not a regular file");
  }
  try {
    (void)load_scenario(testing_support::scratch_dir() / "missing.toml");
    ADD_FAILURE() << "expected a ScenarioError";
  } catch (const ScenarioError& err) {
    EXPECT_HAS(std::string(err.what()), "missing.toml: cannot read the scenario: file is missing");
  }
}

}  // namespace
}  // namespace landbridge::corridor
