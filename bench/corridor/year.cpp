// One simulated year of the 2024 China-Europe rail volume at container level: the flows of
// examples/scenarios/hakata-busan-europe.toml scaled to 2.08 million TEU a year (2024: 19,392
// trains, 2,077,216 TEU [S66] in corridor-facts.md), crane counts scaled with the demand so
// the system stays stable. Prints wall time per replication (median of the runs), events,
// boxes, and peak resident memory. Target: <= 30 s and <= 2 GB for one replication.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "landbridge/corridor/model.h"
#include "landbridge/io/package.h"

using namespace landbridge;

int main(int argc, char** argv) {
  const int runs = argc > 1 ? std::atoi(argv[1]) : 3;
  const auto pkg = io::load_package(io::default_package_dir());
  corridor::Scenario sc = corridor::load_scenario(std::string(LANDBRIDGE_EXAMPLES_DIR) + "/hakata-busan-europe.toml");
  double base = 0;
  for (const auto& f : sc.flows) base += f.teu_per_week;
  const double target_per_week = 2077216.0 / (365.0 / 7.0);
  const double k = target_per_week / base;
  for (auto& f : sc.flows) f.teu_per_week *= k;
  sc.horizon_days = 365;
  sc.warmup_days = 28;
  for (auto& n : sc.nodes) n.cranes = static_cast<int>(n.cranes * k);
  sc.default_cranes = static_cast<int>(sc.default_cranes * k);
  sc.ferry.fleet = static_cast<int>(sc.ferry.fleet * k);
  sc.sea.capacity_teu *= k;
  const corridor::CorridorModel model(pkg.network, sc);
  std::vector<double> secs;
  corridor::ReplicationResult last;
  for (int r = 0; r < runs; ++r) {
    const auto t0 = std::chrono::steady_clock::now();
    last = model.run(static_cast<std::size_t>(r));
    secs.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  std::sort(secs.begin(), secs.end());
  double boxes = 0;
  for (const auto& f : last.flows) boxes += f.boxes;
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  std::printf("demand %.0f TEU/week (x%.1f the example), %d run(s)\n", target_per_week, k, runs);
  std::printf("per replication: median %.2f s, min %.2f s, max %.2f s\n", secs[secs.size() / 2], secs.front(),
              secs.back());
  std::printf("events %llu, measured boxes %.0f, throughput %.0f TEU/day, peak RSS %.0f MiB\n",
              static_cast<unsigned long long>(last.events), boxes, last.throughput_teu_per_day,
              static_cast<double>(ru.ru_maxrss) / 1024.0);
  return 0;
}
