#include "landbridge/route/report.h"

#include <cmath>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "landbridge/core/money.h"
#include "landbridge/timetable/time.h"

namespace landbridge::route {


double round_to(double v, double step) { return std::round(v / step) * step; }

nlohmann::json passages_json(PassageSet s) {
  using nlohmann::json;
  json a = json::array();
  for (int p = 0; p < kPassageCount; ++p)
    if (s & (PassageSet{1} << p)) a.push_back(std::string(to_string(static_cast<Passage>(p))));
  return a;
}

nlohmann::json constraints_json(const Network& net, const RouteOptions& o) {
  using nlohmann::json;
  json nodes = json::array(), modes = json::array();
  for (NodeId n : o.avoid_nodes) nodes.push_back(net.node(n).code);
  for (int m = 0; m < kModeCount; ++m)
    if (o.avoid_modes & mode_bit(static_cast<Mode>(m))) modes.push_back(std::string(to_string(static_cast<Mode>(m))));
  json c;
  c["avoid_nodes"] = nodes;
  c["avoid_countries"] = o.avoid_countries;
  c["avoid_modes"] = modes;
  c["avoid_passages"] = passages_json(o.avoid_passages);
  c["max_transshipments"] = o.max_transshipments ? json(*o.max_transshipments) : json(nullptr);
  return c;
}

std::string carriage_code_name(std::uint8_t code) {
  if (code == kCarriageStart) return "start";
  if (code == kCarriageEnd) return "end";
  return to_string(Carriage{static_cast<Mode>(code / kGaugeCount), static_cast<Gauge>(code % kGaugeCount)});
}

void put_figures(nlohmann::json& j, Kilometres d, Minutes t, UsdCents c, const emissions::Co2e& e) {
  j["distance_km"] = round_to(d.value(), 0.1);
  j["hours"] = round_to(to_hours(t), 0.01);
  j["cost_usd"] = to_usd(c);
  j["co2e_kg"] = to_kg(e.wtw);
  j["co2e_ttw_kg"] = to_kg(e.ttw);
}

namespace {

using nlohmann::json;


// 1234567.891 -> "1,234,567.9" with `decimals` decimals.
std::string grouped(double v, int decimals) {
  std::string s = fmt::format("{:.{}f}", std::abs(v), decimals);
  const auto dot = s.find('.');
  std::string head = s.substr(0, dot), tail = dot == std::string::npos ? "" : s.substr(dot);
  std::string out;
  for (std::size_t i = 0; i < head.size(); ++i) {
    if (i > 0 && (head.size() - i) % 3 == 0) out += ',';
    out += head[i];
  }
  std::string sign = v < 0 && std::abs(v) >= 0.5 * std::pow(10.0, -decimals) ? "-" : "";
  sign += out;
  sign += tail;
  return sign;
}

std::string code_of(const Network& net, NodeId n) { return n.valid() ? net.node(n).code : ""; }

}  // namespace

json to_json(const Network& net, const Itinerary& it) {
  json j;
  j["label"] = it.label;
  json via = json::array();
  for (NodeId n : it.via) via.push_back(net.node(n).code);
  j["via"] = via;
  json corridor = json::array();
  for (const CorridorToken& t : it.signature) corridor.push_back(to_string(net, t));
  j["corridor"] = corridor;
  j["transshipments"] = it.transshipments;
  j["passages"] = passages_json(it.passages);
  j["days"] = round_to(to_days(it.total.duration), 0.01);
  json steps = json::array();
  for (const Step& s : it.steps) {
    json st;
    st["kind"] = std::string(to_string(s.kind));
    if (s.kind == StepKind::leg) {
      st["from"] = net.node(s.from).code;
      st["to"] = net.node(s.to).code;
      st["at"] = nullptr;
      st["mode"] = std::string(to_string(s.carriage.mode));
      st["gauge"] = s.carriage.gauge == Gauge::none ? json(nullptr) : json(std::string(to_string(s.carriage.gauge)));
      st["link"] = net.link_info(s.link).id;
      st["passages"] = passages_json(s.passages);
    } else {
      st["from"] = net.node(s.at).code;
      st["to"] = net.node(s.at).code;
      st["at"] = net.node(s.at).code;
      st["mode"] = nullptr;
      st["operation"] = std::string(to_string(s.op_kind));
      st["arrive"] = carriage_code_name(s.arrive);
      st["depart"] = carriage_code_name(s.depart);
    }
    put_figures(st, s.distance, s.duration, s.cost, s.co2e);
    steps.push_back(std::move(st));
  }
  j["steps"] = steps;
  json total;
  put_figures(total, it.total.distance, it.total.duration, it.total.cost, it.total.co2e);
  total["days"] = round_to(to_days(it.total.duration), 0.01);
  j["total"] = total;
  return j;
}

json to_json(const Network& net, const RouteResult& r) {
  json j;
  j["from"] = net.node(r.from).code;
  j["to"] = net.node(r.to).code;
  j["from_name"] = net.node(r.from).name;
  j["to_name"] = net.node(r.to).name;
  j["objective"] = std::string(to_string(r.objective));
  j["pareto"] = r.pareto;
  j["unit"] = std::string(emissions::to_string(r.options.shipment.unit));
  j["equipment"] = std::string(iso_code(BoxType{r.options.shipment.unit, r.options.equipment}));
  const bool dated = r.options.rates && !r.options.rates->empty();
  j["rates_on"] = dated ? json(timetable::format_date(r.options.rates_on)) : json(nullptr);
  j["count"] = r.options.shipment.count;
  j["constraints"] = constraints_json(net, r.options);
  json rerouted = json::array(), dropped = json::array();
  for (LinkId l : r.rerouted) rerouted.push_back(net.link_info(l).id);
  for (LinkId l : r.dropped) dropped.push_back(net.link_info(l).id);
  j["rerouted"] = rerouted;
  j["dropped"] = dropped;
  j["truncated"] = r.truncated;
  j["capped"] = r.capped;  // the Pareto set was cut at pareto_cap
  j["pareto_cap"] = r.pareto_cap;
  json its = json::array();
  for (std::size_t i = 0; i < r.itineraries.size(); ++i) {
    json it = to_json(net, r.itineraries[i]);
    it["rank"] = i + 1;
    its.push_back(std::move(it));
  }
  j["itineraries"] = its;
  return j;
}

std::string to_table(const Network& net, const RouteResult& r) {
  std::string out;
  const NodeInfo& from = net.node(r.from);
  const NodeInfo& to = net.node(r.to);
  out += fmt::format("{} {} \u2192 {} {} \u00b7 {} {} \u00b7 {}\n", from.code, from.name, to.code, to.name,
                     r.options.shipment.count, box_label(BoxType{r.options.shipment.unit, r.options.equipment}),
                     r.pareto ? fmt::format("Pareto set over time, cost, CO2e (sorted by {})", to_string(r.objective))
                              : fmt::format("best by {}", to_string(r.objective)));
  if (r.options.rates && !r.options.rates->empty())
    out += fmt::format("prices of {} (dated rates of the package)\n", timetable::format_date(r.options.rates_on));
  std::vector<std::string> avoided;
  for (NodeId n : r.options.avoid_nodes) avoided.push_back(net.node(n).code);
  for (const auto& c : r.options.avoid_countries) avoided.push_back(c);
  for (int m = 0; m < kModeCount; ++m)
    if (r.options.avoid_modes & mode_bit(static_cast<Mode>(m))) avoided.emplace_back(to_string(static_cast<Mode>(m)));
  for (int p = 0; p < kPassageCount; ++p)
    if (r.options.avoid_passages & (PassageSet{1} << p)) avoided.emplace_back(to_string(static_cast<Passage>(p)));
  if (!avoided.empty()) out += fmt::format("avoiding {}\n", fmt::join(avoided, ", "));
  if (r.options.max_transshipments) out += fmt::format("at most {} transshipments\n", *r.options.max_transshipments);
  if (!r.rerouted.empty() || !r.dropped.empty())
    out += fmt::format("closed passages: {} sea link(s) re-routed, {} dropped\n", r.rerouted.size(), r.dropped.size());
  if (r.itineraries.empty()) {
    out += "no route\n";
    return out;
  }
  if (r.truncated) out += "search budget reached: the list may be incomplete\n";
  if (r.capped)
    out += fmt::format("note: the Pareto set was cut: the search keeps at most {} itineraries and {} labels per "
                       "link, the first found (fastest first); the others are left out (docs/network-package.md, "
                       "Limits)\n",
                       r.pareto_cap, r.pareto_cap);

  for (std::size_t i = 0; i < r.itineraries.size(); ++i) {
    const Itinerary& it = r.itineraries[i];
    out += fmt::format("\n{}. {}\n", i + 1, it.label);
    out += fmt::format("   {} days \u00b7 {} \u00b7 {} kg CO2e (TTW {}) \u00b7 {} transshipment{}\n",
                       grouped(to_days(it.total.duration), 1), format_money(it.total.cost),
                       grouped(to_kg(it.total.co2e.wtw), 1), grouped(to_kg(it.total.co2e.ttw), 1), it.transshipments,
                       it.transshipments == 1 ? "" : "s");
    out += fmt::format("   {:<5} {:<6} {:<6} {:<16} {:>10} {:>8} {:>11} {:>10}  {}\n", "step", "from", "to",
                       "mode/operation", "km", "hours", "USD", "kg CO2e", "passages");
    for (const Step& s : it.steps) {
      const std::string what = s.kind == StepKind::leg ? to_string(s.carriage) : std::string(to_string(s.op_kind));
      std::string line = fmt::format("   {:<5} {:<6} {:<6} {:<16} {:>10} {:>8} {:>11} {:>10}", to_string(s.kind),
                         code_of(net, s.kind == StepKind::leg ? s.from : s.at),
                         s.kind == StepKind::leg ? code_of(net, s.to) : "", what,
                         s.kind == StepKind::leg ? grouped(s.distance.value(), 0) : "",
                         grouped(to_hours(s.duration), 1), format_money_amount(s.cost), grouped(to_kg(s.co2e.wtw), 1));
      if (s.passages) {
        line += "  ";
        line += passage_list(s.passages);
      }
      out += line;
      out += '\n';
    }
    out += fmt::format("   {:<5} {:<6} {:<6} {:<16} {:>10} {:>8} {:>11} {:>10}\n", "total", "", "", "",
                       grouped(it.total.distance.value(), 0), grouped(to_hours(it.total.duration), 1),
                       format_money_amount(it.total.cost), grouped(to_kg(it.total.co2e.wtw), 1));
  }
  return out;
}

}  // namespace landbridge::route
