#include "landbridge/io/geojson.h"

#include <fmt/format.h>

#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "marnet.h"

namespace landbridge::io {
namespace {

double round6(double x) {
  return std::round(x * 1e6) / 1e6;
}

void write_string(std::string& out, std::string_view s) {
  out += '"';
  for (char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20)
          out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
        else
          out += c;
    }
  }
  out += '"';
}

// [lon, lat], rounded to 1e-6 degrees (about 0.1 m).
void write_position(std::string& out, LatLon p) {
  out += fmt::format("[{},{}]", round6(p.lon), round6(p.lat));
}

void write_line(std::string& out, const std::vector<LatLon>& part) {
  out += '[';
  for (std::size_t i = 0; i < part.size(); ++i) {
    if (i > 0) out += ',';
    write_position(out, part[i]);
  }
  out += ']';
}

// One property `"key":value`, comma first unless it is the first of its object.
struct Props {
  std::string& out;
  bool first = true;
  void key(std::string_view k) {
    if (!first) out += ',';
    first = false;
    write_string(out, k);
    out += ':';
  }
  void str(std::string_view k, std::string_view v) {
    key(k);
    write_string(out, v);
  }
  void num(std::string_view k, double v) {
    key(k);
    out += fmt::format("{}", v);
  }
  void null(std::string_view k) {
    key(k);
    out += "null";
  }
};

}  // namespace

std::vector<std::vector<LatLon>> split_at_antimeridian(std::span<const LatLon> pts) {
  using Part = std::vector<LatLon>;
  std::vector<Part> parts;
  if (pts.empty()) return parts;
  Part cur;
  const auto push = [&cur](LatLon p) {
    if (cur.empty() || !(cur.back() == p)) cur.push_back(p);
  };
  double u = normalize_lon(pts[0].lon);  // unwrapped longitude of the previous point
  double cell = 0.0;                     // the current part covers [cell - 180, cell + 180]
  push({pts[0].lat, u});
  for (std::size_t i = 1; i < pts.size(); ++i) {
    const double lat_a = pts[i - 1].lat;
    const double ua = u;
    const double ub = ua + normalize_lon(pts[i].lon - pts[i - 1].lon);
    const double lat_b = pts[i].lat;
    const auto lat_at = [&](double boundary) {
      return lat_a + (boundary - ua) / (ub - ua) * (lat_b - lat_a);
    };
    while (ub > cell + 180.0) {  // eastwards over the antimeridian
      const double lat = lat_at(cell + 180.0);
      push({lat, 180.0});
      parts.push_back(std::move(cur));
      cur.clear();
      push({lat, -180.0});
      cell += 360.0;
    }
    while (ub < cell - 180.0) {  // westwards
      const double lat = lat_at(cell - 180.0);
      push({lat, -180.0});
      parts.push_back(std::move(cur));
      cur.clear();
      push({lat, 180.0});
      cell -= 360.0;
    }
    push({lat_b, ub - cell});
    u = ub;
  }
  parts.push_back(std::move(cur));
  std::erase_if(parts, [](const Part& p) { return p.size() < 2; });
  return parts;
}

void export_geojson(const LoadedPackage& pkg, std::ostream& os) {
  const Network& net = pkg.network;
  std::unique_ptr<detail::MarnetRouter> router;
  if (pkg.marnet) router = std::make_unique<detail::MarnetRouter>(*pkg.marnet);

  std::string out = "{\"type\":\"FeatureCollection\",\"features\":[";
  bool first_feature = true;
  const auto begin_feature = [&] {
    if (!first_feature) out += ',';
    first_feature = false;
    out += "\n{\"type\":\"Feature\",";
  };

  for (NodeId n : net.nodes().keys()) {
    const NodeInfo& node = net.node(n);
    begin_feature();
    out += "\"geometry\":{\"type\":\"Point\",\"coordinates\":";
    write_position(out, {node.pos.lat, normalize_lon(node.pos.lon)});
    out += "},\"properties\":{";
    Props p{out};
    p.str("feature", "node");
    p.str("code", node.code);
    p.str("name", node.name);
    p.str("kind", to_string(node.kind));
    p.str("country", node.country);
    p.str("timezone", node.timezone);
    out += "}}";
  }

  for (LinkId l = LinkId(0); l.get() < net.link_count(); l = LinkId(l.get() + 1)) {
    const LatLon a = net.node(net.link_from(l)).pos;
    const LatLon b = net.node(net.link_to(l)).pos;
    std::vector<LatLon> pts;
    const bool sea = l.get() < pkg.sea_from_port.size() && pkg.sea_from_port[l].valid();
    if (sea && router) {
      auto path = router->route(pkg.sea_from_port[l], pkg.sea_to_port[l], pkg.sea_avoid[l], true);
      if (path && path->geometry.size() >= 2) {
        // From the node to its port, along the sea lanes, from the port to the node.
        pts.push_back(a);
        pts.insert(pts.end(), path->geometry.begin(), path->geometry.end());
        pts.push_back(b);
      }
    }
    if (pts.empty()) pts = {a, b};
    std::vector<std::vector<LatLon>> parts = split_at_antimeridian(pts);
    if (parts.empty()) {  // both ends on one spot: a zero-length line, still two positions
      const LatLon p0{a.lat, normalize_lon(a.lon)};
      parts.push_back({p0, p0});
    }

    begin_feature();
    out += "\"geometry\":";
    if (parts.size() == 1) {
      out += "{\"type\":\"LineString\",\"coordinates\":";
      write_line(out, parts[0]);
    } else {
      out += "{\"type\":\"MultiLineString\",\"coordinates\":[";
      for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) out += ',';
        write_line(out, parts[i]);
      }
      out += ']';
    }
    out += "},\"properties\":{";
    const Carriage c = net.link_carriage(l);
    const LinkInfo& info = net.link_info(l);
    Props p{out};
    p.str("feature", "link");
    p.str("id", info.id);
    p.str("from", net.node(net.link_from(l)).code);
    p.str("to", net.node(net.link_to(l)).code);
    p.str("mode", to_string(c.mode));
    if (c.gauge == Gauge::none)
      p.null("gauge");
    else
      p.str("gauge", to_string(c.gauge));
    p.num("distance_km", std::round(net.link_distance(l).value() * 1000.0) / 1000.0);
    p.num("hours", std::round(to_hours(net.link_duration(l)) * 100.0) / 100.0);
    p.num("cost_usd_teu", to_usd(net.link_cost_teu(l)));
    std::string sources;
    for (SourceId s : info.sources) {
      if (!sources.empty()) sources += ';';
      sources += net.source(s).key;
    }
    p.str("sources", sources);
    p.str("passages", passage_list(net.link_passages(l)));
    out += "}}";
  }
  out += "\n]}\n";
  os << out;
}

}  // namespace landbridge::io
