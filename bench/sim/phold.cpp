// PHOLD on the simulation kernel, beside a plain coroutine-over-std::priority_queue loop,
// plus a hold benchmark of the event-queue variants.
//
// PHOLD: L logical processes (LPs), E initial events per LP. Processing an event at an LP
// schedules one new event: with probability `remote` at a uniformly chosen other LP, else
// at the same LP, after 0.1 + Exp(mean 0.9) (drawn as 0.1 - 0.9 ln U, U uniform on (0,1)).
// Written process-style, as in SimPy: each of
// the L * E events in flight is a coroutine that waits out its delay, arrives at its LP,
// counts there and draws its next hop from that LP's own random stream (MRG32k3a stream =
// LP number). The kernel and the baseline run the same trajectory; the program checks that
// their per-LP event counts agree.
//
//   bench_sim_phold [--end T] [--runs R] [--lps L] [--per-lp E] [--remote P]
//                   [--no-baseline] [--no-kernel] [--no-pool]
//   bench_sim_phold --queues [--runs R]     hold benchmark of the event-queue variants
//   bench_sim_phold --spawn [--runs R]      short-lived processes, frame pool on and off
//
// Prints each run and the median events per CPU-second of the simulation loop (setup
// excluded); the last line is machine-readable for run.sh.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <coroutine>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <functional>
#include <queue>
#include <ctime>
#include <string>
#include <vector>

#include "landbridge/sim/distributions.h"
#include "landbridge/sim/event_queue.h"
#include "landbridge/sim/random.h"
#include "landbridge/sim/resource.h"
#include "landbridge/sim/simulation.h"

namespace {

using namespace landbridge::sim;

struct Params {
  std::uint32_t lps = 1024;
  std::uint32_t per_lp = 16;
  double remote = 0.25;
  double min_delay = 0.1;
  double mean_exp = 0.9;
  double end = 1220.0;  // about 20 million events with the defaults (16,384 per time unit)
  int runs = 5;
};

// CPU time of this thread, seconds: the machine is shared, and time other processes take
// from this core is not charged to it (wall-clock rates are printed too).
double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

struct Lp {
  RandomStream rs;
  std::uint64_t events = 0;
};

std::vector<Lp> make_lps(const Params& p) {
  std::vector<Lp> lps;
  lps.reserve(p.lps);
  for (std::uint32_t i = 0; i < p.lps; ++i) lps.push_back(Lp{RandomStream(i, 0), 0});
  return lps;
}

double draw_delay(Lp& s, const Params& p) { return p.min_delay - p.mean_exp * std::log(s.rs.u01()); }

// The next hop of an event processed at `lp`, from lp's stream: one uniform decides remote
// or not and, if remote, which other LP (u / remote is again uniform on (0, 1)).
std::uint32_t draw_dest(Lp& s, std::uint32_t lp, const Params& p) {
  const double u = s.rs.u01();
  if (u >= p.remote) return lp;
  auto k = static_cast<std::uint32_t>(u / p.remote * (p.lps - 1));
  if (k > p.lps - 2) k = p.lps - 2;
  return k >= lp ? k + 1 : k;
}

// --- On the kernel -------------------------------------------------------------------------
// What every event process shares: one pointer in each coroutine frame.
struct Model {
  Simulation& sim;
  std::vector<Lp>& lps;
  const Params& p;
};

Process token(Model& m, std::uint32_t lp) {
  std::uint32_t dest = lp;
  double delay = draw_delay(m.lps[lp], m.p);
  for (;;) {
    co_await m.sim.timeout(delay);
    lp = dest;
    Lp& here = m.lps[lp];
    ++here.events;
    dest = draw_dest(here, lp, m.p);
    delay = draw_delay(here, m.p);
  }
}

struct Outcome {
  double seconds;  // CPU time
  double wall;
  std::uint64_t events;
  std::vector<std::uint64_t> per_lp;
};

Outcome run_kernel(const Params& p) {
  std::vector<Lp> lps = make_lps(p);
  Simulation sim;
  Model m{sim, lps, p};
  for (std::uint32_t i = 0; i < p.lps; ++i)
    for (std::uint32_t k = 0; k < p.per_lp; ++k) sim.spawn(token(m, i));
  const auto t0 = std::chrono::steady_clock::now();
  const double c0 = cpu_seconds();
  sim.run_until(p.end);
  const double c1 = cpu_seconds();
  const auto t1 = std::chrono::steady_clock::now();
  Outcome o{c1 - c0, std::chrono::duration<double>(t1 - t0).count(), 0, {}};
  for (const Lp& l : lps) {
    o.events += l.events;
    o.per_lp.push_back(l.events);
  }
  return o;
}

// --- Baseline: coroutines over std::priority_queue, nothing else ---------------------------
namespace baseline {

struct Task {
  struct promise_type {
    Task get_return_object() { return {std::coroutine_handle<promise_type>::from_promise(*this)}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() { std::terminate(); }
  };
  std::coroutine_handle<promise_type> h;
};

struct Sim {
  struct Entry {
    double t;
    std::uint64_t seq;
    std::coroutine_handle<> h;
    bool operator>(const Entry& o) const { return t > o.t || (t == o.t && seq > o.seq); }
  };
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> q;
  double now = 0.0;
  std::uint64_t seq = 0;

  struct Timeout {
    Sim* s;
    double at;
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<> h) { s->q.push({at, s->seq++, h}); }
    void await_resume() const noexcept {}
  };
  Timeout timeout(double dt) { return {this, now + dt}; }
  void start(std::coroutine_handle<> h) { q.push({now, seq++, h}); }
  void run_until(double end) {
    while (!q.empty()) {
      const Entry e = q.top();
      if (e.t > end) break;
      q.pop();
      now = e.t;
      e.h.resume();
    }
  }
};

struct Model {
  Sim& sim;
  std::vector<Lp>& lps;
  const Params& p;
};

Task token(Model& m, std::uint32_t lp) {
  std::uint32_t dest = lp;
  double delay = draw_delay(m.lps[lp], m.p);
  for (;;) {
    co_await m.sim.timeout(delay);
    lp = dest;
    Lp& here = m.lps[lp];
    ++here.events;
    dest = draw_dest(here, lp, m.p);
    delay = draw_delay(here, m.p);
  }
}

Outcome run(const Params& p) {
  std::vector<Lp> lps = make_lps(p);
  Sim sim;
  Model m{sim, lps, p};
  std::vector<Task> tasks;
  for (std::uint32_t i = 0; i < p.lps; ++i)
    for (std::uint32_t k = 0; k < p.per_lp; ++k) {
      tasks.push_back(token(m, i));
      sim.start(tasks.back().h);
    }
  const auto t0 = std::chrono::steady_clock::now();
  const double c0 = cpu_seconds();
  sim.run_until(p.end);
  const double c1 = cpu_seconds();
  const auto t1 = std::chrono::steady_clock::now();
  for (Task& t : tasks) t.h.destroy();
  Outcome o{c1 - c0, std::chrono::duration<double>(t1 - t0).count(), 0, {}};
  for (const Lp& l : lps) {
    o.events += l.events;
    o.per_lp.push_back(l.events);
  }
  return o;
}

}  // namespace baseline

// --- Hold benchmark of queue variants --------------------------------------------------------
// n records; each step removes the minimum and inserts it again later by a random delay
// (PHOLD's access pattern without the coroutines). Returns million steps per second.
template <class PopPush>
double hold(std::size_t n, std::size_t steps, const std::vector<double>& delays, PopPush&& step) {
  const double t0 = cpu_seconds();
  for (std::size_t i = 0; i < steps; ++i) step(delays[i % delays.size()]);
  const double t1 = cpu_seconds();
  (void)n;
  return static_cast<double>(steps) / (t1 - t0) / 1e6;
}

template <class Queue>
double hold_queue(std::size_t n, std::size_t steps, const std::vector<double>& d, bool replace) {
  Queue q;
  std::uint64_t seq = 0;
  for (std::size_t i = 0; i < n; ++i) q.push(EventRecord::make(d[i % d.size()], seq++, 0));
  return hold(n, steps, d, [&](double delay) {
    const EventRecord top = q.top();
    const EventRecord next = EventRecord::make(top.time() + delay, seq++, top.slot());
    if (replace) {
      q.replace_top(next);
    } else {
      q.pop();
      q.push(next);
    }
  });
}

double hold_std(std::size_t n, std::size_t steps, const std::vector<double>& d) {
  struct Later {
    bool operator()(const EventRecord& a, const EventRecord& b) const { return earlier(b, a); }
  };
  std::priority_queue<EventRecord, std::vector<EventRecord>, Later> q;
  std::uint64_t seq = 0;
  for (std::size_t i = 0; i < n; ++i) q.push(EventRecord::make(d[i % d.size()], seq++, 0));
  return hold(n, steps, d, [&](double delay) {
    const EventRecord top = q.top();
    q.pop();
    q.push(EventRecord::make(top.time() + delay, seq++, top.slot()));
  });
}

// --- Short-lived processes: frame recycling on and off ---------------------------------------
// A source spawns `n` customers, one every Exp(1) seconds; each takes a server of a
// 4-server resource for Exp(3.5) seconds and ends. Every customer is a fresh coroutine
// frame, so this measures spawning, the resource and the frame pool.
Process customer(Simulation& sim, Resource& servers, RandomStream& rs) {
  ResourceGuard s = co_await servers.request();
  co_await sim.timeout(-3.5 * std::log(rs.u01()));
}

Process source(Simulation& sim, Resource& servers, RandomStream& arrivals, RandomStream& service,
               std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    co_await sim.timeout(-std::log(arrivals.u01()));
    sim.spawn(customer(sim, servers, service));
  }
}

double customers_per_second(std::size_t n, bool pool) {
  detail::set_frame_pool(pool);
  Simulation sim;
  Resource servers(sim, 4);
  RandomStream arrivals(0);
  RandomStream service(1);
  sim.spawn(source(sim, servers, arrivals, service, n));
  const double c0 = cpu_seconds();
  sim.run();
  const double c1 = cpu_seconds();
  detail::set_frame_pool(true);
  return static_cast<double>(n) / (c1 - c0);
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t m = v.size() / 2;
  return v.size() % 2 ? v[m] : 0.5 * (v[m - 1] + v[m]);
}

void run_queue_bench(const Params& p) {
  const std::size_t n = std::size_t{p.lps} * p.per_lp;
  const std::size_t steps = 20'000'000;
  std::vector<double> delays(1 << 16);
  RandomStream rs(99);
  for (double& x : delays) x = 0.1 - 0.9 * std::log1p(-rs.u01());
  std::printf("hold benchmark, %zu records, %zu steps (million steps per CPU-second, median of %d):\n", n, steps,
              p.runs);
  auto report = [&](const char* name, const std::function<double()>& f) {
    std::vector<double> r;
    for (int i = 0; i < p.runs; ++i) r.push_back(f());
    std::printf("  %-34s %7.1f\n", name, median(r));
  };
  report("std::priority_queue pop+push", [&] { return hold_std(n, steps, delays); });
  report("binary heap pop+push", [&] { return hold_queue<EventHeap<2>>(n, steps, delays, false); });
  report("binary heap replace_top", [&] { return hold_queue<EventHeap<2>>(n, steps, delays, true); });
  report("4-ary heap pop+push", [&] { return hold_queue<EventHeap<4>>(n, steps, delays, false); });
  report("4-ary heap replace_top", [&] { return hold_queue<EventHeap<4>>(n, steps, delays, true); });
  report("8-ary heap pop+push", [&] { return hold_queue<EventHeap<8>>(n, steps, delays, false); });
  report("8-ary heap replace_top", [&] { return hold_queue<EventHeap<8>>(n, steps, delays, true); });
  report("bucketed queue pop+push", [&] { return hold_queue<EventQueue>(n, steps, delays, false); });
  report("bucketed queue replace_top (kernel)",
         [&] { return hold_queue<EventQueue>(n, steps, delays, true); });
}

}  // namespace

int main(int argc, char** argv) {
  Params p;
  bool queues = false;
  bool spawn = false;
  bool with_baseline = true;
  bool with_kernel = true;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> const char* {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "%s needs a value\n", a.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--end") p.end = std::atof(value());
    else if (a == "--runs") p.runs = std::atoi(value());
    else if (a == "--lps") p.lps = static_cast<std::uint32_t>(std::atoi(value()));
    else if (a == "--per-lp") p.per_lp = static_cast<std::uint32_t>(std::atoi(value()));
    else if (a == "--remote") p.remote = std::atof(value());
    else if (a == "--queues") queues = true;
    else if (a == "--spawn") spawn = true;
    else if (a == "--no-baseline") with_baseline = false;
    else if (a == "--no-kernel") with_kernel = false;
    else if (a == "--no-pool") detail::set_frame_pool(false);
    else {
      std::fprintf(stderr, "unknown argument %s (see the header of bench/sim/phold.cpp)\n", a.c_str());
      return 2;
    }
  }
  if (p.lps < 2 || p.per_lp < 1 || p.runs < 1 || !(p.end > 0)) {
    std::fprintf(stderr, "need --lps >= 2, --per-lp >= 1, --runs >= 1, --end > 0\n");
    return 2;
  }
  if (queues) {
    run_queue_bench(p);
    return 0;
  }
  if (spawn) {
    const std::size_t n = 2'000'000;
    std::vector<double> on;
    std::vector<double> off;
    for (int r = 0; r < p.runs; ++r) {
      on.push_back(customers_per_second(n, true));
      off.push_back(customers_per_second(n, false));
    }
    std::printf("M/M/4 with a process per customer, %zu customers (median of %d, per CPU-second):\n",
                n, p.runs);
    std::printf("  frame pool on : %.2f M customers/s\n", median(on) / 1e6);
    std::printf("  frame pool off: %.2f M customers/s (operator new/delete)\n", median(off) / 1e6);
    return 0;
  }
  std::printf("PHOLD: %u LPs x %u events, %.0f%% remote, delay %.1f + Exp(mean %.1f), end time %.0f\n",
              p.lps, p.per_lp, 100 * p.remote, p.min_delay, p.mean_exp, p.end);
  std::vector<double> kr;
  std::vector<double> br;
  std::vector<std::uint64_t> counts;
  bool same = true;
  auto check = [&](const Outcome& o) {
    if (counts.empty()) counts = o.per_lp;
    same = same && counts == o.per_lp;
  };
  auto show = [](const char* who, int r, const Outcome& o, double rate) {
    std::printf("  %-8s run %d: %llu events in %.3f s CPU (%.3f s wall) = %.2f M events/s\n", who,
                r + 1, static_cast<unsigned long long>(o.events), o.seconds, o.wall, rate / 1e6);
  };
  for (int r = 0; r < p.runs; ++r) {
    if (with_kernel) {
      const Outcome k = run_kernel(p);
      kr.push_back(static_cast<double>(k.events) / k.seconds);
      show("kernel", r, k, kr.back());
      check(k);
    }
    if (with_baseline) {
      const Outcome b = baseline::run(p);
      br.push_back(static_cast<double>(b.events) / b.seconds);
      show("baseline", r, b, br.back());
      check(b);
    }
  }
  const double km = with_kernel ? median(kr) : 0.0;
  if (with_kernel) std::printf("kernel:   median %.2f M events/s over %d runs\n", km / 1e6, p.runs);
  if (with_baseline) {
    const double bm = median(br);
    std::printf("baseline (coroutines over std::priority_queue): median %.2f M events/s\n", bm / 1e6);
    if (with_kernel) std::printf("kernel / baseline: %.2fx\n", km / bm);
  }
  std::printf("identical trajectories (per-LP event counts, every run and implementation): %s\n",
              same ? "yes" : "NO");
  std::printf("RESULT kernel_events_per_s=%.0f\n", km);
  return same ? 0 : 1;
}
