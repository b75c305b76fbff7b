#include "landbridge/timetable/time.h"

#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>

#include "landbridge/core/error.h"

namespace landbridge::timetable {
namespace {

constexpr std::int64_t kMinutesPerDay = 1440;

std::int64_t floor_div64(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

void say(std::string* why, std::string msg) {
  if (why) *why = std::move(msg);
}

// Reads exactly `n` decimal digits at s[pos..pos+n).
std::optional<std::int32_t> digits(std::string_view s, std::size_t pos, std::size_t n) {
  if (pos + n > s.size()) return std::nullopt;
  std::int32_t v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return std::nullopt;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

std::string two(std::int32_t v) {
  std::string s = std::to_string(v);
  return s.size() < 2 ? "0" + s : s;
}

constexpr std::array<std::string_view, 7> kWeekdayNames = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
constexpr std::array<std::string_view, 7> kWeekdayLong = {"monday", "tuesday", "wednesday", "thursday",
                                                          "friday", "saturday", "sunday"};

}  // namespace

std::int32_t floor_div(std::int64_t a, std::int64_t b) { return static_cast<std::int32_t>(floor_div64(a, b)); }

bool is_leap_year(std::int32_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

std::int32_t days_in_month(std::int32_t y, std::int32_t m) {
  static constexpr std::array<std::int32_t, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  return (m == 2 && is_leap_year(y)) ? 29 : kDays[static_cast<std::size_t>(m - 1)];
}

bool is_valid(CivilDate d) { return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= days_in_month(d.year, d.month); }

// The calendar is counted in 400-year eras of 146,097 days, each starting on 1 March so
// that the leap day is the last day of a "year"; within an era the day number follows from
// the year of the era (365 days plus the leap days before it) and the day of that year,
// where months from March have lengths that follow (153 * m + 2) / 5.
std::int64_t days_from_civil(CivilDate d) {
  const std::int64_t y = static_cast<std::int64_t>(d.year) - (d.month <= 2 ? 1 : 0);
  const std::int64_t era = floor_div64(y, 400);
  const std::int64_t year_of_era = y - era * 400;                        // [0, 399]
  const std::int64_t month_from_march = (d.month + 9) % 12;               // Mar = 0 .. Feb = 11
  const std::int64_t day_of_year = (153 * month_from_march + 2) / 5 + d.day - 1;  // [0, 365]
  const std::int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  constexpr std::int64_t kMarch1st0000To1970 = 719468;
  return era * 146097 + day_of_era - kMarch1st0000To1970;
}

CivilDate civil_from_days(std::int64_t days_since_1970) {
  const std::int64_t z = days_since_1970 + 719468;
  const std::int64_t era = floor_div64(z, 146097);
  const std::int64_t day_of_era = z - era * 146097;  // [0, 146096]
  // Years of the era: undo the leap days (every 4th year, not every 100th, yes every 400th).
  const std::int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;  // [0, 399]
  const std::int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const std::int64_t month_from_march = (5 * day_of_year + 2) / 153;
  const std::int64_t day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
  const std::int64_t month = month_from_march < 10 ? month_from_march + 3 : month_from_march - 9;
  const std::int64_t year = year_of_era + era * 400 + (month <= 2 ? 1 : 0);
  return {static_cast<std::int32_t>(year), static_cast<std::int32_t>(month), static_cast<std::int32_t>(day)};
}

std::int32_t epoch_day(CivilDate d) { return static_cast<std::int32_t>(days_from_civil(d) - kEpochDayOffset); }
CivilDate date_of_epoch_day(std::int32_t day) { return civil_from_days(static_cast<std::int64_t>(day) + kEpochDayOffset); }

Weekday weekday_of_epoch_day(std::int32_t day) {
  // 2020-01-01 was a Wednesday (index 2 with Monday = 0).
  const std::int64_t w = (static_cast<std::int64_t>(day) + 2) % 7;
  return static_cast<Weekday>(w < 0 ? w + 7 : w);
}
Weekday weekday(CivilDate d) { return weekday_of_epoch_day(epoch_day(d)); }

Minutes to_instant(CivilDate d, Minutes time_of_day, Minutes utc_offset) {
  const std::int64_t m = static_cast<std::int64_t>(epoch_day(d)) * kMinutesPerDay + time_of_day.value() -
                         utc_offset.value();
  if (m < std::numeric_limits<std::int32_t>::min() || m > std::numeric_limits<std::int32_t>::max())
    throw Error("instant " + format_date(d) + " is outside the 32-bit minute range around 2020");
  return Minutes(static_cast<std::int32_t>(m));
}

CivilTime to_civil(Minutes instant, Minutes utc_offset) {
  const std::int64_t local = static_cast<std::int64_t>(instant.value()) + utc_offset.value();
  const std::int64_t day = floor_div64(local, kMinutesPerDay);
  const std::int64_t minute_of_day = local - day * kMinutesPerDay;
  CivilTime t;
  t.date = civil_from_days(day + kEpochDayOffset);
  t.hour = static_cast<std::int32_t>(minute_of_day / 60);
  t.minute = static_cast<std::int32_t>(minute_of_day % 60);
  return t;
}

std::string format_date(CivilDate d) {
  std::string y = std::to_string(d.year < 0 ? -d.year : d.year);
  while (y.size() < 4) y.insert(y.begin(), '0');
  return (d.year < 0 ? "-" : "") + y + "-" + two(d.month) + "-" + two(d.day);
}

std::string format_iso8601(Minutes instant, Minutes utc_offset) {
  const CivilTime t = to_civil(instant, utc_offset);
  std::string s = format_date(t.date) + "T" + two(t.hour) + ":" + two(t.minute);
  const std::int32_t off = utc_offset.value();
  if (off == 0) return s + "Z";
  const std::int32_t a = off < 0 ? -off : off;
  return s + (off < 0 ? "-" : "+") + two(a / 60) + ":" + two(a % 60);
}

std::string format_duration(Minutes d) {
  std::int64_t v = d.value();
  std::string s;
  if (v < 0) {
    s.push_back('-');
    v = -v;
  }
  const std::int64_t days = v / kMinutesPerDay;
  const std::int64_t h = (v % kMinutesPerDay) / 60;
  const std::int64_t m = v % 60;
  const auto part = [&s](std::int64_t x, char unit) {
    s.append(std::to_string(x));
    s.push_back(unit);
  };
  if (days) part(days, 'd');
  if (h) part(h, 'h');
  if (m || (!days && !h)) part(m, 'm');
  return s;
}

std::string_view to_string(Weekday d) { return kWeekdayNames[static_cast<std::size_t>(d)]; }

std::optional<CivilDate> parse_date(std::string_view s, std::string* why) {
  const auto y = digits(s, 0, 4);
  const auto m = digits(s, 5, 2);
  const auto d = digits(s, 8, 2);
  if (s.size() != 10 || !y || !m || !d || s[4] != '-' || s[7] != '-') {
    say(why, "expected a date YYYY-MM-DD");
    return std::nullopt;
  }
  const CivilDate c{*y, *m, *d};
  if (!is_valid(c)) {
    say(why, "no such calendar day");
    return std::nullopt;
  }
  return c;
}

std::optional<Minutes> parse_utc_offset(std::string_view s, std::string* why) {
  if (s == "Z" || s == "z") return Minutes(0);
  if (s.size() < 5 || (s[0] != '+' && s[0] != '-')) {
    say(why, "expected a UTC offset Z, +HH:MM or -HH:MM");
    return std::nullopt;
  }
  const auto h = digits(s, 1, 2);
  const bool colon = s.size() == 6 && s[3] == ':';
  const auto m = digits(s, colon ? 4 : 3, 2);
  if (!h || !m || (s.size() != 6 && s.size() != 5) || (s.size() == 6 && !colon) || *h > 18 || *m > 59) {
    say(why, "expected a UTC offset Z, +HH:MM or -HH:MM (hours at most 18)");
    return std::nullopt;
  }
  const std::int32_t v = *h * 60 + *m;
  return Minutes(s[0] == '-' ? -v : v);
}

std::optional<Minutes> parse_time_of_day(std::string_view s, std::string* why) {
  const auto h = digits(s, 0, 2);
  const auto m = digits(s, 3, 2);
  if (s.size() != 5 || s[2] != ':' || !h || !m || *m > 59 || *h > 24 || (*h == 24 && *m != 0)) {
    say(why, "expected a time of day HH:MM");
    return std::nullopt;
  }
  return Minutes(*h * 60 + *m);
}

namespace {

// to_instant for a parser: an instant outside the 32-bit range is bad input, not a throw.
std::optional<Minutes> parsed_instant(CivilDate d, Minutes time_of_day, Minutes offset, std::string* why) {
  try {
    return to_instant(d, time_of_day, offset);
  } catch (const Error& e) {
    say(why, e.what());
    return std::nullopt;
  }
}

}  // namespace

std::optional<Minutes> parse_iso8601(std::string_view s, std::string* why) {
  const auto date = parse_date(s.substr(0, 10), why);
  if (!date) return std::nullopt;
  if (s.size() == 10) return parsed_instant(*date, Minutes(0), Minutes(0), why);
  if (s[10] != 'T' && s[10] != 't' && s[10] != ' ') {
    say(why, "expected 'T' after the date");
    return std::nullopt;
  }
  std::string_view rest = s.substr(11);
  const auto tod = parse_time_of_day(rest.substr(0, 5), why);
  if (!tod) return std::nullopt;
  if (*tod == Minutes(1440)) {
    say(why, "24:00 is not a valid time in an instant");
    return std::nullopt;
  }
  rest.remove_prefix(5);
  if (!rest.empty() && rest[0] == ':') {
    const auto sec = digits(rest, 1, 2);
    if (!sec) {
      say(why, "expected seconds after HH:MM:");
      return std::nullopt;
    }
    if (*sec != 0) {
      say(why, "seconds must be 00: timetables have whole-minute precision");
      return std::nullopt;
    }
    rest.remove_prefix(3);
  }
  Minutes offset(0);
  if (!rest.empty()) {
    const auto o = parse_utc_offset(rest, why);
    if (!o) return std::nullopt;
    offset = *o;
  }
  return parsed_instant(*date, *tod, offset, why);
}

std::optional<Minutes> parse_duration(std::string_view s, std::string* why) {
  const auto fail = [&]() -> std::optional<Minutes> {
    say(why, "expected a duration such as 1d2h30m, 36h, 90m or 0");
    return std::nullopt;
  };
  if (s == "0") return Minutes(0);
  if (s.empty()) return fail();
  double total = 0.0;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = i;
    while (j < s.size() && (std::isdigit(static_cast<unsigned char>(s[j])) || s[j] == '.')) ++j;
    if (j == i || j == s.size()) return fail();
    double v = 0.0;
    const auto [p, ec] = std::from_chars(s.data() + i, s.data() + j, v);
    if (ec != std::errc() || p != s.data() + j) return fail();
    switch (s[j]) {
      case 'd': total += v * 1440.0; break;
      case 'h': total += v * 60.0; break;
      case 'm': total += v; break;
      default: return fail();
    }
    i = j + 1;
  }
  if (total > static_cast<double>(std::numeric_limits<std::int32_t>::max())) return fail();
  return Minutes(static_cast<std::int32_t>(std::llround(total)));
}

std::optional<Weekday> parse_weekday(std::string_view s) {
  std::string low;
  for (char c : s) low += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::size_t i = 0; i < 7; ++i) {
    if (low == kWeekdayLong[i] || (low.size() == 3 && kWeekdayLong[i].substr(0, 3) == low))
      return static_cast<Weekday>(i);
  }
  return std::nullopt;
}

}  // namespace landbridge::timetable
