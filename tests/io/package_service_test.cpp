// The simulation columns of operations.csv: servers, service_dist and service_cv are read onto
// the operation, absent means not stated, and bad cells are reported with file, line, field.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "landbridge/io/package.h"
#include "package_edit.h"

namespace landbridge::io {
namespace {

using testing::ElementsAre;
using namespace test;

const std::string kOps = "operations.csv";

// The mini package with the three columns (empty on every row).
PackageFiles with_service_columns() {
  PackageFiles p = mini();
  for (const char* c : {"servers", "service_dist", "service_cv"}) add_column(p, kOps, c);
  return p;
}

// The operation of operations.csv line 7 (KZHOR border) and line 8 (KZHOR gauge change).
const OperationInfo& op_of_kind(const LoadedPackage& pkg, OperationKind kind) {
  for (const OperationInfo& o : pkg.network.operations()) {
    if (o.kind == kind && pkg.network.node(o.node).code == "KZHOR") return o;
  }
  throw std::runtime_error("no such operation");
}

TEST(PackageService, AbsentColumnsLeaveTheOperationUnstated) {
  const LoadedPackage pkg = load_package(mini());
  const OperationInfo& border = op_of_kind(pkg, OperationKind::border);
  EXPECT_EQ(border.servers, 0);
  EXPECT_EQ(border.service_dist, ServiceDist::unstated);
  EXPECT_EQ(border.service_cv, 0.0);
  EXPECT_THAT(problems(with_service_columns()), ElementsAre());
}

TEST(PackageService, ColumnsAreReadOntoTheOperation) {
  PackageFiles p = with_service_columns();
  set_cell(p, kOps, 7, "servers", "3");
  set_cell(p, kOps, 7, "service_dist", "lognormal");
  set_cell(p, kOps, 7, "service_cv", "1.5");
  set_cell(p, kOps, 8, "service_dist", "pert");
  ASSERT_THAT(problems(p), ElementsAre());
  const LoadedPackage pkg = load_package(p);
  const OperationInfo& border = op_of_kind(pkg, OperationKind::border);
  EXPECT_EQ(border.servers, 3);
  EXPECT_EQ(border.service_dist, ServiceDist::lognormal);
  EXPECT_EQ(border.service_cv, 1.5);
  const OperationInfo& gauge = op_of_kind(pkg, OperationKind::gauge_change);
  EXPECT_EQ(gauge.servers, 0);
  EXPECT_EQ(gauge.service_dist, ServiceDist::pert);
}

TEST(PackageService, BadCellsNameFileLineAndField) {
  PackageFiles p = with_service_columns();
  set_cell(p, kOps, 2, "servers", "2.5");
  set_cell(p, kOps, 3, "service_dist", "gamma");
  set_cell(p, kOps, 4, "service_dist", "lognormal");  // no cv
  set_cell(p, kOps, 5, "service_dist", "exponential");
  set_cell(p, kOps, 5, "service_cv", "1");            // cv without lognormal
  set_cell(p, kOps, 7, "service_dist", "lognormal");
  set_cell(p, kOps, 7, "service_cv", "0");
  set_cell(p, kOps, 10, "service_dist", "triangular");  // duration 2 h, no range
  const std::vector<std::string> got = problems(p);
  ASSERT_EQ(got.size(), 6U) << testing::PrintToString(got);
  EXPECT_THAT(got[0], testing::HasSubstr("operations.csv:2: field 'servers': got '2.5'"));
  EXPECT_THAT(got[1], testing::HasSubstr(
                          "operations.csv:3: field 'service_dist': got 'gamma', expected fixed, exponential, "
                          "lognormal, triangular or pert"));
  EXPECT_THAT(got[2], testing::HasSubstr("operations.csv:4: field 'service_cv'"));
  EXPECT_THAT(got[2], testing::HasSubstr("missing value"));
  EXPECT_THAT(got[3], testing::HasSubstr("operations.csv:5: field 'service_cv': got '1', expected an empty cell"));
  EXPECT_THAT(got[4], testing::HasSubstr("operations.csv:7: field 'service_cv': got '0'"));
  EXPECT_THAT(got[5], testing::HasSubstr("operations.csv:10: field 'service_dist': got 'triangular', expected a duration_range"));
}

}  // namespace
}  // namespace landbridge::io
