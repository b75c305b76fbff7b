#include "landbridge/place/door.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <numbers>
#include <map>
#include <set>

#include "landbridge/io/places.h"

namespace landbridge::place {
namespace {

std::vector<SourceId> merged(std::initializer_list<const std::vector<SourceId>*> lists) {
  std::vector<SourceId> out;
  for (const auto* l : lists)
    for (SourceId s : *l)
      if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
  return out;
}

// Pairs of countries the network crosses over land (a link that is not waterborne).
std::set<std::pair<std::string, std::string>> land_borders(const Network& net) {
  std::set<std::pair<std::string, std::string>> out;
  for (std::uint32_t i = 0; i < net.link_count(); ++i) {
    const LinkId l(i);
    if (is_waterborne(net.link_carriage(l).mode)) continue;
    const std::string& a = net.node(net.link_from(l)).country;
    const std::string& b = net.node(net.link_to(l)).country;
    if (a != b) out.emplace(std::min(a, b), std::max(a, b));
  }
  return out;
}

class Augmenter {
 public:
  Augmenter(const io::LoadedPackage& pkg, const RoadAccess& road)
      : base_(pkg.network), road_(road), b_(pkg.network), borders_(land_borders(pkg.network)) {}

  // Connects `p`: an origin by road links to the terminals, a destination from them.
  void add(const Place& p, bool origin) {
    const Network& net = base_;
    const std::string country = p.country();
    struct Candidate {
      double km;
      NodeId node;
    };
    std::vector<Candidate> all, reachable;
    for (NodeId n : net.nodes().keys()) {
      const NodeInfo& info = net.node(n);
      if (info.kind == NodeKind::border_crossing) continue;
      const double km = great_circle(p.pos, info.pos).value();
      all.push_back({km, n});
      const bool domestic = info.country == country || road_.free_crossing(country, info.country);
      const bool land = domestic || borders_.contains({std::min(country, info.country), std::max(country, info.country)});
      // A foreign terminal the package already serves by road is left out: its border
      // operation for trucks would apply to those roads too.
      if (land && km <= road_.radius_km && (domestic || !has_road(n))) reachable.push_back({km, n});
    }
    const auto closer = [](const Candidate& a, const Candidate& b) { return a.km < b.km; };
    std::sort(reachable.begin(), reachable.end(), closer);
    if (reachable.empty()) {
      std::sort(all.begin(), all.end(), closer);
      throw NoAccessError(fmt::format(
          "no route: {} {} ({}) has no terminal of the network within {:.0f} km by road in its own country or "
          "one the network reaches over land{}",
          p.code, p.name, country, road_.radius_km,
          all.empty() ? std::string()
                      : fmt::format(" (nearest: {} {}, {} at {:.0f} km great-circle)", net.node(all[0].node).code,
                                    net.node(all[0].node).name, net.node(all[0].node).country, all[0].km)));
    }
    if (reachable.size() > static_cast<std::size_t>(road_.nearest)) reachable.resize(static_cast<std::size_t>(road_.nearest));

    NodeInfo info;
    info.code = p.code;
    info.name = p.name;
    info.country = country;
    info.kind = NodeKind::hub;
    info.pos = p.pos;
    if (!p.ascii.empty()) info.aliases.push_back(p.ascii);
    if (!p.alt.empty()) info.aliases.push_back(p.alt);
    info.timezone = zone_near(p);
    info.note = fmt::format("UN/LOCODE place added for this query (data/unlocode){}",
                            p.geocoded ? "; coordinates geocoded by the mirror" : "");
    const NodeId pn = b_.add_node(std::move(info));

    for (const Candidate& c : reachable) {
      const NodeInfo& t = net.node(c.node);
      if (origin)
        road_link(pn, c.node, p.pos, t.pos, fmt::format("road-{}-{}", p.code, t.code));
      else
        road_link(c.node, pn, t.pos, p.pos, fmt::format("road-{}-{}", t.code, p.code));
      if (t.country != country && !road_.free_crossing(country, t.country)) border_at(c.node, origin);
      road_ops_at(c.node);
    }
  }

  io::LoadedPackage finish(const io::LoadedPackage& pkg) {
    io::LoadedPackage out;
    out.dir = pkg.dir;
    out.version = pkg.version;
    out.description = pkg.description;
    out.marnet = pkg.marnet;
    out.sea_from_port = pkg.sea_from_port;
    out.sea_to_port = pkg.sea_to_port;
    out.sea_avoid = pkg.sea_avoid;
    out.road = pkg.road;
    out.network = b_.build();
    for (std::size_t i = pkg.network.link_count(); i < out.network.link_count(); ++i) {
      out.sea_from_port.push_back(PortId::invalid());
      out.sea_to_port.push_back(PortId::invalid());
      out.sea_avoid.push_back(PassageSet{0});
    }
    return out;
  }

 private:
  std::string zone_near(const Place& p) const { return nearest_zone(base_, p); }

  // Road link a -> b: great circle x detour factor, speed, price per km (ranges from theirs).
  void road_link(NodeId a, NodeId b, LatLon pa, LatLon pb, const std::string& id) {
    const double gc = great_circle(pa, pb).value();
    const RoadFigure& f = road_.detour_factor;
    const RoadFigure& v = road_.speed_kmh;
    const RoadFigure& c = road_.cost_usd_per_km;
    LinkSpec s;
    s.id = id;
    s.from = a;
    s.to = b;
    s.carriage = {Mode::road, Gauge::none};
    s.factor = road_.emission_factor;
    const double km = gc * f.value, km_lo = gc * f.lo, km_hi = gc * f.hi;
    s.info.distance_basis = Basis::computed;
    s.info.distance = {Kilometres(km), Kilometres(km_lo), Kilometres(km_hi)};
    s.info.duration = {hours(km / v.value), hours(km_lo / v.hi), hours(km_hi / v.lo)};
    const Estimate<UsdCents> cost{usd(km * c.value), usd(km_lo * c.lo), usd(km_hi * c.hi)};
    s.info.cost_teu = cost;
    s.info.cost_feu = cost;
    s.info.speed = Knots(v.value / kKmPerNauticalMile);
    s.info.sources = merged({&f.sources, &v.sources, &c.sources});
    s.info.note = fmt::format("door-to-door road access: gc*{} at {} km/h, {} USD per truck-km (network.toml [road])",
                              f.value, v.value, c.value);
    s.distance = s.info.distance.value;
    s.duration = s.info.duration.value;
    s.cost_teu = cost.value;
    s.cost_feu = cost.value;
    b_.add_link(std::move(s));
  }

  bool has_road(NodeId n) const {
    for (LinkId l : base_.out_links(n))
      if (base_.link_carriage(l).mode == Mode::road) return true;
    for (LinkId l : base_.in_links(n))
      if (base_.link_carriage(l).mode == Mode::road) return true;
    return false;
  }

  // The border a truck crosses between a place and a foreign terminal, cleared at the terminal:
  // for a box arriving by road (origin place) or leaving by road (destination place). Only the
  // query's places reach the terminal by road (has_road), so the operation concerns them alone.
  // A truck that passes through (road -> road) with both places foreign crosses twice.
  void border_at(NodeId t, bool arriving) {
    const CarriagePattern road{CarriagePattern::Kind::mode, Carriage{Mode::road, Gauge::none}};
    const RoadFigure& h = road_.border_hours;
    const RoadFigure& c = road_.border_cost_usd;
    const auto op = [&](CarriagePattern arrive, CarriagePattern depart, double times, const char* what) {
      OperationInfo o;
      o.node = t;
      o.kind = OperationKind::border;
      o.arrive = arrive;
      o.depart = depart;
      o.duration = {hours(h.value * times), hours(h.lo * times), hours(h.hi * times)};
      const Estimate<UsdCents> cost{usd(c.value * times), usd(c.lo * times), usd(c.hi * times)};
      o.cost_teu = cost;
      o.cost_feu = cost;
      o.sources = merged({&h.sources, &c.sources});
      o.note = fmt::format("road border crossing of a door-to-door query, {} ([road] border_hours, border_cost_usd)", what);
      b_.add_operation(std::move(o));
    };
    auto& sides = border_sides_[t.get()];
    if ((arriving && sides.first) || (!arriving && sides.second)) return;
    (arriving ? sides.first : sides.second) = true;
    if (arriving) op(road, CarriagePattern{}, 1, "truck arriving from abroad");
    else op(CarriagePattern{}, road, 1, "truck leaving for abroad");
    if (sides.first && sides.second) op(road, road, 2, "truck passing through, two crossings");
  }

  // A terminal reached by truck handles the box as one that starts or ends there.
  void road_ops_at(NodeId t) {
    if (!road_ops_done_.insert(t.get()).second) return;
    const CarriagePattern road{CarriagePattern::Kind::mode, Carriage{Mode::road, Gauge::none}};
    const std::uint8_t road_code = Carriage{Mode::road, Gauge::none}.code();
    std::vector<OperationInfo> copies;
    for (const OperationInfo& op : base_.operations()) {
      if (op.node != t) continue;
      const bool from_start = op.arrive.kind == CarriagePattern::Kind::terminal;
      const bool to_end = op.depart.kind == CarriagePattern::Kind::terminal;
      if (!from_start && !to_end) continue;
      // Left alone where the node already has an operation of this kind for a truck on the
      // transfers the copy would cover (the package then says how trucks are handled).
      const auto& links = from_start ? base_.out_links(t) : base_.in_links(t);
      const bool taken = std::any_of(base_.operations().begin(), base_.operations().end(), [&](const OperationInfo& o) {
        if (o.node != t || o.kind != op.kind) return false;
        for (LinkId l : links) {
          const std::uint8_t c = base_.link_carriage(l).code();
          if (from_start ? o.arrive.matches(road_code) && o.depart.matches(c) && op.depart.matches(c)
                         : o.depart.matches(road_code) && o.arrive.matches(c) && op.arrive.matches(c))
            return true;
        }
        return false;
      });
      if (taken) continue;
      OperationInfo c = op;
      (from_start ? c.arrive : c.depart) = road;
      c.note = fmt::format("as for a box that {} here, applied to a truck (door-to-door query){}",
                           from_start ? "starts" : "ends", op.note.empty() ? "" : "; " + op.note);
      copies.push_back(std::move(c));
    }
    for (OperationInfo& c : copies) b_.add_operation(std::move(c));
  }

  const Network& base_;
  const RoadAccess& road_;
  NetworkBuilder b_;
  std::set<std::pair<std::string, std::string>> borders_;
  std::set<std::uint32_t> road_ops_done_;
  std::map<std::uint32_t, std::pair<bool, bool>> border_sides_;  // arriving / leaving border op added
};

}  // namespace

std::string nearest_zone(const Network& net, const Place& p) {
  std::string zone;
  double best = 0;
  for (const NodeInfo& n : net.nodes()) {
    if (n.country != p.country() || n.timezone.empty()) continue;
    const double km = great_circle(p.pos, n.pos).value();
    if (zone.empty() || km < best) {
      zone = n.timezone;
      best = km;
    }
  }
  return zone;
}

io::LoadedPackage with_places(const io::LoadedPackage& pkg, const Place* origin, const Place* destination) {
  if (!pkg.road)
    throw NoAccessError(fmt::format("no route: the package {} has no [road] table in network.toml: routing from or to "
                                    "a place that is not one of its nodes needs it (docs/door-to-door.md)",
                                    pkg.dir.string()));
  Augmenter a(pkg, *pkg.road);
  if (origin) a.add(*origin, true);
  if (destination && !(origin && origin->code == destination->code)) a.add(*destination, false);
  return a.finish(pkg);
}

DoorQuery door_to_door(io::LoadedPackage pkg, const PlaceSource& places, std::string_view from, std::string_view to) {
  // A name several places share means the one the road settings can serve, if only one is near.
  const double near_km = pkg.road ? pkg.road->radius_km : 0.0;
  const Resolved a = resolve(pkg.network, places, from, near_km);
  const Resolved b = resolve(pkg.network, places, to, near_km);
  DoorQuery q;
  q.from = a.node ? pkg.network.node(*a.node).code : a.place->code;
  q.to = b.node ? pkg.network.node(*b.node).code : b.place->code;
  if (!a.place && !b.place) {
    q.pkg = std::move(pkg);
    return q;
  }
  q.pkg = with_places(pkg, a.place, b.place);
  // Nodes keep their ids: what lies beyond the input's nodes was added (the places).
  for (NodeId n : q.pkg.network.nodes().keys())
    if (n.get() >= pkg.network.node_count()) q.added.push_back(q.pkg.network.node(n).code);
  return q;
}

PlaceSource index_file(std::filesystem::path file) {
  auto cache = std::make_shared<std::optional<PlaceIndex>>();
  return [cache, file = std::move(file)]() -> const PlaceIndex& {
    if (!*cache) *cache = io::load_place_index(file);
    return **cache;
  };
}

}  // namespace landbridge::place
