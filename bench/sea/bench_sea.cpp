// bench_sea: speed of sea routes on the built-in marnet graph.
//
// Draws random port pairs with a fixed seed (written to <workdir>/pairs.tsv with the
// distances found, so bench/sea/peers.py runs the very same queries), times every one-to-one
// query (p50/p90/p99), times the full port-to-port matrix (one_to_all from every port), writes
// a few matrix rows for the peers to compare, and reports peak memory.
//
//   bench_sea [--data DIR] [--workdir DIR] [--pairs N] [--seed S] [--rows N]
//
// Besides the human-readable lines it prints "RESULT <name> <value>" lines for run.sh.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <limits>
#include <queue>
#include <string>
#include <vector>

#include "landbridge/core/splitmix.h"
#include "landbridge/sea/maritime_graph.h"

using namespace landbridge;
using Clock = std::chrono::steady_clock;

namespace {


double micros(Clock::duration d) { return std::chrono::duration<double, std::micro>(d).count(); }

double percentile(std::vector<double> v, double q) {
  std::sort(v.begin(), v.end());
  const auto k = static_cast<std::size_t>(std::floor(q * static_cast<double>(v.size() - 1) + 0.5));
  return v[k];
}

// Plain Dijkstra on the uncontracted graph, port to port: the obvious baseline in C++.
class PlainDijkstra {
 public:
  explicit PlainDijkstra(const sea::MaritimeGraph& g) : g_(g), dist_(g.vertex_count()) {}
  double distance(PortId a, PortId b, PassageSet closed) {
    if (a == b) return 0.0;
    const auto& pa = g_.port(a);
    const auto& pb = g_.port(b);
    std::fill(dist_.begin(), dist_.end(), std::numeric_limits<double>::infinity());
    using Item = std::pair<double, std::uint32_t>;
    std::priority_queue<Item, std::vector<Item>, std::greater<>> q;
    dist_[pa.vertex.get()] = 0.0;
    q.push({0.0, pa.vertex.get()});
    while (!q.empty()) {
      const auto [d, v] = q.top();
      q.pop();
      if (d > dist_[v]) continue;
      if (v == pb.vertex.get()) return pa.snap.value() + d + pb.snap.value();
      for (const sea::SeaLane& l : g_.lanes(SeaVertexId(v))) {
        if ((l.passages & closed) != 0) continue;
        const double nd = d + l.length.value();
        if (nd < dist_[l.head.get()]) {
          dist_[l.head.get()] = nd;
          q.push({nd, l.head.get()});
        }
      }
    }
    return std::numeric_limits<double>::infinity();
  }

 private:
  const sea::MaritimeGraph& g_;
  std::vector<double> dist_;
};

struct Percentiles {
  double p50, p90, p99;
};
Percentiles percentiles(const std::vector<double>& v) {
  return {percentile(v, 0.50), percentile(v, 0.90), percentile(v, 0.99)};
}

}  // namespace

int main(int argc, char** argv) {
  std::filesystem::path data = sea::default_marnet_dir();
  std::filesystem::path workdir = ".";
  std::uint32_t n_pairs = 1000;
  std::uint64_t seed = 20240611;
  std::uint32_t n_rows = 20;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "bench_sea: %s needs a value\n", a.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--data") data = value();
    else if (a == "--workdir") workdir = value();
    else if (a == "--pairs") n_pairs = static_cast<std::uint32_t>(std::stoul(value()));
    else if (a == "--seed") seed = std::stoull(value());
    else if (a == "--rows") n_rows = static_cast<std::uint32_t>(std::stoul(value()));
    else {
      std::fprintf(stderr, "usage: bench_sea [--data DIR] [--workdir DIR] [--pairs N] [--seed S] [--rows N]\n");
      return 2;
    }
  }
  std::filesystem::create_directories(workdir);

  const auto t_load = Clock::now();
  const sea::MaritimeGraph g = sea::MaritimeGraph::load(data);
  const double load_s = std::chrono::duration<double>(Clock::now() - t_load).count();
  const auto np = static_cast<std::uint32_t>(g.port_count());
  std::printf("marnet: %zu vertices, %zu segments, %u ports; routing arcs %zu; load+build %.3f s\n",
              g.vertex_count(), g.edge_count(), np, g.routing_arc_count(), load_s);

  // Random pairs (distinct ports).
  SplitMix64 rng{seed};
  std::vector<std::pair<PortId, PortId>> pairs;
  while (pairs.size() < n_pairs) {
    const std::uint32_t a = rng.below(np);
    const std::uint32_t b = rng.below(np);
    if (a != b) pairs.emplace_back(PortId(a), PortId(b));
  }

  sea::SeaRouter router(g);
  const PassageSet suez = passage_bit(Passage::suez);
  std::vector<double> dist(pairs.size()), dist_suez(pairs.size());
  // Warm-up pass (also the distances written for the peers).
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    const auto p = router.route(pairs[i].first, pairs[i].second);
    dist[i] = p ? p->distance.value() : std::numeric_limits<double>::infinity();
    const auto q = router.route(pairs[i].first, pairs[i].second, suez);
    dist_suez[i] = q ? q->distance.value() : std::numeric_limits<double>::infinity();
  }
  // Timed passes: each query timed on its own.
  std::vector<double> us(pairs.size()), us_suez(pairs.size()), us_geom(pairs.size());
  double checksum = 0.0;
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    const auto t0 = Clock::now();
    const auto p = router.route(pairs[i].first, pairs[i].second);
    us[i] = micros(Clock::now() - t0);
    checksum += p ? p->distance.value() : 0.0;
  }
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    const auto t0 = Clock::now();
    const auto p = router.route(pairs[i].first, pairs[i].second, suez);
    us_suez[i] = micros(Clock::now() - t0);
    checksum += p ? p->distance.value() : 0.0;
  }
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    const auto t0 = Clock::now();
    const auto p = router.route(pairs[i].first, pairs[i].second, 0, true);
    us_geom[i] = micros(Clock::now() - t0);
    checksum += p ? static_cast<double>(p->geometry.size()) : 0.0;
  }
  // Baseline: plain Dijkstra on the uncontracted graph (first 200 pairs), checked against CH.
  PlainDijkstra plain(g);
  std::vector<double> us_plain;
  double worst_rel = 0.0;
  for (std::size_t i = 0; i < std::min<std::size_t>(200, pairs.size()); ++i) {
    const auto t0 = Clock::now();
    const double d = plain.distance(pairs[i].first, pairs[i].second, 0);
    us_plain.push_back(micros(Clock::now() - t0));
    if (std::isfinite(d) || std::isfinite(dist[i])) worst_rel = std::max(worst_rel, std::abs(d - dist[i]) / d);
  }

  const Percentiles pc = percentiles(us), ps = percentiles(us_suez), pg = percentiles(us_geom);
  const Percentiles pp = percentiles(us_plain);
  std::printf("one-to-one, %zu random pairs (seed %llu), microseconds:\n", pairs.size(),
              static_cast<unsigned long long>(seed));
  std::printf("  %-34s p50 %8.2f  p90 %8.2f  p99 %8.2f\n", "CH, all passages open", pc.p50, pc.p90, pc.p99);
  std::printf("  %-34s p50 %8.2f  p90 %8.2f  p99 %8.2f\n", "CH, suez closed", ps.p50, ps.p90, ps.p99);
  std::printf("  %-34s p50 %8.2f  p90 %8.2f  p99 %8.2f\n", "CH, with geometry", pg.p50, pg.p90, pg.p99);
  std::printf("  %-34s p50 %8.2f  p90 %8.2f  p99 %8.2f\n", "plain Dijkstra (200 pairs)", pp.p50, pp.p90, pp.p99);
  std::printf("  CH vs plain Dijkstra: worst relative difference %.2e\n", worst_rel);

  // Full matrix.
  std::vector<Kilometres> row(np);
  const auto t_m = Clock::now();
  double msum = 0.0;
  std::size_t unreachable = 0;
  for (std::uint32_t s = 0; s < np; ++s) {
    router.one_to_all(PortId(s), 0, row);
    for (const Kilometres d : row) {
      if (d == Kilometres::max()) ++unreachable;
      else msum += d.value();
    }
  }
  const double matrix_s = std::chrono::duration<double>(Clock::now() - t_m).count();
  std::printf("full matrix %u x %u (one_to_all per port): %.3f s, %.1f us per source, %zu unreachable cells\n", np,
              np, matrix_s, matrix_s * 1e6 / np, unreachable);

  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  const double peak_mb = static_cast<double>(ru.ru_maxrss) / 1024.0;
  std::printf("peak RSS %.1f MB (checksums %.6e %.6e)\n", peak_mb, checksum, msum);

  // Files for the peers: the pairs with our distances, and a few matrix rows.
  {
    std::ofstream f(workdir / "pairs.tsv");
    f << "from\tto\tfrom_locode\tto_locode\tkm\tkm_suez_closed\n";
    f.precision(17);
    for (std::size_t i = 0; i < pairs.size(); ++i) {
      f << pairs[i].first.get() << '\t' << pairs[i].second.get() << '\t' << g.port(pairs[i].first).locode << '\t'
        << g.port(pairs[i].second).locode << '\t' << dist[i] << '\t' << dist_suez[i] << '\n';
    }
  }
  {
    std::ofstream f(workdir / "rows.tsv");
    f.precision(17);
    for (std::uint32_t k = 0; k < std::min<std::uint32_t>(n_rows, static_cast<std::uint32_t>(pairs.size())); ++k) {
      const PortId s = pairs[k].first;
      router.one_to_all(s, 0, row);
      f << s.get();
      for (const Kilometres d : row) f << '\t' << (d == Kilometres::max() ? -1.0 : d.value());
      f << '\n';
    }
  }
  {
    std::ofstream f(workdir / "snap.tsv");
    f.precision(17);
    f << "port\tlocode\tvertex_lat\tvertex_lon\tsnap_km\n";
    for (std::uint32_t p = 0; p < np; ++p) {
      const auto& port = g.port(PortId(p));
      const LatLon v = g.vertex(port.vertex);
      f << p << '\t' << port.locode << '\t' << v.lat << '\t' << v.lon << '\t' << port.snap.value() << '\n';
    }
  }

  std::printf("RESULT load_s %.6f\n", load_s);
  std::printf("RESULT p50_us %.3f\nRESULT p90_us %.3f\nRESULT p99_us %.3f\n", pc.p50, pc.p90, pc.p99);
  std::printf("RESULT p50_suez_us %.3f\n", ps.p50);
  std::printf("RESULT p50_geom_us %.3f\n", pg.p50);
  std::printf("RESULT p50_plain_us %.3f\n", pp.p50);
  std::printf("RESULT matrix_s %.6f\n", matrix_s);
  std::printf("RESULT peak_rss_mb %.1f\n", peak_mb);
  return worst_rel < 1e-9 ? 0 : 1;
}
