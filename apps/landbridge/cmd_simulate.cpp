// landbridge simulate SCENARIO: container-level corridor simulation (corridor/model.h), KPIs
// with 95 % confidence intervals across replications; identical whatever --threads.
// --compare WHAT_IF runs a second scenario on the same seed and replications and prints both
// side by side (corridor/compare.h); --plots DIR draws the transit-time histogram and the
// gauge-change queues (corridor/plots.h).
// Under mpirun the replications are spread over the ranks (ensemble::run_tasks) and gathered on
// the root, which alone prints and writes: the output is the same byte for byte whatever the
// number of ranks and threads (docs/cluster.md).
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli.h"
#include "landbridge/corridor/compare.h"
#include "landbridge/corridor/model.h"
#include "landbridge/corridor/plots.h"
#include "landbridge/corridor/serial.h"
#include "landbridge/corridor/study.h"
#include "landbridge/ensemble/tasks.h"
#include "landbridge/io/services.h"

namespace landbridge::cli {
namespace {

struct SimulateArgs {
  std::string scenario, compare, records, network, plots;
  int replications = 0;
  long long seed = -1;
  unsigned threads = 0;
  bool json = false, changes_only = false;
};

// A scenario with its network and model, run once.
struct Run {
  io::LoadedPackage pkg;
  std::vector<timetable::Service> services;  // loaded when a mode runs on the timetable
  std::optional<corridor::CorridorModel> model;
  corridor::StudyRun study;  // the model's replications and summary
};

std::unique_ptr<Run> prepare(const SimulateArgs& a, const std::string& path, std::optional<int> replications,
                             std::optional<std::uint64_t> seed) {
  corridor::Scenario sc = corridor::load_scenario(path);  // ScenarioError: exit 1 (main.cpp)
  if (replications) sc.replications = *replications;
  if (seed) sc.seed = *seed;
  corridor::check_run_size(sc);  // again, with --replications
  auto run = std::make_unique<Run>();
  run->pkg = load_network(!a.network.empty() ? a.network : sc.network_dir.string());
  if (corridor::uses_timetable(sc)) {
    Diagnostics diags;
    run->services = io::load_services(run->pkg.dir, run->pkg.network, diags);
    diags.throw_if_any();  // a LoadError: exit 1 with file, line and field (main.cpp)
  }
  run->model.emplace(run->pkg.network, sc, run->services);  // ScenarioError: exit 1 (main.cpp)
  run->study.model = &*run->model;
  return run;
}

// `what` names the run in the progress lines when there are two ("base", "what-if"). Every
// rank runs its share of the replications; the root gathers them all and summarises. Without
// `plot_data` the per-box transit times and queue traces, which only the plots use (nine tenths
// of a replication's bytes), are dropped before they travel.
void simulate(Run& run, unsigned threads, const std::string& what, bool plot_data) {
  const bool root = ensemble::Ranks::get().root();
  const bool tty = isatty(fileno(stderr)) != 0;
  const std::string prefix = what.empty() ? "" : what + " ";
  ensemble::TaskOptions options{.threads = threads};
  if (root) {
    options.progress = [tty, &prefix](std::size_t done, std::size_t total) {
      if (tty) {
        say("\r{}{}", prefix, progress_bar(done, total));
        if (done == total) say("\n");
      } else {
        say("{}replication {}/{}\n", prefix, done, total);
      }
    };
  }
  const auto n = static_cast<std::size_t>(run.model->scenario().replications);
  const corridor::CorridorModel& model = *run.model;
  // The root decodes each replication as it arrives, while the others are still computing.
  std::vector<corridor::ReplicationResult>& reps = run.study.replications;
  reps.assign(root ? n : 0, {});
  options.on_result = [&reps](std::size_t r, const std::string& bytes) { reps[r] = corridor::decode_replication(bytes); };
  options.keep_results = false;
  try {
    ensemble::run_tasks(n, options, [&model, plot_data](std::size_t r) {
      return corridor::encode_replication(model.run(r), plot_data ? corridor::PlotSeries::keep
                                                                  : corridor::PlotSeries::drop);
    });
  } catch (const ensemble::TaskError& e) {
    // One process: report the replication's own error, as before MPI (exit code and message).
    if (ensemble::Ranks::get().size() == 1 && e.original()) std::rethrow_exception(e.original());
    throw;
  }
  if (!root) return;
  run.study.summary = corridor::summarise(*run.model, run.study.replications);
}

void write_file(const std::filesystem::path& path, const std::string& text) { write_output(path.string(), text); }

// An output path that cannot be written is reported before a run of minutes, not after it:
// the folder that will hold `path` (or, for a folder output, the folder itself once it exists)
// must be a writable folder. A full disk is still found only when writing.
void check_writable(const std::filesystem::path& path, bool is_folder) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path holder = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  if (is_folder && fs::is_directory(path, ec)) holder = path;
  else if (is_folder && fs::exists(path, ec)) throw OutputError(path.string(), ENOTDIR);
  else if (!is_folder && fs::is_directory(path, ec)) throw OutputError(path.string(), EISDIR);
  if (is_folder && holder != path) {
    // A folder to be made: its nearest existing ancestor must be a writable folder.
    while (!holder.empty() && !fs::exists(holder, ec) && holder != holder.parent_path()) holder = holder.parent_path();
    if (holder.empty()) holder = ".";
  }
  if (!fs::is_directory(holder, ec)) throw OutputError(path.string(), ENOENT);
  if (::access(holder.c_str(), W_OK) != 0) throw OutputError(path.string(), errno);
}

// One run: all flows in one histogram; a comparison: one histogram per flow, base and what-if
// overlaid. One queue plot per gauge-change node (both runs when comparing).
void write_plots(const std::filesystem::path& dir, std::span<const corridor::PlotRun> runs) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    throw OutputError(dir.string(), ec.value());
  }
  std::vector<std::string> written;
  for (const corridor::NamedPlot& p : corridor::standard_plots(runs)) {
    write_file(dir / (p.stem + ".svg"), corridor::render_svg(p));
    write_file(dir / (p.stem + ".json"), corridor::to_json(p).dump(1) + "\n");
    written.push_back(p.stem + ".svg");
  }
  say("plots written to {}/: {}\n", dir.string(), fmt::join(written, ", "));
}

}  // namespace

void register_simulate(CLI::App& app) {
  auto a = std::make_shared<SimulateArgs>();
  auto* cmd = app.add_subcommand("simulate", "Simulate a corridor scenario container by container");
  cmd->add_option("SCENARIO", a->scenario, "Scenario TOML file (docs/corridor-simulation.md)")
      ->required()
      ->type_name("FILE");
  cmd->add_option("--compare", a->compare,
                  "Also run this what-if scenario on the same seed and replications and print both side by side")
      ->type_name("FILE");
  cmd->add_flag("--changes-only", a->changes_only, "With --compare: list only the KPIs that clearly changed");
  cmd->add_option("--replications", a->replications,
                  fmt::format("Replications, 2 to {} (default: the scenario's)", corridor::kMaxReplications))
      ->check(CLI::Range(2, corridor::kMaxReplications));
  cmd->add_option("--seed", a->seed, "Seed, a whole number from 0 to 2^53 - 1 (default: the scenario's)")
      ->check(CLI::Validator(
          [](const std::string& text) {
            long long v = -1;
            const char* end = text.data() + text.size();
            const auto [p, ec] = std::from_chars(text.data(), end, v);
            if (ec != std::errc() || p != end || v < 0 || v > corridor::kMaxSeed)
              return fmt::format("expected a whole number from 0 to {} (2^53 - 1), got '{}'", corridor::kMaxSeed, text);
            return std::string();
          },
          "SEED"));
  cmd->add_option("--threads", a->threads, "Worker threads (0 = all cores); results do not depend on it");
  cmd->add_flag("--json", a->json, "Print the KPI summary (or the comparison) as JSON");
  cmd->add_option("--records", a->records, "Write replication 0's per-container records (CSV) to FILE")
      ->type_name("FILE");
  cmd->add_option("--plots", a->plots,
                  "Write transit-time histograms and crane-queue plots (SVG and JSON) into DIR")
      ->type_name("DIR");
  add_network_option(*cmd, a->network);
  cmd->callback([a] {
    if (a->changes_only && a->compare.empty()) {
      say("error: --changes-only needs --compare\n");
      throw CLI::RuntimeError(kUsage);
    }
    std::optional<int> reps;
    if (a->replications > 0) reps = a->replications;
    std::optional<std::uint64_t> seed;
    if (a->seed >= 0) seed = static_cast<std::uint64_t>(a->seed);
    // The outputs are the root's (the other ranks may not even see its folders); every rank
    // learns whether it can go on, so that none waits for a run that will not happen.
    const ensemble::Ranks& ranks = ensemble::Ranks::get();
    std::exception_ptr unwritable;
    if (ranks.root()) {
      try {
        if (!a->records.empty()) check_writable(a->records, false);
        if (!a->plots.empty()) check_writable(a->plots, true);
      } catch (const OutputError&) {
        unwritable = std::current_exception();
      }
    }
    if (!ranks.all_ok(unwritable == nullptr)) {
      if (unwritable) std::rethrow_exception(unwritable);
      throw CLI::RuntimeError(kOutput);  // the root said why
    }
    const std::unique_ptr<Run> base = prepare(*a, a->scenario, reps, seed);
    std::unique_ptr<Run> what_if;
    if (!a->compare.empty()) {
      // The what-if runs as many replications on the same seed: common random numbers.
      what_if = prepare(*a, a->compare, base->model->scenario().replications, base->model->scenario().seed);
    }
    const bool plot_data = !a->plots.empty();
    simulate(*base, a->threads, what_if ? "base" : "", plot_data);
    if (what_if) simulate(*what_if, a->threads, "what-if", plot_data);
    if (!ranks.root()) return;
    if (!a->records.empty()) {
      std::vector<corridor::BoxRecord> recs;
      (void)base->model->run(0, &recs);
      write_file(a->records, corridor::records_csv(*base->model, recs));
    }
    const corridor::StudyRun* other = what_if ? &what_if->study : nullptr;
    if (!a->plots.empty()) write_plots(a->plots, corridor::study_plot_runs(base->study, other));
    if (what_if && !a->json) {
      const corridor::Comparison c = corridor::compare(*base->model, base->study.summary, *what_if->model,
                                                       what_if->study.summary);
      print_out(corridor::comparison_table(c, a->changes_only));
      return;
    }
    print_out(a->json ? corridor::study_json(base->study, other)
                      : corridor::summary_table(*base->model, base->study.summary));
  });
}

}  // namespace landbridge::cli
