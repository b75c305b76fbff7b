// The TNTP reader on small texts: the whitespace and separators real files use, and the
// errors it must name (file, line, field).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

#include "landbridge/io/tntp.h"
#include "../support/scratch.h"

namespace landbridge::io {
namespace {

using ::testing::HasSubstr;

// Tabs, several spaces, trailing tabs after metadata values, a comment line, `;` glued to the
// last number and a last row without `;`, CRLF line ends.
constexpr std::string_view kMessyNet =
    "<NUMBER OF ZONES> 2\t\t\t\r\n"
    "<NUMBER OF NODES>   4\r\n"
    "<FIRST THRU NODE> 3\t\r\n"
    "<NUMBER OF LINKS> 4\r\n"
    "<ORIGINAL HEADER>~ \tInit node \tTerm node ;\r\n"
    "<END OF METADATA>\t\t\r\n"
    "\r\n"
    "~\tinit_node\tterm_node\tcapacity\tlength\tfree_flow_time\tb\tpower\tspeed\ttoll\tlink_type\t;\r\n"
    "\t1\t3\t100\t2.5\t10\t0.15\t4\t0\t50\t1\t;\r\n"
    "  3   2  200   1  5  0.15   2.5 0 0 1;\r\n"
    "1 4 100 4 12 0 4 0 0 1 ; 4 2 100 4 12 0.15 4 0 0 1\r\n";

TEST(TntpNetwork, ReadsMessyWhitespaceAndAppliesTheCostFactors) {
  TntpNetworkInfo info;
  const assign::Network net = parse_tntp_network(kMessyNet, "messy_net.tntp", {.toll = 0.02, .distance = 0.04}, &info);
  EXPECT_EQ(info.first_thru_node, 3u);
  EXPECT_EQ(net.vertex_count(), 4u);
  EXPECT_EQ(net.zone_count(), 2u);
  EXPECT_EQ(net.first_thru(), 2u);  // vertices 0 and 1 are centroids
  ASSERT_EQ(net.arc_count(), 4u);
  const assign::Arc& a = net.arc(assign::ArcId(0));
  EXPECT_EQ(a.tail.get(), 0u);
  EXPECT_EQ(a.head.get(), 2u);
  EXPECT_DOUBLE_EQ(a.capacity, 100);
  EXPECT_DOUBLE_EQ(a.free_time, 10);
  EXPECT_DOUBLE_EQ(a.fixed_cost, 0.02 * 50 + 0.04 * 2.5);
  EXPECT_DOUBLE_EQ(net.arc(assign::ArcId(1)).beta, 2.5);
  EXPECT_DOUBLE_EQ(net.arc(assign::ArcId(2)).alpha, 0);
  EXPECT_EQ(net.arc(assign::ArcId(3)).head.get(), 1u);
}

std::string first_message(std::string_view text, std::string_view name = "bad_net.tntp") {
  try {
    (void)parse_tntp_network(text, name);
  } catch (const LoadError& e) {
    return e.diagnostics().front().to_string();
  }
  return "no error";
}

constexpr std::string_view kHeader =
    "<NUMBER OF ZONES> 2\n<NUMBER OF NODES> 3\n<FIRST THRU NODE> 1\n<NUMBER OF LINKS> 2\n<END OF METADATA>\n";

TEST(TntpNetwork, ErrorsNameTheFileLineAndField) {
  EXPECT_EQ(first_message(std::string(kHeader) + "1 2 100 1 x1 0.15 4 0 0 1;\n2 3 100 1 1 0.15 4 0 0 1;\n"),
            "bad_net.tntp:6: field 'free_flow_time': got 'x1', expected a number");
  EXPECT_EQ(first_message(std::string(kHeader) + "1 2 100 1 1 0.15 4 0 0 1;\n2 7 100 1 1 0.15 4 0 0 1;\n"),
            "bad_net.tntp:7: field 'term_node': got '7', expected a node number in 1 .. 3");
  EXPECT_THAT(first_message(std::string(kHeader) + "1 2 100 1 1 0.15 4 0 0 1;\n"),
              HasSubstr("field '<NUMBER OF LINKS>': got '2', the file has 1 link rows; the metadata says 2"));
  EXPECT_EQ(first_message(std::string(kHeader) + "1 2 0 1 1 0.15 4 0 0 1;\n2 3 100 1 1 0.15 4 0 0 1;\n"),
            "bad_net.tntp:6: field 'capacity': got '0', expected a capacity > 0 (the link's b is > 0)");
  EXPECT_EQ(first_message(std::string(kHeader) + "1 2 100 1 1;\n2 3 100 1 1 0.15 4;\n"),
            "bad_net.tntp:6: field 'b': a link row has 5 fields; expected at least 7 (init_node ... power)");
  EXPECT_EQ(first_message("<NUMBER OF ZONES> 2\n<NUMBER OF NODES> 3\n<NUMBER OF LINKS> 0\n<END OF METADATA>\n"),
            "bad_net.tntp: the metadata has no <FIRST THRU NODE>");
  EXPECT_THAT(first_message("1 2 100 1 1 0.15 4 0 0 1;\n"), HasSubstr("no <END OF METADATA> line"));
  EXPECT_EQ(first_message("<NUMBER OF ZONES> 5\n<NUMBER OF NODES> 3\n<FIRST THRU NODE> 1\n<NUMBER OF LINKS> 0\n"
                          "<END OF METADATA>\n"),
            "bad_net.tntp:1: field '<NUMBER OF ZONES>': got '5', expected at most <NUMBER OF NODES> (3)");
}

TEST(TntpNetwork, CollectsEveryBadRow) {
  try {
    (void)parse_tntp_network(std::string(kHeader) + "0 2 100 1 1 0.15 4 0 0 1;\n2 3 100 1 -1 0.15 4 0 0 1;\n",
                             "bad_net.tntp");
    FAIL();
  } catch (const LoadError& e) {
    ASSERT_EQ(e.diagnostics().size(), 2u);
    EXPECT_EQ(e.diagnostics()[0].field, "init_node");
    EXPECT_EQ(e.diagnostics()[1].field, "free_flow_time");
    EXPECT_EQ(e.diagnostics()[1].line, 7);
  }
}

TEST(TntpTrips, ReadsPairsWithAnySpacingAndKeepsIntrazonalDemand) {
  const std::string text =
      "<NUMBER OF ZONES> 3\n<TOTAL OD FLOW> 36.5\n<END OF METADATA>\n\n"
      "~ a comment\n"
      "Origin \t1\n"
      "    1 :      4.0;     2 :    10.0;\n"
      "3:2.5;\n"
      "Origin 3\n"
      "1 :\t20 ; 2 : 0 ;\n"
      "Origin 1\n"  // a second block for the same origin adds up
      "  2 : 0.0 ;\n";
  const assign::Demand d = parse_tntp_trips(text, "t_trips.tntp", 3);
  EXPECT_DOUBLE_EQ(d.total(), 36.5);
  EXPECT_DOUBLE_EQ(d.intrazonal(), 4);
  ASSERT_EQ(d.from(assign::VertexId(0)).size(), 3u);
  EXPECT_TRUE(d.from(assign::VertexId(1)).empty());
  ASSERT_EQ(d.from(assign::VertexId(2)).size(), 1u);  // the zero volume is not stored
  EXPECT_DOUBLE_EQ(d.from(assign::VertexId(2))[0].volume, 20);
}

std::string first_trips_message(std::string_view text, std::size_t zones = 3) {
  try {
    (void)parse_tntp_trips(text, "bad_trips.tntp", zones);
  } catch (const LoadError& e) {
    return e.diagnostics().front().to_string();
  }
  return "no error";
}

TEST(TntpTrips, ErrorsNameTheFileLineAndField) {
  const std::string head = "<NUMBER OF ZONES> 3\n<END OF METADATA>\n";
  EXPECT_EQ(first_trips_message(head + "Origin 1\n 2 : 1.0; 4 : 2.0;\n"),
            "bad_trips.tntp:4: field 'destination': got '4', expected a zone number in 1 .. 3");
  EXPECT_EQ(first_trips_message(head + "Origin 1\n 2 : 1,5;\n"),
            "bad_trips.tntp:4: field 'volume': got '1,5', expected a number >= 0");
  EXPECT_EQ(first_trips_message(head + "Origin 9\n 2 : 1;\n"),
            "bad_trips.tntp:3: field 'Origin': got '9', expected a zone number in 1 .. 3");
  EXPECT_EQ(first_trips_message(head + " 2 : 1;\n"),
            "bad_trips.tntp:3: field 'Origin': got '2', expected an 'Origin o' line before the first pair");
  EXPECT_EQ(first_trips_message(head + "Origin 1\n 2 : -1;\n"),
            "bad_trips.tntp:4: field 'volume': got '-1', expected a number >= 0");
  EXPECT_EQ(first_trips_message(head, 4),
            "bad_trips.tntp:1: field '<NUMBER OF ZONES>': got '3', expected 4, the network's number of zones");
  EXPECT_EQ(first_trips_message("<NUMBER OF ZONES> 3\n<TOTAL OD FLOW> 10\n<END OF METADATA>\nOrigin 1\n2 : 9;\n"),
            "bad_trips.tntp:2: field '<TOTAL OD FLOW>': got '10', the volumes add up to 9; expected the same total");
}

TEST(TntpFlowsAndNodes, ReadAfterTheirHeaders) {
  const auto flows = parse_tntp_flows("From \tTo \tVolume \tCost \n1 \t2 \t4494.65 \t6.0008\n2\t1\t0\t6\n", "f");
  ASSERT_EQ(flows.size(), 2u);
  EXPECT_EQ(flows[0].to, 2u);
  EXPECT_DOUBLE_EQ(flows[0].volume, 4494.65);
  EXPECT_DOUBLE_EQ(flows[1].cost, 6);
  const auto nodes = parse_tntp_nodes("Node\tX\tY\t;\n1\t-96.77\t43.61\t;\n2\t-96.71\t43.60\t;\n", "n");
  ASSERT_EQ(nodes.size(), 2u);
  EXPECT_DOUBLE_EQ(nodes[1].x, -96.71);
  try {
    (void)parse_tntp_flows("From To Volume Cost\n1 2 abc 3\n", "x_flow.tntp");
    FAIL();
  } catch (const LoadError& e) {
    EXPECT_EQ(e.diagnostics().front().to_string(), "x_flow.tntp:2: field 'volume': got 'abc', expected a number");
  }
  try {
    (void)parse_tntp_flows("From To Volume Cost\n1 -96.7 0 6\n", "x_flow.tntp");
    FAIL();
  } catch (const LoadError& e) {
    EXPECT_EQ(e.diagnostics().front().to_string(), "x_flow.tntp:2: field 'to': got '-96.7', expected a node number >= 1");
  }
}

void write(const std::filesystem::path& p, std::string_view text) {
  std::ofstream out(p, std::ios::binary);
  out << text;
}

TEST(TntpFolder, FindsTheFilesAndReadsThem) {
  const auto dir = testing_support::scratch_dir();
  write(dir / "Tiny_net.tntp", kMessyNet);
  write(dir / "Tiny_trips.tntp", "<NUMBER OF ZONES> 2\n<END OF METADATA>\nOrigin 1\n2 : 5;\n");
  const TntpFolder f = find_tntp_files(dir);
  EXPECT_EQ(f.name, "Tiny");
  EXPECT_TRUE(f.flow.empty());
  const assign::Network net = read_tntp_network(f.net);
  const assign::Demand d = read_tntp_trips(f.trips, net.zone_count());
  EXPECT_DOUBLE_EQ(d.total(), 5);
}

TEST(TntpFolder, MissingFilesAreLoadErrors) {
  const auto dir = testing_support::scratch_dir();
  EXPECT_THROW((void)find_tntp_files(dir / "nowhere"), LoadError);
  write(dir / "Lonely_net.tntp", kMessyNet);
  try {
    (void)find_tntp_files(dir);
    FAIL();
  } catch (const LoadError& e) {
    EXPECT_THAT(e.what(), HasSubstr("no Lonely_trips.tntp beside Lonely_net.tntp"));
  }
  try {
    (void)read_tntp_network(dir / "Absent_net.tntp");
    FAIL();
  } catch (const LoadError& e) {
    EXPECT_THAT(e.what(), HasSubstr("Absent_net.tntp: no such file"));
  }
}

TEST(TntpFactors, KnownNetworksFollowTheirReadmes) {
  ASSERT_TRUE(tntp_known_factors("ChicagoSketch"));
  EXPECT_DOUBLE_EQ(tntp_known_factors("ChicagoSketch")->toll, 0.02);
  EXPECT_DOUBLE_EQ(tntp_known_factors("ChicagoSketch")->distance, 0.04);
  ASSERT_TRUE(tntp_known_factors("SiouxFalls"));
  EXPECT_DOUBLE_EQ(tntp_known_factors("SiouxFalls")->distance, 0);
  EXPECT_FALSE(tntp_known_factors("Winnipeg"));
}

}  // namespace
}  // namespace landbridge::io
