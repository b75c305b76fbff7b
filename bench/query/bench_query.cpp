// Latency and throughput of query::Engine::plan_scheduled on the reference package: what a
// cold query costs (open the engine, build a planner) against a warm one (a pooled planner).
//
//   bench_query [queries=400] [threads=2] [seed=1]
//
// Prints: Engine::open; the first query of a horizon (builds its planner); warm earliest-arrival
// queries between random pairs of service stops, ready on random days of one four-week horizon
// (p50/p99/max ms, one thread); search_locations (the first call folds the place index); then
// the queries from `threads` threads (queries/s).
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "landbridge/query/engine.h"
#include "landbridge/schedule/planner.h"
#include "landbridge/timetable/time.h"

using namespace landbridge;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

struct Summary {
  double p50, p99, max;
};

Summary summarize(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const auto q = [&](double f) {
    return v[std::min(v.size() - 1, static_cast<std::size_t>(f * static_cast<double>(v.size())))];
  };
  return {q(0.50), q(0.99), v.back()};
}

}  // namespace

int main(int argc, char** argv) {
  const int n = argc > 1 ? std::atoi(argv[1]) : 400;
  const int threads = argc > 2 ? std::atoi(argv[2]) : 2;
  const unsigned seed = argc > 3 ? static_cast<unsigned>(std::atoi(argv[3])) : 1U;

  auto t0 = Clock::now();
  const query::Engine engine = query::Engine::open("");
  fmt::print("Engine::open (package, services, rates)   {:8.1f} ms\n", ms_since(t0));

  // Queries between stops of the services, ready on days of December 2026 (one shared horizon).
  std::set<std::string> stops;
  for (const timetable::Service& s : engine.services())
    for (const timetable::Call& c : s.calls) stops.insert(engine.network().node(c.stop).code);
  const std::vector<std::string> codes(stops.begin(), stops.end());
  std::mt19937 rng(seed);
  std::vector<query::ScheduledQuery> queries;
  while (static_cast<int>(queries.size()) < n) {
    const std::string& a = codes[rng() % codes.size()];
    const std::string& b = codes[rng() % codes.size()];
    if (a == b) continue;
    const int day = 3 + static_cast<int>(rng() % 20);
    queries.push_back({.from = a, .to = b, .depart = fmt::format("2026-12-{:02}T{:02}:00", day, rng() % 24)});
  }
  const auto run = [&](const query::ScheduledQuery& q) {
    try {
      return static_cast<int>(engine.plan_scheduled(q).result.itineraries.size());
    } catch (const query::QueryError&) {
      return 0;  // no route between these two stops
    }
  };

  t0 = Clock::now();
  run({.from = "JPHKT", .to = "DEDUI", .depart = "2026-12-10"});
  fmt::print("first query of a horizon (builds planner)  {:8.1f} ms\n", ms_since(t0));
  t0 = Clock::now();
  run({.from = "JPHKT", .to = "DEDUI", .depart = "2026-12-10"});
  fmt::print("the same query warm                        {:8.1f} ms\n", ms_since(t0));

  // What every command-line query paid before the engine: a planner (timetable of 120 days) built.
  t0 = Clock::now();
  const schedule::ScheduledPlanner built(engine.package(), engine.services(), timetable::to_instant({2026, 12, 10}),
                                         days(120));
  fmt::print("building one ScheduledPlanner (120 days)   {:8.1f} ms ({} trips)\n", ms_since(t0),
             built.timetable().trip_count());

  std::vector<double> routed_ms, failed_ms;
  for (const query::ScheduledQuery& q : queries) {
    t0 = Clock::now();
    const bool ok = run(q) > 0;
    (ok ? routed_ms : failed_ms).push_back(ms_since(t0));
  }
  const Summary s = summarize(routed_ms);
  fmt::print("warm earliest arrival, 1 thread, {} routed: p50 {:.2f}  p99 {:.2f}  max {:.2f} ms\n", routed_ms.size(),
             s.p50, s.p99, s.max);
  if (!failed_ms.empty()) {
    const Summary f = summarize(failed_ms);
    fmt::print("warm, no route ({} queries):                p50 {:.2f}  p99 {:.2f}  max {:.2f} ms\n", failed_ms.size(),
               f.p50, f.p99, f.max);
  }

  for (const char* text : {"Duisburg", "Duisburg", "KZ", "ist"}) {
    t0 = Clock::now();
    const std::size_t found = engine.search_locations(text).size();
    fmt::print("search_locations(\"{}\")  {} found  {:8.2f} ms\n", text, found, ms_since(t0));
  }

  std::atomic<std::size_t> next{0};
  t0 = Clock::now();
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t)
    pool.emplace_back([&] {
      for (std::size_t i; (i = next++) < queries.size();) run(queries[i]);
    });
  for (std::thread& th : pool) th.join();
  const double total = ms_since(t0);
  fmt::print("warm earliest arrival, {} threads: {:.0f} queries/s\n", threads,
             1000.0 * static_cast<double>(queries.size()) / total);
  return 0;
}
