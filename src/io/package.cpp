// Package loading: read every file, compute derived figures (great-circle and sea
// distances, durations from speeds), run the checks that span rows and files, then build the
// Network. Nothing is built unless every check passed.
#include "landbridge/io/package.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <map>
#include <set>
#include <sstream>

#include "drafts.h"
#include "landbridge/core/geo.h"
#include "landbridge/core/user_file.h"
#include "landbridge/io/quantity.h"
#include "marnet.h"

namespace landbridge::io {
namespace {

using namespace detail;

const std::vector<std::string> kFileNames = {std::string(kManifestFile), std::string(kSourcesFile),
                                             std::string(kNodesFile),    std::string(kFactorsFile),
                                             std::string(kLinksFile),    std::string(kOpsFile)};

std::size_t file_rank(const std::string& file) {
  auto it = std::find(kFileNames.begin(), kFileNames.end(), file);
  return static_cast<std::size_t>(it - kFileNames.begin());
}

void link_error(Diagnostics& diags, const LinkDraft& l, std::string_view field,
                std::string_view value, std::string message) {
  diags.add(std::string(kLinksFile), l.line, std::string(field), shown(value), std::move(message));
}

std::string carriage_text(std::uint8_t code) {
  if (code == kCarriageStart) return "start";
  if (code == kCarriageEnd) return "end";
  return to_string(
      Carriage{static_cast<Mode>(code / kGaugeCount), static_cast<Gauge>(code % kGaugeCount)});
}

bool contains(const Range& r, double v) {
  const double tol = 1e-9 * std::max({1.0, std::abs(r.lo), std::abs(r.hi)});
  return v >= r.lo - tol && v <= r.hi + tol;
}

// --- link ids ------------------------------------------------------------------------------

// The reverse of a two-way link is named id + "~r"; that name must not be taken.
void check_reverse_ids(const Drafts& d, Diagnostics& diags) {
  std::map<std::string, int, std::less<>> first;
  for (const LinkDraft& l : d.links)
    if (!l.id.empty()) first.emplace(l.id, l.line);
  for (const LinkDraft& l : d.links) {
    if (!l.bidirectional || l.id.empty()) continue;
    auto it = first.find(l.id + std::string(kReverseLinkSuffix));
    if (it != first.end())
      link_error(diags, l, "id", l.id,
                 fmt::format("expected an id whose reverse '{}~r' is free: line {} uses it", l.id,
                             it->second));
  }
}

// --- distances -----------------------------------------------------------------------------

void great_circle_distances(Drafts& d, Diagnostics& diags) {
  for (LinkDraft& l : d.links) {
    if (l.distance_kind != DistanceKind::great_circle || !l.from || !l.to) continue;
    const NodeDraft& a = d.nodes[l.from->get()];
    const NodeDraft& b = d.nodes[l.to->get()];
    if (!a.pos_ok || !b.pos_ok) continue;
    const double km = great_circle(a.info.pos, b.info.pos).value() * l.detour;
    if (km > quantity::distance.max) {
      link_error(diags, l, "distance", l.distance_text,
                 fmt::format("gives {}; expected {} of at most {}",
                             format_quantity(km, quantity::distance), quantity::distance.what,
                             format_quantity(quantity::distance.max, quantity::distance)));
      continue;
    }
    l.distance_km = km;
    l.distance_ok = true;
  }
}

std::shared_ptr<const sea::MaritimeGraph> sea_distances(Drafts& d, const PackageFiles& files,
                                                        const LoadOptions& opts,
                                                        Diagnostics& diags) {
  std::vector<LinkDraft*> todo;
  for (LinkDraft& l : d.links) {
    if (l.distance_kind != DistanceKind::marnet || !l.from || !l.to) continue;
    if (!d.nodes[l.from->get()].pos_ok || !d.nodes[l.to->get()].pos_ok) continue;
    todo.push_back(&l);
  }
  if (todo.empty()) return nullptr;
  std::shared_ptr<const sea::MaritimeGraph> graph;
  if (opts.marnet != nullptr) {
    graph =
        std::shared_ptr<const sea::MaritimeGraph>(opts.marnet, [](const sea::MaritimeGraph*) {});
  } else {
    const std::filesystem::path dir =
        d.manifest.marnet ? files.dir / *d.manifest.marnet : builtin_marnet_dir();
    try {
      graph = load_marnet(dir);
    } catch (const LoadError& e) {
      diags.add(
          std::string(kManifestFile), d.manifest.marnet_line, "marnet",
          shown(d.manifest.marnet.value_or("")),
          fmt::format(
              "cannot load the maritime graph from {} (problems follow); expected a folder with "
              "marnet_searoute.geojson and ports.geojson",
              dir.string()));
      for (const Diagnostic& diag : e.diagnostics()) diags.add(diag);
      return nullptr;
    } catch (const std::exception& e) {
      diags.add(std::string(kManifestFile), d.manifest.marnet_line, "marnet",
                shown(d.manifest.marnet.value_or("")),
                fmt::format("cannot load the maritime graph from {} ({}); expected a folder with "
                            "marnet_searoute.geojson and ports.geojson",
                            dir.string(), e.what()));
      return nullptr;
    }
  }

  MarnetRouter router(*graph);
  for (LinkDraft* l : todo) {
    const NodeInfo& a = d.nodes[l->from->get()].info;
    const NodeInfo& b = d.nodes[l->to->get()].info;
    const PortId pa = router.port_for(a.code, a.pos);
    const PortId pb = router.port_for(b.code, b.pos);
    if (pa == pb) {
      link_error(
          diags, *l, "distance", "marnet",
          fmt::format(
              "both ends use the marnet port {}; expected a distance in km, nm or mi for this link",
              router.port_label(pa)));
      continue;
    }
    const PassageSet closed = l->avoid | d.manifest.marnet_avoid;
    auto path = router.route(pa, pb, closed, false);
    if (!path) {
      link_error(diags, *l, "distance", "marnet",
                 fmt::format("no sea route from {} to {} on the maritime graph{}; expected a "
                             "distance in km, nm or mi",
                             router.port_label(pa), router.port_label(pb),
                             closed ? " avoiding " + passage_list(closed) : std::string()));
      continue;
    }
    const double km = path->distance.value();
    if (!(km <= quantity::distance.max)) {
      link_error(
          diags, *l, "distance", "marnet",
          fmt::format("gives {}; expected at most {}", format_quantity(km, quantity::distance),
                      format_quantity(quantity::distance.max, quantity::distance)));
      continue;
    }
    l->distance_km = km;
    l->distance_ok = true;
    l->passages = path->passages;
    l->sea_from = pa;
    l->sea_to = pb;
    l->sea_closed = closed;
  }
  return graph;
}

// Range checks on computed distances, and durations derived from speeds.
void link_times(Drafts& d, Diagnostics& diags) {
  for (LinkDraft& l : d.links) {
    if (!l.distance_ok) continue;
    if (l.distance_kind != DistanceKind::given && l.distance_range &&
        !contains(*l.distance_range, l.distance_km))
      link_error(diags, l, "distance_range", l.distance_range->text,
                 fmt::format("expected a range that contains the computed distance ({} by {})",
                             format_quantity(l.distance_km, quantity::distance), l.distance_text));
    if (l.duration_h) {
      l.hours = l.duration_h;
      continue;
    }
    if (!l.speed_kmh) continue;
    const Figure& v = *l.speed_kmh;
    Figure h{l.distance_km / v.value, std::nullopt};
    if (h.value > quantity::duration.max) {
      link_error(diags, l, "speed", fmt::format("{}", v.value),
                 fmt::format("gives a running time of {} for {}; expected at most {}",
                             format_quantity(h.value, quantity::duration),
                             format_quantity(l.distance_km, quantity::distance),
                             format_quantity(quantity::duration.max, quantity::duration)));
      continue;
    }
    if (v.range || l.distance_range) {
      const double dlo = l.distance_range ? l.distance_range->lo : l.distance_km;
      const double dhi = l.distance_range ? l.distance_range->hi : l.distance_km;
      const double vlo = v.range ? v.range->lo : v.value;
      const double vhi = v.range ? v.range->hi : v.value;
      Range r{std::min(dlo / vhi, h.value), std::max(dhi / vlo, h.value),
              "derived from distance and speed"};
      if (r.hi <= quantity::duration.max) h.range = r;
    }
    l.hours = h;
  }
}

// --- checks across rows --------------------------------------------------------------------

struct NodeCarriages {
  std::set<std::uint8_t> arrive{kCarriageStart};
  std::set<std::uint8_t> depart{kCarriageEnd};
};

std::vector<NodeCarriages> carriages_at_nodes(const Drafts& d) {
  std::vector<NodeCarriages> at(d.nodes.size());
  for (const LinkDraft& l : d.links) {
    if (!l.from || !l.to || !l.carriage) continue;
    const std::uint8_t c = l.carriage->code();
    at[l.from->get()].depart.insert(c);
    at[l.to->get()].arrive.insert(c);
    if (l.bidirectional) {
      at[l.to->get()].depart.insert(c);
      at[l.from->get()].arrive.insert(c);
    }
  }
  return at;
}

void check_operations(const Drafts& d, Diagnostics& diags) {
  const std::string ops_file(kOpsFile);
  // Operations whose node, kind and patterns all parsed, per node.
  std::vector<std::vector<std::size_t>> at(d.nodes.size());
  std::map<std::string, int> first;
  std::set<std::size_t> duplicates;
  for (std::size_t i = 0; i < d.ops.size(); ++i) {
    const OpDraft& o = d.ops[i];
    if (!o.node || !o.kind || !o.arrive || !o.depart) continue;
    const std::string key = fmt::format("{}|{}|{}|{}", o.node->get(), to_string(*o.kind),
                                        o.arrive->to_string(true), o.depart->to_string(false));
    auto [it, fresh] = first.emplace(key, o.line);
    if (!fresh) {
      diags.add(ops_file, o.line, "node", d.nodes[o.node->get()].info.code,
                fmt::format("expected one row per node, kind, arrive and depart: line {} has the "
                            "same {} operation",
                            it->second, to_string(*o.kind)));
      duplicates.insert(i);
      continue;
    }
    at[o.node->get()].push_back(i);
  }

  const std::vector<NodeCarriages> carriages = carriages_at_nodes(d);
  std::set<std::pair<std::size_t, std::size_t>> reported;
  for (std::size_t v = 0; v < d.nodes.size(); ++v) {
    if (at[v].empty()) continue;
    const std::string& code = d.nodes[v].info.code;
    // Ambiguity: two operations of one kind tie for the most specific match of a transfer
    // that occurs here.
    for (std::uint8_t a : carriages[v].arrive) {
      for (std::uint8_t dep : carriages[v].depart) {
        std::array<int, kOperationKindCount> best;
        best.fill(-1);
        std::array<std::vector<std::size_t>, kOperationKindCount> tied;
        for (std::size_t i : at[v]) {
          const OperationInfo& o = d.ops[i].info;
          if (!o.arrive.matches(a) || !o.depart.matches(dep)) continue;
          const auto k = static_cast<std::size_t>(o.kind);
          const int spec = o.arrive.specificity() + o.depart.specificity();
          if (spec > best[k]) {
            best[k] = spec;
            tied[k] = {i};
          } else if (spec == best[k]) {
            tied[k].push_back(i);
          }
        }
        for (std::size_t k = 0; k < kOperationKindCount; ++k) {
          for (std::size_t j = 1; j < tied[k].size(); ++j) {
            const std::size_t i0 = tied[k][0], i1 = tied[k][j];
            if (!reported.insert({i0, i1}).second) continue;
            const OpDraft& o0 = d.ops[i0];
            const OpDraft& o1 = d.ops[i1];
            diags.add(
                ops_file, o1.line, "", "",
                fmt::format(
                    "ambiguous {} operations at {}: this row ('{} -> {}') and line {} ('{} -> {}') "
                    "both "
                    "match the transfer {} -> {} with specificity {}; expected one most specific "
                    "operation per kind (make one pattern more specific)",
                    to_string(o1.info.kind), code, o1.arrive->to_string(true),
                    o1.depart->to_string(false), o0.line, o0.arrive->to_string(true),
                    o0.depart->to_string(false), carriage_text(a), carriage_text(dep), best[k]));
          }
        }
      }
    }
  }

  // Breaks of gauge: rail of one gauge in, another out, needs a gauge_change operation.
  for (std::size_t v = 0; v < d.nodes.size(); ++v) {
    std::vector<const OperationInfo*> here;
    for (std::size_t i : at[v]) here.push_back(&d.ops[i].info);
    for (std::uint8_t a : carriages[v].arrive) {
      if (a >= kCarriageCodes || static_cast<Mode>(a / kGaugeCount) != Mode::rail) continue;
      for (std::uint8_t dep : carriages[v].depart) {
        if (dep >= kCarriageCodes || static_cast<Mode>(dep / kGaugeCount) != Mode::rail || dep == a)
          continue;
        bool covered = false;
        for (std::size_t i : match_operations(here, a, dep, nullptr))
          covered = covered || here[i]->kind == OperationKind::gauge_change;
        if (covered) continue;
        const NodeDraft& n = d.nodes[v];
        diags.add(
            std::string(kNodesFile), n.line, "code", n.info.code,
            fmt::format("{} arrives and {} departs here, but no gauge_change operation covers that "
                        "transfer; "
                        "expected a row in operations.csv such as '{},gauge_change,{},{},...'",
                        carriage_text(a), carriage_text(dep), n.info.code, carriage_text(a),
                        carriage_text(dep)));
      }
    }
  }
}

// --- building ------------------------------------------------------------------------------

template <class Q, class F>
Estimate<Q> estimate(const Figure& f, F to_q) {
  return {to_q(f.value), to_q(f.range ? f.range->lo : f.value),
          to_q(f.range ? f.range->hi : f.value)};
}

LoadedPackage build(Drafts& d, std::shared_ptr<const sea::MaritimeGraph> graph) {
  NetworkBuilder b;
  b.name(d.manifest.name).mass_per_teu(Tonnes(d.manifest.mass_per_teu_t));
  for (Source& s : d.sources) b.add_source(std::move(s));
  for (NodeDraft& n : d.nodes) b.add_node(std::move(n.info));
  for (FactorDraft& f : d.factors) b.add_emission_factor(std::move(f.info));

  LoadedPackage pkg;
  pkg.version = d.manifest.version;
  pkg.description = d.manifest.description;
  pkg.marnet = std::move(graph);
  const auto km = [](double v) { return Kilometres(v); };
  const auto minutes = [](double v) { return hours(v); };
  const auto cents = [](double v) { return usd(v); };
  for (const LinkDraft& l : d.links) {
    LinkSpec s;
    s.id = l.id;
    s.from = *l.from;
    s.to = *l.to;
    s.carriage = *l.carriage;
    const Figure dist{l.distance_km, l.distance_range};
    s.info.distance = estimate<Kilometres>(dist, km);
    s.info.duration = estimate<Minutes>(*l.hours, minutes);
    s.info.cost_teu = estimate<UsdCents>(*l.cost_teu, cents);
    s.info.cost_feu = estimate<UsdCents>(*l.cost_feu, cents);
    s.distance = s.info.distance.value;
    s.duration = s.info.duration.value;
    s.cost_teu = s.info.cost_teu.value;
    s.cost_feu = s.info.cost_feu.value;
    s.factor = *l.factor;
    s.passages = l.passages;
    s.info.distance_basis = l.distance_kind == DistanceKind::given ? l.basis : Basis::computed;
    if (l.speed_kmh) s.info.speed = Knots(l.speed_kmh->value / kKmPerNauticalMile);
    s.info.capacity_teu_per_day = l.capacity;
    s.info.sources = l.sources;
    s.info.note = l.note;
    const bool sea = l.distance_kind == DistanceKind::marnet;
    if (l.bidirectional)
      b.add_two_way_link(std::move(s));
    else
      b.add_link(std::move(s));
    for (int k = 0; k < (l.bidirectional ? 2 : 1); ++k) {
      pkg.sea_from_port.push_back(sea ? (k == 0 ? l.sea_from : l.sea_to) : PortId::invalid());
      pkg.sea_to_port.push_back(sea ? (k == 0 ? l.sea_to : l.sea_from) : PortId::invalid());
      pkg.sea_avoid.push_back(sea ? l.sea_closed : PassageSet{0});
    }
  }
  for (OpDraft& o : d.ops) b.add_operation(std::move(o.info));
  pkg.network = b.build();
  return pkg;
}

// The manifest's [road] table with its source keys and emission factor resolved.
std::optional<RoadAccess> resolve_road(Drafts& d, Diagnostics& diags) {
  if (!d.manifest.road) return std::nullopt;
  const RoadDraft& r = *d.manifest.road;
  const std::string file(kManifestFile);
  bool ok = true;
  const auto keys = [&](const std::vector<std::string>& ks, const std::string& field, int line) {
    std::vector<SourceId> out;
    for (const std::string& k : ks) {
      auto it = d.source_by_key.find(k);
      if (it == d.source_by_key.end()) {
        diags.add(file, line, field, shown(k), "expected a source key from sources.csv" + d.suggest(k, d.source_candidates));
        ok = false;
      } else {
        out.push_back(it->second);
      }
    }
    return out;
  };
  const auto figure = [&](const RoadFigureDraft& f, const char* name) {
    RoadFigure g;
    g.value = f.value;
    g.lo = f.range ? f.range->first : f.value;
    g.hi = f.range ? f.range->second : f.value;
    g.sources = keys(f.sources, std::string("road.") + name + "_source", f.line);
    g.note = f.note;
    return g;
  };
  RoadAccess a;
  a.detour_factor = figure(r.detour_factor, "detour_factor");
  a.speed_kmh = figure(r.speed_kmh, "speed_kmh");
  a.cost_usd_per_km = figure(r.cost_usd_per_km, "cost_usd_per_km");
  a.border_hours = figure(r.border_hours, "border_hours");
  a.border_cost_usd = figure(r.border_cost_usd, "border_cost_usd");
  a.nearest = r.nearest;
  a.radius_km = r.radius_km;
  a.rule_sources = keys(r.rule_sources, "road.rules_source", r.rule_line);
  a.rule_note = r.rule_note;
  a.border_free = r.border_free;
  a.border_free_sources = keys(r.border_free_sources, "road.border_free_source", r.border_free_line);
  a.border_free_note = r.border_free_note;
  auto f = d.factor_by_id.find(r.emission_factor);
  if (f == d.factor_by_id.end()) {
    if (!r.emission_factor.empty())
      diags.add(file, r.emission_factor_line, "road.emission_factor", shown(r.emission_factor),
                "expected an id from emission_factors.csv" + d.suggest(r.emission_factor, d.factor_candidates));
    ok = false;
  } else {
    a.emission_factor = f->second;
    if (d.factors[f->second.get()].info.mode != Mode::road)
      diags.add(file, r.emission_factor_line, "road.emission_factor", shown(r.emission_factor),
                "expected a factor whose mode is road");
  }
  if (!ok) return std::nullopt;
  return a;
}

std::optional<LoadedPackage> load(const PackageFiles& files, const LoadOptions& opts,
                                  Diagnostics& diags) {
  Drafts d;
  const auto content = [&](const std::string& name) -> const std::string* {
    auto it = files.files.find(name);
    return it == files.files.end() ? nullptr : &it->second;
  };
  // A file that is there but was not read (a FIFO, a device, too large) says why.
  const auto absent = [&](const std::string& name, std::string_view missing) {
    const auto it = files.refused.find(name);
    diags.add(name, 0, "", "", it != files.refused.end() ? it->second : std::string(missing));
  };

  if (const std::string* m = content(std::string(kManifestFile)))
    d.manifest = parse_manifest(*m, diags);
  else
    absent(std::string(kManifestFile), "file is missing; expected the package manifest");

  const auto table = [&](std::string_view name) {
    const std::string n(name);
    if (const std::string* text = content(n)) return CsvTable::parse(*text, n, diags);
    absent(n, "file is missing; expected it in the package folder (docs/network-package.md)");
    return CsvTable{};
  };
  const CsvTable sources = table(kSourcesFile);
  const CsvTable nodes = table(kNodesFile);
  const CsvTable factors = table(kFactorsFile);
  const CsvTable links = table(kLinksFile);
  const CsvTable ops = table(kOpsFile);

  read_sources(sources, d, diags);
  check_manifest_sources(d, diags);
  read_nodes(nodes, d, diags);
  read_factors(factors, d, diags);
  std::optional<RoadAccess> road = resolve_road(d, diags);
  read_links(links, d, diags);
  read_operations(ops, d, diags);

  check_reverse_ids(d, diags);
  great_circle_distances(d, diags);
  auto graph = sea_distances(d, files, opts, diags);
  link_times(d, diags);
  check_operations(d, diags);

  if (!diags.empty()) return std::nullopt;
  LoadedPackage pkg = build(d, std::move(graph));
  pkg.dir = files.dir;
  pkg.road = std::move(road);
  return pkg;
}

std::vector<Diagnostic> sorted(const Diagnostics& diags) {
  std::vector<Diagnostic> out = diags.list();
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    const auto ra = file_rank(a.file), rb = file_rank(b.file);
    if (ra != rb) return ra < rb;
    return a.line < b.line;
  });
  return out;
}

}  // namespace

const std::vector<std::string>& package_file_names() {
  return kFileNames;
}

void read_package_file(PackageFiles& files, const std::string& name) {
  UserFile f = read_user_file(files.dir / name, name == kManifestFile ? kMaxTomlBytes : kMaxCsvBytes);
  if (f.ok())
    files.files.insert_or_assign(name, std::move(f.text));
  else if (f.status != UserFile::Status::missing)
    files.refused.insert_or_assign(name, std::move(f.problem));
}

PackageFiles read_package_files(const std::filesystem::path& dir) {
  PackageFiles p;
  p.dir = dir;
  for (const std::string& name : kFileNames) read_package_file(p, name);
  return p;
}

LoadedPackage load_package(const PackageFiles& files, const LoadOptions& opts) {
  Diagnostics diags;
  std::optional<LoadedPackage> pkg = load(files, opts, diags);
  if (!pkg) throw LoadError(sorted(diags));
  return std::move(*pkg);
}

LoadedPackage load_package(const std::filesystem::path& dir, const LoadOptions& opts) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec))
    throw LoadError({{dir.string(), 0, "", "",
                      "not a folder; expected a network package folder holding network.toml"}});
  return load_package(read_package_files(dir), opts);
}

std::vector<Diagnostic> validate_package(const PackageFiles& files, const LoadOptions& opts) {
  Diagnostics diags;
  load(files, opts, diags);
  return sorted(diags);
}

std::vector<Diagnostic> validate_package(const std::filesystem::path& dir,
                                         const LoadOptions& opts) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec))
    return {{dir.string(), 0, "", "",
             "not a folder; expected a network package folder holding network.toml"}};
  return validate_package(read_package_files(dir), opts);
}

std::filesystem::path default_package_dir() {
  // Same rule as the maritime graph (sea::default_marnet_dir): the environment overrides the
  // data folder chosen at build time.
  const char* env = std::getenv("LANDBRIDGE_DATA_DIR");
  if (env != nullptr && *env != '\0') return std::filesystem::path(env) / "eurasia";
  return std::filesystem::path(LANDBRIDGE_DATA_DIR) / "eurasia";
}

}  // namespace landbridge::io
