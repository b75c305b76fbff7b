#include "landbridge/timetable/raptor.h"

#include <algorithm>
#include <limits>

#include "landbridge/core/error.h"

namespace landbridge::timetable {
namespace {

constexpr Instant kInf = Instant::max();
constexpr std::uint32_t kNoPos = std::numeric_limits<std::uint32_t>::max();
constexpr std::uint8_t kOrigin = 0, kTrip = 1, kLink = 2;
constexpr std::uint8_t kFar = 255;  // trips_needed_: more than any budget (or unreachable)

Instant add_sat(Instant a, Minutes b) {
  const std::int64_t v = static_cast<std::int64_t>(a.value()) + b.value();
  return v >= kInf.value() ? kInf : Instant(static_cast<std::int32_t>(v));
}

}  // namespace

Raptor::Raptor(const Timetable& tt)
    : tt_(tt),
      n_slots_(tt.slot_count()),
      slot_marked_(tt.slot_count(), 0),
      stop_marked_(tt.stop_count(), 0),
      route_pos_(tt.route_count(), kNoPos),
      route_hint_(tt.route_count(), 0) {
  marked_.reserve(n_slots_);
  marked_prev_.reserve(n_slots_);
  routes_marked_.reserve(tt.route_count());
  // For the trip bounds: per stop, the route positions (after the first) that alight there,
  // and the untimed links that arrive there.
  const std::size_t n_stops = tt.stop_count();
  std::vector<std::pair<NodeId, AlightAt>> alight;
  rs_stop_.resize(tt.route_stop_count());
  for (std::uint32_t ri = 0; ri < tt.route_count(); ++ri) {
    const RouteId r(ri);
    const auto stops = tt.route_stops(r);
    const std::uint32_t first = tt.route_stop_index(r, 0);
    for (std::uint32_t pos = 0; pos < stops.size(); ++pos) {
      rs_stop_[first + pos] = stops[pos];
      if (pos > 0) alight.push_back({stops[pos], {first + pos, first}});
    }
  }
  alight_at_ = Csr<NodeId, AlightAt>::build(n_stops, alight);
  std::vector<std::pair<NodeId, NodeId>> links_in;
  for (std::uint32_t l = 0; l < tt.link_count(); ++l) links_in.push_back({tt.link(UntimedLinkId(l)).to, tt.link(UntimedLinkId(l)).from});
  links_in_ = Csr<NodeId, NodeId>::build(n_stops, links_in);
  trips_needed_.assign(n_stops, kFar);
  rs_seen_.assign(tt.route_stop_count(), 0);
}

// Fewest boardings from each stop to `target` (a lower bound: capacities, transfer rules and
// times are ignored), by breadth-first search backwards over stops: a stop at distance d
// reaches, through each route that alights there, every earlier position of that route, whose
// stop is then at most d + 1 away; untimed links cost nothing. Kept while the target stays.
void Raptor::compute_trips_needed(NodeId target) {
  if (trips_target_ == target) return;
  trips_target_ = target;
  std::fill(trips_needed_.begin(), trips_needed_.end(), kFar);
  std::fill(rs_seen_.begin(), rs_seen_.end(), 0);
  layer_.assign(1, target);
  trips_needed_[target.get()] = 0;
  for (std::uint8_t d = 0; !layer_.empty(); ++d) {
    next_layer_.clear();
    for (std::size_t i = 0; i < layer_.size(); ++i) {  // grows by links (0 trips)
      const NodeId v = layer_[i];
      if (trips_needed_[v.get()] != d) continue;  // queued for d, then found at d - 1 by a link
      for (NodeId from : links_in_[v])
        if (trips_needed_[from.get()] > d) {
          trips_needed_[from.get()] = d;
          layer_.push_back(from);
        }
      for (const AlightAt& a : alight_at_[v])
        for (std::uint32_t q = a.rs; q-- > a.first && !rs_seen_[q];) {
          rs_seen_[q] = 1;
          const NodeId u = rs_stop_[q];
          if (trips_needed_[u.get()] == kFar) {
            trips_needed_[u.get()] = static_cast<std::uint8_t>(d + 1);
            next_layer_.push_back(u);
          }
        }
    }
    std::swap(layer_, next_layer_);
    if (d == kFar - 2) break;  // farther than any trip budget
  }
}

void Raptor::prepare(const Query& q) {
  if (!q.origin.valid() || q.origin.get() >= tt_.stop_count())
    throw Error("earliest-arrival query: unknown origin stop " + std::to_string(q.origin.get()));
  if (q.target.valid() && q.target.get() >= tt_.stop_count())
    throw Error("earliest-arrival query: unknown target stop " + std::to_string(q.target.get()));
  if (q.max_trips < 0 || q.max_trips > kMaxTrips)
    throw Error("earliest-arrival query: max_trips " + std::to_string(q.max_trips) + " outside [0, " +
                std::to_string(kMaxTrips) + "]");
  if (q.max_travel.value() < 0) throw Error("earliest-arrival query: max_travel must be >= 0");
  check_closed_trips(tt_, q);
  q_ = q;
  k_max_ = q.max_trips;
  time_to_target_ = nullptr;
  if (q.target.valid()) compute_trips_needed(q.target);
  stats_ = {};
}

void Raptor::reset_labels() {
  const std::size_t n = static_cast<std::size_t>(k_max_ + 1) * n_slots_;
  if (tau_.size() < n) {
    tau_.resize(n);
    parent_.resize(n);
  }
  std::fill(tau_.begin(), tau_.begin() + static_cast<std::ptrdiff_t>(n), kInf);
  target_best_.assign(static_cast<std::size_t>(k_max_ + 1), kInf);
  target_slot_.assign(static_cast<std::size_t>(k_max_ + 1), SlotId::invalid());
  target_improved_.assign(static_cast<std::size_t>(k_max_ + 1), 0);
}

bool Raptor::improve(std::int32_t k, SlotId s, Instant t, const Parent& p) {
  // Cheap rejections first: the bound from the target and the travel limit are hot in cache.
  if (t >= bound_ || t >= tau_[at(k, s)]) return false;
  // With a target: a label that needs more trips than are left cannot reach it.
  if (q_.target.valid() && k + trips_needed_[tt_.slot_stop(s).get()] > k_max_) return false;
  if (time_to_target_ != nullptr &&
      static_cast<std::int64_t>(t.value()) + time_to_target_[tt_.slot_stop(s).get()] >= bound_.value())
    return false;
  // Keep tau non-increasing in k: a label with <= k trips also counts for every later round.
  for (std::int32_t j = k; j <= k_max_ && t < tau_[at(j, s)]; ++j) {
    tau_[at(j, s)] = t;
    parent_[at(j, s)] = p;
  }
  ++stats_.labels;
  if (slot_marked_[s.get()] != round_stamp_) {
    slot_marked_[s.get()] = round_stamp_;
    marked_.push_back(s);
  }
  if (tt_.slot_stop(s) == q_.target) {
    const RuleId end = tt_.end_rule(s);
    if (end.valid()) {
      const Instant d = add_sat(t, tt_.rule(end).duration);
      if (d < target_best_[static_cast<std::size_t>(k)]) {
        target_slot_[static_cast<std::size_t>(k)] = s;
        target_improved_[static_cast<std::size_t>(k)] = 1;
        for (std::int32_t j = k; j <= k_max_ && d < target_best_[static_cast<std::size_t>(j)]; ++j)
          target_best_[static_cast<std::size_t>(j)] = d;
        bound_ = std::min(bound_, d);
      }
    }
  }
  return true;
}

// Labels of round k must arrive before this to matter: within the travel limit and, with a
// target, strictly before the best hand-over there with at most k trips.
Instant Raptor::round_bound(std::int32_t k) const {
  const Instant over_limit = limit_ == kInf ? kInf : limit_ + Minutes(1);
  return q_.target.valid() ? std::min(over_limit, target_best_[static_cast<std::size_t>(k)]) : over_limit;
}

void Raptor::start_iteration(Instant ready) {
  ready_ = ready;
  limit_ = add_sat(ready, q_.max_travel);
  bound_ = round_bound(0);
  std::fill(target_improved_.begin(), target_improved_.end(), 0);
  ++stats_.iterations;
  ++round_stamp_;
  marked_.clear();
  Parent p;
  p.kind = kOrigin;
  p.created = 0;
  improve(0, tt_.start_slot(q_.origin), ready, p);
  relax_links(0, 0);
}

void Raptor::relax_links(std::int32_t k, std::size_t first_marked) {
  const std::size_t end = marked_.size();  // links never start from slots reached by a link
  for (std::size_t i = first_marked; i < end; ++i) {
    const SlotId s = marked_[i];
    if (tt_.slot_by_link(s)) continue;
    const Instant t = tau_[at(k, s)];
    for (UntimedLinkId l : tt_.links_from(tt_.slot_stop(s))) {
      const RuleId r = tt_.find_rule(tt_.link_group(l), s);
      if (!r.valid()) continue;
      const Instant arr = add_sat(add_sat(t, tt_.rule(r).duration), tt_.link(l).duration);
      Parent p;
      p.kind = kLink;
      p.id = l.get();
      p.from = s;
      p.created = static_cast<std::uint8_t>(k);
      improve(k, tt_.link_slot(l), arr, p);
    }
  }
}

void Raptor::rounds() {
  for (std::int32_t k = 1; k <= k_max_; ++k) {
    // Stops whose labels improved in round k-1, and the routes through them.
    std::swap(marked_, marked_prev_);
    marked_.clear();
    if (marked_prev_.empty()) break;
    for (NodeId n : stops_touched_) stop_marked_[n.get()] = 0;
    stops_touched_.clear();
    for (SlotId s : marked_prev_) {
      const NodeId n = tt_.slot_stop(s);
      if (!stop_marked_[n.get()]) {
        stop_marked_[n.get()] = 1;
        stops_touched_.push_back(n);
        for (const RouteStop& rs : tt_.routes_at(n)) {
          if (!q_.cargo.fits(tt_.route_capacity_teu(rs.route))) continue;
          std::uint32_t& pos = route_pos_[rs.route.get()];
          if (pos == kNoPos) routes_marked_.push_back(rs.route);
          pos = std::min(pos, rs.pos);
        }
      }
    }
    ++round_stamp_;
    stats_.rounds = std::max(stats_.rounds, k);
    bound_ = round_bound(k);
    scan_routes(k);
    relax_links(k, 0);
  }
  for (NodeId n : stops_touched_) stop_marked_[n.get()] = 0;
  stops_touched_.clear();
}

void Raptor::scan_routes(std::int32_t k) {
  stats_.routes_scanned += static_cast<std::int64_t>(routes_marked_.size());
  // Scanning is bound by memory latency: the departures a boarding search reads first and
  // the arrivals of the trip it likely finds are requested a few routes ahead.
  constexpr std::size_t kAhead = 6;
  const auto prefetch = [&](RouteId r) {
    const std::uint32_t pos = route_pos_[r.get()];
    const std::uint32_t j = std::min(route_hint_[r.get()], tt_.route_trip_count(r) - 1);
    __builtin_prefetch(tt_.departures_at(r, pos) + j);
    __builtin_prefetch(tt_.trip_times(r, j) + pos);
  };
  for (std::size_t i = 0; i < std::min(kAhead, routes_marked_.size()); ++i) prefetch(routes_marked_[i]);
  for (std::size_t ri = 0; ri < routes_marked_.size(); ++ri) {
    if (ri + kAhead < routes_marked_.size()) prefetch(routes_marked_[ri + kAhead]);
    const RouteId r = routes_marked_[ri];
    const std::uint32_t first = route_pos_[r.get()];
    route_pos_[r.get()] = kNoPos;
    const auto stops = tt_.route_stops(r);
    const auto n = static_cast<std::uint32_t>(stops.size());
    const Minutes cutoff = tt_.route_cutoff(r);
    const TripId first_trip = tt_.route_first_trip(r);
    const std::uint32_t n_trips = tt_.route_trip_count(r);
    std::uint32_t trip = kNoPos;  // within the route
    const StopTime* times = nullptr;  // the trip's arrivals and departures by position
    std::uint32_t board = 0;
    SlotId from;
    for (std::uint32_t pos = first; pos < n; ++pos) {
      if (trip != kNoPos && times[pos].arr < bound_ && times[pos].arr < tau_[at(k, tt_.alight_slot(r, pos))]) {
        Parent p;
        p.kind = kTrip;
        p.id = first_trip.get() + trip;
        p.board = static_cast<std::uint16_t>(board);
        p.alight = static_cast<std::uint16_t>(pos);
        p.from = from;
        p.created = static_cast<std::uint8_t>(k);
        improve(k, tt_.alight_slot(r, pos), times[pos].arr, p);
      }
      if (pos + 1 == n || !stop_marked_[stops[pos].get()]) continue;
      Instant ready = kInf;
      SlotId best;
      for (const GroupEntry& e : tt_.group(tt_.board_group(r, pos))) {
        const Instant v = tau_[at(k - 1, e.slot)];
        if (v == kInf) continue;
        const Instant c = add_sat(v, e.duration);
        if (c < ready) {
          ready = c;
          best = e.slot;
        }
      }
      if (ready == kInf) continue;
      const Instant need = add_sat(ready, cutoff);
      std::uint32_t j;
      if (trip != kNoPos) {
        // Most often the current trip is already the earliest catchable one (its departures,
        // read along the route, stream into the cache); otherwise an earlier one is, close
        // before it (the departure column at pos has it).
        if (need > times[pos].dep || trip == 0) continue;
        const Instant* col = tt_.departures_at(r, pos);
        if (col[trip - 1] < need) continue;
        j = next_offered(tt_, q_, r, tt_.first_trip_departing(r, pos, need, trip - 1));
      } else {
        // The trip boarded on this route in an earlier round (or query) is a good first guess.
        j = tt_.first_trip_departing(r, pos, need, route_hint_[r.get()]);
        route_hint_[r.get()] = j;
        j = next_offered(tt_, q_, r, j);
      }
      if (j < n_trips && (trip == kNoPos || j < trip)) {
        trip = j;
        times = tt_.trip_times(r, j);
        board = pos;
        from = best;
      }
    }
  }
  routes_marked_.clear();
}

void Raptor::run(const Query& q) {
  prepare(q);
  reset_labels();
  start_iteration(q.ready);
  rounds();
}

void Raptor::run(const Query& q, std::span<const std::int32_t> time_to_target) {
  prepare(q);
  if (!q.target.valid()) throw Error("earliest-arrival query with bounds: a target is required");
  if (time_to_target.size() != tt_.stop_count())
    throw Error("earliest-arrival query: " + std::to_string(time_to_target.size()) + " time bounds for " +
                std::to_string(tt_.stop_count()) + " stops");
  time_to_target_ = time_to_target.data();
  reset_labels();
  start_iteration(q.ready);
  rounds();
}

Instant Raptor::arrival(NodeId stop) const {
  Instant best = kInf;  // the start slot holds the ready instant at the origin, nothing elsewhere
  for (auto s = tt_.slots_begin(stop); s < tt_.slots_end(stop); ++s) best = std::min(best, tau_[at(k_max_, SlotId(s))]);
  return best;
}

Instant Raptor::delivered(NodeId stop) const {
  Instant best = kInf;
  for (auto s = tt_.slots_begin(stop); s < tt_.slots_end(stop); ++s) {
    const RuleId r = tt_.end_rule(SlotId(s));
    const Instant t = tau_[at(k_max_, SlotId(s))];
    if (!r.valid() || t == kInf) continue;
    best = std::min(best, add_sat(t, tt_.rule(r).duration));
  }
  return best;
}

Journey Raptor::reconstruct(std::int32_t k, SlotId s) const {
  std::vector<Move> moves;
  for (;;) {
    const Parent& p = parent_[at(k, s)];
    if (p.kind == kOrigin) break;
    Move m;
    if (p.kind == kTrip) {
      m.trip = TripId(p.id);
      m.board_pos = p.board;
      m.alight_pos = p.alight;
      k = p.created - 1;
    } else {
      m.is_link = true;
      m.link = UntimedLinkId(p.id);
      k = p.created;
    }
    s = p.from;
    moves.push_back(m);
  }
  std::reverse(moves.begin(), moves.end());
  return make_journey(tt_, q_.cargo, q_.origin, ready_, moves);
}

std::vector<Journey> Raptor::journeys() const {
  std::vector<Journey> out;
  if (!q_.target.valid()) return out;
  Instant prev = kInf;
  for (std::int32_t k = 0; k <= k_max_; ++k) {
    const Instant t = target_best_[static_cast<std::size_t>(k)];
    if (t < prev) out.push_back(reconstruct(k, target_slot_[static_cast<std::size_t>(k)]));
    prev = std::min(prev, t);
  }
  return out;
}

std::optional<Journey> Raptor::journey_to(NodeId stop) const {
  Instant best = kInf;
  SlotId best_slot;
  for (auto s = tt_.slots_begin(stop); s < tt_.slots_end(stop); ++s) {
    const RuleId r = tt_.end_rule(SlotId(s));
    const Instant t = tau_[at(k_max_, SlotId(s))];
    if (!r.valid() || t == kInf) continue;
    const Instant d = add_sat(t, tt_.rule(r).duration);
    if (d < best) {
      best = d;
      best_slot = SlotId(s);
    }
  }
  if (!best_slot.valid()) return std::nullopt;
  return reconstruct(k_max_, best_slot);
}

void check_closed_trips(const Timetable& tt, const Query& q) {
  if (!q.closed_trips.empty() && q.closed_trips.size() != tt.trip_count())
    throw Error("timetable query: the trip filter has " + std::to_string(q.closed_trips.size()) +
                " entries for " + std::to_string(tt.trip_count()) + " trips");
}

std::vector<Instant> departure_candidates(const Timetable& tt, const Query& q, Instant window_end) {
  std::vector<Instant> out;
  out.push_back(window_end);
  const SlotId start = tt.start_slot(q.origin);
  // Latest ready instants that make a departure at `stop` from slot `s` after `lead` minutes.
  const auto from_stop = [&](NodeId stop, SlotId s, Minutes lead) {
    for (const RouteStop& rs : tt.routes_at(stop)) {
      if (!q.cargo.fits(tt.route_capacity_teu(rs.route))) continue;
      const RuleId rule = tt.find_rule(tt.board_group(rs.route, rs.pos), s);
      if (!rule.valid()) continue;
      const Minutes back = lead + tt.rule(rule).duration + tt.route_cutoff(rs.route);
      for (std::uint32_t j = 0; j < tt.route_trip_count(rs.route); ++j) {
        if (!q.offered(TripId(tt.route_first_trip(rs.route).get() + j))) continue;  // sold out: no departure
        const Instant x = tt.departure(rs.route, j, rs.pos) - back;
        if (x >= q.ready && x <= window_end) out.push_back(x);
      }
    }
  };
  from_stop(q.origin, start, Minutes(0));
  for (UntimedLinkId l : tt.links_from(q.origin)) {
    const RuleId rule = tt.find_rule(tt.link_group(l), start);
    if (!rule.valid()) continue;
    from_stop(tt.link(l).to, tt.link_slot(l), tt.rule(rule).duration + tt.link(l).duration);
  }
  std::sort(out.begin(), out.end(), std::greater<>());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<Journey> Raptor::range(const Query& q, Instant window_end) {
  if (!q.target.valid()) throw Error("range query: a target is required");
  prepare(q);
  reset_labels();
  const std::vector<Instant> candidates = departure_candidates(tt_, q, window_end);
  std::vector<Journey> found;
  for (Instant tau : candidates) {
    start_iteration(tau);
    rounds();
    // Journeys without a ride (untimed links only) fit any departure: keep the one found for
    // the window's end, whose arrival shifts with the ready instant.
    for (std::int32_t k = tau == candidates.front() ? 0 : 1; k <= k_max_; ++k)
      if (target_improved_[static_cast<std::size_t>(k)] && target_slot_[static_cast<std::size_t>(k)].valid() &&
          tau_[at(k, target_slot_[static_cast<std::size_t>(k)])] != kInf)
        found.push_back(reconstruct(k, target_slot_[static_cast<std::size_t>(k)]));
  }
  // Pareto filter over (later departure, earlier arrival, fewer trips).
  // A journey leaving after the window counts as leaving at its end.
  for (Journey& j : found) j.departure = std::min(j.departure, window_end);
  const auto dominates = [](const Journey& a, const Journey& b) {
    return a.departure >= b.departure && a.arrival <= b.arrival && a.trips <= b.trips;
  };
  std::vector<Journey> out;
  for (std::size_t i = 0; i < found.size(); ++i) {
    bool dominated = false;
    for (std::size_t j = 0; j < found.size() && !dominated; ++j) {
      if (i == j || !dominates(found[j], found[i])) continue;
      // Equal criteria: keep the first.
      const bool equal = found[j].departure == found[i].departure && found[j].arrival == found[i].arrival &&
                         found[j].trips == found[i].trips;
      dominated = !equal || j < i;
    }
    if (!dominated) out.push_back(std::move(found[i]));
  }
  std::sort(out.begin(), out.end(), [](const Journey& a, const Journey& b) {
    return a.departure != b.departure ? a.departure < b.departure : a.trips < b.trips;
  });
  return out;
}

std::optional<Journey> Raptor::latest_departure(const Query& q, Instant deadline) {
  if (!q.target.valid()) throw Error("arrive-by query: a target is required");
  Query probe = q;
  std::int32_t iterations = 0;
  const auto delivers = [&](Instant tau) {
    probe.ready = tau;
    run(probe);
    ++iterations;
    return delivered(q.target) <= deadline;
  };
  if (deadline < q.ready || !delivers(q.ready)) return std::nullopt;
  // Arrival is non-decreasing in the ready instant: find the last instant that still makes it.
  std::int64_t lo = q.ready.value(), hi = deadline.value();
  while (lo < hi) {
    const std::int64_t mid = lo + (hi - lo + 1) / 2;
    if (delivers(Instant(static_cast<std::int32_t>(mid))))
      lo = mid;
    else
      hi = mid - 1;
  }
  probe.ready = Instant(static_cast<std::int32_t>(lo));
  run(probe);
  stats_.iterations = iterations + 1;
  return journey_to(q.target);
}

}  // namespace landbridge::timetable
