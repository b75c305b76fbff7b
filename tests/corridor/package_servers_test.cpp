// The package's simulation columns of operations.csv (servers, service_dist, service_cv) make
// an operation a queue in the corridor model; absent, the operation stays a delay; a scenario's
// [[operations]] entry overrides them. On the test package `mini`: CNLYG -> KZAAU crosses the
// KZHOR border (37.3 h, range 27.6..51.9 h) and gauge change.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "landbridge/corridor/model.h"
#include "landbridge/io/package.h"

namespace landbridge::corridor {
namespace {

// The mini package with the three columns; `border_cells` ("servers,dist,cv") on the KZHOR
// border row, the other rows empty.
io::LoadedPackage mini_with(const std::string& border_cells) {
  io::PackageFiles p = io::read_package_files(std::filesystem::path(LANDBRIDGE_TEST_DATA_DIR) / "packages" / "mini");
  std::string& ops = p.files.at("operations.csv");
  std::string out, line;
  std::istringstream in(ops);
  bool header = true;
  while (std::getline(in, line)) {
    if (header) {
      out += line + ",servers,service_dist,service_cv\n";
      header = false;
    } else if (line.starts_with("#") || line.empty()) {
      out += line + "\n";
    } else {
      out += line + "," + (line.starts_with("KZHOR,border,") ? border_cells : std::string(",,")) + "\n";
    }
  }
  ops = out;
  return io::load_package(p);
}

Scenario scenario() {
  Scenario s;
  s.name = "mini";
  s.flows.push_back({.origin = "CNLYG", .destination = "KZAAU", .teu_per_week = 20, .teu_per_box = 1,
                     .pattern = ReadyPattern::uniform, .avoid = {}});
  s.horizon_days = 70;
  s.warmup_days = 7;
  s.drain_days = 30;
  s.rail = ServicePolicy{ServicePolicy::Kind::when_full, 168, 0, 10, 10, 1000, 0};
  return s;
}

struct Outcome {
  std::vector<std::string> labels;
  ReplicationResult result;
  std::set<double> border_h;  // the border times the delivered boxes had
};

Outcome run(const Network& net, const Scenario& s) {
  const CorridorModel m(net, s);
  Outcome o;
  o.labels = m.node_labels();
  std::vector<BoxRecord> recs;
  o.result = m.run(0, &recs);
  for (const BoxRecord& b : recs)
    if (b.delivered_h >= 0) o.border_h.insert(b.border_h);
  return o;
}

std::size_t index_of(const Outcome& o, const std::string& label) {
  return static_cast<std::size_t>(std::find(o.labels.begin(), o.labels.end(), label) - o.labels.begin());
}

TEST(CorridorPackageServers, WithoutTheColumnsTheBorderIsADelay) {
  const io::LoadedPackage pkg = mini_with(",,");
  const Outcome o = run(pkg.network, scenario());
  EXPECT_EQ(index_of(o, "KZHOR-border"), o.labels.size());
  ASSERT_GT(o.border_h.size(), 1U);  // triangular over the range, drawn per train
  EXPECT_GE(*o.border_h.begin(), 27.6 - 1e-9);
  EXPECT_LE(*o.border_h.rbegin(), 51.9 + 1e-9);
}

TEST(CorridorPackageServers, ServersAndAFixedServiceMakeTheBorderAQueue) {
  const io::LoadedPackage pkg = mini_with("1,fixed,");
  const Outcome o = run(pkg.network, scenario());
  const std::size_t k = index_of(o, "KZHOR-border");
  ASSERT_LT(k, o.labels.size());
  EXPECT_EQ(o.result.nodes[k].cranes, 1.0);
  EXPECT_NEAR(o.result.nodes[k].mean_service_h, 37.3, 1e-9);
  // Per train (a border's default): the train's first box waits the whole 37.3 h, boxes that
  // reach the lane later in the service share what is left of it.
  EXPECT_DOUBLE_EQ(*o.border_h.rbegin(), 37.3);
}

TEST(CorridorPackageServers, LognormalServiceVariesAroundTheDuration) {
  const io::LoadedPackage pkg = mini_with("2,lognormal,1.5");
  const Outcome o = run(pkg.network, scenario());
  const std::size_t k = index_of(o, "KZHOR-border");
  ASSERT_LT(k, o.labels.size());
  EXPECT_EQ(o.result.nodes[k].cranes, 2.0);
  EXPECT_GT(o.border_h.size(), 5U);
  // Heavy-tailed: some trains far below and some far above the 37.3 h mean.
  EXPECT_LT(*o.border_h.begin(), 20.0);
  EXPECT_GT(*o.border_h.rbegin(), 60.0);
}

TEST(CorridorPackageServers, TheScenariosOperationsOverrideThePackage) {
  const io::LoadedPackage pkg = mini_with("1,fixed,");
  Scenario s = scenario();
  OperationSpec spec;
  spec.node = "KZHOR";
  spec.kind = "border";
  spec.servers = 3;
  spec.per_train = true;
  spec.has_service = true;
  spec.service.dist = ServiceTimeSpec::Dist::fixed;
  spec.service.value_h = 5;
  s.operations.push_back(spec);
  const Outcome o = run(pkg.network, s);
  const std::size_t k = index_of(o, "KZHOR-border");
  ASSERT_LT(k, o.labels.size());
  EXPECT_EQ(o.result.nodes[k].cranes, 3.0);
  EXPECT_NEAR(o.result.nodes[k].mean_service_h, 5.0, 1e-9);
  EXPECT_DOUBLE_EQ(*o.border_h.rbegin(), 5.0);
}

}  // namespace
}  // namespace landbridge::corridor
