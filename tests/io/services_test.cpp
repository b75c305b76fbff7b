// services.csv / service_calls.csv: a valid package with services, and one test per error
// class (take tests/data/packages/mini-services, break one cell, compare every message).
//
// Physical lines of tests/data/packages/mini-services:
//   services.csv       1 header, 2 F1 (feeder JPHKT-CNLYG, Tue;Fri, cost_teu only),
//                      3 T1 (rail 1435 CNLYG-CNHRS-KZHOR, every 7 d), 4 K1 (ferry KZAAU-AZALA, sails when full)
//   service_calls.csv  1 header, 2 F1#1 JPHKT, 3 F1#2 CNLYG, 4 a comment, 5 T1#1 CNLYG, 6 T1#2 CNHRS,
//                      7 T1#3 KZHOR, 8 K1#1 KZAAU, 9 K1#2 AZALA
#include "landbridge/io/services.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include "landbridge/io/package.h"
#include "package_edit.h"

namespace landbridge::io {
namespace {

using testing::ElementsAre;
using timetable::CivilDate;
using timetable::HeadwayShape;
using timetable::PatternKind;
using timetable::Weekday;
using timetable::weekday_bit;
using namespace test;

const std::string kSvc = "services.csv";
const std::string kCalls = "service_calls.csv";

const Network& mini_net() {
  static const LoadedPackage pkg = load_package(package_dir("mini-services"));
  return pkg.network;
}

// The services files (and the manifest) of mini-services held in memory.
PackageFiles services_files() {
  PackageFiles p;
  p.dir = package_dir("mini-services");
  for (const std::string& name : {kSvc, kCalls, std::string("network.toml")}) {
    std::ifstream in(p.dir / name, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    p.files[name] = ss.str();
  }
  return p;
}

std::vector<std::string> service_problems(const PackageFiles& p) {
  Diagnostics diags;
  (void)load_services(p, mini_net(), diags);
  std::vector<std::string> out;
  for (const Diagnostic& d : diags.list()) out.push_back(d.to_string());
  return out;
}

NodeId node(const char* code) { return *mini_net().find_node(code); }

// --- the valid package -----------------------------------------------------------------------

TEST(Services, LoadsTheMiniPackage) {
  Diagnostics diags;
  const auto services = load_services(package_dir("mini-services"), mini_net(), diags);
  ASSERT_TRUE(diags.empty()) << diags.list().front().to_string();
  ASSERT_EQ(services.size(), 3u);

  const auto& f1 = services[0];
  EXPECT_EQ(f1.id, "F1");
  EXPECT_EQ(f1.operator_name, "Test Feeder Line");
  EXPECT_EQ(f1.carriage, (Carriage{Mode::feeder, Gauge::none}));
  EXPECT_EQ(f1.pattern.kind, PatternKind::weekly);
  EXPECT_EQ(f1.pattern.weekdays, weekday_bit(Weekday::tue) | weekday_bit(Weekday::fri));
  EXPECT_EQ(f1.pattern.start_time, Minutes(600));
  EXPECT_EQ(f1.pattern.utc_offset, Minutes(540));
  EXPECT_EQ(f1.valid_from, (CivilDate{2026, 1, 1}));
  EXPECT_EQ(f1.valid_to, (CivilDate{2026, 12, 31}));
  EXPECT_THAT(f1.removed, ElementsAre(CivilDate{2026, 1, 2}));
  EXPECT_EQ(f1.capacity_teu, 400);
  EXPECT_EQ(f1.cutoff, Minutes(24 * 60));
  EXPECT_EQ(f1.price_teu, usd(600));
  EXPECT_EQ(f1.price_feu, usd(960));  // 600 x feu_teu_cost_ratio 1.6 of network.toml
  EXPECT_EQ(mini_net().emission_factor(f1.factor).id, "feeder-test");
  ASSERT_EQ(f1.calls.size(), 2u);
  EXPECT_EQ(f1.calls[0].stop, node("JPHKT"));
  EXPECT_EQ(f1.calls[0].departure, Minutes(0));
  EXPECT_EQ(f1.calls[1].stop, node("CNLYG"));
  EXPECT_EQ(f1.calls[1].arrival, Minutes(3 * 24 * 60));
  // No distance written: the feeder link's.
  EXPECT_EQ(f1.calls[1].distance, mini_net().link_distance(*mini_net().find_link("feeder-HKT-LYG")));

  const auto& t1 = services[1];
  EXPECT_EQ(t1.carriage, (Carriage{Mode::rail, Gauge::g1435}));
  EXPECT_EQ(t1.pattern.kind, PatternKind::every_n_days);
  EXPECT_EQ(t1.pattern.every_days, 7);
  EXPECT_EQ(t1.pattern.anchor, (CivilDate{2026, 1, 5}));
  EXPECT_FALSE(t1.valid_from.has_value());
  EXPECT_THAT(t1.added, ElementsAre(CivilDate{2026, 1, 8}));
  EXPECT_EQ(t1.price_feu, usd(2500));
  EXPECT_EQ(t1.price_teu.value(), 156250);  // 2500 / 1.6 USD
  ASSERT_EQ(t1.calls.size(), 3u);
  EXPECT_EQ(t1.calls[1].arrival, Minutes(96 * 60));
  EXPECT_EQ(t1.calls[1].departure, Minutes(100 * 60));
  EXPECT_EQ(t1.calls[1].distance, mini_net().link_distance(*mini_net().find_link("rail-LYG-HRS")));
  EXPECT_EQ(t1.calls[2].arrival, Minutes(103 * 60));  // bare number: hours
  EXPECT_EQ(t1.calls[2].distance, Kilometres(60.0));   // written, not the link's

  const auto& k1 = services[2];
  EXPECT_EQ(k1.pattern.kind, PatternKind::when_full);
  EXPECT_EQ(k1.pattern.anchor, (CivilDate{2026, 1, 3}));
  EXPECT_EQ(k1.pattern.headway.shape, HeadwayShape::triangular);
  EXPECT_EQ(k1.pattern.headway.mean, Minutes(60 * 60));
  EXPECT_EQ(k1.pattern.headway.lo, Minutes(24 * 60));
  EXPECT_EQ(k1.pattern.headway.hi, Minutes(14 * 24 * 60));
  EXPECT_EQ(k1.cutoff, Minutes(12 * 60));
  EXPECT_EQ(k1.price_teu, usd(900));
  EXPECT_EQ(k1.price_feu, usd(1300));
}

TEST(Services, APackageWithoutServicesHasNone) {
  Diagnostics diags;
  EXPECT_TRUE(load_services(package_dir("mini"), mini_net(), diags).empty());
  EXPECT_TRUE(diags.empty());
}

TEST(Services, OneFileWithoutTheOther) {
  PackageFiles p = services_files();
  p.files.erase(kCalls);
  EXPECT_THAT(service_problems(p),
              ElementsAre("service_calls.csv: missing file; services.csv needs service_calls.csv beside it"));
}

TEST(Services, ReferencePackageLoadsCleanly) {
  const LoadedPackage pkg = load_package(default_package_dir());
  Diagnostics diags;
  const auto services = load_services(pkg.dir, pkg.network, diags);
  std::vector<std::string> problems;
  for (const Diagnostic& d : diags.list()) problems.push_back(d.to_string());
  EXPECT_THAT(problems, testing::IsEmpty());
  EXPECT_GE(services.size(), 40u);
  const auto find = [&](const std::string& id) -> const timetable::Service& {
    const auto it = std::find_if(services.begin(), services.end(), [&](const auto& s) { return s.id == id; });
    EXPECT_NE(it, services.end()) << id;
    return *it;
  };
  // Kuryk - Alat ferry sails when full: typically every 2-3 days, 1 day to 2 weeks [S35].
  const auto& ferry = find("CAS-KUR-ALA");
  EXPECT_EQ(ferry.pattern.kind, PatternKind::when_full);
  EXPECT_EQ(ferry.pattern.headway.mean, Minutes(60 * 60));
  EXPECT_EQ(ferry.pattern.headway.hi, Minutes(14 * 24 * 60));
  // Black Sea feeder every ten days [S41].
  EXPECT_EQ(find("BSF-PTI-CND").pattern.every_days, 10);
  // The Lianyungang train reaches Horgos on day 4 [S50]: its offsets are the link durations.
  const auto& lyg = find("RAIL-LYG-HOR");
  EXPECT_EQ(lyg.calls.size(), 6u);
  EXPECT_GE(lyg.calls.back().arrival, Minutes(4 * 24 * 60));
  EXPECT_LT(lyg.calls.back().arrival, Minutes(5 * 24 * 60));
}

// --- one test per error class ----------------------------------------------------------------

#define EXPECT_PROBLEMS(p, ...) EXPECT_THAT(service_problems(p), ElementsAre(__VA_ARGS__))

TEST(ServicesErrors, UnknownNodeServiceAndFactor) {
  PackageFiles p = services_files();
  set_cell(p, kCalls, 6, "node", "CNHRX");
  set_cell(p, kCalls, 9, "service", "K2");
  set_cell(p, kSvc, 3, "emission_factor", "rail-tset");
  EXPECT_PROBLEMS(p,
                  "services.csv:3: field 'emission_factor': got 'rail-tset', expected an id from emission_factors.csv",
                  "service_calls.csv:6: field 'node': got 'CNHRX', expected a node code from nodes.csv",
                  "service_calls.csv:9: field 'service': got 'K2', expected a service id from services.csv",
                  "services.csv:4: field 'id': got 'K1', expected at least two calls in service_calls.csv; found 1");
}

TEST(ServicesErrors, FactorOfAnotherMode) {
  PackageFiles p = services_files();
  set_cell(p, kSvc, 2, "emission_factor", "rail-test");
  EXPECT_PROBLEMS(p,
                  "services.csv:2: field 'emission_factor': got 'rail-test', expected a factor for mode feeder (this one is for rail)");
}

TEST(ServicesErrors, BadDayNames) {
  PackageFiles p = services_files();
  set_cell(p, kSvc, 2, "days", "Tue;Fry");
  EXPECT_PROBLEMS(p,
                  "services.csv:2: field 'days': got 'Fry', expected day names separated by ';' (Mon;Tue;Wed;Thu;Fri;Sat;Sun) or daily");
}

TEST(ServicesErrors, BadDates) {
  PackageFiles p = services_files();
  set_cell(p, kSvc, 2, "valid_to", "2026-02-30");
  set_cell(p, kSvc, 3, "anchor", "5.1.2026");
  set_cell(p, kSvc, 4, "added", "2026-03-01;2026-13-01");
  EXPECT_PROBLEMS(p,
                  "services.csv:2: field 'valid_to': got '2026-02-30', expected a calendar date YYYY-MM-DD (no such calendar day)",
                  "services.csv:3: field 'anchor': got '5.1.2026', expected a calendar date YYYY-MM-DD",
                  "services.csv:4: field 'added': got '2026-13-01', expected a calendar date YYYY-MM-DD (no such calendar day)");
}

TEST(ServicesErrors, ValidityEndsBeforeItStarts) {
  PackageFiles p = services_files();
  set_cell(p, kSvc, 2, "valid_to", "2025-12-31");
  EXPECT_PROBLEMS(p,
                  "services.csv:2: field 'valid_to': got '2025-12-31', expected a date on or after valid_from 2026-01-01");
}

TEST(ServicesErrors, OverlappingOrMissingPattern) {
  PackageFiles p = services_files();
  set_cell(p, kSvc, 2, "every", "7 d");
  set_cell(p, kSvc, 3, "every", "");
  EXPECT_PROBLEMS(p,
                  "services.csv:2: field 'days': got 'days, every', overlapping pattern columns (days, every); expected exactly one of days, every or sails_when_full=yes",
                  "services.csv:3: field 'days': missing pattern; expected exactly one of days, every or sails_when_full=yes");
}

TEST(ServicesErrors, PatternDetails) {
  PackageFiles p = services_files();
  set_cell(p, kSvc, 2, "anchor", "2026-01-06");
  set_cell(p, kSvc, 3, "every", "36 h");
  set_cell(p, kSvc, 4, "headway_range", "3..14 d");
  EXPECT_PROBLEMS(p,
                  "services.csv:2: field 'anchor': got '2026-01-06', expected empty: a service running on weekdays has no anchor",
                  "services.csv:3: field 'every': got '36 h', expected a whole number of days, at least 1 (e.g. 10 d)",
                  "services.csv:4: field 'headway_range': got '3..14 d', expected a range containing the mean headway 2.5 d");
}

TEST(ServicesErrors, NonConsecutiveSeq) {
  PackageFiles p = services_files();
  set_cell(p, kCalls, 7, "seq", "4");
  EXPECT_PROBLEMS(p,
                  "service_calls.csv:7: field 'seq': got '4', expected 3: the calls of service T1 are numbered 1..3 without gaps or repeats");
}

TEST(ServicesErrors, DecreasingOffsets) {
  PackageFiles p = services_files();
  set_cell(p, kCalls, 6, "depart", "90 h");
  set_cell(p, kCalls, 9, "arrive", "0");
  EXPECT_PROBLEMS(p,
                  "service_calls.csv:6: field 'depart': got '3d18h', expected at least the arrival offset 4d",
                  "service_calls.csv:9: field 'arrive': got '0m', expected an offset after the previous call's departure 0m (offsets must increase)");
}

TEST(ServicesErrors, FirstAndLastCallOffsets) {
  PackageFiles p = services_files();
  set_cell(p, kCalls, 2, "arrive", "1 h");
  set_cell(p, kCalls, 6, "depart", "");
  EXPECT_PROBLEMS(p,
                  "service_calls.csv:2: field 'arrive': got '1h', expected empty on the first call",
                  "service_calls.csv:2: field 'depart': got '0m', expected at least the arrival offset 1h",
                  "service_calls.csv:6: field 'depart': missing value; expected the departure offset from the service start");
}

TEST(ServicesErrors, TooFewCalls) {
  PackageFiles p = services_files();
  comment_out(p, kCalls, 9);
  EXPECT_PROBLEMS(p,
                  "services.csv:4: field 'id': got 'K1', expected at least two calls in service_calls.csv; found 1");
}

TEST(ServicesErrors, NoLinkForADerivedDistance) {
  PackageFiles p = services_files();
  set_cell(p, kCalls, 7, "distance", "");
  set_cell(p, kCalls, 7, "node", "KZALA");
  EXPECT_PROBLEMS(p,
                  "service_calls.csv:7: field 'distance': missing value; no rail:1435 link CNHRS -> KZALA in links.csv to take the distance from");
}

// The `link` column names the network link a call rides from the previous call; without it the
// loader takes the shortest link with the service's carriage. Its distance and sea passages
// are the call's.
TEST(Services, CallsRideTheNamedOrTheShortestLink) {
  PackageFiles p = services_files();
  add_column(p, kCalls, "link");
  set_cell(p, kCalls, 6, "link", "rail-LYG-HRS");
  Diagnostics diags;
  const auto services = load_services(p, mini_net(), diags);
  ASSERT_TRUE(diags.empty()) << (diags.empty() ? "" : diags.list().front().to_string());
  const auto t1 = std::find_if(services.begin(), services.end(), [](const auto& s) { return s.id == "T1"; });
  ASSERT_NE(t1, services.end());
  const Network& net = mini_net();
  EXPECT_FALSE(t1->calls[0].link.valid());
  EXPECT_EQ(net.link_info(t1->calls[1].link).id, "rail-LYG-HRS");
  EXPECT_EQ(t1->calls[1].distance, net.link_distance(t1->calls[1].link));
  // Row 7 states 60 km and names no link: the shortest rail:1435 link CNHRS -> KZHOR is ridden.
  EXPECT_EQ(net.link_info(t1->calls[2].link).id, "rail-HRS-HOR");
  EXPECT_EQ(t1->calls[2].distance, Kilometres(60.0));
}

// A service that states no fare charges a segment by the prices of the links its calls ride,
// scaled to the service's price: T1 (2,500 USD per FEU for CNLYG - CNHRS - KZHOR) charges the
// first stretch its share of the two links' prices, not its share of the distance.
TEST(Services, UnstatedFaresFollowTheRiddenLinksPrices) {
  Diagnostics diags;
  const auto services = load_services(package_dir("mini-services"), mini_net(), diags);
  ASSERT_TRUE(diags.empty());
  const auto t1 = std::find_if(services.begin(), services.end(), [](const auto& s) { return s.id == "T1"; });
  ASSERT_NE(t1, services.end());
  const Network& net = mini_net();
  for (const bool feu : {false, true}) {
    const auto price = [&](LinkId l) { return static_cast<double>((feu ? net.link_cost_feu(l) : net.link_cost_teu(l)).value()); };
    const double first = price(t1->calls[1].link), second = price(t1->calls[2].link);
    const UsdCents whole = feu ? t1->price_feu : t1->price_teu;
    const std::vector<UsdCents> fares = timetable::call_fares(*t1, feu);
    ASSERT_EQ(fares.size(), 3u);
    EXPECT_EQ(fares[0], UsdCents(0));
    EXPECT_EQ(fares[1], UsdCents(std::llround(static_cast<double>(whole.value()) * first / (first + second))));
    EXPECT_EQ(fares[2], whole);
  }
}

TEST(ServicesErrors, ALinkMustJoinTheTwoCallsWithTheServicesCarriage) {
  PackageFiles base = services_files();
  add_column(base, kCalls, "link");
  PackageFiles first = base, wrong = base, unknown = base;
  set_cell(first, kCalls, 5, "link", "rail-LYG-HRS");
  EXPECT_PROBLEMS(first, "service_calls.csv:5: field 'link': got 'rail-LYG-HRS', expected empty on the first call");
  set_cell(wrong, kCalls, 6, "link", "rail-HRS-HOR");
  EXPECT_PROBLEMS(wrong,
                  "service_calls.csv:6: field 'link': got 'rail-HRS-HOR', expected a rail:1435 link CNLYG -> CNHRS; this one runs CNHRS -> KZHOR by rail:1435");
  set_cell(unknown, kCalls, 9, "link", "ferry-AAU-ALB");
  EXPECT_PROBLEMS(unknown,
                  "service_calls.csv:9: field 'link': got 'ferry-AAU-ALB', expected a link id from links.csv (a two-way link's reverse is ID~r)");
}

TEST(ServicesErrors, NegativeAndMalformedNumbers) {
  PackageFiles p = services_files();
  set_cell(p, kSvc, 2, "capacity_teu", "-5");
  set_cell(p, kSvc, 3, "cost_feu", "2,500");
  set_cell(p, kSvc, 4, "cutoff", "12 km");
  set_cell(p, kCalls, 7, "distance", "-60 km");
  EXPECT_PROBLEMS(p,
                  "services.csv:2: field 'capacity_teu': got '-5', expected a whole number that is not negative",
                  "services.csv:3: field 'cost_feu': got '2,500', unknown unit ',500'; expected a price in USD",
                  "services.csv:4: field 'cutoff': got '12 km', unknown unit 'km'; expected a duration in h, min or d",
                  "service_calls.csv:7: field 'distance': got '-60 km', expected a distance that is not negative");
}

TEST(ServicesErrors, CapacityOverTheLimitIsAnError) {
  PackageFiles p = services_files();
  set_cell(p, kSvc, 2, "capacity_teu", "250000");
  EXPECT_PROBLEMS(p, "services.csv:2: field 'capacity_teu': got '250000', expected a whole number of at most 100000");
}

TEST(ServicesErrors, ModeGaugeTimesAndOffsets) {
  PackageFiles p = services_files();
  set_cell(p, kSvc, 2, "gauge", "1520");
  set_cell(p, kSvc, 3, "gauge", "");
  set_cell(p, kSvc, 4, "start_time", "25:00");
  set_cell(p, kSvc, 4, "utc_offset", "UTC+5");
  EXPECT_PROBLEMS(p,
                  "services.csv:2: field 'gauge': got '1520', expected an empty gauge for a feeder service",
                  "services.csv:3: field 'gauge': missing value; a rail service needs a gauge: 1435, 1520 or 1067",
                  "services.csv:4: field 'start_time': got '25:00', expected a local time of day HH:MM (00:00..23:59)",
                  "services.csv:4: field 'utc_offset': got 'UTC+5', expected an offset from UTC such as +09:00 or -05:30");
}

TEST(ServicesErrors, PricesSourcesAndColumns) {
  PackageFiles p = services_files();
  set_cell(p, kSvc, 4, "cost_teu", "");
  set_cell(p, kSvc, 4, "cost_feu", "");
  set_cell(p, kSvc, 3, "sources", "S50;S404");
  set_cell(p, kSvc, 2, "note", "");
  set_cell(p, kSvc, 3, "id", "F1");
  EXPECT_PROBLEMS(p,
                  "services.csv:2: field 'note': missing value; a row with basis assumption states its method or assumption in note",
                  "services.csv:3: field 'sources': got 'S404', expected a source key from sources.csv",
                  "services.csv:3: field 'id': got 'F1', duplicate service id (first on line 2)",
                  "services.csv:4: field 'cost_teu': missing value; expected cost_teu or cost_feu (or both)",
                  // T1's row is now a duplicate F1 and is dropped, so its calls have no service.
                  "service_calls.csv:5: field 'service': got 'T1', expected a service id from services.csv",
                  "service_calls.csv:6: field 'service': got 'T1', expected a service id from services.csv",
                  "service_calls.csv:7: field 'service': got 'T1', expected a service id from services.csv");
  PackageFiles q = services_files();
  add_column(q, kCalls, "platform");
  drop_column(q, kSvc, "utc_offset");
  EXPECT_PROBLEMS(q,
                  "services.csv:1: field 'utc_offset': missing required column",
                  "service_calls.csv:1: field 'platform': got 'platform', unknown column; expected one of service, seq, node, arrive, depart, distance, link, fare_teu, fare_feu or note");
}

TEST(ServicesErrors, OnlyOnePriceWithoutARatio) {
  PackageFiles p = services_files();
  p.files.erase("network.toml");
  EXPECT_PROBLEMS(p,
                  "services.csv:2: field 'cost_feu': missing value; only one price is given and network.toml sets no feu_teu_cost_ratio to derive the other",
                  "services.csv:3: field 'cost_teu': missing value; only one price is given and network.toml sets no feu_teu_cost_ratio to derive the other");
}

TEST(ServicesErrors, TimetableValidateRunsOnEveryService) {
  // Caught by timetable::validate, not by the row checks: an exponential headway shifted
  // beyond its mean.
  PackageFiles p = services_files();
  set_cell(p, kSvc, 4, "headway_shape", "exponential");
  set_cell(p, kSvc, 4, "headway_range", "3..14 d");
  EXPECT_PROBLEMS(p,
                  "services.csv:4: field 'headway': got '3d', expected the exponential shift lo <= mean");
}

// Random single-cell edits: the loader never throws, every problem names one of the two files
// and a line, and every service it still returns passes timetable::validate.
TEST(ServicesErrors, RandomCellEditsAreReportedNotThrown) {
  const std::vector<std::string> junk = {"",      "-1",         "x",         "1e400", "2026-02-29", "Mon;Xyz", "yes",
                                         "0",     "10 d",       "25:61",     "+99:00", "S404",      "KZXXX",   "1..0 d",
                                         "rail",  "\"a\"\"b\"", "2026-01-01", "nan",    "3 km",      "1435",    "daily"};
  const PackageFiles base = services_files();
  std::uint64_t state = 12345;
  const auto next = [&](std::uint64_t n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (state >> 33) % n;
  };
  const std::vector<std::pair<std::string, std::vector<int>>> rows = {{kSvc, {2, 3, 4}}, {kCalls, {2, 3, 5, 6, 7, 8, 9}}};
  int with_problems = 0;
  for (int round = 0; round < 300; ++round) {
    PackageFiles p = base;
    const auto& [file, lines] = rows[next(rows.size())];
    const auto header = split_cells(split_lines(p.files.at(file)).at(0));
    const int line = lines[next(lines.size())];
    const std::string& column = header[next(header.size())];
    const std::string& value = junk[next(junk.size())];
    set_cell(p, file, line, column, value);
    Diagnostics diags;
    std::vector<timetable::Service> services;
    ASSERT_NO_THROW(services = load_services(p, mini_net(), diags)) << file << ":" << line << " " << column << "=" << value;
    for (const Diagnostic& d : diags.list()) {
      EXPECT_TRUE(d.file == kSvc || d.file == kCalls) << d.to_string();
      EXPECT_GT(d.line, 0) << d.to_string();
      EXPECT_FALSE(d.message.empty());
    }
    for (const auto& s : services) {
      Diagnostics v;
      timetable::validate(s, mini_net().node_count(), v);
      EXPECT_TRUE(v.empty()) << s.id << " after " << column << "=" << value;
    }
    with_problems += diags.empty() ? 0 : 1;
    // Nothing reported means nothing lost: all three services load.
    if (diags.empty()) {
      EXPECT_EQ(services.size(), 3u) << file << ":" << line << " " << column << "=" << value;
    }
  }
  EXPECT_GT(with_problems, 100);  // the edits do break things
}

}  // namespace
}  // namespace landbridge::io

namespace landbridge::io {
namespace {

TEST(Services, StatedCumulativeFaresAreReadPerCall) {
  PackageFiles p = services_files();
  add_column(p, kCalls, "fare_teu");
  add_column(p, kCalls, "fare_feu");
  set_cell(p, kCalls, 6, "fare_feu", "2000 USD");  // T1 CNLYG -> CNHRS of 2,500 USD for the run
  Diagnostics diags;
  const auto services = load_services(p, mini_net(), diags);
  ASSERT_TRUE(diags.empty()) << diags.list().front().to_string();
  const auto t1 = std::find_if(services.begin(), services.end(), [](const auto& s) { return s.id == "T1"; });
  ASSERT_NE(t1, services.end());
  EXPECT_EQ(t1->calls[1].fare_feu, usd(2000));
  EXPECT_FALSE(t1->calls[1].fare_teu);
  const auto feu = timetable::call_fares(*t1, true);
  EXPECT_EQ(feu[1], usd(2000));
  EXPECT_EQ(feu[2], usd(2500));
}

TEST(ServicesErrors, StatedFaresNameTheCallLine) {
  PackageFiles p = services_files();
  add_column(p, kCalls, "fare_teu");
  add_column(p, kCalls, "fare_feu");
  set_cell(p, kCalls, 5, "fare_teu", "10");
  set_cell(p, kCalls, 6, "fare_feu", "2600");
  set_cell(p, kCalls, 7, "fare_feu", "2400");
  set_cell(p, kCalls, 9, "fare_teu", "ten");
  EXPECT_PROBLEMS(p,
                  "service_calls.csv:9: field 'fare_teu': got 'ten', expected a price: a number with an optional unit (USD)",
                  "service_calls.csv:5: field 'fare_teu': got '10', expected 0 or empty on the first call: fares count from the first call",
                  "service_calls.csv:6: field 'fare_feu': got '2600', expected at most the service's whole-run price 2,500.00 USD",
                  "service_calls.csv:7: field 'fare_feu': got '2400', expected empty or the service's whole-run price 2,500.00 USD (fare_feu is cumulative from the first call)");
}

}  // namespace
}  // namespace landbridge::io
