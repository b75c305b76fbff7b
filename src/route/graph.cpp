#include "landbridge/route/graph.h"

#include <algorithm>
#include <map>
#include <string>
#include <tuple>

#include "landbridge/emissions/emissions.h"

namespace landbridge::route {

RoutingGraph::RoutingGraph(const Network& net) : net_(&net) {
  const std::size_t nl = net.link_count();
  std::map<std::tuple<std::uint32_t, std::uint8_t, std::uint8_t>, XferId> index;
  auto xfer_of = [&](NodeId v, std::uint8_t a, std::uint8_t d) {
    auto [it, fresh] = index.try_emplace({v.get(), a, d}, XferId::from(xfers_.size()));
    if (fresh) {
      xfers_.push_back(&net.transfer(v, a, d));
      xfer_node_.push_back(v);
    }
    return it->second;
  };

  start_.assign(nl, XferId{});
  end_.assign(nl, XferId{});
  std::vector<std::pair<LinkId, Turn>> fwd;
  std::vector<std::pair<LinkId, RevTurn>> rev;
  for (std::uint32_t i = 0; i < nl; ++i) {
    const LinkId a(i);
    const std::uint8_t ca = net.link_carriage(a).code();
    start_[a] = xfer_of(net.link_from(a), kCarriageStart, ca);
    end_[a] = xfer_of(net.link_to(a), ca, kCarriageEnd);
    const NodeId v = net.link_to(a);
    for (LinkId b : net.out_links(v)) {
      const XferId x = xfer_of(v, ca, net.link_carriage(b).code());
      fwd.emplace_back(a, Turn{b, x});
      rev.emplace_back(b, RevTurn{a, x});
    }
  }
  turns_ = Csr<LinkId, Turn>::build(nl, fwd);
  rev_turns_ = Csr<LinkId, RevTurn>::build(nl, rev);

  for (const std::uint64_t b : country_bits(net)) country_bit_.push_back(b);
}

void prepare(const RoutingGraph& g, const RouteOptions& opts, const LinkOverrides* overrides, Weights& w) {
  const Network& net = g.network();
  const std::size_t nn = net.node_count(), nl = g.link_count(), nx = g.xfer_count();

  w.node_ok.assign(nn, 1);
  for (NodeId n : opts.avoid_nodes)
    if (n.valid() && n.get() < nn) w.node_ok[n] = 0;
  if (!opts.avoid_countries.empty()) {
    for (NodeId n : net.nodes().keys()) {
      const std::string& c = net.node(n).country;
      if (std::find(opts.avoid_countries.begin(), opts.avoid_countries.end(), c) != opts.avoid_countries.end())
        w.node_ok[n] = 0;
    }
  }

  w.shipment = opts.shipment;
  w.equipment = opts.equipment;
  w.equipment_charges = opts.equipment_charges;
  w.rates = opts.rates;
  w.rates_on = opts.rates_on;
  w.prices = opts.prices;
  w.max_transshipments = opts.max_transshipments ? std::max(0, *opts.max_transshipments) : -1;
  w.mass_per_box = emissions::MassModel{net.mass_per_teu(), opts.feu_mass_ratio}.per_box(opts.shipment.unit);
  const bool feu = opts.shipment.unit == ContainerUnit::feu;

  w.link.assign(nl, Criteria{});
  w.link_ok.assign(nl, 0);
  w.distance.assign(nl, Kilometres(0.0));
  w.passages.assign(nl, 0);
  for (std::uint32_t i = 0; i < nl; ++i) {
    const LinkId l(i);
    Kilometres dist = net.link_distance(l);
    Minutes dur = net.link_duration(l);
    UsdCents cost = feu ? net.link_cost_feu(l) : net.link_cost_teu(l);
    PassageSet pass = net.link_passages(l);
    bool ok = true;
    if (const LinkOverride* o = overrides ? overrides->find(l) : nullptr) {
      ok = o->usable;
      dist = o->distance;
      dur = o->duration;
      cost = feu ? o->cost_feu : o->cost_teu;
      pass = o->passages;
    }
    const Carriage c = net.link_carriage(l);
    ok = ok && !(opts.avoid_modes & mode_bit(c.mode)) && !(pass & opts.avoid_passages) &&
         w.node_ok[net.link_from(l)] && w.node_ok[net.link_to(l)];
    const emissions::Co2e co2 = emissions::leg(w.mass_per_box, dist, net.emission_factor(net.link_emission_factor(l)));
    if (opts.rates && !opts.rates->empty())
      cost = timetable::scaled(cost, opts.rates->link_factor(net.link_info(l).id, c.mode, opts.rates_on));
    w.link[l] = Criteria{dur, transport_price(cost, opts.equipment, opts.equipment_charges), co2.wtw};
    w.link_ok[l] = ok ? 1 : 0;
    w.distance[l] = dist;
    w.passages[l] = pass;
  }

  w.xfer.assign(nx, Criteria{});
  w.xfer_ok.assign(nx, 0);
  w.xfer_ts.assign(nx, 0);
  for (std::uint32_t i = 0; i < nx; ++i) {
    const XferId x(i);
    const Transfer& t = g.xfer(x);
    Criteria c{t.duration, feu ? t.cost_feu : t.cost_teu, GramsCo2e(0)};
    const bool dated = opts.rates && !opts.rates->empty();
    if (dated) c.cost = UsdCents(0);  // priced operation by operation below
    for (OperationId o : net.transfer_ops(t)) {
      if (dated) c.cost += operation_price(net, o, feu, opts.rates.get(), opts.rates_on);
      c.co2e += emissions::hub(w.mass_per_box, net.operation(o).hub_kg_co2e_per_t).wtw;
      c.cost += plug_charge(net.operation(o).duration.value, opts.equipment, opts.equipment_charges);  // reefers
    }
    w.xfer[x] = c;
    w.xfer_ok[x] = w.node_ok[g.xfer_node(x)];
    w.xfer_ts[x] = t.transshipment ? 1 : 0;
  }
}

PathEvaluation evaluate(const RoutingGraph& g, const Weights& w, std::span<const LinkId> links) {
  PathEvaluation ev;
  if (links.empty()) {
    ev.usable = false;
    return ev;
  }
  auto add_xfer = [&](XferId x, bool intermediate) {
    ev.per_box += w.xfer[x];
    ev.usable = ev.usable && w.xfer_ok[x];
    if (intermediate) ev.transshipments += w.xfer_ts[x];
  };
  add_xfer(g.start_xfer(links.front()), false);
  for (std::size_t i = 0; i < links.size(); ++i) {
    const LinkId l = links[i];
    ev.per_box += w.link[l];
    ev.usable = ev.usable && w.link_ok[l];
    if (i + 1 < links.size()) {
      const auto row = g.turns(l);
      const auto it = std::find_if(row.begin(), row.end(), [&](const RoutingGraph::Turn& t) { return t.next == links[i + 1]; });
      if (it == row.end()) {
        ev.usable = false;
        return ev;
      }
      add_xfer(it->xfer, true);
    }
  }
  add_xfer(g.end_xfer(links.back()), false);
  if (w.max_transshipments >= 0 && ev.transshipments > w.max_transshipments) ev.usable = false;
  return ev;
}

}  // namespace landbridge::route
