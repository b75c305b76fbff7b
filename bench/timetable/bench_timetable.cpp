// Query latency of the timetable searches on a generated network the size of London in the
// RAPTOR paper (about 20,000 stops and 5 million stop events over 90 days), against the
// slow reference (Dijkstra on a time-expanded graph) on a subset of the same queries.
//
//   bench_timetable [--seed=N] [--queries=N] [--pareto-queries=N] [--range-queries=N] [--slow-queries=N]
//                   [--repeat=N]   (each query N times, the fastest run counts)
//                   [--stops=N] [--lines=N] [--hop-neighbours=N] [--plane-km=N]
//                   [--max-trips=N] [--max-travel-days=D]
//
// Prints p50 / p90 / p99 per query kind (one thread), result sizes, the ratio of the slow
// method's median to RAPTOR's on the same queries, timetable memory and peak RSS.
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "landbridge/timetable/generator.h"
#include "landbridge/timetable/mc_raptor.h"
#include "landbridge/timetable/raptor.h"
#include "landbridge/timetable/time_expanded.h"

using namespace landbridge;
using namespace landbridge::timetable;

namespace {

double now_ms() {
  using namespace std::chrono;
  return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

// CPU time of this thread: robust against other processes sharing the machine.
double cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

double peak_rss_mib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;  // Linux: kilobytes
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0.0;
  std::sort(v.begin(), v.end());
  const auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

// Latencies of one kind of query: thread CPU time (robust on a shared machine) and wall time.
// With repeat > 1 each query runs that many times and the fastest run counts (filters out
// interference from other processes; the search state is warm either way).
struct Samples {
  int repeat = 1;
  std::vector<double> cpu, wall;
  template <class F>
  void time(F&& f) {
    double best_c = 1e300, best_w = 1e300;
    for (int r = 0; r < repeat; ++r) {
      const double c = cpu_ms(), w = now_ms();
      f();
      best_c = std::min(best_c, cpu_ms() - c);
      best_w = std::min(best_w, now_ms() - w);
    }
    cpu.push_back(best_c);
    wall.push_back(best_w);
  }
};

void report(const char* what, const Samples& s) {
  std::printf("%-34s n=%-4zu cpu p50 %8.2f  p90 %8.2f  p99 %8.2f  max %8.2f ms | wall p50 %8.2f  p99 %8.2f ms\n",
              what, s.cpu.size(), percentile(s.cpu, 0.5), percentile(s.cpu, 0.9), percentile(s.cpu, 0.99),
              percentile(s.cpu, 1.0), percentile(s.wall, 0.5), percentile(s.wall, 0.99));
}

long arg(int argc, char** argv, const char* name, long def) {
  const std::size_t n = std::strlen(name);
  for (int i = 1; i < argc; ++i)
    if (std::strncmp(argv[i], name, n) == 0 && argv[i][n] == '=') return std::strtol(argv[i] + n + 1, nullptr, 10);
  return def;
}

}  // namespace

int main(int argc, char** argv) {
  const auto seed = static_cast<std::uint64_t>(arg(argc, argv, "--seed", 42));
  const long n_queries = arg(argc, argv, "--queries", 200);
  const long n_pareto = arg(argc, argv, "--pareto-queries", 100);
  const long n_slow = arg(argc, argv, "--slow-queries", 20);
  const long n_range = arg(argc, argv, "--range-queries", 20);
  const int repeat = static_cast<int>(arg(argc, argv, "--repeat", 1));
  const auto max_trips = static_cast<std::int32_t>(arg(argc, argv, "--max-trips", 8));
  const long max_travel_days = arg(argc, argv, "--max-travel-days", 30);
  SyntheticNetworkParams p;
  p.stops = static_cast<std::uint32_t>(arg(argc, argv, "--stops", p.stops));
  p.lines = static_cast<std::uint32_t>(arg(argc, argv, "--lines", p.lines));
  p.hop_neighbours = static_cast<std::uint32_t>(arg(argc, argv, "--hop-neighbours", p.hop_neighbours));
  p.plane_km = static_cast<double>(arg(argc, argv, "--plane-km", static_cast<long>(p.plane_km)));

  double t0 = now_ms();
  const TimetableSpec spec = synthetic_network(p, seed);
  const double t_gen = now_ms() - t0;
  t0 = now_ms();
  const Timetable tt = Timetable::build(spec);
  const double t_build = now_ms() - t0;
  std::printf("network: %zu stops, %zu services, %zu untimed links, horizon %d days (seed %llu)\n", tt.stop_count(),
              spec.services.size(), tt.link_count(), static_cast<int>(p.horizon_days),
              static_cast<unsigned long long>(seed));
  std::printf("timetable: %zu routes, %zu trips, %zu stop events, %zu slots, %zu transfer groups, %.1f MiB\n",
              tt.route_count(), tt.trip_count(), tt.stop_event_count(), tt.slot_count(), tt.group_count(),
              static_cast<double>(tt.memory_bytes()) / (1024.0 * 1024.0));
  std::printf("generate %.0f ms, build %.0f ms, peak RSS so far %.0f MiB\n", t_gen, t_build, peak_rss_mib());

  // Queries between served stops, ready in the first 30 days of the horizon.
  std::vector<NodeId> served;
  for (std::uint32_t s = 0; s < tt.stop_count(); ++s)
    if (!tt.routes_at(NodeId(s)).empty()) served.push_back(NodeId(s));
  SplitMix64 rng(seed ^ 0x5eedULL);
  std::vector<Query> queries;
  for (long i = 0; i < std::max(n_queries, n_pareto); ++i) {
    Query q;
    q.origin = served[static_cast<std::size_t>(rng.uniform(0, static_cast<std::int64_t>(served.size()) - 1))];
    q.target = served[static_cast<std::size_t>(rng.uniform(0, static_cast<std::int64_t>(served.size()) - 1))];
    q.ready = tt.horizon_start() + Minutes(static_cast<std::int32_t>(rng.uniform(0, 30 * 1440)));
    q.cargo = Cargo{.teu = 0, .feu = 1};
    q.max_trips = max_trips;
    q.max_travel = days(static_cast<double>(max_travel_days));
    queries.push_back(q);
  }
  std::printf("queries: %ld earliest-arrival, %ld Pareto, %ld slow; max_trips %d, max_travel %ld days, 1 FEU; "
              "repeat %d\n\n", n_queries, n_pareto, n_slow, max_trips, max_travel_days, repeat);

  // Earliest arrival (RAPTOR), journeys reconstructed.
  Raptor raptor(tt);
  Samples ea_ms;
  ea_ms.repeat = repeat;
  std::vector<Instant> ea_result;
  long reached = 0;
  double rounds = 0, routes = 0;
  for (long i = 0; i < n_queries; ++i) {
    std::vector<Journey> js;
    ea_ms.time([&] {
      raptor.run(queries[static_cast<std::size_t>(i)]);
      js = raptor.journeys();
    });
    ea_result.push_back(raptor.delivered(queries[static_cast<std::size_t>(i)].target));
    reached += js.empty() ? 0 : 1;
    rounds += raptor.stats().rounds;
    routes += static_cast<double>(raptor.stats().routes_scanned);
  }
  report("earliest arrival (RAPTOR)", ea_ms);
  std::printf("    reached %ld/%ld targets; mean %.1f rounds, %.0f routes scanned\n", reached, n_queries,
              rounds / static_cast<double>(n_queries), routes / static_cast<double>(n_queries));

  // Pareto over (arrival, cost, CO2e, trips) (McRAPTOR), journeys reconstructed.
  McRaptor mc(tt);
  Samples mc_ms;
  mc_ms.repeat = repeat;
  std::size_t total = 0, largest = 0;
  double labels = 0;
  for (long i = 0; i < n_pareto; ++i) {
    std::vector<Journey> js;
    mc_ms.time([&] { js = mc.run(queries[static_cast<std::size_t>(i)]); });
    total += js.size();
    largest = std::max(largest, js.size());
    labels += static_cast<double>(mc.stats().labels);
  }
  report("Pareto time/cost/CO2e/trips (Mc)", mc_ms);
  std::printf("    mean %.1f journeys per Pareto set (largest %zu); mean %.0f labels\n",
              static_cast<double>(total) / static_cast<double>(std::max(1L, n_pareto)), largest,
              labels / static_cast<double>(std::max(1L, n_pareto)));

  // Range: earliest-arrival profile over a 7-day window (rRAPTOR), on a few queries.
  Samples range_ms;
  range_ms.repeat = repeat;
  std::size_t profile_total = 0;
  for (long i = 0; i < std::min(n_queries, n_range); ++i) {
    const Query& q = queries[static_cast<std::size_t>(i)];
    std::vector<Journey> prof;
    range_ms.time([&] { prof = raptor.range(q, q.ready + days(7)); });
    profile_total += prof.size();
  }
  report("7-day profile (rRAPTOR)", range_ms);
  std::printf("    mean %.1f journeys per profile\n",
              static_cast<double>(profile_total) / static_cast<double>(std::max<std::size_t>(1, range_ms.cpu.size())));
  std::printf("peak RSS after the fast searches: %.0f MiB\n\n", peak_rss_mib());

  // The slow method on a subset: time-expanded graph + Dijkstra.
  if (n_slow > 0) {
    t0 = now_ms();
    const TimeExpandedGraph te = TimeExpandedGraph::build(spec, /*with_criteria=*/false);
    std::printf("time-expanded graph: %zu nodes, %zu edges, %.0f MiB, built in %.0f ms\n", te.node_count(),
                te.edge_count(), static_cast<double>(te.memory_bytes()) / (1024.0 * 1024.0), now_ms() - t0);
    // Same problem on both sides: no trip or travel-time limit for RAPTOR here.
    Samples slow_ms, fast_ms;
    slow_ms.repeat = fast_ms.repeat = repeat;
    long mismatches = 0;
    for (long i = 0; i < n_slow; ++i) {
      Query q = queries[static_cast<std::size_t>(i)];
      q.max_trips = kMaxTrips;
      q.max_travel = days(100000);
      std::vector<Instant> d;
      slow_ms.time([&] { d = te.earliest_arrival(q.origin, q.ready, q.cargo, q.target); });
      fast_ms.time([&] { raptor.run(q); });
      if (raptor.delivered(q.target) != d[q.target.get()]) ++mismatches;
    }
    report("earliest arrival (TE Dijkstra)", slow_ms);
    report("earliest arrival (RAPTOR, no limits)", fast_ms);
    std::printf("    slow/fast ratio of cpu medians %.1fx; %ld different results in %zu queries\n",
                percentile(slow_ms.cpu, 0.5) / std::max(1e-9, percentile(fast_ms.cpu, 0.5)), mismatches,
                slow_ms.cpu.size());
  }
  std::printf("peak RSS: %.0f MiB\n", peak_rss_mib());
  return 0;
}
