#include "landbridge/timetable/service.h"

#include <algorithm>
#include <limits>
#include <cmath>

namespace landbridge::timetable {
namespace {

constexpr std::int64_t kDay = 1440;

std::int64_t floor_div64(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

bool contains(const std::vector<CivilDate>& v, CivilDate d) { return std::find(v.begin(), v.end(), d) != v.end(); }

bool in_validity(const Service& s, CivilDate d) {
  if (s.valid_from && d < *s.valid_from) return false;
  if (s.valid_to && *s.valid_to < d) return false;
  return true;
}

// Does the pattern (without added/removed dates) start the service on local day `day`?
bool pattern_runs(const Service& s, std::int32_t day) {
  const OperatingPattern& p = s.pattern;
  switch (p.kind) {
    case PatternKind::weekly: return (p.weekdays & weekday_bit(weekday_of_epoch_day(day))) != 0;
    case PatternKind::every_n_days: {
      const std::int64_t delta = static_cast<std::int64_t>(day) - epoch_day(p.anchor);
      return floor_div64(delta, p.every_days) * p.every_days == delta;
    }
    case PatternKind::when_full: return false;  // instants, not days: handled apart
  }
  return false;
}

std::string where(const Service& s) { return "service '" + s.id + "'"; }

}  // namespace

CivilDate local_start_day(const Service& s, Instant start_instant) {
  return to_civil(start_instant, s.pattern.utc_offset).date;
}

void validate(const Service& s, std::size_t node_count, Diagnostics& diags) {
  const auto bad = [&](const std::string& field, const std::string& value, const std::string& msg) {
    diags.add("", 0, where(s) + (field.empty() ? "" : " " + field), value, msg);
  };
  if (s.id.empty()) bad("id", "", "a service needs an id");
  if (s.calls.size() < 2) bad("calls", std::to_string(s.calls.size()), "a service needs at least two calls");
  for (std::size_t i = 0; i < s.calls.size(); ++i) {
    const Call& c = s.calls[i];
    const std::string f = "call " + std::to_string(i);
    if (!c.stop.valid() || c.stop.get() >= node_count)
      bad(f + " stop", std::to_string(c.stop.get()), "unknown node (network has " + std::to_string(node_count) + ")");
    if (!std::isfinite(c.distance.value()) || c.distance.value() < 0.0)
      bad(f + " distance", std::to_string(c.distance.value()), "expected a distance >= 0 km");
    if (i > 0) {
      if (c.stop == s.calls[i - 1].stop) bad(f + " stop", std::to_string(c.stop.get()), "same stop as the call before");
      if (c.arrival.value() < s.calls[i - 1].departure.value() + 1)
        bad(f + " arrival", format_duration(c.arrival),
            "expected at least 1 minute after the previous departure (" + format_duration(s.calls[i - 1].departure) +
                ")");
    }
    if (i > 0 && i + 1 < s.calls.size() && c.departure < c.arrival)
      bad(f + " departure", format_duration(c.departure),
          "departure before arrival (" + format_duration(c.arrival) + ")");
  }
  const OperatingPattern& p = s.pattern;
  if (p.start_time.value() < 0 || p.start_time.value() >= kDay)
    bad("start_time", format_duration(p.start_time), "expected a time of day in [00:00, 24:00)");
  if (p.utc_offset.value() < -18 * 60 || p.utc_offset.value() > 18 * 60)
    bad("utc_offset", format_duration(p.utc_offset), "expected an offset within ±18h");
  switch (p.kind) {
    case PatternKind::weekly:
      if ((p.weekdays & kEveryDay) == 0 && s.added.empty())
        bad("days", "", "a weekly service needs at least one weekday (or added dates)");
      break;
    case PatternKind::every_n_days:
      if (p.every_days < 1) bad("every", std::to_string(p.every_days), "expected a period of at least 1 day");
      if (!is_valid(p.anchor)) bad("anchor", format_date(p.anchor), "not a calendar day");
      break;
    case PatternKind::when_full: {
      const Headway& h = p.headway;
      if (h.mean.value() < 1) bad("headway", format_duration(h.mean), "expected a mean headway of at least 1 minute");
      if (!is_valid(p.anchor)) bad("anchor", format_date(p.anchor), "not a calendar day");
      if ((h.shape == HeadwayShape::uniform || h.shape == HeadwayShape::triangular) &&
          !(h.lo <= h.mean && h.mean <= h.hi))
        bad("headway", format_duration(h.lo) + ".." + format_duration(h.hi),
            "expected lo <= mean <= hi for a uniform or triangular headway");
      if (h.shape == HeadwayShape::exponential && !(h.lo <= h.mean))
        bad("headway", format_duration(h.lo), "expected the exponential shift lo <= mean");
      break;
    }
  }
  for (const auto* d : {&s.valid_from, &s.valid_to})
    if (*d && !is_valid(**d)) bad("validity", format_date(**d), "not a calendar day");
  if (s.valid_from && s.valid_to && *s.valid_to < *s.valid_from)
    bad("validity", format_date(*s.valid_from) + ".." + format_date(*s.valid_to), "validity ends before it starts");
  for (const auto* list : {&s.added, &s.removed})
    for (CivilDate d : *list)
      if (!is_valid(d)) bad(list == &s.added ? "added" : "removed", format_date(d), "not a calendar day");
  if (s.capacity_teu < 0) bad("capacity_teu", std::to_string(s.capacity_teu), "expected >= 0");
  if (s.cutoff.value() < 0) bad("cutoff", format_duration(s.cutoff), "expected a cut-off >= 0");
  if (s.price_teu.value() < 0) bad("price_teu", std::to_string(s.price_teu.value()), "expected a price >= 0");
  if (s.price_feu.value() < 0) bad("price_feu", std::to_string(s.price_feu.value()), "expected a price >= 0");
  // Stated cumulative fares: 0 at the first call, the whole-run price at the last, never
  // decreasing, never above the whole-run price.
  for (const bool feu : {false, true}) {
    const UsdCents whole = feu ? s.price_feu : s.price_teu;
    UsdCents before(0);
    for (std::size_t i = 0; i < s.calls.size(); ++i) {
      const auto& stated = feu ? s.calls[i].fare_feu : s.calls[i].fare_teu;
      if (!stated) continue;
      const std::string f = "call " + std::to_string(i + 1) + (feu ? " fare_feu" : " fare_teu");
      const std::string v = std::to_string(stated->value());
      if (i == 0 && stated->value() != 0) {
        bad(f, v, "expected 0 (or nothing) on the first call: fares count from it");
      } else if (i + 1 == s.calls.size() && *stated != whole) {
        bad(f, v, "expected the whole-run price " + std::to_string(whole.value()) + " on the last call (or nothing)");
      } else if (*stated < before) {
        bad(f, v, "expected a cumulative fare no lower than the previous stated one (" +
                      std::to_string(before.value()) + ")");
      } else if (*stated > whole) {
        bad(f, v, "expected at most the whole-run price " + std::to_string(whole.value()));
      }
      before = *stated;
    }
  }
}

std::vector<UsdCents> call_fares(const Service& s, bool feu) {
  const std::size_t n = s.calls.size();
  std::vector<UsdCents> out(n, UsdCents(0));
  if (n == 0) return out;
  const UsdCents whole = feu ? s.price_feu : s.price_teu;
  // Fixed points: the first call (0), calls with a stated fare, the last call (whole run).
  std::vector<std::size_t> fixed;
  for (std::size_t i = 0; i < n; ++i) {
    const auto& stated = feu ? s.calls[i].fare_feu : s.calls[i].fare_teu;
    if (i == 0) {
      out[i] = UsdCents(0);
    } else if (i + 1 == n) {
      out[i] = whole;
    } else if (stated) {
      out[i] = *stated;
    } else {
      continue;
    }
    fixed.push_back(i);
  }
  // Distance run from the first call to each call, and scheduled minutes from its departure.
  std::vector<double> km(n, 0.0);
  std::vector<std::int64_t> mins(n, 0);
  for (std::size_t i = 1; i < n; ++i) {
    km[i] = km[i - 1] + s.calls[i].distance.value();
    mins[i] = static_cast<std::int64_t>(s.calls[i].arrival.value()) - s.calls.front().departure.value();
  }
  for (std::size_t f = 0; f + 1 < fixed.size(); ++f) {
    const std::size_t a = fixed[f], b = fixed[f + 1];
    const std::int64_t rise = out[b].value() - out[a].value();
    const double span_km = km[b] - km[a];
    const auto span_min = static_cast<double>(mins[b] - mins[a]);
    for (std::size_t k = a + 1; k < b; ++k) {
      const double share = span_km > 0.0 ? (km[k] - km[a]) / span_km
                                          : (span_min > 0.0 ? static_cast<double>(mins[k] - mins[a]) / span_min : 0.0);
      out[k] = UsdCents(out[a].value() + std::llround(static_cast<double>(rise) * share));
    }
  }
  return out;
}

void service_starts(const Service& s, Instant from, Instant to, std::vector<Instant>& out) {
  out.clear();
  if (s.calls.size() < 2) return;
  // A trip starting at x departs in [from, to) iff x + first_dep < to and x + last_dep >= from.
  const std::int64_t first_dep = s.calls.front().departure.value();
  const std::int64_t last_dep = s.calls[s.calls.size() - 2].departure.value();
  const std::int64_t lo = static_cast<std::int64_t>(from.value()) - last_dep;  // x >= lo
  const std::int64_t hi = static_cast<std::int64_t>(to.value()) - first_dep;   // x < hi
  if (lo >= hi) return;
  const OperatingPattern& p = s.pattern;
  const std::int64_t start = p.start_time.value();
  const std::int64_t off = p.utc_offset.value();
  const auto instant_of_day = [&](std::int64_t day) { return day * kDay + start - off; };
  const auto day_of_instant = [&](std::int64_t x) { return floor_div64(x + off, kDay); };
  const auto accept = [&](std::int64_t x) {
    // Starts are 32-bit instants; one that is not (offsets beyond the range) is never a trip.
    if (x >= lo && x < hi && x >= std::numeric_limits<std::int32_t>::min() && x <= std::numeric_limits<std::int32_t>::max())
      out.push_back(Instant(static_cast<std::int32_t>(x)));
  };

  if (p.kind == PatternKind::when_full) {
    const std::int64_t mean = p.headway.mean.value();
    if (mean < 1) return;
    const std::int64_t anchor = instant_of_day(epoch_day(p.anchor));
    for (std::int64_t j = floor_div64(lo - anchor, mean); anchor + j * mean < hi; ++j) {
      const std::int64_t x = anchor + j * mean;
      const CivilDate d = date_of_epoch_day(static_cast<std::int32_t>(day_of_instant(x)));
      if (in_validity(s, d) && !contains(s.removed, d)) accept(x);
    }
  } else {
    for (std::int64_t day = day_of_instant(lo) - 1; day <= day_of_instant(hi) + 1; ++day) {
      const CivilDate d = date_of_epoch_day(static_cast<std::int32_t>(day));
      if (contains(s.removed, d)) continue;
      if (!contains(s.added, d) && !(in_validity(s, d) && pattern_runs(s, static_cast<std::int32_t>(day)))) continue;
      accept(instant_of_day(day));
    }
  }
  // Added days of a sails-when-full service start at the pattern's time of day.
  if (p.kind == PatternKind::when_full)
    for (CivilDate d : s.added)
      if (!contains(s.removed, d)) accept(instant_of_day(epoch_day(d)));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
}

ValidityRange validity(std::span<const Service> services) {
  ValidityRange r;
  if (services.empty()) return r;
  bool open_first = false, open_last = false;
  for (const Service& s : services) {
    if (!s.valid_from) {
      open_first = true;
    } else {
      CivilDate first = *s.valid_from;
      for (CivilDate d : s.added) first = std::min(first, d);
      if (!r.first || first < *r.first) r.first = first;
    }
    if (!s.valid_to) {
      open_last = true;
    } else {
      CivilDate last = *s.valid_to;
      for (CivilDate d : s.added) last = std::max(last, d);
      if (!r.last || *r.last < last) r.last = last;
    }
  }
  if (open_first) r.first.reset();
  if (open_last) r.last.reset();
  return r;
}

}  // namespace landbridge::timetable
