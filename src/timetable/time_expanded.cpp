#include "landbridge/timetable/time_expanded.h"

#include <algorithm>
#include <map>
#include <queue>
#include <tuple>
#include <unordered_map>

#include "landbridge/core/error.h"

namespace landbridge::timetable {
namespace {

constexpr std::uint32_t kNone = 0xffffffffu;
constexpr Instant kInf = Instant::max();

template <class T>
std::size_t bytes(const std::vector<T>& v) {
  return v.capacity() * sizeof(T);
}

struct Label {
  std::int64_t cost;
  std::int64_t co2;
  std::int32_t trips;
};

// Adds `l` to a Pareto bag over (cost, co2, trips) unless dominated (or equal).
bool merge(std::vector<Label>& bag, const Label& l) {
  for (const Label& o : bag)
    if (o.cost <= l.cost && o.co2 <= l.co2 && o.trips <= l.trips) return false;
  std::erase_if(bag, [&](const Label& o) { return l.cost <= o.cost && l.co2 <= o.co2 && l.trips <= o.trips; });
  bag.push_back(l);
  return true;
}

}  // namespace

std::uint32_t TimeExpandedGraph::add_node(Instant t, Kind k, std::uint32_t stop, std::uint8_t code) {
  time_.push_back(t);
  kind_.push_back(k);
  stop_.push_back(stop);
  code_.push_back(code);
  capacity_.push_back(0);
  return static_cast<std::uint32_t>(time_.size() - 1);
}

TransferRule TimeExpandedGraph::rule(std::uint32_t stop, std::uint8_t arrive, std::uint8_t depart) const {
  return transfer_ ? transfer_(NodeId(stop), arrive, depart) : TransferRule{};
}

std::uint32_t TimeExpandedGraph::chain_of(std::uint32_t stop, std::uint8_t code) const {
  for (std::uint32_t c = chain_begin_[stop]; c < chain_begin_[stop + 1]; ++c)
    if (chains_[c].code == code) return c;
  return kNone;
}

std::uint32_t TimeExpandedGraph::first_w(std::uint32_t chain, Instant t) const {
  const auto& nodes = chains_[chain].nodes;
  const auto it = std::lower_bound(nodes.begin(), nodes.end(), t,
                                   [&](std::uint32_t w, Instant x) { return time_[w] < x; });
  return it == nodes.end() ? kNone : *it;
}

std::size_t TimeExpandedGraph::memory_bytes() const {
  std::size_t b = bytes(time_) + bytes(kind_) + bytes(stop_) + bytes(code_) + bytes(capacity_) + bytes(first_out_) +
                  bytes(head_) + bytes(attr_) + bytes(attrs_) + bytes(chain_begin_);
  for (const Chain& c : chains_) b += bytes(c.nodes) + sizeof(Chain);
  return b;
}

TimeExpandedGraph TimeExpandedGraph::build(const TimetableSpec& spec, bool with_criteria) {
  Diagnostics diags;
  for (const Service& s : spec.services) validate(s, spec.node_count, diags);
  diags.throw_if_any();

  TimeExpandedGraph g;
  g.transfer_ = spec.transfer;
  g.n_stops_ = spec.node_count;
  g.with_criteria_ = with_criteria;
  g.links_ = spec.links;
  g.links_from_.resize(spec.node_count);
  for (std::size_t i = 0; i < spec.links.size(); ++i) {
    const UntimedLink& l = spec.links[i];
    g.links_from_[l.from.get()].push_back(static_cast<std::uint32_t>(i));
    g.link_intensity_.push_back(l.factor.valid() && l.factor.get() < spec.intensity.size() ? spec.intensity[l.factor]
                                                                                            : GramsPerTonneKm(0.0));
  }
  struct Edge {
    std::uint32_t tail, head, attr;
  };
  std::vector<Edge> edges;
  const auto add_attr = [&](const Attr& a) {
    if (!with_criteria) return kNone;
    g.attrs_.push_back(a);
    return static_cast<std::uint32_t>(g.attrs_.size() - 1);
  };

  // 1. Arrival and on-board nodes of every trip; rides and stays.
  struct Departure {
    Instant key;  // latest drop-off
    std::uint32_t d_node;
    std::int32_t capacity;
    std::uint32_t board_attr;
  };
  std::map<std::pair<std::uint32_t, std::uint8_t>, std::vector<Departure>> departures;
  std::vector<std::uint32_t> arrivals;  // A nodes
  std::vector<Instant> starts;
  for (const Service& s : spec.services) {
    service_starts(s, spec.horizon_start, spec.horizon_start + spec.horizon_length, starts);
    if (starts.empty()) continue;
    const std::uint8_t code = s.carriage.code();
    const std::size_t n = s.calls.size();
    const GramsPerTonneKm intensity =
        s.factor.valid() && s.factor.get() < spec.intensity.size() ? spec.intensity[s.factor] : GramsPerTonneKm(0.0);
    // Each segment (call i-1 to i) carries its fare (service.h: call_fares); boarding is free.
    const std::vector<UsdCents> fare_teu = call_fares(s, false), fare_feu = call_fares(s, true);
    std::vector<std::uint32_t> ride_attr(n, kNone);
    for (std::size_t i = 1; i < n; ++i) {
      Attr a;
      a.km = s.calls[i].distance;
      a.intensity = intensity;
      a.cost_teu = fare_teu[i] - fare_teu[i - 1];
      a.cost_feu = fare_feu[i] - fare_feu[i - 1];
      ride_attr[i] = add_attr(a);
    }
    Attr board;
    board.trips = 1;
    board.capacity = s.capacity_teu;
    const std::uint32_t board_attr = add_attr(board);
    for (Instant x : starts) {
      std::uint32_t prev_d = kNone;
      for (std::size_t i = 0; i < n; ++i) {
        const Call& c = s.calls[i];
        const std::uint32_t stop = c.stop.get();
        std::uint32_t a = kNone;
        if (i > 0) {
          a = g.add_node(x + c.arrival, kA, stop, code);
          arrivals.push_back(a);
          edges.push_back({prev_d, a, ride_attr[i]});
        }
        if (i + 1 < n) {
          const Instant dep = x + c.departure;
          const std::uint32_t d = g.add_node(dep, kD, stop, code);
          if (a != kNone) edges.push_back({a, d, kNone});
          departures[{stop, code}].push_back({dep - s.cutoff, d, s.capacity_teu, board_attr});
          prev_d = d;
        }
      }
    }
  }

  // 2. Boarding chains per (stop, carriage).
  g.chain_begin_.assign(spec.node_count + 1, 0);
  for (auto& [key, list] : departures) {
    std::stable_sort(list.begin(), list.end(), [](const Departure& a, const Departure& b) { return a.key < b.key; });
    Chain c;
    c.stop = key.first;
    c.code = key.second;
    std::uint32_t prev = kNone;
    for (const Departure& d : list) {
      const std::uint32_t w = g.add_node(d.key, kW, key.first, key.second);
      g.capacity_[w] = d.capacity;
      if (prev != kNone) edges.push_back({prev, w, kNone});
      edges.push_back({w, d.d_node, d.board_attr});
      c.nodes.push_back(w);
      prev = w;
    }
    g.chains_.push_back(std::move(c));
    ++g.chain_begin_[key.first + 1];
  }
  for (std::size_t s = 0; s < spec.node_count; ++s) g.chain_begin_[s + 1] += g.chain_begin_[s];

  // 3. Transfers from arrivals (and from link arrivals) to boarding chains; links.
  std::unordered_map<std::uint64_t, std::uint32_t> rule_attr;  // (stop, arrive, depart) -> attr
  const auto transfer_attr = [&](std::uint32_t stop, std::uint8_t a, std::uint8_t d, const TransferRule& r) {
    if (!with_criteria) return kNone;
    const std::uint64_t key = (static_cast<std::uint64_t>(stop) << 16) | (static_cast<std::uint64_t>(a) << 8) | d;
    auto [it, fresh] = rule_attr.try_emplace(key, kNone);
    if (fresh) {
      Attr at;
      at.cost_teu = r.cost_teu;
      at.cost_feu = r.cost_feu;
      at.hub_kg_per_t = r.hub_kg_co2e_per_t;
      it->second = add_attr(at);
    }
    return it->second;
  };
  const auto to_chains = [&](std::uint32_t node) {
    const std::uint32_t stop = g.stop_[node];
    for (std::uint32_t c = g.chain_begin_[stop]; c < g.chain_begin_[stop + 1]; ++c) {
      const TransferRule r = g.rule(stop, g.code_[node], g.chains_[c].code);
      if (!r.allowed) continue;
      const std::uint32_t w = g.first_w(c, g.time_[node] + r.duration);
      if (w != kNone) edges.push_back({node, w, transfer_attr(stop, g.code_[node], g.chains_[c].code, r)});
    }
  };
  for (std::uint32_t a : arrivals) {
    to_chains(a);
    for (std::uint32_t li : g.links_from_[g.stop_[a]]) {
      const UntimedLink& l = g.links_[li];
      const TransferRule r = g.rule(g.stop_[a], g.code_[a], l.carriage.code());
      if (!r.allowed) continue;
      const std::uint32_t f = g.add_node(g.time_[a] + r.duration + l.duration, kF, l.to.get(), l.carriage.code());
      Attr at;
      at.cost_teu = r.cost_teu + l.cost_teu;
      at.cost_feu = r.cost_feu + l.cost_feu;
      at.hub_kg_per_t = r.hub_kg_co2e_per_t;
      at.km = l.distance;
      at.intensity = g.link_intensity_[li];
      edges.push_back({a, f, add_attr(at)});
      to_chains(f);
    }
  }

  // 4. CSR.
  const std::size_t n_nodes = g.time_.size();
  g.first_out_.assign(n_nodes + 1, 0);
  for (const Edge& e : edges) ++g.first_out_[e.tail + 1];
  for (std::size_t i = 0; i < n_nodes; ++i) g.first_out_[i + 1] += g.first_out_[i];
  g.head_.resize(edges.size());
  if (with_criteria) g.attr_.resize(edges.size());
  std::vector<std::uint32_t> fill(g.first_out_.begin(), g.first_out_.end() - 1);
  for (const Edge& e : edges) {
    const std::uint32_t at = fill[e.tail]++;
    g.head_[at] = e.head;
    if (with_criteria) g.attr_[at] = e.attr;
  }
  return g;
}

std::vector<Instant> TimeExpandedGraph::earliest_arrival(NodeId origin, Instant ready, const Cargo& cargo,
                                                         NodeId target) const {
  std::vector<Instant> delivered(n_stops_, kInf);
  std::vector<std::uint8_t> reached(time_.size(), 0);
  using Item = std::pair<std::int32_t, std::uint32_t>;
  std::priority_queue<Item, std::vector<Item>, std::greater<>> heap;
  const auto reach = [&](std::uint32_t v) {
    if (v == kNone || reached[v]) return;
    reached[v] = 1;
    heap.push({time_[v].value(), v});
  };
  const auto hand_over = [&](std::uint32_t stop, std::uint8_t code, Instant t) {
    const TransferRule r = rule(stop, code, kCarriageEnd);
    if (r.allowed) delivered[stop] = std::min(delivered[stop], t + r.duration);
  };
  // Boxes at `stop` since `t`, arrived as `code`: every chain they can make.
  const auto board_from = [&](std::uint32_t stop, std::uint8_t code, Instant t) {
    for (std::uint32_t c = chain_begin_[stop]; c < chain_begin_[stop + 1]; ++c) {
      const TransferRule r = rule(stop, code, chains_[c].code);
      if (r.allowed) reach(first_w(c, t + r.duration));
    }
  };
  const std::uint32_t o = origin.get();
  hand_over(o, kCarriageStart, ready);
  board_from(o, kCarriageStart, ready);
  for (std::uint32_t li : links_from_[o]) {
    const UntimedLink& l = links_[li];
    const TransferRule r = rule(o, kCarriageStart, l.carriage.code());
    if (!r.allowed) continue;
    const Instant t = ready + r.duration + l.duration;
    hand_over(l.to.get(), l.carriage.code(), t);
    board_from(l.to.get(), l.carriage.code(), t);
  }
  while (!heap.empty()) {
    const auto [t, u] = heap.top();
    heap.pop();
    if (target.valid() && t >= delivered[target.get()].value()) break;
    if (kind_[u] == kA || kind_[u] == kF) hand_over(stop_[u], code_[u], time_[u]);
    for (std::uint32_t e = first_out_[u]; e < first_out_[u + 1]; ++e) {
      const std::uint32_t v = head_[e];
      if (kind_[u] == kW && kind_[v] == kD && !cargo.fits(capacity_[u])) continue;
      reach(v);
    }
  }
  return delivered;
}

std::vector<Criteria> TimeExpandedGraph::pareto(NodeId origin, Instant ready, const Cargo& cargo, NodeId target,
                                                std::int32_t max_trips, Minutes max_travel) const {
  if (!with_criteria_) throw Error("time-expanded graph built without criteria: no Pareto search");
  const Instant limit = ready + max_travel;
  std::vector<Criteria> found;
  std::unordered_map<std::uint32_t, std::vector<Label>> bags;
  using Key = std::tuple<std::int32_t, std::uint8_t, std::uint32_t>;  // (time, kind, node): a topological order
  std::priority_queue<Key, std::vector<Key>, std::greater<>> heap;
  const auto offer = [&](std::uint32_t v, const Label& l) {
    if (v == kNone || l.trips > max_trips) return;
    auto [it, fresh] = bags.try_emplace(v);
    if (merge(it->second, l) && fresh) heap.push({time_[v].value(), kind_[v], v});
  };
  const auto rule_label = [&](const Label& l, const TransferRule& r) {
    return Label{l.cost + cargo.price(r.cost_teu, r.cost_feu).value(), l.co2 + cargo.hub(r.hub_kg_co2e_per_t).value(),
                 l.trips};
  };
  const auto hand_over = [&](std::uint32_t stop, std::uint8_t code, Instant t, const Label& l) {
    if (stop != target.get()) return;
    const TransferRule r = rule(stop, code, kCarriageEnd);
    if (!r.allowed) return;
    const Label x = rule_label(l, r);
    found.push_back({t + r.duration, UsdCents(x.cost), GramsCo2e(x.co2), x.trips});
  };
  const auto board_from = [&](std::uint32_t stop, std::uint8_t code, Instant t, const Label& l) {
    for (std::uint32_t c = chain_begin_[stop]; c < chain_begin_[stop + 1]; ++c) {
      const TransferRule r = rule(stop, code, chains_[c].code);
      if (r.allowed) offer(first_w(c, t + r.duration), rule_label(l, r));
    }
  };
  const std::uint32_t o = origin.get();
  const Label zero{0, 0, 0};
  hand_over(o, kCarriageStart, ready, zero);
  board_from(o, kCarriageStart, ready, zero);
  for (std::uint32_t li : links_from_[o]) {
    const UntimedLink& l = links_[li];
    const TransferRule r = rule(o, kCarriageStart, l.carriage.code());
    if (!r.allowed) continue;
    const Instant t = ready + r.duration + l.duration;
    if (t > limit) continue;
    Label x = rule_label(zero, r);
    x.cost += cargo.price(l.cost_teu, l.cost_feu).value();
    x.co2 += cargo.transport(l.distance, link_intensity_[li]).value();
    hand_over(l.to.get(), l.carriage.code(), t, x);
    board_from(l.to.get(), l.carriage.code(), t, x);
  }
  while (!heap.empty()) {
    const std::uint32_t u = std::get<2>(heap.top());
    heap.pop();
    const std::vector<Label> bag = std::move(bags[u]);
    bags.erase(u);
    if ((kind_[u] == kA || kind_[u] == kF) && time_[u] > limit) continue;
    if (kind_[u] == kA || kind_[u] == kF)
      for (const Label& l : bag) hand_over(stop_[u], code_[u], time_[u], l);
    for (std::uint32_t e = first_out_[u]; e < first_out_[u + 1]; ++e) {
      const std::uint32_t v = head_[e];
      if (attr_[e] == kNone) {
        for (const Label& l : bag) offer(v, l);
        continue;
      }
      const Attr& a = attrs_[attr_[e]];
      if (a.trips > 0 && !cargo.fits(a.capacity)) continue;
      for (const Label& l : bag) {
        offer(v, Label{l.cost + cargo.price(a.cost_teu, a.cost_feu).value(),
                       l.co2 + cargo.transport(a.km, a.intensity).value() + cargo.hub(a.hub_kg_per_t).value(),
                       l.trips + a.trips});
      }
    }
  }
  // Pareto filter over (arrival, cost, co2, trips), distinct vectors.
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  std::vector<Criteria> out;
  for (const Criteria& c : found) {
    bool dominated = false;
    for (const Criteria& o2 : found)
      if (!(o2 == c) && o2.arrival <= c.arrival && o2.cost <= c.cost && o2.co2e <= c.co2e && o2.trips <= c.trips) {
        dominated = true;
        break;
      }
    if (!dominated) out.push_back(c);
  }
  return out;
}

}  // namespace landbridge::timetable
