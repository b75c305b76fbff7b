// The demand reader and the settings: every error names file, line, field and what was expected.
#include <gtest/gtest.h>

#include <fstream>

#include "../support/scratch.h"
#include "landbridge/freight/settings.h"
#include "landbridge/io/freight_demand.h"

namespace landbridge::io {
namespace {

std::vector<Diagnostic> problems(std::string_view text, const std::set<std::string, std::less<>>* keys = nullptr) {
  Diagnostics d;
  parse_demand(text, "demand.csv", keys, d);
  return d.list();
}

TEST(DemandReader, ReadsRowsWithTheirLines) {
  Diagnostics d;
  const DemandTable t = parse_demand(
      "# comment\norigin,destination,teu_per_week,equipment,commodity,basis,sources,note\n"
      "JPYOK,DEDUI,120.5,feu,high_value,,D1,\n"
      "Hakata,Almaty,10,teu,reefer,assumption,,\"a stated guess\"\n",
      "demand.csv", nullptr, d);
  ASSERT_TRUE(d.empty()) << d.list()[0].to_string();
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0].line, 3);
  EXPECT_EQ(t.rows[0].origin, "JPYOK");
  EXPECT_DOUBLE_EQ(t.rows[0].teu_per_week, 120.5);
  EXPECT_EQ(t.rows[0].equipment, DemandEquipment::feu);
  EXPECT_DOUBLE_EQ(teu_per_box(t.rows[0].equipment), 2.0);
  EXPECT_EQ(t.rows[0].commodity, Commodity::high_value);
  EXPECT_EQ(t.rows[1].line, 4);
  EXPECT_EQ(t.rows[1].destination, "Almaty");
  EXPECT_EQ(t.rows[1].basis, Basis::assumption);
}

TEST(DemandReader, NamesLineFieldAndExpectation) {
  const auto d = problems(
      "origin,destination,teu_per_week,equipment,commodity,sources\n"
      "JPYOK,DEDUI,-3,feu,general,D1\n"
      "JPYOK,DEDUI,5,box,general,D1\n"
      "JPYOK,DEDUI,5,feu,gold,D1\n"
      "JPYOK,DEDUI,5,feu,general,\n"
      "JPYOK,JPYOK,5,feu,general,D1\n");
  ASSERT_EQ(d.size(), 5u);
  EXPECT_EQ(d[0].line, 2);
  EXPECT_EQ(d[0].field, "teu_per_week");
  EXPECT_EQ(d[0].value, "-3");
  EXPECT_NE(d[0].message.find("above 0"), std::string::npos);
  EXPECT_EQ(d[1].line, 3);
  EXPECT_EQ(d[1].field, "equipment");
  EXPECT_NE(d[1].message.find("teu, feu"), std::string::npos);
  EXPECT_EQ(d[2].field, "commodity");
  EXPECT_EQ(d[2].value, "gold");
  EXPECT_EQ(d[3].line, 5);
  EXPECT_EQ(d[3].field, "sources");
  EXPECT_EQ(d[4].line, 6);
  EXPECT_EQ(d[4].field, "destination");
  EXPECT_EQ(d[0].file, "demand.csv");
}

TEST(DemandReader, RefusesUnknownAndMissingColumns) {
  const auto d = problems("origin,destination,teu_per_wek,equipment,commodity\nA,B,1,feu,general\n");
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].field, "teu_per_wek");
  EXPECT_EQ(d[0].line, 1);
  EXPECT_NE(d[0].message.find("unknown column"), std::string::npos);
  EXPECT_EQ(d[1].field, "teu_per_week");
  EXPECT_NE(d[1].message.find("missing required column"), std::string::npos);
}

TEST(DemandReader, AssumptionNeedsANoteAndKeysMustBeKnown) {
  const std::set<std::string, std::less<>> keys = {"D1"};
  const auto d = problems(
      "origin,destination,teu_per_week,equipment,commodity,basis,sources,note\n"
      "A,B,1,feu,general,assumption,,\n"
      "A,B,1,feu,general,,D9,\n",
      &keys);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].field, "note");
  EXPECT_EQ(d[1].field, "sources");
  EXPECT_EQ(d[1].value, "D9");
}

TEST(DemandReader, LoadChecksTheSourcesBesideIt) {
  const auto dir = testing_support::scratch_dir();
  std::ofstream(dir / "sources.csv") << "key,title,url,date,note\nD1,a title,example.org,2024-13,\n";
  std::ofstream(dir / "demand.csv") << "origin,destination,teu_per_week,equipment,commodity,sources\nA,B,1,feu,general,D1\n";
  try {
    load_demand(dir / "demand.csv");
    FAIL() << "expected a LoadError";
  } catch (const LoadError& e) {
    ASSERT_EQ(e.diagnostics().size(), 2u);  // the bad date, then D1 is not a known key
    EXPECT_EQ(e.diagnostics()[0].field, "date");
    EXPECT_EQ(e.diagnostics()[0].line, 2);
    EXPECT_EQ(e.diagnostics()[1].field, "sources");
  }
}

TEST(FreightSettings, ParsesKeysAndRefusesBadOnes) {
  freight::Settings s;
  freight::apply_setting(s, "node.KZHOR.cranes = 6", "--set");
  freight::apply_setting(s, "service.FDR-HKT-LYG.departures_per_week=2", "--set");
  freight::apply_setting(s, "class.high_value.vot=9.5", "--set");
  EXPECT_EQ(s.nodes.at("KZHOR").cranes, 6);
  EXPECT_EQ(s.services.at("FDR-HKT-LYG").departures_per_week, 2);
  EXPECT_EQ(s.vot.at("high_value"), 9.5);
  EXPECT_THROW(freight::apply_setting(s, "node.KZHOR.cranes=2.5", "--set"), RequestError);
  EXPECT_THROW(freight::apply_setting(s, "node.KZHOR.crane=2", "--set"), RequestError);
  EXPECT_THROW(freight::apply_setting(s, "cranes", "--set"), RequestError);
  const auto dir = testing_support::scratch_dir();
  std::ofstream(dir / "w.txt") << "# what-if\nnode.KZHOR.cranes = 6\nlink.x.capacity_teu_day = lots\n";
  try {
    freight::apply_settings_file(s, dir / "w.txt");
    FAIL() << "expected a LoadError";
  } catch (const LoadError& e) {
    ASSERT_EQ(e.diagnostics().size(), 1u);
    EXPECT_EQ(e.diagnostics()[0].line, 3);
    EXPECT_EQ(e.diagnostics()[0].field, "link.x.capacity_teu_day");
  }
}

}  // namespace
}  // namespace landbridge::io
