// Loading the valid test package (tests/data/packages/mini) and checking what the loader
// computed against the figures written in its files.
#include "landbridge/io/package.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>

#include "landbridge/core/geo.h"
#include "package_edit.h"

namespace landbridge::io {
namespace {

using test::mini;
using test::package_dir;

const Network& net_of(const LoadedPackage& p) {
  return p.network;
}

LinkId link(const Network& n, std::string_view id) {
  auto l = n.find_link(id);
  EXPECT_TRUE(l.has_value()) << id;
  return l.value_or(LinkId(0));
}

LatLon pos(const Network& n, std::string_view code) {
  return n.node(*n.find_node(code)).pos;
}

TEST(Package, MiniLoadsWithEveryRowAndReverseLinks) {
  const LoadedPackage p = load_package(package_dir("mini"));
  const Network& n = net_of(p);
  EXPECT_EQ(n.name(), "mini");
  EXPECT_EQ(p.version, "test-1");
  EXPECT_EQ(n.mass_per_teu(), Tonnes(10.0));
  EXPECT_EQ(n.node_count(), 7u);
  EXPECT_EQ(n.sources().size(), 11u);
  EXPECT_EQ(n.emission_factors().size(), 4u);
  // 7 rows, 6 of them two-way.
  EXPECT_EQ(n.link_count(), 13u);
  EXPECT_EQ(n.operation_count(), 15u);
  EXPECT_TRUE(n.find_link("rail-HOR-ALA~r").has_value());
  EXPECT_FALSE(n.find_link("rail-HOR-AAU~r").has_value());
  const LinkId r = link(n, "feeder-HKT-LYG~r");
  EXPECT_EQ(n.node(n.link_from(r)).code, "CNLYG");
  EXPECT_EQ(n.node(n.link_to(r)).code, "JPHKT");
  EXPECT_EQ(p.sea_from_port.size(), n.link_count());
  EXPECT_FALSE(p.sea_from_port[r].valid());
  EXPECT_EQ(p.marnet, nullptr);  // no link needs the maritime graph
  EXPECT_EQ(p.dir, package_dir("mini"));
}

TEST(Package, NodesKeepTheirCells) {
  const LoadedPackage p = load_package(package_dir("mini"));
  const Network& n = p.network;
  const NodeInfo& hor = n.node(*n.find_node("KZHOR"));
  EXPECT_EQ(hor.name, "Khorgos Gateway");
  EXPECT_EQ(hor.country, "KZ");
  EXPECT_EQ(hor.kind, NodeKind::dry_port);
  EXPECT_EQ(hor.pos, (LatLon{44.224, 80.384}));
  EXPECT_EQ(hor.timezone, "Asia/Almaty");
  EXPECT_THAT(hor.aliases, testing::ElementsAre("Khorgos", "Altynkol"));
  EXPECT_EQ(hor.note, "no LOCODE for Altynkol station; coordinates geocoded");
  ASSERT_EQ(hor.sources.size(), 1u);
  EXPECT_EQ(n.source(hor.sources[0]).key, "S119");
  // A quoted field keeps its comma.
  const Source& s22 = n.source(SourceId(3));
  EXPECT_EQ(s22.key, "S22");
  EXPECT_EQ(s22.title, "Silk Route News, issue 511");
  EXPECT_EQ(s22.date, "2025-11-26");
}

TEST(Package, GreatCircleDistanceTimesFactorAndSpeedGiveDurations) {
  const LoadedPackage p = load_package(package_dir("mini"));
  const Network& n = p.network;
  // feeder-HKT-LYG: gc*1.15 at 14 kn.
  const LinkId f = link(n, "feeder-HKT-LYG");
  const double km = great_circle(pos(n, "JPHKT"), pos(n, "CNLYG")).value() * 1.15;
  EXPECT_NEAR(n.link_distance(f).value(), km, 1e-9);
  EXPECT_EQ(n.link_duration(f), hours(km / (14.0 * 1.852)));
  EXPECT_NEAR(n.link_info(f).speed.value(), 14.0, 1e-12);
  EXPECT_EQ(n.link_info(f).distance_basis, Basis::computed);
  EXPECT_EQ(n.link_carriage(f), (Carriage{Mode::feeder, Gauge::none}));
  // The reverse link carries the same figures.
  const LinkId fr = link(n, "feeder-HKT-LYG~r");
  EXPECT_EQ(n.link_distance(fr), n.link_distance(f));
  EXPECT_EQ(n.link_duration(fr), n.link_duration(f));
  // rail-HOR-ALA: gc*1.3 at 941 km/d.
  const LinkId ra = link(n, "rail-HOR-ALA");
  const double km2 = great_circle(pos(n, "KZHOR"), pos(n, "KZALA")).value() * 1.3;
  EXPECT_NEAR(n.link_distance(ra).value(), km2, 1e-9);
  EXPECT_EQ(n.link_duration(ra), hours(km2 / (941.0 / 24.0)));
  EXPECT_EQ(n.link_carriage(ra), (Carriage{Mode::rail, Gauge::g1520}));
}

TEST(Package, WrittenFiguresAndUnits) {
  const LoadedPackage p = load_package(package_dir("mini"));
  const Network& n = p.network;
  const LinkId aau = link(n, "rail-HOR-AAU");  // 3128 km, 3 d, 1500 USD per TEU
  EXPECT_EQ(n.link_distance(aau), Kilometres(3128.0));
  EXPECT_EQ(n.link_duration(aau), days(3));
  EXPECT_EQ(n.link_cost_teu(aau), usd(1500));
  EXPECT_EQ(n.link_cost_feu(aau), usd(1500 * 1.6));  // feu_teu_cost_ratio = 1.6
  EXPECT_EQ(n.link_info(aau).distance_basis, Basis::sourced);
  ASSERT_EQ(n.link_info(aau).sources.size(), 1u);
  EXPECT_EQ(n.source(n.link_info(aau).sources[0]).key, "S16");
  // Only cost_feu given: TEU price derived with the ratio.
  const LinkId lyg = link(n, "rail-LYG-HRS");
  EXPECT_EQ(n.link_cost_feu(lyg), usd(2500));
  EXPECT_EQ(n.link_cost_teu(lyg), usd(2500 / 1.6));
  EXPECT_EQ(n.link_duration(lyg), days(4));
}

TEST(Package, RangesFillTheEstimates) {
  const LoadedPackage p = load_package(package_dir("mini"));
  const Network& n = p.network;
  const LinkInfo& ferry =
      n.link_info(link(n, "ferry-AAU-ALA"));  // 436 km in 436..508 km, 20 h in 18..22 h
  EXPECT_EQ(ferry.distance.value, Kilometres(436.0));
  EXPECT_EQ(ferry.distance.lo, Kilometres(436.0));
  EXPECT_EQ(ferry.distance.hi, Kilometres(508.0));
  EXPECT_EQ(ferry.duration.value, hours(20));
  EXPECT_EQ(ferry.duration.lo, hours(18));
  EXPECT_EQ(ferry.duration.hi, hours(22));
  EXPECT_FALSE(ferry.cost_teu.is_range());
  EXPECT_EQ(ferry.capacity_teu_per_day, 300.0);
  EXPECT_EQ(ferry.distance_basis, Basis::sourced);
  EXPECT_THAT(ferry.sources, testing::SizeIs(2));
}

TEST(Package, SpeedRangeGivesTheDurationRange) {
  PackageFiles p = mini();
  test::add_column(p, "links.csv", "speed_range");
  test::set_cell(p, "links.csv", 6, "speed_range", "800..1200 km/d");  // rail-HOR-ALA at 941 km/d
  const LoadedPackage pkg = load_package(p);
  const Network& n = pkg.network;
  const LinkId l = link(n, "rail-HOR-ALA");
  const double km = n.link_distance(l).value();
  const LinkInfo& info = n.link_info(l);
  EXPECT_EQ(info.duration.value, hours(km / (941.0 / 24.0)));
  EXPECT_EQ(info.duration.lo, hours(km / (1200.0 / 24.0)));  // fastest
  EXPECT_EQ(info.duration.hi, hours(km / (800.0 / 24.0)));   // slowest
  // Without a speed range the written figure is exact.
  EXPECT_FALSE(n.link_info(link(n, "feeder-HKT-LYG")).duration.is_range());
}

TEST(Package, OperationsAndTransfersAtTheBreakOfGauge) {
  const LoadedPackage p = load_package(package_dir("mini"));
  const Network& n = p.network;
  const NodeId hor = *n.find_node("KZHOR");
  const std::uint8_t g1435 = Carriage{Mode::rail, Gauge::g1435}.code();
  const std::uint8_t g1520 = Carriage{Mode::rail, Gauge::g1520}.code();
  // rail:1435 -> rail:1520: gauge change (1 h, 329 USD) plus the border (37.3 h, 215 USD).
  const Transfer& t = n.transfer(hor, g1435, g1520);
  EXPECT_EQ(t.duration, hours(1) + hours(37.3));
  EXPECT_EQ(t.cost_teu, usd(329 + 215));
  EXPECT_EQ(t.cost_feu, usd((329 + 215) * 1.6));
  EXPECT_TRUE(t.transshipment);
  ASSERT_EQ(n.transfer_ops(t).size(), 2u);
  const OperationInfo& gc = n.operation(n.transfer_ops(t)[0]);
  EXPECT_EQ(gc.kind, OperationKind::gauge_change);
  EXPECT_EQ(gc.duration.lo, hours(1));
  EXPECT_EQ(gc.duration.hi, hours(5));
  EXPECT_EQ(gc.hub_kg_co2e_per_t, 0.5);
  EXPECT_EQ(gc.capacity_teu_per_day, 5000.0);
  const OperationInfo& border = n.operation(n.transfer_ops(t)[1]);
  EXPECT_EQ(border.duration.lo, hours(27.6));
  EXPECT_EQ(border.duration.hi, hours(51.9));
  // Dwell at Aktau before the ferry: "2 d" in "1..7 d".
  const NodeId aau = *n.find_node("KZAAU");
  const Transfer& f = n.transfer(aau, g1520, Carriage{Mode::ferry, Gauge::none}.code());
  EXPECT_EQ(f.duration, hours(6) + days(2));
}

TEST(Package, ValidatePackageFindsNothingInAGoodPackage) {
  EXPECT_THAT(validate_package(package_dir("mini")), testing::IsEmpty());
  EXPECT_THAT(validate_package(mini()), testing::IsEmpty());
}

TEST(Package, InMemoryAndFolderLoadsAgree) {
  const LoadedPackage a = load_package(package_dir("mini"));
  const LoadedPackage b = load_package(mini());
  ASSERT_EQ(a.network.link_count(), b.network.link_count());
  for (LinkId l{0}; l.get() < a.network.link_count(); l = LinkId(l.get() + 1)) {
    EXPECT_EQ(a.network.link_info(l).id, b.network.link_info(l).id);
    EXPECT_EQ(a.network.link_distance(l), b.network.link_distance(l));
    EXPECT_EQ(a.network.link_duration(l), b.network.link_duration(l));
  }
}

TEST(Package, CsvDialectVariantsLoadTheSame) {
  // Windows line ends, a byte-order mark, blank lines, spreadsheet-empty rows, blanks around
  // fields and quoted fields must not change what is loaded.
  PackageFiles p = mini();
  std::string& nodes = p.files.at("nodes.csv");
  std::string crlf;
  for (char c : nodes) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  nodes = "\xEF\xBB\xBF" + crlf + "\r\n,,,,,,,,,,\r\n";
  std::string& links = p.files.at("links.csv");
  links.insert(links.find("rail-HOR-AAU"), "\n   \n");
  test::set_cell(p, "operations.csv", 8, "cost_teu", "  329 USD  ");
  const LoadedPackage a = load_package(p);
  const LoadedPackage b = load_package(mini());
  EXPECT_EQ(a.network.node_count(), b.network.node_count());
  EXPECT_EQ(a.network.link_count(), b.network.link_count());
  EXPECT_EQ(a.network.node(NodeId(6)).name, "Alat (Port of Baku)");
  EXPECT_EQ(a.network.operation(OperationId(6)).cost_teu.value, usd(329));
}

TEST(Package, DefaultPackageFollowsTheDataDirectory) {
  const char* before = std::getenv("LANDBRIDGE_DATA_DIR");
  const std::string saved = before ? before : "";
  ::unsetenv("LANDBRIDGE_DATA_DIR");
  EXPECT_EQ(default_package_dir(), std::filesystem::path(LANDBRIDGE_DATA_DIR) / "eurasia");
  ::setenv("LANDBRIDGE_DATA_DIR", "/srv/landbridge", 1);
  EXPECT_EQ(default_package_dir(), std::filesystem::path("/srv/landbridge/eurasia"));
  if (before)
    ::setenv("LANDBRIDGE_DATA_DIR", saved.c_str(), 1);
  else
    ::unsetenv("LANDBRIDGE_DATA_DIR");
}

TEST(Package, MissingFolder) {
  try {
    load_package(package_dir("no-such-package"));
    FAIL() << "expected LoadError";
  } catch (const LoadError& e) {
    ASSERT_EQ(e.diagnostics().size(), 1u);
    EXPECT_THAT(e.diagnostics()[0].to_string(),
                testing::EndsWith("no-such-package: not a folder; expected a network package "
                                  "folder holding network.toml"));
  }
}

}  // namespace
}  // namespace landbridge::io
