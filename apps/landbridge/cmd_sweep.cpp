// landbridge sweep SWEEP.toml: every combination of a sweep's axes run on a base scenario with
// common random numbers (sweep/run.h, docs/sweeps.md); finished cells are kept in the output
// folder, so a sweep stopped by Ctrl-C (or --stop-after-cells) resumes where it stopped.
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstring>
#include <memory>

#include "cli.h"
#include "landbridge/sweep/run.h"

namespace landbridge::cli {
namespace {

std::atomic<bool> g_stop{false};  // set by SIGINT / SIGTERM

extern "C" void on_stop_signal(int sig) {
  g_stop.store(true);
  static const char kMsg[] =
      "\nstopping: the replications under way finish and the cells they complete are saved "
      "(press Ctrl-C again to quit at once)\n";
  (void)!::write(STDERR_FILENO, kMsg, sizeof kMsg - 1);
  std::signal(sig, SIG_DFL);  // a second signal ends the process
}

// Installs the handlers for the lifetime of a sweep and puts the previous ones back after.
class StopSignals {
 public:
  StopSignals() {
    struct sigaction sa {};
    sa.sa_handler = on_stop_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &old_int_);
    sigaction(SIGTERM, &sa, &old_term_);
  }
  ~StopSignals() {
    sigaction(SIGINT, &old_int_, nullptr);
    sigaction(SIGTERM, &old_term_, nullptr);
  }
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

 private:
  struct sigaction old_int_ {}, old_term_ {};
};

struct SweepArgs {
  std::string sweep, out;
  int replications = 0;
  long long seed = -1;
  unsigned threads = 0;
  bool json = false, fresh = false;
  std::vector<std::string> plots;
  std::size_t stop_after_cells = 0;
};

}  // namespace

void register_sweep(CLI::App& app) {
  auto a = std::make_shared<SweepArgs>();
  auto* cmd = app.add_subcommand("sweep", "Run every combination of a sweep's axes on a base scenario (docs/sweeps.md)");
  cmd->add_option("SWEEP", a->sweep, "Sweep TOML file")->required()->type_name("FILE");
  cmd->add_option("--out", a->out, "Output folder (default: beside the sweep file, named after it)")->type_name("DIR");
  cmd->add_option("--threads", a->threads, "Worker threads per process (0 = all cores); results do not depend on it");
  cmd->add_option("--replications", a->replications,
                  fmt::format("Replications per cell, 2 to {} (default: the sweep's, else the base's)",
                              corridor::kMaxReplications))
      ->check(CLI::Range(2, corridor::kMaxReplications));
  cmd->add_option("--seed", a->seed, "Seed for every cell (default: the sweep's, else the base's)")
      ->check(CLI::Range(0LL, static_cast<long long>(corridor::kMaxSeed)));
  cmd->add_flag("--json", a->json, "Print the table as JSON (as table.json)");
  cmd->add_option("--plot", a->plots, "Also draw this KPI (group.key.metric, e.g. flow.JPHKT-DEDUI.mean_h); repeatable")
      ->type_name("KPI");
  cmd->add_flag("--fresh", a->fresh, "Discard cells in the output folder that another sweep (or other inputs) left");
  cmd->add_option("--stop-after-cells", a->stop_after_cells,
                  "For testing: stop as if interrupted once this many cells were finished in this run");
  cmd->callback([a] {
    sweep::RunOptions o;
    o.out = a->out;
    o.threads = a->threads;
    if (a->replications > 0) o.replications = a->replications;
    if (a->seed >= 0) o.seed = static_cast<std::uint64_t>(a->seed);
    o.plots = a->plots;
    o.fresh = a->fresh;
    o.stop_after_cells = a->stop_after_cells;
    o.stop = &g_stop;
    const bool tty = isatty(fileno(stderr)) != 0;
    auto bar_open = std::make_shared<bool>(false);
    o.on_line = [tty, bar_open](const std::string& line) {
      if (tty && *bar_open) say("\r\x1b[K");
      say("{}\n", line);
      *bar_open = false;
    };
    if (tty) {
      o.on_replication = [bar_open](std::size_t done, std::size_t total) {
        say("\r{} replications", progress_bar(done, total));
        *bar_open = true;
      };
    }
    const sweep::SweepSpec spec = sweep::load_sweep(a->sweep);  // SweepError: exit 1 (main.cpp)
    g_stop = false;
    sweep::RunReport r;
    {
      StopSignals signals;
      r = sweep::run(spec, o);
    }
    if (!r.root) return;
    if (!r.complete) throw CLI::RuntimeError(kInterrupted);
    if (a->json) {
      print_out(r.table.dump(1) + "\n");
      return;
    }
    std::vector<std::string> plots;
    for (const auto& p : r.plots) plots.push_back(p.filename().string());
    print_out(fmt::format("sweep {}: {} cells ({} run now, {} found done) in {}\ntable: {}, {}\n", spec.name, r.cells,
                          r.cells_run, r.cells_before, r.out.string(), (r.out / "table.csv").string(),
                          (r.out / "table.json").string()));
    if (!plots.empty()) print_out(fmt::format("plots: {}\n", fmt::join(plots, ", ")));
  });
}

}  // namespace landbridge::cli
