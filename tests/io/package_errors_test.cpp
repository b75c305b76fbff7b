// One test per error class: take the valid mini package, break one thing, and compare the
// complete list of problems with what `landbridge validate` should print.
//
// Line numbers are physical lines of tests/data/packages/mini:
//   links.csv       1 header, 2 feeder-HKT-LYG, 3 rail-LYG-HRS, 4 a comment, 5 rail-HRS-HOR,
//                   6 rail-HOR-ALA, 7 rail-HOR-AAU, 8 ferry-AAU-ALA, 9 road-HOR-ALA
//   nodes.csv       1 header, 2 JPHKT, 3 CNLYG, 4 CNHRS, 5 KZHOR, 6 KZALA, 7 KZAAU, 8 AZALA
//   operations.csv  1 header, 8 KZHOR gauge_change rail:1435 -> rail:1520, 9 the reverse
#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "landbridge/io/package.h"
#include "package_edit.h"

namespace landbridge::io {
namespace {

using testing::ElementsAre;
using namespace test;

const std::string kLinks = "links.csv";
const std::string kNodes = "nodes.csv";
const std::string kOps = "operations.csv";
const std::string kFactors = "emission_factors.csv";
const std::string kSources = "sources.csv";
const std::string kToml = "network.toml";

// --- references ------------------------------------------------------------------------------

TEST(PackageErrors, UnknownNodeSuggestsCodesOfTheSameCountry) {
  PackageFiles p = mini();
  set_cell(p, kLinks, 3, "to", "KZXXX");
  EXPECT_THAT(
      problems(p),
      ElementsAre(
          "links.csv:3: field 'to': got 'KZXXX', expected a node code from nodes.csv (did you mean "
          "KZHOR (Khorgos Gateway), KZALA (Almaty) or KZAAU (Aktau)?)"));
}

TEST(PackageErrors, UnknownNodeSuggestsCloseCodes) {
  PackageFiles p = mini();
  set_cell(p, kLinks, 5, "from", "CNHRZ");
  EXPECT_THAT(problems(p),
              ElementsAre("links.csv:5: field 'from': got 'CNHRZ', expected a node code from "
                          "nodes.csv (did you mean CNHRS (Horgos)?)"));
}

TEST(PackageErrors, UnknownNodeSuggestsByNameAndAlias) {
  PackageFiles p = mini();
  set_cell(p, kOps, 8, "node", "Khorgos");  // an alias of KZHOR, one letter from the name Horgos
  EXPECT_THAT(
      problems(p),
      ElementsAre(
          "nodes.csv:5: field 'code': got 'KZHOR', rail:1435 arrives and rail:1520 departs here, "
          "but no gauge_change operation covers that transfer; expected a row in operations.csv "
          "such as 'KZHOR,gauge_change,rail:1435,rail:1520,...'",
          "operations.csv:8: field 'node': got 'Khorgos', expected a node code from nodes.csv "
          "(did you mean KZHOR (Khorgos Gateway) or CNHRS (Horgos)?)"));
}

TEST(PackageErrors, UnknownSourceKeysAndEmissionFactors) {
  PackageFiles p = mini();
  set_cell(p, kLinks, 7, "sources", "S16;S17");
  set_cell(p, kLinks, 6, "emission_factor", "rail-tst");
  set_line(p, kToml, 9, "mass_per_teu_source = \"S98\"");
  EXPECT_THAT(
      problems(p),
      ElementsAre(
          "network.toml:9: field 'mass_per_teu_source': got 'S98', expected a source key from "
          "sources.csv (did you mean S78 or S99?)",
          "links.csv:6: field 'emission_factor': got 'rail-tst', expected an emission factor id "
          "from emission_factors.csv (did you mean rail-test?)",
          "links.csv:7: field 'sources': got 'S17', expected a source key from sources.csv (did "
          "you mean S11 or S16?)"));
}

// --- keys --------------------------------------------------------------------------------------

TEST(PackageErrors, DuplicateKeysInEveryFile) {
  PackageFiles p = mini();
  const int s = append_line(p, kSources, "S06,Another page,,2020,");
  const int n = append_line(p, kNodes, "KZHOR,Khorgos again,KZ,dry_port,44.2,80.4,,,S119,,");
  const int f = append_line(p, kFactors, "rail-test,rail,Another train,18,15,,assumption,,");
  set_cell(p, kLinks, 9, "id", "rail-HOR-AAU");
  const int o = append_line(p, kOps, "KZHOR,border,*,*,10,,,,,,assumption,,");
  EXPECT_THAT(problems(p),
              ElementsAre(fmt::format("sources.csv:{}: field 'key': got 'S06', expected a unique "
                                      "source key (already used on line 2)",
                                      s),
                          fmt::format("nodes.csv:{}: field 'code': got 'KZHOR', expected a unique "
                                      "node code (already used on line 5)",
                                      n),
                          fmt::format("emission_factors.csv:{}: field 'id': got 'rail-test', "
                                      "expected a unique emission factor id "
                                      "(already used on line 4)",
                                      f),
                          "links.csv:9: field 'id': got 'rail-HOR-AAU', expected a unique link id "
                          "(already used on line 7)",
                          fmt::format("operations.csv:{}: field 'node': got 'KZHOR', expected one "
                                      "row per node, kind, arrive and "
                                      "depart: line 7 has the same border operation",
                                      o)));
}

TEST(PackageErrors, ReverseIdOfATwoWayLinkIsTaken) {
  PackageFiles p = mini();
  set_cell(p, kLinks, 7, "id", "rail-HOR-ALA~r");
  EXPECT_THAT(
      problems(p),
      ElementsAre("links.csv:6: field 'id': got 'rail-HOR-ALA', expected an id whose reverse "
                  "'rail-HOR-ALA~r' is free: line 7 uses it"));
}

// --- UN/LOCODE --------------------------------------------------------------------------------

TEST(PackageErrors, MalformedLocode) {
  PackageFiles p = mini();
  replace_everywhere(p, "KZALA", "KZAL1");  // digits must be 2-9
  replace_everywhere(p, "JPHKT", "jphkt");
  EXPECT_THAT(
      problems(p),
      ElementsAre("nodes.csv:2: field 'code': got 'jphkt', expected a UN/LOCODE: 2 capital letters "
                  "(country) and 3 capital letters or digits 2-9 (^[A-Z]{2}[A-Z2-9]{3}$)",
                  "nodes.csv:6: field 'code': got 'KZAL1', expected a UN/LOCODE: 2 capital letters "
                  "(country) and 3 capital letters or digits 2-9 (^[A-Z]{2}[A-Z2-9]{3}$)"));
}

TEST(PackageErrors, CountryMustMatchTheCode) {
  PackageFiles p = mini();
  set_cell(p, kNodes, 6, "country", "CN");
  set_cell(p, kNodes, 7, "country", "Kazakhstan");
  EXPECT_THAT(problems(p), ElementsAre("nodes.csv:6: field 'country': got 'CN', expected KZ, the "
                                       "first two letters of the code KZALA",
                                       "nodes.csv:7: field 'country': got 'Kazakhstan', expected "
                                       "an ISO 3166-1 alpha-2 country code "
                                       "(2 capital letters)"));
}

// --- numbers and units -------------------------------------------------------------------------

TEST(PackageErrors, NegativeNumbers) {
  PackageFiles p = mini();
  set_cell(p, kLinks, 9, "distance", "-370 km");
  set_cell(p, kOps, 2, "cost_teu", "-150");
  EXPECT_THAT(
      problems(p),
      ElementsAre(
          "links.csv:9: field 'distance': got '-370 km', expected a distance that is not negative",
          "operations.csv:2: field 'cost_teu': got '-150', expected a price that is not negative"));
}

TEST(PackageErrors, NanAndInfinity) {
  PackageFiles p = mini();
  set_cell(p, kFactors, 2, "wtw", "nan");
  set_cell(p, kOps, 3, "duration", "inf");
  set_cell(p, kLinks, 8, "distance", "1e999 km");
  EXPECT_THAT(
      problems(p),
      ElementsAre(
          "emission_factors.csv:2: field 'wtw': got 'nan', expected an emission intensity, not NaN",
          "links.csv:8: field 'distance': got '1e999 km', the number is out of range; expected a "
          "distance",
          "operations.csv:3: field 'duration': got 'inf', expected a duration that is finite"));
}

TEST(PackageErrors, MissingNumbers) {
  PackageFiles p = mini();
  set_cell(p, kLinks, 9, "cost_teu", "");
  set_cell(p, kNodes, 3, "lat", "");
  set_cell(p, kOps, 4, "duration", "");
  EXPECT_THAT(
      problems(p),
      ElementsAre("nodes.csv:3: field 'lat': missing value, expected a latitude",
                  "links.csv:9: field 'cost_teu': missing value, expected a price per TEU in "
                  "cost_teu or per "
                  "FEU in cost_feu",
                  "operations.csv:4: field 'duration': missing value, expected a duration"));
}

TEST(PackageErrors, NotANumber) {
  PackageFiles p = mini();
  set_cell(p, kLinks, 8, "duration", "twenty");
  set_cell(p, kLinks, 9, "distance", "far");
  set_cell(p, kOps, 7, "capacity_teu_day", "lots");
  EXPECT_THAT(problems(p), ElementsAre("links.csv:8: field 'duration': got 'twenty', expected a "
                                       "duration: a number with an optional "
                                       "unit (h, min or d)",
                                       "links.csv:9: field 'distance': got 'far', expected a "
                                       "distance with an optional unit (km, nm "
                                       "or mi), marnet or gc*F",
                                       "operations.csv:7: field 'capacity_teu_day': got 'lots', "
                                       "expected a capacity in TEU per day "
                                       "(a number)"));
}

TEST(PackageErrors, UnknownUnits) {
  PackageFiles p = mini();
  set_cell(p, kLinks, 8, "distance", "436 kms");
  set_cell(p, kLinks, 2, "speed", "14 knots");
  set_cell(p, kOps, 2, "cost_teu", "150 EUR");
  EXPECT_THAT(problems(p), ElementsAre("links.csv:2: field 'speed': got '14 knots', unknown unit "
                                       "'knots'; expected a speed in kn, "
                                       "km/h or km/d",
                                       "links.csv:8: field 'distance': got '436 kms', unknown unit "
                                       "'kms'; expected a distance in "
                                       "km, nm or mi",
                                       "operations.csv:2: field 'cost_teu': got '150 EUR', unknown "
                                       "unit 'EUR'; expected a price in "
                                       "USD"));
}

TEST(PackageErrors, ValueOutsideItsDomain) {
  PackageFiles p = mini();
  set_cell(p, kNodes, 3, "lat", "91.5");
  set_cell(p, kNodes, 4, "lon", "-200");
  set_cell(p, kLinks, 2, "speed", "0 kn");
  set_cell(p, kLinks, 5, "distance", "gc*0.9");
  set_cell(p, kLinks, 7, "duration", "400 d");
  EXPECT_THAT(
      problems(p),
      ElementsAre(
          "nodes.csv:3: field 'lat': got '91.5', expected a latitude in [-90, 90]",
          "nodes.csv:4: field 'lon': got '-200', expected a longitude in [-180, 180]",
          "links.csv:2: field 'speed': got '0 kn', expected a speed greater than 0",
          "links.csv:5: field 'distance': got 'gc*0.9', in gc*F, expected a detour factor in [1, "
          "10]",
          "links.csv:7: field 'duration': got '400 d', expected a duration of at most 8760 h"));
}

// --- vocabularies ------------------------------------------------------------------------------

TEST(PackageErrors, UnknownModesGaugesAndKinds) {
  PackageFiles p = mini();
  set_cell(p, kLinks, 5, "mode", "train");
  set_cell(p, kLinks, 6, "gauge", "1000");
  set_cell(p, kLinks, 9, "gauge", "1520");
  set_cell(p, kLinks, 7, "gauge", "");
  set_cell(p, kNodes, 8, "kind", "port");
  set_cell(p, kOps, 14, "kind", "customs");
  EXPECT_THAT(
      problems(p),
      ElementsAre(
          "nodes.csv:8: field 'kind': got 'port', expected a node kind: seaport, dry_port, "
          "rail_terminal, "
          "border_crossing, hub",
          "links.csv:5: field 'mode': got 'train', expected a mode: deep_sea, feeder, ferry, rail, "
          "road, "
          "inland_waterway",
          "links.csv:6: field 'gauge': got '1000', expected a track gauge: 1435, 1520 or 1067",
          "links.csv:7: field 'gauge': missing value, expected a track gauge for a rail link: "
          "1435, 1520 or 1067",
          "links.csv:9: field 'gauge': got '1520', expected an empty gauge for a road link (gauges "
          "are for "
          "rail links)",
          "operations.csv:14: field 'kind': got 'customs', expected an operation kind: handling, "
          "gauge_change, border, dwell"));
}

TEST(PackageErrors, UnknownPatterns) {
  PackageFiles p = mini();
  set_cell(p, kOps, 4, "arrive", "train");
  set_cell(p, kOps, 5, "depart", "start");
  set_cell(p, kOps, 6, "arrive", "road:1520");
  const std::string modes = "deep_sea, feeder, ferry, rail, road, inland_waterway";
  EXPECT_THAT(
      problems(p),
      ElementsAre("operations.csv:4: field 'arrive': got 'train', expected a pattern: *, start, "
                  "sea, a mode (" +
                      modes + ") or rail:GAUGE (rail:1435, rail:1520, rail:1067)",
                  "operations.csv:5: field 'depart': got 'start', expected a pattern: *, end, sea, "
                  "a mode (" +
                      modes +
                      ") or rail:GAUGE (rail:1435, rail:1520, rail:1067) ('start' is for arrive)",
                  "operations.csv:6: field 'arrive': got 'road:1520', expected a pattern: *, "
                  "start, sea, a mode (" +
                      modes + ") or rail:GAUGE (rail:1435, rail:1520, rail:1067)"));
}

TEST(PackageErrors, UnknownPassagesAndPassagesOnLand) {
  PackageFiles p = mini();
  set_cell(p, kLinks, 8, "avoid_passages", "suez;kiel");
  set_cell(p, kLinks, 9, "avoid_passages", "suez");
  EXPECT_THAT(
      problems(p),
      ElementsAre(
          "links.csv:8: field 'avoid_passages': got 'kiel', expected a sea passage: suez, "
          "babalmandab, "
          "malacca, gibraltar, bosporus, dardanelles, panama, ormuz, sunda, bering, northwest, "
          "chili, "
          "south_africa (also: cape, hormuz, bab_el_mandeb)",
          "links.csv:9: field 'avoid_passages': got 'suez', expected no passages for a road link "
          "(avoid_passages is for maritime links)"));
}

TEST(PackageErrors, UnknownBasisAndSourcedRowsThatCiteNothing) {
  PackageFiles p = mini();
  set_cell(p, kLinks, 8, "basis", "published");
  set_cell(p, kLinks, 9, "sources", "");
  set_cell(p, kNodes, 2, "sources", "");
  set_cell(p, kOps, 7, "basis", "");  // empty basis means sourced; this row cites S78;S79
  set_cell(p, kOps, 2, "basis", "");  // ... and this one cites nothing
  const std::string nothing =
      "the row's basis is 'sourced' (the default when basis is empty) but it cites no source; "
      "expected a key from "
      "sources.csv, or basis 'computed' / 'assumption' with a note";
  EXPECT_THAT(
      problems(p),
      ElementsAre(
          "nodes.csv:2: field 'sources': " + nothing,
          "links.csv:8: field 'basis': got 'published', expected sourced, computed or assumption "
          "(empty means sourced)",
          "links.csv:9: field 'sources': " + nothing,
          "operations.csv:2: field 'sources': " + nothing));
}

// --- ranges ------------------------------------------------------------------------------------

TEST(PackageErrors, RangeSyntax) {
  PackageFiles p = mini();
  set_cell(p, kLinks, 8, "distance_range", "436-508 km");
  set_cell(p, kLinks, 8, "duration_range", "22..18 h");
  set_cell(p, kFactors, 2, "wtw_range", "20..40 kg");
  EXPECT_THAT(
      problems(p),
      ElementsAre(
          "emission_factors.csv:2: field 'wtw_range': got '20..40 kg', range start: unknown unit "
          "'kg'; "
          "expected an emission intensity in g/tkm",
          "links.csv:8: field 'distance_range': got '436-508 km', expected a range LO..HI of a "
          "distance (e.g. '10..20 km')",
          "links.csv:8: field 'duration_range': got '22..18 h', expected a range LO..HI with LO <= "
          "HI"));
}

TEST(PackageErrors, ValueOutsideItsRange) {
  PackageFiles p = mini();
  set_cell(p, kLinks, 8, "duration_range", "21..22 h");
  set_cell(p, kOps, 8, "duration", "6");  // range 1..5
  set_cell(p, kLinks, 5, "distance_range",
           "100..200 km");  // gc*1.2 between Horgos and Khorgos: 48.865 km
  EXPECT_THAT(
      problems(p),
      ElementsAre(
          "links.csv:5: field 'distance_range': got '100..200 km', expected a range that contains "
          "the computed distance (48.865 km by gc*1.2)",
          "links.csv:8: field 'duration_range': got '21..22 h', expected a range that contains the "
          "value of 'duration' (20 h)",
          "operations.csv:8: field 'duration_range': got '1..5', expected a range that contains "
          "the value of 'duration' (6 h)"));
}

TEST(PackageErrors, RangeUnitWrittenOnceAppliesToBothEnds) {
  PackageFiles p = mini();
  set_cell(p, kLinks, 8, "distance_range", "235..275 nm");  // 435..509 km, contains 436 km
  const LoadedPackage pkg = load_package(p);
  const LinkInfo& ferry = pkg.network.link_info(*pkg.network.find_link("ferry-AAU-ALA"));
  EXPECT_DOUBLE_EQ(ferry.distance.lo.value(), 235 * 1.852);
  EXPECT_DOUBLE_EQ(ferry.distance.hi.value(), 275 * 1.852);
}

// --- emissions ---------------------------------------------------------------------------------

TEST(PackageErrors, TankToWheelAboveWellToWheel) {
  PackageFiles p = mini();
  set_cell(p, kFactors, 4, "ttw", "19");
  EXPECT_THAT(problems(p),
              ElementsAre("emission_factors.csv:4: field 'ttw': got '19', expected at most wtw (18 "
                          "g/tkm): tank-to-wheel is a part of well-to-wheel"));
}

// --- link figures ------------------------------------------------------------------------------

TEST(PackageErrors, DurationAndSpeedExactlyOne) {
  PackageFiles p = mini();
  set_cell(p, kLinks, 2, "duration", "2 d");  // has a speed too
  set_cell(p, kLinks, 9, "duration", "");     // and neither
  EXPECT_THAT(problems(p), ElementsAre("links.csv:2: field 'speed': got '14 kn', expected either a "
                                       "duration or a speed, not both",
                                       "links.csv:9: field 'duration': missing value, expected a "
                                       "duration, or a speed in 'speed' "
                                       "(duration = distance / speed)"));
}

TEST(PackageErrors, OnePriceNeedsTheFeuTeuRatio) {
  PackageFiles p = mini();
  p.files[kToml] =
      "format = \"landbridge-network/1\"\nname = \"mini\"\nversion = \"1\"\nmass_per_teu_t = 10\n";
  const auto list = problems(p);
  EXPECT_THAT(list, testing::Contains(
                        "links.csv:3: field 'cost_teu': missing value, expected a price per TEU: "
                        "network.toml sets no feu_teu_cost_ratio to derive it from cost_feu"));
  EXPECT_THAT(list,
              testing::Contains(
                  "operations.csv:2: field 'cost_feu': missing value, expected a price per FEU: "
                  "network.toml sets no feu_teu_cost_ratio to derive it from cost_teu"));
  // Every link and every priced operation of the package gives only one of the two prices.
  EXPECT_EQ(list.size(), 7u + 13u);
}

TEST(PackageErrors, DistanceForms) {
  PackageFiles p = mini();
  set_cell(p, kLinks, 5, "distance", "gc1.2");
  set_cell(p, kLinks, 6, "distance", "marnet");
  EXPECT_THAT(problems(p),
              ElementsAre("links.csv:5: field 'distance': got 'gc1.2', expected gc*F: great-circle "
                          "distance times a "
                          "detour factor F, e.g. gc*1.3",
                          "links.csv:6: field 'distance': got 'marnet', marnet is for maritime "
                          "links (deep_sea, feeder, "
                          "ferry); expected a distance (km, nm or mi) or gc*F for a rail link"));
}

TEST(PackageErrors, LinkToItself) {
  PackageFiles p = mini();
  set_cell(p, kLinks, 9, "to", "KZHOR");
  EXPECT_THAT(
      problems(p),
      ElementsAre("links.csv:9: field 'to': got 'KZHOR', expected a node other than 'from': a "
                  "link joins two different nodes"));
}

// --- operations ----------------------------------------------------------------------------------

TEST(PackageErrors, AmbiguousOperations) {
  PackageFiles p = mini();
  const int a = append_line(p, kOps, "KZHOR,dwell,rail,*,1,,,,,,assumption,,");
  const int b = append_line(p, kOps, "KZHOR,dwell,*,rail,1,,,,,,assumption,,");
  EXPECT_THAT(
      problems(p),
      ElementsAre(fmt::format(
          "operations.csv:{}: ambiguous dwell operations at KZHOR: this row ('* -> rail') and line "
          "{} ('rail -> *') both match the transfer rail:1435 -> rail:1435 with specificity 2; "
          "expected one most specific operation per kind (make one pattern more specific)",
          b, a)));
  // A more specific operation for that transfer settles it only for that transfer.
  append_line(p, kOps, "KZHOR,dwell,rail,rail,1,,,,,,assumption,,");
  EXPECT_THAT(problems(p), testing::IsEmpty());
}

TEST(PackageErrors, AmbiguityOnlyCountsTransfersThatOccur) {
  PackageFiles p = mini();
  // Both match ferry -> ferry, which cannot happen at Almaty (no ferry there).
  append_line(p, kOps, "KZALA,handling,ferry,*,1,,,,,,assumption,,");
  append_line(p, kOps, "KZALA,handling,*,ferry,1,,,,,,assumption,,");
  EXPECT_THAT(problems(p), testing::IsEmpty());
}

TEST(PackageErrors, BreakOfGaugeNeedsAGaugeChange) {
  PackageFiles p = mini();
  comment_out(p, kOps, 9);  // KZHOR gauge_change rail:1520 -> rail:1435
  EXPECT_THAT(problems(p), ElementsAre("nodes.csv:5: field 'code': got 'KZHOR', rail:1520 arrives "
                                       "and rail:1435 departs here, but "
                                       "no gauge_change operation covers that transfer; expected a "
                                       "row in operations.csv such as "
                                       "'KZHOR,gauge_change,rail:1520,rail:1435,...'"));
  // A broader gauge_change row covers it too; a handling row does not.
  PackageFiles q = p;
  append_line(q, kOps, "KZHOR,handling,rail:1520,rail:1435,1,,,,,,assumption,,");
  EXPECT_THAT(problems(q), testing::SizeIs(1));
  append_line(p, kOps, "KZHOR,gauge_change,rail,rail,1,,,,,,assumption,,");
  EXPECT_THAT(problems(p), testing::IsEmpty());
}

// --- columns and files ---------------------------------------------------------------------------

TEST(PackageErrors, MissingRequiredColumn) {
  PackageFiles p = mini();
  drop_column(p, kLinks, "emission_factor");
  EXPECT_THAT(
      problems(p),
      ElementsAre(
          "links.csv:1: field 'emission_factor': required column is missing from the header"));
}

TEST(PackageErrors, UnknownColumn) {
  PackageFiles p = mini();
  set_cell(p, kLinks, 1, "duration_range", "duraton_range");
  EXPECT_THAT(
      problems(p),
      ElementsAre(
          "links.csv:1: field 'duraton_range': unknown column; expected one of id, from, to, mode, "
          "gauge, distance, duration, speed, cost_teu, cost_feu, emission_factor, "
          "capacity_teu_day, "
          "bidirectional, avoid_passages, basis, sources, note (and <name>_range for quantities) "
          "(did "
          "you mean duration_range?)"));
}

TEST(PackageErrors, BadManifest) {
  PackageFiles p = mini();
  set_line(p, kToml, 4, "format = \"landbridge-network/2\"");
  set_line(p, kToml, 5, "# name removed");
  set_line(p, kToml, 8, "mass_per_teu = 10.0");
  EXPECT_THAT(
      problems(p),
      ElementsAre(
          "network.toml: field 'name': missing required key; expected a string",
          "network.toml: field 'mass_per_teu_t': missing required key; expected a mass in tonnes "
          "per loaded TEU",
          "network.toml:4: field 'format': got 'landbridge-network/2', expected exactly "
          "\"landbridge-network/1\"",
          "network.toml:8: field 'mass_per_teu': unknown key; expected one of format, name, "
          "version, description, marnet, marnet_avoid, mass_per_teu_t, mass_per_teu_source, "
          "feu_teu_cost_ratio, feu_teu_cost_ratio_source, feu_teu_cost_ratio_note, road (did you mean "
          "mass_per_teu_t or mass_per_teu_source?)"));
}

TEST(PackageErrors, ManifestTypesAndSyntax) {
  PackageFiles p = mini();
  set_line(p, kToml, 6, "version = 2026");
  set_line(p, kToml, 8, "mass_per_teu_t = \"ten\"");
  EXPECT_THAT(
      problems(p),
      ElementsAre("network.toml:6: field 'version': got '2026', expected a string in quotes",
                  "network.toml:8: field 'mass_per_teu_t': got 'ten', expected a mass in tonnes "
                  "per loaded TEU "
                  "(a number)"));
  set_line(p, kToml, 6, "version = \"2026");
  EXPECT_THAT(problems(p), ElementsAre(testing::StartsWith("network.toml:6: not valid TOML: ")));
}

TEST(PackageErrors, MissingFiles) {
  PackageFiles p = mini();
  p.files.erase(kLinks);
  EXPECT_THAT(problems(p), ElementsAre("links.csv: file is missing; expected it in the package "
                                       "folder (docs/network-package.md)"));
  // Without the manifest its feu_teu_cost_ratio is unknown, not missing: no row complains.
  p.files.erase(kToml);
  p.files.erase(kOps);
  EXPECT_THAT(
      problems(p),
      ElementsAre(
          "network.toml: file is missing; expected the package manifest",
          "links.csv: file is missing; expected it in the package folder (docs/network-package.md)",
          "operations.csv: file is missing; expected it in the package folder "
          "(docs/network-package.md)"));
}

TEST(PackageErrors, BrokenCsvLines) {
  PackageFiles p = mini();
  set_line(p, kLinks, 9, "road-HOR-ALA,KZHOR,KZALA,road,,370 km");
  set_line(p, kNodes, 8, "AZALA,\"Alat (Port of Baku),AZ,seaport,39.950,49.400,Asia/Baku,,S119,,");
  const int utf8 = append_line(p, kSources, "S200,bad \xC0\xAF title,,2020,");
  const int nul = append_line(p, kSources, std::string("S201,nul\0title,,2020,", 21));
  EXPECT_THAT(
      problems(p),
      ElementsAre(
          fmt::format("sources.csv:{}: byte 10 (0xC0) is not valid UTF-8; expected UTF-8 text",
                      utf8),
          fmt::format("sources.csv:{}: contains a NUL byte; expected UTF-8 text", nul),
          "nodes.csv:8: a quoted field is not closed; expected a closing \" on the same line",
          // the row that is gone leaves references behind
          "links.csv:8: field 'to': got 'AZALA', expected a node code from nodes.csv (did you mean "
          "KZALA (Almaty)?)",
          "links.csv:9: row has 6 fields, expected 19 as in the header (line 1)",
          "operations.csv:15: field 'node': got 'AZALA', expected a node code from nodes.csv (did "
          "you mean KZALA (Almaty)?)",
          "operations.csv:16: field 'node': got 'AZALA', expected a node code from nodes.csv (did "
          "you mean KZALA (Almaty)?)"));
}

TEST(PackageErrors, EmptyFileAndRepeatedColumns) {
  PackageFiles p = mini();
  p.files[kFactors] = "# nothing here yet\n\n";
  set_cell(p, kSources, 1, "note", "title");
  const auto list = problems(p);
  EXPECT_THAT(list,
              testing::Contains(
                  "sources.csv:1: field 'title': column appears twice in the header; expected each "
                  "column once"));
  EXPECT_THAT(
      list, testing::Contains(
                "emission_factors.csv: file is empty; expected a header line naming the columns"));
}

TEST(PackageErrors, LoadErrorCarriesTheSameListSorted) {
  PackageFiles p = mini();
  set_cell(p, kOps, 2, "cost_teu", "-1");
  set_cell(p, kLinks, 9, "to", "KZXXX");
  set_cell(p, kLinks, 2, "speed", "fast");
  try {
    load_package(p);
    FAIL() << "expected LoadError";
  } catch (const LoadError& e) {
    std::vector<std::string> got;
    for (const auto& d : e.diagnostics()) got.push_back(d.to_string());
    EXPECT_EQ(got, problems(p));
    ASSERT_EQ(got.size(), 3u);
    EXPECT_THAT(got[0], testing::StartsWith("links.csv:2:"));
    EXPECT_THAT(got[1], testing::StartsWith("links.csv:9:"));
    EXPECT_THAT(got[2], testing::StartsWith("operations.csv:2:"));
    EXPECT_THAT(std::string(e.what()), testing::EndsWith("(and 2 more problems)"));
  }
}

}  // namespace
}  // namespace landbridge::io
