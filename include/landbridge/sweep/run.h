// Running a sweep: every cell x replication as a task of ensemble::run_tasks (threads, or the
// ranks of an MPI job), each finished cell written to the output folder at once, so a sweep
// that is interrupted and started again runs only the cells it is missing; then the table of
// every KPI per cell (table.csv, table.json) and the plots of the chosen KPIs.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>
#include <nlohmann/json.hpp>

#include "landbridge/sweep/spec.h"

namespace landbridge::sweep {

struct RunOptions {
  std::filesystem::path out;              // "" = the sweep file's folder / the sweep file's stem
  unsigned threads = 0;                   // worker threads per rank (0: all cores)
  std::optional<int> replications;        // instead of the sweep's
  std::optional<std::uint64_t> seed;      // instead of the sweep's
  std::vector<std::string> plots;         // KPIs to draw besides the sweep's `plot`
  // The output folder holds cells of another sweep (or of this one with other inputs): false
  // refuses to run, true deletes them and starts over.
  bool fresh = false;
  // For tests: stop (as if interrupted) once this many cells were written in this run (exactly
  // that many: later results are dropped); 0: never.
  std::size_t stop_after_cells = 0;
  // Set (by a signal handler, say) to stop: no replication starts after it; the cells already
  // complete are written; run() then returns an incomplete report.
  const std::atomic<bool>* stop = nullptr;
  // Progress on the root: a line to show (cells done, interruption), and replications done so
  // far of those this run has to do.
  std::function<void(const std::string& line)> on_line;
  std::function<void(std::size_t done, std::size_t total)> on_replication;
};

struct RunReport {
  bool root = true;             // false on the other ranks of an MPI job (nothing below is set)
  bool complete = false;        // every cell is done and the table written
  std::size_t cells = 0;
  std::size_t cells_before = 0; // found done in the output folder
  std::size_t cells_run = 0;    // finished by this run
  std::filesystem::path out;
  std::vector<std::filesystem::path> plots;  // SVGs written
  nlohmann::json table;         // table.json's content (when complete)
};

// The output folder `options` ask for.
std::filesystem::path output_folder(const SweepSpec& spec, const RunOptions& options);

// Runs the cells the output folder lacks. Throws SweepError (bad plot KPI, output folder of
// another sweep), corridor::ScenarioError (a cell's scenario the model refuses), LoadError
// (the network package), ensemble::TaskError, or std::filesystem errors when writing.
// Collective under MPI: every rank calls it.
RunReport run(const SweepSpec& spec, const RunOptions& options);

// load_sweep and run; the table (as table.json holds it). An interrupted run throws SweepError.
nlohmann::json run_json(const std::filesystem::path& sweep_toml, const RunOptions& options);

}  // namespace landbridge::sweep
