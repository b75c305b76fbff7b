// Arrivals from bookings ([scenario] bookings = "file.csv"): each row a one-off batch of boxes
// ready at its instant, rows of one origin, destination, unit and avoid cell one flow; errors
// name the bookings file, line and field.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "../support/scratch.h"
#include "landbridge/corridor/model.h"
#include "landbridge/io/text_network.h"
#include "gauge_network.h"

namespace landbridge::corridor {
namespace {

namespace fs = std::filesystem;

fs::path put(const std::string& name, const std::string& text) {
  const fs::path p = testing_support::scratch_dir() / name;
  std::ofstream(p, std::ios::binary) << text;
  return p;
}

std::string message_of(const std::string& csv, double horizon_days = 30) {
  try {
    (void)parse_bookings(csv, "b.csv", "2026-01-05", horizon_days);
  } catch (const ScenarioError& e) {
    return e.what();
  }
  return "accepted";
}

#define EXPECT_HAS(text, words) EXPECT_NE((text).find(words), std::string::npos) << (text)

TEST(CorridorBookings, RowsOfOneOdAndUnitFormOneFlowOfBatchesByReadyTime) {
  const auto flows = parse_bookings(
      "origin,destination,ready,unit,count,avoid\n"
      "# a comment\n"
      "A,B,2026-01-07T12:00Z,42G1,3,\n"
      "A,B,2026-01-06,FEU,2,\n"
      "A,B,2026-01-06T09:00+09:00,22G1,5,\n"
      "A,C,2026-01-05T06:30,teu,1,X;Y\n",
      "b.csv", "2026-01-05", 30);
  ASSERT_EQ(flows.size(), 3U);
  // A -> B in FEU: 42G1 and FEU rows together, sorted by ready time.
  EXPECT_EQ(flows[0].pattern, ReadyPattern::bookings);
  EXPECT_EQ(flows[0].teu_per_box, 2);
  EXPECT_EQ(flows[0].line, 3);
  ASSERT_EQ(flows[0].booked.size(), 2U);
  EXPECT_EQ(flows[0].booked[0].ready_h, 24.0);
  EXPECT_EQ(flows[0].booked[0].boxes, 2);
  EXPECT_EQ(flows[0].booked[0].line, 4);
  EXPECT_EQ(flows[0].booked[1].ready_h, 60.0);
  EXPECT_EQ(flows[0].booked[1].boxes, 3);
  EXPECT_DOUBLE_EQ(flows[0].teu_per_week, (5 * 2) * 7 / 30.0);
  // A -> B in TEU: 09:00 at +09:00 is midnight UTC of the 6th.
  EXPECT_EQ(flows[1].teu_per_box, 1);
  ASSERT_EQ(flows[1].booked.size(), 1U);
  EXPECT_EQ(flows[1].booked[0].ready_h, 24.0);
  EXPECT_EQ(flows[1].booked[0].boxes, 5);
  // Its own avoid cell.
  EXPECT_EQ(flows[2].destination, "C");
  EXPECT_EQ(flows[2].avoid, (std::vector<std::string>{"X", "Y"}));
  EXPECT_EQ(flows[2].booked[0].ready_h, 6.5);
}

TEST(CorridorBookings, ErrorsNameFileLineAndField) {
  const std::string h = "origin,destination,ready,unit,count\n";
  EXPECT_HAS(message_of("origin,destination,ready,unit,boxes\n"), "b.csv:1: field 'header'");
  EXPECT_HAS(message_of(h + "A,B,2026-01-06,TEU,1,extra\n"), "b.csv:2: field 'row'");
  EXPECT_HAS(message_of(h + "A,B,2026-01-06,TEU,1\n,B,2026-01-06,TEU,1\n"), "b.csv:3: field 'origin': empty");
  EXPECT_HAS(message_of(h + "A,B,6 Jan 2026,TEU,1\n"), "b.csv:2: field 'ready': got '6 Jan 2026'");
  EXPECT_HAS(message_of(h + "A,B,2026-01-04T23:59Z,TEU,1\n"), "b.csv:2: field 'ready': got '2026-01-04T23:59Z', before");
  EXPECT_HAS(message_of(h + "A,B,2026-02-04,TEU,1\n"), "b.csv:2: field 'ready': got '2026-02-04', after the scenario's horizon");
  EXPECT_EQ(message_of(h + "A,B,2026-02-03T23:59Z,TEU,1\n"), "accepted");
  EXPECT_HAS(message_of(h + "A,B,2026-01-06,32G1,1\n"), "b.csv:2: field 'unit': got '32G1'");
  EXPECT_HAS(message_of(h + "A,B,2026-01-06,box,1\n"), "b.csv:2: field 'unit'");
  EXPECT_HAS(message_of(h + "A,B,2026-01-06,TEU,0\n"), "b.csv:2: field 'count': got '0'");
  EXPECT_HAS(message_of(h + "A,B,2026-01-06,TEU,2.5\n"), "b.csv:2: field 'count'");
  EXPECT_HAS(message_of(h), "b.csv: no booking rows");
}

// A scenario with bookings and no demand on the three-node network: every booked box is ready
// at its booked instant, the batch all together, and gets delivered.
TEST(CorridorBookings, ScenarioRunsBookedBatchesAtTheirInstants) {
  put("bookings.csv",
      "origin,destination,ready,unit,count\n"
      "CNAAA,PLCCC,2026-01-12T06:00Z,TEU,10\n"
      "CNAAA,PLCCC,2026-01-19,22G1,20\n");
  const fs::path file = put("bookings.toml",
                            "[scenario]\nbookings = \"bookings.csv\"\nhorizon_days = 30\nwarmup_days = 0\n"
                            "drain_days = 30\nstart_date = \"2026-01-05\"\n"
                            "[services.rail]\npolicy = \"when_full\"\ncapacity_teu = 10\nmin_teu = 10\n");
  const Scenario s = load_scenario(file);
  EXPECT_TRUE(s.demand_file.empty());
  EXPECT_EQ(s.bookings_file, testing_support::scratch_dir() / "bookings.csv");
  ASSERT_EQ(s.flows.size(), 1U);
  const Network net = io::parse_text_network(testing::kGaugeNet);
  const CorridorModel m(net, s);
  std::vector<BoxRecord> recs;
  const ReplicationResult r = m.run(0, &recs);
  std::map<double, int> at;
  for (const BoxRecord& b : recs) at[b.ready_h] += 1;
  EXPECT_EQ(at, (std::map<double, int>{{7 * 24 + 6.0, 10}, {14 * 24.0, 20}}));
  EXPECT_EQ(r.flows[0].boxes, 30);
  EXPECT_EQ(r.flows[0].in_system_at_end, 0);
}

TEST(CorridorBookings, BookingsAddToDemandFlowsAndUnknownCodesNameTheBookingsFile) {
  put("d.csv", "origin,destination,teu_per_week,unit,pattern\nCNAAA,PLCCC,10,TEU,uniform\n");
  put("b.csv", "origin,destination,ready,unit,count\nCNAAA,PLCCC,2026-01-06,TEU,4\nCNAAA,PLCCX,2026-01-06,TEU,4\n");
  const fs::path file = put("both.toml", "[scenario]\ndemand = \"d.csv\"\nbookings = \"b.csv\"\nhorizon_days = 30\n");
  const Scenario s = load_scenario(file);
  ASSERT_EQ(s.flows.size(), 3U);
  EXPECT_EQ(s.flows[0].pattern, ReadyPattern::uniform);
  EXPECT_EQ(source_file(s, s.flows[0]), s.demand_file);
  EXPECT_EQ(source_file(s, s.flows[2]), s.bookings_file);
  const Network net = io::parse_text_network(testing::kGaugeNet);
  std::string e = "no error";
  try {
    (void)CorridorModel(net, s);
  } catch (const ScenarioError& x) {
    e = x.what();
  }
  EXPECT_HAS(e, s.bookings_file.string() + ":3: field 'destination'");
}

TEST(CorridorBookings, ScenarioTextWithDemandTextRefusesBookings) {
  std::string e = "no error";
  try {
    (void)parse_scenario("[scenario]\ndemand = \"d.csv\"\nbookings = \"b.csv\"\n", "s.toml",
                         "origin,destination,teu_per_week,unit,pattern\nA,B,1,TEU,poisson\n");
  } catch (const ScenarioError& x) {
    e = x.what();
  }
  EXPECT_HAS(e, "s.toml:3: field 'scenario.bookings': bookings are read from a file");
  try {
    (void)parse_scenario("[scenario]\nname = \"x\"\n", "s.toml");
    e = "no error";
  } catch (const ScenarioError& x) {
    e = x.what();
  }
  EXPECT_HAS(e, "field 'scenario.demand': missing");
}

}  // namespace
}  // namespace landbridge::corridor
