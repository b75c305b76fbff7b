// nodes.csv `timezone`: an IANA name that the system tz database knows, or empty.
//
// Lines of tests/data/packages/mini/nodes.csv: 1 header, 2 JPHKT (Asia/Tokyo), 3 CNLYG,
// 4 CNHRS, 5 KZHOR, 6 KZALA, 7 KZAAU, 8 AZALA.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "landbridge/io/package.h"
#include "package_edit.h"

namespace landbridge::io {
namespace {

using testing::ElementsAre;
using namespace test;

TEST(PackageTimezones, UnknownZoneNamesFileLineAndField) {
  PackageFiles p = mini();
  set_cell(p, "nodes.csv", 2, "timezone", "Asia/Fukuoka");  // well-formed, but no such zone
  set_cell(p, "nodes.csv", 5, "timezone", "Asia/Almaty");   // a real zone stays valid
  EXPECT_THAT(problems(p), ElementsAre("nodes.csv:2: field 'timezone': got 'Asia/Fukuoka', expected an IANA "
                                       "time zone name such as Asia/Almaty (not in the system's tz database)"));
}

TEST(PackageTimezones, MalformedNameIsReportedOnceAndEmptyIsAllowed) {
  PackageFiles p = mini();
  set_cell(p, "nodes.csv", 3, "timezone", "Asia Shanghai");
  set_cell(p, "nodes.csv", 4, "timezone", "");
  EXPECT_THAT(problems(p), ElementsAre("nodes.csv:3: field 'timezone': got 'Asia Shanghai', expected an IANA "
                                       "time zone name such as Asia/Almaty"));
}

TEST(PackageTimezones, ReferencePackageZonesAreAllKnown) {
  // load_package throws a LoadError if any zone were unknown.
  const LoadedPackage pkg = load_package(std::filesystem::path(LANDBRIDGE_DATA_DIR) / "eurasia");
  const auto hakata = pkg.network.find_node("JPHKT");
  ASSERT_TRUE(hakata.has_value());
  EXPECT_EQ(pkg.network.node(*hakata).timezone, "Asia/Tokyo");
}

}  // namespace
}  // namespace landbridge::io
