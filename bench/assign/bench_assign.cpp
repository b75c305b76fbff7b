// bench_assign: how fast each assignment method gets to a relative gap of 1e-4, 1e-8 and 1e-10
// on SiouxFalls, Anaheim and Chicago-Sketch, on one core, with plain Frank-Wolfe in the same run
// as the peer every other method is compared with; and the cost of one Frank-Wolfe iteration
// against one all-or-nothing pass (target: within 2x).
//
//   bench_assign [--runs R] [--cap S] [--networks SiouxFalls,Anaheim,Chicago-Sketch]
//                [--methods fw,cfw,bfw,bush] [--tntp DIR]
//
// Each run solves to 1e-10 (or the cap: S seconds of wall time, 20 by default; the Frank-Wolfe
// family does not get near 1e-8 in reasonable time) and notes, from the progress callback, the
// thread CPU time at which the gap first fell to each target; the figures are medians over R
// runs (3). CPU time rather than wall time: the figures then hold on a shared, loaded machine.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <ctime>
#include <string>
#include <vector>

#include "landbridge/assign/problem.h"
#include "landbridge/io/csv_table.h"
#include "landbridge/io/tntp.h"
#include "state.h"

using namespace landbridge;
using namespace landbridge::assign;

namespace {

constexpr std::array<double, 3> kGaps = {1e-4, 1e-8, 1e-10};

double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

double median(std::vector<double> v) {
  if (v.empty()) return NAN;
  std::sort(v.begin(), v.end());
  return v.size() % 2 ? v[v.size() / 2] : 0.5 * (v[v.size() / 2 - 1] + v[v.size() / 2]);
}

// One method on one network: per target gap, the CPU seconds and iterations of each run that
// reached it; the gap, iterations and seconds where the last run stopped.
struct Outcome {
  std::array<std::vector<double>, kGaps.size()> seconds, iterations;
  double final_gap = 0, final_seconds = 0;
  int final_iterations = 0, runs = 0;
  std::vector<double> iteration_seconds;  // CPU per iteration after the first (all runs)
};

Outcome run(const Network& net, const Demand& demand, Method method, int runs, double cap) {
  Outcome out;
  out.runs = runs;
  for (int k = 0; k < runs; ++k) {
    std::array<bool, kGaps.size()> seen{};
    const double start = cpu_seconds();
    double last = start;
    Options o;
    o.method = method;
    o.target_gap = kGaps.back();
    o.max_seconds = cap;
    o.max_iterations = 1000000;
    o.progress = [&](const Iteration& it) {
      const double now = cpu_seconds();
      if (it.iteration > 1) out.iteration_seconds.push_back(now - last);
      last = now;
      for (std::size_t g = 0; g < kGaps.size(); ++g)
        if (!seen[g] && it.relative_gap <= kGaps[g]) {
          seen[g] = true;
          out.seconds[g].push_back(now - start);
          out.iterations[g].push_back(it.iteration);
        }
    };
    const Result r = solve(net, demand, o);
    out.final_gap = r.relative_gap;
    out.final_iterations = r.iterations;
    out.final_seconds = cpu_seconds() - start;
  }
  return out;
}

// Median CPU seconds of one all-or-nothing pass (shortest-path trees and loading) at free flow.
double aon_seconds(const Network& net, const Demand& demand) {
  State state(net, demand, Objective::user_equilibrium);
  state.refresh_costs();
  std::vector<double> t;
  for (int k = 0; k < 7; ++k) {
    const double start = cpu_seconds();
    (void)state.load_all_or_nothing(state.cost, &state.target);
    t.push_back(cpu_seconds() - start);
  }
  return median(t);
}

std::string cell(const Outcome& o, std::size_t g) {
  if (o.seconds[g].size() * 2 > static_cast<std::size_t>(o.runs))
    return fmt::format("{:.3f} s ({:.0f} it)", median(o.seconds[g]), median(o.iterations[g]));
  return fmt::format("not reached: {:.1f} s/{} it", o.final_seconds, o.final_iterations);
}

std::string ratio(const Outcome& o, const Outcome& peer, std::size_t g) {
  const bool mine = o.seconds[g].size() * 2 > static_cast<std::size_t>(o.runs);
  const bool theirs = peer.seconds[g].size() * 2 > static_cast<std::size_t>(peer.runs);
  if (mine && theirs) return fmt::format("{:.3g}", median(o.seconds[g]) / median(peer.seconds[g]));
  if (mine) return fmt::format("< {:.2g}", median(o.seconds[g]) / peer.final_seconds);
  return "-";
}

}  // namespace

int main(int argc, char** argv) {
  int runs = 3;
  double cap = 20;
  std::string dir = std::string(LANDBRIDGE_SHARED_DIR) + "/data/tntp";
  std::vector<std::string> networks = {"SiouxFalls", "Anaheim", "Chicago-Sketch"};
  std::vector<std::string> methods = {"fw", "cfw", "bfw", "bush"};
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const bool more = i + 1 < argc;
    if (a == "--runs" && more) runs = std::max(1, std::atoi(argv[++i]));
    else if (a == "--cap" && more) cap = std::atof(argv[++i]);
    else if (a == "--networks" && more) networks = io::split_list(argv[++i], ',');
    else if (a == "--methods" && more) methods = io::split_list(argv[++i], ',');
    else if (a == "--tntp" && more) dir = argv[++i];
    else {
      fmt::print(stderr, "usage: bench_assign [--runs R] [--cap S] [--networks A,B] [--methods fw,cfw,bfw,bush] [--tntp DIR]\n");
      return 2;
    }
  }
  if (std::find(methods.begin(), methods.end(), "fw") == methods.end()) methods.insert(methods.begin(), "fw");
  fmt::print("bench_assign: CPU seconds of one thread to reach each relative gap, median of {} runs; cap {} s wall a run\n",
             runs, cap);
  for (const std::string& name : networks) {
    const io::TntpFolder f = io::find_tntp_files(std::filesystem::path(dir) / name);
    const Network net = io::read_tntp_network(f.net, io::tntp_known_factors(f.name).value_or(io::TntpCostFactors{}));
    const Demand demand = io::read_tntp_trips(f.trips, net.zone_count());
    fmt::print("\n{} ({} vertices, {} arcs, {} zones)\n", name, net.vertex_count(), net.arc_count(), net.zone_count());
    fmt::print("  {:<6} {:>30} {:>30} {:>30}   ratio to fw at 1e-4 / 1e-8 / 1e-10\n", "method", "gap 1e-4", "gap 1e-8",
               "gap 1e-10");
    Outcome fw;
    for (const std::string& m : methods) {
      const Outcome o = run(net, demand, parse_method(m), runs, cap);
      if (m == "fw") fw = o;
      fmt::print("  {:<6} {:>30} {:>30} {:>30}   {} / {} / {}   (last gap {:.2e})\n", m, cell(o, 0), cell(o, 1), cell(o, 2),
                 ratio(o, fw, 0), ratio(o, fw, 1), ratio(o, fw, 2), o.final_gap);
    }
    const double aon = aon_seconds(net, demand), iteration = median(fw.iteration_seconds);
    fmt::print("  fw iteration {:.3f} ms (median), one all-or-nothing pass {:.3f} ms: ratio {:.2f} (target <= 2)\n",
               1e3 * iteration, 1e3 * aon, iteration / aon);
  }
  return 0;
}
