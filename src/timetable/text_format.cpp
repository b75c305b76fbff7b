#include "landbridge/timetable/text_format.h"

#include <charconv>
#include <cmath>
#include <optional>
#include <unordered_map>
#include <vector>

#include "landbridge/core/error.h"

namespace landbridge::timetable {
namespace {

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i <= s.size()) {
    const std::size_t j = s.find(sep, i);
    const std::size_t e = j == std::string_view::npos ? s.size() : j;
    out.push_back(s.substr(i, e - i));
    if (j == std::string_view::npos) break;
    i = j + 1;
  }
  return out;
}

std::vector<std::string_view> words(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r')) ++i;
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\t' && s[j] != '\r') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

std::optional<double> number(std::string_view s) {
  double v = 0.0;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

class Parser {
 public:
  explicit Parser(std::string_view source) : source_(source) {}

  TimetableText run(std::string_view text) {
    int line_no = 0;
    for (std::string_view line : split(text, '\n')) {
      ++line_no;
      line_ = line_no;
      if (const auto hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
      const auto w = words(line);
      if (w.empty()) continue;
      const bool indented = line[0] == ' ' || line[0] == '\t';
      if (indented) {
        call_line(w);
        continue;
      }
      finish_service();
      if (w[0] == "horizon") horizon(w);
      else if (w[0] == "stops") for (std::size_t i = 1; i < w.size(); ++i) stop(w[i]);
      else if (w[0] == "factor") factor(w);
      else if (w[0] == "transfer" || w[0] == "forbid") transfer(w);
      else if (w[0] == "service") service(w);
      else if (w[0] == "link") link(w);
      else bad("", std::string(w[0]), "unknown statement (expected horizon, stops, factor, transfer, forbid, service or link)");
    }
    finish_service();
    diags_.throw_if_any();
    out_.spec.node_count = names_.size();
    out_.spec.node_names = names_;
    out_.spec.transfer = out_.transfers;
    return std::move(out_);
  }

 private:
  void bad(const std::string& field, const std::string& value, const std::string& msg) {
    diags_.add(std::string(source_), line_, field, value, msg);
  }

  NodeId stop(std::string_view name) {
    auto [it, fresh] = stop_ids_.try_emplace(std::string(name), NodeId::from(names_.size()));
    if (fresh) names_.emplace_back(name);
    return it->second;
  }

  std::optional<Minutes> duration(std::string_view field, std::string_view s) {
    std::string why;
    auto d = parse_duration(s, &why);
    if (!d) bad(std::string(field), std::string(s), why);
    return d;
  }
  std::optional<CivilDate> date(std::string_view field, std::string_view s) {
    std::string why;
    auto d = parse_date(s, &why);
    if (!d) bad(std::string(field), std::string(s), why);
    return d;
  }
  std::optional<UsdCents> dollars(std::string_view field, std::string_view s) {
    const auto v = number(s);
    if (!v || *v < 0) {
      bad(std::string(field), std::string(s), "expected a price in USD >= 0");
      return std::nullopt;
    }
    return usd(*v);
  }
  std::optional<Carriage> carriage(std::string_view s) {
    const auto p = parse_carriage_pattern(s, true);
    if (!p || (p->kind != CarriagePattern::Kind::mode && p->kind != CarriagePattern::Kind::mode_gauge)) {
      bad("carriage", std::string(s), "expected a mode (" + mode_names() + ") or rail:GAUGE");
      return std::nullopt;
    }
    return p->carriage;
  }
  std::optional<EmissionFactorId> factor_ref(std::string_view s) {
    auto it = out_.factors.find(std::string(s));
    if (it == out_.factors.end()) {
      bad("factor", std::string(s), "unknown factor (declare it with 'factor NAME G_PER_TKM' first)");
      return std::nullopt;
    }
    return it->second;
  }
  static std::pair<std::string_view, std::string_view> key_value(std::string_view w) {
    const auto eq = w.find('=');
    if (eq == std::string_view::npos) return {w, {}};
    return {w.substr(0, eq), w.substr(eq + 1)};
  }

  void horizon(const std::vector<std::string_view>& w) {
    if (w.size() != 3) return bad("horizon", "", "expected: horizon START LENGTH");
    std::string why;
    const auto start = parse_iso8601(w[1], &why);
    if (!start) bad("horizon", std::string(w[1]), why);
    const auto len = duration("horizon", w[2]);
    if (start) out_.spec.horizon_start = *start;
    if (len) out_.spec.horizon_length = *len;
  }

  void factor(const std::vector<std::string_view>& w) {
    if (w.size() != 3) return bad("factor", "", "expected: factor NAME G_PER_TKM");
    const auto v = number(w[2]);
    if (!v || *v < 0) return bad("factor", std::string(w[2]), "expected an intensity >= 0 g CO2e per tonne-km");
    if (out_.factors.count(std::string(w[1]))) return bad("factor", std::string(w[1]), "factor declared twice");
    out_.factors[std::string(w[1])] = out_.spec.intensity.push_back(GramsPerTonneKm(*v));
  }

  void transfer(const std::vector<std::string_view>& w) {
    const bool forbid = w[0] == "forbid";
    if (w.size() < (forbid ? 4u : 5u))
      return bad(std::string(w[0]), "", forbid ? "expected: forbid STOP|* ARRIVE DEPART"
                                                : "expected: transfer STOP|* ARRIVE DEPART DURATION [options]");
    std::optional<NodeId> at;
    if (w[1] != "*") at = stop(w[1]);
    const auto a = parse_carriage_pattern(w[2], true);
    const auto d = parse_carriage_pattern(w[3], false);
    if (!a) bad("arrive", std::string(w[2]), "expected *, start, sea, a mode or rail:GAUGE");
    if (!d) bad("depart", std::string(w[3]), "expected *, end, sea, a mode or rail:GAUGE");
    TransferRule r;
    if (forbid) {
      r.allowed = false;
      if (w.size() > 4) bad("forbid", std::string(w[4]), "unexpected text after the patterns");
    } else {
      if (auto dur = duration("duration", w[4])) r.duration = *dur;
      for (std::size_t i = 5; i < w.size(); ++i) {
        const auto [k, v] = key_value(w[i]);
        if (k == "lift" && v.empty()) r.transshipment = true;
        else if (k == "teu") { if (auto p = dollars(k, v)) r.cost_teu = *p; }
        else if (k == "feu") { if (auto p = dollars(k, v)) r.cost_feu = *p; }
        else if (k == "co2") {
          const auto x = number(v);
          if (!x || *x < 0) bad("co2", std::string(v), "expected kg CO2e per tonne handled >= 0");
          else r.hub_kg_co2e_per_t = *x;
        } else bad(std::string(k), std::string(w[i]), "unknown transfer option (teu=, feu=, co2=, lift)");
      }
    }
    if (a && d) out_.transfers.add(at, *a, *d, r);
  }

  void service(const std::vector<std::string_view>& w) {
    if (w.size() < 3) return bad("service", "", "expected: service ID CARRIAGE key=value...");
    Service s;
    s.id = std::string(w[1]);
    if (auto c = carriage(w[2])) s.carriage = *c;
    bool has_pattern = false;
    for (std::size_t i = 3; i < w.size(); ++i) {
      const auto [k, v] = key_value(w[i]);
      const std::string key(k);
      if (k == "days") {
        has_pattern = true;
        s.pattern.kind = PatternKind::weekly;
        if (v == "daily") {
          s.pattern.weekdays = kEveryDay;
          continue;
        }
        for (auto day : split(v, ',')) {
          if (auto wd = parse_weekday(day)) s.pattern.weekdays |= weekday_bit(*wd);
          else bad(key, std::string(day), "expected weekdays such as Tue,Fri or 'daily'");
        }
      } else if (k == "every") {
        has_pattern = true;
        s.pattern.kind = PatternKind::every_n_days;
        if (auto d = duration(k, v)) {
          if (d->value() % 1440 != 0 || d->value() <= 0) bad(key, std::string(v), "expected whole days, e.g. every=10d");
          s.pattern.every_days = d->value() / 1440;
        }
      } else if (k == "full") {
        has_pattern = true;
        s.pattern.kind = PatternKind::when_full;
        if (auto d = duration(k, v)) s.pattern.headway.mean = *d;
      } else if (k == "headway") {
        const auto colon = v.find(':');
        const std::string_view shape = v.substr(0, colon);
        Headway& h = s.pattern.headway;
        if (shape == "fixed") h.shape = HeadwayShape::fixed;
        else if (shape == "uniform") h.shape = HeadwayShape::uniform;
        else if (shape == "triangular") h.shape = HeadwayShape::triangular;
        else if (shape == "exponential") h.shape = HeadwayShape::exponential;
        else bad(key, std::string(v), "expected fixed, uniform:LO..HI, triangular:LO..HI or exponential:LO..");
        if (colon != std::string_view::npos) {
          const auto range = v.substr(colon + 1);
          const auto dots = range.find("..");
          if (dots == std::string_view::npos) {
            bad(key, std::string(v), "expected LO..HI after the shape");
          } else {
            if (auto lo = duration(k, range.substr(0, dots))) h.lo = *lo;
            if (dots + 2 < range.size())
              if (auto hi = duration(k, range.substr(dots + 2))) h.hi = *hi;
          }
        }
      } else if (k == "anchor") {
        if (auto d = date(k, v)) s.pattern.anchor = *d;
      } else if (k == "at") {
        std::string why;
        if (auto t = parse_time_of_day(v.substr(0, 5), &why)) s.pattern.start_time = *t;
        else bad(key, std::string(v), why);
        if (v.size() > 5) {
          if (auto o = parse_utc_offset(v.substr(5), &why)) s.pattern.utc_offset = *o;
          else bad(key, std::string(v), why);
        }
      } else if (k == "from") {
        if (auto d = date(k, v)) s.valid_from = *d;
      } else if (k == "to") {
        if (auto d = date(k, v)) s.valid_to = *d;
      } else if (k == "add" || k == "skip") {
        for (auto part : split(v, ','))
          if (auto d = date(k, part)) (k == "add" ? s.added : s.removed).push_back(*d);
      } else if (k == "cutoff") {
        if (auto d = duration(k, v)) s.cutoff = *d;
      } else if (k == "teu") {
        if (auto p = dollars(k, v)) s.price_teu = *p;
      } else if (k == "feu") {
        if (auto p = dollars(k, v)) s.price_feu = *p;
      } else if (k == "cap") {
        const auto x = number(v);
        if (!x || *x < 0 || std::floor(*x) != *x) bad(key, std::string(v), "expected a whole number of TEU >= 0");
        else s.capacity_teu = static_cast<std::int32_t>(*x);
      } else if (k == "factor") {
        if (auto f = factor_ref(v)) s.factor = *f;
      } else if (k == "op") {
        s.operator_name = std::string(v);
      } else {
        bad(key, std::string(w[i]), "unknown service key");
      }
    }
    if (!has_pattern) bad("service", s.id, "needs days=, every= or full=");
    current_ = std::move(s);
    current_line_ = line_;
  }

  void call_line(const std::vector<std::string_view>& w) {
    if (!current_) return bad("call", std::string(w[0]), "a call line must follow a service line");
    Call c;
    c.stop = stop(w[0]);
    const bool first = current_->calls.empty();
    bool has_arr = false, has_dep = false;
    for (std::size_t i = 1; i < w.size(); ++i) {
      const auto [k, v] = key_value(w[i]);
      if (k == "arr") {
        if (auto d = duration(k, v)) c.arrival = *d;
        has_arr = true;
      } else if (k == "dep") {
        if (auto d = duration(k, v)) c.departure = *d;
        has_dep = true;
      } else if (k == "km") {
        const auto x = number(v);
        if (!x || *x < 0) bad("km", std::string(v), "expected a distance >= 0");
        else c.distance = Kilometres(*x);
      } else {
        bad(std::string(k), std::string(w[i]), "unknown call key (arr=, dep=, km=)");
      }
    }
    if (!first && !has_arr) bad("arr", std::string(w[0]), "every call after the first needs arr=");
    if (first && !has_arr) c.arrival = c.departure;
    if (!has_dep) c.departure = c.arrival;
    current_->calls.push_back(c);
  }

  void finish_service() {
    if (!current_) return;
    const int saved = line_;
    line_ = current_line_;
    if (current_->calls.size() < 2) bad("service", current_->id, "a service needs at least two call lines");
    out_.spec.services.push_back(std::move(*current_));
    current_.reset();
    line_ = saved;
  }

  void link(const std::vector<std::string_view>& w) {
    if (w.size() < 6) return bad("link", "", "expected: link ID FROM TO CARRIAGE DURATION [options]");
    UntimedLink l;
    l.id = std::string(w[1]);
    l.from = stop(w[2]);
    l.to = stop(w[3]);
    if (auto c = carriage(w[4])) l.carriage = *c;
    if (auto d = duration("duration", w[5])) l.duration = *d;
    for (std::size_t i = 6; i < w.size(); ++i) {
      const auto [k, v] = key_value(w[i]);
      if (k == "teu") { if (auto p = dollars(k, v)) l.cost_teu = *p; }
      else if (k == "feu") { if (auto p = dollars(k, v)) l.cost_feu = *p; }
      else if (k == "km") {
        const auto x = number(v);
        if (!x || *x < 0) bad("km", std::string(v), "expected a distance >= 0");
        else l.distance = Kilometres(*x);
      } else if (k == "factor") { if (auto f = factor_ref(v)) l.factor = *f; }
      else bad(std::string(k), std::string(w[i]), "unknown link option (teu=, feu=, km=, factor=)");
    }
    out_.spec.links.push_back(std::move(l));
  }

  std::string_view source_;
  int line_ = 0;
  Diagnostics diags_;
  TimetableText out_;
  std::vector<std::string> names_;
  std::unordered_map<std::string, NodeId> stop_ids_;
  std::optional<Service> current_;
  int current_line_ = 0;
};

}  // namespace

TimetableText parse_timetable_text(std::string_view text, std::string_view source) {
  return Parser(source).run(text);
}

}  // namespace landbridge::timetable
