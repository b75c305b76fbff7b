#include "landbridge/io/rates.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <iterator>
#include <limits>
#include <map>
#include <set>
#include <sstream>

#include "landbridge/core/user_file.h"
#include "landbridge/io/csv_table.h"
#include "landbridge/model/network.h"
#include "text.h"

namespace landbridge::io {
namespace {

using timetable::CivilDate;

const std::vector<std::string> kColumns = {"id", "valid_from", "valid_to", "scope", "target",
                                           "factor", "basis", "sources", "note"};
const std::vector<std::string> kRequired = {"id", "scope", "target", "factor"};

std::optional<RateScope> parse_scope(std::string_view s) {
  if (s == "all") return RateScope::all;
  if (s == "mode") return RateScope::mode;
  if (s == "link") return RateScope::link;
  if (s == "service") return RateScope::service;
  if (s == "operation") return RateScope::operation;
  if (s == "node") return RateScope::node;
  return std::nullopt;
}

// Whether two validity periods share a day.
bool overlap(const RateRow& a, const RateRow& b) {
  const bool a_before_b = a.valid_to && b.valid_from && *a.valid_to < *b.valid_from;
  const bool b_before_a = b.valid_to && a.valid_from && *b.valid_to < *a.valid_from;
  return !a_before_b && !b_before_a;
}

}  // namespace

RateTable load_rates_text(std::string_view text, const Network& net, Diagnostics& diags) {
  const std::string file = kRatesFile;
  const CsvTable t = CsvTable::parse(text, file, diags);
  if (t.header_line() == 0) return {};
  bool header_ok = true;
  for (const std::string& h : t.header())
    if (std::find(kColumns.begin(), kColumns.end(), h) == kColumns.end()) {
      std::string known;
      for (const std::string& k : kColumns) known += (known.empty() ? "" : ", ") + k;
      diags.add(file, t.header_line(), h, detail::shown(h), "unknown column; expected one of " + known);
      header_ok = false;
    }
  for (const std::string& r : kRequired)
    if (!t.column(r)) {
      diags.add(file, t.header_line(), r, "", "missing required column");
      header_ok = false;
    }
  if (!header_ok) return {};
  const auto cell = [&](const CsvRow& row, const char* name) -> std::string_view {
    const auto c = t.column(name);
    return c ? std::string_view(row.cells[*c]) : std::string_view();
  };
  std::vector<RateRow> rows;
  std::set<std::string, std::less<>> source_keys;  // looked up per cited key, not scanned
  for (const Source& x : net.sources()) source_keys.insert(x.key);
  // Validity periods kept so far per scope and target, by first day: disjoint, so only the one
  // starting last on or before a new row's last day can overlap it (a search, not a scan of
  // every row: a 64 MiB file of daily rates took hours with the scan).
  std::map<std::pair<RateScope, std::string>, std::map<std::int64_t, std::size_t>> periods;
  const auto first_day = [](const RateRow& r) {
    return r.valid_from ? std::int64_t{timetable::epoch_day(*r.valid_from)} : std::numeric_limits<std::int64_t>::min();
  };
  const auto last_day = [](const RateRow& r) {
    return r.valid_to ? std::int64_t{timetable::epoch_day(*r.valid_to)} : std::numeric_limits<std::int64_t>::max();
  };
  for (const CsvRow& row : t.rows()) {
    RateRow r;
    r.line = row.line;
    bool bad = false;
    const auto fail = [&](const char* field, std::string_view value, const std::string& msg) {
      diags.add(file, row.line, field, detail::shown(value), msg);
      bad = true;
    };
    r.id = std::string(cell(row, "id"));
    if (r.id.empty()) fail("id", "", "missing value; expected a rate id");
    for (const char* col : {"valid_from", "valid_to"}) {
      const std::string_view v = cell(row, col);
      if (v.empty()) continue;
      std::string why;
      if (const auto d = timetable::parse_date(v, &why))
        (std::string_view(col) == "valid_from" ? r.valid_from : r.valid_to) = *d;
      else
        fail(col, v, "expected a date YYYY-MM-DD" + (why.empty() ? std::string() : " (" + why + ")"));
    }
    if (r.valid_from && r.valid_to && *r.valid_to < *r.valid_from)
      fail("valid_to", cell(row, "valid_to"), "expected a day on or after valid_from " + std::string(cell(row, "valid_from")));
    const std::string_view scope = cell(row, "scope");
    const auto sc = parse_scope(scope);
    if (!sc) {
      fail("scope", scope, "expected all, mode, link, service, operation or node");
    } else {
      r.scope = *sc;
      r.target = std::string(cell(row, "target"));
      const std::string_view tg = r.target;
      switch (*sc) {
        case RateScope::all:
          if (!tg.empty()) fail("target", tg, "expected empty for scope all");
          break;
        case RateScope::mode:
          if (!parse_mode(tg)) fail("target", tg, "expected a mode (deep_sea, feeder, ferry, rail, road, inland_waterway)");
          break;
        case RateScope::link:
          if (!net.find_link(tg)) fail("target", tg, "expected a link id from links.csv");
          break;
        case RateScope::service:
          if (tg.empty()) fail("target", tg, "missing value; expected a service id from services.csv");
          break;
        case RateScope::operation:
          if (!parse_operation_kind(tg)) fail("target", tg, "expected an operation kind (handling, gauge_change, border, dwell)");
          break;
        case RateScope::node:
          if (!net.find_node(tg)) fail("target", tg, "expected a node code from nodes.csv");
          break;
      }
    }
    const std::string_view fv = cell(row, "factor");
    double f = 0.0;
    const auto [p, ec] = std::from_chars(fv.data(), fv.data() + fv.size(), f);
    if (fv.empty() || ec != std::errc() || p != fv.data() + fv.size() || !std::isfinite(f) || f <= 0.0 || f > 100.0)
      fail("factor", fv, "expected a multiplier greater than 0 and at most 100 (1.12 = 12% above the package prices)");
    r.factor = f;
    const std::string_view basis = cell(row, "basis");
    if (!basis.empty() && basis != "sourced" && basis != "computed" && basis != "assumption")
      fail("basis", basis, "expected sourced, computed or assumption");
    if ((basis.empty() || basis == "sourced") && cell(row, "sources").empty())
      fail("sources", "", "missing value; a sourced rate cites a key from sources.csv (or set basis)");
    for (const std::string& k : split_list(cell(row, "sources")))
      if (!source_keys.contains(k)) fail("sources", k, "expected a source key from sources.csv");
    if ((basis == "computed" || basis == "assumption") && cell(row, "note").empty())
      fail("note", "", "missing value; a row with basis " + std::string(basis) + " states its method or assumption");
    if (bad) continue;
    auto& kept = periods[{r.scope, r.target}];
    if (auto it = kept.upper_bound(last_day(r)); it != kept.begin()) {
      const RateRow& o = rows[std::prev(it)->second];
      if (overlap(o, r))
        fail("valid_from", cell(row, "valid_from"),
             "rate " + r.id + " is in force on a day when rate " + o.id + " (line " + std::to_string(o.line) +
                 ") of the same scope and target is: validities may not overlap");
    }
    if (!bad) {
      kept.emplace(first_day(r), rows.size());
      rows.push_back(std::move(r));
    }
  }
  return RateTable(std::move(rows));
}

RateTable load_rates(const std::filesystem::path& dir, const Network& net, Diagnostics& diags) {
  UserFile f = read_user_file(dir / kRatesFile, kMaxCsvBytes);
  if (f.status == UserFile::Status::missing) return {};  // rates.csv is optional
  if (!f.ok()) {
    diags.add(std::string(kRatesFile), 0, "", "", f.problem);
    return {};
  }
  return load_rates_text(f.text, net, diags);
}

void check_rate_services(const RateTable& rates, const std::vector<std::string>& service_ids, Diagnostics& diags) {
  const std::set<std::string, std::less<>> known(service_ids.begin(), service_ids.end());
  for (const RateRow& r : rates.rows())
    if (r.scope == RateScope::service && !known.contains(r.target))
      diags.add(kRatesFile, r.line, "target", r.target, "expected a service id from services.csv");
}

}  // namespace landbridge::io
