// Reading the rows of each CSV file into drafts, with one Diagnostic per bad cell.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>

#include "drafts.h"
#include "zones.h"
#include "landbridge/io/quantity.h"

namespace landbridge::io::detail {
namespace {

// --- columns -----------------------------------------------------------------------------

struct Column {
  std::string_view name;
  bool required;
};

struct Schema {
  std::span<const Column> columns;
  std::span<const std::string_view> ranged;  // quantity columns that may have a `<name>_range`
};

constexpr std::array<Column, 5> kSourceColumns{
    {{"key", true}, {"title", true}, {"url", false}, {"date", true}, {"note", false}}};
constexpr std::array<Column, 11> kNodeColumns{{{"code", true},
                                               {"name", true},
                                               {"country", true},
                                               {"kind", true},
                                               {"lat", true},
                                               {"lon", true},
                                               {"timezone", false},
                                               {"aliases", false},
                                               {"sources", false},
                                               {"basis", false},
                                               {"note", false}}};
constexpr std::array<Column, 8> kFactorColumns{{{"id", true},
                                                {"mode", true},
                                                {"description", true},
                                                {"wtw", true},
                                                {"ttw", true},
                                                {"basis", false},
                                                {"sources", false},
                                                {"note", false}}};
constexpr std::array<std::string_view, 2> kFactorRanged{"wtw", "ttw"};
constexpr std::array<Column, 17> kLinkColumns{{{"id", true},
                                               {"from", true},
                                               {"to", true},
                                               {"mode", true},
                                               {"gauge", false},
                                               {"distance", true},
                                               {"duration", false},
                                               {"speed", false},
                                               {"cost_teu", false},
                                               {"cost_feu", false},
                                               {"emission_factor", true},
                                               {"capacity_teu_day", false},
                                               {"bidirectional", false},
                                               {"avoid_passages", false},
                                               {"basis", false},
                                               {"sources", false},
                                               {"note", false}}};
constexpr std::array<std::string_view, 6> kLinkRanged{"distance", "duration", "speed",
                                                      "cost_teu", "cost_feu", "capacity_teu_day"};
constexpr std::array<Column, 17> kOpColumns{{{"node", true},
                                             {"kind", true},
                                             {"arrive", true},
                                             {"depart", true},
                                             {"duration", true},
                                             {"cost_teu", false},
                                             {"cost_feu", false},
                                             {"hub_co2e", false},
                                             {"capacity_teu_day", false},
                                             {"cranes", false},
                                             {"moves_per_hour", false},
                                             {"servers", false},
                                             {"service_dist", false},
                                             {"service_cv", false},
                                             {"basis", false},
                                             {"sources", false},
                                             {"note", false}}};
constexpr std::array<std::string_view, 6> kOpRanged{
    "duration", "cost_teu", "cost_feu", "hub_co2e", "capacity_teu_day", "moves_per_hour"};

// Unknown and missing columns, reported on the header line.
void check_header(const CsvTable& t, const Schema& s, Diagnostics& diags) {
  if (t.header_line() == 0) return;  // empty file, already reported
  std::vector<Candidate> known;
  for (const Column& c : s.columns) known.push_back({std::string(c.name), {}, {}});
  for (auto r : s.ranged) known.push_back({std::string(r) + "_range", {}, {}});
  std::size_t budget = kSuggestionBudget;
  for (const std::string& h : t.header()) {
    if (h.empty()) continue;
    const bool ok =
        std::any_of(known.begin(), known.end(), [&](const Candidate& c) { return c.key == h; });
    if (!ok) {
      std::vector<std::string> names;
      for (const Column& c : s.columns) names.emplace_back(c.name);
      diags.add(t.file(), t.header_line(), h, "",
                fmt::format("unknown column; expected one of {}{}", fmt::join(names, ", "),
                            s.ranged.empty() ? "" : " (and <name>_range for quantities)") +
                    did_you_mean(h, known, budget));
    }
  }
  for (const Column& c : s.columns)
    if (c.required && !t.column(c.name))
      diags.add(t.file(), t.header_line(), std::string(c.name), "",
                "required column is missing from the header");
}

// --- one row -----------------------------------------------------------------------------

// Cells of one row by column name, and the helpers that report bad ones.
class Row {
 public:
  Row(const CsvTable& t, const CsvRow& r, Diagnostics& d) : t_(t), r_(r), d_(d) {}

  [[nodiscard]] int line() const { return r_.line; }
  [[nodiscard]] const std::string& file() const { return t_.file(); }

  // The cell; nullopt when the header has no such column.
  [[nodiscard]] std::optional<std::string_view> cell(std::string_view col) const {
    auto i = t_.column(col);
    if (!i) return std::nullopt;
    return std::string_view(r_.cells[*i]);
  }
  [[nodiscard]] std::string_view text(std::string_view col) const { return cell(col).value_or(""); }

  void error(std::string_view col, std::string_view value, std::string message) const {
    d_.add(t_.file(), r_.line, std::string(col), shown(value), std::move(message));
  }

  // A required text cell: nullopt (reported) when empty; nullopt (silently: the header
  // check reported it) when the column is missing.
  std::optional<std::string_view> required(std::string_view col, std::string_view expected) const {
    auto c = cell(col);
    if (!c) return std::nullopt;
    if (c->empty()) {
      error(col, "", fmt::format("missing value, expected {}", expected));
      return std::nullopt;
    }
    return c;
  }

  // A quantity cell that must be present.
  std::optional<double> need(std::string_view col, const QuantityKind& kind) const {
    auto c = cell(col);
    if (!c) return std::nullopt;
    if (c->empty()) {
      error(col, "", fmt::format("missing value, expected {}", kind.what));
      return std::nullopt;
    }
    return parse(col, *c, kind);
  }

  // An optional quantity cell: `present` false when empty; `value` nullopt when bad.
  struct Maybe {
    bool present = false;
    std::optional<double> value;
  };
  Maybe maybe(std::string_view col, const QuantityKind& kind) const {
    auto c = cell(col);
    if (!c || c->empty()) return {};
    return {true, parse(col, *c, kind)};
  }

  // `<col>_range`, when written.
  std::optional<Range> range(std::string_view col, const QuantityKind& kind,
                             bool* bad = nullptr) const {
    const std::string rc = std::string(col) + "_range";
    auto c = cell(rc);
    if (!c || c->empty()) return std::nullopt;
    RangeResult r = parse_range(*c, kind);
    if (!r.ok()) {
      error(rc, *c, r.error);
      if (bad) *bad = true;
      return std::nullopt;
    }
    return Range{r.lo, r.hi, std::string(*c)};
  }

  // Reports a range that does not contain the value the engine routes on.
  void check_contains(std::string_view col, const std::optional<Range>& r, double value,
                      const QuantityKind& kind, std::string_view what_value = {}) const {
    if (!r) return;
    const double tol = 1e-9 * std::max({1.0, std::abs(r->lo), std::abs(r->hi)});
    if (value >= r->lo - tol && value <= r->hi + tol) return;
    error(std::string(col) + "_range", r->text,
          fmt::format("expected a range that contains the value of '{}' ({}{})", col,
                      format_quantity(value, kind), what_value));
  }

  // A figure: the value in `col` with its optional range, checked against each other.
  std::optional<Figure> figure_need(std::string_view col, const QuantityKind& kind) const {
    auto v = need(col, kind);
    auto r = range(col, kind);
    if (!v) return std::nullopt;
    check_contains(col, r, *v, kind);
    return Figure{*v, r};
  }
  // Same for an optional column; `present` tells an empty cell from a bad one.
  std::optional<Figure> figure_maybe(std::string_view col, const QuantityKind& kind,
                                     bool* present) const {
    Maybe m = maybe(col, kind);
    auto r = range(col, kind);
    *present = m.present;
    if (!m.present) {
      if (r)
        error(std::string(col) + "_range", r->text,
              fmt::format("a range needs a value in '{}'", col));
      return std::nullopt;
    }
    if (!m.value) return std::nullopt;
    check_contains(col, r, *m.value, kind);
    return Figure{*m.value, r};
  }

  // `sources`: each key must be in sources.csv.
  std::vector<SourceId> sources(Drafts& d) const {
    std::vector<SourceId> out;
    for (const std::string& key : split_list(text("sources"))) {
      auto it = d.source_by_key.find(key);
      if (it == d.source_by_key.end()) {
        error("sources", key,
              "expected a source key from sources.csv" + d.suggest(key, d.source_candidates));
        continue;
      }
      if (std::find(out.begin(), out.end(), it->second) == out.end()) out.push_back(it->second);
    }
    return out;
  }

  Basis basis() const {
    const std::string_view b = text("basis");
    if (auto p = parse_basis(b)) return *p;
    error("basis", b, "expected sourced, computed or assumption (empty means sourced)");
    return Basis::computed;  // not "sourced": don't also complain that it cites nothing
  }

  // A `sourced` row must cite at least one source.
  void check_cites(Basis basis, const std::vector<SourceId>& sources) const {
    if (basis != Basis::sourced || !sources.empty()) return;
    // A key that did not resolve was reported already; only flag rows that cite nothing.
    if (!split_list(text("sources")).empty()) return;
    error("sources", "",
          "the row's basis is 'sourced' (the default when basis is empty) but it cites no source; "
          "expected a "
          "key from sources.csv, or basis 'computed' / 'assumption' with a note");
  }

 private:
  std::optional<double> parse(std::string_view col, std::string_view text,
                              const QuantityKind& kind) const {
    QuantityResult r = parse_quantity(text, kind);
    if (!r.ok()) {
      error(col, text, r.error);
      return std::nullopt;
    }
    return r.value;
  }

  const CsvTable& t_;
  const CsvRow& r_;
  Diagnostics& d_;
};

// Remembers keys per file and reports repeats with the line of the first one.
class UniqueKeys {
 public:
  // True when `key` is new.
  bool add(const Row& row, std::string_view col, const std::string& key, std::string_view what) {
    auto [it, fresh] = first_line_.emplace(key, row.line());
    if (!fresh)
      row.error(col, key,
                fmt::format("expected a unique {} (already used on line {})", what, it->second));
    return fresh;
  }

 private:
  std::map<std::string, int, std::less<>> first_line_;
};

bool is_locode(std::string_view s) {
  if (s.size() != 5) return false;
  for (std::size_t i = 0; i < 5; ++i) {
    const char c = s[i];
    const bool letter = c >= 'A' && c <= 'Z';
    const bool digit = c >= '2' && c <= '9';
    if (!(letter || (i >= 2 && digit))) return false;
  }
  return true;
}

bool is_country(std::string_view s) {
  return s.size() == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z';
}

bool is_date(std::string_view s) {
  const auto digits = [&](std::size_t at, std::size_t n) {
    if (s.size() < at + n) return false;
    for (std::size_t i = at; i < at + n; ++i)
      if (s[i] < '0' || s[i] > '9') return false;
    return true;
  };
  const auto num = [&](std::size_t at, std::size_t n) {
    int v = 0;
    for (std::size_t i = at; i < at + n; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return false;
  if (!digits(0, 4)) return false;
  if (s.size() == 4) return true;
  if (s[4] != '-' || !digits(5, 2)) return false;
  const int month = num(5, 2);
  if (month < 1 || month > 12) return false;
  if (s.size() == 7) return true;
  if (s[7] != '-' || !digits(8, 2)) return false;
  const int year = num(0, 4), day = num(8, 2);
  constexpr std::array<int, 12> kDays{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  const int max_day = (month == 2 && !leap) ? 28 : kDays[static_cast<std::size_t>(month - 1)];
  return day >= 1 && day <= max_day;
}

bool is_timezone(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' ||
           c == '_' || c == '-' || c == '+';
  });
}

std::optional<NodeId> node_ref(const Row& row, std::string_view col, Drafts& d) {
  auto code = row.required(col, "a node code from nodes.csv");
  if (!code) return std::nullopt;
  auto it = d.node_by_code.find(std::string(*code));
  if (it != d.node_by_code.end()) return it->second;
  row.error(col, *code,
            "expected a node code from nodes.csv" + d.suggest(*code, d.node_candidates));
  return std::nullopt;
}

std::optional<Mode> mode_cell(const Row& row) {
  auto m = row.required("mode", "a mode: " + mode_names());
  if (!m) return std::nullopt;
  if (auto p = parse_mode(*m)) return p;
  row.error("mode", *m, "expected a mode: " + mode_names());
  return std::nullopt;
}

std::string pattern_help(bool arrive_side) {
  return fmt::format(
      "a pattern: *, {}, sea, a mode ({}) or rail:GAUGE (rail:1435, rail:1520, rail:1067)",
      arrive_side ? "start" : "end", mode_names());
}

}  // namespace

// --- sources.csv -------------------------------------------------------------------------

void read_sources(const CsvTable& t, Drafts& d, Diagnostics& diags) {
  check_header(t, {kSourceColumns, {}}, diags);
  UniqueKeys keys;
  for (const CsvRow& r : t.rows()) {
    Row row(t, r, diags);
    Source s;
    if (auto key = row.required("key", "a source key such as S42")) {
      s.key = std::string(*key);
      if (s.key.find(';') != std::string::npos)
        row.error("key", s.key, "expected a key without ';' (lists of keys are separated by ';')");
      else if (keys.add(row, "key", s.key, "source key")) {
        const SourceId id = SourceId::from(d.sources.size());
        d.source_by_key.emplace(s.key, id);
        d.source_candidates.push_back({s.key, {}, {}});
      }
    }
    if (auto title = row.required("title", "what the source is")) s.title = std::string(*title);
    s.url = std::string(row.text("url"));
    if (auto date = row.required("date", "a date YYYY, YYYY-MM or YYYY-MM-DD")) {
      if (!is_date(*date)) row.error("date", *date, "expected a date YYYY, YYYY-MM or YYYY-MM-DD");
      s.date = std::string(*date);
    }
    s.note = std::string(row.text("note"));
    d.sources.push_back(std::move(s));
  }
}

void check_manifest_sources(Drafts& d, Diagnostics& diags) {
  const auto check = [&](const std::string& key, std::string_view field, int line) {
    if (key.empty() || d.source_by_key.contains(key)) return;
    diags.add(std::string(kManifestFile), line, std::string(field), shown(key),
              "expected a source key from sources.csv" + d.suggest(key, d.source_candidates));
  };
  check(d.manifest.mass_per_teu_source, "mass_per_teu_source", d.manifest.mass_per_teu_source_line);
  check(d.manifest.feu_teu_cost_ratio_source, "feu_teu_cost_ratio_source",
        d.manifest.feu_teu_cost_ratio_source_line);
}

// --- nodes.csv ---------------------------------------------------------------------------

void read_nodes(const CsvTable& t, Drafts& d, Diagnostics& diags) {
  check_header(t, {kNodeColumns, {}}, diags);
  UniqueKeys codes;
  for (const CsvRow& r : t.rows()) {
    Row row(t, r, diags);
    NodeDraft n;
    n.line = r.line;
    bool code_ok = false;
    if (auto code = row.required("code", "a UN/LOCODE such as KZALA")) {
      n.info.code = std::string(*code);
      code_ok = is_locode(*code);
      if (!code_ok)
        row.error(
            "code", *code,
            "expected a UN/LOCODE: 2 capital letters (country) and 3 capital letters or digits 2-9 "
            "(^[A-Z]{2}[A-Z2-9]{3}$)");
      if (codes.add(row, "code", n.info.code, "node code")) {
        d.node_by_code.emplace(n.info.code, NodeId::from(d.nodes.size()));
      }
    }
    if (auto name = row.required("name", "a display name")) n.info.name = std::string(*name);
    if (auto country = row.required("country", "an ISO 3166-1 alpha-2 country code")) {
      n.info.country = std::string(*country);
      if (!is_country(*country))
        row.error("country", *country,
                  "expected an ISO 3166-1 alpha-2 country code (2 capital letters)");
      else if (code_ok && n.info.code.compare(0, 2, *country) != 0)
        row.error("country", *country,
                  fmt::format("expected {}, the first two letters of the code {}",
                              n.info.code.substr(0, 2), n.info.code));
    }
    if (auto kind = row.required("kind", "a node kind: " + node_kind_names())) {
      if (auto k = parse_node_kind(*kind))
        n.info.kind = *k;
      else
        row.error("kind", *kind, "expected a node kind: " + node_kind_names());
    }
    auto lat = row.need("lat", quantity::latitude);
    auto lon = row.need("lon", quantity::longitude);
    if (lat && lon) {
      n.info.pos = {*lat, *lon};
      n.pos_ok = true;
    }
    const std::string_view tz = row.text("timezone");
    if (!tz.empty() && !is_timezone(tz))
      row.error("timezone", tz, "expected an IANA time zone name such as Asia/Almaty");
    else if (!tz.empty() && !is_known_timezone(tz))
      row.error("timezone", tz,
                "expected an IANA time zone name such as Asia/Almaty (not in the system's tz database)");
    n.info.timezone = std::string(tz);
    n.info.aliases = split_list(row.text("aliases"));
    n.info.sources = row.sources(d);
    row.check_cites(row.basis(), n.info.sources);
    n.info.note = std::string(row.text("note"));

    Candidate c{n.info.code, {n.info.name}, n.info.name};
    for (const auto& a : n.info.aliases) c.names.push_back(a);
    d.node_candidates.push_back(std::move(c));
    d.nodes.push_back(std::move(n));
  }
}

// --- emission_factors.csv ----------------------------------------------------------------

void read_factors(const CsvTable& t, Drafts& d, Diagnostics& diags) {
  check_header(t, {kFactorColumns, kFactorRanged}, diags);
  UniqueKeys ids;
  for (const CsvRow& r : t.rows()) {
    Row row(t, r, diags);
    FactorDraft f;
    f.line = r.line;
    if (auto id = row.required("id", "an emission factor id")) {
      f.info.id = std::string(*id);
      if (ids.add(row, "id", f.info.id, "emission factor id")) {
        d.factor_by_id.emplace(f.info.id, EmissionFactorId::from(d.factors.size()));
        d.factor_candidates.push_back({f.info.id, {}, {}});
      }
    }
    if (auto m = mode_cell(row)) f.info.mode = *m;
    if (auto desc = row.required("description", "a description of the vehicle class"))
      f.info.description = std::string(*desc);
    auto wtw = row.figure_need("wtw", quantity::intensity);
    auto ttw = row.figure_need("ttw", quantity::intensity);
    if (wtw) f.info.wtw = GramsPerTonneKm(wtw->value);
    if (ttw) f.info.ttw = GramsPerTonneKm(ttw->value);
    if (wtw && ttw && ttw->value > wtw->value)
      row.error("ttw", row.text("ttw"),
                fmt::format("expected at most wtw ({}): tank-to-wheel is a part of well-to-wheel",
                            format_quantity(wtw->value, quantity::intensity)));
    f.info.sources = row.sources(d);
    row.check_cites(row.basis(), f.info.sources);
    f.info.note = std::string(row.text("note"));
    d.factors.push_back(std::move(f));
  }
}

// --- links.csv ---------------------------------------------------------------------------

namespace {

// `distance`: a quantity, `marnet` or `gc*F`.
void link_distance(const Row& row, LinkDraft& l, std::optional<Mode> mode) {
  auto text = row.required("distance", "a distance (km, nm or mi), marnet or gc*F");
  if (!text) return;
  l.distance_text = std::string(*text);
  if (*text == "marnet") {
    if (mode && !is_maritime(*mode)) {
      row.error("distance", *text,
                fmt::format("marnet is for maritime links (deep_sea, feeder, ferry); expected a "
                            "distance (km, nm or "
                            "mi) or gc*F for a {} link",
                            to_string(*mode)));
      return;
    }
    l.distance_kind = DistanceKind::marnet;
    return;
  }
  if (text->starts_with("gc")) {
    std::string_view rest = trim(text->substr(2));
    if (!rest.starts_with('*')) {
      row.error("distance", *text,
                "expected gc*F: great-circle distance times a detour factor F, e.g. gc*1.3");
      return;
    }
    const QuantityResult f = parse_quantity(trim(rest.substr(1)), quantity::detour_factor);
    if (!f.ok()) {
      row.error("distance", *text, "in gc*F, " + f.error);
      return;
    }
    l.distance_kind = DistanceKind::great_circle;
    l.detour = f.value;
    return;
  }
  const QuantityResult q = parse_quantity(*text, quantity::distance);
  if (!q.ok()) {
    row.error("distance", *text,
              q.not_a_number
                  ? "expected a distance with an optional unit (km, nm or mi), marnet or gc*F"
                  : q.error);
    return;
  }
  l.distance_kind = DistanceKind::given;
  l.distance_km = q.value;
  l.distance_ok = true;
}

}  // namespace

void read_links(const CsvTable& t, Drafts& d, Diagnostics& diags) {
  check_header(t, {kLinkColumns, kLinkRanged}, diags);
  UniqueKeys ids;
  for (const CsvRow& r : t.rows()) {
    Row row(t, r, diags);
    LinkDraft l;
    l.line = r.line;
    if (auto id = row.required("id", "a link id")) {
      l.id = std::string(*id);
      ids.add(row, "id", l.id, "link id");
    }
    l.from = node_ref(row, "from", d);
    l.to = node_ref(row, "to", d);
    if (l.from && l.to && *l.from == *l.to)
      row.error("to", row.text("to"),
                "expected a node other than 'from': a link joins two different nodes");

    const std::optional<Mode> mode = mode_cell(row);
    const std::string_view gauge_text = row.text("gauge");
    if (mode) {
      const std::optional<Gauge> g = parse_gauge(gauge_text);
      if (*mode == Mode::rail) {
        if (gauge_text.empty())
          row.error("gauge", "",
                    "missing value, expected a track gauge for a rail link: 1435, 1520 or 1067");
        else if (!g)
          row.error("gauge", gauge_text, "expected a track gauge: 1435, 1520 or 1067");
        else
          l.carriage = Carriage{*mode, *g};
      } else if (!gauge_text.empty()) {
        row.error("gauge", gauge_text,
                  fmt::format("expected an empty gauge for a {} link (gauges are for rail links)",
                              to_string(*mode)));
      } else {
        l.carriage = Carriage{*mode, Gauge::none};
      }
    }

    link_distance(row, l, mode);
    l.distance_range = row.range("distance", quantity::distance);
    if (l.distance_kind == DistanceKind::given && l.distance_ok)
      row.check_contains("distance", l.distance_range, l.distance_km, quantity::distance);

    // Running time: a duration, or a speed the duration is derived from.
    const QuantityKind& speed_kind =
        (mode && is_maritime(*mode)) ? quantity::speed_sea : quantity::speed_land;
    bool has_duration = false, has_speed = false;
    auto duration = row.figure_maybe("duration", quantity::duration, &has_duration);
    auto speed = row.figure_maybe("speed", speed_kind, &has_speed);
    if (has_duration && has_speed) {
      row.error("speed", row.text("speed"), "expected either a duration or a speed, not both");
    } else if (!has_duration && !has_speed) {
      row.error("duration", "",
                "missing value, expected a duration, or a speed in 'speed' (duration = distance / "
                "speed)");
    } else {
      l.duration_h = duration;
      l.speed_kmh = speed;
      l.time_ok = duration.has_value() || speed.has_value();
    }

    // Prices: at least one of TEU / FEU; the other derived with the manifest's ratio.
    bool has_teu = false, has_feu = false;
    auto teu = row.figure_maybe("cost_teu", quantity::money, &has_teu);
    auto feu = row.figure_maybe("cost_feu", quantity::money, &has_feu);
    const auto ratio = d.manifest.feu_teu_cost_ratio;
    if (!has_teu && !has_feu) {
      row.error("cost_teu", "",
                "missing value, expected a price per TEU in cost_teu or per FEU in cost_feu");
    } else if (has_teu != has_feu && !ratio) {
      // Without a readable manifest the ratio is unknown rather than missing.
      if (d.manifest.parsed)
        row.error(has_teu ? "cost_feu" : "cost_teu", "",
                  fmt::format("missing value, expected a price per {}: network.toml sets no "
                              "feu_teu_cost_ratio to "
                              "derive it from {}",
                              has_teu ? "FEU" : "TEU", has_teu ? "cost_teu" : "cost_feu"));
    } else if ((!has_teu || teu) && (!has_feu || feu)) {
      const auto scale = [](const Figure& f, double k) {
        Figure out{f.value * k, f.range};
        if (out.range) {
          out.range->lo *= k;
          out.range->hi *= k;
        }
        return out;
      };
      l.cost_teu = has_teu ? *teu : scale(*feu, 1.0 / *ratio);
      l.cost_feu = has_feu ? *feu : scale(*teu, *ratio);
      l.cost_ok =
          l.cost_teu->value <= quantity::money.max && l.cost_feu->value <= quantity::money.max;
      if (!l.cost_ok)
        row.error(has_teu ? "cost_teu" : "cost_feu", row.text(has_teu ? "cost_teu" : "cost_feu"),
                  fmt::format("derived price is over {}; expected a smaller price",
                              format_quantity(quantity::money.max, quantity::money)));
    }

    if (auto f =
            row.required("emission_factor", "an emission factor id from emission_factors.csv")) {
      auto it = d.factor_by_id.find(std::string(*f));
      if (it != d.factor_by_id.end())
        l.factor = it->second;
      else
        row.error("emission_factor", *f,
                  "expected an emission factor id from emission_factors.csv" +
                      d.suggest(*f, d.factor_candidates));
    }

    bool has_capacity = false;
    if (auto c = row.figure_maybe("capacity_teu_day", quantity::capacity, &has_capacity))
      l.capacity = c->value;

    const std::string_view bidi = row.text("bidirectional");
    if (bidi == "yes")
      l.bidirectional = true;
    else if (!bidi.empty() && bidi != "no")
      row.error("bidirectional", bidi, "expected yes or no (empty means no)");

    const std::string_view avoid = row.text("avoid_passages");
    if (!avoid.empty() && mode && !is_maritime(*mode)) {
      row.error(
          "avoid_passages", avoid,
          fmt::format("expected no passages for a {} link (avoid_passages is for maritime links)",
                      to_string(*mode)));
    } else {
      for (const std::string& p : split_list(avoid)) {
        if (auto ps = parse_passage(p))
          l.avoid |= passage_bit(*ps);
        else
          row.error("avoid_passages", p, "expected a sea passage: " + passage_names());
      }
    }

    l.basis = row.basis();
    l.sources = row.sources(d);
    row.check_cites(l.basis, l.sources);
    l.note = std::string(row.text("note"));
    d.links.push_back(std::move(l));
  }
}

// --- operations.csv ----------------------------------------------------------------------

// The simulation columns: servers (a whole number, 0 or empty = not stated), service_dist
// (fixed, exponential, lognormal, triangular, pert; empty = not stated) and service_cv (for
// lognormal only, and needed there). Triangular and PERT spread over duration_range.
namespace {
void read_service(const Row& row, OperationInfo& info) {
  if (auto c = row.maybe("servers", quantity::count); c.value) info.servers = static_cast<int>(*c.value);
  const std::string_view dist = row.text("service_dist");
  constexpr std::array<std::pair<std::string_view, ServiceDist>, 5> kDists{{{"fixed", ServiceDist::fixed},
                                                                         {"exponential", ServiceDist::exponential},
                                                                         {"lognormal", ServiceDist::lognormal},
                                                                         {"triangular", ServiceDist::triangular},
                                                                         {"pert", ServiceDist::pert}}};
  if (!dist.empty()) {
    const auto it = std::find_if(kDists.begin(), kDists.end(), [&](const auto& d) { return d.first == dist; });
    if (it == kDists.end()) {
      row.error("service_dist", dist, "expected fixed, exponential, lognormal, triangular or pert");
    } else {
      info.service_dist = it->second;
    }
  }
  const std::string_view cv = row.text("service_cv");
  if (info.service_dist == ServiceDist::lognormal) {
    if (cv.empty()) {
      row.error("service_cv", "", "missing value, expected the lognormal's coefficient of variation (> 0)");
    } else if (auto m = row.maybe("service_cv", quantity::rate); m.value) {
      if (*m.value > 0 && *m.value <= 10) {
        info.service_cv = *m.value;
      } else {
        row.error("service_cv", cv, "expected a coefficient of variation above 0 and at most 10");
      }
    }
  } else if (!cv.empty()) {
    row.error("service_cv", cv, "expected an empty cell: service_cv is for service_dist lognormal");
  }
  const bool spread = info.service_dist == ServiceDist::triangular || info.service_dist == ServiceDist::pert;
  if (spread && !(info.duration.hi > info.duration.lo) && !row.text("duration").empty()) {
    row.error("service_dist", dist, "expected a duration_range with low below high: " + std::string(dist) +
                                        " spreads the service time over it");
  }
}
}  // namespace

void read_operations(const CsvTable& t, Drafts& d, Diagnostics& diags) {
  check_header(t, {kOpColumns, kOpRanged}, diags);
  for (const CsvRow& r : t.rows()) {
    Row row(t, r, diags);
    OpDraft o;
    o.line = r.line;
    o.node = node_ref(row, "node", d);
    if (auto k = row.required("kind", "an operation kind: " + operation_kind_names())) {
      o.kind = parse_operation_kind(*k);
      if (!o.kind) row.error("kind", *k, "expected an operation kind: " + operation_kind_names());
    }
    for (const bool arrive : {true, false}) {
      const std::string_view col = arrive ? "arrive" : "depart";
      auto p = row.required(col, pattern_help(arrive));
      if (!p) continue;
      auto pat = parse_carriage_pattern(*p, arrive);
      if (!pat) {
        std::string msg = "expected " + pattern_help(arrive);
        if (*p == (arrive ? "end" : "start"))
          msg += arrive ? " ('end' is for depart)" : " ('start' is for arrive)";
        row.error(col, *p, msg);
        continue;
      }
      (arrive ? o.arrive : o.depart) = pat;
    }

    OperationInfo& info = o.info;
    if (o.kind) info.kind = *o.kind;
    if (o.arrive) info.arrive = *o.arrive;
    if (o.depart) info.depart = *o.depart;
    if (auto f = row.figure_need("duration", quantity::duration)) {
      info.duration = {hours(f->value), hours(f->range ? f->range->lo : f->value),
                       hours(f->range ? f->range->hi : f->value)};
    }
    // Prices per box: zero when both are empty; one derived from the other with the ratio.
    bool has_teu = false, has_feu = false;
    auto teu = row.figure_maybe("cost_teu", quantity::money, &has_teu);
    auto feu = row.figure_maybe("cost_feu", quantity::money, &has_feu);
    const auto ratio = d.manifest.feu_teu_cost_ratio;
    if (has_teu != has_feu && !ratio) {
      if (d.manifest.parsed)
        row.error(has_teu ? "cost_feu" : "cost_teu", "",
                  fmt::format("missing value, expected a price per {}: network.toml sets no "
                              "feu_teu_cost_ratio to "
                              "derive it from {}",
                              has_teu ? "FEU" : "TEU", has_teu ? "cost_teu" : "cost_feu"));
    } else if ((has_teu || has_feu) && (!has_teu || teu) && (!has_feu || feu)) {
      const auto est = [](const Figure& f, double k) {
        return Estimate<UsdCents>{usd(f.value * k), usd((f.range ? f.range->lo : f.value) * k),
                                  usd((f.range ? f.range->hi : f.value) * k)};
      };
      info.cost_teu = has_teu ? est(*teu, 1.0) : est(*feu, 1.0 / *ratio);
      info.cost_feu = has_feu ? est(*feu, 1.0) : est(*teu, *ratio);
      if (to_usd(info.cost_feu.hi) > quantity::money.max ||
          to_usd(info.cost_teu.hi) > quantity::money.max)
        row.error(has_teu ? "cost_teu" : "cost_feu", row.text(has_teu ? "cost_teu" : "cost_feu"),
                  fmt::format("derived price is over {}; expected a smaller price",
                              format_quantity(quantity::money.max, quantity::money)));
    }
    bool present = false;
    if (auto f = row.figure_maybe("hub_co2e", quantity::hub_intensity, &present))
      info.hub_kg_co2e_per_t = f->value;
    if (auto f = row.figure_maybe("capacity_teu_day", quantity::capacity, &present))
      info.capacity_teu_per_day = f->value;
    if (auto f = row.figure_maybe("moves_per_hour", quantity::rate, &present))
      info.moves_per_hour = f->value;
    if (auto c = row.maybe("cranes", quantity::count); c.value)
      info.cranes = static_cast<int>(*c.value);
    read_service(row, info);
    info.sources = row.sources(d);
    row.check_cites(row.basis(), info.sources);
    info.note = std::string(row.text("note"));
    if (o.node) info.node = *o.node;
    d.ops.push_back(std::move(o));
  }
}

}  // namespace landbridge::io::detail
