#include "landbridge/io/freight_demand.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "landbridge/core/user_file.h"
#include "landbridge/io/csv_table.h"
#include "text.h"

namespace landbridge::io {
namespace {

const std::vector<std::string> kDemandColumns = {"origin", "destination", "teu_per_week", "equipment",
                                                 "commodity", "basis", "sources", "note"};
const std::vector<std::string> kDemandRequired = {"origin", "destination", "teu_per_week", "equipment", "commodity"};
const std::vector<std::string> kSourceColumns = {"key", "title", "url", "date", "note"};
const std::vector<std::string> kSourceRequired = {"key", "title", "date"};

// Most TEU per week one row may carry: far above any corridor (all Asia-Europe container
// trade is about 320,000 TEU a week), low enough that sums stay exact in a double.
constexpr double kMaxTeuPerWeek = 1e7;

// Checks the header against the known and required columns; false when rows cannot be read.
bool check_header(const CsvTable& t, const std::vector<std::string>& known, const std::vector<std::string>& required,
                  Diagnostics& diags) {
  bool ok = true;
  for (const std::string& h : t.header())
    if (std::find(known.begin(), known.end(), h) == known.end()) {
      diags.add(t.file(), t.header_line(), h, detail::shown(h), fmt::format("unknown column; expected one of {}", fmt::join(known, ", ")));
      ok = false;
    }
  for (const std::string& r : required)
    if (!t.column(r)) {
      diags.add(t.file(), t.header_line(), r, "", "missing required column");
      ok = false;
    }
  return ok;
}

std::string_view cell(const CsvTable& t, const CsvRow& row, const char* name) {
  const auto c = t.column(name);
  return c ? std::string_view(row.cells[*c]) : std::string_view();
}

std::optional<double> parse_number(std::string_view s) {
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  double v = 0;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

// YYYY, YYYY-MM or YYYY-MM-DD with plausible month and day.
bool plausible_date(std::string_view s) {
  const auto digits = [&](std::size_t from, std::size_t n) {
    if (s.size() < from + n) return false;
    return std::all_of(s.begin() + static_cast<long>(from), s.begin() + static_cast<long>(from + n),
                       [](char c) { return c >= '0' && c <= '9'; });
  };
  const auto num = [&](std::size_t from, std::size_t n) { return std::stoi(std::string(s.substr(from, n))); };
  if (s.size() == 4) return digits(0, 4);
  if (s.size() == 7) return digits(0, 4) && s[4] == '-' && digits(5, 2) && num(5, 2) >= 1 && num(5, 2) <= 12;
  if (s.size() == 10)
    return digits(0, 4) && s[4] == '-' && digits(5, 2) && s[7] == '-' && digits(8, 2) && num(5, 2) >= 1 &&
           num(5, 2) <= 12 && num(8, 2) >= 1 && num(8, 2) <= 31;
  return false;
}

std::vector<Source> parse_sources(std::string_view text, const std::string& file, Diagnostics& diags) {
  const CsvTable t = CsvTable::parse(text, file, diags);
  if (t.header_line() == 0 || !check_header(t, kSourceColumns, kSourceRequired, diags)) return {};
  std::vector<Source> out;
  std::set<std::string, std::less<>> seen;
  for (const CsvRow& row : t.rows()) {
    Source s{std::string(cell(t, row, "key")), std::string(cell(t, row, "title")), std::string(cell(t, row, "url")),
             std::string(cell(t, row, "date")), std::string(cell(t, row, "note"))};
    bool bad = false;
    if (s.key.empty()) diags.add(file, row.line, "key", "", "missing value; expected a source key"), bad = true;
    else if (!seen.insert(s.key).second)
      diags.add(file, row.line, "key", detail::shown(s.key), "expected a key not used on an earlier line"), bad = true;
    if (s.title.empty()) diags.add(file, row.line, "title", "", "missing value; expected what the source is"), bad = true;
    if (!plausible_date(s.date))
      diags.add(file, row.line, "date", detail::shown(s.date), "expected a date YYYY, YYYY-MM or YYYY-MM-DD"), bad = true;
    if (!bad) out.push_back(std::move(s));
  }
  return out;
}

}  // namespace

std::optional<DemandEquipment> parse_demand_equipment(std::string_view s) {
  if (s == "teu") return DemandEquipment::teu;
  if (s == "feu") return DemandEquipment::feu;
  if (s == "40hc") return DemandEquipment::hc40;
  if (s == "20rf") return DemandEquipment::reefer20;
  if (s == "40rf") return DemandEquipment::reefer40;
  return std::nullopt;
}

std::string_view to_string(DemandEquipment e) {
  switch (e) {
    case DemandEquipment::teu: return "teu";
    case DemandEquipment::feu: return "feu";
    case DemandEquipment::hc40: return "40hc";
    case DemandEquipment::reefer20: return "20rf";
    case DemandEquipment::reefer40: return "40rf";
  }
  return "teu";
}

double teu_per_box(DemandEquipment e) {
  return (e == DemandEquipment::teu || e == DemandEquipment::reefer20) ? 1.0 : 2.0;
}

std::optional<Commodity> parse_commodity(std::string_view s) {
  if (s == "general") return Commodity::general;
  if (s == "high_value") return Commodity::high_value;
  if (s == "reefer") return Commodity::reefer;
  return std::nullopt;
}

std::string_view to_string(Commodity c) {
  switch (c) {
    case Commodity::general: return "general";
    case Commodity::high_value: return "high_value";
    case Commodity::reefer: return "reefer";
  }
  return "general";
}

DemandTable parse_demand(std::string_view text, const std::string& file,
                         const std::set<std::string, std::less<>>* source_keys, Diagnostics& diags) {
  DemandTable out;
  out.file = file;
  const CsvTable t = CsvTable::parse(text, file, diags);
  if (t.header_line() == 0) {
    if (diags.empty()) diags.add(file, 0, "", "", "empty file; expected a header line and demand rows");
    return out;
  }
  if (!check_header(t, kDemandColumns, kDemandRequired, diags)) return out;
  for (const CsvRow& row : t.rows()) {
    DemandRow r;
    r.line = row.line;
    bool bad = false;
    const auto fail = [&](const char* field, std::string_view value, const std::string& msg) {
      diags.add(file, row.line, field, detail::shown(value), msg);
      bad = true;
    };
    r.origin = std::string(cell(t, row, "origin"));
    r.destination = std::string(cell(t, row, "destination"));
    if (r.origin.empty()) fail("origin", "", "missing value; expected a UN/LOCODE, node code or place name");
    if (r.destination.empty()) fail("destination", "", "missing value; expected a UN/LOCODE, node code or place name");
    const std::string_view q = cell(t, row, "teu_per_week");
    const auto v = parse_number(q);
    if (!v || *v <= 0 || *v > kMaxTeuPerWeek)
      fail("teu_per_week", q, "expected a number of TEU per week above 0 and at most 10,000,000");
    else
      r.teu_per_week = *v;
    const std::string_view eq = cell(t, row, "equipment");
    if (const auto e = parse_demand_equipment(eq)) r.equipment = *e;
    else fail("equipment", eq, "expected one of teu, feu, 40hc, 20rf, 40rf");
    const std::string_view cm = cell(t, row, "commodity");
    if (const auto c = parse_commodity(cm)) r.commodity = *c;
    else fail("commodity", cm, "expected one of general, high_value, reefer");
    const std::string_view b = cell(t, row, "basis");
    if (!b.empty()) {
      if (const auto pb = parse_basis(b)) r.basis = *pb;
      else fail("basis", b, "expected sourced, computed or assumption");
    }
    r.sources = split_list(cell(t, row, "sources"));
    r.note = std::string(cell(t, row, "note"));
    for (const std::string& k : r.sources)
      if (source_keys && !source_keys->contains(k)) fail("sources", k, "expected a source key from the demand's sources.csv");
    if (r.basis == Basis::sourced && r.sources.empty())
      fail("sources", "", "missing value; a sourced row cites a key (or set basis computed / assumption with a note)");
    if (r.basis != Basis::sourced && r.note.empty())
      fail("note", "", "missing value; a computed or assumed figure states its method in the note");
    if (!bad && r.origin == r.destination) fail("destination", r.destination, "expected a place other than the origin");
    if (!bad) out.rows.push_back(std::move(r));
  }
  if (out.rows.empty() && diags.empty()) diags.add(file, t.header_line(), "", "", "no demand rows; expected at least one");
  return out;
}

DemandTable load_demand(const std::filesystem::path& path) {
  Diagnostics diags;
  const std::string file = path.string();
  const UserFile f = read_user_file(path, kMaxCsvBytes);
  if (!f.ok()) {
    diags.add(file, 0, "", "", f.problem);
    diags.throw_if_any();
  }
  std::vector<Source> sources;
  std::set<std::string, std::less<>> keys;
  const auto src_path = path.parent_path() / "sources.csv";
  const bool have_sources = std::filesystem::exists(src_path);
  if (have_sources) {
    const UserFile s = read_user_file(src_path, kMaxCsvBytes);
    if (!s.ok()) diags.add(src_path.string(), 0, "", "", s.problem);
    else sources = parse_sources(s.text, src_path.string(), diags);
    for (const Source& x : sources) keys.insert(x.key);
  }
  DemandTable t = parse_demand(f.text, file, have_sources ? &keys : nullptr, diags);
  diags.throw_if_any();
  t.sources = std::move(sources);
  return t;
}

}  // namespace landbridge::io
