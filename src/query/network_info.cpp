// node_info / link_info: one node's operations and next departures, one link's figures.
#include "landbridge/query/network_info.h"

#include <algorithm>
#include <chrono>

#include "landbridge/route/report.h"
#include "landbridge/schedule/local_time.h"
#include "landbridge/timetable/time.h"

namespace landbridge::query {

namespace {

using nlohmann::json;

// How far ahead next departures are looked for: longer than any service's period (weekly,
// every n days, a ferry's mean headway) so that each running service shows its next ones.
constexpr Minutes kLookAhead = days(60);

Instant now() {
  using namespace std::chrono;
  const auto s = duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
  // Instants count minutes from 2020-01-01T00:00Z, 1,577,836,800 s after the Unix epoch.
  return Instant(static_cast<Instant::rep>((s - 1'577'836'800LL) / 60));
}

json nullable(double v) { return v > 0 ? json(v) : json(nullptr); }

template <class Q, class F>
json range(const Estimate<Q>& e, F to_number) {
  return {{"value", to_number(e.value)}, {"lo", to_number(e.lo)}, {"hi", to_number(e.hi)}};
}

json hours_range(const Estimate<Minutes>& e) {
  return range(e, [](Minutes m) { return route::round_to(to_hours(m), 0.01); });
}
json usd_range(const Estimate<UsdCents>& e) {
  return range(e, [](UsdCents c) { return to_usd(c); });
}

json sources_json(const Network& net, const std::vector<SourceId>& ids, bool with_note) {
  json out = json::array();
  for (SourceId s : ids) {
    const Source& src = net.source(s);
    json j = {{"key", src.key}, {"title", src.title}, {"url", src.url}, {"date", src.date}};
    if (with_note) j["note"] = src.note;
    out.push_back(std::move(j));
  }
  return out;
}

json operation_json(const Network& net, const OperationInfo& op) {
  return {{"kind", to_string(op.kind)},
          {"arrive", op.arrive.to_string(true)},
          {"depart", op.depart.to_string(false)},
          {"hours", hours_range(op.duration)},
          {"costUsdTeu", usd_range(op.cost_teu)},
          {"costUsdFeu", usd_range(op.cost_feu)},
          {"hubKgCo2ePerT", op.hub_kg_co2e_per_t},
          {"capacityTeuPerDay", nullable(op.capacity_teu_per_day)},
          {"movesPerHour", nullable(op.moves_per_hour)},
          {"cranes", op.cranes > 0 ? json(op.cranes) : json(nullptr)},
          {"sources", sources_json(net, op.sources, false)},
          {"note", op.note}};
}

// The departures of `s` from the calls at `node` (every call but the last), at or after
// `after`, earliest first, at most `limit`.
std::vector<NextDeparture> next_departures(const timetable::Service& s, NodeId node, Instant after, std::int32_t limit,
                                           const FreeTeu& free_teu) {
  std::vector<NextDeparture> out;
  std::vector<Instant> starts;
  for (std::size_t i = 0; i + 1 < s.calls.size(); ++i) {
    if (s.calls[i].stop != node) continue;
    const Minutes offset = s.calls[i].departure;
    starts.clear();
    // Trips whose departure from this call lies in [after, after + look-ahead).
    timetable::service_starts(s, after - offset, after + kLookAhead, starts);
    for (Instant start : starts) {
      const Instant depart = start + offset;
      if (depart < after) continue;
      out.push_back({.key = {s.id, start}, .depart = depart, .next_stop = s.calls[i + 1].stop, .free_teu = {}});
    }
  }
  std::sort(out.begin(), out.end(), [](const NextDeparture& a, const NextDeparture& b) {
    return a.depart != b.depart ? a.depart < b.depart : a.key < b.key;
  });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const NextDeparture& a, const NextDeparture& b) {
                          return a.key == b.key && a.depart == b.depart;
                        }),
            out.end());
  if (out.size() > static_cast<std::size_t>(limit)) out.resize(static_cast<std::size_t>(limit));
  if (free_teu) {
    for (NextDeparture& d : out) d.free_teu = free_teu(d.key);
  }
  return out;
}

}  // namespace

NodeInfoAnswer node_info(const Engine& engine, std::string_view code, const NodeInfoQuery& q) {
  const Network& net = engine.network();
  const auto n = net.find_node(code);
  if (!n) throw QueryError(Problem::not_found, "code", "no node " + std::string(code) + " in the network");
  if (q.limit < 0 || q.limit > 50) {
    throw QueryError(Problem::bad_request, "limit", "limit must be a whole number from 0 to 50");
  }
  NodeInfoAnswer a;
  a.node = *n;
  if (q.after.empty()) {
    a.after = now();
  } else {
    std::string why;
    const auto t = engine.clock().parse(*n, q.after, &why);
    if (!t) {
      throw QueryError(Problem::bad_request, "after",
                       "after must be an ISO 8601 date or date-time (local at the node without an offset), not '" +
                           q.after + "'" + (why.empty() ? "" : ": " + why));
    }
    a.after = *t;
  }
  for (OperationId o : net.operations().keys()) {
    if (net.operation(o).node == *n) a.operations.push_back(o);
  }
  for (const timetable::Service& s : engine.services()) {
    const bool calls = std::any_of(s.calls.begin(), s.calls.end(), [&](const timetable::Call& c) { return c.stop == *n; });
    if (!calls) continue;
    a.services.push_back({.service = &s, .next = next_departures(s, *n, a.after, q.limit, q.free_teu)});
  }
  std::sort(a.services.begin(), a.services.end(),
            [](const ServiceAtNode& x, const ServiceAtNode& y) { return x.service->id < y.service->id; });
  return a;
}

LinkInfoAnswer link_info(const Engine& engine, std::string_view id) {
  const Network& net = engine.network();
  const auto l = net.find_link(id);
  if (!l) throw QueryError(Problem::not_found, "id", "no link " + std::string(id) + " in the network");
  // The figure a route report gives for this link as one leg of one loaded TEU.
  const Tonnes mass = emissions::MassModel::of(net).per_box(ContainerUnit::teu);
  return {.link = *l,
          .per_teu = emissions::leg(mass, net.link_distance(*l), net.emission_factor(net.link_emission_factor(*l)))};
}

json to_json(const Engine& engine, const NodeInfoAnswer& a) {
  const Network& net = engine.network();
  const schedule::LocalClock& clock = engine.clock();
  const NodeInfo& node = net.node(a.node);
  json ops = json::array();
  for (OperationId o : a.operations) ops.push_back(operation_json(net, net.operation(o)));
  json services = json::array();
  for (const ServiceAtNode& sv : a.services) {
    const timetable::Service& s = *sv.service;
    json calls = json::array();
    for (const timetable::Call& c : s.calls) calls.push_back(net.node(c.stop).code);
    json next = json::array();
    for (const NextDeparture& d : sv.next) {
      next.push_back({{"departure", to_string(d.key)},
                      {"depart", timetable::format_iso8601(d.depart)},
                      {"departLocal", clock.format(a.node, d.depart)},
                      {"nextStop", net.node(d.next_stop).code},
                      {"freeTeu", d.free_teu ? json(*d.free_teu) : json(nullptr)},
                      {"capacityTeu", s.capacity_teu > 0 ? json(s.capacity_teu) : json(nullptr)}});
    }
    services.push_back({{"id", s.id},
                        {"name", net.node(s.calls.front().stop).name + " – " + net.node(s.calls.back().stop).name},
                        {"operator", s.operator_name},
                        {"mode", to_string(s.carriage.mode)},
                        {"gauge", s.carriage.gauge == Gauge::none ? json(nullptr) : json(to_string(s.carriage.gauge))},
                        {"capacityTeu", s.capacity_teu > 0 ? json(s.capacity_teu) : json(nullptr)},
                        {"calls", std::move(calls)},
                        {"nextDepartures", std::move(next)}});
  }
  return {{"code", node.code},
          {"name", node.name},
          {"kind", to_string(node.kind)},
          {"country", node.country},
          {"timezone", node.timezone.empty() ? json(nullptr) : json(node.timezone)},
          {"lat", node.pos.lat},
          {"lon", node.pos.lon},
          {"aliases", node.aliases},
          {"note", node.note},
          {"sources", sources_json(net, node.sources, false)},
          {"after", timetable::format_iso8601(a.after)},
          {"operations", std::move(ops)},
          {"services", std::move(services)}};
}

json to_json(const Engine& engine, const LinkInfoAnswer& a) {
  const Network& net = engine.network();
  const LinkInfo& info = net.link_info(a.link);
  const Carriage c = net.link_carriage(a.link);
  const EmissionFactor& f = net.emission_factor(net.link_emission_factor(a.link));
  const NodeInfo& from = net.node(net.link_from(a.link));
  const NodeInfo& to = net.node(net.link_to(a.link));
  json passages = json::array();
  for (const auto& p : route::passages_json(net.link_passages(a.link))) passages.push_back(p);
  return {{"id", info.id},
          {"from", from.code},
          {"to", to.code},
          {"fromName", from.name},
          {"toName", to.name},
          {"mode", to_string(c.mode)},
          {"gauge", c.gauge == Gauge::none ? json(nullptr) : json(to_string(c.gauge))},
          {"distanceKm", range(info.distance, [](Kilometres k) { return route::round_to(k.value(), 0.1); })},
          {"distanceBasis", to_string(info.distance_basis)},
          {"hours", hours_range(info.duration)},
          {"costUsdTeu", usd_range(info.cost_teu)},
          {"costUsdFeu", usd_range(info.cost_feu)},
          {"speedKnots", nullable(info.speed.value())},
          {"capacityTeuPerDay", nullable(info.capacity_teu_per_day)},
          {"co2eKgPerTeu", to_kg(a.per_teu.wtw)},
          {"co2eTtwKgPerTeu", to_kg(a.per_teu.ttw)},
          {"emissionFactor",
           {{"id", f.id}, {"description", f.description}, {"wtwGPerTkm", f.wtw.value()}, {"ttwGPerTkm", f.ttw.value()}}},
          {"passages", std::move(passages)},
          {"note", info.note},
          {"sources", sources_json(net, info.sources, true)}};
}

}  // namespace landbridge::query
