// Local time from the system tz database (date/tz.h built with USE_OS_TZDB: /usr/share/zoneinfo).
#include "landbridge/schedule/local_time.h"

#include <date/tz.h>

#include <chrono>

#include "landbridge/core/error.h"

namespace landbridge::schedule {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;

// timetable::kEpoch (2020-01-01T00:00Z) on date's clocks.
constexpr date::sys_days kEpochSys = date::sys_days{date::year{2020} / 1 / 1};
constexpr date::local_days kEpochLocal = date::local_days{date::year{2020} / 1 / 1};

// Whole minutes, rounded towards minus infinity (zones since 1972 have whole-minute offsets).
Minutes to_minutes(seconds s) { return Minutes(static_cast<std::int32_t>(std::chrono::floor<minutes>(s).count())); }

const date::time_zone* find_zone(std::string_view name) {
  try {
    return date::locate_zone(name);
  } catch (const std::runtime_error&) {
    // locate_zone says "not found"; get_tzdb() failing to read the database says otherwise.
    try {
      (void)date::get_tzdb();
    } catch (const std::exception& e) {
      throw Error(std::string("the time zone database cannot be read (is tzdata installed?): ") + e.what());
    }
    return nullptr;
  }
}

Minutes offset_at(const date::time_zone& z, Instant instant) {
  const date::sys_seconds s = kEpochSys + minutes(instant.value());
  return to_minutes(z.get_info(s).offset);
}

std::string iso(Instant instant, Minutes offset, bool zoned) {
  std::string s = timetable::format_iso8601(instant, offset);
  // A zone at UTC (London in winter) writes "+00:00": "Z" would read as "no local zone".
  if (zoned && offset == Minutes(0)) s.replace(s.size() - 1, 1, "+00:00");
  return s;
}

}  // namespace

bool is_known_zone(std::string_view name) { return !name.empty() && find_zone(name) != nullptr; }

Minutes utc_offset(std::string_view name, Instant instant) {
  const date::time_zone* z = find_zone(name);
  if (!z) throw Error("unknown time zone '" + std::string(name) + "'");
  return offset_at(*z, instant);
}

bool has_zone_designator(std::string_view s) {
  if (s.size() <= 10) return false;
  if (s.back() == 'Z' || s.back() == 'z') return true;
  return s.find_first_of("+-", 11) != std::string_view::npos;
}

LocalClock::LocalClock(const Network& net) {
  zones_.reserve(net.node_count());
  names_.reserve(net.node_count());
  for (const NodeInfo& n : net.nodes()) {
    const date::time_zone* z = nullptr;
    if (!n.timezone.empty()) {
      // Nodes of one network share a handful of zones: look each name up once.
      for (std::size_t i = 0; i < names_.size() && !z; ++i)
        if (names_[i] == n.timezone) z = zones_[i];
      if (!z) z = find_zone(n.timezone);
      if (!z) throw Error("node " + n.code + ": unknown time zone '" + n.timezone + "'");
    }
    zones_.push_back(z);
    names_.push_back(n.timezone);
  }
}

Minutes LocalClock::offset(NodeId n, Instant instant) const {
  const date::time_zone* z = zones_[n.get()];
  return z ? offset_at(*z, instant) : Minutes(0);
}

std::string LocalClock::format(NodeId n, Instant instant) const {
  return iso(instant, offset(n, instant), has_zone(n));
}

std::optional<Instant> LocalClock::from_local(NodeId n, timetable::CivilTime t, std::string* why) const {
  const Instant wall = timetable::to_instant(t.date, hours(t.hour) + Minutes(t.minute));  // as if UTC
  const date::time_zone* z = zones_[n.get()];
  if (!z) return wall;
  const date::local_seconds local = kEpochLocal + minutes(wall.value());
  const date::local_info info = z->get_info(local);
  if (info.result == date::local_info::nonexistent) {
    if (why)
      *why = timetable::format_iso8601(wall).substr(0, 16) + " does not exist in " + names_[n.get()] +
             " (the clocks move forward then)";
    return std::nullopt;
  }
  // unique, or ambiguous: `first` is the period before the change, the earlier instant.
  return wall - to_minutes(info.first.offset);
}

std::optional<Instant> LocalClock::parse(NodeId n, std::string_view text, std::string* why) const {
  const std::optional<Instant> as_utc = timetable::parse_iso8601(text, why);
  if (!as_utc || has_zone_designator(text)) return as_utc;
  return from_local(n, timetable::to_civil(*as_utc), why);
}

}  // namespace landbridge::schedule
