// Scenario and demand files are read only when they are regular files within their size limit
// (core/user_file.h): a demand file of /dev/zero ran without end before.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "../support/scratch.h"
#include "landbridge/corridor/scenario.h"

namespace landbridge::corridor {
namespace {

namespace fs = std::filesystem;

std::string error_of(const fs::path& scenario) {
  try {
    (void)load_scenario(scenario);
  } catch (const ScenarioError& e) {
    return e.what();
  }
  return "no error";
}

TEST(ScenarioFiles, ADemandFileThatIsADeviceIsRefused) {
  const fs::path s = testing_support::scratch_dir() / "zero.toml";
  std::ofstream(s) << "[scenario]\nname = \"z\"\ndemand = \"/dev/zero\"\n";
  EXPECT_EQ(error_of(s),
            "/dev/zero: cannot read the demand file: not a regular file (a character device); expected a file of at "
            "most 16 MiB");
}

TEST(ScenarioFiles, AScenarioThatIsAFifoIsRefusedWithoutOpeningIt) {
  const fs::path s = testing_support::scratch_dir() / "pipe.toml";
  fs::remove(s);
  ASSERT_EQ(::mkfifo(s.c_str(), 0600), 0);
  EXPECT_EQ(error_of(s), s.string() + ": cannot read the scenario: not a regular file (a FIFO); expected a file of at "
                                      "most 1 MiB");
}

TEST(ScenarioFiles, AScenarioOverTheTomlLimitIsRefused) {
  const fs::path s = testing_support::scratch_dir() / "big.toml";
  std::ofstream(s) << "[scenario]\n";
  fs::resize_file(s, 2 * (std::uintmax_t{1} << 20));
  EXPECT_EQ(error_of(s), s.string() + ": cannot read the scenario: the file has 2097152 bytes; expected at most 1 MiB "
                                      "(the size limit of this kind of file)");
}

}  // namespace
}  // namespace landbridge::corridor
