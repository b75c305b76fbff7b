#include "landbridge/sea/maritime_graph.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "graph_impl.h"
#include "landbridge/core/error.h"
#include "landbridge/core/user_file.h"

namespace landbridge::sea {

namespace {

using nlohmann::json;
namespace fs = std::filesystem;

// Vertices are joined on coordinates rounded to this many units per degree (1e-6 deg ~ 0.1 m):
// finer than any two distinct lane points in marnet, coarser than the float noise of its
// antimeridian copies (187.69043 - 360 vs -172.30957).
constexpr double kUnitsPerDegree = 1e6;
// A malformed file can produce thousands of identical complaints; report this many.
constexpr std::size_t kMaxDiagnostics = 100;

class Reader {
 public:
  explicit Reader(fs::path file) : file_(std::move(file)) {}

  json parse() {
    const UserFile f = read_user_file(file_, kMaxGeoJsonBytes);
    if (!f.ok()) fail("", "", f.problem);
    try {
      return json::parse(f.text);
    } catch (const json::exception& e) {
      fail("", "", fmt::format("is not valid JSON: {}", e.what()));
    }
  }

  // The "features" array of a FeatureCollection.
  const json& features(const json& root) {
    if (!root.is_object()) fail("", short_dump(root), "expected a GeoJSON FeatureCollection object");
    const auto it = root.find("features");
    if (it == root.end() || !it->is_array()) {
      fail("features", it == root.end() ? "" : short_dump(*it), "expected an array of features");
    }
    return *it;
  }

  void problem(std::string field, const json& value, std::string message) {
    if (diags_.size() < kMaxDiagnostics) {
      diags_.add(file_.string(), 0, std::move(field), short_dump(value), std::move(message));
    } else if (diags_.size() == kMaxDiagnostics) {
      diags_.add(file_.string(), 0, "", "", "too many problems; stopped reporting");
    }
  }

  // A position [lon, lat, ...] with finite numbers and |lat| <= 90.
  std::optional<LatLon> position(const json& p, const std::string& field) {
    if (!p.is_array() || p.size() < 2 || !p[0].is_number() || !p[1].is_number()) {
      problem(field, p, "expected a position [longitude, latitude] of numbers");
      return std::nullopt;
    }
    const double lon = p[0].get<double>();
    const double lat = p[1].get<double>();
    if (!std::isfinite(lon) || !std::isfinite(lat) || lat < -90.0 || lat > 90.0) {
      problem(field, p, "expected a finite longitude and a latitude in [-90, 90]");
      return std::nullopt;
    }
    return LatLon{lat, lon};
  }

  // The member `key` of object `obj`, reporting `what` if absent or of the wrong kind.
  const json* member(const json& obj, const char* key, const std::string& field, bool (json::*kind)() const noexcept,
                     const char* what) {
    const auto it = obj.find(key);
    if (it == obj.end() || !((*it).*kind)()) {
      problem(field + "." + key, it == obj.end() ? json() : *it, fmt::format("expected {}", what));
      return nullptr;
    }
    return &*it;
  }

  void throw_if_any() const { diags_.throw_if_any(); }

 private:
  [[noreturn]] void fail(std::string field, std::string value, std::string message) const {
    throw LoadError({{file_.string(), 0, std::move(field), std::move(value), std::move(message)}});
  }
  static std::string short_dump(const json& v) {
    if (v.is_null()) return "";
    std::string s = v.dump();
    if (s.size() > 60) s = s.substr(0, 57) + "...";
    return s;
  }

  fs::path file_;
  Diagnostics diags_;
};

// Assigns vertex ids to rounded, folded coordinates.
class VertexIndex {
 public:
  std::uint32_t id(LatLon p) {
    auto lon = std::llround(normalize_lon(p.lon) * kUnitsPerDegree);
    const auto lat = std::llround(p.lat * kUnitsPerDegree);
    constexpr auto kHalfTurn = static_cast<long long>(180 * kUnitsPerDegree);
    if (lon >= kHalfTurn) lon -= 2 * kHalfTurn;  // 179.9999996 rounds up to 180 = -180
    const auto key = (static_cast<std::uint64_t>(lon + 2 * kHalfTurn) << 32) |
                     static_cast<std::uint64_t>(lat + kHalfTurn);
    const auto [it, fresh] = ids_.try_emplace(key, static_cast<std::uint32_t>(pos_.size()));
    if (fresh) {
      pos_.push_back({static_cast<double>(lat) / kUnitsPerDegree, static_cast<double>(lon) / kUnitsPerDegree});
    }
    return it->second;
  }
  std::vector<LatLon> take_positions() { return std::move(pos_); }

 private:
  std::unordered_map<std::uint64_t, std::uint32_t> ids_;
  std::vector<LatLon> pos_;
};

std::string feature_field(std::size_t i) { return fmt::format("features[{}]", i); }

// Reads the sea lanes into vertex positions and deduplicated segments.
void read_lanes(const fs::path& file, MaritimeGraph::Impl& g, std::vector<detail::Segment>& segments) {
  Reader r(file);
  const json root = r.parse();
  const json& features = r.features(root);
  VertexIndex index;
  std::vector<detail::Segment> raw;
  std::vector<std::uint32_t> line;
  for (std::size_t i = 0; i < features.size(); ++i) {
    const json& f = features[i];
    const std::string fld = feature_field(i);
    if (!f.is_object()) {
      r.problem(fld, f, "expected a Feature object");
      continue;
    }
    PassageSet passages = 0;
    if (const auto props = f.find("properties"); props != f.end() && !props->is_null()) {
      if (!props->is_object()) {
        r.problem(fld + ".properties", *props, "expected an object or null");
      } else if (const auto pa = props->find("passage"); pa != props->end() && !pa->is_null()) {
        const std::optional<Passage> p = pa->is_string() ? parse_passage(pa->get<std::string>()) : std::nullopt;
        if (p) {
          passages = passage_bit(*p);
        } else {
          r.problem(fld + ".properties.passage", *pa, fmt::format("expected one of {}", passage_names()));
        }
      }
    }
    const json* geom = r.member(f, "geometry", fld, &json::is_object, "a geometry object");
    if (geom == nullptr) continue;
    const json* type = r.member(*geom, "type", fld + ".geometry", &json::is_string, "LineString or MultiLineString");
    const json* coords = r.member(*geom, "coordinates", fld + ".geometry", &json::is_array, "an array of positions");
    if (type == nullptr || coords == nullptr) continue;
    const std::string& t = type->get_ref<const std::string&>();
    std::vector<std::pair<const json*, std::string>> parts;
    const std::string cfld = fld + ".geometry.coordinates";
    if (t == "LineString") {
      parts.emplace_back(coords, cfld);
    } else if (t == "MultiLineString") {
      for (std::size_t k = 0; k < coords->size(); ++k) {
        if (!(*coords)[k].is_array()) {
          r.problem(fmt::format("{}[{}]", cfld, k), (*coords)[k], "expected an array of positions");
          continue;
        }
        parts.emplace_back(&(*coords)[k], fmt::format("{}[{}]", cfld, k));
      }
    } else {
      r.problem(fld + ".geometry.type", *type, "expected LineString or MultiLineString");
      continue;
    }
    for (const auto& [part, pfld] : parts) {
      if (part->size() < 2) {
        r.problem(pfld, *part, "expected a line of at least 2 positions");
        continue;
      }
      line.clear();
      bool ok = true;
      for (std::size_t k = 0; k < part->size(); ++k) {
        const auto p = r.position((*part)[k], fmt::format("{}[{}]", pfld, k));
        if (!p) {
          ok = false;
          continue;
        }
        line.push_back(index.id(*p));
      }
      if (!ok) continue;
      for (std::size_t k = 1; k < line.size(); ++k) {
        if (line[k - 1] == line[k]) continue;  // both ends round to one vertex
        raw.push_back({std::min(line[k - 1], line[k]), std::max(line[k - 1], line[k]), 0.0, passages});
      }
    }
  }
  r.throw_if_any();
  if (raw.empty()) throw LoadError({{file.string(), 0, "features", "", "expected at least one sea-lane segment"}});

  g.vertex_pos = index.take_positions();
  // One segment per vertex pair; a pair drawn by several features carries all their tags.
  std::sort(raw.begin(), raw.end(), [](const detail::Segment& x, const detail::Segment& y) {
    return x.a < y.a || (x.a == y.a && x.b < y.b);
  });
  segments.clear();
  for (const detail::Segment& s : raw) {
    if (!segments.empty() && segments.back().a == s.a && segments.back().b == s.b) {
      segments.back().passages |= s.passages;
    } else {
      segments.push_back(s);
    }
  }
  std::vector<std::pair<SeaVertexId, SeaLane>> items;
  items.reserve(2 * segments.size());
  for (detail::Segment& s : segments) {
    s.length = great_circle(g.vertex_pos[s.a], g.vertex_pos[s.b]).value();
    items.push_back({SeaVertexId(s.a), SeaLane{SeaVertexId(s.b), Kilometres(s.length), s.passages}});
    items.push_back({SeaVertexId(s.b), SeaLane{SeaVertexId(s.a), Kilometres(s.length), s.passages}});
  }
  g.lanes = Csr<SeaVertexId, SeaLane>::build(g.vertex_pos.size(), items);
  g.segment_count = segments.size();
}

void read_ports(const fs::path& file, MaritimeGraph::Impl& g) {
  Reader r(file);
  const json root = r.parse();
  const json& features = r.features(root);
  for (std::size_t i = 0; i < features.size(); ++i) {
    const json& f = features[i];
    const std::string fld = feature_field(i);
    if (!f.is_object()) {
      r.problem(fld, f, "expected a Feature object");
      continue;
    }
    const json* geom = r.member(f, "geometry", fld, &json::is_object, "a Point geometry");
    const json* props = r.member(f, "properties", fld, &json::is_object, "an object with port, name, cty");
    if (geom == nullptr || props == nullptr) continue;
    const json* type = r.member(*geom, "type", fld + ".geometry", &json::is_string, "Point");
    if (type != nullptr && type->get_ref<const std::string&>() != "Point") {
      r.problem(fld + ".geometry.type", *type, "expected Point");
      continue;
    }
    const auto cit = geom->find("coordinates");
    const auto pos = r.position(cit == geom->end() ? json() : *cit, fld + ".geometry.coordinates");
    const json* code = r.member(*props, "port", fld + ".properties", &json::is_string, "a UN/LOCODE string");
    const json* name = r.member(*props, "name", fld + ".properties", &json::is_string, "a name string");
    const json* cty = r.member(*props, "cty", fld + ".properties", &json::is_string, "a country string");
    if (code != nullptr && code->get_ref<const std::string&>().empty()) {
      r.problem(fld + ".properties.port", *code, "expected a non-empty UN/LOCODE");
      continue;
    }
    if (type == nullptr || !pos || code == nullptr || name == nullptr || cty == nullptr) continue;
    Port p;
    p.locode = code->get<std::string>();
    p.name = name->get<std::string>();
    p.country = cty->get<std::string>();
    p.pos = {pos->lat, pos->lon >= -180.0 && pos->lon < 180.0 ? pos->lon : normalize_lon(pos->lon)};
    g.ports.push_back(std::move(p));
  }
  r.throw_if_any();

  // Snap every port to its nearest vertex.
  const detail::SphereKdTree vertices(g.vertex_pos);
  for (Port& p : g.ports) {
    const std::uint32_t v = vertices.nearest(p.pos);
    p.vertex = SeaVertexId(v);
    p.snap = great_circle(p.pos, g.vertex_pos[v]);
  }
  std::vector<LatLon> port_pos;
  port_pos.reserve(g.ports.size());
  for (const Port& p : g.ports) port_pos.push_back(p.pos);
  g.port_tree = detail::SphereKdTree(port_pos);

  for (PortId id : g.ports.keys()) g.by_locode.emplace_back(g.ports[id].locode, id);
  std::stable_sort(g.by_locode.begin(), g.by_locode.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  g.by_locode.erase(std::unique(g.by_locode.begin(), g.by_locode.end(),
                                [](const auto& x, const auto& y) { return x.first == y.first; }),
                    g.by_locode.end());
}

}  // namespace

MaritimeGraph::MaritimeGraph() : impl_(std::make_unique<Impl>()) {}
MaritimeGraph::MaritimeGraph(MaritimeGraph&&) noexcept = default;
MaritimeGraph& MaritimeGraph::operator=(MaritimeGraph&&) noexcept = default;
MaritimeGraph::~MaritimeGraph() = default;

MaritimeGraph MaritimeGraph::load(const fs::path& dir) {
  MaritimeGraph g;
  std::vector<detail::Segment> segments;
  read_lanes(dir / "marnet_searoute.geojson", *g.impl_, segments);
  read_ports(dir / "ports.geojson", *g.impl_);
  g.impl_->ch = detail::build_contraction_hierarchy(g.impl_->vertex_pos.size(), segments);
  return g;
}

std::size_t MaritimeGraph::vertex_count() const { return impl_->vertex_pos.size(); }
std::size_t MaritimeGraph::edge_count() const { return impl_->segment_count; }
std::size_t MaritimeGraph::port_count() const { return impl_->ports.size(); }
const Port& MaritimeGraph::port(PortId p) const { return impl_->ports[p]; }

std::optional<PortId> MaritimeGraph::find_port(std::string_view locode) const {
  const auto& v = impl_->by_locode;
  const auto it = std::lower_bound(v.begin(), v.end(), locode,
                                   [](const auto& e, std::string_view k) { return e.first < k; });
  if (it == v.end() || it->first != locode) return std::nullopt;
  return it->second;
}

PortId MaritimeGraph::nearest_port(LatLon pos) const {
  if (impl_->ports.empty()) throw Error("nearest_port: the maritime graph has no ports");
  return PortId(impl_->port_tree.nearest(pos));
}

LatLon MaritimeGraph::vertex(SeaVertexId v) const { return impl_->vertex_pos[v.get()]; }

std::span<const SeaLane> MaritimeGraph::lanes(SeaVertexId v) const {
  const auto row = impl_->lanes[v];
  return {row.begin(), row.size()};
}

std::size_t MaritimeGraph::routing_arc_count() const { return impl_->ch.up.size(); }

std::filesystem::path default_marnet_dir() {
  const char* env = std::getenv("LANDBRIDGE_DATA_DIR");
  if (env != nullptr && *env != '\0') return std::filesystem::path(env) / "marnet";
  return std::filesystem::path(LANDBRIDGE_DATA_DIR) / "marnet";
}

}  // namespace landbridge::sea
