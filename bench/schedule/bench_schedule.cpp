// Query latency of timetabled planning on the reference package with its services, against
// the static Planner on the same origin/destination pairs (peer in the same process).
//
//   bench_schedule [queries=300] [seed=1]
//
// Prints timetable build time and size, then p50/p99/max per query kind (earliest arrival,
// Pareto, 7-day window earliest arrival) and the static time-optimal query, in milliseconds.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "landbridge/io/package.h"
#include "landbridge/io/services.h"
#include "landbridge/route/planner.h"
#include "landbridge/schedule/planner.h"
#include "landbridge/timetable/time.h"

using namespace landbridge;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

struct Summary {
  double p50, p99, max;
};

Summary summarize(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const auto q = [&](double f) { return v[std::min(v.size() - 1, static_cast<std::size_t>(f * static_cast<double>(v.size())))]; };
  return {q(0.50), q(0.99), v.back()};
}

void print(const char* name, const std::vector<double>& v, std::size_t found) {
  const Summary s = summarize(v);
  fmt::print("{:<28} n={:<5} found={:<5} p50 {:8.3f} ms  p99 {:8.3f} ms  max {:8.3f} ms\n", name, v.size(), found,
             s.p50, s.p99, s.max);
}

}  // namespace

int main(int argc, char** argv) {
  const int n_queries = argc > 1 ? std::atoi(argv[1]) : 300;
  const unsigned seed = argc > 2 ? static_cast<unsigned>(std::atoi(argv[2])) : 1u;
  const io::LoadedPackage pkg = io::load_package(io::default_package_dir());
  Diagnostics diags;
  std::vector<timetable::Service> services = io::load_services(pkg.dir, pkg.network, diags);
  diags.throw_if_any();
  const Instant start = timetable::to_instant(timetable::CivilDate{2026, 11, 25});
  auto t0 = Clock::now();
  schedule::ScheduledPlanner planner(pkg, std::move(services), start, days(120));
  const double build_ms = ms_since(t0);
  const auto& tt = planner.timetable();
  fmt::print("reference package: {} nodes, {} links ({} untimed), {} services -> {} routes, {} trips; build {:.1f} ms, "
             "{:.1f} MiB\n",
             pkg.network.node_count(), pkg.network.link_count(), planner.untimed_links().size(), tt.services().size(),
             tt.route_count(), tt.trip_count(), build_ms, static_cast<double>(tt.memory_bytes()) / (1 << 20));

  // Origin/destination pairs among nodes that some service calls at (where timetables matter).
  std::vector<std::string> stops;
  std::vector<bool> seen(pkg.network.node_count(), false);
  for (const auto& s : tt.services())
    for (const auto& c : s.calls)
      if (!seen[c.stop.get()]) {
        seen[c.stop.get()] = true;
        stops.push_back(pkg.network.node(c.stop).code);
      }
  std::mt19937 rng(seed);
  struct Od {
    std::string from, to;
    Instant ready;
  };
  std::vector<Od> ods;
  while (static_cast<int>(ods.size()) < n_queries) {
    const auto& a = stops[rng() % stops.size()];
    const auto& b = stops[rng() % stops.size()];
    if (a == b) continue;
    ods.push_back({a, b, start + days(1) + Minutes(static_cast<std::int32_t>(rng() % (28 * 1440)))});
  }

  route::Planner stat(pkg);
  // arrive_by: a deadline 60 days after the ready time, so most pairs can make it.
  const auto run = [&](const char* name, bool pareto, std::optional<Minutes> window, bool arrive_by = false) {
    std::vector<double> v;
    std::size_t found = 0;
    for (const Od& od : ods) {
      schedule::ScheduledRequest req;
      req.from = od.from;
      req.to = od.to;
      req.depart = od.ready;
      req.pareto = pareto;
      req.window = window;
      if (arrive_by) req.arrive_by = od.ready + days(60);
      const auto q0 = Clock::now();
      const auto r = planner.plan(req);
      v.push_back(ms_since(q0));
      found += r.itineraries.empty() ? 0 : 1;
    }
    print(name, v, found);
  };
  run("timetabled earliest arrival", false, std::nullopt);
  run("timetabled Pareto", true, std::nullopt);
  run("timetabled 7d window (EA)", false, days(7));
  run("timetabled 7d window Pareto", true, days(7));
  run("arrive-by latest departure", false, std::nullopt, true);
  run("arrive-by Pareto", true, std::nullopt, true);
  {
    std::vector<double> v;
    std::size_t found = 0;
    for (const Od& od : ods) {
      route::RouteRequest req;
      req.from = od.from;
      req.to = od.to;
      req.alternatives = 1;
      const auto q0 = Clock::now();
      const auto r = stat.route(req);
      v.push_back(ms_since(q0));
      found += r.itineraries.empty() ? 0 : 1;
    }
    print("static time-optimal (peer)", v, found);
  }
  return 0;
}
