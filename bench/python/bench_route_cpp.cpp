// The C++ side of the Python call-overhead benchmark (bench/python/run.sh): one static route
// planned again and again on a warm query::Engine, as the Python module plans it.
//
//   bench_route_cpp FROM TO [pareto|k3] [calls=2000]
//
// Prints two medians, in microseconds per call: `plan` (Engine::plan_static alone) and
// `plan_json` (plan_static and route::to_json, the JSON the module turns into Python objects),
// as key=value lines for run.sh.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <string>
#include <vector>

#include "landbridge/query/engine.h"
#include "landbridge/route/report.h"

using namespace landbridge;
using Clock = std::chrono::steady_clock;

namespace {

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

template <class F>
double median_us(int calls, F&& f) {
  std::vector<double> t;
  t.reserve(static_cast<std::size_t>(calls));
  for (int i = 0; i < calls; ++i) {
    const auto t0 = Clock::now();
    f();
    t.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
  }
  return median(std::move(t));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    fmt::print(stderr, "usage: bench_route_cpp FROM TO [pareto|k3] [calls=2000]\n");
    return 2;
  }
  const query::StaticQuery q{.from = argv[1], .to = argv[2], .pareto = argc > 3 && std::string(argv[3]) == "pareto"};
  const int calls = argc > 4 ? std::atoi(argv[4]) : 2000;
  const query::Engine engine = query::Engine::open("");
  engine.warm_up();
  std::size_t sink = 0;
  for (int i = 0; i < 50; ++i) sink += engine.plan_static(q).result.itineraries.size();  // warm the pools
  const double plan = median_us(calls, [&] { sink += engine.plan_static(q).result.itineraries.size(); });
  const double plan_json = median_us(calls, [&] {
    const query::StaticAnswer a = engine.plan_static(q);
    sink += route::to_json(a.network(), a.result).size();
  });
  fmt::print("itineraries={}\nplan_us={:.1f}\nplan_json_us={:.1f}\nsink={}\n",
             engine.plan_static(q).result.itineraries.size(), plan, plan_json, sink);
  return 0;
}
