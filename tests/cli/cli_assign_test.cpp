// `landbridge assign --tntp DIR`: the Braess network solved through the command line, its JSON,
// the progress lines, the comparison with a best-known _flow file, and the exit codes.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "cli_run.h"

namespace landbridge {
namespace {

using testing_support::run;

const std::string kTntp = std::string(LANDBRIDGE_SHARED_DIR) + "/data/tntp";

TEST(CliAssign, BraessJsonHoldsTheEquilibrium) {
  const auto r = run("assign --tntp " + kTntp + "/Braess-Example --method bfw --gap 1e-9 --json");
  ASSERT_EQ(r.code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j.at("network"), "Braess");
  EXPECT_EQ(j.at("method"), "bfw");
  EXPECT_TRUE(j.at("converged").get<bool>());
  EXPECT_LE(j.at("relative_gap").get<double>(), 1e-9);
  EXPECT_NEAR(j.at("tstt").get<double>(), 6 * 92, 1e-4);
  EXPECT_GE(j.at("iterations").get<int>(), 1);
  for (const char* key : {"objective", "average_excess_cost", "seconds", "sptt"}) EXPECT_TRUE(j.contains(key)) << key;
  const auto& links = j.at("links");
  ASSERT_EQ(links.size(), 5u);
  EXPECT_EQ(links[0].at("from"), 1);
  EXPECT_EQ(links[0].at("to"), 3);
  const double flows[] = {4, 2, 2, 2, 4};
  for (std::size_t i = 0; i < 5; ++i) EXPECT_NEAR(links[i].at("flow").get<double>(), flows[i], 1e-6) << i;
  // One progress line per iteration, the initial load included.
  EXPECT_NE(r.err.find("iteration     0  relative gap"), std::string::npos) << r.err;
}

TEST(CliAssign, SiouxFallsSummaryComparesWithTheBestKnownFlows) {
  const auto r = run("assign --tntp " + kTntp + "/SiouxFalls --method cfw --gap 1e-4 --quiet");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_NE(r.out.find("SiouxFalls: cfw (user_equilibrium), 24 zones, 24 nodes, 76 links"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("best-known flows (SiouxFalls_flow.tntp): 76 links matched, 0 not"), std::string::npos) << r.out;
}

TEST(CliAssign, ABadNetworkFileExitsOneNamingFileLineAndField) {
  const auto dir = testing_support::scratch_dir();
  {
    std::ofstream net(dir / "Bad_net.tntp", std::ios::binary);
    net << "<NUMBER OF ZONES> 2\n<NUMBER OF NODES> 2\n<FIRST THRU NODE> 1\n<NUMBER OF LINKS> 1\n"
           "<END OF METADATA>\n1 2 100 1 fast 0.15 4 0 0 1 ;\n";
    std::ofstream trips(dir / "Bad_trips.tntp", std::ios::binary);
    trips << "<NUMBER OF ZONES> 2\n<END OF METADATA>\nOrigin 1\n2 : 5 ;\n";
  }
  const auto r = run("assign --tntp " + dir.string());
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("Bad_net.tntp:6: field 'free_flow_time': got 'fast', expected a number"), std::string::npos)
      << r.err;
}

TEST(CliAssign, UsageErrorsExitTwo) {
  EXPECT_EQ(run("assign --tntp " + kTntp + "/Braess-Example --method msa").code, 2);
  const auto none = run("assign");
  EXPECT_EQ(none.code, 2);
  EXPECT_NE(none.err.find("nothing to assign"), std::string::npos) << none.err;
}

}  // namespace
}  // namespace landbridge
