#include "manifest.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <toml++/toml.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>

#include "landbridge/io/quantity.h"
#include "text.h"

namespace landbridge::io::detail {
namespace {

constexpr std::array<std::string_view, 12> kKeys = {"format",
                                                    "name",
                                                    "version",
                                                    "description",
                                                    "marnet",
                                                    "marnet_avoid",
                                                    "mass_per_teu_t",
                                                    "mass_per_teu_source",
                                                    "feu_teu_cost_ratio",
                                                    "feu_teu_cost_ratio_source",
                                                    "feu_teu_cost_ratio_note",
                                                    "road"};

// Keys of the [road] table: each figure F has F, F_range ([lo, hi]), F_source ("S1;S2") and
// F_note; the rules nearest / radius_km share rules_source and rules_note.
constexpr std::array<std::string_view, 5> kRoadFigures = {"detour_factor", "speed_kmh", "cost_usd_per_km",
                                                          "border_hours", "border_cost_usd"};

int line_of(const toml::node& n) {
  return static_cast<int>(n.source().begin.line);
}

// What a TOML value looks like, for the "got '...'" part of a message.
std::string describe(const toml::node& n) {
  if (const auto* s = n.as_string()) return shown(s->get());
  if (const auto* i = n.as_integer()) return fmt::format("{}", i->get());
  if (const auto* f = n.as_floating_point()) return fmt::format("{}", f->get());
  if (const auto* b = n.as_boolean()) return b->get() ? "true" : "false";
  if (n.is_table()) return "<a table>";
  if (n.is_array()) return "<an array>";
  return "<a date or time>";
}

class Reader {
 public:
  Reader(const toml::table& t, Diagnostics& d) : t_(t), d_(d) {}

  // A string key; nullopt (with a diagnostic when required) if absent or not a string.
  std::optional<std::string> str(std::string_view key, bool required, int* line = nullptr) {
    const toml::node* n = t_.get(key);
    if (n == nullptr) {
      if (required)
        d_.add(std::string(kManifestFile), 0, std::string(key), "",
               "missing required key; expected a string");
      return std::nullopt;
    }
    if (line) *line = line_of(*n);
    if (const auto* s = n->as_string()) return s->get();
    d_.add(std::string(kManifestFile), line_of(*n), std::string(key), describe(*n),
           "expected a string in quotes");
    return std::nullopt;
  }

  // A number key (integer or float), checked against `kind`.
  std::optional<double> number(std::string_view key, bool required, const QuantityKind& kind) {
    const toml::node* n = t_.get(key);
    if (n == nullptr) {
      if (required)
        d_.add(std::string(kManifestFile), 0, std::string(key), "",
               fmt::format("missing required key; expected {}", kind.what));
      return std::nullopt;
    }
    std::optional<double> v;
    if (const auto* i = n->as_integer()) v = static_cast<double>(i->get());
    if (const auto* f = n->as_floating_point()) v = f->get();
    if (!v) {
      d_.add(std::string(kManifestFile), line_of(*n), std::string(key), describe(*n),
             fmt::format("expected {} (a number)", kind.what));
      return std::nullopt;
    }
    const QuantityResult r = parse_quantity(fmt::format("{}", *v), kind);
    if (!r.ok()) {
      d_.add(std::string(kManifestFile), line_of(*n), std::string(key), describe(*n), r.error);
      return std::nullopt;
    }
    return r.value;
  }

 private:
  const toml::table& t_;
  Diagnostics& d_;
};

const QuantityKind kMassPerTeu{"a mass in tonnes per loaded TEU", quantity::rate.units, 0.0, 100.0,
                               true};
const QuantityKind kCostRatio{"a ratio of FEU to TEU price", quantity::rate.units, 0.0, 10.0, true};

const QuantityKind kRoadDetour{"a detour factor in [1, 10]", quantity::rate.units, 1.0, 10.0, false};
const QuantityKind kRoadSpeed{"a speed in km/h", quantity::rate.units, 0.0, 200.0, true};
const QuantityKind kRoadMoney{"an amount in USD", quantity::rate.units, 0.0, 100000.0, false};
const QuantityKind kRoadHours{"a duration in hours", quantity::rate.units, 0.0, 24.0 * 30, false};
const QuantityKind kRoadNearest{"a whole number of terminals in [1, 20]", quantity::rate.units, 1.0, 20.0, false, true};
const QuantityKind kRoadRadius{"a great-circle distance in km", quantity::rate.units, 0.0, 5000.0, true};

std::vector<std::string> split_keys(const std::string& s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i <= s.size()) {
    std::size_t j = s.find(';', i);
    if (j == std::string::npos) j = s.size();
    std::string k(trim(std::string_view(s).substr(i, j - i)));
    if (!k.empty()) out.push_back(std::move(k));
    i = j + 1;
  }
  return out;
}

std::optional<RoadDraft> parse_road(const toml::node& node, Diagnostics& diags) {
  const std::string file(kManifestFile);
  const toml::table* t = node.as_table();
  if (t == nullptr) {
    diags.add(file, line_of(node), "road", describe(node), "expected a table [road] (docs/door-to-door.md)");
    return std::nullopt;
  }
  std::vector<std::string> known;
  for (auto f : kRoadFigures)
    for (const char* suffix : {"", "_range", "_source", "_note"}) known.push_back(std::string(f) + suffix);
  for (const char* k : {"emission_factor", "nearest", "radius_km", "rules_source", "rules_note", "border_free",
                        "border_free_source", "border_free_note"})
    known.emplace_back(k);
  for (auto&& [key, value] : *t)
    if (std::find(known.begin(), known.end(), key.str()) == known.end())
      diags.add(file, line_of(value), "road." + std::string(key.str()), "",
                fmt::format("unknown key; expected one of {}", fmt::join(known, ", ")));

  RoadDraft r;
  r.line = line_of(node);
  Reader rd(*t, diags);
  const auto figure = [&](std::string_view name, const QuantityKind& kind, RoadFigureDraft& f) {
    const std::string n(name);
    if (auto v = rd.number(n, true, kind)) f.value = *v;
    if (const toml::node* k = t->get(n)) f.line = line_of(*k);
    if (const toml::node* rg = t->get(n + "_range")) {
      const toml::array* a = rg->as_array();
      std::optional<double> lo, hi;
      if (a != nullptr && a->size() == 2) {
        for (std::size_t i = 0; i < 2; ++i) {
          const toml::node& x = *a->get(i);
          std::optional<double> v;
          if (const auto* iv = x.as_integer()) v = static_cast<double>(iv->get());
          if (const auto* fv = x.as_floating_point()) v = fv->get();
          (i == 0 ? lo : hi) = v;
        }
      }
      if (!lo || !hi || *lo > f.value || *hi < f.value)
        diags.add(file, line_of(*rg), "road." + n + "_range", describe(*rg),
                  fmt::format("expected [LO, HI] around the value {}", f.value));
      else
        f.range = std::pair(*lo, *hi);
    }
    if (auto s = rd.str(n + "_source", false)) f.sources = split_keys(*s);
    if (auto s = rd.str(n + "_note", false)) f.note = trim(*s);
    if (f.sources.empty() && f.note.empty())
      diags.add(file, f.line, "road." + n, "",
                fmt::format("cites nothing; expected a source key in {0}_source or an assumption in {0}_note", n));
  };
  figure("detour_factor", kRoadDetour, r.detour_factor);
  figure("speed_kmh", kRoadSpeed, r.speed_kmh);
  figure("cost_usd_per_km", kRoadMoney, r.cost_usd_per_km);
  figure("border_hours", kRoadHours, r.border_hours);
  figure("border_cost_usd", kRoadMoney, r.border_cost_usd);
  int line = 0;
  if (auto s = rd.str("emission_factor", true, &line)) {
    r.emission_factor = trim(*s);
    r.emission_factor_line = line;
  }
  if (auto v = rd.number("nearest", true, kRoadNearest)) r.nearest = static_cast<int>(*v);
  if (auto v = rd.number("radius_km", true, kRoadRadius)) r.radius_km = *v;
  if (const toml::node* k = t->get("nearest")) r.rule_line = line_of(*k);
  if (auto s = rd.str("rules_source", false)) r.rule_sources = split_keys(*s);
  if (auto s = rd.str("rules_note", false)) r.rule_note = trim(*s);
  if (r.rule_sources.empty() && r.rule_note.empty())
    diags.add(file, r.rule_line, "road.nearest", "",
              "cites nothing; expected a source key in rules_source or an assumption in rules_note");
  if (const toml::node* bf = t->get("border_free")) {
    r.border_free_line = line_of(*bf);
    const std::string expected =
        "expected an array of country groups, e.g. [[\"KZ\", \"RU\"], [\"DE\", \"PL\"]] (ISO 3166-1 alpha-2)";
    const toml::array* groups = bf->as_array();
    if (groups == nullptr) diags.add(file, line_of(*bf), "road.border_free", describe(*bf), expected);
    for (std::size_t i = 0; groups != nullptr && i < groups->size(); ++i) {
      const toml::array* g = groups->get(i)->as_array();
      std::vector<std::string> codes;
      for (std::size_t k = 0; g != nullptr && k < g->size(); ++k) {
        const auto* c = g->get(k)->as_string();
        const bool ok = c != nullptr && c->get().size() == 2 && std::isupper(static_cast<unsigned char>(c->get()[0])) &&
                        std::isupper(static_cast<unsigned char>(c->get()[1]));
        if (ok) codes.push_back(c->get());
        else diags.add(file, line_of(*g->get(k)), "road.border_free", describe(*g->get(k)), expected);
      }
      if (g == nullptr) diags.add(file, line_of(*groups->get(i)), "road.border_free", describe(*groups->get(i)), expected);
      r.border_free.push_back(std::move(codes));
    }
    if (auto s = rd.str("border_free_source", false)) r.border_free_sources = split_keys(*s);
    if (auto s = rd.str("border_free_note", false)) r.border_free_note = trim(*s);
    if (r.border_free_sources.empty() && r.border_free_note.empty())
      diags.add(file, r.border_free_line, "road.border_free", "",
                "cites nothing; expected a source key in border_free_source or an assumption in border_free_note");
  }
  return r;
}

}  // namespace

Manifest parse_manifest(std::string_view text, Diagnostics& diags) {
  Manifest m;
  const std::string file(kManifestFile);
  toml::table t;
  try {
    t = toml::parse(text, file);
  } catch (const toml::parse_error& e) {
    diags.add(file, static_cast<int>(e.source().begin.line), "", "",
              fmt::format("not valid TOML: {}", e.description()));
    return m;
  }
  m.parsed = true;

  std::size_t budget = kSuggestionBudget;
  for (auto&& [key, node] : t) {
    bool known = false;
    for (auto k : kKeys) known = known || key.str() == k;
    if (!known) {
      std::vector<Candidate> cands;
      for (auto k : kKeys) cands.push_back({std::string(k), {}, {}});
      std::vector<std::string> names(kKeys.begin(), kKeys.end());
      diags.add(file, line_of(node), std::string(key.str()), "",
                fmt::format("unknown key; expected one of {}", fmt::join(names, ", ")) +
                    did_you_mean(key.str(), cands, budget));
    }
  }

  Reader r(t, diags);
  if (auto format = r.str("format", true)) {
    if (*format != kFormat)
      diags.add(file, line_of(*t.get("format")), "format", shown(*format),
                fmt::format("expected exactly \"{}\"", kFormat));
  }
  if (auto v = r.str("name", true)) m.name = *v;
  if (auto v = r.str("version", true)) m.version = *v;
  if (auto v = r.str("description", false)) m.description = *v;
  int line = 0;
  if (auto v = r.str("marnet", false, &line)) {
    m.marnet = *v;
    m.marnet_line = line;
  }
  if (const toml::node* avoid = t.get("marnet_avoid")) {
    const std::string expected =
        "expected an array of sea passage names, e.g. [\"northwest\", \"suez\"]: " +
        passage_names();
    if (const toml::array* arr = avoid->as_array()) {
      m.marnet_avoid = 0;
      for (const toml::node& item : *arr) {
        const auto* name = item.as_string();
        const auto p = name ? parse_passage(name->get()) : std::nullopt;
        if (p)
          m.marnet_avoid |= passage_bit(*p);
        else
          diags.add(file, line_of(item), "marnet_avoid", describe(item), expected);
      }
    } else {
      diags.add(file, line_of(*avoid), "marnet_avoid", describe(*avoid), expected);
    }
  }
  if (auto v = r.number("mass_per_teu_t", true, kMassPerTeu)) m.mass_per_teu_t = *v;
  if (auto v = r.str("mass_per_teu_source", false, &line)) {
    m.mass_per_teu_source = trim(*v);
    m.mass_per_teu_source_line = line;
  }
  m.feu_teu_cost_ratio = r.number("feu_teu_cost_ratio", false, kCostRatio);
  if (auto v = r.str("feu_teu_cost_ratio_source", false, &line)) {
    m.feu_teu_cost_ratio_source = trim(*v);
    m.feu_teu_cost_ratio_source_line = line;
  }
  if (auto v = r.str("feu_teu_cost_ratio_note", false)) m.feu_teu_cost_ratio_note = trim(*v);
  if (const toml::node* road = t.get("road")) m.road = parse_road(*road, diags);
  if (m.feu_teu_cost_ratio && m.feu_teu_cost_ratio_source.empty() &&
      m.feu_teu_cost_ratio_note.empty())
    diags.add(
        file, line_of(*t.get("feu_teu_cost_ratio")), "feu_teu_cost_ratio",
        describe(*t.get("feu_teu_cost_ratio")),
        "cites nothing; expected a source key in feu_teu_cost_ratio_source or an assumption in "
        "feu_teu_cost_ratio_note");
  return m;
}

}  // namespace landbridge::io::detail
