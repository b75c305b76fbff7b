// Dates and windows at and beyond their documented limits (docs/timetabled-routing.md, "Limits"):
// each is refused with the exit code of its kind and a message that names the option or field,
// never an overflow or an "internal error".
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "../support/scratch.h"
#include "cli_run.h"
#include "landbridge/core/error.h"
#include "landbridge/io/package.h"
#include "landbridge/io/services.h"
#include "landbridge/timetable/service.h"
#include "landbridge/timetable/time.h"

namespace landbridge {
namespace {

using testing_support::CliRun;
using testing_support::run;

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(CliTimeLimits, WindowBeyondItsLimitIsAUsageErrorNotAnOverflow) {
  // 1,491,308 days is just under 2^31 minutes: it parses, and 120 days + it used to overflow.
  const CliRun huge = run("route JPHKT DEDUI --depart 2026-12-01 --window 1491308d");
  EXPECT_EQ(huge.code, 2) << huge.err;
  EXPECT_TRUE(has(huge.err, "error: --window 1491308d: at most 90d")) << huge.err;
  const CliRun over = run("route JPHKT DEDUI --depart 2026-12-01 --window 91d");
  EXPECT_EQ(over.code, 2) << over.err;
  EXPECT_TRUE(has(over.err, "error: --window 91d: at most 90d")) << over.err;
  const CliRun arrive = run("route JPHKT DEDUI --arrive-by 2026-12-30 --window 2160h1m");
  EXPECT_EQ(arrive.code, 2) << arrive.err;
  EXPECT_TRUE(has(arrive.err, "error: --window 2160h1m: at most 90d")) << arrive.err;
}

TEST(CliTimeLimits, WindowAtItsLimitRuns) {
  const CliRun r = run("route JPHKT DEDUI --depart 2026-12-01 --window 90d");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(has(r.out, "DEDUI")) << r.out;
}

TEST(CliTimeLimits, DatesOutsideTheSupportedYearsAreUsageErrors) {
  for (const std::string args : {"--depart 9999-12-31", "--depart 6100-01-01 --window 3650d",
                                 "--depart 1899-12-31T23:59Z", "--arrive-by 2200-01-01"}) {
    const CliRun r = run("route JPHKT DEDUI " + args);
    EXPECT_EQ(r.code, 2) << args << "\n" << r.err;
    const std::string option = args.substr(0, args.find(' '));
    const std::string value = args.substr(option.size() + 1, args.find(' ', option.size() + 1) - option.size() - 1);
    EXPECT_TRUE(has(r.err, "error: " + option + " " + value + ": outside the supported dates 1900-01-01"))
        << args << "\n" << r.err;
    EXPECT_TRUE(has(r.err, "2199-12-31")) << r.err;
  }
  const CliRun chart = run("chart JPHKT DEDUI --depart 9999-12-31");
  EXPECT_EQ(chart.code, 2) << chart.err;
  EXPECT_TRUE(has(chart.err, "--depart 9999-12-31: outside the supported dates")) << chart.err;
}

// The last day of the reference package's services, read as the CLI reads them.
std::string last_service_day() {
  const io::LoadedPackage pkg = io::load_package(io::default_package_dir());
  Diagnostics diags;
  const auto services = io::load_services(pkg.dir, pkg.network, diags);
  const timetable::ValidityRange v = timetable::validity(services);
  EXPECT_TRUE(v.last.has_value());
  return v.last ? timetable::format_date(*v.last) : "";
}

TEST(CliTimeLimits, DepartureAfterTheTimetableSaysItsValidity) {
  const std::string last = last_service_day();
  ASSERT_FALSE(last.empty());
  // The last supported day, with the longest window: no overflow, an honest "no route".
  for (const std::string day : {"2030-01-05", "2199-12-31"}) {
    const CliRun r = run("route JPHKT DEDUI --depart " + day + " --window 90d");
    EXPECT_EQ(r.code, 3) << r.err;
    EXPECT_TRUE(has(r.err, "no route: ")) << r.err;
    EXPECT_TRUE(has(r.err, day + " is outside the timetable's validity, which ends " + last)) << r.err;
  }
  // A day inside the validity with no route (none here) would not say so; a day that has one runs.
  EXPECT_EQ(run("route JPHKT DEDUI --depart 2026-12-01").code, 0);
}

// A copy of the test package mini-services whose services all run from 2026-03-01 to 2026-06-30,
// without added or removed days.
std::filesystem::path package_valid_march_to_june() {
  const auto src = std::filesystem::path(LANDBRIDGE_TEST_DATA_DIR) / "packages" / "mini-services";
  const auto dst = testing_support::scratch_dir() / "pkg";
  std::filesystem::remove_all(dst);
  std::filesystem::copy(src, dst, std::filesystem::copy_options::recursive);
  std::ifstream in(dst / "services.csv");
  std::string line, out;
  std::getline(in, line);
  EXPECT_TRUE(has(line, ",utc_offset,valid_from,valid_to,added,removed,")) << line;
  out = line + "\n";
  // valid_from, valid_to, added, removed are fields 14 to 17; the fields before them hold no
  // quoted commas.
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') {
      out += line + "\n";
      continue;
    }
    std::size_t from = 0;
    for (int i = 0; i < 13; ++i) from = line.find(',', from) + 1;
    std::size_t to = from;
    for (int i = 0; i < 4; ++i) to = line.find(',', to) + 1;
    out += line.substr(0, from) + "2026-03-01,2026-06-30,,," + line.substr(to) + "\n";
  }
  in.close();
  std::ofstream(dst / "services.csv") << out;
  return dst;
}

TEST(CliTimeLimits, ArriveByBeforeTheTimetableSaysItsValidity) {
  const auto pkg = package_valid_march_to_june();
  const std::string net = " --network " + pkg.string();
  const CliRun early = run("route JPHKT KZALA" + net + " --arrive-by 2026-01-20");
  EXPECT_EQ(early.code, 3) << early.err;
  EXPECT_TRUE(has(early.err, "2026-01-20 is outside the timetable's validity 2026-03-01 \u2026 2026-06-30"))
      << early.err;
  const CliRun late = run("route JPHKT KZALA" + net + " --depart 2026-07-01");
  EXPECT_EQ(late.code, 3) << late.err;
  EXPECT_TRUE(has(late.err, "2026-07-01 is outside the timetable's validity 2026-03-01 \u2026 2026-06-30"))
      << late.err;
  const CliRun inside = run("route JPHKT KZALA" + net + " --depart 2026-04-01");
  EXPECT_EQ(inside.code, 0) << inside.err;
}

TEST(CliTimeLimits, ScenarioStartDateOutsideTheSupportedYearsIsAnInputError) {
  namespace fs = std::filesystem;
  const fs::path src = fs::path(LANDBRIDGE_SOURCE_DIR) / "examples" / "scenarios";
  const fs::path dir = testing_support::scratch_dir();
  fs::copy_file(src / "hakata-busan-europe.csv", dir / "hakata-busan-europe.csv", fs::copy_options::overwrite_existing);
  std::ifstream in(src / "hakata-busan-europe.toml");
  std::string text((std::istreambuf_iterator<char>(in)), {});
  const std::string policy = "policy = \"schedule\"";
  ASSERT_TRUE(has(text, policy));
  text.replace(text.find(policy), policy.size(), "policy = \"timetable\"");
  const std::string head = "[scenario]\n";
  ASSERT_EQ(text.find("start_date"), std::string::npos);
  text.replace(text.find(head), head.size(), head + "start_date = \"6102-12-01\"\n");
  std::ofstream(dir / "far.toml") << text;
  const CliRun r = run("simulate " + (dir / "far.toml").string() + " --replications 2");
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_TRUE(has(r.err, "start_date")) << r.err;
  EXPECT_TRUE(has(r.err, "outside the supported dates 1900-01-01")) << r.err;
}

}  // namespace
}  // namespace landbridge
