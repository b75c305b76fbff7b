// Multi-criteria search: McRAPTOR (Delling, Pajor, Werneck 2012) over
// (arrival, cost, CO2e, trips), with bags of labels per slot (stop × arriving carriage).
//
// Guarantee (tested against a time-expanded multi-criteria label search on random
// timetables): run() returns one journey for every distinct criteria vector of the Pareto
// set over (hand-over instant at the target, UsdCents, GramsCo2e, trips) among journeys with
// at most q.max_trips trips that arrive within q.max_travel. Labels are exact integers.
//
// Why it is exact here: a route holds trips with equal prices, emission intensities and
// distances (they differ only in time, FIFO), so the earliest catchable trip dominates every
// later one of its route; costs and emissions only grow along a journey, so a label
// dominated at a slot, or by a journey already at the target, can be dropped.
//
// range(): every journey Pareto-optimal over (later departure, arrival, cost, CO2e, trips)
// whose latest ready instant lies in the window: one search per departure candidate, latest
// first, each pruned by the journeys already found for later departures ("which day should
// I ship?").
#pragma once

#include <cstdint>
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
  std::vector<Journey> range(const Query& q, Minutes window_end);

  [[nodiscard]] const SearchStats& stats() const { return stats_; }

 private:
  struct Label {
    Minutes arr{0};
    std::int64_t cost = 0;
    std::int64_t co2 = 0;
    std::uint32_t parent = 0;  // label id; origin labels point to themselves
    SlotId slot;
    std::uint32_t id = 0;      // trip (TripId value) or link (UntimedLinkId value)
    std::uint32_t board = 0, alight = 0;
    std::uint8_t round = 0;
    std::uint8_t kind = 0;     // 0 origin, 1 trip, 2 link
    bool alive = true;
  };
  struct BagEntry {
    std::int32_t arr;
    std::int64_t cost;
    std::int64_t co2;
    std::uint32_t label;
    std::uint8_t round;
  };
  struct RouteLabel {
    std::uint32_t trip;  // within the route
    std::int64_t cost;
    std::int64_t co2;    // at the current position
    std::uint32_t parent;
    std::uint32_t board;
  };
  struct TargetLabel {
    std::int32_t arr;
    std::int64_t cost;
    std::int64_t co2;
    std::uint32_t label;  // slot label it hands over; kSeed for pruning seeds
    std::uint8_t trips;
  };

  void prepare(const Query& q);
  void search(Minutes ready);
  void clear_bags();
  bool insert(const Label& l);
  bool dominated_by_target(std::int32_t arr, std::int64_t cost, std::int64_t co2, std::uint8_t round) const;
  void scan_routes(std::uint8_t k, std::uint32_t prev_begin, std::uint32_t prev_end);
  void relax_links(std::uint8_t k, std::uint32_t begin, std::uint32_t end);
  [[nodiscard]] Journey reconstruct(const TargetLabel& t) const;
  std::vector<Journey> collect() const;

  const Timetable& tt_;
  Query q_{};
  Minutes ready_{0};
  Minutes limit_{0};
  std::vector<std::int64_t> rule_cost_;  // per rule, for the query's cargo
  std::vector<std::int64_t> rule_co2_;

  std::vector<Label> labels_;                  // arena of the current search
  std::vector<std::vector<BagEntry>> bags_;    // per slot: Pareto set over all rounds so far
  std::vector<SlotId> bags_touched_;
  std::vector<TargetLabel> target_;
  std::vector<std::vector<std::uint32_t>> prev_by_slot_;  // per slot: labels of the previous round
  std::vector<SlotId> prev_touched_;
  std::vector<RouteLabel> route_bag_;
  std::vector<std::uint8_t> stop_marked_;
  std::vector<NodeId> stops_touched_;
  std::vector<std::uint32_t> route_pos_;
  std::vector<RouteId> routes_marked_;
  SearchStats stats_;
};

}  // namespace landbridge::timetable
