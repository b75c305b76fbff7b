// services.csv / service_calls.csv loader. Rows are checked one field at a time; a service
// that collected any problem is dropped, the others are validated by timetable::validate and
// returned in file order.
#include "landbridge/io/services.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_map>

#include "landbridge/core/money.h"
#include "landbridge/io/csv_table.h"
#include "landbridge/io/quantity.h"
#include "landbridge/timetable/time.h"
#include "manifest.h"
#include "text.h"

namespace landbridge::io {
namespace {

using timetable::CivilDate;
using timetable::HeadwayShape;
using timetable::PatternKind;
using timetable::Service;

const std::vector<std::string> kServiceColumns = {
    "id",        "operator",  "mode",          "gauge",         "days",     "every",    "anchor",
    "sails_when_full", "headway", "headway_range", "headway_shape", "start_time", "utc_offset",
    "valid_from", "valid_to", "added",         "removed",       "capacity_teu", "cutoff",  "cost_teu",
    "cost_feu",  "emission_factor", "basis",   "sources",       "note"};
const std::vector<std::string> kServiceRequired = {"id", "operator", "mode", "start_time", "utc_offset",
                                                   "emission_factor"};
const std::vector<std::string> kCallColumns = {"service",  "seq",  "node",     "arrive",   "depart",
                                               "distance", "link", "fare_teu", "fare_feu", "note"};
const std::vector<std::string> kCallRequired = {"service", "seq", "node", "arrive", "depart"};

// Checks the header against the known and required columns.
bool check_header(const CsvTable& t, const std::vector<std::string>& known, const std::vector<std::string>& required,
                  Diagnostics& diags) {
  if (t.header_line() == 0) return false;
  bool ok = true;
  for (const auto& h : t.header())
    if (std::find(known.begin(), known.end(), h) == known.end()) {
      diags.add(t.file(), t.header_line(), h, h, "unknown column; expected one of " + detail::join_or(known));
      ok = false;
    }
  for (const auto& r : required)
    if (!t.column(r)) {
      diags.add(t.file(), t.header_line(), r, "", "missing required column");
      ok = false;
    }
  return ok;
}

// One row with named access and a problem sink that knows file and line.
class Row {
 public:
  Row(const CsvTable& t, const CsvRow& r, Diagnostics& d) : t_(t), r_(r), d_(d) {}
  [[nodiscard]] std::string_view get(std::string_view col) const {
    const auto i = t_.column(col);
    return i ? std::string_view(r_.cells[*i]) : std::string_view();
  }
  void bad(const std::string& field, std::string_view value, const std::string& msg) {
    d_.add(t_.file(), r_.line, field, detail::shown(value), msg);
    ++problems_;
  }
  [[nodiscard]] int line() const { return r_.line; }
  [[nodiscard]] int problems() const { return problems_; }

  // A quantity in base units; nullopt (with a problem) when bad or, if `required`, empty.
  std::optional<double> quantity(const std::string& col, const QuantityKind& kind, bool required) {
    const std::string_view v = get(col);
    if (v.empty()) {
      if (required) bad(col, v, std::string("missing value; expected ") + std::string(kind.what));
      return std::nullopt;
    }
    const QuantityResult q = parse_quantity(v, kind);
    if (!q.ok()) {
      bad(col, v, q.error);
      return std::nullopt;
    }
    return q.value;
  }
  std::optional<Minutes> duration(const std::string& col, bool required) {
    const auto h = quantity(col, quantity::duration, required);
    if (!h) return std::nullopt;
    return Minutes(static_cast<std::int32_t>(std::llround(*h * 60.0)));
  }
  std::optional<CivilDate> date(const std::string& col, std::string_view v) {
    std::string why;
    const auto d = timetable::parse_date(v, &why);
    if (!d)
      bad(col, v, "expected a calendar date YYYY-MM-DD" +
                      (why.empty() || why.starts_with("expected") ? std::string() : " (" + why + ")"));
    return d;
  }

 private:
  const CsvTable& t_;
  const CsvRow& r_;
  Diagnostics& d_;
  int problems_ = 0;
};

std::string fmt_minutes(Minutes m) { return timetable::format_duration(m); }

struct PendingService {
  Service s;
  int line = 0;
  bool bad = false;
  struct PendingCall {
    int line = 0;
    long seq = 0;
    std::optional<NodeId> node;
    std::string node_code;
    std::optional<Minutes> arrive, depart;
    std::optional<double> distance_km;
    std::optional<double> fare_teu, fare_feu;  // cumulative fare from the first call, USD
    std::string fare_teu_text, fare_feu_text;
    std::string link_id;              // `link` column as written ("" = not given)
    std::optional<LinkId> link;
    bool bad = false;
  };
  std::vector<PendingCall> calls;
};

std::optional<HeadwayShape> parse_shape(std::string_view s) {
  if (s == "fixed") return HeadwayShape::fixed;
  if (s == "uniform") return HeadwayShape::uniform;
  if (s == "triangular") return HeadwayShape::triangular;
  if (s == "exponential") return HeadwayShape::exponential;
  return std::nullopt;
}

void load_service_row(Row& row, const Network& net, const std::optional<double>& ratio,
                      const std::unordered_map<std::string, EmissionFactorId>& factors,
                      const std::unordered_map<std::string, SourceId>& sources, PendingService& out) {
  Service& s = out.s;
  s.id = std::string(row.get("id"));
  if (s.id.empty()) row.bad("id", "", "missing value; expected a service id");
  s.operator_name = std::string(row.get("operator"));
  s.note = std::string(row.get("note"));

  // mode and gauge
  const std::string_view mode_text = row.get("mode");
  const auto mode = parse_mode(mode_text);
  if (!mode) row.bad("mode", mode_text, "expected a mode: " + mode_names());
  const std::string_view gauge_text = row.get("gauge");
  const auto gauge = parse_gauge(gauge_text);
  if (!gauge) {
    row.bad("gauge", gauge_text, "expected a rail gauge: 1435, 1520 or 1067");
  } else if (mode) {
    if (*mode == Mode::rail && *gauge == Gauge::none)
      row.bad("gauge", gauge_text, "missing value; a rail service needs a gauge: 1435, 1520 or 1067");
    if (*mode != Mode::rail && *gauge != Gauge::none)
      row.bad("gauge", gauge_text, "expected an empty gauge for a " + std::string(to_string(*mode)) + " service");
  }
  if (mode && gauge) s.carriage = Carriage{*mode, *gauge};

  // operating pattern: exactly one of days / every / sails_when_full=yes
  const std::string_view days = row.get("days"), every = row.get("every"), full = row.get("sails_when_full");
  if (!full.empty() && full != "yes" && full != "no") row.bad("sails_when_full", full, "expected yes or no");
  const bool is_full = full == "yes";
  const int patterns = int(!days.empty()) + int(!every.empty()) + int(is_full);
  if (patterns != 1) {
    std::string given;
    for (const auto& [name, set] : {std::pair{"days", !days.empty()}, std::pair{"every", !every.empty()},
                                    std::pair{"sails_when_full", is_full}})
      if (set) given += (given.empty() ? "" : ", ") + std::string(name);
    row.bad(patterns == 0 ? "days" : "days", given,
            patterns == 0 ? "missing pattern; expected exactly one of days, every or sails_when_full=yes"
                          : "overlapping pattern columns (" + given +
                                "); expected exactly one of days, every or sails_when_full=yes");
  }
  auto& p = s.pattern;
  const std::string_view anchor = row.get("anchor");
  if (!days.empty()) {
    p.kind = PatternKind::weekly;
    if (days == "daily") {
      p.weekdays = timetable::kEveryDay;
    } else {
      for (const auto& item : split_list(days)) {
        const auto wd = timetable::parse_weekday(item);
        if (!wd)
          row.bad("days", item, "expected day names separated by ';' (Mon;Tue;Wed;Thu;Fri;Sat;Sun) or daily");
        else
          p.weekdays = static_cast<timetable::WeekdaySet>(p.weekdays | timetable::weekday_bit(*wd));
      }
    }
    if (!anchor.empty()) row.bad("anchor", anchor, "expected empty: a service running on weekdays has no anchor");
  } else if (!every.empty()) {
    p.kind = PatternKind::every_n_days;
    if (const auto h = row.quantity("every", quantity::duration, true)) {
      const double d = *h / 24.0;
      if (d < 1.0 || std::abs(d - std::round(d)) > 1e-9)
        row.bad("every", every, "expected a whole number of days, at least 1 (e.g. 10 d)");
      else
        p.every_days = static_cast<std::int32_t>(std::lround(d));
    }
  } else if (is_full) {
    p.kind = PatternKind::when_full;
    const std::string_view shape_text = row.get("headway_shape");
    const auto shape = shape_text.empty() ? std::optional(HeadwayShape::fixed) : parse_shape(shape_text);
    if (!shape) row.bad("headway_shape", shape_text, "expected fixed, uniform, triangular or exponential");
    if (const auto mean = row.duration("headway", true)) p.headway.mean = *mean;
    p.headway.lo = p.headway.hi = p.headway.mean;
    const std::string_view range = row.get("headway_range");
    if (shape) p.headway.shape = *shape;
    if (!range.empty()) {
      const RangeResult r = parse_range(range, quantity::duration);
      if (!r.ok()) {
        row.bad("headway_range", range, r.error);
      } else {
        p.headway.lo = Minutes(static_cast<std::int32_t>(std::llround(r.lo * 60.0)));
        p.headway.hi = Minutes(static_cast<std::int32_t>(std::llround(r.hi * 60.0)));
        if (!(p.headway.lo <= p.headway.mean && p.headway.mean <= p.headway.hi) &&
            p.headway.shape != HeadwayShape::exponential)
          row.bad("headway_range", range, "expected a range containing the mean headway " + std::string(row.get("headway")));
      }
    } else if (shape && (*shape == HeadwayShape::uniform || *shape == HeadwayShape::triangular)) {
      row.bad("headway_range", range, "missing value; a uniform or triangular headway needs LO..HI");
    }
  }
  if (days.empty() && patterns == 1) {
    if (anchor.empty())
      row.bad("anchor", anchor, "missing value; expected the date of one start (YYYY-MM-DD)");
    else if (const auto d = row.date("anchor", anchor))
      p.anchor = *d;
  }
  if (!is_full)
    for (const char* col : {"headway", "headway_range", "headway_shape"})
      if (!row.get(col).empty()) row.bad(col, row.get(col), "expected empty: only for sails_when_full=yes");

  // start time and offset
  {
    std::string why;
    const std::string_view t = row.get("start_time");
    if (const auto m = timetable::parse_time_of_day(t, &why); m && m->value() < 24 * 60)
      p.start_time = *m;
    else
      row.bad("start_time", t, "expected a local time of day HH:MM (00:00..23:59)");
    const std::string_view o = row.get("utc_offset");
    if (const auto m = timetable::parse_utc_offset(o, &why))
      p.utc_offset = *m;
    else
      row.bad("utc_offset", o, "expected an offset from UTC such as +09:00 or -05:30");
  }

  // validity and exceptions
  if (const auto v = row.get("valid_from"); !v.empty()) s.valid_from = row.date("valid_from", v);
  if (const auto v = row.get("valid_to"); !v.empty()) s.valid_to = row.date("valid_to", v);
  if (s.valid_from && s.valid_to && *s.valid_to < *s.valid_from)
    row.bad("valid_to", row.get("valid_to"), "expected a date on or after valid_from " + std::string(row.get("valid_from")));
  for (const char* col : {"added", "removed"})
    for (const auto& item : split_list(row.get(col)))
      if (const auto d = row.date(col, item)) (std::string_view(col) == "added" ? s.added : s.removed).push_back(*d);

  // capacity, cut-off, prices, factor
  // A whole number up to quantity::count's 100,000 TEU per departure; more is a diagnostic here
  // (file, line, field), so that no later step meets it.
  if (const auto c = row.quantity("capacity_teu", quantity::count, false))
    s.capacity_teu = static_cast<std::int32_t>(std::lround(*c));
  if (const auto c = row.duration("cutoff", false)) s.cutoff = *c;
  const auto teu = row.quantity("cost_teu", quantity::money, false);
  const auto feu = row.quantity("cost_feu", quantity::money, false);
  if (row.get("cost_teu").empty() && row.get("cost_feu").empty()) {
    row.bad("cost_teu", "", "missing value; expected cost_teu or cost_feu (or both)");
  } else if ((!teu && !row.get("cost_teu").empty()) || (!feu && !row.get("cost_feu").empty())) {
    // already reported
  } else if (teu && feu) {
    s.price_teu = usd(*teu);
    s.price_feu = usd(*feu);
  } else if (!ratio) {
    row.bad(teu ? "cost_feu" : "cost_teu", "",
            "missing value; only one price is given and network.toml sets no feu_teu_cost_ratio to derive the other");
  } else if (teu) {
    s.price_teu = usd(*teu);
    s.price_feu = usd(*teu * *ratio);
  } else {
    s.price_feu = usd(*feu);
    s.price_teu = usd(*feu / *ratio);
  }
  const std::string f(row.get("emission_factor"));
  if (const auto it = factors.find(f); it != factors.end()) {
    s.factor = it->second;
    if (mode && net.emission_factor(it->second).mode != *mode)
      row.bad("emission_factor", f,
              "expected a factor for mode " + std::string(to_string(*mode)) + " (this one is for " +
                  std::string(to_string(net.emission_factor(it->second).mode)) + ")");
  } else {
    row.bad("emission_factor", f, "expected an id from emission_factors.csv");
  }

  // basis and sources
  const std::string_view basis_text = row.get("basis");
  const auto basis = basis_text.empty() ? std::optional(Basis::sourced) : parse_basis(basis_text);
  if (!basis) row.bad("basis", basis_text, "expected sourced, computed or assumption");
  const auto keys = split_list(row.get("sources"));
  for (const auto& k : keys)
    if (!sources.contains(k)) row.bad("sources", k, "expected a source key from sources.csv");
  if (basis && *basis == Basis::sourced && keys.empty())
    row.bad("sources", "", "a sourced row must cite at least one source (or set basis to computed or assumption)");
  if (basis && *basis != Basis::sourced && s.note.empty())
    row.bad("note", "", "missing value; a row with basis " + std::string(basis_text) + " states its method or assumption in note");
  out.bad = row.problems() > 0;
}

// The link a call rides from `from` to `to` when the row names none: the shortest link with the
// service's carriage, or nullopt.
std::optional<LinkId> default_link(const Network& net, NodeId from, NodeId to, Carriage c) {
  std::optional<LinkId> best;
  for (const LinkId l : net.out_links(from))
    if (net.link_to(l) == to && net.link_carriage(l) == c && (!best || net.link_distance(l) < net.link_distance(*best)))
      best = l;
  return best;
}

// A service that states no fare at any call charges a segment by the prices of the network
// links its calls ride, scaled so that the whole run costs the service's price. Most reference
// services are priced as the sum of their links (A-SV1), so one stretch of line then costs the
// same on every service that runs it, and changing trains never pays by a few cents of
// interpolation. Without a link on every call, fares stay pro rata to distance (call_fares).
void link_fares(const Network& net, Service& s) {
  for (const timetable::Call& c : s.calls)
    if (c.fare_teu || c.fare_feu) return;
  for (std::size_t i = 1; i < s.calls.size(); ++i)
    if (!s.calls[i].link.valid()) return;
  for (const bool feu : {false, true}) {
    std::int64_t total = 0;
    for (std::size_t i = 1; i < s.calls.size(); ++i)
      total += (feu ? net.link_cost_feu(s.calls[i].link) : net.link_cost_teu(s.calls[i].link)).value();
    const std::int64_t whole = (feu ? s.price_feu : s.price_teu).value();
    if (total <= 0) return;
    std::int64_t run = 0;
    for (std::size_t i = 1; i + 1 < s.calls.size(); ++i) {
      run += (feu ? net.link_cost_feu(s.calls[i].link) : net.link_cost_teu(s.calls[i].link)).value();
      const UsdCents fare(total == whole ? run
                                         : std::llround(static_cast<double>(run) * static_cast<double>(whole) /
                                                        static_cast<double>(total)));
      (feu ? s.calls[i].fare_feu : s.calls[i].fare_teu) = fare;
    }
  }
}

CsvTable parse_file(const PackageFiles& files, const std::string& name, Diagnostics& diags, bool& present) {
  const auto it = files.files.find(name);
  present = it != files.files.end();
  if (const auto r = files.refused.find(name); !present && r != files.refused.end()) {
    diags.add(name, 0, "", "", r->second);  // there, but not a regular file or too large
    present = true;
    return CsvTable{};
  }
  return present ? CsvTable::parse(it->second, name, diags) : CsvTable{};
}

}  // namespace

std::vector<Service> load_services(const PackageFiles& files, const Network& net, Diagnostics& diags) {
  bool have_services = false, have_calls = false;
  const CsvTable services = parse_file(files, kServicesFile, diags, have_services);
  const CsvTable calls = parse_file(files, kServiceCallsFile, diags, have_calls);
  if (!have_services && !have_calls) return {};
  if (!have_services) {
    diags.add(kServicesFile, 0, "", "", "missing file; service_calls.csv needs services.csv beside it");
    return {};
  }
  if (!have_calls) {
    diags.add(kServiceCallsFile, 0, "", "", "missing file; services.csv needs service_calls.csv beside it");
    return {};
  }
  const bool services_ok = check_header(services, kServiceColumns, kServiceRequired, diags);
  const bool calls_ok = check_header(calls, kCallColumns, kCallRequired, diags);
  if (!services_ok || !calls_ok) return {};

  // The FEU/TEU ratio from the manifest (its own problems are load_package's to report).
  std::optional<double> ratio;
  if (const auto it = files.files.find(std::string(detail::kManifestFile)); it != files.files.end()) {
    Diagnostics ignored;
    const detail::Manifest m = detail::parse_manifest(it->second, ignored);
    if (m.parsed) ratio = m.feu_teu_cost_ratio;
  }
  std::unordered_map<std::string, EmissionFactorId> factors;
  for (std::size_t i = 0; i < net.emission_factors().size(); ++i) {
    const EmissionFactorId id(static_cast<EmissionFactorId::value_type>(i));
    factors.emplace(net.emission_factor(id).id, id);
  }
  std::unordered_map<std::string, SourceId> sources;
  for (std::size_t i = 0; i < net.sources().size(); ++i) {
    const SourceId id(static_cast<SourceId::value_type>(i));
    sources.emplace(net.source(id).key, id);
  }

  std::vector<PendingService> pending;
  std::unordered_map<std::string, std::size_t> by_id;
  for (const CsvRow& r : services.rows()) {
    Row row(services, r, diags);
    PendingService ps;
    ps.line = r.line;
    load_service_row(row, net, ratio, factors, sources, ps);
    if (!ps.s.id.empty()) {
      if (const auto it = by_id.find(ps.s.id); it != by_id.end()) {
        row.bad("id", ps.s.id, "duplicate service id (first on line " + std::to_string(pending[it->second].line) + ")");
        continue;
      }
      by_id.emplace(ps.s.id, pending.size());
    }
    pending.push_back(std::move(ps));
  }

  // Calls: collect per service.
  for (const CsvRow& r : calls.rows()) {
    Row row(calls, r, diags);
    const std::string sid(row.get("service"));
    const auto it = by_id.find(sid);
    if (it == by_id.end()) {
      row.bad("service", sid, "expected a service id from services.csv");
      continue;
    }
    PendingService& ps = pending[it->second];
    PendingService::PendingCall c;
    c.line = r.line;
    const std::string_view seq = row.get("seq");
    const auto q = parse_quantity(seq, quantity::count);
    if (!q.ok() || q.value < 1 || q.value > 10000) {
      row.bad("seq", seq, "expected a call number 1, 2, 3, ...");
    } else {
      c.seq = std::lround(q.value);
    }
    c.node_code = std::string(row.get("node"));
    c.node = net.find_node(c.node_code);
    if (!c.node) row.bad("node", c.node_code, "expected a node code from nodes.csv");
    if (!row.get("arrive").empty()) c.arrive = row.duration("arrive", false);
    if (!row.get("depart").empty()) c.depart = row.duration("depart", false);
    if (!row.get("distance").empty()) c.distance_km = row.quantity("distance", quantity::distance, false);
    c.fare_teu_text = std::string(row.get("fare_teu"));
    c.fare_feu_text = std::string(row.get("fare_feu"));
    if (!c.fare_teu_text.empty()) c.fare_teu = row.quantity("fare_teu", quantity::money, false);
    if (!c.fare_feu_text.empty()) c.fare_feu = row.quantity("fare_feu", quantity::money, false);
    c.link_id = std::string(row.get("link"));
    if (!c.link_id.empty()) {
      c.link = net.find_link(c.link_id);
      if (!c.link) row.bad("link", c.link_id, "expected a link id from links.csv (a two-way link's reverse is ID~r)");
    }
    c.bad = row.problems() > 0;
    ps.bad = ps.bad || c.bad;
    ps.calls.push_back(std::move(c));
  }

  std::vector<Service> result;
  for (PendingService& ps : pending) {
    auto& cs = ps.calls;
    const auto sbad = [&](const std::string& field, std::string_view value, const std::string& msg) {
      diags.add(kServicesFile, ps.line, field, detail::shown(value), msg);
      ps.bad = true;
    };
    std::stable_sort(cs.begin(), cs.end(), [](const auto& a, const auto& b) { return a.seq < b.seq; });
    if (cs.size() < 2 && !ps.s.id.empty()) {
      sbad("id", ps.s.id,
           "expected at least two calls in service_calls.csv; found " + std::to_string(cs.size()));
      continue;
    }
    if (ps.bad) continue;
    Service& s = ps.s;
    const std::size_t n = cs.size();
    for (std::size_t i = 0; i < n; ++i) {
      auto& c = cs[i];
      const auto cbad = [&](const std::string& field, std::string_view value, const std::string& msg) {
        diags.add(kServiceCallsFile, c.line, field, detail::shown(value), msg);
        ps.bad = true;
      };
      if (c.seq != static_cast<long>(i + 1)) {
        cbad("seq", std::to_string(c.seq),
             "expected " + std::to_string(i + 1) + ": the calls of service " + s.id + " are numbered 1.." +
                 std::to_string(n) + " without gaps or repeats");
        break;
      }
      const bool first = i == 0, last = i + 1 == n;
      if (first && c.arrive) cbad("arrive", fmt_minutes(*c.arrive), "expected empty on the first call");
      if (last && c.depart) cbad("depart", fmt_minutes(*c.depart), "expected empty on the last call");
      if (!first && !c.arrive) cbad("arrive", "", "missing value; expected the arrival offset from the service start");
      if (!last && !c.depart) cbad("depart", "", "missing value; expected the departure offset from the service start");
      if (c.arrive && c.depart && *c.depart < *c.arrive)
        cbad("depart", fmt_minutes(*c.depart), "expected at least the arrival offset " + fmt_minutes(*c.arrive));
      if (!first && c.arrive && cs[i - 1].depart && *c.arrive <= *cs[i - 1].depart)
        cbad("arrive", fmt_minutes(*c.arrive),
             "expected an offset after the previous call's departure " + fmt_minutes(*cs[i - 1].depart) +
                 " (offsets must increase)");
      if (!first && c.node == cs[i - 1].node) cbad("node", c.node_code, "expected a node other than the previous call's");
      if (ps.bad) continue;
      timetable::Call call;
      call.stop = *c.node;
      call.arrival = c.arrive.value_or(Minutes(0));
      call.departure = c.depart.value_or(call.arrival);
      if (first) {
        if (c.distance_km && *c.distance_km != 0.0)
          cbad("distance", std::to_string(*c.distance_km), "expected empty or 0 on the first call");
        if (c.link) cbad("link", c.link_id, "expected empty on the first call");
      } else {
        const NodeId prev = *cs[i - 1].node;
        if (c.link) {
          const LinkId l = *c.link;
          if (net.link_from(l) != prev || net.link_to(l) != *c.node || net.link_carriage(l) != s.carriage)
            cbad("link", c.link_id,
                 "expected a " + to_string(s.carriage) + " link " + cs[i - 1].node_code + " -> " + c.node_code +
                     "; this one runs " + net.node(net.link_from(l)).code + " -> " + net.node(net.link_to(l)).code +
                     " by " + to_string(net.link_carriage(l)));
          call.link = l;
        } else if (const auto l = default_link(net, prev, *c.node, s.carriage)) {
          call.link = *l;
        }
        if (c.distance_km) {
          call.distance = Kilometres(*c.distance_km);
        } else if (call.link.valid()) {
          call.distance = net.link_distance(call.link);
        } else {
          cbad("distance", "",
               "missing value; no " + to_string(s.carriage) + " link " + cs[i - 1].node_code + " -> " + c.node_code +
                   " in links.csv to take the distance from");
        }
      }
      if (c.fare_teu) call.fare_teu = usd(*c.fare_teu);
      if (c.fare_feu) call.fare_feu = usd(*c.fare_feu);
      s.calls.push_back(call);
    }
    if (ps.bad) continue;
    // Stated fares are checked on the call's own line (timetable::validate would name the
    // service's line).
    for (const bool feu : {false, true}) {
      const UsdCents whole = feu ? s.price_feu : s.price_teu;
      const char* field = feu ? "fare_feu" : "fare_teu";
      UsdCents before(0);
      for (std::size_t i = 0; i < s.calls.size(); ++i) {
        const auto& stated = feu ? s.calls[i].fare_feu : s.calls[i].fare_teu;
        if (!stated) continue;
        const auto cbad = [&](const std::string& msg) {
          diags.add(kServiceCallsFile, cs[i].line, field, detail::shown(feu ? cs[i].fare_feu_text : cs[i].fare_teu_text), msg);
          ps.bad = true;
        };
        if (i == 0 && stated->value() != 0)
          cbad("expected 0 or empty on the first call: fares count from the first call");
        else if (i + 1 == s.calls.size() && *stated != whole)
          cbad("expected empty or the service's whole-run price " + format_money(whole) + " (" + field +
               " is cumulative from the first call)");
        else if (*stated < before)
          cbad("expected a cumulative fare no lower than the previous call's " + format_money(before));
        else if (*stated > whole)
          cbad("expected at most the service's whole-run price " + format_money(whole));
        before = *stated;
      }
    }
    if (ps.bad) continue;
    link_fares(net, s);
    Diagnostics v;
    timetable::validate(s, net.node_count(), v);
    // validate names fields "service 'ID' FIELD"; the file and line already say which service.
    const std::string prefix = "service '" + s.id + "' ";
    for (const Diagnostic& d : v.list())
      diags.add(kServicesFile, ps.line, d.field.starts_with(prefix) ? d.field.substr(prefix.size()) : d.field, d.value,
                d.message);
    if (v.empty()) result.push_back(std::move(s));
  }
  return result;
}

std::vector<Service> load_services(const std::filesystem::path& dir, const Network& net, Diagnostics& diags) {
  PackageFiles files;
  files.dir = dir;
  for (const std::string& name : {std::string(kServicesFile), std::string(kServiceCallsFile),
                                 std::string(detail::kManifestFile)})
    read_package_file(files, name);
  return load_services(files, net, diags);
}

}  // namespace landbridge::io
