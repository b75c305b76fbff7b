// Multi-criteria search: McRAPTOR (Delling, Pajor, Werneck 2012) over
// (arrival, cost, CO2e, trips), with bags of labels per slot (stop × arriving carriage).
//
// Guarantee (tested against a time-expanded multi-criteria label search on random
// timetables): run() returns one journey for every distinct criteria vector of the Pareto
// set over (hand-over instant at the target, UsdCents, GramsCo2e, trips) among journeys with
// at most q.max_trips trips that arrive within q.max_travel. Labels are exact integers.
//
// Why it is exact here: a route holds trips with equal fares by call, emission intensities and
// distances (they differ only in time, FIFO), so the earliest catchable trip dominates every
// later one of its route; costs and emissions only grow along a journey, so a label
// dominated at a slot, or by a journey already at the target, can be dropped. A route label
// carries the fare and CO2e of the segments ridden so far and adds each segment's as it
// passes a call, so two labels on one route compare on what they will pay at any later call.
//
// Speed-up, exact: before the search, backward shortest-path searches from the target on a
// static graph (stops, route positions, rides with their shortest running time, boardings with
// their price, cut-off and cheapest transfer into them, untimed links) give each stop and
// route position a lower bound on the time, cost, CO2e and trips still needed. A label is dropped
// when a journey already at the target is at least as good as the label plus these bounds,
// in every criterion (A*-style target pruning). The target bag starts with the journeys of
// an earliest-arrival search (RAPTOR, one per trip count), which prune only labels they
// strictly dominate, so that pruning bites from the first round.
//
// Regions (TimetableSpec::stop_region, the countries of a network): when the timetable has
// them, a journey never re-enters a region it has left, aboard or not. Each label carries the
// set of regions left; a label dominates another only if its set is a subset of the other's,
// so the rule prunes no journey that keeps it. Earliest-arrival seeds that break it are not used.
//
// range(): every journey Pareto-optimal over (later departure, arrival, cost, CO2e, trips)
// whose latest ready instant lies in the window: one search per departure candidate, latest
// first, each pruned by the journeys already found for later departures ("which day should
// I ship?").
#pragma once

#include <array>
#include <cstdint>
#include <cstddef>
#include <vector>

#include "landbridge/timetable/journey.h"
#include "landbridge/timetable/raptor.h"
#include "landbridge/timetable/timetable.h"

namespace landbridge::timetable {

class McRaptor {
 public:
  explicit McRaptor(const Timetable& tt);

  // Pareto set from q.origin to q.target (required), sorted by arrival, cost, CO2e, trips.
  std::vector<Journey> run(const Query& q);
  // Pareto set over departures in [q.ready, window_end]; departures clamped to window_end;
  // sorted by departure, arrival, cost, CO2e, trips. Journeys with no ride are listed once,
  // for window_end (they fit any ready instant, arriving that much earlier), as in Raptor.
  // q.max_travel counts from each departure candidate.
  std::vector<Journey> range(const Query& q, Instant window_end);

  [[nodiscard]] const SearchStats& stats() const { return stats_; }

  // Cap on the Pareto sets (docs/network-package.md, "Limits"): at most this many labels per
  // slot bag and journeys at the target, and range() stops taking earlier departures once it
  // has found this many journeys. Labels come in round order; when a bag or the target set is
  // full, a new label that replaces none there is not kept ("first come, first kept") and
  // stats().capped is set: the answer is then cut, not the whole Pareto set.
  static constexpr std::size_t kMaxBag = 1000;
  void set_max_bag(std::size_t n) { max_bag_ = n == 0 ? kMaxBag : n; }

 private:
  struct Label {
    Instant arr{0};
    std::int64_t cost = 0;
    std::int64_t co2 = 0;
    std::uint32_t parent = 0;  // label id; origin labels point to themselves
    SlotId slot;
    std::uint32_t id = 0;      // trip (TripId value) or link (UntimedLinkId value)
    std::uint32_t board = 0, alight = 0;
    std::uint8_t round = 0;
    std::uint8_t kind = 0;     // 0 origin, 1 trip, 2 link
    bool alive = true;
    std::uint64_t left = 0;    // regions the journey has left (Timetable::stop_region)
  };
  // Bags and target labels keep arrivals as raw minutes since the epoch (Instant::value()): they
  // are compared and bounded as plain integers next to the int64 criteria.
  struct BagEntry {
    std::int32_t arr;
    std::int64_t cost;
    std::int64_t co2;
    std::uint32_t label;
    std::uint8_t round;
    std::uint64_t left;
  };
  struct RouteLabel {
    std::uint32_t trip;  // within the route
    std::int64_t cost;
    std::int64_t co2;    // at the current position
    std::uint32_t parent;
    std::uint32_t board;
    std::uint64_t left;  // regions left, up to the current position
  };
  struct TargetLabel {
    std::int32_t arr;
    std::int64_t cost;
    std::int64_t co2;
    std::uint32_t label;  // slot label it hands over; kSeed for pruning seeds
    std::uint8_t trips;
    bool strict = false;  // a seed that prunes only what it strictly dominates
  };

  // Lower bounds to the target per node of the bound graph: stops [0, N), then route
  // positions N + route_stop_index. kUnreachable where the target cannot be reached.
  struct Bound {
    std::int64_t time, cost, co2, trips;
  };
  void build_bound_graph();
  void backward_search(std::int64_t Bound::*field, const std::int64_t* ride, std::size_t weights);
  void price_bound_weights();
  void compute_bounds();
  [[nodiscard]] bool pruned(std::uint32_t node, std::int32_t arr, std::int64_t cost, std::int64_t co2,
                            std::uint8_t round) const;

  void prepare(const Query& q);
  void search(Instant ready);
  void clear_bags();
  // Adds a label to its slot's bag unless dominated there or, unless `bounded` (already
  // checked with a stronger bound), pruned against the target.
  bool insert(const Label& l, bool bounded = false);
  // Whether a journey at the target is at least as good as (arr, cost, co2, trips) in every
  // criterion (strict seeds: better in one).
  [[nodiscard]] bool target_covers(std::int64_t arr, std::int64_t cost, std::int64_t co2, std::int64_t trips) const;
  void index_target();  // after every change of target_
  void scan_routes(std::uint8_t k, std::uint32_t prev_begin, std::uint32_t prev_end);
  void relax_links(std::uint8_t k, std::uint32_t begin, std::uint32_t end);
  [[nodiscard]] Journey reconstruct(const TargetLabel& t) const;
  std::vector<Journey> collect() const;

  const Timetable& tt_;
  std::size_t max_bag_ = kMaxBag;
  Raptor ea_;  // earliest-arrival journeys seed the target bag before the search
  Query q_{};
  Instant ready_{0};
  Instant limit_{0};
  // Bound graph (stops and route positions), built once per timetable.
  struct AlightAt {
    std::uint32_t rs;     // route-stop index of a position after the first
    std::uint32_t first;  // route-stop index of the route's first position
  };
  std::vector<std::uint32_t> alight_begin_;  // per stop, offsets into alight_
  std::vector<AlightAt> alight_;
  std::vector<std::uint32_t> link_in_begin_;  // per stop, offsets into link_in_
  std::vector<std::uint32_t> link_in_;        // links arriving at the stop
  std::vector<NodeId> rs_stop_;               // per route-stop: the stop
  std::vector<std::uint32_t> rs_route_;       // per route-stop: the route
  std::vector<std::uint32_t> rs_group_;       // per route-stop: boarding group, or none at the last stop
  std::vector<std::int64_t> min_ride_;        // per route-stop: shortest running time from the previous stop
  // Per criterion (trips, time, cost, CO2e), for the priced cargo: per route-stop the boarding
  // weight (< 0: none), per link its weight (< 0: unusable).
  std::array<std::vector<std::int64_t>, 4> board_w_;
  std::array<std::vector<std::int64_t>, 4> link_w_;
  std::vector<Bound> bound_;                  // per node, for the current query
  std::vector<std::int32_t> stop_time_bound_;  // per stop: bound_.time for the seeding search
  // Monotone priority queue for the backward searches (radix heap: keys never drop below
  // the last one popped, so entries sit in buckets by the highest bit they differ in).
  class RadixHeap {
   public:
    void clear();
    [[nodiscard]] bool empty() const { return size_ == 0; }
    void push(std::uint64_t key, std::uint32_t value);
    std::pair<std::uint64_t, std::uint32_t> pop();

   private:
    std::array<std::vector<std::pair<std::uint64_t, std::uint32_t>>, 65> buckets_;
    std::uint64_t last_ = 0;
    std::size_t size_ = 0;
  };
  RadixHeap heap_;

  std::vector<std::int64_t> seg_co2_;     // per route-stop: CO2e of the ride from the previous stop, for the cargo
  std::vector<std::int64_t> seg_price_;    // per route-stop: fare of the segment from the previous stop, for the cargo
  std::vector<std::uint8_t> route_fits_;   // per route: 1 if the cargo fits a departure
  std::vector<std::int32_t> group_min_time_;  // per group: shortest transfer (static)
  std::vector<std::int64_t> group_min_cost_;  // per group: cheapest transfer for the cargo
  std::vector<std::int64_t> group_min_co2_;   // per group: least hub CO2e for the cargo
  // Everything below up to rule_co2_, and board_w_ / link_w_, is priced for this cargo (the
  // work is skipped while queries keep the same cargo).
  bool priced_ = false;
  Cargo priced_cargo_{};
  std::vector<std::int64_t> rule_cost_;  // per rule, for the query's cargo
  std::vector<std::int64_t> rule_co2_;

  std::vector<Label> labels_;                  // arena of the current search
  std::vector<std::vector<BagEntry>> bags_;    // per slot: Pareto set over all rounds so far
  std::vector<SlotId> bags_touched_;
  std::vector<TargetLabel> target_;         // sorted by arrival
  struct TargetMin {
    std::int64_t cost, co2, trips;
  };
  std::vector<std::int32_t> target_arr_;    // target_[i].arr
  std::vector<TargetMin> target_min_;       // minima over target_[0..i]
  struct PrevEntry {  // a label of the previous round, its criteria inline for the boarding loop
    std::int32_t arr;
    std::uint32_t label;
    std::int64_t cost;
    std::int64_t co2;
    std::uint64_t left;
  };
  std::vector<std::vector<PrevEntry>> prev_by_slot_;  // per slot: labels of the previous round
  std::vector<SlotId> prev_touched_;
  std::vector<RouteLabel> route_bag_;
  std::vector<std::uint8_t> stop_marked_;
  std::vector<NodeId> stops_touched_;
  std::vector<std::uint32_t> route_pos_;
  std::vector<RouteId> routes_marked_;
  SearchStats stats_;
};

}  // namespace landbridge::timetable
