// The flow map: GeoJSON of links and nodes with flows, and an SVG drawing of it.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>

#include "landbridge/chart/svg_text.h"
#include "landbridge/freight/report.h"
#include "landbridge/io/geojson.h"

namespace landbridge::freight {
namespace {

using nlohmann::json;

// Geometry of every link as the package export draws it (sea links along the sea lanes).
std::map<std::string, json> link_geometries(const LoadedNetwork& pkg) {
  std::ostringstream os;
  io::export_geojson(pkg, os);
  const json fc = json::parse(os.str());
  std::map<std::string, json> out;
  for (const json& f : fc["features"])
    if (f["properties"].value("feature", "") == "link") out[f["properties"]["id"].get<std::string>()] = f["geometry"];
  return out;
}

// Lines of a LineString or MultiLineString as [lon, lat] pairs.
std::vector<std::vector<std::pair<double, double>>> lines_of(const json& geom) {
  std::vector<std::vector<std::pair<double, double>>> out;
  const auto line = [](const json& coords) {
    std::vector<std::pair<double, double>> l;
    for (const json& p : coords) l.emplace_back(p[0].get<double>(), p[1].get<double>());
    return l;
  };
  if (geom["type"] == "LineString") out.push_back(line(geom["coordinates"]));
  else
    for (const json& c : geom["coordinates"]) out.push_back(line(c));
  return out;
}

std::vector<double> node_throughput(const LoadedNetwork& pkg, const FreightGraph& g, const FreightResult& r) {
  const Network& net = pkg.network;
  std::vector<double> in(net.node_count(), 0.0), out(net.node_count(), 0.0);
  for (std::size_t a = 0; a < g.arcs.size(); ++a) {
    if (g.arcs[a].kind != ArcKind::link) continue;
    in[net.link_to(g.arcs[a].link).get()] += r.flow[a];
    out[net.link_from(g.arcs[a].link).get()] += r.flow[a];
  }
  std::vector<double> t(net.node_count());
  for (std::size_t i = 0; i < t.size(); ++i) t[i] = std::max(in[i], out[i]);
  return t;
}

const char* mode_colour(Mode m) {
  switch (m) {
    case Mode::deep_sea: return "#0072B2";
    case Mode::feeder: return "#56B4E9";
    case Mode::ferry: return "#009E73";
    case Mode::rail: return "#D55E00";
    case Mode::road: return "#999999";
    case Mode::inland_waterway: return "#CC79A7";
  }
  return "#000000";
}

}  // namespace

void write_geojson(const LoadedNetwork& pkg, const FreightGraph& g, const FreightResult& r, std::ostream& os) {
  const Network& net = pkg.network;
  const auto geoms = link_geometries(pkg);
  json features = json::array();
  for (std::size_t a = 0; a < g.arcs.size(); ++a) {
    const FreightArc& x = g.arcs[a];
    if (x.kind != ArcKind::link || r.flow[a] < 1e-6) continue;
    const std::string& id = net.link_info(x.link).id;
    json props = {{"feature", "link_flow"},
                  {"id", id},
                  {"from", net.node(net.link_from(x.link)).code},
                  {"to", net.node(net.link_to(x.link)).code},
                  {"mode", to_string(net.link_carriage(x.link).mode)},
                  {"flow_teu_week", r.flow[a]},
                  {"capacity_teu_week", std::isfinite(x.capacity) ? json(x.capacity) : json(nullptr)},
                  {"utilisation", x.capacity_kind == CapacityKind::none ? json(nullptr) : json(r.flow[a] / x.capacity)},
                  {"shadow_price_usd_per_teu", r.multiplier[a]}};
    features.push_back({{"type", "Feature"}, {"geometry", geoms.at(id)}, {"properties", props}});
  }
  const std::vector<double> through = node_throughput(pkg, g, r);
  for (NodeId n : net.nodes().keys()) {
    if (through[n.get()] < 1e-6) continue;
    const NodeInfo& info = net.node(n);
    json ops = json::array();
    for (std::size_t a = 0; a < g.arcs.size(); ++a)
      if (g.arcs[a].kind == ArcKind::operation && g.arcs[a].node == n)
        ops.push_back({{"operation", arc_name(pkg, g, a)},
                       {"flow_teu_week", r.flow[a]},
                       {"capacity_teu_week", g.arcs[a].capacity},
                       {"utilisation", r.flow[a] / g.arcs[a].capacity},
                       {"shadow_price_usd_per_teu", r.multiplier[a]}});
    json props = {{"feature", "node_flow"}, {"code", info.code}, {"name", info.name},
                  {"throughput_teu_week", through[n.get()]}, {"operations", ops}};
    features.push_back({{"type", "Feature"},
                        {"geometry", {{"type", "Point"}, {"coordinates", {info.pos.lon, info.pos.lat}}}},
                        {"properties", props}});
  }
  os << json{{"type", "FeatureCollection"}, {"features", features}}.dump(1) << "\n";
}

void write_svg(const LoadedNetwork& pkg, const FreightGraph& g, const FreightResult& r, const std::string& title,
               std::ostream& os) {
  const Network& net = pkg.network;
  const auto geoms = link_geometries(pkg);
  // Equirectangular frame over the corridor: 10 W .. 150 E, 42 S .. 62 N.
  const double lon0 = -10, lon1 = 150, lat0 = -42, lat1 = 62;
  const double w = 1600, plot_h = w * (lat1 - lat0) / (lon1 - lon0), top = 50, h = top + plot_h + 90;
  const auto px = [&](double lon) { return (lon - lon0) / (lon1 - lon0) * w; };
  const auto py = [&](double lat) { return top + (lat1 - lat) / (lat1 - lat0) * plot_h; };
  double max_flow = 0;
  for (std::size_t a = 0; a < g.arcs.size(); ++a)
    if (g.arcs[a].kind == ArcKind::link) max_flow = std::max(max_flow, r.flow[a]);
  std::string s;
  s += fmt::format(R"(<svg xmlns="http://www.w3.org/2000/svg" width="{:.0f}" height="{:.0f}" viewBox="0 0 {:.0f} {:.0f}" font-family="sans-serif">)",
                   w, h, w, h);
  s += "\n<rect width=\"100%\" height=\"100%\" fill=\"#f7f7f2\"/>\n";
  s += fmt::format("<text x=\"12\" y=\"28\" font-size=\"20\">{}</text>\n", chart::xml_escape(title));
  // Graticule.
  for (int lon = 0; lon <= 150; lon += 30)
    s += fmt::format("<line x1=\"{:.1f}\" y1=\"{:.1f}\" x2=\"{:.1f}\" y2=\"{:.1f}\" stroke=\"#ddd\"/>\n", px(lon), py(lat1),
                     px(lon), py(lat0));
  for (int lat = -30; lat <= 60; lat += 30)
    s += fmt::format("<line x1=\"0\" y1=\"{:.1f}\" x2=\"{:.0f}\" y2=\"{:.1f}\" stroke=\"#ddd\"/>\n", py(lat), w, py(lat));
  const auto path = [&](const json& geom) {
    std::string d;
    for (const auto& line : lines_of(geom)) {
      bool first = true;
      for (const auto& [lon, lat] : line) {
        d += fmt::format("{}{:.1f},{:.1f} ", first ? "M" : "L", px(lon), py(lat));
        first = false;
      }
    }
    return d;
  };
  // Every link thin, then flows on top, widest first.
  for (LinkId l = LinkId(0); l.get() < net.link_count(); l = LinkId(l.get() + 1))
    s += fmt::format("<path d=\"{}\" fill=\"none\" stroke=\"#c8c8c8\" stroke-width=\"0.8\"/>\n",
                     path(geoms.at(net.link_info(l).id)));
  std::vector<std::size_t> flows;
  for (std::size_t a = 0; a < g.arcs.size(); ++a)
    if (g.arcs[a].kind == ArcKind::link && r.flow[a] > 1e-3 * max_flow) flows.push_back(a);
  std::sort(flows.begin(), flows.end(), [&](std::size_t x, std::size_t y) { return r.flow[x] > r.flow[y]; });
  for (std::size_t a : flows) {
    const LinkId l = g.arcs[a].link;
    const double width = 1.5 + 16 * std::sqrt(r.flow[a] / max_flow);
    s += fmt::format("<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-opacity=\"0.75\" stroke-width=\"{:.1f}\" "
                     "stroke-linecap=\"round\"><title>{}: {:.0f} TEU/week</title></path>\n",
                     path(geoms.at(net.link_info(l).id)), mode_colour(net.link_carriage(l).mode), width,
                     chart::xml_escape(net.link_info(l).id), r.flow[a]);
  }
  // Nodes with throughput; binding operations ringed in red.
  const std::vector<double> through = node_throughput(pkg, g, r);
  std::vector<bool> binding(net.node_count(), false);
  for (const Binding& b : binding_capacities(pkg, g, r))
    if (g.arcs[b.arc].kind == ArcKind::operation) binding[g.arcs[b.arc].node.get()] = true;
  for (NodeId n : net.nodes().keys()) {
    if (through[n.get()] < 1e-3 * max_flow && g.zone_of(n) == UINT32_MAX) continue;
    const NodeInfo& info = net.node(n);
    s += fmt::format("<circle cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"{}\" fill=\"#333\" stroke=\"{}\" stroke-width=\"{}\"/>\n",
                     px(info.pos.lon), py(info.pos.lat), binding[n.get()] ? 6 : 3, binding[n.get()] ? "#e00" : "#333",
                     binding[n.get()] ? 3 : 1);
    s += fmt::format("<text x=\"{:.1f}\" y=\"{:.1f}\" font-size=\"11\" fill=\"#222\">{}</text>\n", px(info.pos.lon) + 6,
                     py(info.pos.lat) - 5, chart::xml_escape(info.code));
  }
  // Legend.
  const double ly = top + plot_h + 25;
  double lx = 12;
  for (Mode m : {Mode::deep_sea, Mode::feeder, Mode::ferry, Mode::rail, Mode::road}) {
    s += fmt::format("<line x1=\"{:.0f}\" y1=\"{:.0f}\" x2=\"{:.0f}\" y2=\"{:.0f}\" stroke=\"{}\" stroke-width=\"6\"/>",
                     lx, ly, lx + 30, ly, mode_colour(m));
    s += fmt::format("<text x=\"{:.0f}\" y=\"{:.0f}\" font-size=\"13\">{}</text>\n", lx + 36, ly + 4, to_string(m));
    lx += 130;
  }
  s += fmt::format("<text x=\"12\" y=\"{:.0f}\" font-size=\"13\">line width ~ sqrt(flow); widest = {:.0f} TEU/week. "
                   "Red ring: a node whose operation capacity binds. Projection: equirectangular.</text>\n",
                   ly + 30, max_flow);
  s += "</svg>\n";
  os << s;
}

}  // namespace landbridge::freight
