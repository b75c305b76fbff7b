// Running sweeps: every cell on the same seed (common random numbers), a run interrupted and
// resumed gives the uninterrupted run's table byte for byte and runs only the missing cells,
// a changed sweep is refused in the same folder.
#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <iterator>

#include "landbridge/corridor/model.h"
#include "landbridge/io/package.h"
#include "landbridge/sweep/run.h"
#include "sweep_files.h"

namespace landbridge::sweep {
namespace {

namespace fs = std::filesystem;
using testing_support::scratch_dir;
using testing_support::sweeps_data;

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

const fs::path kSweep = sweeps_data() / "cranes-x-fleet.toml";

TEST(SweepRun, InterruptedAndResumedGivesTheSameTableByteForByte) {
  RunOptions whole;
  whole.out = scratch_dir() / "whole";
  whole.threads = 2;
  const RunReport a = run(load_sweep(kSweep), whole);
  ASSERT_TRUE(a.complete);
  EXPECT_EQ(a.cells, 9U);
  EXPECT_EQ(a.cells_run, 9U);

  RunOptions part;
  part.out = scratch_dir() / "part";
  part.threads = 1;
  part.stop_after_cells = 3;
  std::vector<std::string> lines;
  part.on_line = [&](const std::string& l) { lines.push_back(l); };
  const RunReport b1 = run(load_sweep(kSweep), part);
  EXPECT_FALSE(b1.complete);
  EXPECT_EQ(b1.cells_run, 3U);
  EXPECT_FALSE(fs::exists(part.out / "table.json"));
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines.back().rfind("interrupted: 3 of 9 cells done", 0), 0U) << lines.back();
  const auto first_written = fs::last_write_time(part.out / "cell-0000.json");
  const std::string first_text = read(part.out / "cell-0000.json");

  lines.clear();
  part.stop_after_cells = 0;
  const RunReport b2 = run(load_sweep(kSweep), part);
  ASSERT_TRUE(b2.complete);
  EXPECT_EQ(b2.cells_before, 3U);
  EXPECT_EQ(b2.cells_run, 6U);  // only the missing cells ran
  EXPECT_NE(lines.front().find("3 cells already done"), std::string::npos) << lines.front();
  EXPECT_EQ(fs::last_write_time(part.out / "cell-0000.json"), first_written);
  EXPECT_EQ(read(part.out / "cell-0000.json"), first_text);
  // The same table, whatever the threads and the interruption.
  EXPECT_EQ(read(part.out / "table.json"), read(whole.out / "table.json"));
  EXPECT_EQ(read(part.out / "table.csv"), read(whole.out / "table.csv"));
  EXPECT_EQ(b2.table, a.table);

  // A third run finds everything done and runs nothing.
  const RunReport b3 = run(load_sweep(kSweep), part);
  EXPECT_TRUE(b3.complete);
  EXPECT_EQ(b3.cells_before, 9U);
  EXPECT_EQ(b3.cells_run, 0U);
}

TEST(SweepRun, AStopRequestedRunsNoNewReplication) {
  std::atomic<bool> stop{true};
  RunOptions o;
  o.out = scratch_dir() / "out";
  o.stop = &stop;
  const RunReport r = run(load_sweep(kSweep), o);
  EXPECT_FALSE(r.complete);
  EXPECT_EQ(r.cells_run, 0U);
  EXPECT_FALSE(fs::exists(o.out / "cell-0000.json"));
}

TEST(SweepRun, TheTableHoldsEveryKpiOfEveryCell) {
  RunOptions o;
  o.out = scratch_dir() / "out";
  const nlohmann::json t = run_json(kSweep, o);
  EXPECT_EQ(nlohmann::json::parse(read(o.out / "table.json")), t);
  EXPECT_EQ(t["sweep"], "cranes-x-fleet");
  EXPECT_EQ(t["replications"], 2);
  EXPECT_EQ(t["seed"], 7);
  ASSERT_EQ(t["axes"].size(), 2U);
  EXPECT_EQ(t["axes"][0]["key"], "nodes[code=KZHOR].cranes");
  EXPECT_EQ(t["axes"][1]["values"], nlohmann::json::parse("[1, 2, 3]"));
  ASSERT_EQ(t["cells"].size(), 9U);
  EXPECT_EQ(t["cells"][5]["values"], nlohmann::json::parse(R"({"cranes": 2, "fleet": 3})"));
  for (const auto& cell : t["cells"]) {
    ASSERT_EQ(cell["kpis"].size(), t["kpis"].size());
    const auto& k = cell["kpis"]["node.KZHOR.cranes"];
    EXPECT_EQ(k["mean"], cell["values"]["cranes"]);  // the override reached the model
    EXPECT_EQ(k["half_width"], 0);
    const auto& m = cell["kpis"]["flow.CNLYG-AZALA.mean_h"];
    EXPECT_DOUBLE_EQ(m["low"].get<double>(), m["mean"].get<double>() - m["half_width"].get<double>());
    EXPECT_DOUBLE_EQ(m["high"].get<double>(), m["mean"].get<double>() + m["half_width"].get<double>());
  }
  // CSV: a header and a row per cell, the axes first.
  const std::string csv = read(o.out / "table.csv");
  EXPECT_EQ(csv.rfind("cranes,fleet,flow.CNLYG-AZALA.boxes.mean,flow.CNLYG-AZALA.boxes.half_width,", 0), 0U);
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 10);
  EXPECT_NE(csv.find("\n4,3,"), std::string::npos);
  // The chosen KPI's heat map: one rectangle per cell.
  const std::string svg = read(o.out / "flow.CNLYG-AZALA.mean_h.svg");
  std::size_t rects = 0;
  for (std::size_t p = 0; (p = svg.find("class=\"cell\"", p)) != std::string::npos; ++p) ++rects;
  EXPECT_EQ(rects, 9U);
}

TEST(SweepRun, EveryCellRunsOnTheBasesRandomNumbers) {
  // The base has cranes = 2 and fleet = 1: that cell must equal the base run on the same seed.
  RunOptions o;
  o.out = scratch_dir() / "out";
  const nlohmann::json t = run_json(kSweep, o);
  corridor::Scenario base = corridor::load_scenario(sweeps_data() / "mini.toml");
  base.replications = 2;
  const io::LoadedPackage pkg = io::load_package(base.network_dir);
  const corridor::CorridorModel model(pkg.network, base);
  const auto reps = corridor::run_replications(model, 2, 1);
  const corridor::Summary s = corridor::summarise(model, reps);
  const nlohmann::json& cell = t["cells"][3];
  ASSERT_EQ(cell["values"], nlohmann::json::parse(R"({"cranes": 2, "fleet": 1})"));
  for (const corridor::SummaryRow& r : s.rows)
    EXPECT_EQ(cell["kpis"][r.group + "." + r.key + "." + r.metric]["mean"].get<double>(), r.estimate.mean) << r.metric;
}

TEST(SweepRun, AChangedSweepIsRefusedUntilFresh) {
  RunOptions o;
  o.out = scratch_dir() / "out";
  ASSERT_TRUE(run(load_sweep(kSweep), o).complete);
  o.replications = 3;  // other inputs: the cells on disk do not belong to this run
  try {
    (void)run(load_sweep(kSweep), o);
    FAIL() << "expected a refusal";
  } catch (const SweepError& e) {
    EXPECT_NE(std::string(e.what()).find("holds results of another sweep"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("--fresh"), std::string::npos) << e.what();
  }
  o.fresh = true;
  const RunReport r = run(load_sweep(kSweep), o);
  EXPECT_TRUE(r.complete);
  EXPECT_EQ(r.cells_before, 0U);
  EXPECT_EQ(r.cells_run, 9U);
  EXPECT_EQ(r.table["replications"], 3);
}

TEST(SweepRun, AnUnknownPlotKpiIsRefusedBeforeRunning) {
  RunOptions o;
  o.out = scratch_dir() / "out";
  o.plots = {"flow.CNLYG-AZALA.mean_hours"};
  try {
    (void)run(load_sweep(kSweep), o);
    FAIL() << "expected a refusal";
  } catch (const SweepError& e) {
    EXPECT_NE(std::string(e.what()).find("unknown KPI 'flow.CNLYG-AZALA.mean_hours'"), std::string::npos) << e.what();
  }
  EXPECT_FALSE(fs::exists(o.out / "cell-0000.json"));
}

}  // namespace
}  // namespace landbridge::sweep
