// landbridge simulate SCENARIO: container-level corridor simulation (corridor/model.h), KPIs
// with 95 % confidence intervals across replications; identical whatever --threads.
#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>

#include "cli.h"
#include "landbridge/corridor/model.h"

namespace landbridge::cli {

void register_simulate(CLI::App& app) {
  struct Args {
    std::string scenario, records, network;
    int replications = 0;
    long long seed = -1;
    unsigned threads = 0;
    bool json = false;
  };
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("simulate", "Simulate a corridor scenario container by container");
  cmd->add_option("SCENARIO", a->scenario, "Scenario TOML file (docs/corridor-simulation.md)")
      ->required()
      ->type_name("FILE");
  cmd->add_option("--replications", a->replications, "Replications (default: the scenario's)")
      ->check(CLI::Range(2, 1000000));
  cmd->add_option("--seed", a->seed, "Seed (default: the scenario's)")->check(CLI::NonNegativeNumber);
  cmd->add_option("--threads", a->threads, "Worker threads (0 = all cores); results do not depend on it");
  cmd->add_flag("--json", a->json, "Print the KPI summary as JSON");
  cmd->add_option("--records", a->records, "Write replication 0's per-container records (CSV) to FILE")
      ->type_name("FILE");
  add_network_option(*cmd, a->network);
  cmd->callback([a] {
    corridor::Scenario sc;
    try {
      sc = corridor::load_scenario(a->scenario);
    } catch (const corridor::ScenarioError& e) {
      fmt::print(stderr, "{}\n", e.what());
      throw CLI::RuntimeError(kInvalidInput);
    }
    if (a->replications > 0) sc.replications = a->replications;
    if (a->seed >= 0) sc.seed = static_cast<std::uint64_t>(a->seed);
    const std::string net_dir = !a->network.empty() ? a->network : sc.network_dir.string();
    const io::LoadedPackage pkg = load_network(net_dir);
    std::optional<corridor::CorridorModel> model;
    try {
      model.emplace(pkg.network, sc);
    } catch (const corridor::ScenarioError& e) {
      fmt::print(stderr, "{}\n", e.what());
      throw CLI::RuntimeError(kInvalidInput);
    }
    const bool tty = isatty(fileno(stderr)) != 0;
    const auto n = static_cast<std::size_t>(sc.replications);
    auto progress = [tty](std::size_t done, std::size_t total) {
      if (tty) {
        const std::size_t width = 30, filled = done * width / total;
        fmt::print(stderr, "\r[{}{}] {}/{}", std::string(filled, '#'), std::string(width - filled, ' '), done,
                   total);
        if (done == total) fmt::print(stderr, "\n");
      } else {
        fmt::print(stderr, "replication {}/{}\n", done, total);
      }
    };
    const auto reps = corridor::run_replications(*model, n, a->threads, progress);
    const corridor::Summary s = corridor::summarise(*model, reps);
    if (!a->records.empty()) {
      std::vector<corridor::BoxRecord> recs;
      (void)model->run(0, &recs);
      std::ofstream out(a->records);
      if (!out) {
        fmt::print(stderr, "{}: cannot write the records\n", a->records);
        throw CLI::RuntimeError(kUsage);
      }
      out << corridor::records_csv(*model, recs);
    }
    fmt::print("{}", a->json ? corridor::summary_json(*model, s) : corridor::summary_table(*model, s));
  });
}

}  // namespace landbridge::cli
