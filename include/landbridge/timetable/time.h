// Time in timetables: instants are whole UTC minutes since a fixed epoch.
//
// Every instant in the timetable layer is an Instant (core/instant.h): minutes counted from
// kEpoch, 2020-01-01T00:00Z (UTC, no leap seconds); durations are Minutes. 32 bits hold about ±4,000 years, so 90-day
// horizons and 50-day chains are far inside the range. Civil dates use the proleptic
// Gregorian calendar; conversions are exact integer arithmetic (no time-zone database:
// local times are expressed with a fixed offset from UTC, e.g. +09:00 for Japan).
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "landbridge/core/instant.h"
#include "landbridge/core/units.h"

namespace landbridge::timetable {

// A calendar day, proleptic Gregorian.
struct CivilDate {
  std::int32_t year = 2020;
  std::int32_t month = 1;  // 1..12
  std::int32_t day = 1;    // 1..31
  friend constexpr auto operator<=>(const CivilDate&, const CivilDate&) = default;
  friend constexpr bool operator==(const CivilDate&, const CivilDate&) = default;
};

struct CivilTime {
  CivilDate date;
  std::int32_t hour = 0;    // 0..23
  std::int32_t minute = 0;  // 0..59
  friend constexpr bool operator==(const CivilTime&, const CivilTime&) = default;
};

enum class Weekday : std::uint8_t { mon, tue, wed, thu, fri, sat, sun };
using WeekdaySet = std::uint8_t;  // bit i set = Weekday(i) is in the set
constexpr WeekdaySet weekday_bit(Weekday d) { return static_cast<WeekdaySet>(1u << static_cast<unsigned>(d)); }
inline constexpr WeekdaySet kEveryDay = 0x7f;

// 2020-01-01 as days since 1970-01-01.
inline constexpr std::int32_t kEpochDayOffset = 18262;

// The civil dates the engine accepts from people (command-line instants, scenario start dates):
// 1900-01-01 to 2199-12-31 (core/instant.h: kFirstInstant .. kLastInstant in UTC). Packages may
// state other dates (a service valid to 9999-12-31 runs "until further notice").
inline constexpr CivilDate kFirstSupportedDate{1900, 1, 1};
inline constexpr CivilDate kLastSupportedDate{2199, 12, 31};
constexpr bool is_supported(CivilDate d) { return d >= kFirstSupportedDate && d <= kLastSupportedDate; }
// "outside the supported dates 1900-01-01 … 2199-12-31", for messages.
std::string unsupported_date_reason();

bool is_leap_year(std::int32_t y);
std::int32_t days_in_month(std::int32_t y, std::int32_t m);
bool is_valid(CivilDate d);

// Days since 1970-01-01 (negative before) for a valid date, and back.
std::int64_t days_from_civil(CivilDate d);
CivilDate civil_from_days(std::int64_t days_since_1970);

// Days since kEpoch (2020-01-01 is day 0).
std::int32_t epoch_day(CivilDate d);
CivilDate date_of_epoch_day(std::int32_t day);
Weekday weekday(CivilDate d);
Weekday weekday_of_epoch_day(std::int32_t day);

// The instant at `time_of_day` on civil date `d` in a zone `utc_offset` ahead of UTC
// (local = UTC + offset). Throws landbridge::Error if the result leaves the 32-bit range.
Instant to_instant(CivilDate d, Minutes time_of_day = Minutes(0), Minutes utc_offset = Minutes(0));
// Civil date and time of an instant in a zone `utc_offset` ahead of UTC.
CivilTime to_civil(Instant instant, Minutes utc_offset = Minutes(0));

// Floor division helpers for instants (correct for negative values).
std::int32_t floor_div(std::int64_t a, std::int64_t b);

// --- text ---------------------------------------------------------------------------------
// "2026-12-01"
std::string format_date(CivilDate d);
// "2026-12-01T08:00Z" for offset 0, "2026-12-01T17:00+09:00" otherwise.
std::string format_iso8601(Instant instant, Minutes utc_offset = Minutes(0));
// "6d2h30m", "16h", "45m", "0m"; negative values get a leading '-'.
std::string format_duration(Minutes d);
std::string_view to_string(Weekday d);  // "Mon" .. "Sun"

// Parsers return nullopt on bad input and, if `why` is given, say what was expected.
// "2026-12-01"
std::optional<CivilDate> parse_date(std::string_view s, std::string* why = nullptr);
// "2026-12-01" (midnight UTC), "2026-12-01T08:00", "2026-12-01T08:00:00Z",
// "2026-12-01T17:00+09:00", "2026-12-01T08:00-05:30". A time without a zone is UTC.
// Seconds, if present, must be 00: timetables have whole-minute precision. The date must be
// is_supported() (1900-01-01 .. 2199-12-31).
std::optional<Instant> parse_iso8601(std::string_view s, std::string* why = nullptr);
// "+09:00", "-05:30", "Z", "+0900"
std::optional<Minutes> parse_utc_offset(std::string_view s, std::string* why = nullptr);
// "HH:MM" as minutes after midnight (00:00..23:59; "24:00" is accepted as 1440).
std::optional<Minutes> parse_time_of_day(std::string_view s, std::string* why = nullptr);
// "1d2h30m", "36h", "90m", "2.5d", "0"; each part a non-negative number with a unit d/h/m.
std::optional<Minutes> parse_duration(std::string_view s, std::string* why = nullptr);
// "Mon", "tue", "Wednesday"
std::optional<Weekday> parse_weekday(std::string_view s);

}  // namespace landbridge::timetable
