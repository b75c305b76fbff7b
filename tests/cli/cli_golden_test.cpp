// Golden test of the flagship answer: `route JPHKT DEDUI --depart 2026-12-01 --pareto` on the
// built-in reference network, compared line by line with tests/cli/golden/. Any change to the
// data, the routers or the report shows up here as a readable difference; when the change is
// intended, regenerate the file with
//   LANDBRIDGE_UPDATE_GOLDEN=1 ctest --test-dir build -R Golden
// and review the diff in the commit.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "cli_run.h"

namespace landbridge {
namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

void expect_matches_golden(const std::string& args, const std::string& golden_name) {
  const std::filesystem::path golden = std::filesystem::path(LANDBRIDGE_GOLDEN_DIR) / golden_name;
  const testing_support::CliRun r = testing_support::run(args);
  ASSERT_EQ(r.code, 0) << args << "\n" << r.err;
  if (const char* update = std::getenv("LANDBRIDGE_UPDATE_GOLDEN"); update && std::string(update) == "1") {
    std::ofstream(golden, std::ios::binary) << r.out;  // on explicit request only, then compared as usual
    std::printf("rewrote %s\n", golden.c_str());
  }
  std::ifstream in(golden, std::ios::binary);
  ASSERT_TRUE(in) << "missing golden file " << golden;
  const std::string want(std::istreambuf_iterator<char>(in), {});
  const auto got_lines = lines_of(r.out), want_lines = lines_of(want);
  for (std::size_t i = 0; i < std::max(got_lines.size(), want_lines.size()); ++i) {
    const std::string got_line = i < got_lines.size() ? got_lines[i] : "<end of output>";
    const std::string want_line = i < want_lines.size() ? want_lines[i] : "<end of file>";
    ASSERT_EQ(got_line, want_line) << "first difference at line " << i + 1 << " of " << golden
                                   << " (landbridge " << args << ")";
  }
  EXPECT_EQ(r.out, want) << "same lines, different line endings or final newline";
}

TEST(Golden, FlagshipParetoTableHakataToDuisburg) {
  expect_matches_golden("route JPHKT DEDUI --depart 2026-12-01 --pareto", "route_jphkt_dedui_pareto.txt");
}

}  // namespace
}  // namespace landbridge
