#include "testing.h"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <optional>
#include <set>
#include <string>

#include "landbridge/emissions/emissions.h"
#include "landbridge/io/text_network.h"
#include "landbridge/route/signature.h"

namespace landbridge::route::testing {

Network random_network(Rng& rng, const RandomNetworkSpec& spec) {
  NetworkBuilder b;
  b.mass_per_teu(Tonnes(static_cast<double>(rng.between(8, 14))));
  static constexpr std::array<Mode, 6> kModes = {Mode::deep_sea, Mode::feeder, Mode::ferry,
                                                 Mode::rail,     Mode::rail,   Mode::road};
  std::array<EmissionFactorId, kModeCount> factor;
  for (int m = 0; m < kModeCount; ++m) {
    const double wtw = static_cast<double>(rng.between(1, 40)) + 0.5 * static_cast<double>(rng.between(0, 1));
    const double ttw = wtw * static_cast<double>(rng.between(0, 10)) / 10.0;
    factor[static_cast<std::size_t>(m)] = b.add_emission_factor(
        {.id = fmt::format("f{}", m), .mode = static_cast<Mode>(m), .wtw = GramsPerTonneKm(wtw), .ttw = GramsPerTonneKm(ttw)});
  }
  const int n = static_cast<int>(rng.between(spec.min_nodes, spec.max_nodes));
  std::vector<NodeId> nodes;
  for (int i = 0; i < n; ++i) {
    const char c = static_cast<char>('A' + rng.between(0, spec.countries - 1));
    const std::string country{c, c};
    nodes.push_back(b.add_node({.code = fmt::format("{}X{}{}", country, static_cast<char>('A' + i / 26), static_cast<char>('A' + i % 26)),
                                .name = fmt::format("node {}", i),
                                .country = country}));
  }
  const int m = static_cast<int>(rng.between(spec.min_links, spec.max_links));
  const std::int64_t v = spec.max_value;
  const bool correlated = rng.chance(spec.correlated_percent);
  for (int i = 0; i < m; ++i) {
    const auto f = rng.between(0, n - 1);
    auto t = rng.between(0, n - 2);
    if (t >= f) ++t;
    const Mode mode = kModes[static_cast<std::size_t>(rng.between(0, 5))];
    const Gauge gauge = mode != Mode::rail ? Gauge::none : rng.chance(50) ? Gauge::g1435 : Gauge::g1520;
    PassageSet pass = 0;
    if (is_maritime(mode)) {
      if (rng.chance(40)) pass |= passage_bit(Passage::suez);
      if (rng.chance(30)) pass |= passage_bit(Passage::malacca);
      if (rng.chance(20)) pass |= passage_bit(Passage::bosporus);
    }
    const std::int64_t km = rng.between(1, v * 40);
    std::int64_t minutes = rng.between(1, v) * 60, cents = rng.between(0, v) * 1000, feu_cents = rng.between(0, v) * 1500;
    if (correlated) {  // time and price grow with distance, at a per-mode rate, plus a little noise
      const std::int64_t mi = static_cast<std::int64_t>(mode);
      minutes = km * (2 + mi) + rng.between(0, 30);
      cents = km * (40 - 5 * mi) + rng.between(0, 500);
      feu_cents = cents * 3 / 2;
    }
    b.add_link({.id = fmt::format("l{}", i),
                .from = nodes[static_cast<std::size_t>(f)],
                .to = nodes[static_cast<std::size_t>(t)],
                .carriage = {mode, gauge},
                .distance = Kilometres(static_cast<double>(km)),
                .duration = Minutes(static_cast<std::int32_t>(minutes)),
                .cost_teu = UsdCents(cents),
                .cost_feu = UsdCents(feu_cents),
                .factor = factor[static_cast<std::size_t>(mode)],
                .passages = pass});
  }
  static constexpr std::array<const char*, 10> kArrive = {"*",     "start", "sea",  "rail",     "rail:1435",
                                                          "rail:1520", "road", "feeder", "deep_sea", "ferry"};
  static constexpr std::array<const char*, 10> kDepart = {"*",     "end",  "sea",    "rail",     "rail:1435",
                                                          "rail:1520", "road", "feeder", "deep_sea", "ferry"};
  for (NodeId node : nodes) {
    const auto k = rng.between(0, spec.ops_per_node);
    for (std::int64_t i = 0; i < k; ++i) {
      OperationInfo op;
      op.node = node;
      op.kind = static_cast<OperationKind>(rng.between(0, kOperationKindCount - 1));
      op.arrive = *parse_carriage_pattern(kArrive[static_cast<std::size_t>(rng.between(0, 9))], true);
      op.depart = *parse_carriage_pattern(kDepart[static_cast<std::size_t>(rng.between(0, 9))], false);
      const std::int64_t size = rng.between(0, v);
      op.duration = Estimate<Minutes>::exact(Minutes(static_cast<std::int32_t>(size * 30)));
      op.cost_teu = Estimate<UsdCents>::exact(UsdCents((correlated ? size : rng.between(0, v)) * 500));
      op.cost_feu = Estimate<UsdCents>::exact(UsdCents((correlated ? size : rng.between(0, v)) * 700));
      op.hub_kg_co2e_per_t = 0.25 * static_cast<double>(correlated ? size % 9 : rng.between(0, 8));
      b.add_operation(op);
    }
  }
  return b.build();
}

Network parse_network(std::string_view text) { return io::parse_text_network(text); }

EnumeratedPath evaluate_directly(const Network& net, const std::vector<LinkId>& links, const RouteOptions& opts) {
  EnumeratedPath p;
  p.links = links;
  const Tonnes mass = emissions::MassModel{net.mass_per_teu(), opts.feu_mass_ratio}.per_box(opts.shipment.unit);
  const bool feu = opts.shipment.unit == ContainerUnit::feu;
  auto transfer = [&](NodeId v, std::uint8_t a, std::uint8_t d, bool intermediate) {
    const auto ops = matching_operations(net, v, a, d);
    bool ts = false;
    for (OperationId o : ops) {
      const OperationInfo& op = net.operation(o);
      p.per_box.time += op.duration.value;
      p.per_box.cost += feu ? op.cost_feu.value : op.cost_teu.value;
      p.per_box.co2e += emissions::hub(mass, op.hub_kg_co2e_per_t).wtw;
      ts = ts || op.kind == OperationKind::handling || op.kind == OperationKind::gauge_change;
    }
    if (intermediate && ts) ++p.transshipments;
  };
  transfer(net.link_from(links.front()), kCarriageStart, net.link_carriage(links.front()).code(), false);
  for (std::size_t i = 0; i < links.size(); ++i) {
    const LinkId l = links[i];
    if (i > 0) transfer(net.link_from(l), net.link_carriage(links[i - 1]).code(), net.link_carriage(l).code(), true);
    p.per_box.time += net.link_duration(l);
    p.per_box.cost += feu ? net.link_cost_feu(l) : net.link_cost_teu(l);
    p.per_box.co2e += emissions::leg(mass, net.link_distance(l), net.emission_factor(net.link_emission_factor(l))).wtw;
  }
  transfer(net.link_to(links.back()), net.link_carriage(links.back()).code(), kCarriageEnd, false);
  return p;
}

namespace {

bool node_allowed(const Network& net, NodeId n, const RouteOptions& opts) {
  if (std::find(opts.avoid_nodes.begin(), opts.avoid_nodes.end(), n) != opts.avoid_nodes.end()) return false;
  const auto& c = net.node(n).country;
  return std::find(opts.avoid_countries.begin(), opts.avoid_countries.end(), c) == opts.avoid_countries.end();
}

bool link_allowed(const Network& net, LinkId l, const RouteOptions& opts) {
  return node_allowed(net, net.link_from(l), opts) && node_allowed(net, net.link_to(l), opts) &&
         !(opts.avoid_modes & mode_bit(net.link_carriage(l).mode)) && !(net.link_passages(l) & opts.avoid_passages);
}

}  // namespace

bool is_sane(const Network& net, const std::vector<LinkId>& links) {
  if (links.empty()) return true;
  std::vector<NodeId> via{net.link_from(links.front())};
  for (LinkId l : links) via.push_back(net.link_to(l));
  return sane_via(net, via);  // the model's rule (model/network.h), on the path's places
}

bool enumerate_paths(const Network& net, NodeId from, NodeId to, const RouteOptions& opts,
                     std::vector<EnumeratedPath>& out, std::size_t limit) {
  out.clear();
  std::vector<LinkId> path;
  std::vector<char> used(net.link_count(), 0);
  std::size_t walks = 0;
  bool ok = true;
  std::function<void(NodeId)> dfs = [&](NodeId at) {
    if (!ok) return;
    for (LinkId l : net.out_links(at)) {
      if (used[l.get()]) continue;
      if (++walks > limit) {
        ok = false;
        return;
      }
      used[l.get()] = 1;
      path.push_back(l);
      if (net.link_to(l) == to) {
        bool allowed = true;
        for (LinkId x : path) allowed = allowed && link_allowed(net, x, opts);
        if (allowed) {
          EnumeratedPath p = evaluate_directly(net, path, opts);
          if (!opts.max_transshipments || p.transshipments <= *opts.max_transshipments) out.push_back(std::move(p));
        }
      }
      dfs(net.link_to(l));
      path.pop_back();
      used[l.get()] = 0;
    }
  };
  if (from != to) dfs(from);
  return ok;
}

bool enumerate_corridor_walks(const Network& net, NodeId from, NodeId to, const RouteOptions& opts,
                              std::vector<EnumeratedPath>& out, std::size_t limit) {
  out.clear();
  std::vector<LinkId> path;
  Signature tokens;
  std::vector<char> used(net.link_count(), 0);  // links used since the last event
  std::size_t walks = 0;
  bool ok = true;
  std::function<void()> dfs = [&]() {
    if (!ok) return;
    const NodeId at = path.empty() ? from : net.link_to(path.back());
    for (LinkId l : net.out_links(at)) {
      if (used[l.get()] || net.link_to(l) == from) continue;
      if (++walks > limit) {
        ok = false;
        return;
      }
      Signature added;
      if (!path.empty()) {
        const LinkId prev = path.back();
        const std::uint8_t a = net.link_carriage(prev).code(), d = net.link_carriage(l).code();
        transfer_tokens(net, at, a, d, net.transfer(at, a, d), added);
      }
      link_tokens(net, l, net.link_passages(l), added);
      bool repeats = false;
      for (const auto& t : added)
        for (const auto& old : tokens) repeats = repeats || conflicting_events(old, t);
      if (repeats) continue;
      const std::vector<char> saved = added.empty() ? std::vector<char>{} : used;
      if (!added.empty()) std::fill(used.begin(), used.end(), 0);
      used[l.get()] = 1;
      path.push_back(l);
      tokens.insert(tokens.end(), added.begin(), added.end());
      if (net.link_to(l) == to) {
        bool allowed = true;
        for (LinkId x : path) allowed = allowed && link_allowed(net, x, opts);
        if (allowed) {
          EnumeratedPath p = evaluate_directly(net, path, opts);
          if (!opts.max_transshipments || p.transshipments <= *opts.max_transshipments) out.push_back(std::move(p));
        }
      } else {
        dfs();
      }
      tokens.resize(tokens.size() - added.size());
      path.pop_back();
      if (!added.empty())
        used = saved;
      else
        used[l.get()] = 0;
    }
  };
  if (from != to) dfs();
  return ok;
}

std::vector<Vector4> pareto_front(const std::vector<EnumeratedPath>& paths, bool with_transshipments) {
  std::vector<Vector4> all;
  for (const auto& p : paths)
    all.push_back({p.per_box.time.value(), p.per_box.cost.value(), p.per_box.co2e.value(),
                   with_transshipments ? p.transshipments : 0});
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  std::vector<Vector4> front;
  for (const auto& a : all) {
    bool dominated = false;
    for (const auto& b : all)
      if (!(a == b) && b.t <= a.t && b.c <= a.c && b.e <= a.e && b.k <= a.k) {
        dominated = true;
        break;
      }
    if (!dominated) front.push_back(a);
  }
  return front;
}

std::string describe(const Network& net) {
  std::string s;
  for (NodeId n : net.nodes().keys()) s += fmt::format("node {} {}\n", n.get(), net.node(n).code);
  for (std::uint32_t i = 0; i < net.link_count(); ++i) {
    const LinkId l(i);
    s += fmt::format("link {} {}->{} {} {}min {}c/{}c {}km pass={}\n", i, net.node(net.link_from(l)).code,
                     net.node(net.link_to(l)).code, to_string(net.link_carriage(l)), net.link_duration(l).value(),
                     net.link_cost_teu(l).value(), net.link_cost_feu(l).value(), net.link_distance(l).value(),
                     passage_list(net.link_passages(l)));
  }
  for (const OperationInfo& o : net.operations())
    s += fmt::format("op at {} {} {}->{} {}min {}c hub={}\n", net.node(o.node).code, to_string(o.kind),
                     o.arrive.to_string(true), o.depart.to_string(false), o.duration.value.value(),
                     o.cost_teu.value.value(), o.hub_kg_co2e_per_t);
  return s;
}

}  // namespace landbridge::route::testing
