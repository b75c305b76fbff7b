#include "landbridge/freight/assignment.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <queue>

namespace landbridge::freight {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

bool fw_family(assign::Method m) {
  return m == assign::Method::frank_wolfe || m == assign::Method::conjugate_fw || m == assign::Method::biconjugate_fw;
}

// Shortest distances from `src` (forward) or to it (backward) over arcs with cost `c`; zone
// vertices other than `src` are ends only, never passed through.
std::vector<double> dijkstra(const FreightGraph& g, const std::vector<std::vector<std::uint32_t>>& adj,
                             std::span<const double> c, std::uint32_t src, bool forward) {
  std::vector<double> dist(g.vertex_count, kInf);
  using Item = std::pair<double, std::uint32_t>;
  std::priority_queue<Item, std::vector<Item>, std::greater<>> pq;
  dist[src] = 0;
  pq.emplace(0.0, src);
  while (!pq.empty()) {
    const auto [d, u] = pq.top();
    pq.pop();
    if (d > dist[u]) continue;
    if (u != src && u < g.zones.size()) continue;
    for (std::uint32_t a : adj[u]) {
      const std::uint32_t v = forward ? g.arcs[a].head : g.arcs[a].tail;
      const double nd = d + c[a];
      if (nd < dist[v]) {
        dist[v] = nd;
        pq.emplace(nd, v);
      }
    }
  }
  return dist;
}

}  // namespace

std::string classify_path(const LoadedNetwork& pkg, std::span<const LinkId> links) {
  const Network& net = pkg.network;
  const auto caspian = [](const std::string& country) {
    return country == "KZ" || country == "AZ" || country == "TM" || country == "IR";
  };
  bool trans_caspian = false, khorgos = false, dostyk = false, siberian = false, cape = false, suez = false, sea = false;
  for (LinkId l : links) {
    const Mode m = net.link_carriage(l).mode;
    const NodeInfo& a = net.node(net.link_from(l));
    const NodeInfo& b = net.node(net.link_to(l));
    if (is_maritime(m)) {
      sea = true;
      if (caspian(a.country) && caspian(b.country)) trans_caspian = true;
    }
    for (const NodeInfo* n : {&a, &b}) {
      if (n->code == "KZHOR" || n->code == "CNHRS") khorgos = true;
      if (n->code == "KZDOS" || n->code == "CNAKL") dostyk = true;
      if (n->code == "RUZBK" || n->code == "CNMLX" || n->code == "MNZUU" || n->code == "CNERC" || n->code == "RUGRK" ||
          n->code == "CNSFH")
        siberian = true;
    }
    if (m == Mode::rail && a.code == "RUVYP") siberian = true;
    const PassageSet p = net.link_passages(l);
    if (p & passage_bit(Passage::south_africa)) cape = true;
    if (p & passage_bit(Passage::suez)) suez = true;
  }
  if (trans_caspian) return "Trans-Caspian (Middle Corridor)";
  if (khorgos) return "Land bridge via Khorgos";
  if (dostyk) return "Land bridge via Dostyk";
  if (siberian) return "Trans-Siberian / Mongolia";
  if (cape) return "Sea via Cape";
  if (suez) return "Sea via Suez";
  if (sea) return "Sea (other)";
  return "Land (other)";
}

std::vector<OdResult> corridor_shares(const LoadedNetwork& pkg, const FreightGraph& g, std::span<const OdDemand> demand,
                                      std::span<const double> flow, std::span<const double> cost) {
  std::vector<std::vector<std::uint32_t>> out(g.vertex_count), in(g.vertex_count);
  for (std::uint32_t a = 0; a < g.arcs.size(); ++a) {
    out[g.arcs[a].tail].push_back(a);
    in[g.arcs[a].head].push_back(a);
  }
  double total = 0;
  for (const OdDemand& od : demand) total += od.teu_per_week;
  const double flow_eps = 1e-9 * std::max(1.0, total);
  std::vector<OdResult> results;
  for (const OdDemand& od : demand) {
    OdResult r;
    r.od = od;
    const std::uint32_t o = g.zone_of(od.origin), d = g.zone_of(od.destination);
    const std::vector<double> from_o = dijkstra(g, out, cost, o, true);
    const std::vector<double> to_d = dijkstra(g, in, cost, d, false);
    const double best = from_o[d];
    r.cost = best;
    const double slack = 1e-6 * std::fabs(best) + 1e-9;
    const auto efficient = [&](std::uint32_t a) {
      const FreightArc& x = g.arcs[a];
      return flow[a] > flow_eps && from_o[x.tail] + cost[a] + to_d[x.head] <= best + slack;
    };
    // Depth-first over the efficient subgraph, the OD's share carried along each path.
    std::map<std::string, double> by_corridor;
    std::vector<LinkId> links;
    std::size_t paths = 0;
    constexpr std::size_t kMaxPaths = 20000;
    double lost = 0;
    const auto walk = [&](auto&& self, std::uint32_t u, double share, int depth) -> void {
      if (u == d) {
        by_corridor[classify_path(pkg, links)] += share;
        ++paths;
        return;
      }
      if (depth > 400 || paths >= kMaxPaths || (u != o && u < g.zones.size())) {
        lost += share;
        return;
      }
      double sum = 0;
      for (std::uint32_t a : out[u])
        if (efficient(a)) sum += flow[a];
      if (sum <= 0) {
        lost += share;
        return;
      }
      for (std::uint32_t a : out[u]) {
        if (!efficient(a)) continue;
        const bool is_link = g.arcs[a].kind == ArcKind::link;
        if (is_link) links.push_back(g.arcs[a].link);
        self(self, g.arcs[a].head, share * flow[a] / sum, depth + 1);
        if (is_link) links.pop_back();
      }
    };
    walk(walk, o, 1.0, 0);
    if (lost > 1e-9) by_corridor["(not decomposed)"] += lost;
    for (const auto& [name, share] : by_corridor)
      r.corridors.push_back({name, share * od.teu_per_week, share});
    std::sort(r.corridors.begin(), r.corridors.end(),
              [](const CorridorFlow& a, const CorridorFlow& b) { return a.share > b.share; });
    results.push_back(std::move(r));
  }
  return results;
}

FreightResult assign_freight(const LoadedNetwork& pkg, const FreightGraph& g, std::span<const OdDemand> demand,
                            const AssignOptions& options) {
  const auto t0 = std::chrono::steady_clock::now();
  const std::size_t n = g.arcs.size();
  FreightResult res;
  std::vector<double> toll(n, 0.0), step(n, options.initial_step);
  std::vector<int> last_sign(n, 0);
  const assign::Demand dem = g.demand(demand);
  // Every OD must be connected: say which is not, by node codes and demand line.
  {
    std::vector<std::vector<std::uint32_t>> out(g.vertex_count);
    for (std::uint32_t a = 0; a < g.arcs.size(); ++a) out[g.arcs[a].tail].push_back(a);
    const std::vector<double> unit(n, 1.0);
    std::map<std::uint32_t, std::vector<double>> reach;
    for (const OdDemand& od : demand) {
      const std::uint32_t o = g.zone_of(od.origin);
      auto it = reach.find(o);
      if (it == reach.end()) it = reach.emplace(o, dijkstra(g, out, unit, o, true)).first;
      if (!std::isfinite(it->second[g.zone_of(od.destination)]))
        throw RequestError("no route on the network from " + pkg.network.node(od.origin).code + " to " +
                           pkg.network.node(od.destination).code + " (demand line " + std::to_string(od.line) + ")");
    }
  }
  std::vector<double> warm;
  for (int k = 1; k <= options.max_outer; ++k) {
    const assign::Network net = g.network(toll);
    assign::Options o;
    o.method = options.method;
    o.target_gap = options.target_gap;
    o.max_iterations = options.max_inner_iterations;
    if (fw_family(options.method)) o.warm_start = warm;
    if (options.progress) o.progress = [&, k](const assign::Iteration& it) { options.progress(k, it); };
    const assign::Result r = assign::solve(net, dem, o);
    res.inner_iterations += r.iterations;
    res.relative_gap = r.relative_gap;
    res.outer_iterations = k;
    res.flow = r.flow;
    warm = r.flow;
    // Conditions: no hard arc over capacity, no multiplier on an arc below it.
    double viol = -kInf, slack = 0;
    for (std::size_t a = 0; a < n; ++a) {
      if (g.arcs[a].capacity_kind != CapacityKind::hard) continue;
      const double ratio = r.flow[a] / g.arcs[a].capacity - 1;
      viol = std::max(viol, ratio);
      if (toll[a] > 0) slack = std::max(slack, -ratio);
    }
    res.max_violation = viol == -kInf ? 0 : viol;
    res.max_slack = slack;
    if (res.max_violation <= options.tolerance && res.max_slack <= options.tolerance) {
      res.converged = true;
      break;
    }
    if (k == options.max_outer) break;
    for (std::size_t a = 0; a < n; ++a) {
      if (g.arcs[a].capacity_kind != CapacityKind::hard) continue;
      const double ratio = r.flow[a] / g.arcs[a].capacity - 1;
      const bool over = ratio > options.tolerance;
      const bool under = toll[a] > 0 && ratio < -options.tolerance;
      if (!over && !under) continue;
      const int sign = over ? 1 : -1;
      if (last_sign[a] == sign) step[a] *= 1.5;
      else if (last_sign[a] == -sign) step[a] *= 0.5;
      last_sign[a] = sign;
      toll[a] = std::max(0.0, toll[a] + sign * step[a]);
    }
  }
  res.multiplier = toll;
  res.cost.resize(n);
  std::vector<double> with_toll(n);
  res.total_cost = 0;
  for (std::size_t a = 0; a < n; ++a) {
    res.cost[a] = g.cost(a, res.flow[a]);
    with_toll[a] = res.cost[a] + toll[a];
    res.total_cost += res.flow[a] * res.cost[a];
  }
  res.ods = corridor_shares(pkg, g, demand, res.flow, with_toll);
  res.unit_saving.assign(n, std::numeric_limits<double>::quiet_NaN());
  res.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return res;
}

}  // namespace landbridge::freight

namespace landbridge::freight {

void resolve_unit_savings(const LoadedNetwork& pkg, const FreightGraph& g, std::span<const OdDemand> demand,
                          const AssignOptions& options, FreightResult& r) {
  AssignOptions quiet = options;
  quiet.progress = nullptr;
  for (std::size_t a = 0; a < g.arcs.size(); ++a) {
    if (g.arcs[a].capacity_kind != CapacityKind::hard || r.multiplier[a] <= 0 || g.arcs[a].teu_per_unit <= 0) continue;
    FreightGraph more = g;
    more.arcs[a].capacity += g.arcs[a].teu_per_unit;
    const FreightResult m = assign_freight(pkg, more, demand, quiet);
    r.unit_saving[a] = r.total_cost - m.total_cost;
  }
}

}  // namespace landbridge::freight
