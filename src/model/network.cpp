#include "landbridge/model/network.h"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <map>
#include <set>

namespace landbridge {

std::string_view to_string(Basis b) {
  switch (b) {
    case Basis::sourced: return "sourced";
    case Basis::computed: return "computed";
    case Basis::assumption: return "assumption";
  }
  return "sourced";
}

std::optional<Basis> parse_basis(std::string_view s) {
  if (s == "sourced" || s.empty()) return Basis::sourced;
  if (s == "computed") return Basis::computed;
  if (s == "assumption") return Basis::assumption;
  return std::nullopt;
}

std::optional<NodeId> Network::find_node(std::string_view code) const {
  auto it = node_by_code_.find(std::string(code));
  if (it == node_by_code_.end()) return std::nullopt;
  return it->second;
}

std::optional<LinkId> Network::find_link(std::string_view id) const {
  auto it = link_by_id_.find(std::string(id));
  if (it == link_by_id_.end()) return std::nullopt;
  return it->second;
}

const Transfer& Network::transfer(NodeId n, std::uint8_t arrive, std::uint8_t depart) const {
  for (const Transfer& t : transfers_[n])
    if (t.arrive == arrive && t.depart == depart) return t;
  return no_transfer_;
}

std::vector<std::size_t> match_operations(std::span<const OperationInfo* const> ops, std::uint8_t arrive,
                                          std::uint8_t depart, std::optional<OperationKind>* ambiguous_kind) {
  std::array<int, kOperationKindCount> best_spec;
  std::array<std::size_t, kOperationKindCount> best;
  std::array<bool, kOperationKindCount> tied{};  // the best of a kind is shared by two operations
  best_spec.fill(-1);
  best.fill(0);
  for (std::size_t i = 0; i < ops.size(); ++i) {
    const OperationInfo& o = *ops[i];
    if (!o.arrive.matches(arrive) || !o.depart.matches(depart)) continue;
    const auto k = static_cast<std::size_t>(o.kind);
    const int spec = o.arrive.specificity() + o.depart.specificity();
    if (spec > best_spec[k]) {
      best_spec[k] = spec;
      best[k] = i;
      tied[k] = false;
    } else if (spec == best_spec[k]) {
      tied[k] = true;
    }
  }
  if (ambiguous_kind)
    for (std::size_t k = 0; k < kOperationKindCount; ++k)
      if (tied[k]) *ambiguous_kind = static_cast<OperationKind>(k);
  std::vector<std::size_t> out;
  for (std::size_t k = 0; k < kOperationKindCount; ++k)
    if (best_spec[k] >= 0) out.push_back(best[k]);
  return out;
}

std::vector<OperationId> matching_operations(const Network& net, NodeId node, std::uint8_t arrive,
                                             std::uint8_t depart) {
  std::vector<const OperationInfo*> at;
  std::vector<OperationId> ids;
  for (OperationId o : net.operations().keys())
    if (net.operation(o).node == node) {
      at.push_back(&net.operation(o));
      ids.push_back(o);
    }
  std::vector<OperationId> out;
  for (std::size_t i : match_operations(at, arrive, depart, nullptr)) out.push_back(ids[i]);
  return out;
}

// --- builder -----------------------------------------------------------------------------

NetworkBuilder::NetworkBuilder(Network base) : net_(std::move(base)) {
  // build() derives these again from nodes, links and operations.
  net_.transfer_ops_.clear();
  net_.transfers_ = {};
  net_.out_ = {};
  net_.in_ = {};
}

NetworkBuilder& NetworkBuilder::name(std::string n) {
  net_.name_ = std::move(n);
  return *this;
}
NetworkBuilder& NetworkBuilder::mass_per_teu(Tonnes t) {
  net_.mass_per_teu_ = t;
  return *this;
}

SourceId NetworkBuilder::add_source(Source s) { return net_.sources_.push_back(std::move(s)); }

NodeId NetworkBuilder::add_node(NodeInfo n) {
  if (net_.node_by_code_.contains(n.code)) throw Error(fmt::format("duplicate node '{}'", n.code));
  const std::string code = n.code;
  NodeId id = net_.nodes_.push_back(std::move(n));
  net_.node_by_code_.emplace(code, id);
  return id;
}

EmissionFactorId NetworkBuilder::add_emission_factor(EmissionFactor f) {
  return net_.factors_.push_back(std::move(f));
}

std::pair<LinkId, LinkId> NetworkBuilder::add_two_way_link(LinkSpec l) {
  LinkSpec r = l;
  r.id += kReverseLinkSuffix;
  std::swap(r.from, r.to);
  const LinkId there = add_link(std::move(l));
  return {there, add_link(std::move(r))};
}

LinkId NetworkBuilder::add_link(LinkSpec l) {
  const auto n = net_.nodes_.size();
  if (!l.from.valid() || !l.to.valid() || l.from.get() >= n || l.to.get() >= n)
    throw Error(fmt::format("link '{}': unknown node", l.id));
  if (l.from == l.to) throw Error(fmt::format("link '{}': starts and ends at the same node", l.id));
  if (!l.factor.valid() || l.factor.get() >= net_.factors_.size())
    throw Error(fmt::format("link '{}': unknown emission factor", l.id));
  if (!l.id.empty() && net_.link_by_id_.contains(l.id)) throw Error(fmt::format("duplicate link '{}'", l.id));
  if ((l.carriage.mode == Mode::rail) != (l.carriage.gauge != Gauge::none))
    throw Error(fmt::format("link '{}': rail links need a gauge and other links none", l.id));
  if (l.info.distance.value == Kilometres(0.0) && l.info.distance.hi == Kilometres(0.0))
    l.info.distance = Estimate<Kilometres>::exact(l.distance);
  if (l.info.duration.hi == Minutes(0)) l.info.duration = Estimate<Minutes>::exact(l.duration);
  if (l.info.cost_teu.hi == UsdCents(0)) l.info.cost_teu = Estimate<UsdCents>::exact(l.cost_teu);
  if (l.info.cost_feu.hi == UsdCents(0)) l.info.cost_feu = Estimate<UsdCents>::exact(l.cost_feu);
  l.info.id = l.id;
  LinkId id = net_.link_from_.push_back(l.from);
  net_.link_to_.push_back(l.to);
  net_.link_carriage_.push_back(l.carriage);
  net_.link_distance_.push_back(l.distance);
  net_.link_duration_.push_back(l.duration);
  net_.link_cost_teu_.push_back(l.cost_teu);
  net_.link_cost_feu_.push_back(l.cost_feu);
  net_.link_factor_.push_back(l.factor);
  net_.link_passages_.push_back(l.passages);
  net_.links_.push_back(std::move(l.info));
  if (!l.id.empty()) net_.link_by_id_.emplace(l.id, id);
  return id;
}

OperationId NetworkBuilder::add_operation(OperationInfo o) {
  if (!o.node.valid() || o.node.get() >= net_.nodes_.size()) throw Error("operation at an unknown node");
  return net_.ops_.push_back(std::move(o));
}

std::optional<NodeId> NetworkBuilder::find_node(std::string_view code) const {
  auto it = net_.node_by_code_.find(std::string(code));
  if (it == net_.node_by_code_.end()) return std::nullopt;
  return it->second;
}

Network NetworkBuilder::build() {
  Network& n = net_;
  const std::size_t nn = n.nodes_.size();

  std::vector<std::pair<NodeId, LinkId>> out, in;
  for (LinkId l : n.link_from_.keys()) {
    out.emplace_back(n.link_from_[l], l);
    in.emplace_back(n.link_to_[l], l);
  }
  n.out_ = Csr<NodeId, LinkId>::build(nn, out);
  n.in_ = Csr<NodeId, LinkId>::build(nn, in);

  // Operations per node, in file order.
  std::vector<std::vector<OperationId>> ops_at(nn);
  for (OperationId o : n.ops_.keys()) ops_at[n.ops_[o].node.get()].push_back(o);

  // Every (arrive, depart) carriage pair that can occur at each node gets a Transfer.
  std::vector<std::pair<NodeId, Transfer>> transfers;
  for (NodeId v : n.nodes_.keys()) {
    std::set<std::uint8_t> arr{kCarriageStart}, dep{kCarriageEnd};
    for (LinkId l : n.in_[v]) arr.insert(n.link_carriage_[l].code());
    for (LinkId l : n.out_[v]) dep.insert(n.link_carriage_[l].code());
    std::vector<const OperationInfo*> here;
    for (OperationId o : ops_at[v.get()]) here.push_back(&n.ops_[o]);
    for (std::uint8_t a : arr) {
      for (std::uint8_t d : dep) {
        Transfer t;
        t.arrive = a;
        t.depart = d;
        t.ops_begin = static_cast<std::uint32_t>(n.transfer_ops_.size());
        for (std::size_t i : match_operations(here, a, d, nullptr)) {
          const OperationId o = ops_at[v.get()][i];
          const OperationInfo& op = n.ops_[o];
          t.duration += op.duration.value;
          t.cost_teu += op.cost_teu.value;
          t.cost_feu += op.cost_feu.value;
          t.hub_kg_co2e_per_t += op.hub_kg_co2e_per_t;
          if (op.kind != OperationKind::dwell) {
            t.connection += op.duration.value;
            t.connection_cost_teu += op.cost_teu.value;
            t.connection_cost_feu += op.cost_feu.value;
            t.connection_hub_kg_co2e_per_t += op.hub_kg_co2e_per_t;
          }
          t.transshipment |= op.kind == OperationKind::handling || op.kind == OperationKind::gauge_change;
          n.transfer_ops_.push_back(o);
        }
        t.ops_end = static_cast<std::uint32_t>(n.transfer_ops_.size());
        transfers.emplace_back(v, t);
      }
    }
  }
  n.transfers_ = Csr<NodeId, Transfer>::build(nn, transfers);

  Network result = std::move(net_);
  net_ = Network{};
  return result;
}

std::vector<std::uint64_t> country_bits(const Network& net) {
  std::map<std::string, int> index;
  std::vector<std::uint64_t> bits;
  bits.reserve(net.node_count());
  for (const NodeInfo& n : net.nodes()) {
    const auto [it, fresh] = index.try_emplace(n.country, static_cast<int>(index.size()));
    bits.push_back(it->second < 64 ? std::uint64_t{1} << it->second : 0);
  }
  return bits;
}

bool sane_via(const Network& net, std::span<const NodeId> via) {
  std::set<NodeId> seen;
  std::set<std::string> left;
  for (std::size_t i = 0; i < via.size(); ++i) {
    if (!seen.insert(via[i]).second) return false;
    const std::string& c = net.node(via[i]).country;
    if (left.contains(c)) return false;
    if (i > 0 && net.node(via[i - 1]).country != c) left.insert(net.node(via[i - 1]).country);
  }
  return true;
}

}  // namespace landbridge
