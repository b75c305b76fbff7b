// One simulated year of the 2024 China-Europe rail volume at container level: the flows of
// examples/scenarios/hakata-busan-europe.toml scaled to 2.08 million TEU a year (2024: 19,392
// trains, 2,077,216 TEU [S66] in corridor-facts.md), crane counts scaled with the demand so
// the system stays stable. Prints wall time per replication (median of the runs), events,
// boxes, and peak resident memory. Target: <= 30 s and <= 2 GB for one replication.
// With --servers every border on the flows' routes is a queue too ([[operations]]: 500 lanes,
// a train cleared at once, service time from the operation's range) beside the gauge-change
// cranes, the richer model's cost; the ratio to the figure before it (4.33 s, 269 MiB) is
// printed. Usage: bench_corridor_year [runs] [--servers] [--years N]
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "landbridge/corridor/model.h"
#include "landbridge/io/package.h"

using namespace landbridge;

// Today's figure before servers, named streams and the split (docs/corridor-simulation.md).
constexpr double kBeforeSeconds = 4.33, kBeforeMiB = 269;

// A border queue at every border node some flow's route crosses: all of the network's border
// nodes are offered, and those on no route (the model names them) dropped.
void add_border_servers(const Network& net, corridor::Scenario& sc) {
  for (std::uint32_t o = 0; o < net.operation_count(); ++o) {
    const OperationInfo& op = net.operation(OperationId(o));
    if (op.kind != OperationKind::border) continue;
    const std::string code = net.node(op.node).code;
    bool seen = false;
    for (const auto& x : sc.operations) seen = seen || x.node == code;
    if (seen) continue;
    corridor::OperationSpec spec;
    spec.node = code;
    spec.kind = "border";
    spec.servers = 500;  // ample: Brest-Malaszewicze alone is 48..120 h a train, ~50 trains a day
    spec.per_train = true;
    sc.operations.push_back(spec);
  }
  for (;;) {
    try {
      (void)corridor::CorridorModel(net, sc);
      return;
    } catch (const corridor::ScenarioError& e) {
      const char* at = std::strstr(e.what(), "operations[");
      if (at == nullptr || std::strstr(e.what(), "no flow's route") == nullptr) throw;
      sc.operations.erase(sc.operations.begin() + std::atoi(at + 11));
    }
  }
}

int main(int argc, char** argv) {
  int runs = 3;
  bool servers = false;
  double years = 1;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--servers") == 0) {
      servers = true;
    } else if (std::strcmp(argv[i], "--years") == 0 && i + 1 < argc) {
      years = std::atof(argv[++i]);
    } else {
      runs = std::atoi(argv[i]);
    }
  }
  const auto pkg = io::load_package(io::default_package_dir());
  corridor::Scenario sc = corridor::load_scenario(std::string(LANDBRIDGE_EXAMPLES_DIR) + "/hakata-busan-europe.toml");
  double base = 0;
  for (const auto& f : sc.flows) base += f.teu_per_week;
  const double target_per_week = 2077216.0 / (365.0 / 7.0);
  const double k = target_per_week / base;
  for (auto& f : sc.flows) f.teu_per_week *= k;
  sc.horizon_days = 365 * years;
  sc.warmup_days = 28;
  for (auto& n : sc.nodes) n.cranes = static_cast<int>(n.cranes * k);
  sc.default_cranes = static_cast<int>(sc.default_cranes * k);
  sc.ferry.fleet = static_cast<int>(sc.ferry.fleet * k);
  sc.sea.capacity_teu *= k;
  if (servers) {
    add_border_servers(pkg.network, sc);
    std::printf("border queues at:");
    for (const auto& o : sc.operations) std::printf(" %s", o.node.c_str());
    std::printf("\n");
  }
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
  std::printf("demand %.0f TEU/week (x%.1f the example), %.1f year(s), %d run(s), %zu border queue(s)%s\n",
              target_per_week, k, years, runs, sc.operations.size(), servers ? " (--servers)" : "");
  std::printf("per replication: median %.2f s, min %.2f s, max %.2f s\n", secs[secs.size() / 2], secs.front(),
              secs.back());
  std::printf("events %llu, measured boxes %.0f, throughput %.0f TEU/day, peak RSS %.0f MiB\n",
              static_cast<unsigned long long>(last.events), boxes, last.throughput_teu_per_day,
              static_cast<double>(ru.ru_maxrss) / 1024.0);
  double in_queues = 0;
  for (const auto& n : last.nodes) in_queues += n.arrivals;
  std::printf("units through node queues %.0f, in the system at the end %.0f\n", in_queues, last.in_system_at_end);
  if (years == 1) {
    std::printf("ratio to before (%.2f s, %.0f MiB): time x%.2f, memory x%.2f\n", kBeforeSeconds, kBeforeMiB,
                secs[secs.size() / 2] / kBeforeSeconds, static_cast<double>(ru.ru_maxrss) / 1024.0 / kBeforeMiB);
  }
  return 0;
}
