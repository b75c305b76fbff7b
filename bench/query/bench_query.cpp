// Latency and throughput of query::Engine on the reference package, as a server sees it.
//
//   bench_query [queries=400] [threads=2] [seed=1]
//
// Prints: Engine::open; search_locations (the first call, then warm calls on a set of texts:
// p50/p99 per call); a realistic mixed set of timetabled queries (random pairs of service stops
// and door-to-door places, ready on days of four months, some avoiding a country or a mode,
// some reefers or FEU, some with a `free_teu` that reports a share of departures full as the
// service's store does): cold (a fresh engine), warm (the same set again), and from `threads`
// threads (queries/s), each p50/p99 of wall time and of the thread's CPU time, per kind of
// query; then static routes cold and warm. The last lines are `key=value` for bench/query/compare.sh.
#include <fmt/format.h>

#include <time.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "landbridge/query/engine.h"
#include "landbridge/timetable/time.h"

using namespace landbridge;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t0) { return std::chrono::duration<double, std::milli>(Clock::now() - t0).count(); }

// CPU time of the calling thread, ms: on a shared machine the wall time of a query includes the
// time other processes held the core; this does not.
double thread_cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

struct Summary {
  double p50 = 0, p99 = 0, max = 0;
};

Summary summarize(std::vector<double> v) {
  if (v.empty()) return {};
  std::sort(v.begin(), v.end());
  const auto q = [&](double f) {
    return v[std::min(v.size() - 1, static_cast<std::size_t>(f * static_cast<double>(v.size())))];
  };
  return {q(0.50), q(0.99), v.back()};
}

std::map<std::string, double> g_keys;  // the key=value lines printed at the end

void report(const std::string& key, const std::string& label, const std::vector<double>& ms) {
  const Summary s = summarize(ms);
  fmt::print("{:<44} n={:<4} p50 {:7.3f}  p99 {:7.3f}  max {:7.3f} ms\n", label, ms.size(), s.p50, s.p99, s.max);
  g_keys[key + "_p50_ms"] = s.p50;
  g_keys[key + "_p99_ms"] = s.p99;
}

// A query of the mixed set with its kind (for the p99 per kind).
struct Mixed {
  query::ScheduledQuery q;
  std::string kind;
};

// Departures reported full: a stable share (one in `every`) of them, as a store would answer.
std::optional<std::int32_t> fake_free_teu(const query::DepartureKey& d, unsigned every) {
  const std::size_t h = std::hash<std::string>{}(query::to_string(d));
  return h % every == 0 ? 0 : 500;
}

std::vector<Mixed> mixed_set(const query::Engine& engine, int n, unsigned seed) {
  std::set<std::string> stops;
  for (const timetable::Service& s : engine.services())
    for (const timetable::Call& c : s.calls) stops.insert(engine.network().node(c.stop).code);
  const std::vector<std::string> codes(stops.begin(), stops.end());
  // UN/LOCODE places that are not nodes (door-to-door: the engine adds them to a copy).
  const std::vector<std::string> places{"DEDRS", "JPOSA", "JPNGO", "KRSEL", "DEFRA", "CZPRG"};
  const std::vector<std::string> avoid{"RU", "KZ", "BY", "sea", "suez"};
  const std::vector<std::string> units{"feu", "reefer40", "45G1"};
  std::mt19937 rng(seed);
  std::vector<Mixed> out;
  while (static_cast<int>(out.size()) < n) {
    Mixed m;
    m.q.from = codes[rng() % codes.size()];
    m.q.to = codes[rng() % codes.size()];
    if (m.q.from == m.q.to) continue;
    const int month = static_cast<int>(rng() % 4);  // 2026-11 .. 2027-02: several horizons
    const int year = month < 2 ? 2026 : 2027;
    m.q.depart = fmt::format("{}-{:02}-{:02}T{:02}:00", year, month < 2 ? 11 + month : month - 1,
                             1 + static_cast<int>(rng() % 28), static_cast<int>(rng() % 24));
    const auto r = rng() % 100;
    if (r < 55) {
      m.kind = "plain";
    } else if (r < 70) {
      m.kind = "avoid";
      m.q.avoid = {avoid[rng() % avoid.size()]};
    } else if (r < 80) {
      m.kind = "unit";
      m.q.unit = units[rng() % units.size()];
      m.q.count = 1 + static_cast<int>(rng() % 4);
    } else if (r < 90) {
      m.kind = "door";
      (rng() % 2 ? m.q.from : m.q.to) = places[rng() % places.size()];
    } else {
      m.kind = "free_teu";
      m.q.count = 4;
      m.q.unit = "feu";
      m.q.free_teu = [](const query::DepartureKey& d) { return fake_free_teu(d, 3); };
    }
    out.push_back(std::move(m));
  }
  return out;
}

int run(const query::Engine& engine, const query::ScheduledQuery& q) {
  try {
    return static_cast<int>(engine.plan_scheduled(q).result.itineraries.size());
  } catch (const query::QueryError&) {
    return 0;  // no route between these two places (or a place out of road reach)
  }
}

// Runs the set once from `threads` threads; per-query wall and CPU ms (in set order); returns
// the wall time of the whole set.
double run_set(const query::Engine& engine, const std::vector<Mixed>& set, int threads, std::vector<double>& ms,
               std::vector<double>& cpu) {
  ms.assign(set.size(), 0.0);
  cpu.assign(set.size(), 0.0);
  std::atomic<std::size_t> next{0};
  const auto t0 = Clock::now();
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t)
    pool.emplace_back([&] {
      for (std::size_t i; (i = next++) < set.size();) {
        const auto t1 = Clock::now();
        const double c1 = thread_cpu_ms();
        run(engine, set[i].q);
        ms[i] = ms_since(t1);
        cpu[i] = thread_cpu_ms() - c1;
      }
    });
  for (std::thread& th : pool) th.join();
  return ms_since(t0);
}

void report_set(const std::string& key, const std::string& label, const std::vector<Mixed>& set,
                const std::vector<double>& ms, const std::vector<double>& cpu) {
  report(key, label, ms);
  std::map<std::string, std::vector<double>> by_kind, cpu_by_kind;
  for (std::size_t i = 0; i < set.size(); ++i) {
    by_kind[set[i].kind].push_back(ms[i]);
    cpu_by_kind[set[i].kind].push_back(cpu[i]);
  }
  for (const auto& [kind, v] : by_kind) report(key + "_" + kind, "  " + kind, v);
  report(key + "_cpu", "  CPU time of the thread, all", cpu);
  for (const auto& [kind, v] : cpu_by_kind) report(key + "_cpu_" + kind, "  CPU time, " + kind, v);
}

}  // namespace

int main(int argc, char** argv) {
  const int n = argc > 1 ? std::atoi(argv[1]) : 400;
  const int threads = argc > 2 ? std::atoi(argv[2]) : 2;
  const unsigned seed = argc > 3 ? static_cast<unsigned>(std::atoi(argv[3])) : 1U;

  auto t0 = Clock::now();
  const query::Engine engine = query::Engine::open("");
  fmt::print("Engine::open (package, services, rates)   {:8.1f} ms\n", ms_since(t0));

  // search_locations: the first call loads the place index (and builds what it builds once).
  t0 = Clock::now();
  static_cast<void>(engine.search_locations("Duisburg"));
  const double first_search = ms_since(t0);
  fmt::print("search_locations, first call               {:8.1f} ms\n", first_search);
  g_keys["search_first_ms"] = first_search;
  {
    const std::vector<std::string> texts{"kh", "KZ", "ist", "Duisburg", "port hakata", "dusseldorf", "Düsseldorf",
                                         "almaty", "a", "JPHKT", "lian", "Khorgos", "zzzz", "st"};
    std::vector<double> ms;
    for (int rep = 0; rep < 20; ++rep)
      for (const std::string& t : texts) {
        t0 = Clock::now();
        static_cast<void>(engine.search_locations(t, 10));
        ms.push_back(ms_since(t0));
      }
    report("search_warm", "search_locations warm (14 texts x 20)", ms);
    std::vector<double> kh;
    for (int rep = 0; rep < 50; ++rep) {
      t0 = Clock::now();
      static_cast<void>(engine.search_locations("kh", 10));
      kh.push_back(ms_since(t0));
    }
    report("search_kh", "search_locations(\"kh\") warm", kh);
  }

  // The mixed timetabled set: cold on a fresh engine, then warm, then from several threads.
  const std::vector<Mixed> set = mixed_set(engine, n, seed);
  {
    const query::Engine fresh = query::Engine::open("");
    std::vector<double> ms, cpu;
    run_set(fresh, set, 1, ms, cpu);
    report_set("mixed_cold", "mixed timetabled, cold engine, 1 thread", set, ms, cpu);
    run_set(fresh, set, 1, ms, cpu);
    report_set("mixed_warm", "mixed timetabled, warm, 1 thread", set, ms, cpu);
    const double wall = run_set(fresh, set, threads, ms, cpu);
    report_set("mixed_mt", fmt::format("mixed timetabled, warm, {} threads", threads), set, ms, cpu);
    const double qps = 1000.0 * static_cast<double>(set.size()) / wall;
    fmt::print("mixed timetabled, warm, {} threads: {:.0f} queries/s\n", threads, qps);
    g_keys["mixed_mt_qps"] = qps;
  }

  // The service benchmark's timetabled request, repeated (warm).
  {
    std::vector<double> ms;
    for (int i = 0; i < 200; ++i) {
      t0 = Clock::now();
      run(engine, {.from = "JPHKT", .to = "DEDUI", .depart = "2026-12-10"});
      ms.push_back(ms_since(t0));
    }
    report("hkt_dui", "JPHKT->DEDUI 2026-12-10 warm", ms);
  }

  // Static routes between the same pairs (objective time), cold then warm.
  {
    const query::Engine fresh = query::Engine::open("");
    std::vector<double> cold, warm;
    const std::size_t k = std::min<std::size_t>(set.size(), 100);
    for (int pass = 0; pass < 2; ++pass)
      for (std::size_t i = 0; i < k; ++i) {
        query::StaticQuery q{.from = set[i].q.from, .to = set[i].q.to, .avoid = set[i].q.avoid};
        t0 = Clock::now();
        try {
          static_cast<void>(fresh.plan_static(q));
        } catch (const query::QueryError&) {
        }
        (pass == 0 ? cold : warm).push_back(ms_since(t0));
      }
    report("static_cold", "static routes, cold engine", cold);
    report("static_warm", "static routes, warm", warm);
  }

  for (const auto& [k, v] : g_keys) fmt::print("{}={:.4f}\n", k, v);
  return 0;
}
