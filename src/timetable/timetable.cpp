#include "landbridge/timetable/timetable.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <numeric>
#include <tuple>

#include "landbridge/core/error.h"
#include "landbridge/model/network.h"

namespace landbridge::timetable {
namespace {

template <class T>
std::size_t bytes(const std::vector<T>& v) {
  return v.capacity() * sizeof(T);
}

// Everything that makes two trips interchangeable for the search except their times.
struct RouteKey {
  std::vector<std::uint32_t> stops;
  std::vector<double> km;
  std::uint8_t carriage = 0;
  std::int32_t cutoff = 0;
  std::vector<std::int64_t> fare_teu;  // cumulative per call
  std::vector<std::int64_t> fare_feu;
  double intensity = 0.0;
  std::int32_t capacity = 0;
  auto tie() const { return std::tie(stops, km, carriage, cutoff, fare_teu, fare_feu, intensity, capacity); }
  bool operator<(const RouteKey& o) const { return tie() < o.tie(); }
};

struct PendingTrip {
  std::uint32_t service;
  Instant start;
};

bool rule_less(const TransferRule& a, const TransferRule& b) {
  return std::tie(a.duration, a.cost_teu, a.cost_feu, a.hub_kg_co2e_per_t, a.transshipment) <
         std::tie(b.duration, b.cost_teu, b.cost_feu, b.hub_kg_co2e_per_t, b.transshipment);
}

}  // namespace

// --- TransferTable -----------------------------------------------------------------------

TransferTable& TransferTable::add(std::optional<NodeId> stop, CarriagePattern arrive, CarriagePattern depart,
                                  TransferRule rule) {
  entries_.push_back({stop, arrive, depart, rule});
  return *this;
}

TransferRule TransferTable::operator()(NodeId stop, std::uint8_t arrive, std::uint8_t depart) const {
  const Entry* best = nullptr;
  int best_score = -1;
  for (const Entry& e : entries_) {
    if (e.stop && *e.stop != stop) continue;
    if (!e.arrive.matches(arrive) || !e.depart.matches(depart)) continue;
    const int score = (e.stop ? 100 : 0) + e.arrive.specificity() + e.depart.specificity();
    if (score >= best_score) {
      best = &e;
      best_score = score;
    }
  }
  return best ? best->rule : default_;
}

TransferFn transfers_from_network(const Network& net) {
  return [&net](NodeId stop, std::uint8_t arrive, std::uint8_t depart) {
    const Transfer& t = net.transfer(stop, arrive, depart);
    TransferRule r;
    // Minimum connection time only: the timetable waits for the real departure, so the
    // static planner's expected dwell is not charged on top of it.
    r.duration = t.connection;
    r.cost_teu = t.connection_cost_teu;
    r.cost_feu = t.connection_cost_feu;
    r.hub_kg_co2e_per_t = t.connection_hub_kg_co2e_per_t;
    r.transshipment = t.transshipment;
    return r;
  };
}

IdVector<EmissionFactorId, GramsPerTonneKm> intensities_from_network(const Network& net) {
  IdVector<EmissionFactorId, GramsPerTonneKm> out;
  for (const EmissionFactor& f : net.emission_factors()) out.push_back(f.wtw);
  return out;
}

// --- Timetable queries -------------------------------------------------------------------

RuleId Timetable::find_rule(GroupId g, SlotId s) const {
  for (const GroupEntry& e : group(g))
    if (e.slot == s) return e.rule;
  return RuleId::invalid();
}

std::string Timetable::stop_name(NodeId n) const {
  if (n.get() < node_names_.size() && !node_names_[n.get()].empty()) return node_names_[n.get()];
  std::string s(1, '#');
  s += std::to_string(n.get());
  return s;
}

std::optional<NodeId> Timetable::find_stop(std::string_view name) const {
  for (std::size_t i = 0; i < node_names_.size(); ++i)
    if (node_names_[i] == name) return NodeId::from(i);
  return std::nullopt;
}

std::size_t Timetable::memory_bytes() const {
  return bytes(route_stop_begin_) + bytes(route_stops_) + bytes(seg_km_) + bytes(rs_alight_slot_) +
         bytes(rs_board_group_) + bytes(route_carriage_) + bytes(route_cutoff_) + bytes(fare_teu_) +
         bytes(fare_feu_) + bytes(route_intensity_) + bytes(route_capacity_) + bytes(route_trip_begin_) +
         bytes(route_time_begin_) + bytes(times_) + bytes(dep_by_stop_) + bytes(trip_route_) + bytes(trip_service_) +
         bytes(trip_start_) + stop_routes_.size() * sizeof(RouteStop) + bytes(stop_slot_begin_) + bytes(slot_stop_) +
         bytes(slot_code_) + bytes(slot_by_link_) + bytes(slot_end_rule_) + bytes(group_begin_) +
         bytes(group_entries_) + bytes(group_stop_) + bytes(group_code_) + bytes(rules_) + bytes(link_slot_) +
         bytes(link_group_) + stop_links_.size() * sizeof(UntimedLinkId);
}

// --- build -------------------------------------------------------------------------------

Timetable Timetable::build(const TimetableSpec& spec) {
  Diagnostics diags;
  const std::size_t n_nodes = spec.node_count;
  if (n_nodes == 0) diags.add("", 0, "node_count", "0", "a timetable needs at least one stop");
  if (spec.horizon_length.value() <= 0)
    diags.add("", 0, "horizon_length", format_duration(spec.horizon_length), "expected a positive horizon");
  if (!spec.node_names.empty() && spec.node_names.size() != n_nodes)
    diags.add("", 0, "node_names", std::to_string(spec.node_names.size()),
              "expected one name per node (" + std::to_string(n_nodes) + ") or none");
  const auto intensity_of = [&](EmissionFactorId f, bool needed, const std::string& who) -> GramsPerTonneKm {
    if (f.valid() && f.get() < spec.intensity.size()) {
      const GramsPerTonneKm i = spec.intensity[f];
      if (!std::isfinite(i.value()) || i.value() < 0.0)
        diags.add("", 0, who + " factor", std::to_string(i.value()), "emission intensity must be finite and >= 0");
      return i;
    }
    if (f.valid() || needed)
      diags.add("", 0, who + " factor", f.valid() ? std::to_string(f.get()) : "",
                "unknown emission factor (" + std::to_string(spec.intensity.size()) +
                    " given); required when distances are stated");
    return GramsPerTonneKm(0.0);
  };
  std::vector<double> service_intensity(spec.services.size(), 0.0);
  for (std::size_t i = 0; i < spec.services.size(); ++i) {
    const Service& s = spec.services[i];
    validate(s, n_nodes, diags);
    bool has_km = false;
    for (const Call& c : s.calls) has_km |= c.distance.value() > 0.0;
    service_intensity[i] = intensity_of(s.factor, has_km, "service '" + s.id + "'").value();
  }
  {
    std::vector<std::string> ids;
    for (const Service& s : spec.services) ids.push_back(s.id);
    std::sort(ids.begin(), ids.end());
    for (std::size_t i = 1; i < ids.size(); ++i)
      if (ids[i] == ids[i - 1] && (i < 2 || ids[i - 2] != ids[i]))
        diags.add("", 0, "service '" + ids[i] + "' id", ids[i], "duplicate service id");
  }
  Timetable tt;
  tt.link_intensity_.resize(spec.links.size());
  for (std::size_t i = 0; i < spec.links.size(); ++i) {
    const UntimedLink& l = spec.links[i];
    const std::string who = "link '" + (l.id.empty() ? std::to_string(i) : l.id) + "'";
    for (NodeId n : {l.from, l.to})
      if (!n.valid() || n.get() >= n_nodes) diags.add("", 0, who + " stop", std::to_string(n.get()), "unknown node");
    if (l.from == l.to) diags.add("", 0, who, std::to_string(l.from.get()), "a link needs two different stops");
    if (l.duration.value() < 0) diags.add("", 0, who + " duration", format_duration(l.duration), "expected >= 0");
    if (l.cost_teu.value() < 0 || l.cost_feu.value() < 0) diags.add("", 0, who + " cost", "", "expected costs >= 0");
    if (!std::isfinite(l.distance.value()) || l.distance.value() < 0.0)
      diags.add("", 0, who + " distance", std::to_string(l.distance.value()), "expected >= 0 km");
    tt.link_intensity_[i] = intensity_of(l.factor, l.distance.value() > 0.0, who);
  }
  diags.throw_if_any();

  const TransferFn rule_fn = spec.transfer ? spec.transfer : TransferFn([](NodeId, std::uint8_t, std::uint8_t) {
    return TransferRule{};
  });
  tt.horizon_start_ = spec.horizon_start;
  {
    // The horizon comes from user input (a ready day, a window): its end must be an instant.
    const auto end = checked_add(spec.horizon_start, spec.horizon_length);
    if (spec.horizon_length < Minutes(0) || !end)
      throw Error("timetable horizon: " + format_duration(spec.horizon_length) + " from " +
                  std::to_string(spec.horizon_start.value()) + " min after 2020-01-01 leaves the 32-bit instant range");
    tt.horizon_end_ = *end;
  }
  tt.services_ = spec.services;
  tt.node_names_ = spec.node_names;
  tt.node_names_.resize(n_nodes);
  if (!spec.stop_region.empty()) {
    tt.stop_region_ = spec.stop_region;
    tt.stop_region_.resize(n_nodes, 0);
  }

  // 1. Group services by route key, expand their trips.
  std::map<RouteKey, std::vector<PendingTrip>> groups;
  std::vector<Instant> starts;
  for (std::size_t si = 0; si < spec.services.size(); ++si) {
    const Service& s = spec.services[si];
    service_starts(s, tt.horizon_start_, tt.horizon_end_, starts);
    if (starts.empty()) continue;
    // Offsets increase along the calls (validate), so the first departure and the last arrival
    // of the first and last trips bound every stop time: all must be 32-bit instants.
    if (!checked_add(starts.front(), s.calls.front().departure) || !checked_add(starts.back(), s.calls.back().arrival))
      throw Error("service '" + s.id + "': its trips in the horizon leave the 32-bit instant range");
    RouteKey key;
    for (const Call& c : s.calls) {
      key.stops.push_back(c.stop.get());
      key.km.push_back(c.distance.value());
    }
    key.km[0] = 0.0;
    key.carriage = s.carriage.code();
    key.cutoff = s.cutoff.value();
    for (UsdCents f : call_fares(s, false)) key.fare_teu.push_back(f.value());
    for (UsdCents f : call_fares(s, true)) key.fare_feu.push_back(f.value());
    key.intensity = service_intensity[si];
    key.capacity = s.capacity_teu;
    auto& trips = groups[key];
    for (Instant x : starts) trips.push_back({static_cast<std::uint32_t>(si), x});
  }

  // 2. Split each group into FIFO routes and lay out stop times.
  tt.route_stop_begin_.push_back(0);
  tt.route_trip_begin_.push_back(0);
  tt.route_time_begin_.push_back(0);
  std::vector<std::int32_t> times;  // per pending trip: dep, arr interleaved per stop
  for (auto& [key, trips] : groups) {
    const std::size_t n = key.stops.size();
    if (n > 65535) throw Error("service '" + spec.services[trips.front().service].id + "' has more than 65,535 calls");
    const auto time_of = [&](const PendingTrip& t, std::size_t pos, bool departure) {
      const Call& c = spec.services[t.service].calls[pos];
      const Minutes off = departure ? (pos + 1 == n ? c.arrival : c.departure) : (pos == 0 ? c.departure : c.arrival);
      return (t.start + off).value();  // a 32-bit instant: checked when the trips were expanded
    };
    std::sort(trips.begin(), trips.end(), [&](const PendingTrip& a, const PendingTrip& b) {
      for (std::size_t pos = 0; pos < n; ++pos) {
        const auto da = time_of(a, pos, true), db = time_of(b, pos, true);
        if (da != db) return da < db;
        const auto aa = time_of(a, pos, false), ab = time_of(b, pos, false);
        if (aa != ab) return aa < ab;
      }
      return a.service < b.service;
    });
    // First-fit into chains where no trip overtakes the one before it.
    std::vector<std::vector<std::uint32_t>> chains;
    for (std::uint32_t ti = 0; ti < trips.size(); ++ti) {
      bool placed = false;
      for (auto& chain : chains) {
        const PendingTrip& last = trips[chain.back()];
        bool fifo = true;
        for (std::size_t pos = 0; pos < n && fifo; ++pos)
          fifo = time_of(last, pos, true) <= time_of(trips[ti], pos, true) &&
                 time_of(last, pos, false) <= time_of(trips[ti], pos, false);
        if (fifo) {
          chain.push_back(ti);
          placed = true;
          break;
        }
      }
      if (!placed) chains.push_back({ti});
    }
    const Carriage carriage = spec.services[trips.front().service].carriage;
    for (const auto& chain : chains) {
      const RouteId r = RouteId::from(tt.route_carriage_.size());
      for (std::size_t pos = 0; pos < n; ++pos) {
        tt.route_stops_.push_back(NodeId(key.stops[pos]));
        tt.seg_km_.push_back(Kilometres(key.km[pos]));
        tt.fare_teu_.push_back(UsdCents(key.fare_teu[pos]));
        tt.fare_feu_.push_back(UsdCents(key.fare_feu[pos]));
      }
      tt.route_stop_begin_.push_back(static_cast<std::uint32_t>(tt.route_stops_.size()));
      tt.route_carriage_.push_back(carriage);
      tt.route_cutoff_.push_back(Minutes(key.cutoff));
      tt.route_intensity_.push_back(GramsPerTonneKm(key.intensity));
      tt.route_capacity_.push_back(key.capacity);
      for (std::uint32_t ti : chain) {
        const PendingTrip& t = trips[ti];
        tt.trip_route_.push_back(r);
        tt.trip_service_.push_back(ServiceId(t.service));
        tt.trip_start_.push_back(t.start);
        for (std::size_t pos = 0; pos < n; ++pos) {
          tt.times_.push_back({Instant(time_of(t, pos, false)), Instant(time_of(t, pos, true))});
        }
      }
      tt.route_trip_begin_.push_back(static_cast<std::uint32_t>(tt.trip_route_.size()));
      tt.route_time_begin_.push_back(static_cast<std::uint32_t>(tt.times_.size()));
    }
  }
  const std::size_t n_routes = tt.route_carriage_.size();
  tt.dep_by_stop_.resize(tt.times_.size());
  for (std::size_t r = 0; r < n_routes; ++r) {
    const std::uint32_t n = tt.route_stop_begin_[r + 1] - tt.route_stop_begin_[r];
    const std::uint32_t trips = tt.route_trip_begin_[r + 1] - tt.route_trip_begin_[r];
    const std::uint32_t base = tt.route_time_begin_[r];
    for (std::uint32_t j = 0; j < trips; ++j)
      for (std::uint32_t pos = 0; pos < n; ++pos) tt.dep_by_stop_[base + pos * trips + j] = tt.times_[base + j * n + pos].dep;
  }

  // 3. Slots: start, then one per arriving route carriage, then one per arriving link carriage.
  std::vector<std::vector<std::uint8_t>> trip_codes(n_nodes), link_codes(n_nodes);
  for (std::size_t r = 0; r < n_routes; ++r) {
    const auto stops = tt.route_stops(RouteId::from(r));
    for (std::size_t pos = 1; pos < stops.size(); ++pos) trip_codes[stops[pos].get()].push_back(tt.route_carriage_[r].code());
  }
  for (const UntimedLink& l : spec.links) link_codes[l.to.get()].push_back(l.carriage.code());
  const auto slot_index = [&](NodeId n, std::uint8_t code, bool by_link) {
    const auto b = tt.stop_slot_begin_[n.get()], e = tt.stop_slot_begin_[n.get() + 1];
    for (auto s = b; s < e; ++s)
      if (tt.slot_code_[s] == code && (tt.slot_by_link_[s] != 0) == by_link) return SlotId(s);
    return SlotId::invalid();
  };
  for (std::size_t n = 0; n < n_nodes; ++n) {
    tt.stop_slot_begin_.push_back(static_cast<std::uint32_t>(tt.slot_stop_.size()));
    const auto add = [&](std::uint8_t code, bool by_link) {
      tt.slot_stop_.push_back(NodeId::from(n));
      tt.slot_code_.push_back(code);
      tt.slot_by_link_.push_back(by_link ? 1 : 0);
    };
    add(kCarriageStart, false);
    for (auto* codes : {&trip_codes[n], &link_codes[n]}) {
      std::sort(codes->begin(), codes->end());
      codes->erase(std::unique(codes->begin(), codes->end()), codes->end());
      for (std::uint8_t c : *codes) add(c, codes == &link_codes[n]);
    }
  }
  tt.stop_slot_begin_.push_back(static_cast<std::uint32_t>(tt.slot_stop_.size()));

  // 4. Rules and groups.
  std::map<TransferRule, RuleId, decltype(&rule_less)> rule_ids(&rule_less);
  const auto intern = [&](const TransferRule& r) {
    auto [it, fresh] = rule_ids.try_emplace(r, RuleId::from(tt.rules_.size()));
    if (fresh) tt.rules_.push_back(r);
    return it->second;
  };
  Diagnostics rule_diags;
  const auto get_rule = [&](NodeId n, std::uint8_t a, std::uint8_t d) -> std::optional<TransferRule> {
    TransferRule r = rule_fn(n, a, d);
    if (!r.allowed) return std::nullopt;
    if (r.duration.value() < 0 || r.cost_teu.value() < 0 || r.cost_feu.value() < 0 || r.hub_kg_co2e_per_t < 0.0 ||
        !std::isfinite(r.hub_kg_co2e_per_t)) {
      rule_diags.add("", 0, "transfer at " + tt.stop_name(n), std::to_string(a) + "->" + std::to_string(d),
                     "transfer durations, costs and hub emissions must be >= 0");
      return std::nullopt;
    }
    r.allowed = true;
    return r;
  };
  tt.slot_end_rule_.assign(tt.slot_stop_.size(), RuleId::invalid());
  for (std::uint32_t s = 0; s < tt.slot_stop_.size(); ++s)
    if (auto r = get_rule(tt.slot_stop_[s], tt.slot_code_[s], kCarriageEnd)) tt.slot_end_rule_[s] = intern(*r);

  std::map<std::tuple<std::uint32_t, std::uint8_t, bool>, GroupId> group_ids;
  tt.group_begin_.push_back(0);
  const auto group_of = [&](NodeId n, std::uint8_t code, bool for_link) {
    auto [it, fresh] = group_ids.try_emplace({n.get(), code, for_link}, GroupId::from(tt.group_stop_.size()));
    if (!fresh) return it->second;
    for (auto s = tt.stop_slot_begin_[n.get()]; s < tt.stop_slot_begin_[n.get() + 1]; ++s) {
      if (for_link && tt.slot_by_link_[s]) continue;  // never two untimed links in a row
      if (auto r = get_rule(n, tt.slot_code_[s], code)) tt.group_entries_.push_back({SlotId(s), intern(*r), r->duration});
    }
    tt.group_begin_.push_back(static_cast<std::uint32_t>(tt.group_entries_.size()));
    tt.group_stop_.push_back(n);
    tt.group_code_.push_back(code);
    return it->second;
  };
  std::vector<std::pair<NodeId, RouteStop>> stop_routes;
  for (std::size_t r = 0; r < n_routes; ++r) {
    const RouteId rid = RouteId::from(r);
    const auto stops = tt.route_stops(rid);
    const std::uint8_t code = tt.route_carriage_[r].code();
    for (std::uint32_t pos = 0; pos < stops.size(); ++pos) {
      tt.rs_alight_slot_.push_back(pos == 0 ? SlotId::invalid() : slot_index(stops[pos], code, false));
      tt.rs_board_group_.push_back(pos + 1 == stops.size() ? GroupId::invalid() : group_of(stops[pos], code, false));
      if (pos + 1 < stops.size()) stop_routes.push_back({stops[pos], {rid, pos}});
    }
  }
  tt.stop_routes_ = Csr<NodeId, RouteStop>::build(n_nodes, stop_routes);

  std::vector<std::pair<NodeId, UntimedLinkId>> stop_links;
  tt.links_ = spec.links;
  for (std::size_t i = 0; i < spec.links.size(); ++i) {
    const UntimedLink& l = spec.links[i];
    tt.link_slot_.push_back(slot_index(l.to, l.carriage.code(), true));
    tt.link_group_.push_back(group_of(l.from, l.carriage.code(), true));
    stop_links.push_back({l.from, UntimedLinkId::from(i)});
  }
  tt.stop_links_ = Csr<NodeId, UntimedLinkId>::build(n_nodes, stop_links);
  rule_diags.throw_if_any();
  return tt;
}

}  // namespace landbridge::timetable
