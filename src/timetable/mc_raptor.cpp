#include "landbridge/timetable/mc_raptor.h"

#include <algorithm>
#include <bit>
#include <limits>
#include <tuple>

#include "landbridge/core/error.h"

namespace landbridge::timetable {
namespace {

constexpr std::uint32_t kNoPos = std::numeric_limits<std::uint32_t>::max();
constexpr std::uint32_t kSeed = std::numeric_limits<std::uint32_t>::max();

// Moving from stop u to stop v: adds u's region to the regions left when v lies in another one;
// false when v's region was left before (the journey would re-enter it).
bool move_regions(const Timetable& tt, std::uint64_t& left, NodeId u, NodeId v) {
  const std::uint64_t ru = tt.stop_region(u), rv = tt.stop_region(v);
  if (ru == rv) return true;
  left |= ru;
  return (left & rv) == 0;
}

// Whether a journey keeps the region rule (for the earliest-arrival seeds, found without it).
bool keeps_regions(const Timetable& tt, const Journey& j) {
  std::uint64_t left = 0;
  for (const Step& s : j.steps) {
    if (s.kind == StepKind::ride) {
      const auto stops = tt.route_stops(tt.trip_route(s.trip));
      for (std::uint32_t p = s.board_pos + 1; p <= s.alight_pos; ++p)
        if (!move_regions(tt, left, stops[p - 1], stops[p])) return false;
    } else if (s.kind == StepKind::link) {
      if (!move_regions(tt, left, s.from, s.to)) return false;
    }
  }
  return true;
}
constexpr std::uint8_t kOrigin = 0, kTrip = 1, kLink = 2;

std::int32_t add_sat(std::int64_t a, std::int64_t b) {
  const std::int64_t v = a + b;
  return v >= std::numeric_limits<std::int32_t>::max() ? std::numeric_limits<std::int32_t>::max()
                                                       : static_cast<std::int32_t>(v);
}

}  // namespace

constexpr std::int64_t kUnreachable = std::numeric_limits<std::int64_t>::max() / 4;
constexpr std::int32_t kNoTransfer = std::numeric_limits<std::int32_t>::max();
constexpr std::uint32_t kNoGroup = std::numeric_limits<std::uint32_t>::max();
constexpr std::size_t kTripsW = 0, kTimeW = 1, kCostW = 2, kCo2W = 3;  // bound weight sets

McRaptor::McRaptor(const Timetable& tt)
    : tt_(tt),
      ea_(tt),
      bags_(tt.slot_count()),
      prev_by_slot_(tt.slot_count()),
      stop_marked_(tt.stop_count(), 0),
      route_pos_(tt.route_count(), kNoPos) {
  build_bound_graph();
}

void McRaptor::RadixHeap::clear() {
  for (auto& b : buckets_) b.clear();
  last_ = 0;
  size_ = 0;
}

namespace {
std::size_t radix_bucket(std::uint64_t key, std::uint64_t last) {
  return key == last ? 0 : static_cast<std::size_t>(64 - std::countl_zero(key ^ last));
}
}  // namespace

void McRaptor::RadixHeap::push(std::uint64_t key, std::uint32_t value) {
  buckets_[radix_bucket(key, last_)].push_back({key, value});
  ++size_;
}

std::pair<std::uint64_t, std::uint32_t> McRaptor::RadixHeap::pop() {
  if (buckets_[0].empty()) {
    std::size_t i = 1;
    while (buckets_[i].empty()) ++i;
    auto& b = buckets_[i];
    std::uint64_t m = b.front().first;
    for (const auto& e : b) m = std::min(m, e.first);
    last_ = m;
    for (const auto& e : b) buckets_[radix_bucket(e.first, last_)].push_back(e);
    b.clear();
  }
  const auto e = buckets_[0].back();
  buckets_[0].pop_back();
  --size_;
  return e;
}

void McRaptor::build_bound_graph() {
  const std::size_t n_stops = tt_.stop_count();
  const std::size_t n_rs = tt_.route_stop_count();
  min_ride_.assign(n_rs, 0);
  rs_stop_.assign(n_rs, NodeId::invalid());
  rs_route_.assign(n_rs, 0);
  rs_group_.assign(n_rs, kNoGroup);
  std::vector<std::uint32_t> alight_count(n_stops + 1, 0);
  for (std::uint32_t ri = 0; ri < tt_.route_count(); ++ri) {
    const RouteId r(ri);
    const auto stops = tt_.route_stops(r);
    const auto n = static_cast<std::uint32_t>(stops.size());
    for (std::uint32_t pos = 0; pos < n; ++pos) {
      const std::uint32_t rs = tt_.route_stop_index(r, pos);
      rs_stop_[rs] = stops[pos];
      rs_route_[rs] = ri;
      if (pos > 0) {
        std::int64_t ride = std::numeric_limits<std::int32_t>::max();
        for (std::uint32_t j = 0; j < tt_.route_trip_count(r); ++j)
          ride = std::min<std::int64_t>(ride, (tt_.arrival(r, j, pos) - tt_.departure(r, j, pos - 1)).value());
        min_ride_[rs] = ride;
        ++alight_count[stops[pos].get() + 1];
      }
      if (pos + 1 < n) rs_group_[rs] = tt_.board_group(r, pos).get();
    }
  }
  // Per stop: the route positions (after the first) where a box may alight there, with the
  // route-stop index of the route's first stop, so that a backward search walks the route.
  alight_begin_.assign(n_stops + 1, 0);
  for (std::size_t i = 0; i < n_stops; ++i) alight_begin_[i + 1] = alight_begin_[i] + alight_count[i + 1];
  alight_.resize(alight_begin_.back());
  std::vector<std::uint32_t> fill(alight_begin_.begin(), alight_begin_.end() - 1);
  for (std::uint32_t ri = 0; ri < tt_.route_count(); ++ri) {
    const RouteId r(ri);
    const auto stops = tt_.route_stops(r);
    const std::uint32_t first = tt_.route_stop_index(r, 0);
    for (std::uint32_t pos = 1; pos < stops.size(); ++pos) alight_[fill[stops[pos].get()]++] = {first + pos, first};
  }
  // Per stop: the untimed links that arrive there.
  link_in_begin_.assign(n_stops + 1, 0);
  for (std::uint32_t li = 0; li < tt_.link_count(); ++li) ++link_in_begin_[tt_.link(UntimedLinkId(li)).to.get() + 1];
  for (std::size_t i = 0; i < n_stops; ++i) link_in_begin_[i + 1] += link_in_begin_[i];
  link_in_.resize(tt_.link_count());
  fill.assign(link_in_begin_.begin(), link_in_begin_.end() - 1);
  for (std::uint32_t li = 0; li < tt_.link_count(); ++li) link_in_[fill[tt_.link(UntimedLinkId(li)).to.get()]++] = li;

  bound_.resize(n_stops + n_rs);
  group_min_time_.assign(tt_.group_count(), 0);
  for (std::uint32_t g = 0; g < tt_.group_count(); ++g) {
    std::int32_t m = std::numeric_limits<std::int32_t>::max();
    for (const GroupEntry& e : tt_.group(GroupId(g))) m = std::min(m, e.duration.value());
    group_min_time_[g] = m;  // max(): nothing can board here
  }
}

// Backward Dijkstra from the target over stops, with a monotone radix heap. Route positions
// never enter the heap: when a stop is settled, each route that alights there is walked
// backwards from that position, adding ride weights, until a position already holds a value
// as good (it was walked from a stop settled earlier, and so were the positions before it);
// each position improved offers its boarding weight to its stop. Weights are >= 0, so the
// result is the exact shortest distance on the bound graph: bound_[i].*field for stops
// [0, N) and route positions N + route-stop index. `ride`: per route-stop, the weight of the
// ride from the previous stop (nullptr: 0); board_w_[weights]: per route-stop, the boarding
// weight (< 0: cannot board); link_w_[weights]: per link (< 0: unusable).
void McRaptor::backward_search(std::int64_t Bound::*field, const std::int64_t* ride, std::size_t weights) {
  const std::int64_t* board_w = board_w_[weights].data();
  const std::int64_t* link_w = link_w_[weights].data();
  const std::size_t n_stops = tt_.stop_count();
  for (Bound& b : bound_) b.*field = kUnreachable;
  const auto dist = [&](std::size_t i) -> std::int64_t& { return bound_[i].*field; };
  const auto node = [&](std::size_t rs) -> std::int64_t& { return bound_[n_stops + rs].*field; };
  heap_.clear();
  dist(q_.target.get()) = 0;
  heap_.push(0, q_.target.get());
  const auto relax = [&](std::uint32_t stop, std::int64_t nd) {
    if (nd < dist(stop)) {
      dist(stop) = nd;
      heap_.push(static_cast<std::uint64_t>(nd), stop);
    }
  };
  while (!heap_.empty()) {
    const auto [key, v] = heap_.pop();
    const auto d = static_cast<std::int64_t>(key);
    if (d > dist(v)) continue;
    for (std::uint32_t i = link_in_begin_[v]; i < link_in_begin_[v + 1]; ++i) {
      const std::uint32_t l = link_in_[i];
      if (link_w[l] >= 0) relax(tt_.link(UntimedLinkId(l)).from.get(), d + link_w[l]);
    }
    for (std::uint32_t i = alight_begin_[v]; i < alight_begin_[v + 1]; ++i) {
      const auto [rs, first] = alight_[i];
      if (d >= node(rs)) continue;
      node(rs) = d;
      std::int64_t x = d;
      for (std::uint32_t q = rs; q-- > first;) {
        x += ride == nullptr ? 0 : ride[q + 1];
        if (x >= node(q)) break;
        node(q) = x;
        if (board_w[q] >= 0) relax(rs_stop_[q].get(), x + board_w[q]);
      }
    }
  }
}

// Lower bounds to the target, one backward search per criterion.
void McRaptor::price_bound_weights() {
  const Cargo& cargo = q_.cargo;
  const std::size_t n_rs = tt_.route_stop_count();
  const auto boardable = [&](std::uint32_t rs) {
    return rs_group_[rs] != kNoGroup && route_fits_[rs_route_[rs]] != 0 && group_min_time_[rs_group_[rs]] != kNoTransfer;
  };
  for (auto& w : board_w_) w.resize(n_rs);
  for (auto& w : link_w_) w.resize(tt_.link_count());
  for (std::uint32_t rs = 0; rs < n_rs; ++rs) {
    if (!boardable(rs)) {
      for (auto& w : board_w_) w[rs] = -1;
      continue;
    }
    const std::uint32_t g = rs_group_[rs], r = rs_route_[rs];
    board_w_[kTripsW][rs] = 1;  // boarding is one trip
    board_w_[kTimeW][rs] = group_min_time_[g] + tt_.route_cutoff(RouteId(r)).value();
    board_w_[kCostW][rs] = group_min_cost_[g];  // fares are paid per segment ridden (seg_price_)
    board_w_[kCo2W][rs] = group_min_co2_[g];
  }
  for (std::uint32_t l = 0; l < tt_.link_count(); ++l) {
    const UntimedLinkId id(l);
    const UntimedLink& link = tt_.link(id);
    const std::uint32_t g = tt_.link_group(id).get();
    if (group_min_time_[g] == kNoTransfer) {
      for (auto& w : link_w_) w[l] = -1;
      continue;
    }
    link_w_[kTripsW][l] = 0;
    link_w_[kTimeW][l] = group_min_time_[g] + link.duration.value();
    link_w_[kCostW][l] = group_min_cost_[g] + cargo.price(link.cost_teu, link.cost_feu).value();
    link_w_[kCo2W][l] = group_min_co2_[g] + cargo.transport(link.distance, tt_.link_intensity(id)).value();
  }
}

// Lower bounds to the target, one backward search per criterion.
void McRaptor::compute_bounds() {
  backward_search(&Bound::trips, nullptr, kTripsW);
  backward_search(&Bound::time, min_ride_.data(), kTimeW);
  backward_search(&Bound::cost, seg_price_.data(), kCostW);
  backward_search(&Bound::co2, seg_co2_.data(), kCo2W);
}

bool McRaptor::pruned(std::uint32_t node, std::int32_t arr, std::int64_t cost, std::int64_t co2,
                      std::uint8_t round) const {
  const Bound& b = bound_[node];
  if (b.trips >= kUnreachable) return true;  // the target cannot be reached from here
  const std::int64_t t = arr + b.time;
  if (t > limit_.value()) return true;  // it would arrive after the travel limit
  const std::int64_t k = round + b.trips;
  if (k > q_.max_trips) return true;  // it would need more trips than allowed
  return target_covers(t, cost + b.cost, co2 + b.co2, k);
}

void McRaptor::index_target() {
  const std::size_t n = target_.size();
  target_arr_.resize(n);
  target_min_.resize(n);
  TargetMin m{std::numeric_limits<std::int64_t>::max(), std::numeric_limits<std::int64_t>::max(),
              std::numeric_limits<std::int64_t>::max()};
  for (std::size_t i = 0; i < n; ++i) {
    const TargetLabel& x = target_[i];
    target_arr_[i] = x.arr;
    m = {std::min(m.cost, x.cost), std::min(m.co2, x.co2), std::min<std::int64_t>(m.trips, x.trips)};
    target_min_[i] = m;
  }
}

bool McRaptor::target_covers(std::int64_t arr, std::int64_t cost, std::int64_t co2, std::int64_t trips) const {
  // Only entries arriving no later can cover; if even their per-criterion minima do not reach
  // the label, none of them does (the common case for labels that survive).
  const auto n = static_cast<std::size_t>(std::upper_bound(target_arr_.begin(), target_arr_.end(), arr) - target_arr_.begin());
  if (n == 0) return false;
  const TargetMin& m = target_min_[n - 1];
  if (m.cost > cost || m.co2 > co2 || m.trips > trips) return false;
  for (std::size_t i = 0; i < n; ++i) {
    const TargetLabel& x = target_[i];
    if (x.trips <= trips && x.cost <= cost && x.co2 <= co2) {
      if (x.strict && x.arr == arr && x.cost == cost && x.co2 == co2 && x.trips == trips) continue;
      return true;
    }
  }
  return false;
}

void McRaptor::prepare(const Query& q) {
  if (!q.origin.valid() || q.origin.get() >= tt_.stop_count())
    throw Error("Pareto query: unknown origin stop " + std::to_string(q.origin.get()));
  if (!q.target.valid() || q.target.get() >= tt_.stop_count())
    throw Error("Pareto query: a known target stop is required");
  if (q.max_trips < 0 || q.max_trips > kMaxTrips)
    throw Error("Pareto query: max_trips " + std::to_string(q.max_trips) + " outside [0, " + std::to_string(kMaxTrips) +
                "]");
  if (q.max_travel.value() < 0) throw Error("Pareto query: max_travel must be >= 0");
  check_closed_trips(tt_, q);
  q_ = q;
  stats_ = {};
  target_.clear();
  index_target();
  const Cargo& c = q.cargo;
  if (priced_ && c.teu == priced_cargo_.teu && c.feu == priced_cargo_.feu &&
      c.mass_per_teu.value() == priced_cargo_.mass_per_teu.value() &&
      c.mass_per_feu.value() == priced_cargo_.mass_per_feu.value()) {
    compute_bounds();  // prices, emissions and bound weights as for the previous query
    return;
  }
  priced_ = false;
  // Transfer costs and hub emissions depend on the cargo only: price them once per cargo.
  const std::size_t n_rules = tt_.rule_count();
  rule_cost_.resize(n_rules);
  rule_co2_.resize(n_rules);
  for (std::size_t i = 0; i < n_rules; ++i) {
    const TransferRule& r = tt_.rule(RuleId::from(i));
    rule_cost_[i] = q.cargo.price(r.cost_teu, r.cost_feu).value();
    rule_co2_[i] = q.cargo.hub(r.hub_kg_co2e_per_t).value();
  }
  // Ride emissions and prices depend on the cargo only: once per cargo as well.
  seg_co2_.resize(tt_.route_stop_count());
  seg_price_.resize(tt_.route_stop_count());
  route_fits_.resize(tt_.route_count());
  for (std::uint32_t ri = 0; ri < tt_.route_count(); ++ri) {
    const RouteId r(ri);
    route_fits_[ri] = q.cargo.fits(tt_.route_capacity_teu(r)) ? 1 : 0;
    const GramsPerTonneKm intensity = tt_.route_intensity(r);
    const auto n = static_cast<std::uint32_t>(tt_.route_stops(r).size());
    for (std::uint32_t pos = 0; pos < n; ++pos) {
      const std::uint32_t rs = tt_.route_stop_index(r, pos);
      seg_co2_[rs] = pos == 0 ? 0 : q.cargo.transport(tt_.segment_km(r, pos), intensity).value();
      seg_price_[rs] = pos == 0 ? 0 : q.cargo.price(tt_.ride_price_teu(r, pos - 1, pos), tt_.ride_price_feu(r, pos - 1, pos)).value();
    }
  }
  group_min_cost_.assign(tt_.group_count(), 0);
  group_min_co2_.assign(tt_.group_count(), 0);
  for (std::uint32_t g = 0; g < tt_.group_count(); ++g) {
    std::int64_t mc = std::numeric_limits<std::int64_t>::max(), me = std::numeric_limits<std::int64_t>::max();
    for (const GroupEntry& e : tt_.group(GroupId(g))) {
      mc = std::min(mc, rule_cost_[e.rule.get()]);
      me = std::min(me, rule_co2_[e.rule.get()]);
    }
    group_min_cost_[g] = tt_.group(GroupId(g)).empty() ? 0 : mc;
    group_min_co2_[g] = tt_.group(GroupId(g)).empty() ? 0 : me;
  }
  price_bound_weights();
  priced_ = true;
  priced_cargo_ = c;
  compute_bounds();
}

void McRaptor::clear_bags() {
  for (SlotId s : bags_touched_) bags_[s.get()].clear();
  bags_touched_.clear();
}

bool McRaptor::insert(const Label& l, bool bounded) {
  const std::int32_t arr = l.arr.value();
  // Bags are sorted by arrival: only entries that arrive no later can dominate the label,
  // only entries that arrive no earlier can be dominated by it.
  std::vector<BagEntry>& bag = bags_[l.slot.get()];
  const auto split = std::upper_bound(bag.begin(), bag.end(), arr,
                                      [](std::int32_t a, const BagEntry& e) { return a < e.arr; });
  for (auto it = bag.begin(); it != split; ++it)
    if (it->cost <= l.cost && it->co2 <= l.co2 && (it->left & ~l.left) == 0) return false;
  if (!bounded && pruned(tt_.slot_stop(l.slot).get(), arr, l.cost, l.co2, l.round)) return false;
  // Entries of equal arrival lie just before `split`; later ones after it.
  auto first = split;
  while (first != bag.begin() && (first - 1)->arr == arr) --first;
  const auto evicts = [&](const BagEntry& e) { return l.cost <= e.cost && l.co2 <= e.co2 && (l.left & ~e.left) == 0; };
  if (bag.size() >= max_bag_ &&
      bag.size() - static_cast<std::size_t>(std::count_if(first, bag.end(), evicts)) >= max_bag_) {
    stats_.capped = true;  // a full bag keeps what came first
    return false;
  }
  const auto id = static_cast<std::uint32_t>(labels_.size());
  labels_.push_back(l);
  ++stats_.labels;
  if (bag.empty()) bags_touched_.push_back(l.slot);
  auto out = first;
  for (auto it = first; it != bag.end(); ++it) {
    if (evicts(*it)) {
      labels_[it->label].alive = false;
    } else {
      *out++ = *it;
    }
  }
  const auto kept_equal = static_cast<std::size_t>(std::count_if(first, out, [&](const BagEntry& e) { return e.arr == arr; }));
  bag.erase(out, bag.end());
  bag.insert(first + static_cast<std::ptrdiff_t>(kept_equal), {arr, l.cost, l.co2, id, l.round, l.left});

  if (tt_.slot_stop(l.slot) == q_.target) {
    const RuleId end = tt_.end_rule(l.slot);
    if (end.valid()) {
      const TargetLabel t{add_sat(arr, tt_.rule(end).duration.value()), l.cost + rule_cost_[end.get()],
                          l.co2 + rule_co2_[end.get()], id, l.round};
      const auto replaced = [&](const TargetLabel& o) {
        return o.label != kSeed && o.trips == t.trips && t.arr <= o.arr && t.cost <= o.cost && t.co2 <= o.co2;
      };
      const auto found = [&] {
        return static_cast<std::size_t>(std::count_if(target_.begin(), target_.end(), [](const TargetLabel& o) {
          return o.label != kSeed;
        }));
      };
      if (!target_covers(t.arr, t.cost, t.co2, t.trips) && target_.size() >= max_bag_ &&
          found() - static_cast<std::size_t>(std::count_if(target_.begin(), target_.end(), replaced)) >= max_bag_) {
        stats_.capped = true;  // the result is full: first come, first kept
      } else if (!target_covers(t.arr, t.cost, t.co2, t.trips)) {
        std::erase_if(target_, replaced);
        // Kept sorted by arrival, so that pruning can stop at the first later arrival.
        target_.insert(std::upper_bound(target_.begin(), target_.end(), t,
                                        [](const TargetLabel& a, const TargetLabel& b) { return a.arr < b.arr; }),
                       t);
        index_target();
      }
    }
  }
  return true;
}

void McRaptor::relax_links(std::uint8_t k, std::uint32_t begin, std::uint32_t end) {
  for (std::uint32_t id = begin; id < end; ++id) {
    const Label from = labels_[id];
    if (!from.alive || tt_.slot_by_link(from.slot)) continue;
    for (UntimedLinkId l : tt_.links_from(tt_.slot_stop(from.slot))) {
      const RuleId r = tt_.find_rule(tt_.link_group(l), from.slot);
      if (!r.valid()) continue;
      const UntimedLink& link = tt_.link(l);
      Label c;
      c.left = from.left;
      if (!move_regions(tt_, c.left, link.from, link.to)) continue;
      c.arr = Instant(add_sat(add_sat(from.arr.value(), tt_.rule(r).duration.value()), link.duration.value()));
      c.cost = from.cost + rule_cost_[r.get()] + q_.cargo.price(link.cost_teu, link.cost_feu).value();
      c.co2 = from.co2 + rule_co2_[r.get()] + q_.cargo.transport(link.distance, tt_.link_intensity(l)).value();
      c.parent = id;
      c.slot = tt_.link_slot(l);
      c.id = l.get();
      c.round = k;
      c.kind = kLink;
      insert(c);
    }
  }
}

void McRaptor::scan_routes(std::uint8_t k, std::uint32_t prev_begin, std::uint32_t prev_end) {
  // Snapshot the labels of round k-1 per slot (insertions of round k may evict them from the
  // bags, but a box with fewer trips may still board from them), mark stops and routes.
  for (SlotId s : prev_touched_) prev_by_slot_[s.get()].clear();
  prev_touched_.clear();
  for (NodeId n : stops_touched_) stop_marked_[n.get()] = 0;
  stops_touched_.clear();
  for (std::uint32_t id = prev_begin; id < prev_end; ++id) {
    const Label& l = labels_[id];
    if (!l.alive) continue;
    auto& list = prev_by_slot_[l.slot.get()];
    if (list.empty()) prev_touched_.push_back(l.slot);
    list.push_back({l.arr.value(), id, l.cost, l.co2, l.left});
    const NodeId n = tt_.slot_stop(l.slot);
    if (stop_marked_[n.get()]) continue;
    stop_marked_[n.get()] = 1;
    stops_touched_.push_back(n);
    for (const RouteStop& rs : tt_.routes_at(n)) {
      if (!q_.cargo.fits(tt_.route_capacity_teu(rs.route))) continue;
      std::uint32_t& pos = route_pos_[rs.route.get()];
      if (pos == kNoPos) routes_marked_.push_back(rs.route);
      pos = std::min(pos, rs.pos);
    }
  }
  stats_.routes_scanned += static_cast<std::int64_t>(routes_marked_.size());

  for (RouteId r : routes_marked_) {
    const std::uint32_t first = route_pos_[r.get()];
    route_pos_[r.get()] = kNoPos;
    const auto stops = tt_.route_stops(r);
    const auto n = static_cast<std::uint32_t>(stops.size());
    const std::int32_t cutoff = tt_.route_cutoff(r).value();
    const std::int64_t* seg_co2 = seg_co2_.data() + tt_.route_stop_index(r, 0);
    const std::int64_t* seg_price = seg_price_.data() + tt_.route_stop_index(r, 0);
    const std::uint32_t first_trip = tt_.route_first_trip(r).get();
    const std::uint32_t n_trips = tt_.route_trip_count(r);
    route_bag_.clear();
    for (std::uint32_t pos = first; pos < n; ++pos) {
      if (!route_bag_.empty()) {
        const std::int64_t seg = seg_co2[pos];
        const std::int64_t fare = seg_price[pos];
        const SlotId slot = tt_.alight_slot(r, pos);
        const auto on_board = static_cast<std::uint32_t>(tt_.stop_count() + tt_.route_stop_index(r, pos));
        for (std::size_t i = 0; i < route_bag_.size();) {
          RouteLabel& rl = route_bag_[i];
          rl.co2 += seg;
          rl.cost += fare;
          const Instant arr = tt_.arrival(r, rl.trip, pos);
          // Neither alighting here nor riding on can beat what the target already has, or the
          // ride re-enters a region it has left: drop it.
          if (!move_regions(tt_, rl.left, stops[pos - 1], stops[pos]) ||
              pruned(on_board, arr.value(), rl.cost, rl.co2, k)) {
            rl = route_bag_.back();
            route_bag_.pop_back();
            continue;
          }
          ++i;
          Label c;
          c.arr = arr;
          c.cost = rl.cost;
          c.co2 = rl.co2;
          c.parent = rl.parent;
          c.slot = slot;
          c.id = first_trip + rl.trip;
          c.board = rl.board;
          c.alight = pos;
          c.round = k;
          c.kind = kTrip;
          c.left = rl.left;
          insert(c, /*bounded=*/true);
        }
      }
      if (pos + 1 == n || !stop_marked_[stops[pos].get()]) continue;
      const auto rs_node = static_cast<std::uint32_t>(tt_.stop_count() + tt_.route_stop_index(r, pos));
      // Labels of one bag arrive within days of each other: the trip found for one is a good
      // starting guess for the next.
      std::uint32_t hint = kNoPos;
      for (const GroupEntry& e : tt_.group(tt_.board_group(r, pos))) {
        for (const PrevEntry& b : prev_by_slot_[e.slot.get()]) {
          const std::uint32_t id = b.label;
          const std::int32_t need = add_sat(add_sat(b.arr, e.duration.value()), cutoff);
          std::uint32_t j = hint == kNoPos ? tt_.first_trip_departing(r, pos, Instant(need))
                                           : tt_.first_trip_departing(r, pos, Instant(need), hint);
          hint = j;
          // The first open trip (not sold out) dominates every later one of the route (FIFO).
          j = next_offered(tt_, q_, r, j);
          if (j >= n_trips) continue;
          const RouteLabel c{j, b.cost + rule_cost_[e.rule.get()], b.co2 + rule_co2_[e.rule.get()], id, pos,
                             b.left};
          bool dominated = false;
          for (const RouteLabel& o : route_bag_)
            if (o.trip <= c.trip && o.cost <= c.cost && o.co2 <= c.co2 && (o.left & ~c.left) == 0) {
              dominated = true;
              break;
            }
          if (dominated) continue;
          if (pruned(rs_node, tt_.departure(r, j, pos).value(), c.cost, c.co2, k)) continue;
          std::erase_if(route_bag_, [&](const RouteLabel& o) {
            return c.trip <= o.trip && c.cost <= o.cost && c.co2 <= o.co2 && (c.left & ~o.left) == 0;
          });
          route_bag_.push_back(c);
        }
      }
    }
  }
  routes_marked_.clear();
}

void McRaptor::search(Instant ready) {
  ready_ = ready;
  limit_ = Instant(add_sat(ready.value(), q_.max_travel.value()));
  labels_.clear();
  clear_bags();
  ++stats_.iterations;
  Label origin;
  origin.arr = ready;
  origin.slot = tt_.start_slot(q_.origin);
  origin.kind = kOrigin;
  insert(origin);
  relax_links(0, 0, static_cast<std::uint32_t>(labels_.size()));
  std::uint32_t prev_begin = 0, prev_end = static_cast<std::uint32_t>(labels_.size());
  for (std::int32_t k = 1; k <= q_.max_trips; ++k) {
    bool any = false;
    for (std::uint32_t id = prev_begin; id < prev_end && !any; ++id) any = labels_[id].alive;
    if (!any) break;
    stats_.rounds = std::max(stats_.rounds, k);
    scan_routes(static_cast<std::uint8_t>(k), prev_begin, prev_end);
    const auto mid = static_cast<std::uint32_t>(labels_.size());
    relax_links(static_cast<std::uint8_t>(k), prev_end, mid);
    prev_begin = prev_end;
    prev_end = static_cast<std::uint32_t>(labels_.size());
  }
  for (NodeId n : stops_touched_) stop_marked_[n.get()] = 0;
  stops_touched_.clear();
}

Journey McRaptor::reconstruct(const TargetLabel& t) const {
  std::vector<Move> moves;
  for (std::uint32_t id = t.label; labels_[id].kind != kOrigin; id = labels_[id].parent) {
    const Label& l = labels_[id];
    Move m;
    if (l.kind == kTrip) {
      m.trip = TripId(l.id);
      m.board_pos = l.board;
      m.alight_pos = l.alight;
    } else {
      m.is_link = true;
      m.link = UntimedLinkId(l.id);
    }
    moves.push_back(m);
  }
  std::reverse(moves.begin(), moves.end());
  Journey j = make_journey(tt_, q_.cargo, q_.origin, ready_, moves);
  if (j.arrival.value() != t.arr || j.cost.value() != t.cost || j.co2e.value() != t.co2 || j.trips != t.trips)
    throw Error("internal error: a Pareto journey from " + tt_.stop_name(q_.origin) +
                " does not reproduce its label (" + summarize(tt_, j) + ")");
  return j;
}

std::vector<Journey> McRaptor::collect() const {
  std::vector<Journey> out;
  for (const TargetLabel& t : target_)
    if (t.label != kSeed) out.push_back(reconstruct(t));
  return out;
}

namespace {
bool journey_less(const Journey& a, const Journey& b) {
  return std::tie(a.arrival, a.cost, a.co2e, a.trips) < std::tie(b.arrival, b.cost, b.co2e, b.trips);
}
}  // namespace

std::vector<Journey> McRaptor::run(const Query& q) {
  prepare(q);
  // The earliest-arrival seeds come from a search pruned by the time bounds just computed.
  stop_time_bound_.resize(tt_.stop_count());
  for (std::size_t i = 0; i < stop_time_bound_.size(); ++i)
    stop_time_bound_[i] = bound_[i].trips >= kUnreachable
                              ? std::numeric_limits<std::int32_t>::max()
                              : static_cast<std::int32_t>(std::min<std::int64_t>(bound_[i].time, std::numeric_limits<std::int32_t>::max()));
  ea_.run(q, stop_time_bound_);
  for (const Journey& j : ea_.journeys()) {
    if (tt_.has_regions() && !keeps_regions(tt_, j)) continue;
    const TargetLabel seed{j.arrival.value(), j.cost.value(), j.co2e.value(), kSeed,
                           static_cast<std::uint8_t>(j.trips), true};
    target_.insert(std::upper_bound(target_.begin(), target_.end(), seed,
                                    [](const TargetLabel& a, const TargetLabel& b) { return a.arr < b.arr; }),
                   seed);
  }
  index_target();
  search(q.ready);
  std::vector<Journey> out = collect();
  std::sort(out.begin(), out.end(), journey_less);
  return out;
}

std::vector<Journey> McRaptor::range(const Query& q, Instant window_end) {
  prepare(q);
  std::vector<Journey> found;
  for (Instant tau : departure_candidates(tt_, q, window_end)) {
    if (found.size() >= max_bag_) {  // latest departures first: the earlier ones are cut
      stats_.capped = true;
      break;
    }
    search(tau);
    for (Journey& j : collect()) {
      // Journeys without a ride fit any departure: keep those found for the window's end.
      if (j.trips == 0 && tau != window_end) continue;
      j.departure = std::min(j.departure, window_end);
      found.push_back(std::move(j));
    }
    // Journeys found for later departures prune every earlier one they match or beat.
    for (TargetLabel& t : target_) t.label = kSeed;
  }
  if (found.size() > max_bag_) {  // the last search found more than room was left for
    found.resize(max_bag_);
    stats_.capped = true;
  }
  const auto dominates = [](const Journey& a, const Journey& b) {
    return a.departure >= b.departure && a.arrival <= b.arrival && a.cost <= b.cost && a.co2e <= b.co2e &&
           a.trips <= b.trips;
  };
  std::vector<Journey> out;
  for (std::size_t i = 0; i < found.size(); ++i) {
    bool dominated = false;
    for (std::size_t j = 0; j < found.size() && !dominated; ++j) {
      if (i == j || !dominates(found[j], found[i])) continue;
      dominated = !dominates(found[i], found[j]) || j < i;  // equal criteria: keep the first
    }
    if (!dominated) out.push_back(std::move(found[i]));
  }
  std::sort(out.begin(), out.end(), [](const Journey& a, const Journey& b) {
    return a.departure != b.departure ? a.departure < b.departure : journey_less(a, b);
  });
  return out;
}

}  // namespace landbridge::timetable
