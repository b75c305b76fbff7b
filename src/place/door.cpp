#include "landbridge/place/door.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <numbers>
#include <set>

#include "landbridge/io/places.h"

namespace landbridge::place {
namespace {

// The point halfway along the great circle from a to b.
LatLon midpoint(LatLon a, LatLon b) {
  const double r = std::numbers::pi / 180.0;
  const auto vec = [&](LatLon p) {
    return std::array<double, 3>{std::cos(p.lat * r) * std::cos(p.lon * r), std::cos(p.lat * r) * std::sin(p.lon * r),
                                 std::sin(p.lat * r)};
  };
  const auto va = vec(a), vb = vec(b);
  const double x = va[0] + vb[0], y = va[1] + vb[1], z = va[2] + vb[2];
  return {std::atan2(z, std::hypot(x, y)) / r, std::atan2(y, x) / r};
}

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

  void add(const Place& p) {
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
      const bool land = info.country == country ||
                        borders_.contains({std::min(country, info.country), std::max(country, info.country)});
      if (land && km <= road_.radius_km) reachable.push_back({km, n});
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
      if (t.country == country || road_.free_crossing(country, t.country)) {
        road_pair(pn, c.node, p.pos, t.pos, fmt::format("road-{}-{}", p.code, t.code));
      } else {
        NodeInfo x;
        x.code = fmt::format("{}-{}", p.code, t.code);
        x.name = fmt::format("{}/{} border (road {}-{})", country, t.country, p.name, t.name);
        x.country = country;
        x.kind = NodeKind::border_crossing;
        x.pos = midpoint(p.pos, t.pos);
        x.timezone = t.timezone;
        x.note = "road border point placed halfway along the great circle (door-to-door query)";
        const LatLon xpos = x.pos;
        const std::string xcode = x.code;
        const NodeId xn = b_.add_node(std::move(x));
        road_pair(pn, xn, p.pos, xpos, fmt::format("road-{}", xcode));
        road_pair(xn, c.node, xpos, t.pos, fmt::format("road-{}-{}", xcode, t.code));
        OperationInfo op;
        op.node = xn;
        op.kind = OperationKind::border;
        op.arrive = {CarriagePattern::Kind::mode, Carriage{Mode::road, Gauge::none}};
        op.depart = op.arrive;
        op.duration = {hours(road_.border_hours.value), hours(road_.border_hours.lo), hours(road_.border_hours.hi)};
        const auto cost = Estimate<UsdCents>{usd(road_.border_cost_usd.value), usd(road_.border_cost_usd.lo),
                                             usd(road_.border_cost_usd.hi)};
        op.cost_teu = cost;
        op.cost_feu = cost;
        op.sources = merged({&road_.border_hours.sources, &road_.border_cost_usd.sources});
        op.note = "road border crossing of a door-to-door query ([road] border_hours, border_cost_usd)";
        b_.add_operation(std::move(op));
      }
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
  // The zone of the nearest node of the place's country that has one ("" when none).
  std::string zone_near(const Place& p) const {
    std::string zone;
    double best = 0;
    for (const NodeInfo& n : base_.nodes()) {
      if (n.country != p.country() || n.timezone.empty()) continue;
      const double km = great_circle(p.pos, n.pos).value();
      if (zone.empty() || km < best) {
        zone = n.timezone;
        best = km;
      }
    }
    return zone;
  }

  // Two-way road link between a and b: great circle x detour factor, speed, price per km.
  void road_pair(NodeId a, NodeId b, LatLon pa, LatLon pb, const std::string& id) {
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
    LinkSpec r = s;
    r.id += "~r";
    std::swap(r.from, r.to);
    b_.add_link(std::move(s));
    b_.add_link(std::move(r));
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
};

}  // namespace

io::LoadedPackage with_places(const io::LoadedPackage& pkg, const std::vector<const Place*>& places) {
  if (!pkg.road)
    throw NoAccessError(fmt::format("no route: the package {} has no [road] table in network.toml: routing from or to a place that is "
                            "not one of its nodes needs it (docs/door-to-door.md)",
                            pkg.dir.string()));
  Augmenter a(pkg, *pkg.road);
  for (const Place* p : places) a.add(*p);
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
  std::vector<const Place*> add;
  if (a.place) add.push_back(a.place);
  if (b.place && (!a.place || b.place->code != a.place->code)) add.push_back(b.place);
  if (add.empty()) {
    q.pkg = std::move(pkg);
    return q;
  }
  q.pkg = with_places(pkg, add);
  // Nodes keep their ids: what lies beyond the input's nodes was added (places, border points).
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
