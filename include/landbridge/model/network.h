// The multimodal network: nodes, directed links, node operations, emission factors and the
// sources every figure cites. Built once (by io::load_package or a NetworkBuilder in tests),
// then read-only; routing, simulation and assignment all read this one structure.
//
// Layout: descriptive ("cold") attributes are records in IdVectors; everything a search
// touches per edge ("hot") is a flat array indexed by LinkId, and adjacency is CSR.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <unordered_map>
#include <vector>

#include "landbridge/core/error.h"
#include "landbridge/core/geo.h"
#include "landbridge/core/ids.h"
#include "landbridge/core/units.h"
#include "landbridge/model/modes.h"

namespace landbridge {

// A figure with the range the sources span. lo == hi == value for a single figure.
template <class Q>
struct Estimate {
  Q value{};
  Q lo{};
  Q hi{};
  static Estimate exact(Q v) { return {v, v, v}; }
  [[nodiscard]] bool is_range() const { return lo != hi; }
};

// How a figure was obtained.
enum class Basis : std::uint8_t {
  sourced,      // a published figure, cited
  computed,     // computed from cited inputs by a stated method (e.g. marnet distance)
  assumption,   // an assumption of this dataset, stated in the note
};
std::string_view to_string(Basis b);
std::optional<Basis> parse_basis(std::string_view s);

struct Source {
  std::string key;        // "S42"
  std::string title;
  std::string url;        // stored address, without scheme
  std::string date;       // publication or access date, ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD)
  std::string note;
};

struct NodeInfo {
  std::string code;                  // UN/LOCODE, e.g. "JPHKT"; unique key
  std::string name;                  // "Hakata (Fukuoka)"
  std::string country;               // ISO 3166-1 alpha-2, e.g. "JP"
  NodeKind kind = NodeKind::hub;
  LatLon pos;
  std::vector<std::string> aliases;  // other names a user may type ("Khorgos", "Altynkol")
  std::string timezone;              // IANA name, e.g. "Asia/Tokyo" ("" when unknown)
  std::vector<SourceId> sources;
  std::string note;
};

struct LinkInfo {
  std::string id;                    // package id, e.g. "rail-CNLYG-CNHRS"
  Basis distance_basis = Basis::sourced;
  Estimate<Kilometres> distance;
  Estimate<Minutes> duration;
  Estimate<UsdCents> cost_teu;
  Estimate<UsdCents> cost_feu;
  Knots speed{0.0};                  // maritime links: service speed the duration derives from
  double capacity_teu_per_day = 0;   // 0 = not stated
  std::vector<SourceId> sources;
  std::string note;
};

// The service-time distribution the simulation draws an operation's time from (operations.csv
// `service_dist`), parameterised by the operation's duration: fixed (its value), exponential
// (mean = value), lognormal (mean = value, cv = service_cv), triangular and PERT (duration_range
// low, value as mode, high). `unstated`: the simulation's default (triangular over the range).
enum class ServiceDist : std::uint8_t { unstated, fixed, exponential, lognormal, triangular, pert };

struct OperationInfo {
  NodeId node;
  OperationKind kind = OperationKind::handling;
  CarriagePattern arrive;
  CarriagePattern depart;
  Estimate<Minutes> duration;
  Estimate<UsdCents> cost_teu;
  Estimate<UsdCents> cost_feu;
  double hub_kg_co2e_per_t = 0;      // hub emission intensity, kg CO2e per tonne handled
  double capacity_teu_per_day = 0;   // 0 = not stated (used by simulation)
  double moves_per_hour = 0;         // crane productivity (simulation), 0 = not stated
  int cranes = 0;                    // cranes / tracks working in parallel (simulation), 0 = not stated
  int servers = 0;                   // parallel servers of the operation's queue (simulation), 0 = not stated
  ServiceDist service_dist = ServiceDist::unstated;  // simulation service-time distribution
  double service_cv = 0;             // lognormal: coefficient of variation (> 0), else 0
  std::vector<SourceId> sources;
  std::string note;
};

struct EmissionFactor {
  std::string id;                    // "rail-electric-eu"
  Mode mode = Mode::rail;
  std::string description;
  GramsPerTonneKm wtw{0.0};          // well-to-wheel (the figure used for totals)
  GramsPerTonneKm ttw{0.0};          // tank-to-wheel part of wtw
  std::vector<SourceId> sources;
  std::string note;
};

// The combined effect of every operation that applies to one transfer at one node.
//
// Two readings (docs/timetabled-routing.md, "Connections"): the static planner charges every
// operation, `dwell` included (its stand-in for waiting for a departure); a timetable charges
// only the minimum connection time, the operations other than `dwell` (handling, gauge change,
// border), because it computes the real wait for the next departure itself.
struct Transfer {
  std::uint8_t arrive = 0;           // carriage code or kCarriageStart
  std::uint8_t depart = 0;           // carriage code or kCarriageEnd
  Minutes duration{0};               // every operation (static planner)
  UsdCents cost_teu{0};
  UsdCents cost_feu{0};
  double hub_kg_co2e_per_t = 0;
  Minutes connection{0};             // minimum connection time: every operation but `dwell`
  UsdCents connection_cost_teu{0};   // price of those operations
  UsdCents connection_cost_feu{0};
  double connection_hub_kg_co2e_per_t = 0;
  bool transshipment = false;        // some operation lifts the box (handling / gauge change)
  std::uint32_t ops_begin = 0;       // into Network::transfer_ops()
  std::uint32_t ops_end = 0;
};

class Network {
 public:
  // --- sizes ---
  [[nodiscard]] std::size_t node_count() const { return nodes_.size(); }
  [[nodiscard]] std::size_t link_count() const { return link_from_.size(); }

  // --- nodes ---
  [[nodiscard]] const NodeInfo& node(NodeId n) const { return nodes_[n]; }
  [[nodiscard]] const IdVector<NodeId, NodeInfo>& nodes() const { return nodes_; }
  [[nodiscard]] std::optional<NodeId> find_node(std::string_view code) const;

  // --- links (hot arrays) ---
  [[nodiscard]] NodeId link_from(LinkId l) const { return link_from_[l]; }
  [[nodiscard]] NodeId link_to(LinkId l) const { return link_to_[l]; }
  [[nodiscard]] Carriage link_carriage(LinkId l) const { return link_carriage_[l]; }
  [[nodiscard]] Kilometres link_distance(LinkId l) const { return link_distance_[l]; }
  [[nodiscard]] Minutes link_duration(LinkId l) const { return link_duration_[l]; }
  [[nodiscard]] UsdCents link_cost_teu(LinkId l) const { return link_cost_teu_[l]; }
  [[nodiscard]] UsdCents link_cost_feu(LinkId l) const { return link_cost_feu_[l]; }
  [[nodiscard]] EmissionFactorId link_emission_factor(LinkId l) const { return link_factor_[l]; }
  [[nodiscard]] PassageSet link_passages(LinkId l) const { return link_passages_[l]; }
  [[nodiscard]] const LinkInfo& link_info(LinkId l) const { return links_[l]; }
  [[nodiscard]] std::optional<LinkId> find_link(std::string_view id) const;
  // Outgoing links of a node, CSR.
  [[nodiscard]] Csr<NodeId, LinkId>::Row out_links(NodeId n) const { return out_[n]; }
  [[nodiscard]] Csr<NodeId, LinkId>::Row in_links(NodeId n) const { return in_[n]; }

  // --- node operations ---
  [[nodiscard]] std::size_t operation_count() const { return ops_.size(); }
  [[nodiscard]] const OperationInfo& operation(OperationId o) const { return ops_[o]; }
  [[nodiscard]] const IdVector<OperationId, OperationInfo>& operations() const { return ops_; }
  // The combined transfer at `n` from carriage code `arrive` to `depart` (either may be the
  // start/end pseudo code). Every (arrive, depart) pair that occurs at a node has an entry;
  // a pair with no operation has zero duration and cost.
  [[nodiscard]] const Transfer& transfer(NodeId n, std::uint8_t arrive, std::uint8_t depart) const;
  // Operations that make up a transfer, in the order they are performed.
  [[nodiscard]] std::span<const OperationId> transfer_ops(const Transfer& t) const {
    return {transfer_ops_.data() + t.ops_begin, t.ops_end - t.ops_begin};
  }

  // --- emissions and sources ---
  [[nodiscard]] const EmissionFactor& emission_factor(EmissionFactorId f) const { return factors_[f]; }
  [[nodiscard]] const IdVector<EmissionFactorId, EmissionFactor>& emission_factors() const { return factors_; }
  [[nodiscard]] const Source& source(SourceId s) const { return sources_[s]; }
  [[nodiscard]] const IdVector<SourceId, Source>& sources() const { return sources_; }
  [[nodiscard]] Tonnes mass_per_teu() const { return mass_per_teu_; }
  [[nodiscard]] const std::string& name() const { return name_; }

 private:
  friend class NetworkBuilder;

  std::string name_;
  Tonnes mass_per_teu_{10.0};

  IdVector<SourceId, Source> sources_;
  IdVector<NodeId, NodeInfo> nodes_;
  std::unordered_map<std::string, NodeId> node_by_code_;

  // Links: hot arrays indexed by LinkId, and cold records.
  IdVector<LinkId, NodeId> link_from_;             // tail node
  IdVector<LinkId, NodeId> link_to_;               // head node
  IdVector<LinkId, Carriage> link_carriage_;       // mode and gauge
  IdVector<LinkId, Kilometres> link_distance_;     // distance used for emissions and charts
  IdVector<LinkId, Minutes> link_duration_;        // running / sailing time
  IdVector<LinkId, UsdCents> link_cost_teu_;       // price per loaded TEU
  IdVector<LinkId, UsdCents> link_cost_feu_;       // price per loaded FEU
  IdVector<LinkId, EmissionFactorId> link_factor_; // intensity row for emissions
  IdVector<LinkId, PassageSet> link_passages_;     // sea passages the link sails through
  IdVector<LinkId, LinkInfo> links_;
  std::unordered_map<std::string, LinkId> link_by_id_;
  Csr<NodeId, LinkId> out_;                        // outgoing links per node
  Csr<NodeId, LinkId> in_;                         // incoming links per node

  IdVector<OperationId, OperationInfo> ops_;
  Csr<NodeId, Transfer> transfers_;                // every (arrive, depart) pair per node
  std::vector<OperationId> transfer_ops_;          // ops of each transfer, contiguous
  Transfer no_transfer_{};

  IdVector<EmissionFactorId, EmissionFactor> factors_;
};

// Description of a link as handed to the builder.
struct LinkSpec {
  std::string id;
  NodeId from, to;
  Carriage carriage;
  Kilometres distance{0.0};
  Minutes duration{0};
  UsdCents cost_teu{0};
  UsdCents cost_feu{0};
  EmissionFactorId factor;
  PassageSet passages = 0;
  LinkInfo info;  // ranges, basis, sources, note (distance/duration/cost filled from above if empty)
};

// Assembles a Network. Structural mistakes (unknown ids, duplicates) throw landbridge::Error;
// the package loader checks its files first and reports them with file and line.
// The reverse of a two-way link is named after it with this suffix ("KZ-AKT~r").
inline constexpr std::string_view kReverseLinkSuffix = "~r";

class NetworkBuilder {
 public:
  NetworkBuilder() = default;
  // Starts from a built network: its nodes, links, operations, factors and sources keep their
  // ids, and what is added gets the next ones (door-to-door queries add places this way).
  explicit NetworkBuilder(Network base);
  NetworkBuilder& name(std::string n);
  NetworkBuilder& mass_per_teu(Tonnes t);
  SourceId add_source(Source s);
  NodeId add_node(NodeInfo n);
  EmissionFactorId add_emission_factor(EmissionFactor f);
  LinkId add_link(LinkSpec l);
  // A two-way link: `l` and its reverse, named l.id + kReverseLinkSuffix (ids of both).
  std::pair<LinkId, LinkId> add_two_way_link(LinkSpec l);
  OperationId add_operation(OperationInfo o);

  // Looks up a node added earlier (by code).
  [[nodiscard]] std::optional<NodeId> find_node(std::string_view code) const;
  [[nodiscard]] std::size_t node_count() const { return net_.nodes_.size(); }

  // Finishes adjacency and per-node transfer tables. The builder is empty afterwards.
  Network build();

 private:
  Network net_;
};

// Each node's country as one bit of a 64-bit set, countries numbered in order of first
// appearance among the nodes; 0 from the 65th country on (no country rule covers those). The
// routers use it to keep a path from re-entering a country it has left.
std::vector<std::uint64_t> country_bits(const Network& net);

// Whether a sequence of places passed (origin first) is sane: no node twice, and no country
// entered again after the sequence has left it. Both planners hold their answers to it.
bool sane_via(const Network& net, std::span<const NodeId> via);

// Which operations of `net` apply to the transfer (arrive -> depart) at `node`: for each
// operation kind, the most specific matching operation. Returned in kind order.
std::vector<OperationId> matching_operations(const Network& net, NodeId node, std::uint8_t arrive,
                                             std::uint8_t depart);
// Same, on a raw operation list (used by the loader before a Network exists). Sets
// `ambiguous_kind` if two operations of one kind match with equal specificity.
std::vector<std::size_t> match_operations(std::span<const OperationInfo* const> ops, std::uint8_t arrive,
                                          std::uint8_t depart, std::optional<OperationKind>* ambiguous_kind);

}  // namespace landbridge
