// `--network` with a text network file (docs/text-network-format.md): the documented example
// routes, and a bad file exits 1 with the file, line and field of the problem.
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "cli_run.h"

namespace landbridge {
namespace {

using testing_support::run;

const std::string kExample = std::string(LANDBRIDGE_SOURCE_DIR) + "/examples/text-network/toy-corridor.txt";

TEST(CliTextNetwork, TheExampleRoutesBothWays) {
  const auto r = run("route JPHKT DEDUI --pareto --network " + kExample);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("sea–rail via CNLYG, KZHOR, PLMAL"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("all-sea via Suez, NLRTM"), std::string::npos) << r.out;
  // Sea-rail from the example's lines: 48 + 12 + 96 + 6 + 4 + 192 + 6 + 24 + 36 = 424 h.
  EXPECT_NE(r.out.find("17.7 days"), std::string::npos) << r.out;
}

TEST(CliTextNetwork, ABadLineExitsOneNamingFileLineAndField) {
  const auto file = testing_support::scratch_dir() / "bad.txt";
  {
    std::ofstream out(file, std::ios::binary);
    out << "node CNLYG Lianyungang\nnode DEDUI Duisburg\nlink a CNLYG DEDUI rail 10km 1h 1usd\n";
  }
  const auto r = run("route CNLYG DEDUI --network " + file.string());
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_NE(r.err.find(file.string() + ":3: field 'carriage': got 'rail'"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
}

}  // namespace
}  // namespace landbridge
