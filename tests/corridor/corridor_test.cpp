#include <gtest/gtest.h>

#include "landbridge/corridor/model.h"
#include "landbridge/io/package.h"

namespace landbridge::corridor {
namespace {
TEST(Corridor, Smoke) {
  auto pkg = io::load_package(io::default_package_dir());
  Scenario sc = load_scenario(std::string(LANDBRIDGE_DATA_DIR) + "/../examples/scenarios/hakata-busan-europe.toml");
  CorridorModel m(pkg.network, sc);
  auto reps = run_replications(m, 3, 1);
  std::printf("%s", summary_table(m, summarise(m, reps)).c_str());
}
}  // namespace
}  // namespace landbridge::corridor
