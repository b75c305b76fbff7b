// Simulation requests: the JSON body, scenario errors named by request field, file, line and
// TOML/CSV field, and a task whose output is the corridor library's for the same scenario.
#include "landbridge/service/simulation_job.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "landbridge/corridor/model.h"
#include "landbridge/io/package.h"

namespace landbridge::service {
namespace {

using nlohmann::json;

const io::LoadedPackage& eurasia() {
  static const io::LoadedPackage pkg = io::load_package(io::default_package_dir());
  return pkg;
}

std::string read(const std::string& name) {
  std::ifstream in(std::string(LANDBRIDGE_SOURCE_DIR) + "/examples/scenarios/" + name);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

SimulationRequest example(int replications) {
  SimulationRequest r;
  r.scenario = read("hakata-busan-europe.toml");
  r.demand = read("hakata-busan-europe.csv");
  r.replications = replications;
  r.seed = 11;
  return r;
}

// The request field and message of the error `req` is refused with.
std::pair<std::string, std::string> refusal(const SimulationRequest& req) {
  try {
    (void)prepare_simulation(eurasia().network, {}, req);
  } catch (const SimulationRequestError& e) {
    return {e.field(), e.what()};
  }
  return {"", "accepted"};
}

TEST(SimulationJob, TheJsonBodyIsCheckedMemberByMember) {
  const json ok = {{"scenario", "s"}, {"demand", "d"}, {"replications", 3}, {"seed", 5}};
  const SimulationRequest r = simulation_request_from_json(ok);
  EXPECT_EQ(r.scenario, "s");
  EXPECT_EQ(r.replications, 3);
  EXPECT_EQ(r.seed, 5);
  auto field_of = [](const json& body) {
    try {
      (void)simulation_request_from_json(body);
    } catch (const SimulationRequestError& e) {
      return e.field();
    }
    return std::string("accepted");
  };
  EXPECT_EQ(field_of(json::array()), "body");
  EXPECT_EQ(field_of({{"demand", "d"}}), "scenario");
  EXPECT_EQ(field_of({{"scenario", "s"}}), "demand");
  EXPECT_EQ(field_of({{"scenario", 1}, {"demand", "d"}}), "scenario");
  EXPECT_EQ(field_of({{"scenario", "s"}, {"demand", "d"}, {"replications", 1}}), "replications");
  EXPECT_EQ(field_of({{"scenario", "s"}, {"demand", "d"}, {"seed", -1}}), "seed");
  EXPECT_EQ(field_of({{"scenario", "s"}, {"demand", "d"}, {"compare", "c"}}), "compareDemand");
  EXPECT_EQ(field_of({{"scenario", "s"}, {"demand", "d"}, {"network", "/etc"}}), "network");
}

TEST(SimulationJob, ScenarioErrorsNameTheRequestFieldFileLineAndTomlField) {
  SimulationRequest r = example(2);
  r.scenario = "[scenario]\ndemand = \"d.csv\"\nhorizn_days = 30\n";
  auto [field, msg] = refusal(r);
  EXPECT_EQ(field, "scenario");
  EXPECT_NE(msg.find("scenario.toml:3: field 'scenario.horizn_days'"), std::string::npos) << msg;

  r = example(2);
  r.demand = "origin,destination,teu_per_week,unit,pattern\nJPHKT,DEDUJ,10,FEU,poisson\n";
  std::tie(field, msg) = refusal(r);  // found when the model plans the flow
  EXPECT_EQ(field, "demand");
  EXPECT_NE(msg.find("hakata-busan-europe.csv:2: field 'destination'"), std::string::npos) << msg;

  r = example(2);
  r.scenario = "[scenario]\ndemand = \"d.csv\"\nnetwork = \"/srv/other\"\n";
  std::tie(field, msg) = refusal(r);
  EXPECT_EQ(field, "scenario");
  EXPECT_NE(msg.find("field 'scenario.network'"), std::string::npos) << msg;

  r = example(2);
  r.compare = read("hakata-busan-europe-khorgos-half.toml") + "\n[[closures]]\nnode = \"KZHOT\"\nfrom_day = 1\nto_day = 2\n";
  r.compare_demand = r.demand;
  std::tie(field, msg) = refusal(r);
  EXPECT_EQ(field, "compare");
  EXPECT_NE(msg.find("compare.toml:"), std::string::npos) << msg;
  EXPECT_NE(msg.find("closures[0].node"), std::string::npos) << msg;
}

TEST(SimulationJob, TheTaskGivesTheLibrarysSummaryAndReportsProgress) {
  const SimulationRequest req = example(2);
  PreparedSimulation p = prepare_simulation(eurasia().network, {}, req);
  EXPECT_EQ(p.steps, 2U);
  std::size_t last = 0, total = 0;
  JobControl ctl;
  ctl.progress = [&](std::size_t d, std::size_t t) {
    last = d;
    total = t;
  };
  const JobOutput out = p.task(ctl);
  EXPECT_EQ(last, 2U);
  EXPECT_EQ(total, 2U);

  corridor::Scenario sc = corridor::load_scenario(std::string(LANDBRIDGE_SOURCE_DIR) +
                                                  "/examples/scenarios/hakata-busan-europe.toml");
  sc.replications = 2;
  sc.seed = 11;
  const corridor::CorridorModel m(eurasia().network, sc);
  EXPECT_EQ(out.at("summary"), corridor::summary_json(m, corridor::summarise(m, corridor::run_replications(m, 2, 1))));
  const json plots = json::parse(out.at("plots"));
  EXPECT_TRUE(plots.contains("transit-histogram"));
  EXPECT_TRUE(plots.contains("crane-queue-KZHOR"));
}

}  // namespace
}  // namespace landbridge::service
