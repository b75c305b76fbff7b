// `landbridge sweep` end to end: stopped after two cells (exit 130), resumed with --json.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "../cli/cli_run.h"
#include "sweep_files.h"

namespace landbridge {
namespace {

using testing_support::run;
using testing_support::scratch_dir;
using testing_support::sweeps_data;

TEST(SweepCli, StopsAfterTwoCellsAndResumes) {
  const std::string sweep = (sweeps_data() / "cranes-x-fleet.toml").string();
  const std::string out = (scratch_dir() / "out").string();
  const auto first = run("sweep " + sweep + " --out " + out + " --threads 1 --stop-after-cells 2");
  EXPECT_EQ(first.code, 130) << first.err;
  EXPECT_NE(first.err.find("interrupted: 2 of 9 cells done and saved in " + out), std::string::npos) << first.err;
  const auto second = run("sweep " + sweep + " --out " + out + " --json --plot node.KZHOR.mean_wait_h");
  ASSERT_EQ(second.code, 0) << second.err;
  EXPECT_NE(second.err.find("9 cells x 2 replications, 2 cells already done"), std::string::npos) << second.err;
  std::ifstream in(scratch_dir() / "out" / "table.json");
  const std::string table{std::istreambuf_iterator<char>(in), {}};
  EXPECT_EQ(second.out, table);
  EXPECT_EQ(nlohmann::json::parse(second.out)["cells"].size(), 9U);
  EXPECT_TRUE(std::filesystem::exists(scratch_dir() / "out" / "node.KZHOR.mean_wait_h.svg"));
}

TEST(SweepCli, ABadSweepExitsOneNamingFileLineAndField) {
  const auto bad = testing_support::put_sweep("[[axes]]\nkey = \"services.ferry.flet\"\nvalues = [1]\n");
  const auto r = run("sweep " + bad.string() + " --out " + (scratch_dir() / "out").string());
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("error: " + bad.string() + ":5: field 'axes[0].values[0]'"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace landbridge
