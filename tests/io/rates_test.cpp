// rates.csv: dated price factors (tests/data/packages/mini-rates).
//   line 3 R1 all ..2026-05-31 × 1.0 | line 4 R2 all 2026-06-01.. × 1.25 |
//   line 5 R3 service T1 June × 0.8 | line 6 R4 operation handling × 1.1
#include "landbridge/io/rates.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "landbridge/io/package.h"
#include "package_edit.h"

namespace landbridge::io {
namespace {

using testing::ElementsAre;
using timetable::CivilDate;

const LoadedPackage& mini_rates() {
  static const LoadedPackage pkg = load_package(test::package_dir("mini-rates"));
  return pkg;
}

std::string rates_text() {
  std::ifstream in(test::package_dir("mini-rates") / kRatesFile, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> problems(const std::string& text) {
  Diagnostics diags;
  (void)load_rates_text(text, mini_rates().network, diags);
  std::vector<std::string> out;
  for (const Diagnostic& d : diags.list()) out.push_back(d.to_string());
  return out;
}

TEST(Rates, FactorsInForceMultiplyOverScopes) {
  Diagnostics diags;
  const RateTable r = load_rates(mini_rates().dir, mini_rates().network, diags);
  ASSERT_TRUE(diags.empty()) << diags.list().front().to_string();
  ASSERT_EQ(r.rows().size(), 4u);
  const CivilDate may{2026, 5, 15}, june{2026, 6, 15}, july{2026, 7, 1};
  EXPECT_DOUBLE_EQ(r.link_factor("rail-HOR-AAU", Mode::rail, may), 1.0);
  EXPECT_DOUBLE_EQ(r.link_factor("rail-HOR-AAU", Mode::rail, june), 1.25);
  EXPECT_DOUBLE_EQ(r.service_factor("T1", Mode::rail, june), 1.25 * 0.8);  // the promotion
  EXPECT_DOUBLE_EQ(r.service_factor("T1", Mode::rail, july), 1.25);
  EXPECT_DOUBLE_EQ(r.service_factor("F1", Mode::feeder, june), 1.25);
  EXPECT_DOUBLE_EQ(r.operation_factor(OperationKind::handling, "JPHKT", may), 1.1);
  EXPECT_DOUBLE_EQ(r.operation_factor(OperationKind::border, "KZHOR", july), 1.25);
  // Factors change on 1 June (R2, R3) and 1 July (the day after R3 ends).
  EXPECT_THAT(r.change_days(), ElementsAre(CivilDate{2026, 6, 1}, CivilDate{2026, 7, 1}));
  EXPECT_EQ(scaled(usd(1500), 1.25), usd(1875));
  EXPECT_EQ(scaled(UsdCents(1), 1.5), UsdCents(2));
}

TEST(Rates, APackageWithoutRatesHasAnEmptyTable) {
  Diagnostics diags;
  const LoadedPackage pkg = load_package(test::package_dir("mini-services"));
  EXPECT_TRUE(load_rates(pkg.dir, pkg.network, diags).empty());
  EXPECT_TRUE(diags.empty());
}

TEST(RatesErrors, EveryProblemNamesFileLineAndField) {
  std::string text = rates_text();
  text += "R5,2026-05-01,2026-06-10,service,T1,0.9,assumption,,overlaps R3\n";   // line 7
  text += "R6,2026-13-01,,link,rail-XXX,0,,,\n";                                 // line 8
  text += "R7,2026-02-01,2026-01-01,mode,rocket,1.1,guess,S999,\n";              // line 9
  text += "R8,,,node,KZHOR,1.2,computed,,\n";                                     // line 10
  const auto p = problems(text);
  EXPECT_THAT(p, ElementsAre(
      "rates.csv:7: field 'valid_from': got '2026-05-01', rate R5 is in force on a day when rate R3 (line 5) of the same scope and target is: validities may not overlap",
      testing::StartsWith("rates.csv:8: field 'valid_from': got '2026-13-01', expected a date YYYY-MM-DD"),
      "rates.csv:8: field 'target': got 'rail-XXX', expected a link id from links.csv",
      "rates.csv:8: field 'factor': got '0', expected a multiplier greater than 0 and at most 100 (1.12 = 12% above the package prices)",
      "rates.csv:8: field 'sources': missing value; a sourced rate cites a key from sources.csv (or set basis)",
      "rates.csv:9: field 'valid_to': got '2026-01-01', expected a day on or after valid_from 2026-02-01",
      "rates.csv:9: field 'target': got 'rocket', expected a mode (deep_sea, feeder, ferry, rail, road, inland_waterway)",
      "rates.csv:9: field 'basis': got 'guess', expected sourced, computed or assumption",
      "rates.csv:9: field 'sources': got 'S999', expected a source key from sources.csv",
      "rates.csv:10: field 'note': missing value; a row with basis computed states its method or assumption"));
}

TEST(RatesErrors, UnknownColumnsAndServiceTargets) {
  EXPECT_THAT(problems("id,scope,target,factor,price\nR1,all,,1.1,12\n"),
              ElementsAre(testing::StartsWith("rates.csv:1: field 'price': got 'price', unknown column; expected one of id,")));
  EXPECT_THAT(problems("id,scope,factor\n"), ElementsAre("rates.csv:1: field 'target': missing required column"));
  Diagnostics diags;
  const RateTable r = load_rates_text("id,scope,target,factor,basis,note\nR1,service,NOPE,1.1,assumption,x\n",
                                      mini_rates().network, diags);
  ASSERT_TRUE(diags.empty());
  check_rate_services(r, {"F1", "T1", "K1"}, diags);
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags.list().front().to_string(),
            "rates.csv:2: field 'target': got 'NOPE', expected a service id from services.csv");
}

}  // namespace
}  // namespace landbridge::io

namespace landbridge::io {
namespace {

// The overlap check searches the periods kept so far by first day: a period that overlaps one
// which started long before (not the one kept last) is still found, and open ends count.
TEST(RatesErrors, OverlapsAreFoundWhateverTheOrderOfRows) {
  const std::string head = "id,valid_from,valid_to,scope,target,factor,basis,sources,note\n";
  EXPECT_THAT(problems(head +
                       "A,2026-01-01,2026-12-31,mode,rail,1.1,assumption,,x\n"
                       "B,2027-01-01,2027-01-31,mode,rail,1.1,assumption,,x\n"
                       "C,2025-01-01,2025-12-31,mode,rail,1.1,assumption,,x\n"
                       "D,2026-06-01,2026-06-30,mode,rail,1.1,assumption,,x\n"   // inside A
                       "E,2026-06-01,2026-06-30,mode,road,1.1,assumption,,x\n"   // another target
                       "F,,2024-12-31,mode,rail,1.1,assumption,,x\n"             // open start, before C
                       "G,2028-01-01,,mode,rail,1.1,assumption,,x\n"             // open end
                       "H,2029-05-01,2029-05-01,mode,rail,1.1,assumption,,x\n"), // inside G
              ElementsAre("rates.csv:5: field 'valid_from': got '2026-06-01', rate D is in force on a day when rate A "
                          "(line 2) of the same scope and target is: validities may not overlap",
                          "rates.csv:9: field 'valid_from': got '2029-05-01', rate H is in force on a day when rate G "
                          "(line 8) of the same scope and target is: validities may not overlap"));
}

}  // namespace
}  // namespace landbridge::io
