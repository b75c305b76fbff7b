// Scenario reading: TOML via toml++, demand as a small CSV. Every error names the field.
#include "landbridge/corridor/scenario.h"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>
#include <fmt/format.h>
#include <toml++/toml.h>

#include "scenario_read.h"
#include "landbridge/corridor/scenario_toml.h"
#include "landbridge/core/user_file.h"
#include "landbridge/timetable/time.h"

namespace landbridge::corridor {
namespace detail {

int line_of(const toml::node* n) {
  return n != nullptr ? static_cast<int>(n->source().begin.line) : 0;
}

[[noreturn]] void fail(const std::string& file, const toml::node* n, const std::string& field,
                       const std::string& what) {
  scenario_error(file, line_of(n), field, what);
}

std::string shown_number(double v) {
  std::ostringstream os;
  os.precision(15);
  os << v;
  return os.str();
}

void check_keys(const std::string& file, const toml::table& t, const std::string& prefix,
                std::initializer_list<std::string_view> allowed) {
  for (const auto& [k, v] : t) {
    bool ok = false;
    for (auto a : allowed) ok = ok || a == k.str();
    if (!ok) fail(file, &v, prefix + std::string(k.str()), "unknown field");
  }
}

void for_each_table(const std::string& file, const toml::table& root, const std::string& key,
                    const std::function<void(const toml::table& e, const std::string& pre)>& read) {
  const toml::node* n = root.get(key);
  if (n == nullptr) return;
  const toml::array* a = n->as_array();
  if (a == nullptr) fail(file, n, key, "expected an array of tables [[" + key + "]]");
  for (std::size_t i = 0; i < a->size(); ++i) {
    const std::string pre = key + "[" + std::to_string(i) + "].";
    const toml::table* e = (*a)[i].as_table();
    if (e == nullptr) fail(file, &(*a)[i], pre, "expected a table");
    read(*e, pre);
  }
}

double get_number(const std::string& file, const toml::table& t, const std::string& prefix,
                  std::string_view key, double def, double min, double max) {
  const toml::node* n = t.get(key);
  if (n == nullptr) return def;
  std::optional<double> v = n->value<double>();
  const std::string field = prefix + std::string(key);
  if (!v || !n->is_number()) fail(file, n, field, "expected a number");
  if (!(*v >= min && *v <= max)) {
    fail(file, n, field,
         "got " + shown_number(*v) + ", expected a number in [" + shown_number(min) + ", " + shown_number(max) + "]");
  }
  return *v;
}

// A count, a seed: a TOML integer (or a float without fraction, 1e3) in [min, max].
std::int64_t get_whole(const std::string& file, const toml::table& t, const std::string& prefix,
                       std::string_view key, std::int64_t def, std::int64_t min, std::int64_t max) {
  const toml::node* n = t.get(key);
  if (n == nullptr) return def;
  const std::string field = prefix + std::string(key);
  const std::string range = fmt::format("[{}, {}]", min, max);
  std::int64_t v = 0;
  if (n->is_integer()) {
    v = *n->value<std::int64_t>();
  } else if (n->is_floating_point()) {
    const double d = *n->value<double>();
    if (!(d == std::floor(d)) || !(std::fabs(d) < 9.2e18))
      fail(file, n, field, "got " + shown_number(d) + ", expected a whole number in " + range);
    v = static_cast<std::int64_t>(d);
  } else {
    fail(file, n, field, "expected a whole number");
  }
  if (v < min || v > max) fail(file, n, field, "got " + std::to_string(v) + ", expected a whole number in " + range);
  return v;
}

std::string get_string(const std::string& file, const toml::table& t, const std::string& prefix,
                       std::string_view key, std::string def) {
  const toml::node* n = t.get(key);
  if (n == nullptr) return def;
  if (!n->is_string()) fail(file, n, prefix + std::string(key), "expected a string");
  return *n->value<std::string>();
}

ServicePolicy read_policy(const std::string& file, const toml::table& root, std::string_view mode,
                          ServicePolicy p) {
  const toml::node* n = root.at_path(std::string("services.") + std::string(mode)).node();
  if (n == nullptr) return p;
  const std::string prefix = "services." + std::string(mode) + ".";
  const toml::table* t = n->as_table();
  if (t == nullptr) fail(file, n, prefix.substr(0, prefix.size() - 1), "expected a table");
  check_keys(file, *t, prefix,
             {"policy", "headway_h", "offset_h", "capacity_teu", "min_teu", "max_wait_h", "fleet"});
  const std::string kind = get_string(file, *t, prefix, "policy",
                                      p.kind == ServicePolicy::Kind::schedule    ? "schedule"
                                      : p.kind == ServicePolicy::Kind::when_full ? "when_full"
                                                                                 : "timetable");
  if (kind == "schedule") {
    p.kind = ServicePolicy::Kind::schedule;
  } else if (kind == "when_full") {
    p.kind = ServicePolicy::Kind::when_full;
  } else if (kind == "timetable") {
    p.kind = ServicePolicy::Kind::timetable;
  } else {
    fail(file, t->get("policy"), prefix + "policy",
         "got '" + kind + "', expected schedule, when_full or timetable");
  }
  p.headway_h = get_number(file, *t, prefix, "headway_h", p.headway_h, 0.1, 1e5);
  p.offset_h = get_number(file, *t, prefix, "offset_h", p.offset_h, 0, 1e5);
  p.capacity_teu = get_number(file, *t, prefix, "capacity_teu", p.capacity_teu, 1, 1e9);
  p.min_teu = get_number(file, *t, prefix, "min_teu", p.min_teu, 0, 1e9);
  p.max_wait_h = get_number(file, *t, prefix, "max_wait_h", p.max_wait_h, 0, 1e5);
  p.fleet = static_cast<int>(get_whole(file, *t, prefix, "fleet", p.fleet, 0, 10'000));  // 0: no fleet limit
  if (p.min_teu > p.capacity_teu) {
    fail(file, t->get("min_teu"), prefix + "min_teu", "larger than capacity_teu");
  }
  return p;
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::string cur;
  bool quoted = false;  // a cell in double quotes may hold the separator ("weekly:mon,thu")
  for (char c : s) {
    if (c == '"') {
      quoted = !quoted;
    } else if (c == sep && !quoted) {
      out.push_back(cur);
      cur.clear();
    } else if (c != '\r') {
      cur += c;
    }
  }
  out.push_back(cur);
  for (auto& x : out) {
    while (!x.empty() && x.front() == ' ') x.erase(x.begin());
    while (!x.empty() && x.back() == ' ') x.pop_back();
  }
  return out;
}

// The whole of a scenario or demand file: a regular file of at most `max_bytes` (a FIFO or
// /dev/zero would be read without end; core/user_file.h).
std::string read_text(const std::filesystem::path& p, const std::string& what, std::uintmax_t max_bytes) {
  UserFile f = read_user_file(p, max_bytes);
  if (!f.ok()) throw ScenarioError(p.string() + ": cannot read " + what + ": " + f.problem);
  return std::move(f.text);
}

}  // namespace detail

using namespace detail;

void scenario_error(const std::filesystem::path& file, int line, const std::string& field, const std::string& what) {
  std::string msg = file.empty() ? std::string("scenario") : file.string();
  if (line > 0) msg += ":" + std::to_string(line);
  if (!field.empty()) msg += ": field '" + field + "'";
  throw ScenarioError(msg + ": " + what);
}

void check_run_size(const Scenario& s) {
  double boxes_a_week = 0;
  double booked = 0;  // bookings: their boxes, whatever the horizon
  for (const FlowSpec& f : s.flows) {
    if (f.pattern == ReadyPattern::bookings) {
      for (const BookedBatch& b : f.booked) booked += b.boxes;
    } else {
      boxes_a_week += f.teu_per_week / f.teu_per_box;
    }
  }
  const double per_rep = boxes_a_week * s.horizon_days / 7 + booked;
  const std::string demand = s.demand_file.empty() ? s.bookings_file.string()
                             : s.bookings_file.empty() ? s.demand_file.string()
                                                       : s.demand_file.string() + " and " + s.bookings_file.string();
  if (per_rep > kMaxBoxesPerReplication) {
    scenario_error(s.file, 0, "scenario.horizon_days",
                   "the demand of " + demand + " over " + shown_number(s.horizon_days) + " days is " +
                       shown_number(std::round(per_rep)) + " boxes a replication, more than the limit of " +
                       shown_number(kMaxBoxesPerReplication) + " (lower teu_per_week or horizon_days)");
  }
  if (per_rep * s.replications > kMaxBoxesPerRun) {
    scenario_error(s.file, 0, "scenario.replications",
                   std::to_string(s.replications) + " replications of " + shown_number(std::round(per_rep)) +
                       " boxes are " + shown_number(std::round(per_rep * s.replications)) +
                       " boxes, more than the limit of " + shown_number(kMaxBoxesPerRun) + " a run");
  }
}

std::vector<FlowSpec> parse_demand(std::string_view text, const std::string& file) {
  std::vector<FlowSpec> flows;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a UTF-8 byte order mark (spreadsheets write one)
  // Old Mac files end lines with CR alone: one long line for getline.
  const bool cr_only = text.find('\r') != std::string_view::npos && text.find('\n') == std::string_view::npos;
  const std::string cr_hint =
      cr_only ? " (the file ends its lines with CR alone: save it with LF or CRLF line endings)" : "";
  std::istringstream in{std::string(text)};
  std::string line;
  int lineno = 0;
  bool header = true;
  int avoid_col = -1, class_col = -1;
  std::size_t columns = 5;
  auto bad = [&](const std::string& field, const std::string& what) {
    throw ScenarioError(file + ":" + std::to_string(lineno) + ": field '" + field + "': " + what);
  };
  while (std::getline(in, line)) {
    ++lineno;
    const auto cells = split(line, ',');
    if (line.empty() || line[0] == '#' || (cells.size() == 1 && cells[0].empty())) continue;
    if (header) {
      header = false;
      const char* expect[] = {"origin", "destination", "teu_per_week", "unit", "pattern"};
      for (std::size_t i = 0; i < 5; ++i) {
        if (cells.size() <= i || cells[i] != expect[i]) {
          bad("header", "expected columns origin,destination,teu_per_week,unit,pattern[,avoid]" + cr_hint);
        }
      }
      for (std::size_t i = 5; i < cells.size(); ++i) {
        if (cells[i] == "avoid" && avoid_col < 0) {
          avoid_col = static_cast<int>(i);
        } else if (cells[i] == "class" && class_col < 0) {
          class_col = static_cast<int>(i);
        } else {
          bad("header", "got column '" + cells[i] + "', expected the optional columns avoid and class" + cr_hint);
        }
      }
      columns = cells.size();
      continue;
    }
    // Trailing optional cells may be left out.
    if (cells.size() < 5 || cells.size() > columns)
      bad("row", fmt::format("expected 5 to {} cells, got {}", columns, cells.size()));
    auto cell = [&](int col) { return col >= 0 && static_cast<std::size_t>(col) < cells.size() ? cells[static_cast<std::size_t>(col)] : std::string(); };
    FlowSpec f;
    f.line = lineno;
    f.origin = cells[0];
    f.destination = cells[1];
    if (f.origin.empty()) bad("origin", "empty");
    if (f.destination.empty()) bad("destination", "empty");
    const auto& w = cells[2];
    auto [p, ec] = std::from_chars(w.data(), w.data() + w.size(), f.teu_per_week);
    if (ec != std::errc() || p != w.data() + w.size() || !(f.teu_per_week > 0) || !std::isfinite(f.teu_per_week)) {
      bad("teu_per_week", "got '" + w + "', expected a positive number");
    }
    if (f.teu_per_week < kMinTeuPerWeek) {
      bad("teu_per_week", "got " + w + ", less than the minimum of " + shown_number(kMinTeuPerWeek) + " TEU a week");
    }
    if (f.teu_per_week > kMaxTeuPerWeek) {
      bad("teu_per_week", "got " + w + ", more than the limit of " + shown_number(kMaxTeuPerWeek) + " TEU a week a row");
    }
    if (cells[3] == "TEU" || cells[3] == "teu") {
      f.teu_per_box = 1;
    } else if (cells[3] == "FEU" || cells[3] == "feu") {
      f.teu_per_box = 2;
    } else {
      bad("unit", "got '" + cells[3] + "', expected TEU or FEU");
    }
    if (const std::string why = parse_pattern(cells[4], f); !why.empty()) bad("pattern", why);
    if (!cell(avoid_col).empty()) f.avoid = split(cell(avoid_col), ';');
    if (const std::string c = cell(class_col); !c.empty()) {
      auto [pc, ecc] = std::from_chars(c.data(), c.data() + c.size(), f.klass);
      if (ecc != std::errc() || pc != c.data() + c.size() || f.klass < 0 || f.klass > 1000)
        bad("class", "got '" + c + "', expected a whole number from 0 to 1000");
    }
    flows.push_back(std::move(f));
  }
  if (flows.empty()) throw ScenarioError(file + ": no demand rows");
  return flows;
}

namespace {

// The scenario's tables; the demand from `demand_csv` when given, else from the file it names.
Scenario read_tables(const toml::table& root, const std::filesystem::path& path, const std::string_view* demand_csv) {
  const std::string file = path.string();
  check_keys(file, root, "", {"scenario", "services", "nodes", "links", "closures", "capacity_cuts", "operations"});
  Scenario s;
  s.file = path;
  s.sea = ServicePolicy{ServicePolicy::Kind::schedule, 168, 0, 1000, 0, 168, 0};
  s.rail = ServicePolicy{ServicePolicy::Kind::when_full, 168, 0, 110, 82, 96, 0};
  s.ferry = ServicePolicy{ServicePolicy::Kind::when_full, 168, 0, 100, 100, 240, 0};
  const toml::node* sn = root.get("scenario");
  if (sn == nullptr || !sn->is_table()) fail(file, sn, "scenario", "missing [scenario] table");
  const toml::table& t = *sn->as_table();
  check_keys(file, t, "scenario.",
             {"name", "network", "demand", "horizon_days", "warmup_days", "drain_days", "replications",
              "seed", "on_time_tolerance_h", "default_cranes", "queue_sample_h", "start_date", "on_closure",
              "bookings"});
  const std::filesystem::path base = path.parent_path();
  s.name = get_string(file, t, "scenario.", "name", path.stem().string());
  const std::string net = get_string(file, t, "scenario.", "network", "");
  if (!net.empty()) s.network_dir = base / net;
  const std::string demand = get_string(file, t, "scenario.", "demand", "");
  const std::string bookings = get_string(file, t, "scenario.", "bookings", "");
  if (demand.empty() && bookings.empty())
    fail(file, sn, "scenario.demand", "missing (a CSV file of demand flows, or bookings = a CSV file of bookings)");
  if (!demand.empty()) s.demand_file = base / demand;
  if (!bookings.empty()) s.bookings_file = base / bookings;
  s.horizon_days = get_number(file, t, "scenario.", "horizon_days", s.horizon_days, 1, kMaxRunDays);
  s.warmup_days = get_number(file, t, "scenario.", "warmup_days", s.warmup_days, 0, kMaxRunDays);
  if (s.warmup_days >= s.horizon_days) {
    fail(file, t.get("warmup_days"), "scenario.warmup_days", "must be below horizon_days");
  }
  s.drain_days = get_number(file, t, "scenario.", "drain_days", s.drain_days, 0, kMaxRunDays);
  s.replications = static_cast<int>(get_whole(file, t, "scenario.", "replications", s.replications, 2, kMaxReplications));
  s.seed = static_cast<std::uint64_t>(get_whole(file, t, "scenario.", "seed", 42, 0, kMaxSeed));
  s.on_time_tolerance_h = get_number(file, t, "scenario.", "on_time_tolerance_h", s.on_time_tolerance_h, 0, 1e5);
  s.default_cranes = static_cast<int>(get_whole(file, t, "scenario.", "default_cranes", s.default_cranes, 1, 1000));
  s.queue_sample_h = get_number(file, t, "scenario.", "queue_sample_h", s.queue_sample_h, 0.1, 1e4);
  s.start_date = get_string(file, t, "scenario.", "start_date", s.start_date);
  const std::string on_closure = get_string(file, t, "scenario.", "on_closure", "wait");
  if (on_closure == "wait") {
    s.on_closure = OnClosure::wait;
  } else if (on_closure == "reroute") {
    s.on_closure = OnClosure::reroute;
  } else {
    fail(file, t.get("on_closure"), "scenario.on_closure", "got '" + on_closure + "', expected wait or reroute");
  }
  if (std::string why; !timetable::parse_date(s.start_date, &why)) {
    fail(file, t.get("start_date"), "scenario.start_date", "got '" + s.start_date + "': " + why);
  } else if (!timetable::is_supported(*timetable::parse_date(s.start_date))) {
    fail(file, t.get("start_date"), "scenario.start_date", "got '" + s.start_date + "': " + timetable::unsupported_date_reason());
  }

  if (const toml::node* sv = root.get("services")) {
    if (!sv->is_table()) fail(file, sv, "services", "expected a table");
    check_keys(file, *sv->as_table(), "services.", {"sea", "rail", "ferry"});
  }
  s.sea = read_policy(file, root, "sea", s.sea);
  s.rail = read_policy(file, root, "rail", s.rail);
  s.ferry = read_policy(file, root, "ferry", s.ferry);

  for_each_table(file, root, "nodes", [&](const toml::table& e, const std::string& pre) {
    check_keys(file, e, pre, {"code", "cranes", "cranes_factor", "moves_per_hour", "apply_dwell"});
    NodeOverride o;
    o.line = line_of(&e);
    o.code = get_string(file, e, pre, "code", "");
    if (o.code.empty()) fail(file, &e, pre + "code", "missing");
    o.cranes = static_cast<int>(get_whole(file, e, pre, "cranes", 0, 0, 1000));
    o.cranes_factor = get_number(file, e, pre, "cranes_factor", 1.0, 0.01, 100);
    o.moves_per_hour = get_number(file, e, pre, "moves_per_hour", 0, 0, 1e4);
    if (const toml::node* d = e.get("apply_dwell")) {
      if (!d->is_boolean()) fail(file, d, pre + "apply_dwell", "expected true or false");
      o.apply_dwell = *d->value<bool>();
    }
    s.nodes.push_back(o);
  });
  for_each_table(file, root, "links", [&](const toml::table& e, const std::string& pre) {
    check_keys(file, e, pre, {"id", "trains_per_day"});
    LinkOverride o;
    o.line = line_of(&e);
    o.id = get_string(file, e, pre, "id", "");
    if (o.id.empty()) fail(file, &e, pre + "id", "missing");
    if (!e.get("trains_per_day")) fail(file, &e, pre + "trains_per_day", "missing");
    o.trains_per_day = get_number(file, e, pre, "trains_per_day", 0, 0.01, 1e4);
    s.links.push_back(o);
  });
  for_each_table(file, root, "closures", [&](const toml::table& e, const std::string& pre) {
    check_keys(file, e, pre, {"node", "link", "passage", "from_day", "to_day"});
    Closure c;
    c.line = line_of(&e);
    int kinds = 0;
    for (auto [key, kind] : {std::pair{"node", Closure::Kind::node}, std::pair{"link", Closure::Kind::link},
                             std::pair{"passage", Closure::Kind::passage}}) {
      const std::string v = get_string(file, e, pre, key, "");
      if (!v.empty()) {
        c.kind = kind;
        c.what = v;
        ++kinds;
      }
    }
    if (kinds != 1) fail(file, &e, pre + "node", "give exactly one of node, link, passage");
    c.from_day = get_number(file, e, pre, "from_day", -1, 0, 1e5);
    c.to_day = get_number(file, e, pre, "to_day", -1, 0, 1e5);
    if (!e.get("from_day")) fail(file, &e, pre + "from_day", "missing");
    if (!(c.to_day > c.from_day)) fail(file, e.get("to_day"), pre + "to_day", "missing or not after from_day");
    s.closures.push_back(c);
  });
  for_each_table(file, root, "capacity_cuts", [&](const toml::table& e, const std::string& pre) {
    check_keys(file, e, pre, {"node", "cranes", "cranes_factor", "from_day", "to_day"});
    CapacityCut c;
    c.line = line_of(&e);
    c.node = get_string(file, e, pre, "node", "");
    if (c.node.empty()) fail(file, &e, pre + "node", "missing");
    c.cranes = static_cast<int>(get_whole(file, e, pre, "cranes", 0, 0, 1000));
    c.cranes_factor = get_number(file, e, pre, "cranes_factor", 1.0, 0.01, 100);
    if ((c.cranes > 0) == (e.get("cranes_factor") != nullptr))
      fail(file, &e, pre + "cranes", "give exactly one of cranes, cranes_factor");
    if (!e.get("from_day")) fail(file, &e, pre + "from_day", "missing");
    c.from_day = get_number(file, e, pre, "from_day", -1, 0, 1e5);
    c.to_day = get_number(file, e, pre, "to_day", -1, 0, 1e5);
    if (!(c.to_day > c.from_day)) fail(file, e.get("to_day"), pre + "to_day", "missing or not after from_day");
    s.capacity_cuts.push_back(c);
  });
  read_operations(file, root, s);
  if (!s.bookings_file.empty() && demand_csv != nullptr) {
    // The text path (service jobs) reads nothing from disk.
    fail(file, t.get("bookings"), "scenario.bookings",
         "bookings are read from a file; a scenario sent as text must give its volume as demand rows");
  }
  if (demand_csv != nullptr) {
    if (demand_csv->size() > kMaxDemandBytes) {
      throw ScenarioError(s.demand_file.string() + ": the demand is over " + std::to_string(kMaxDemandBytes) + " bytes");
    }
    s.flows = parse_demand(*demand_csv, s.demand_file.string());
  } else if (!s.demand_file.empty()) {
    s.flows = parse_demand(read_text(s.demand_file, "the demand file", kMaxDemandBytes), s.demand_file.string());
  }
  if (!s.bookings_file.empty()) {
    std::vector<FlowSpec> booked = parse_bookings(read_text(s.bookings_file, "the bookings file", kMaxDemandBytes),
                                                  s.bookings_file.string(), s.start_date, s.horizon_days);
    for (FlowSpec& f : booked) s.flows.push_back(std::move(f));
  }
  check_run_size(s);
  return s;
}

Scenario parse_tables(std::string_view text, const std::filesystem::path& path, const std::string_view* demand_csv) {
  const std::string file = path.string();
  toml::table root;
  try {
    root = toml::parse(text, file);
  } catch (const toml::parse_error& e) {
    throw ScenarioError(file + ":" + std::to_string(e.source().begin.line) + ": " +
                        std::string(e.description()));
  }
  return read_tables(root, path, demand_csv);
}

}  // namespace

Scenario scenario_from_table(const toml::table& root, const std::filesystem::path& file) {
  return read_tables(root, file, nullptr);
}

bool uses_timetable(const Scenario& s) {
  using Kind = ServicePolicy::Kind;
  return s.sea.kind == Kind::timetable || s.rail.kind == Kind::timetable || s.ferry.kind == Kind::timetable;
}

Scenario parse_scenario(std::string_view toml_text, const std::filesystem::path& file) {
  return parse_tables(toml_text, file, nullptr);
}

Scenario parse_scenario(std::string_view toml_text, const std::filesystem::path& file, std::string_view demand_csv) {
  return parse_tables(toml_text, file, &demand_csv);
}

Scenario load_scenario(const std::filesystem::path& file) {
  return parse_scenario(read_text(file, "the scenario", kMaxScenarioBytes), file);
}

}  // namespace landbridge::corridor
