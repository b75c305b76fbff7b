// The manifest's [road] table (door-to-door road access, docs/door-to-door.md).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "landbridge/io/package.h"

namespace landbridge::io {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;

PackageFiles mini_with(const std::string& road) {
  PackageFiles p = read_package_files(std::filesystem::path(LANDBRIDGE_TEST_DATA_DIR) / "packages" / "mini");
  p.files["network.toml"] += "\n" + road;
  return p;
}

const std::string kGood = R"([road]
detour_factor = 1.3
detour_factor_range = [1.2, 1.4]
detour_factor_source = "S06"
speed_kmh = 42
speed_kmh_note = "assumption of this test"
cost_usd_per_km = 1.89
cost_usd_per_km_note = "assumption of this test"
border_hours = 9.9
border_hours_note = "assumption of this test"
border_cost_usd = 208
border_cost_usd_note = "assumption of this test"
emission_factor = "road-test"
nearest = 3
radius_km = 1000
rules_note = "assumption of this test"
border_free = [["KZ", "RU"], ["DE", "PL"]]
border_free_note = "assumption of this test"
)";

std::vector<std::string> problems(const PackageFiles& p) {
  std::vector<std::string> out;
  for (const Diagnostic& d : validate_package(p)) out.push_back(d.to_string());
  return out;
}

TEST(RoadManifest, TableIsLoadedWithRangeSourcesAndFactor) {
  const LoadedPackage pkg = load_package(mini_with(kGood));
  ASSERT_TRUE(pkg.road);
  EXPECT_DOUBLE_EQ(pkg.road->detour_factor.value, 1.3);
  EXPECT_DOUBLE_EQ(pkg.road->detour_factor.lo, 1.2);
  EXPECT_DOUBLE_EQ(pkg.road->detour_factor.hi, 1.4);
  ASSERT_EQ(pkg.road->detour_factor.sources.size(), 1u);
  EXPECT_EQ(pkg.network.source(pkg.road->detour_factor.sources[0]).key, "S06");
  EXPECT_DOUBLE_EQ(pkg.road->speed_kmh.lo, 42.0);  // no range: both ends the value
  EXPECT_EQ(pkg.network.emission_factor(pkg.road->emission_factor).id, "road-test");
  EXPECT_EQ(pkg.road->nearest, 3);
  EXPECT_DOUBLE_EQ(pkg.road->radius_km, 1000.0);
  EXPECT_TRUE(pkg.road->free_crossing("RU", "KZ"));
  EXPECT_FALSE(pkg.road->free_crossing("PL", "KZ"));
}

TEST(RoadManifest, WithoutTheTableThereIsNoRoadAccess) {
  EXPECT_FALSE(load_package(mini_with("")).road);
}

TEST(RoadManifest, ErrorsNameTheKey) {
  std::string bad = kGood;
  bad.replace(bad.find("\"S06\""), 5, "\"S6\"");
  bad.replace(bad.find("\"road-test\""), 11, "\"rail-test\"");
  bad.replace(bad.find("[1.2, 1.4]"), 10, "[1.35, 1.4]");
  bad.replace(bad.find("speed_kmh_note"), 14, "speed_kmh_notes");
  bad.replace(bad.find("nearest = 3"), 11, "nearest = 2.5");
  bad.replace(bad.find("[\"DE\", \"PL\"]"), 12, "[\"DE\", \"pl\"]");
  const auto p = problems(mini_with(bad));
  EXPECT_THAT(p, Contains(HasSubstr("field 'road.detour_factor_source': got 'S6', expected a source key")));
  EXPECT_THAT(p, Contains(HasSubstr("field 'road.emission_factor': got 'rail-test', expected a factor whose mode is road")));
  EXPECT_THAT(p, Contains(HasSubstr("field 'road.detour_factor_range'")));
  EXPECT_THAT(p, Contains(HasSubstr("field 'road.speed_kmh_notes': unknown key")));
  EXPECT_THAT(p, Contains(HasSubstr("field 'road.speed_kmh': cites nothing")));
  EXPECT_THAT(p, Contains(HasSubstr("field 'nearest'")));
  EXPECT_THAT(p, Contains(HasSubstr("field 'road.border_free': got 'pl'")));
}

}  // namespace
}  // namespace landbridge::io
