// Exit codes of the command line for user errors and failed writes (the table of
// `landbridge --help` and README.md): each case asserts the exact code and the words that name
// what was wrong. Exit 4 is left for bugs only.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "../support/scratch.h"
#include "cli_run.h"

namespace landbridge {
namespace {

namespace fs = std::filesystem;
using testing_support::CliRun;
using testing_support::run;

bool has(const std::string& text, const std::string& words) { return text.find(words) != std::string::npos; }

// The exit status of `landbridge ARGS` with the shell redirections REDIRECT (for /dev/full).
int status_of(const std::string& args, const std::string& redirect) {
  const std::string cmd = std::string(LANDBRIDGE_CLI) + " " + args + " " + redirect;
  const int st = std::system(cmd.c_str());
  if (st == -1 || !WIFEXITED(st)) return -1;  // killed by a signal (an abort): never expected
  return WEXITSTATUS(st);
}

void write(const fs::path& p, const std::string& text) {
  std::ofstream f(p, std::ios::binary);
  f << text;
}

std::string example(const std::string& name) {
  return std::string(LANDBRIDGE_SOURCE_DIR) + "/examples/scenarios/" + name;
}

TEST(CliExit, HelpListsEveryExitCode) {
  CliRun r = run("--help");
  ASSERT_EQ(r.code, 0) << r.err;
  for (const char* line : {"0  ok", "1  invalid input file", "2  usage", "3  no route", "4  internal error",
                           "5  output could not be written"})
    EXPECT_TRUE(has(r.out, line)) << line << "\n" << r.out;
}

TEST(CliExit, AvoidItemsThatNameNothingAreUsageErrors) {
  CliRun empty = run("route JPHKT DEDUI --avoid ''");
  EXPECT_EQ(empty.code, 2);
  EXPECT_TRUE(has(empty.err, "error: avoid: an empty item")) << empty.err;
  CliRun country = run("route JPHKT DEDUI --avoid XX");
  EXPECT_EQ(country.code, 2);
  EXPECT_TRUE(has(country.err, "avoid 'XX': no place of the network is in country XX")) << country.err;
  CliRun place = run("route JPHKT DEDUI --avoid Khorgas");
  EXPECT_EQ(place.code, 2);
  EXPECT_TRUE(has(place.err, "avoid 'Khorgas'")) << place.err;
  EXPECT_TRUE(has(place.err, "KZHOR")) << place.err;
  CliRun timed = run("route JPHKT DEDUI --depart 2026-12-01 --avoid XX");
  EXPECT_EQ(timed.code, 2);
  EXPECT_TRUE(has(timed.err, "avoid 'XX'")) << timed.err;
  CliRun chart = run("chart JPHKT DEDUI --avoid ''");
  EXPECT_EQ(chart.code, 2);
  EXPECT_TRUE(has(chart.err, "avoid: an empty item")) << chart.err;
}

TEST(CliExit, AnEndThatIsAvoidedIsAUsageError) {
  CliRun r = run("route JPHKT DEDUI --avoid JP");
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(has(r.err, "JPHKT")) << r.err;
  EXPECT_TRUE(has(r.err, "avoided country JP")) << r.err;
}

TEST(CliExit, SameOriginAndDestinationIsAUsageError) {
  for (const std::string args : {"route JPHKT JPHKT", "route JPHKT Hakata --depart 2026-12-01", "chart DEDUI DEDUI"}) {
    CliRun r = run(args);
    EXPECT_EQ(r.code, 2) << args;
    EXPECT_TRUE(has(r.err, "origin and destination are the same place")) << args << ": " << r.err;
  }
}

TEST(CliExit, OneLetterIsNoPrefixOfAName) {
  CliRun r = run("route x DEDUI");
  EXPECT_EQ(r.code, 2);
  EXPECT_TRUE(has(r.err, "location 'x' is too short")) << r.err;
  EXPECT_TRUE(has(r.err, "at least 3 letters")) << r.err;
  // Three letters of a name still find it.
  CliRun three = run("route Hak DEDUI --json");
  EXPECT_EQ(three.code, 0) << three.err;
}

TEST(CliExit, UnwritableOutputFileExitsFiveWithoutClaimingSuccess) {
  const fs::path missing = testing_support::scratch_dir() / "no-such-folder" / "out.svg";
  for (const std::string cmd : {"export --geojson -o ", "chart JPHKT DEDUI -o "}) {
    CliRun r = run(cmd + missing.string());
    EXPECT_EQ(r.code, 5) << cmd;
    EXPECT_TRUE(has(r.err, "error: could not write " + missing.string() + ": No such file or directory"))
        << cmd << ": " << r.err;
    EXPECT_FALSE(has(r.err, "wrote")) << r.err;
  }
}

TEST(CliExit, SimulateRefusesUnwritableOutputsBeforeItRuns) {
  // Checked up front: a bad --records or --plots path is reported before any replication runs.
  const fs::path dir = testing_support::scratch_dir();
  const fs::path missing = dir / "no-such-folder" / "records.csv";
  CliRun records = run("simulate " + example("hakata-busan-europe.toml") + " --records " + missing.string());
  EXPECT_EQ(records.code, 5);
  EXPECT_TRUE(has(records.err, "error: could not write " + missing.string() + ": No such file or directory"))
      << records.err;
  EXPECT_FALSE(has(records.err, "replication")) << records.err;
  const fs::path file = dir / "a-file";
  std::ofstream(file) << "x";
  CliRun plots = run("simulate " + example("hakata-busan-europe.toml") + " --plots " + file.string());
  EXPECT_EQ(plots.code, 5);
  EXPECT_TRUE(has(plots.err, "error: could not write " + file.string() + ": Not a directory")) << plots.err;
  EXPECT_FALSE(has(plots.err, "replication")) << plots.err;
}

TEST(CliExit, AFullDiskIsAnOutputErrorNeverAnAbort) {
  ASSERT_TRUE(fs::exists("/dev/full"));  // Linux
  // An -o file on a full device: exit 5, not "wrote" and 0.
  CliRun exp = run("export --geojson -o /dev/full");
  EXPECT_EQ(exp.code, 5);
  EXPECT_TRUE(has(exp.err, "could not write /dev/full: No space left on device")) << exp.err;
  EXPECT_FALSE(has(exp.err, "wrote")) << exp.err;
  CliRun chart = run("chart JPHKT DEDUI -o /dev/full");
  EXPECT_EQ(chart.code, 5);
  EXPECT_FALSE(has(chart.err, "wrote")) << chart.err;
  // Standard output full: the table is lost, so the run failed.
  EXPECT_EQ(status_of("route JPHKT DEDUI", ">/dev/full 2>/dev/null"), 5);
  EXPECT_EQ(status_of("export --geojson", ">/dev/full 2>/dev/null"), 5);
  EXPECT_EQ(status_of("--help", ">/dev/full 2>/dev/null"), 5);
  // Standard error full: the error cannot be told, but the exit code still is (no SIGABRT).
  EXPECT_EQ(status_of("route ZZZZZ DEDUI", ">/dev/null 2>/dev/full"), 2);
  EXPECT_EQ(status_of("route JPHKT DEDUI --avoid sea", ">/dev/null 2>/dev/full"), 3);
  // A successful run that cannot print its progress to stderr reports that.
  EXPECT_EQ(status_of("export --geojson -o " + (testing_support::scratch_dir() / "net.geojson").string(),
                      ">/dev/null 2>/dev/full"),
            5);
}

TEST(CliExit, SimulateSeedAndReplicationsAreCheckedAsArguments) {
  CliRun seed = run("simulate " + example("hakata-busan-europe.toml") + " --seed -1");
  EXPECT_EQ(seed.code, 2);
  EXPECT_TRUE(has(seed.err, "--seed")) << seed.err;
  EXPECT_TRUE(has(seed.err, "expected a whole number from 0 to 9007199254740991")) << seed.err;
  EXPECT_LT(seed.err.size(), 400u) << seed.err;  // no 309-digit range
  CliRun reps = run("simulate " + example("hakata-busan-europe.toml") + " --replications 100000");
  EXPECT_EQ(reps.code, 2);
  EXPECT_TRUE(has(reps.err, "--replications")) << reps.err;
  CliRun changes = run("simulate " + example("hakata-busan-europe.toml") + " --changes-only");
  EXPECT_EQ(changes.code, 2);
  EXPECT_TRUE(has(changes.err, "error: --changes-only needs --compare")) << changes.err;
}

TEST(CliExit, ScenarioErrorsExitOneNamingFileLineAndField) {
  const fs::path dir = testing_support::scratch_dir();
  // A missing scenario file.
  CliRun missing = run("simulate " + (dir / "nope.toml").string());
  EXPECT_EQ(missing.code, 1);
  EXPECT_TRUE(has(missing.err, "error: " + (dir / "nope.toml").string() + ": cannot read the scenario")) << missing.err;
  // An unknown closure node, found only when the model is built: file, line, field, suggestion.
  write(dir / "demand.csv", "origin,destination,teu_per_week,unit,pattern\nJPHKT,DEDUI,20,FEU,poisson\n");
  write(dir / "closure.toml",
        "[scenario]\ndemand = \"demand.csv\"\nhorizon_days = 60\n\n[[closures]]\nnode = \"KZHOT\"\nfrom_day = 1\nto_day = 2\n");
  CliRun closure = run("simulate " + (dir / "closure.toml").string() + " --replications 2");
  EXPECT_EQ(closure.code, 1);
  EXPECT_TRUE(has(closure.err, "error: " + (dir / "closure.toml").string() + ":5: field 'closures[0].node': unknown node 'KZHOT'"))
      << closure.err;
  EXPECT_TRUE(has(closure.err, "did you mean KZHOR")) << closure.err;
  // Whole numbers.
  write(dir / "reps.toml", "[scenario]\ndemand = \"demand.csv\"\nreplications = 2.5\n");
  CliRun reps = run("simulate " + (dir / "reps.toml").string());
  EXPECT_EQ(reps.code, 1);
  EXPECT_TRUE(has(reps.err, "reps.toml:3: field 'scenario.replications': got 2.5, expected a whole number")) << reps.err;
  // A demand of infinity: refused up front (it was "Exponential: mean must be > 0", exit 4).
  write(dir / "inf.csv", "origin,destination,teu_per_week,unit,pattern\nJPHKT,DEDUI,inf,FEU,poisson\n");
  write(dir / "inf.toml", "[scenario]\ndemand = \"inf.csv\"\n");
  CliRun inf = run("simulate " + (dir / "inf.toml").string());
  EXPECT_EQ(inf.code, 1);
  EXPECT_TRUE(has(inf.err, "inf.csv:2: field 'teu_per_week': got 'inf'")) << inf.err;
  // A million TEU a week: refused with the limit, not run for days.
  write(dir / "big.csv", "origin,destination,teu_per_week,unit,pattern\nJPHKT,DEDUI,1e6,FEU,poisson\n");
  write(dir / "big.toml", "[scenario]\ndemand = \"big.csv\"\n");
  CliRun big = run("simulate " + (dir / "big.toml").string());
  EXPECT_EQ(big.code, 1);
  EXPECT_TRUE(has(big.err, "big.csv:2: field 'teu_per_week': got 1e6, more than the limit of 100000")) << big.err;
  // A demand file that is a device: refused, not read without end.
  write(dir / "zero.toml", "[scenario]\ndemand = \"/dev/zero\"\n");
  CliRun zero = run("simulate " + (dir / "zero.toml").string());
  EXPECT_EQ(zero.code, 1);
  EXPECT_TRUE(has(zero.err, "/dev/zero: cannot read the demand file: not a regular file")) << zero.err;
}

}  // namespace
}  // namespace landbridge
