#include "landbridge/route/itinerary.h"

#include <fmt/format.h>

namespace landbridge::route {
namespace {

// Checked arithmetic for the shipment's figures: within the limits (options.h: kMaxLegs,
// kMaxBoxes) nothing overflows; beyond them (e.g. dated rates multiplying prices far past the
// package limits) the itinerary is refused rather than printed with a wrapped total.
[[noreturn]] void too_large(const char* what) {
  throw RequestError(fmt::format("the itinerary's {} is too large to represent; expected prices, emissions and counts "
                          "within the limits of docs/network-package.md (Limits)",
                          what));
}
std::int64_t times(std::int64_t v, std::int64_t n, const char* what) {
  std::int64_t r = 0;
  if (__builtin_mul_overflow(v, n, &r)) too_large(what);
  return r;
}
template <class Q>
void add_to(Q& sum, Q v, const char* what) {
  typename Q::rep r{};
  if (__builtin_add_overflow(sum.value(), v.value(), &r)) too_large(what);
  sum = Q(r);
}
emissions::Co2e times(emissions::Co2e c, std::int64_t n) {
  return {GramsCo2e(times(c.wtw.value(), n, "CO2e")), GramsCo2e(times(c.ttw.value(), n, "CO2e"))};
}

}  // namespace

std::string_view to_string(StepKind k) { return k == StepKind::leg ? "leg" : "node"; }

Itinerary make_itinerary(const RoutingGraph& g, const Weights& w, std::span<const LinkId> links) {
  const Network& net = g.network();
  Itinerary it;
  it.shipment = w.shipment;
  it.links.assign(links.begin(), links.end());
  if (links.empty()) return it;
  const std::int64_t n = w.shipment.count;
  const bool feu = w.shipment.unit == ContainerUnit::feu;
  it.from = net.link_from(links.front());
  it.to = net.link_to(links.back());

  auto add_transfer = [&](NodeId at, std::uint8_t arrive, std::uint8_t depart, bool intermediate) {
    const Transfer& t = net.transfer(at, arrive, depart);
    if (intermediate && t.transshipment) ++it.transshipments;
    for (OperationId o : net.transfer_ops(t)) {
      const OperationInfo& op = net.operation(o);
      Step s;
      s.kind = StepKind::node;
      s.from = s.to = s.at = at;
      s.operation = o;
      s.op_kind = op.kind;
      s.arrive = arrive;
      s.depart = depart;
      s.duration = op.duration.value;
      // The operation's price, plus the plug-in charge of a reefer for the time it takes.
      const UsdCents per_box = operation_price(net, o, feu, w.rates.get(), w.rates_on) +
                               plug_charge(op.duration.value, w.equipment, w.equipment_charges);
      s.cost = UsdCents(times(per_box.value(), n, "cost"));
      const emissions::Co2e hub = emissions::hub(w.mass_per_box, op.hub_kg_co2e_per_t);
      s.co2e = times(hub, n);
      it.per_box += Criteria{s.duration, per_box, hub.wtw};
      it.steps.push_back(s);
    }
  };

  it.via.push_back(it.from);
  add_transfer(it.from, kCarriageStart, net.link_carriage(links.front()).code(), false);
  for (std::size_t i = 0; i < links.size(); ++i) {
    const LinkId l = links[i];
    if (i > 0)
      add_transfer(net.link_from(l), net.link_carriage(links[i - 1]).code(), net.link_carriage(l).code(), true);
    Step s;
    s.kind = StepKind::leg;
    s.from = net.link_from(l);
    s.to = net.link_to(l);
    s.link = l;
    s.carriage = net.link_carriage(l);
    s.distance = w.distance[l];
    s.duration = w.link[l].time;
    s.cost = UsdCents(times(w.link[l].cost.value(), n, "cost"));
    const emissions::Co2e leg =
        emissions::leg(w.mass_per_box, s.distance, net.emission_factor(net.link_emission_factor(l)));
    s.co2e = times(leg, n);
    s.passages = w.passages[l];
    it.per_box += Criteria{s.duration, w.link[l].cost, leg.wtw};
    it.passages |= s.passages;
    it.steps.push_back(s);
    it.via.push_back(s.to);
  }
  add_transfer(it.to, net.link_carriage(links.back()).code(), kCarriageEnd, false);

  for (const Step& s : it.steps) {
    it.total.distance += s.distance;
    add_to(it.total.duration, s.duration, "duration");
    add_to(it.total.cost, s.cost, "cost");
    add_to(it.total.co2e.wtw, s.co2e.wtw, "CO2e");
    add_to(it.total.co2e.ttw, s.co2e.ttw, "CO2e");
  }
  it.signature = signature(net, links, w.passages.raw());
  it.label = corridor_label(net, links, it.signature);
  return it;
}

}  // namespace landbridge::route
