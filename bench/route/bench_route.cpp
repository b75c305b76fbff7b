// bench_route: speed of static route queries.
//
// A synthetic corridor network: H parallel west-east lines of W nodes through C countries
// (bands of columns). Rail runs along every line (1435 mm in the west half, 1520 mm in the
// east, a gauge change and a border at the band edges) with rail cross-links between lines
// every fifth column, road along every third line (faster, dearer, dirtier), a deep-sea lane along the south row with long hops (slow, cheap, clean),
// ports with handling and dwell, and seeded noise on every figure so the three criteria
// trade off. Random west-to-east queries (fixed seed) are timed for:
//   dijkstra      single objective (time), the peer every other figure is compared with
//   pareto        full Pareto set over (time, cost, CO2e)
//   corridors     k = 5 best corridors by cost
// and the same three on the eurasia package (JPHKT and KRPUS to several destinations).
//
//   bench_route [--width W] [--height H] [--countries C] [--queries N] [--seed S] [--no-eurasia]
//
// Dense grids with two modes on every edge and independent noise have Pareto sets that grow
// exponentially with the route length; the network here is a set of parallel corridors with
// sparse cross-links, as real ones are.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <fmt/format.h>
#include <string>
#include <vector>

#include "landbridge/core/splitmix.h"
#include "landbridge/io/package.h"
#include "landbridge/route/alternatives.h"
#include "landbridge/route/graph.h"
#include "landbridge/route/pareto.h"
#include "landbridge/route/router.h"

using namespace landbridge;
using namespace landbridge::route;
using Clock = std::chrono::steady_clock;

namespace {

// Multiplicative noise in [0.75, 1.25] for generated link figures.
double noise(SplitMix64& rng) { return 0.75 + 0.5 * static_cast<double>(rng.next() % 10001) / 10000.0; }

double percentile(std::vector<double> v, double q) {
  std::sort(v.begin(), v.end());
  return v[static_cast<std::size_t>(std::floor(q * static_cast<double>(v.size() - 1) + 0.5))];
}

Network corridor_grid(int width, int height, int countries, std::uint64_t seed) {
  SplitMix64 rng{seed};
  NetworkBuilder b;
  const auto rail = b.add_emission_factor({.id = "rail", .mode = Mode::rail, .wtw = GramsPerTonneKm(20), .ttw = GramsPerTonneKm(12)});
  const auto road = b.add_emission_factor({.id = "road", .mode = Mode::road, .wtw = GramsPerTonneKm(75), .ttw = GramsPerTonneKm(62)});
  const auto ship = b.add_emission_factor({.id = "ship", .mode = Mode::deep_sea, .wtw = GramsPerTonneKm(9), .ttw = GramsPerTonneKm(8)});
  const int band = std::max(1, width / countries);
  auto id = [&](int x, int y) { return NodeId(static_cast<std::uint32_t>(y * width + x)); };
  auto gauge_at = [&](int x) { return x < width / 2 ? Gauge::g1435 : Gauge::g1520; };
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      const int c = std::min(countries - 1, x / band);
      const std::string country{static_cast<char>('A' + c), static_cast<char>('A' + c)};
      b.add_node({.code = fmt::format("{}{:03d}", country, y * width + x), .name = fmt::format("n{}-{}", x, y),
                  .country = country});
    }
  auto link = [&](NodeId f, NodeId t, Carriage c, double km, double kmh, double usd_per_km, EmissionFactorId fac) {
    const double n = noise(rng);
    b.add_link({.id = "", .from = f, .to = t, .carriage = c, .distance = Kilometres(km * n),
                .duration = hours(km * n / kmh * noise(rng)), .cost_teu = usd(km * n * usd_per_km * noise(rng)),
                .cost_feu = usd(km * n * usd_per_km * 1.5 * noise(rng)), .factor = fac});
  };
  // Rail along every row; road along every third row; rail cross-links between rows every
  // fifth column. Both directions.
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      for (auto [dx, dy] : {std::pair{1, 0}, std::pair{0, 1}}) {
        const int x2 = x + dx, y2 = y + dy;
        if (x2 >= width || y2 >= height || (dy && x % 5 != 2)) continue;
        for (auto [a, z] : {std::pair{id(x, y), id(x2, y2)}, std::pair{id(x2, y2), id(x, y)}}) {
          const Gauge g = gauge_at(std::max(x, x2));  // the link onto the gauge line is 1520
          link(a, z, {Mode::rail, g}, 300, 45, 0.35, rail);
          if (dx && y % 3 == 1) link(a, z, {Mode::road, Gauge::none}, 320, 60, 0.9, road);
        }
      }
    }
  // Deep-sea lane along the south row: ports every 4 columns, hops of 4 and 12 columns.
  for (int x = 0; x + 4 < width; x += 4)
    for (int hop : {4, 12})
      if (x + hop < width) {
        link(id(x, 0), id(x + hop, 0), {Mode::deep_sea, Gauge::none}, 330.0 * hop, 30, 0.08, ship);
        link(id(x + hop, 0), id(x, 0), {Mode::deep_sea, Gauge::none}, 330.0 * hop, 30, 0.08, ship);
      }
  auto op = [&](NodeId n, OperationKind k, const char* arrive, const char* depart, double h, double usd_cost, double hub) {
    b.add_operation({.node = n, .kind = k, .arrive = *parse_carriage_pattern(arrive, true),
                     .depart = *parse_carriage_pattern(depart, false), .duration = Estimate<Minutes>::exact(hours(h * noise(rng))),
                     .cost_teu = Estimate<UsdCents>::exact(usd(usd_cost * noise(rng))),
                     .cost_feu = Estimate<UsdCents>::exact(usd(usd_cost * 1.5)), .hub_kg_co2e_per_t = hub});
  };
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      const NodeId n = id(x, y);
      op(n, OperationKind::handling, "rail", "road", 3, 60, 0.5);
      op(n, OperationKind::handling, "road", "rail", 3, 60, 0.5);
      if (y == 0 && x % 4 == 0) {
        op(n, OperationKind::handling, "sea", "*", 8, 120, 2.0);
        op(n, OperationKind::handling, "*", "sea", 8, 120, 2.0);
        op(n, OperationKind::dwell, "sea", "rail", 48, 0, 0);
      }
      if (x == width / 2) op(n, OperationKind::gauge_change, "rail:1435", "rail:1520", 6, 300, 1.5);
      if (x > 0 && x % band == 0) op(n, OperationKind::border, "*", "*", 20, 80, 0);
    }
  return b.build();
}

struct Timings {
  std::vector<double> ms;
  double extra = 0;  // labels / states / front size, summed
};

void print(const char* what, const Timings& t, const Timings& peer, const char* extra_name) {
  fmt::print("{:<22} p50 {:8.3f} ms  p90 {:8.3f} ms  p99 {:8.3f} ms   p50 ratio vs dijkstra {:7.1f}   {} {:.1f}\n", what,
             percentile(t.ms, 0.5), percentile(t.ms, 0.9), percentile(t.ms, 0.99),
             percentile(t.ms, 0.5) / percentile(peer.ms, 0.5), extra_name, t.extra / static_cast<double>(t.ms.size()));
}

template <class F>
double time_ms(F&& f) {
  const auto t0 = Clock::now();
  f();
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

void run(const char* name, const Network& net, const std::vector<std::pair<NodeId, NodeId>>& queries) {
  RoutingGraph g(net);
  Router router(g);
  ParetoRouter pareto(g);
  AlternativesFinder corridors(g);
  Weights w;
  prepare(g, {}, nullptr, w);
  // Warm up: the first queries size the reusable state.
  for (std::size_t i = 0; i < std::min<std::size_t>(queries.size(), 5); ++i) {
    (void)router.best(queries[i].first, queries[i].second, w, Objective::time);
    (void)pareto.pareto(queries[i].first, queries[i].second, w);
  }
  Timings dij, par, cor, prep;
  for (const auto& [from, to] : queries) {
    dij.ms.push_back(time_ms([&] { (void)router.best(from, to, w, Objective::time); }));
    dij.extra += static_cast<double>(router.settled());
    std::size_t front = 0;
    par.ms.push_back(time_ms([&] { front = pareto.pareto(from, to, w).size(); }));
    par.extra += static_cast<double>(front);
    cor.ms.push_back(time_ms([&] { (void)corridors.find(from, to, w, Objective::cost, {.k = 5}); }));
    cor.extra += static_cast<double>(corridors.states());
    prep.ms.push_back(time_ms([&] { prepare(g, {}, nullptr, w); }));
  }
  fmt::print("{}: {} nodes, {} links, {} turns, {} transfers, {} queries\n", name, net.node_count(), net.link_count(),
             g.turn_count(), g.xfer_count(), queries.size());
  print("dijkstra (time)", dij, dij, "settled");
  print("pareto (t, cost, co2e)", par, dij, "front size");
  print("corridors k=5 (cost)", cor, dij, "states");
  print("prepare weights", prep, dij, "-");
}

}  // namespace

int main(int argc, char** argv) {
  int width = 40, height = 6, countries = 5, queries = 100;
  std::uint64_t seed = 1;
  bool eurasia = true;
  for (int i = 1; i < argc; ++i) {
    auto num = [&](int& v) { v = i + 1 < argc ? std::atoi(argv[++i]) : v; };
    if (!std::strcmp(argv[i], "--width")) num(width);
    else if (!std::strcmp(argv[i], "--height")) num(height);
    else if (!std::strcmp(argv[i], "--countries")) num(countries);
    else if (!std::strcmp(argv[i], "--queries")) num(queries);
    else if (!std::strcmp(argv[i], "--seed") && i + 1 < argc) seed = std::strtoull(argv[++i], nullptr, 10);
    else if (!std::strcmp(argv[i], "--no-eurasia")) eurasia = false;
    else {
      fmt::print(stderr, "usage: bench_route [--width W] [--height H] [--countries C] [--queries N] [--seed S] [--no-eurasia]\n");
      return 2;
    }
  }
  const Network net = corridor_grid(width, height, countries, seed);
  SplitMix64 rng{seed * 7919 + 1};
  std::vector<std::pair<NodeId, NodeId>> q;
  const auto third = static_cast<std::uint32_t>(std::max(1, width / 3));
  for (int i = 0; i < queries; ++i) {
    const std::uint32_t y1 = rng.below(static_cast<std::uint32_t>(height)), y2 = rng.below(static_cast<std::uint32_t>(height));
    const std::uint32_t x1 = rng.below(third), x2 = static_cast<std::uint32_t>(width) - 1 - rng.below(third);
    q.emplace_back(NodeId(y1 * static_cast<std::uint32_t>(width) + x1), NodeId(y2 * static_cast<std::uint32_t>(width) + x2));
  }
  run(fmt::format("synthetic {} lines x {} columns", height, width).c_str(), net, q);

  if (eurasia) {
    const io::LoadedPackage pkg = io::load_package(io::default_package_dir());
    std::vector<std::pair<NodeId, NodeId>> eq;
    for (const char* from : {"JPHKT", "KRPUS", "JPYOK"})
      for (const char* to : {"DEDUI", "GEPTI", "TRHAL", "UZTAS", "NLRTM", "PLMAA"}) {
        const auto f = pkg.network.find_node(from), t = pkg.network.find_node(to);
        if (f && t) eq.emplace_back(*f, *t);
      }
    fmt::print("\n");
    run("eurasia package", pkg.network, eq);
  }
  return 0;
}
