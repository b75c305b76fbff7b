// Earliest-arrival search on a timetable: RAPTOR (Delling, Pajor, Werneck 2012), with labels
// per slot (stop × arriving carriage) so that transfer rules may depend on how a box arrives
// and how it leaves; plus its range variant (rRAPTOR) and arrive-by queries.
//
// A Raptor object holds the reusable state of one search thread: construct it once per
// timetable, then run any number of queries; a query allocates nothing once the state has
// grown to its working size (journey reconstruction, on request, does).
//
// Guarantees (tested against a time-expanded graph + Dijkstra on random timetables):
//   run():   for every trip count k <= max_trips, the earliest hand-over instant at the target
//            using at most k trips; delivered(stop) is exact for every stop when no target is
//            given. Journeys returned form the Pareto set over (arrival, trips).
//   range(): every journey Pareto-optimal over (later departure, earlier arrival, fewer trips)
//            whose latest ready instant lies in the window.
//   latest_departure(): the latest ready instant at the origin that still delivers by the
//            deadline (binary search over earliest-arrival runs; exact because arrival is
//            monotone in the ready instant).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "landbridge/timetable/journey.h"
#include "landbridge/timetable/timetable.h"

namespace landbridge::timetable {

inline constexpr std::int32_t kMaxTrips = 32;

struct Query {
  NodeId origin;
  NodeId target;                 // invalid: one-to-all (Raptor::run only)
  Instant ready{0};              // the box is ready at the origin
  Cargo cargo{};
  std::int32_t max_trips = 12;   // services ridden, 0..kMaxTrips
  Minutes max_travel{days(120)};  // labels arriving after ready + max_travel are dropped
  // Trips not offered to this query (a sold-out departure), by TripId value: nonzero = skip it,
  // the search boards the route's next trip instead. Empty: every trip is offered; otherwise
  // one entry per trip of the timetable. The caller keeps the storage alive during the call.
  std::span<const std::uint8_t> closed_trips;
  [[nodiscard]] bool offered(TripId t) const { return closed_trips.empty() || closed_trips[t.get()] == 0; }
};

// The first trip j' >= j of route r (within the route) that q offers, or the route's trip count.
inline std::uint32_t next_offered(const Timetable& tt, const Query& q, RouteId r, std::uint32_t j) {
  if (q.closed_trips.empty()) return j;
  const std::uint32_t n = tt.route_trip_count(r), first = tt.route_first_trip(r).get();
  while (j < n && q.closed_trips[first + j] != 0) ++j;
  return j;
}
// Throws landbridge::Error when q.closed_trips is neither empty nor one entry per trip of tt.
void check_closed_trips(const Timetable& tt, const Query& q);

struct SearchStats {
  std::int32_t rounds = 0;
  std::int64_t routes_scanned = 0;
  std::int64_t labels = 0;  // labels created
  std::int32_t iterations = 0;  // range / arrive-by: searches run
  bool capped = false;          // McRaptor: a bag or the answer reached McRaptor::kMaxBag and was cut
};

// Latest ready instants at q.origin in [q.ready, window_end] at which some first departure
// (directly, or after one untimed link) is still caught, plus window_end; descending. Range
// queries run one search per candidate: between two candidates nothing changes.
std::vector<Instant> departure_candidates(const Timetable& tt, const Query& q, Instant window_end);

class Raptor {
 public:
  explicit Raptor(const Timetable& tt);

  // Earliest arrival from q.origin at q.ready. Throws landbridge::Error on a bad query.
  void run(const Query& q);
  // The same with a target and, per stop, a lower bound on the minutes a box that arrives
  // there needs to reach q.target (INT32_MAX: it cannot): labels that cannot beat the best
  // hand-over already found are dropped (A*-style), which leaves every result for the
  // target unchanged. `time_to_target` (one entry per stop) must outlive the call.
  void run(const Query& q, std::span<const std::int32_t> time_to_target);
  // After run(): earliest instant the box can be handed over at `stop` (end rule applied);
  // Instant::max() when unreachable. With a target set, exact for the target only.
  [[nodiscard]] Instant delivered(NodeId stop) const;
  // After run(): earliest instant the box arrives at `stop` (before any transfer).
  [[nodiscard]] Instant arrival(NodeId stop) const;
  // After run() with a target: the Pareto set over (arrival, trips), fewest trips first.
  [[nodiscard]] std::vector<Journey> journeys() const;
  // After run(): the earliest-delivered journey to `stop`, if reachable.
  [[nodiscard]] std::optional<Journey> journey_to(NodeId stop) const;

  // rRAPTOR: journeys departing (latest ready instant) in [q.ready, window_end], Pareto over
  // (later departure, earlier arrival, fewer trips); sorted by departure, then trips. A
  // journey's departure is clamped to window_end (it can be caught by a box ready then). A
  // journey with no ride (untimed links only) is listed once, for window_end: from a ready
  // instant t it arrives at t + (arrival - departure).
  std::vector<Journey> range(const Query& q, Instant window_end);
  // Arrive-by: the latest ready instant in [q.ready, deadline] from which the box is
  // delivered by `deadline`, with its earliest-arrival journey; nullopt if none.
  std::optional<Journey> latest_departure(const Query& q, Instant deadline);

  [[nodiscard]] const SearchStats& stats() const { return stats_; }

 private:
  struct Parent {  // 16 bytes
    std::uint32_t id = 0;  // trip (TripId value) or link (UntimedLinkId value)
    SlotId from;           // slot the box left from
    std::uint16_t board = 0, alight = 0;  // positions on the route (routes have < 65,536 stops)
    std::uint8_t created = 0;  // round the label was made in
    std::uint8_t kind = 0;     // 0 origin, 1 trip, 2 link
  };

  void prepare(const Query& q);
  void reset_labels();
  void start_iteration(Instant ready);
  void rounds();
  void scan_routes(std::int32_t k);
  void relax_links(std::int32_t k, std::size_t first_marked);
  bool improve(std::int32_t k, SlotId s, Instant t, const Parent& p);
  [[nodiscard]] Instant round_bound(std::int32_t k) const;
  [[nodiscard]] Journey reconstruct(std::int32_t k, SlotId s) const;
  // Labels lie slot-major: the rounds of one slot share a cache line or two.
  [[nodiscard]] std::size_t at(std::int32_t k, SlotId s) const {
    return static_cast<std::size_t>(s.get()) * static_cast<std::size_t>(k_max_ + 1) + static_cast<std::size_t>(k);
  }

  const Timetable& tt_;
  std::size_t n_slots_;
  Query q_{};
  Instant ready_{0};
  Instant limit_{0};
  Instant bound_{0};  // labels of the current round must arrive before this
  const std::int32_t* time_to_target_ = nullptr;  // per stop, or none
  std::int32_t k_max_ = 0;

  std::vector<Instant> tau_;       // (k_max+1) × slots: earliest arrival with <= k trips
  std::vector<Parent> parent_;     // same shape: how that label was made
  std::vector<Instant> target_best_;         // per k: earliest hand-over at the target, <= k trips
  std::vector<SlotId> target_slot_;          // per k: the slot that gave it
  std::vector<std::uint8_t> target_improved_;  // per k: improved in this iteration
  std::vector<std::uint32_t> slot_marked_;   // round stamp + 1 at which the slot was last marked
  std::vector<SlotId> marked_;               // slots marked in the current round
  std::vector<SlotId> marked_prev_;          // slots marked in the previous round
  std::vector<std::uint8_t> stop_marked_;    // stops with a slot in marked_prev_
  std::vector<NodeId> stops_touched_;
  std::vector<std::uint32_t> route_pos_;     // per route: first marked position, or max
  std::vector<RouteId> routes_marked_;
  std::vector<std::uint32_t> route_hint_;    // per route: trip last found by a boarding search
  // Trip bounds: fewest boardings from each stop to the target (for pruning with a target).
  struct AlightAt {
    std::uint32_t rs;     // route-stop index of a position after the first
    std::uint32_t first;  // route-stop index of the route's first position
  };
  void compute_trips_needed(NodeId target);
  Csr<NodeId, AlightAt> alight_at_;  // per stop: route positions that alight there
  Csr<NodeId, NodeId> links_in_;     // per stop: stops with an untimed link to it
  std::vector<NodeId> rs_stop_;      // per route-stop: the stop
  std::vector<std::uint8_t> trips_needed_;  // per stop, for trips_target_ (255: too far)
  std::vector<std::uint8_t> rs_seen_;
  std::vector<NodeId> layer_, next_layer_;
  NodeId trips_target_;
  std::uint32_t round_stamp_ = 0;
  SearchStats stats_;
};

}  // namespace landbridge::timetable
