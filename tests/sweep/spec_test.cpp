// Reading sweep files: axes of values, ranges and variants, overrides reaching array-of-tables
// entries by their identifying fields, and errors naming the sweep file, line and field.
#include <gtest/gtest.h>

#include "landbridge/corridor/scenario.h"
#include "landbridge/sweep/spec.h"
#include "sweep_files.h"

namespace landbridge::sweep {
namespace {

using testing_support::put_file;
using testing_support::put_sweep;
using testing_support::sweeps_data;

// The message of the SweepError (or ScenarioError) that loading `file` throws.
std::string error_of(const std::filesystem::path& file) {
  try {
    (void)load_sweep(file);
  } catch (const corridor::ScenarioError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(SweepSpec, ReadsValuesRangesAndTheCellOrder) {
  const SweepSpec s = load_sweep(put_sweep(
      "[[axes]]\nname = \"cranes\"\nkey = \"nodes[code=KZHOR].cranes\"\nvalues = [1, 2, 4]\n"
      "[[axes]]\nkey = \"services.ferry.max_wait_h\"\nfrom = 24\nto = 48.5\nstep = 12.25\n",
      "replications = 4\nseed = 11\n"));
  ASSERT_EQ(s.axes.size(), 2U);
  EXPECT_EQ(s.axes[0].name, "cranes");
  EXPECT_EQ(s.axes[1].name, "services.ferry.max_wait_h");  // no name: the key
  ASSERT_EQ(s.axes[1].values.size(), 3U);
  EXPECT_EQ(s.axes[1].values[0].label, "24");
  EXPECT_EQ(s.axes[1].values[1].label, "36.25");
  EXPECT_EQ(s.axes[1].values[2].label, "48.5");
  EXPECT_EQ(s.replications, 4);
  EXPECT_EQ(s.seed, 11U);
  EXPECT_EQ(s.cell_count(), 9U);
  // The first axis varies slowest.
  EXPECT_EQ(s.cell_values(5), (std::vector<std::size_t>{1, 2}));
  EXPECT_EQ(s.cell_label(5), "cranes=2, services.ferry.max_wait_h=48.5");
}

TEST(SweepSpec, ReplicationsAndSeedDefaultToTheBase) {
  const SweepSpec s = load_sweep(put_sweep("[[axes]]\nkey = \"services.ferry.fleet\"\nvalues = [1, 2]\n"));
  EXPECT_EQ(s.replications, 3);
  EXPECT_EQ(s.seed, 7U);
}

TEST(SweepSpec, CellScenariosCarryTheOverridesAndTheSweepsSeed) {
  const SweepSpec s = load_sweep(put_sweep(
      "[[axes]]\nkey = \"nodes[code=KZHOR].cranes\"\nvalues = [1, 5]\n"
      "[[axes]]\nkey = \"services.ferry.fleet\"\nvalues = [2, 3]\n"
      "[[axes]]\nkey = \"scenario.on_closure\"\nvalues = [\"wait\", \"reroute\"]\n",
      "seed = 99\n"));
  const corridor::Scenario c = cell_scenario(s, 7);  // cranes 5, fleet 3, reroute
  ASSERT_EQ(c.nodes.size(), 1U);
  EXPECT_EQ(c.nodes[0].code, "KZHOR");
  EXPECT_EQ(c.nodes[0].cranes, 5);
  EXPECT_EQ(c.ferry.fleet, 3);
  EXPECT_EQ(c.on_closure, corridor::OnClosure::reroute);
  EXPECT_EQ(c.seed, 99U);
  EXPECT_EQ(c.ferry.capacity_teu, 40);  // the rest of the base is kept
  const corridor::Scenario first = cell_scenario(s, 0);
  EXPECT_EQ(first.nodes[0].cranes, 1);
  EXPECT_EQ(first.ferry.fleet, 2);
  EXPECT_EQ(first.on_closure, corridor::OnClosure::wait);
}

TEST(SweepSpec, MissingTablesOnTheWayAreMade) {
  // mini.toml has no [services.rail]: the override makes it.
  const SweepSpec s = load_sweep(put_sweep("[[axes]]\nkey = \"services.rail.min_teu\"\nvalues = [10, 20]\n"));
  EXPECT_EQ(cell_scenario(s, 1).rail.min_teu, 20);
}

// A base with two [[operations]] at one node: entries told apart by two fields.
std::filesystem::path base_with_operations() {
  return put_file("ops.toml", "[scenario]\nnetwork = \"" + (sweeps_data() / "../packages/mini").string() +
                                  "\"\ndemand = \"" + (sweeps_data() / "mini.csv").string() +
                                  "\"\nhorizon_days = 42\nwarmup_days = 7\n"
                                  "[[operations]]\nnode = \"KZHOR\"\nkind = \"border\"\nservers = 1\n"
                                  "[[operations]]\nnode = \"KZHOR\"\nkind = \"gauge_change\"\nservers = 2\n");
}

TEST(SweepSpec, SelectorsWithSeveralFieldsPickOneEntry) {
  base_with_operations();
  const SweepSpec s = load_sweep(put_file(
      "s.toml", "[sweep]\nbase = \"ops.toml\"\n[[axes]]\nkey = \"operations[node=KZHOR,kind=border].servers\"\nvalues = [3, 4]\n"));
  const corridor::Scenario c = cell_scenario(s, 1);
  ASSERT_EQ(c.operations.size(), 2U);
  EXPECT_EQ(c.operations[0].servers, 4);
  EXPECT_EQ(c.operations[1].servers, 2);
  // By index as well.
  const SweepSpec i = load_sweep(put_file(
      "i.toml", "[sweep]\nbase = \"ops.toml\"\n[[axes]]\nkey = \"operations[1].servers\"\nvalues = [5]\n"));
  EXPECT_EQ(cell_scenario(i, 0).operations[1].servers, 5);
}

TEST(SweepSpec, APathSelectingSeveralEntriesIsNamed) {
  base_with_operations();
  const std::string e = error_of(put_file(
      "s.toml", "[sweep]\nbase = \"ops.toml\"\n\n[[axes]]\nkey = \"operations[node=KZHOR].servers\"\nvalues = [3]\n"));
  EXPECT_NE(e.find("s.toml:6: field 'axes[0].values[0]'"), std::string::npos) << e;
  EXPECT_NE(e.find("selects 2 entries"), std::string::npos) << e;
}

TEST(SweepSpec, APathSelectingNothingListsTheEntries) {
  const std::string e = error_of(put_sweep("[[axes]]\nkey = \"nodes[code=KZDOS].cranes\"\nvalues = [3]\n"));
  EXPECT_NE(e.find("s.toml:5: field 'axes[0].values[0]'"), std::string::npos) << e;
  EXPECT_NE(e.find("'nodes[code=KZDOS]' selects no entry (the entries' code: KZHOR)"), std::string::npos) << e;
}

TEST(SweepSpec, UnknownKeysAreRefusedByTheScenarioReader) {
  const std::string e = error_of(put_sweep("[[axes]]\nkey = \"services.ferry.flet\"\nvalues = [1, 2]\n"));
  EXPECT_NE(e.find("s.toml:5: field 'axes[0].values[0]'"), std::string::npos) << e;
  EXPECT_NE(e.find("field 'services.ferry.flet': unknown field"), std::string::npos) << e;
}

TEST(SweepSpec, ValuesOfTheWrongTypeNameTheirLine) {
  const std::string e = error_of(put_sweep("[[axes]]\nkey = \"services.ferry.fleet\"\nvalues = [\n  1,\n  2.5,\n]\n"));
  EXPECT_NE(e.find("s.toml:7: field 'axes[0].values[1]': services.ferry.fleet = 2.5"), std::string::npos) << e;
  EXPECT_NE(e.find("expected a whole number"), std::string::npos) << e;
  const std::string t = error_of(put_sweep("[[axes]]\nkey = \"scenario.horizon_days\"\nvalues = [\"long\"]\n"));
  EXPECT_NE(t.find("field 'axes[0].values[0]'"), std::string::npos) << t;
  EXPECT_NE(t.find("expected a number"), std::string::npos) << t;
}

TEST(SweepSpec, MistakesInTheSweepFileItselfAreNamed) {
  EXPECT_NE(error_of(put_sweep("[[axes]]\nkey = \"nodes[code=KZHOR.cranes\"\nvalues = [1]\n"))
                .find("s.toml:4: field 'axes[0].key': 'nodes[code=KZHOR.cranes': '[' without ']'"),
            std::string::npos);
  EXPECT_NE(error_of(put_sweep("[[axes]]\nkey = \"services.ferry.fleet\"\nvalue = [1]\n"))
                .find("s.toml:5: field 'axes[0].value': unknown field"),
            std::string::npos);
  EXPECT_NE(error_of(put_sweep("[[axes]]\nkey = \"services.ferry.fleet\"\nfrom = 1\nto = 3\n"))
                .find("field 'axes[0].step': missing"),
            std::string::npos);
  EXPECT_NE(error_of(put_sweep("[[axes]]\nkey = \"services.ferry.fleet\"\nfrom = 3\nto = 1\nstep = 1\n"))
                .find("field 'axes[0].step': must be non-zero and lead from 'from' to 'to'"),
            std::string::npos);
  EXPECT_NE(error_of(put_sweep("", "replications = 1\n")).find("s.toml:3: field 'sweep.replications'"), std::string::npos);
  EXPECT_NE(error_of(put_sweep("")).find("field 'axes': expected at least one [[axes]] table"), std::string::npos);
  EXPECT_NE(error_of(put_file("nobase.toml", "[sweep]\nbase = \"nowhere.toml\"\n"))
                .find("nobase.toml:2: field 'sweep.base': cannot read"),
            std::string::npos);
  EXPECT_NE(error_of(put_sweep("[[axes]]\nkey = \"scenario.seed\"\nvalues = [1, 2]\n"))
                .find("s.toml:4: field 'axes[0].key': every cell runs the same replications on the same seed"),
            std::string::npos);
  EXPECT_NE(error_of(put_sweep("[[axes]]\nname = \"v\"\nvariants = [{ label = \"a\", set = { scenario = { replications = 5 } } }]\n"))
                .find("field 'axes[0].variants': every cell runs the same replications"),
            std::string::npos);
  EXPECT_NE(error_of(put_sweep("[[axes]]\nkey = \"services.ferry.fleet\"\nvalues = [1]\n"
                               "[[axes]]\nkey = \"services.ferry.fleet\"\nvalues = [2]\n"))
                .find("'services.ferry.fleet' names two axes"),
            std::string::npos);
}

TEST(SweepSpec, VariantsAddAndRemoveClosures) {
  put_file("closed.toml", "[scenario]\nnetwork = \"" + (sweeps_data() / "../packages/mini").string() +
                              "\"\ndemand = \"" + (sweeps_data() / "mini.csv").string() +
                              "\"\nhorizon_days = 42\nwarmup_days = 7\n"
                              "[[closures]]\nnode = \"KZAAU\"\nfrom_day = 10\nto_day = 20\n");
  const SweepSpec s = load_sweep(put_file(
      "s.toml",
      "[sweep]\nbase = \"closed.toml\"\n"
      "[[axes]]\nname = \"aktau\"\n"
      "[[axes.variants]]\nlabel = \"as base\"\n"
      "[[axes.variants]]\nlabel = \"open\"\nremove = [\"closures[node=KZAAU]\"]\n"
      "[[axes.variants]]\nlabel = \"two closures\"\n"
      "set = { closures = [{ link = \"ferry-AAU-ALA\", from_day = 30, to_day = 35 }], scenario = { on_closure = \"reroute\" } }\n"));
  ASSERT_EQ(s.axes[0].values.size(), 3U);
  EXPECT_TRUE(s.axes[0].key.empty());
  EXPECT_EQ(cell_scenario(s, 0).closures.size(), 1U);
  EXPECT_TRUE(cell_scenario(s, 1).closures.empty());
  const corridor::Scenario two = cell_scenario(s, 2);
  ASSERT_EQ(two.closures.size(), 2U);
  EXPECT_EQ(two.closures[1].what, "ferry-AAU-ALA");
  EXPECT_EQ(two.on_closure, corridor::OnClosure::reroute);
  EXPECT_EQ(two.horizon_days, 42);  // merged, not replaced

  const std::string e = error_of(put_file(
      "bad.toml", "[sweep]\nbase = \"closed.toml\"\n[[axes]]\nname = \"suez\"\n"
                  "[[axes.variants]]\nlabel = \"open\"\nremove = [\"closures[passage=suez]\"]\n"));
  EXPECT_NE(e.find("bad.toml:5: field 'axes[0].variants[0]': remove closures[passage=suez]: "
                   "'closures[passage=suez]' selects no entry"),
            std::string::npos)
      << e;
}

}  // namespace
}  // namespace landbridge::sweep
