// The parts of `landbridge simulate` that do not spread over ranks, for the Amdahl estimate in
// docs/cluster.md: loading the package and the scenario, building the model (route planning),
// and, on the root, per replication: decoding its bytes and its share of summarise(); beside
// them the time of one replication and the bytes it sends.
//
//   bench_ensemble_gather [SCENARIO] [--replications N]      (default: the reference scenario, 40)
//
// Prints one line per figure (median of 5 timings where it is cheap enough) and RESULT lines
// for run.sh.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "landbridge/corridor/model.h"
#include "landbridge/corridor/serial.h"
#include "landbridge/io/package.h"

using namespace landbridge;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

template <class F>
double median_seconds(int runs, F&& f) {
  std::vector<double> t;
  for (int r = 0; r < runs; ++r) {
    const auto t0 = Clock::now();
    f();
    t.push_back(seconds_since(t0));
  }
  std::sort(t.begin(), t.end());
  return t[t.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  std::string scenario = std::string(LANDBRIDGE_SOURCE_DIR) + "/examples/scenarios/hakata-busan-europe.toml";
  std::size_t n = 40;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--replications" && i + 1 < argc) n = std::strtoul(argv[++i], nullptr, 10);
    else scenario = a;
  }
  auto t0 = Clock::now();
  corridor::Scenario sc = corridor::load_scenario(scenario);
  const io::LoadedPackage pkg = io::load_package(sc.network_dir.empty() ? io::default_package_dir() : sc.network_dir);
  const double load_s = seconds_since(t0);
  t0 = Clock::now();
  const corridor::CorridorModel model(pkg.network, sc);
  const double plan_s = seconds_since(t0);

  std::vector<corridor::ReplicationResult> reps;
  std::vector<std::string> bytes;
  t0 = Clock::now();
  for (std::size_t r = 0; r < n; ++r) reps.push_back(model.run(r));
  const double run_s = seconds_since(t0) / static_cast<double>(n);
  const double encode_s = median_seconds(5, [&] {
    bytes.clear();
    for (const auto& r : reps) bytes.push_back(corridor::encode_replication(r));
  }) / static_cast<double>(n);
  std::size_t total_bytes = 0, kpi_bytes = 0;
  for (const auto& b : bytes) total_bytes += b.size();
  std::vector<std::string> kpi_only;  // without the plot data (simulate without --plots)
  for (const auto& r : reps) {
    kpi_only.push_back(corridor::encode_replication(r, corridor::PlotSeries::drop));
    kpi_bytes += kpi_only.back().size();
  }
  const double decode_kpi_s = median_seconds(5, [&] {
    for (const auto& b : kpi_only) (void)corridor::decode_replication(b);
  }) / static_cast<double>(n);
  std::vector<corridor::ReplicationResult> back;
  const double decode_s = median_seconds(5, [&] {
    back.clear();
    for (const auto& b : bytes) back.push_back(corridor::decode_replication(b));
  }) / static_cast<double>(n);
  const double summarise_s = median_seconds(5, [&] { (void)corridor::summarise(model, back); }) / static_cast<double>(n);

  std::printf("scenario %s, %zu replications\n", scenario.c_str(), n);
  std::printf("  load package + scenario : %8.3f s   (every rank, once)\n", load_s);
  std::printf("  build model (plan)      : %8.3f s   (every rank, once)\n", plan_s);
  std::printf("  one replication         : %8.4f s   (spread over ranks x threads)\n", run_s);
  std::printf("  bytes per replication   : %8.0f B, %.0f B without the plot data\n",
              static_cast<double>(total_bytes) / static_cast<double>(n), static_cast<double>(kpi_bytes) / static_cast<double>(n));
  std::printf("  encode (worker)         : %8.1f us per replication\n", encode_s * 1e6);
  std::printf("  decode (root)           : %8.1f us per replication, %.1f us without the plot data\n",
              decode_s * 1e6, decode_kpi_s * 1e6);
  std::printf("  summarise (root)        : %8.1f us per replication\n", summarise_s * 1e6);
  std::printf("RESULT load_s=%.6f plan_s=%.6f run_s=%.6f bytes=%.0f kpi_bytes=%.0f encode_s=%.9f decode_s=%.9f decode_kpi_s=%.9f summarise_s=%.9f\n",
              load_s, plan_s, run_s, static_cast<double>(total_bytes) / static_cast<double>(n),
              static_cast<double>(kpi_bytes) / static_cast<double>(n), encode_s, decode_s, decode_kpi_s,
              summarise_s);
  return 0;
}
