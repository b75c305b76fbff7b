// The routing view of a Network: link states, turns between links, and per-query weights.
//
// A path is a sequence of links; what a box pays at a node depends on how it arrives and how
// it leaves (Network::transfer). So the search state is a link ("arrived at head(l) by l"),
// and the edges of the search graph are turns (a -> b at head(a)), each carrying the Transfer
// of (carriage(a) -> carriage(b)) at that node. The origin adds the transfer start -> first
// link, the destination the transfer last link -> end.
//
// RoutingGraph is built once per Network (CSR of turns, forward and reverse; each distinct
// (node, arrive, depart) transfer once). Weights are filled per query from RouteOptions and
// optional LinkOverrides: criteria per link and per transfer for one box of the query's unit,
// and masks of usable links and transfers. prepare() reuses the arrays' capacity, so a query
// allocates nothing once warm.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "landbridge/core/ids.h"
#include "landbridge/model/network.h"
#include "landbridge/route/closures.h"
#include "landbridge/route/options.h"

namespace landbridge::route {

struct XferTag {};
using XferId = Id<XferTag>;  // a distinct transfer (node, arriving carriage, departing carriage)

class RoutingGraph {
 public:
  struct Turn {
    LinkId next;   // the link taken next
    XferId xfer;   // transfer at the node between the two links
  };
  struct RevTurn {
    LinkId prev;   // the link arrived by
    XferId xfer;
  };

  explicit RoutingGraph(const Network& net);

  [[nodiscard]] const Network& network() const { return *net_; }
  [[nodiscard]] std::size_t link_count() const { return start_.size(); }
  [[nodiscard]] std::size_t xfer_count() const { return xfers_.size(); }
  [[nodiscard]] std::size_t turn_count() const { return turns_.size(); }

  // Continuations of link l at head(l), and the links that continue into l at tail(l).
  [[nodiscard]] Csr<LinkId, Turn>::Row turns(LinkId l) const { return turns_[l]; }
  [[nodiscard]] Csr<LinkId, RevTurn>::Row rev_turns(LinkId l) const { return rev_turns_[l]; }
  // Transfer start -> l at tail(l), and l -> end at head(l).
  [[nodiscard]] XferId start_xfer(LinkId l) const { return start_[l]; }
  [[nodiscard]] XferId end_xfer(LinkId l) const { return end_[l]; }

  [[nodiscard]] const Transfer& xfer(XferId x) const { return *xfers_[x]; }
  [[nodiscard]] NodeId xfer_node(XferId x) const { return xfer_node_[x]; }

  // The node's country as one bit of a 64-bit set (countries numbered in order of first
  // appearance among the nodes); 0 for the 65th country on, which no country rule then covers.
  [[nodiscard]] std::uint64_t country_bit(NodeId n) const { return country_bit_[n]; }

 private:
  const Network* net_;
  IdVector<LinkId, XferId> start_;
  IdVector<LinkId, XferId> end_;
  Csr<LinkId, Turn> turns_;
  Csr<LinkId, RevTurn> rev_turns_;
  IdVector<XferId, const Transfer*> xfers_;  // into the Network's transfer tables
  IdVector<XferId, NodeId> xfer_node_;
  IdVector<NodeId, std::uint64_t> country_bit_;
};

// Per-query weights and masks. Fill with prepare(); the search reads only these arrays.
struct Weights {
  IdVector<NodeId, std::uint8_t> node_ok;   // 0 = avoided node (or in an avoided country)
  IdVector<LinkId, Criteria> link;          // per box, after overrides
  IdVector<LinkId, std::uint8_t> link_ok;   // 1 = usable in this query
  IdVector<LinkId, Kilometres> distance;    // after overrides
  IdVector<LinkId, PassageSet> passages;    // after overrides
  IdVector<XferId, Criteria> xfer;          // per box
  IdVector<XferId, std::uint8_t> xfer_ok;   // 1 = usable in this query
  IdVector<XferId, std::uint8_t> xfer_ts;   // 1 = the transfer is a transshipment
  int max_transshipments = -1;              // -1 = no limit
  Shipment shipment;
  Equipment equipment = Equipment::general;  // link costs above are already scaled for it
  EquipmentCharges equipment_charges;
  std::shared_ptr<const timetable::RateTable> rates;  // link costs above are already priced on rates_on
  timetable::CivilDate rates_on{};
  Tonnes mass_per_box{0.0};
  Prices prices;
};

// Fills `w` for one query. Links touching an avoided node or country, of an avoided mode, or
// (after overrides) sailing through an avoided passage are masked; a link that sails through
// an avoided passage and has no override is masked too.
void prepare(const RoutingGraph& g, const RouteOptions& opts, const LinkOverrides* overrides, Weights& w);

// A route found by a router: links in order, criteria per box and transshipment count.
struct Path {
  std::vector<LinkId> links;
  Criteria per_box;
  int transshipments = 0;
};

// Criteria of a link sequence from scratch (start and end transfers included), and whether
// every link and transfer on it is usable. Used to re-evaluate paths and in tests.
struct PathEvaluation {
  Criteria per_box;
  int transshipments = 0;
  bool usable = true;
};
PathEvaluation evaluate(const RoutingGraph& g, const Weights& w, std::span<const LinkId> links);

}  // namespace landbridge::route
