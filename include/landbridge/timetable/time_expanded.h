// The slow, obvious reference: a time-expanded graph built straight from a TimetableSpec
// (not from the Timetable's routes, slots or groups), searched with Dijkstra for earliest
// arrival and with a multi-criteria label search in time order for Pareto sets. Tests and
// benchmarks compare RAPTOR and McRAPTOR against it.
//
// Nodes are events, each with a fixed instant:
//   A(trip, i)  the box has arrived at call i of a trip (i >= 1)
//   D(trip, i)  the box is on board, departing call i (i <= n-2)
//   W(stop, carriage, m)  the m-th boarding opportunity for that carriage at that stop, at
//               its latest drop-off instant (departure − cut-off); a chain in time order
//   F(arrival, link)  the box arrived at the link's head by an untimed link
// Edges: D(t,i) -> A(t,i+1) (ride), A(t,i) -> D(t,i) (stay on board), W(m) -> W(m+1) (wait),
// W -> D (board: price, +1 trip), A/F -> the first W it can make after the transfer rule,
// A -> F (transfer rule + link). The origin and the hand-over at the target are applied per
// query. Every edge goes forward in (time, kind) order, so the graph is acyclic.
#pragma once

#include <compare>
#include <cstdint>
#include <vector>

#include "landbridge/timetable/journey.h"
#include "landbridge/timetable/timetable.h"

namespace landbridge::timetable {

struct Criteria {
  Instant arrival{0};
  UsdCents cost{0};
  GramsCo2e co2e{0};
  std::int32_t trips = 0;
  friend auto operator<=>(const Criteria&, const Criteria&) = default;
  friend bool operator==(const Criteria&, const Criteria&) = default;
};

class TimeExpandedGraph {
 public:
  // with_criteria = false keeps only what earliest arrival needs (for large benchmarks).
  static TimeExpandedGraph build(const TimetableSpec& spec, bool with_criteria = true);

  // Earliest hand-over instant per stop (index NodeId), Instant::max() when unreachable.
  // With a valid target the search stops once the target is settled (other stops are then
  // only upper bounds).
  [[nodiscard]] std::vector<Instant> earliest_arrival(NodeId origin, Instant ready, const Cargo& cargo,
                                                      NodeId target = NodeId::invalid()) const;
  // Pareto set at the target over (hand-over instant, cost, CO2e, trips), journeys with at
  // most max_trips trips whose arrivals at stops are all <= ready + max_travel; sorted.
  [[nodiscard]] std::vector<Criteria> pareto(NodeId origin, Instant ready, const Cargo& cargo, NodeId target,
                                             std::int32_t max_trips, Minutes max_travel) const;

  [[nodiscard]] std::size_t node_count() const { return time_.size(); }
  [[nodiscard]] std::size_t edge_count() const { return head_.size(); }
  [[nodiscard]] std::size_t memory_bytes() const;

 private:
  enum Kind : std::uint8_t { kA = 0, kF = 1, kW = 2, kD = 3 };
  // What an edge adds, for the query's cargo.
  struct Attr {
    UsdCents cost_teu{0}, cost_feu{0};  // prices, transfer or link costs per box
    Kilometres km{0.0};
    GramsPerTonneKm intensity{0.0};
    double hub_kg_per_t = 0.0;
    std::int32_t trips = 0;             // 1 on boarding
    std::int32_t capacity = 0;          // boarding: TEU per departure (0 = unlimited)
  };
  struct Chain {  // boarding opportunities of one (stop, carriage), by latest drop-off
    std::uint32_t stop;
    std::uint8_t code;
    std::vector<std::uint32_t> nodes;  // W nodes in order
  };

  std::uint32_t add_node(Instant t, Kind k, std::uint32_t stop, std::uint8_t code);
  // First W node of the chain (stop, code) at or after `t`, or none.
  [[nodiscard]] std::uint32_t first_w(std::uint32_t chain, Instant t) const;
  [[nodiscard]] std::uint32_t chain_of(std::uint32_t stop, std::uint8_t code) const;
  [[nodiscard]] TransferRule rule(std::uint32_t stop, std::uint8_t arrive, std::uint8_t depart) const;

  TransferFn transfer_;
  std::size_t n_stops_ = 0;
  bool with_criteria_ = true;
  std::vector<Instant> time_;           // per node
  std::vector<std::uint8_t> kind_;      // per node
  std::vector<std::uint32_t> stop_;     // per node
  std::vector<std::uint8_t> code_;      // per node: carriage code (A/F: how the box arrived)
  std::vector<std::int32_t> capacity_;  // per node: W nodes: TEU per departure of the trip they board
  std::vector<std::uint32_t> first_out_;  // CSR over nodes
  std::vector<std::uint32_t> head_;
  std::vector<std::uint32_t> attr_;     // per edge, into attrs_ (with_criteria only)
  std::vector<Attr> attrs_;
  std::vector<Chain> chains_;
  std::vector<std::uint32_t> chain_begin_;  // per stop: chains_ of a stop are [begin[s], begin[s+1])
  std::vector<UntimedLink> links_;
  std::vector<GramsPerTonneKm> link_intensity_;
  std::vector<std::vector<std::uint32_t>> links_from_;  // per stop
};

}  // namespace landbridge::timetable
