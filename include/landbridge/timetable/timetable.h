// The timetable: services expanded over a horizon into trips, grouped into RAPTOR routes.
//
// Built once from a TimetableSpec (services, untimed links, a transfer rule callback, emission
// intensities, a horizon), then read-only. Layout, in the manner of nigiri and RoutingKit: one
// object of flat arrays, every index a strong 32-bit id, adjacency as offsets + data (CSR).
//
//   route     trips with the same stop sequence, carriage, cut-off, fares by call, capacity,
//             emission intensity and per-leg distances, that never overtake one another (FIFO). Trips
//             of a route are sorted; their stop times lie trip-major in one array.
//   slot      (stop, arriving carriage, arrived by an untimed link?): the state of a box at a
//             stop. Transfer rules depend on how a box arrived and how it leaves, so searches
//             keep one label per slot. Every stop has a `start` slot (the box begins there).
//   group     (stop, departing carriage): the slots a box may leave from on that carriage,
//             each with its transfer rule. Boarding a route at a stop reads its group.
//
// Journey model: a box is ready at the origin; each boarding applies the transfer rule from
// the slot it is in to the departing carriage, then waits until the trip departs minus the
// service's cut-off; it rides the trip to any later call; untimed links (road, free-running
// rail) move it between stops with a fixed duration, never two in a row; at the target the
// rule to `end` hands it over. Transfer durations and costs are >= 0.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "landbridge/core/ids.h"
#include "landbridge/core/units.h"
#include "landbridge/model/modes.h"
#include "landbridge/timetable/service.h"

namespace landbridge {
class Network;
}

namespace landbridge::timetable {

struct RouteTag {};
struct TripTag {};
struct SlotTag {};
struct RuleTag {};
struct GroupTag {};
struct UntimedLinkTag {};
using RouteId = Id<RouteTag>;              // a RAPTOR route
using TripId = Id<TripTag>;                // one departure of a service (global over all routes)
using SlotId = Id<SlotTag>;                // (stop, arriving carriage, by link?)
using RuleId = Id<RuleTag>;                // an interned transfer rule
using GroupId = Id<GroupTag>;              // (stop, departing carriage): boardable slots with rules
using UntimedLinkId = Id<UntimedLinkTag>;  // a link of the spec, in input order

// What happens to a box that arrives at a stop by one carriage and leaves by another.
struct TransferRule {
  bool allowed = true;             // false: this transfer cannot be made at this stop
  Minutes duration{0};             // handling / connection time, >= 0
  UsdCents cost_teu{0};
  UsdCents cost_feu{0};
  double hub_kg_co2e_per_t = 0.0;  // hub emissions, kg CO2e per tonne handled
  bool transshipment = false;      // the box is lifted (counted as a transshipment)
  friend bool operator==(const TransferRule&, const TransferRule&) = default;
};

// Transfer at `stop` from carriage code `arrive` (a Carriage::code() or kCarriageStart) to
// `depart` (a Carriage::code() or kCarriageEnd).
using TransferFn = std::function<TransferRule(NodeId stop, std::uint8_t arrive, std::uint8_t depart)>;

// A small rule table: per stop or for all stops, per (arriving pattern, departing pattern).
// Lookup takes the most specific matching rule (a stop-specific rule beats an any-stop one,
// then the higher summed pattern specificity); among equals the one added last wins. No
// match gives the default rule.
class TransferTable {
 public:
  explicit TransferTable(TransferRule default_rule = {}) : default_(default_rule) {}
  TransferTable& add(std::optional<NodeId> stop, CarriagePattern arrive, CarriagePattern depart, TransferRule rule);
  [[nodiscard]] TransferRule operator()(NodeId stop, std::uint8_t arrive, std::uint8_t depart) const;

 private:
  struct Entry {
    std::optional<NodeId> stop;
    CarriagePattern arrive, depart;
    TransferRule rule;
  };
  TransferRule default_;
  std::vector<Entry> entries_;
};

// Transfer rules from a network's node operations (Network::transfer): a transfer is always
// allowed; duration, costs and hub emissions are the minimum connection time (every operation
// that applies except `dwell`, which stands in for the wait a timetable computes itself); the
// transshipment flag is set when the box is lifted. The network must outlive the callback.
TransferFn transfers_from_network(const Network& net);
// Well-to-wheel intensities of the network's emission factors.
IdVector<EmissionFactorId, GramsPerTonneKm> intensities_from_network(const Network& net);

// A link without a timetable (road haulage, free-running rail): usable at any time.
struct UntimedLink {
  std::string id;
  NodeId from, to;
  Carriage carriage{Mode::road, Gauge::none};
  Minutes duration{0};
  UsdCents cost_teu{0};
  UsdCents cost_feu{0};
  Kilometres distance{0.0};
  EmissionFactorId factor;  // required when distance > 0
};

struct TimetableSpec {
  std::size_t node_count = 0;                 // stops are NodeIds in [0, node_count)
  std::vector<std::string> node_names;        // optional, for printing (e.g. UN/LOCODEs)
  std::vector<Service> services;
  std::vector<UntimedLink> links;
  IdVector<EmissionFactorId, GramsPerTonneKm> intensity;  // per factor, well-to-wheel
  TransferFn transfer;                        // empty: every transfer allowed, 0 min, free
  Instant horizon_start{0};
  Minutes horizon_length{days(90)};           // trips with a departure in [start, start+length)
  // Optional region of each stop (a country) as one bit; 0 = no rule at that stop. When given,
  // the multi-criteria search never lets a journey re-enter a region it has left (mc_raptor.h).
  std::vector<std::uint64_t> stop_region;
};

// One boardable slot of a group and the rule that applies from it.
struct GroupEntry {
  SlotId slot;
  RuleId rule;
  Minutes duration;  // rules_[rule].duration, inline for the search
};

// Arrival and departure of one trip at one of its stops (a stop event).
struct StopTime {
  Instant arr;
  Instant dep;
};

struct RouteStop {
  RouteId route;
  std::uint32_t pos;  // index of the stop in the route's sequence
};

class Timetable {
 public:
  // Expands, groups and indexes. Throws LoadError listing every problem in the spec.
  static Timetable build(const TimetableSpec& spec);

  // --- sizes and horizon ---
  [[nodiscard]] std::size_t stop_count() const { return stop_slot_begin_.size() - 1; }
  [[nodiscard]] std::size_t route_count() const { return route_carriage_.size(); }
  [[nodiscard]] std::size_t trip_count() const { return trip_route_.size(); }
  [[nodiscard]] std::size_t slot_count() const { return slot_stop_.size(); }
  [[nodiscard]] std::size_t stop_event_count() const { return times_.size(); }
  [[nodiscard]] std::size_t route_stop_count() const { return route_stops_.size(); }
  [[nodiscard]] std::size_t group_count() const { return group_begin_.size() - 1; }
  [[nodiscard]] Instant horizon_start() const { return horizon_start_; }
  [[nodiscard]] Instant horizon_end() const { return horizon_end_; }
  // Approximate heap bytes held (for benchmarks).
  [[nodiscard]] std::size_t memory_bytes() const;

  // --- services and names (cold) ---
  [[nodiscard]] const std::vector<Service>& services() const { return services_; }
  [[nodiscard]] const Service& service(ServiceId s) const { return services_[s.get()]; }
  [[nodiscard]] std::string stop_name(NodeId n) const;
  [[nodiscard]] std::optional<NodeId> find_stop(std::string_view name) const;

  // --- routes ---
  [[nodiscard]] std::span<const NodeId> route_stops(RouteId r) const {
    return {route_stops_.data() + route_stop_begin_[r.get()], route_stop_begin_[r.get() + 1] - route_stop_begin_[r.get()]};
  }
  [[nodiscard]] std::uint32_t route_stop_index(RouteId r, std::uint32_t pos) const { return route_stop_begin_[r.get()] + pos; }
  [[nodiscard]] Carriage route_carriage(RouteId r) const { return route_carriage_[r.get()]; }
  [[nodiscard]] Minutes route_cutoff(RouteId r) const { return route_cutoff_[r.get()]; }
  // Whole-run price (first call to last) per loaded TEU / FEU.
  [[nodiscard]] UsdCents route_price_teu(RouteId r) const { return fare_teu(r, static_cast<std::uint32_t>(route_stops(r).size() - 1)); }
  [[nodiscard]] UsdCents route_price_feu(RouteId r) const { return fare_feu(r, static_cast<std::uint32_t>(route_stops(r).size() - 1)); }
  // Cumulative fare from the route's first stop to stop `pos` (service.h: call_fares); a ride
  // from position a to b costs fare(b) - fare(a).
  [[nodiscard]] UsdCents fare_teu(RouteId r, std::uint32_t pos) const { return fare_teu_[route_stop_index(r, pos)]; }
  [[nodiscard]] UsdCents fare_feu(RouteId r, std::uint32_t pos) const { return fare_feu_[route_stop_index(r, pos)]; }
  [[nodiscard]] UsdCents ride_price_teu(RouteId r, std::uint32_t board, std::uint32_t alight) const {
    return fare_teu(r, alight) - fare_teu(r, board);
  }
  [[nodiscard]] UsdCents ride_price_feu(RouteId r, std::uint32_t board, std::uint32_t alight) const {
    return fare_feu(r, alight) - fare_feu(r, board);
  }
  [[nodiscard]] GramsPerTonneKm route_intensity(RouteId r) const { return route_intensity_[r.get()]; }
  [[nodiscard]] std::int32_t route_capacity_teu(RouteId r) const { return route_capacity_[r.get()]; }
  // Distance from the previous stop to stop `pos` (0 at pos 0).
  [[nodiscard]] Kilometres segment_km(RouteId r, std::uint32_t pos) const { return seg_km_[route_stop_index(r, pos)]; }
  // Slot a box lands in when it alights at `pos`, and the group it boards from at `pos`.
  [[nodiscard]] SlotId alight_slot(RouteId r, std::uint32_t pos) const { return rs_alight_slot_[route_stop_index(r, pos)]; }
  [[nodiscard]] GroupId board_group(RouteId r, std::uint32_t pos) const { return rs_board_group_[route_stop_index(r, pos)]; }
  [[nodiscard]] TripId route_first_trip(RouteId r) const { return TripId(route_trip_begin_[r.get()]); }
  [[nodiscard]] std::uint32_t route_trip_count(RouteId r) const {
    return route_trip_begin_[r.get() + 1] - route_trip_begin_[r.get()];
  }
  // Stop times of the route's j-th trip (0-based within the route) at position pos.
  [[nodiscard]] Instant arrival(RouteId r, std::uint32_t j, std::uint32_t pos) const { return times_[time_index(r, j, pos)].arr; }
  [[nodiscard]] Instant departure(RouteId r, std::uint32_t j, std::uint32_t pos) const { return times_[time_index(r, j, pos)].dep; }
  [[nodiscard]] std::uint32_t time_index(RouteId r, std::uint32_t j, std::uint32_t pos) const {
    return route_time_begin_[r.get()] + j * static_cast<std::uint32_t>(route_stops(r).size()) + pos;
  }
  // Departures of the route's trips at position pos, in trip order (non-decreasing: routes are FIFO).
  [[nodiscard]] const Instant* departures_at(RouteId r, std::uint32_t pos) const {
    return dep_by_stop_.data() + route_time_begin_[r.get()] + static_cast<std::size_t>(pos) * route_trip_count(r);
  }
  // First trip j (within the route) with departure at pos >= t, or route_trip_count if none.
  [[nodiscard]] std::uint32_t first_trip_departing(RouteId r, std::uint32_t pos, Instant t) const {
    return lower_bound_in(departures_at(r, pos), 0, route_trip_count(r), t);
  }
  // The same, searching outwards from trip `hint` (any value in [0, route_trip_count]): costs
  // O(log distance), so a good guess (the answer for a nearby instant) makes it cheap.
  [[nodiscard]] std::uint32_t first_trip_departing(RouteId r, std::uint32_t pos, Instant t, std::uint32_t hint) const {
    const Instant* col = departures_at(r, pos);
    const std::uint32_t n = route_trip_count(r);
    if (hint > n) hint = n;
    if (hint < n && col[hint] < t) {  // the answer lies after hint: gallop forwards
      std::uint32_t lo = hint + 1, step = 1;
      while (lo + step <= n && col[lo + step - 1] < t) {
        lo += step;
        step *= 2;
      }
      return lower_bound_in(col, lo, std::min(n, lo + step), t);
    }
    // col[hint] >= t (or hint == n): the answer lies at or before hint: gallop backwards.
    std::uint32_t hi = hint, step = 1;
    while (hi >= step && col[hi - step] >= t) {
      hi -= step;
      step *= 2;
    }
    return lower_bound_in(col, hi >= step ? hi - step + 1 : 0, hi, t);
  }
  // Stop times of one trip (within the route), indexed by position: for scanning along it
  // (arrival and departure side by side, so that a scan reads one stream).
  [[nodiscard]] const StopTime* trip_times(RouteId r, std::uint32_t j) const { return times_.data() + time_index(r, j, 0); }

  // --- trips ---
  [[nodiscard]] RouteId trip_route(TripId t) const { return trip_route_[t.get()]; }
  [[nodiscard]] ServiceId trip_service(TripId t) const { return trip_service_[t.get()]; }
  [[nodiscard]] Instant trip_start(TripId t) const { return trip_start_[t.get()]; }

  // --- stops, slots, groups, rules ---
  // Routes that can be boarded at a stop (position < last), with the position.
  [[nodiscard]] Csr<NodeId, RouteStop>::Row routes_at(NodeId n) const { return stop_routes_[n]; }
  [[nodiscard]] SlotId start_slot(NodeId n) const { return SlotId(stop_slot_begin_[n.get()]); }
  [[nodiscard]] std::uint32_t slots_begin(NodeId n) const { return stop_slot_begin_[n.get()]; }
  [[nodiscard]] std::uint32_t slots_end(NodeId n) const { return stop_slot_begin_[n.get() + 1]; }
  [[nodiscard]] NodeId slot_stop(SlotId s) const { return slot_stop_[s.get()]; }
  // The stop's region bit (TimetableSpec::stop_region; 0 when none was given).
  [[nodiscard]] std::uint64_t stop_region(NodeId n) const {
    return n.get() < stop_region_.size() ? stop_region_[n.get()] : 0;
  }
  [[nodiscard]] bool has_regions() const { return !stop_region_.empty(); }
  [[nodiscard]] std::uint8_t slot_code(SlotId s) const { return slot_code_[s.get()]; }  // carriage code or kCarriageStart
  [[nodiscard]] bool slot_by_link(SlotId s) const { return slot_by_link_[s.get()] != 0; }
  // Rule for handing the box over at its stop (invalid: not allowed).
  [[nodiscard]] RuleId end_rule(SlotId s) const { return slot_end_rule_[s.get()]; }
  [[nodiscard]] std::span<const GroupEntry> group(GroupId g) const {
    return {group_entries_.data() + group_begin_[g.get()], group_begin_[g.get() + 1] - group_begin_[g.get()]};
  }
  [[nodiscard]] NodeId group_stop(GroupId g) const { return group_stop_[g.get()]; }
  [[nodiscard]] std::uint8_t group_code(GroupId g) const { return group_code_[g.get()]; }
  // Rule from slot `s` into group `g`, invalid if the transfer is not allowed.
  [[nodiscard]] RuleId find_rule(GroupId g, SlotId s) const;
  [[nodiscard]] const TransferRule& rule(RuleId r) const { return rules_[r.get()]; }
  [[nodiscard]] std::size_t rule_count() const { return rules_.size(); }

  // --- untimed links ---
  [[nodiscard]] std::size_t link_count() const { return links_.size(); }
  [[nodiscard]] const UntimedLink& link(UntimedLinkId l) const { return links_[l.get()]; }
  [[nodiscard]] GramsPerTonneKm link_intensity(UntimedLinkId l) const { return link_intensity_[l.get()]; }
  [[nodiscard]] Csr<NodeId, UntimedLinkId>::Row links_from(NodeId n) const { return stop_links_[n]; }
  [[nodiscard]] SlotId link_slot(UntimedLinkId l) const { return link_slot_[l.get()]; }     // at `to`
  [[nodiscard]] GroupId link_group(UntimedLinkId l) const { return link_group_[l.get()]; }  // at `from`

 private:
  // First index in [lo, hi) of the sorted column with value >= t, or hi.
  static std::uint32_t lower_bound_in(const Instant* col, std::uint32_t lo, std::uint32_t hi, Instant t) {
    std::uint32_t len = hi - lo;
    while (len > 0) {  // branch-light: halve the range, keep the half that holds the answer
      const std::uint32_t half = len / 2;
      if (col[lo + half] < t) {
        lo += half + 1;
        len -= half + 1;
      } else {
        len = half;
      }
    }
    return lo;
  }

  Instant horizon_start_{0};
  Instant horizon_end_{0};
  std::vector<Service> services_;       // indexed by ServiceId, as in the spec
  std::vector<std::string> node_names_;  // indexed by NodeId ("" when not given)
  std::vector<std::uint64_t> stop_region_;  // indexed by NodeId (empty: no regions)

  // Routes (R = route_count). Route-stop index rs = route_stop_begin_[r] + pos.
  std::vector<std::uint32_t> route_stop_begin_;  // R+1 offsets into route_stops_
  std::vector<NodeId> route_stops_;              // stop sequence of each route
  std::vector<Kilometres> seg_km_;               // per rs: km from the previous stop
  std::vector<SlotId> rs_alight_slot_;           // per rs: slot of (stop, route carriage)
  std::vector<GroupId> rs_board_group_;          // per rs: group of (stop, route carriage); invalid at the last stop
  std::vector<Carriage> route_carriage_;         // per route
  std::vector<Minutes> route_cutoff_;            // per route
  std::vector<UsdCents> fare_teu_;               // per rs: cumulative fare per TEU from the first stop
  std::vector<UsdCents> fare_feu_;               // per rs: the same per FEU
  std::vector<GramsPerTonneKm> route_intensity_; // per route, well-to-wheel
  std::vector<std::int32_t> route_capacity_;     // per route, TEU per departure, 0 = unlimited
  std::vector<std::uint32_t> route_trip_begin_;  // R+1 offsets: trips of r are TripIds [begin[r], begin[r+1])
  std::vector<std::uint32_t> route_time_begin_;  // R+1 offsets into times_: trip-major, stop-minor
  std::vector<StopTime> times_;                  // arrival and departure instant per stop event
  std::vector<Instant> dep_by_stop_;             // the same departures stop-major (per route: pos * trips + j),
                                                 // so that boarding searches read contiguous memory

  // Trips.
  std::vector<RouteId> trip_route_;
  std::vector<ServiceId> trip_service_;
  std::vector<Instant> trip_start_;              // the service's start instant for this trip

  // Stops and slots.
  Csr<NodeId, RouteStop> stop_routes_;           // boardable (route, pos) per stop
  std::vector<std::uint32_t> stop_slot_begin_;   // N+1 offsets: slots of stop n; the first is its start slot
  std::vector<NodeId> slot_stop_;
  std::vector<std::uint8_t> slot_code_;          // arriving carriage code or kCarriageStart
  std::vector<std::uint8_t> slot_by_link_;       // 1 when the box arrived by an untimed link
  std::vector<RuleId> slot_end_rule_;            // rule to `end` per slot; invalid = not allowed

  // Groups: (stop, departing carriage) -> allowed (slot, rule) entries.
  std::vector<std::uint32_t> group_begin_;       // G+1 offsets into group_entries_
  std::vector<GroupEntry> group_entries_;
  std::vector<NodeId> group_stop_;
  std::vector<std::uint8_t> group_code_;
  std::vector<TransferRule> rules_;              // interned rules, indexed by RuleId

  // Untimed links.
  std::vector<UntimedLink> links_;
  std::vector<GramsPerTonneKm> link_intensity_;
  std::vector<SlotId> link_slot_;                // slot at `to` (by link)
  std::vector<GroupId> link_group_;              // group at `from` (trip-arrived slots only)
  Csr<NodeId, UntimedLinkId> stop_links_;        // outgoing links per stop
};

}  // namespace landbridge::timetable
