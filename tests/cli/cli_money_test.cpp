// Money on the command line: one format, segment fares, equipment and dated rates.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <string>

#include "cli_run.h"

namespace landbridge {
namespace {

using testing_support::CliRun;
using testing_support::run;

const std::string kMiniRates = std::string(LANDBRIDGE_TEST_DATA_DIR) + "/packages/mini-rates";

// Money in text output: "1,234.56 USD"; never "$1234.56".
TEST(CliMoney, StaticAndTimetabledTextWriteMoneyOneWay) {
  for (const char* args : {"route CNLYG KZALA", "route CNLYG KZALA --depart 2026-12-01"}) {
    CliRun r = run(args);
    ASSERT_EQ(r.code, 0) << args << ": " << r.err;
    EXPECT_EQ(r.out.find('$'), std::string::npos) << args << "\n" << r.out;
    EXPECT_TRUE(std::regex_search(r.out, std::regex(R"(\b\d{1,3}(,\d{3})*\.\d\d USD\b)"))) << args << "\n" << r.out;
  }
}

// The Altynkol - Almaty - Tashkent train is ridden to Almaty only: it charges that segment.
TEST(CliMoney, LianyungangToAlmatyPaysTheSegmentNotTheWholeRun) {
  CliRun r = run("route CNLYG KZALA --depart 2026-12-01 --json");
  ASSERT_EQ(r.code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  bool rode = false;
  for (const auto& s : j["itineraries"][0]["steps"])
    if (s["kind"] == "leg" && s.value("service", nlohmann::json()) == "RAIL-HOR-TAS") {
      rode = true;
      // The whole run Altynkol - Tashkent costs 538.67 USD per TEU (808 per FEU / 1.5); Almaty lies
      // 397 of its 1,292 km along the line.
      EXPECT_GT(s["cost_usd"].get<double>(), 0.0);
      EXPECT_LT(s["cost_usd"].get<double>(), 538.67 * 0.5);
    }
  EXPECT_TRUE(rode);
}

TEST(CliMoney, EquipmentByUnitOrIsoCode) {
  CliRun gp = run("route CNLYG KZALA --unit feu --json");
  CliRun hc = run("route CNLYG KZALA --unit 40hc --json");
  CliRun hc2 = run("route CNLYG KZALA --equipment 45G1 --json");
  CliRun rf = run("route CNLYG KZALA --equipment 45R1 --json");
  for (const CliRun* r : {&gp, &hc, &hc2, &rf}) ASSERT_EQ(r->code, 0) << r->err;
  const auto cost = [](const CliRun& r) {
    return nlohmann::json::parse(r.out)["itineraries"][0]["total"]["cost_usd"].get<double>();
  };
  EXPECT_EQ(nlohmann::json::parse(hc.out)["equipment"], "45G1");
  EXPECT_EQ(nlohmann::json::parse(gp.out)["equipment"], "42G1");
  EXPECT_EQ(hc.out, hc2.out);
  EXPECT_GT(cost(hc), cost(gp));
  EXPECT_GT(cost(rf), cost(hc));
  EXPECT_EQ(run("route CNLYG KZALA --unit 20hc").code, 2);
  EXPECT_EQ(run("route CNLYG KZALA --unit feu --equipment 45G1").code, 2);
}

TEST(CliMoney, StaticRatesDayAndValidation) {
  CliRun may = run("route JPHKT AZALA --network " + kMiniRates + " --rates 2026-05-01 --json");
  CliRun july = run("route JPHKT AZALA --network " + kMiniRates + " --rates 2026-07-01 --json");
  ASSERT_EQ(may.code, 0) << may.err;
  ASSERT_EQ(july.code, 0) << july.err;
  const auto jm = nlohmann::json::parse(may.out), jj = nlohmann::json::parse(july.out);
  EXPECT_EQ(jm["rates_on"], "2026-05-01");
  EXPECT_GT(jj["itineraries"][0]["total"]["cost_usd"].get<double>(), jm["itineraries"][0]["total"]["cost_usd"].get<double>());
  EXPECT_EQ(run("route JPHKT AZALA --network " + kMiniRates + " --rates 2026-02-30").code, 2);
  EXPECT_EQ(run("route JPHKT AZALA --network " + kMiniRates + " --rates 2026-05-01 --depart 2026-05-25").code, 2);
  CliRun v = run("validate " + kMiniRates);
  EXPECT_EQ(v.code, 0) << v.out << v.err;
}

}  // namespace
}  // namespace landbridge
