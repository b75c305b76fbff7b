#include "landbridge/timetable/time.h"

#include <gtest/gtest.h>

namespace landbridge::timetable {
namespace {

// Walks the calendar one day at a time from 1600-01-01 (a Saturday) to 2400-12-31 with the
// month lengths alone, and checks the closed-form conversions against the walk.
TEST(CivilTime, DaysFromCivilAgreesWithADayByDayWalk) {
  CivilDate d{1600, 1, 1};
  std::int64_t n = days_from_civil(d);
  int wd = static_cast<int>(Weekday::sat);
  while (d.year <= 2400) {
    ASSERT_EQ(days_from_civil(d), n) << format_date(d);
    ASSERT_EQ(civil_from_days(n), d) << n;
    ASSERT_EQ(static_cast<int>(weekday_of_epoch_day(static_cast<std::int32_t>(n - kEpochDayOffset))), wd)
        << format_date(d);
    ++n;
    wd = (wd + 1) % 7;
    if (++d.day > days_in_month(d.year, d.month)) {
      d.day = 1;
      if (++d.month > 12) {
        d.month = 1;
        ++d.year;
      }
    }
  }
}

TEST(CivilTime, KnownDays) {
  EXPECT_EQ(days_from_civil({1970, 1, 1}), 0);
  EXPECT_EQ(epoch_day({2020, 1, 1}), 0);
  EXPECT_EQ(weekday({2020, 1, 1}), Weekday::wed);
  EXPECT_EQ(weekday({2000, 1, 1}), Weekday::sat);
  EXPECT_EQ(weekday({2026, 12, 1}), Weekday::tue);
  EXPECT_EQ(weekday({2027, 1, 5}), Weekday::tue);
  EXPECT_TRUE(is_leap_year(2000));
  EXPECT_FALSE(is_leap_year(2100));
  EXPECT_FALSE(is_valid({2026, 2, 29}));
  EXPECT_TRUE(is_valid({2028, 2, 29}));
  // 2020-01-01 .. 2026-12-01 is 2526 days.
  EXPECT_EQ(to_instant({2026, 12, 1}).value(), 2526 * 1440);
}

TEST(CivilTime, InstantsWithOffsets) {
  const Instant t = to_instant({2026, 12, 1}, hours(10), hours(9));  // 10:00 JST
  EXPECT_EQ(format_iso8601(t), "2026-12-01T01:00Z");
  EXPECT_EQ(format_iso8601(t, hours(9)), "2026-12-01T10:00+09:00");
  EXPECT_EQ(format_iso8601(t, Minutes(-330)), "2026-11-30T19:30-05:30");
  const CivilTime c = to_civil(t, hours(9));
  EXPECT_EQ(c.date, (CivilDate{2026, 12, 1}));
  EXPECT_EQ(c.hour, 10);
  // Before the epoch: floor, not truncation.
  EXPECT_EQ(format_iso8601(Instant(-1)), "2019-12-31T23:59Z");
}

TEST(CivilTime, ParsesIso8601) {
  EXPECT_EQ(parse_iso8601("2026-12-01"), to_instant({2026, 12, 1}));
  EXPECT_EQ(parse_iso8601("2026-12-01T08:00"), to_instant({2026, 12, 1}, hours(8)));
  EXPECT_EQ(parse_iso8601("2026-12-01T08:00:00Z"), to_instant({2026, 12, 1}, hours(8)));
  EXPECT_EQ(parse_iso8601("2026-12-01T17:00+09:00"), to_instant({2026, 12, 1}, hours(8)));
  EXPECT_EQ(parse_iso8601("2026-12-01T02:30-05:30"), to_instant({2026, 12, 1}, hours(8)));
  std::string why;
  EXPECT_FALSE(parse_iso8601("2026-1-01", &why));
  EXPECT_NE(why.find("YYYY-MM-DD"), std::string::npos) << why;
  EXPECT_FALSE(parse_iso8601("2026-13-01", &why));
  EXPECT_EQ(why, "no such calendar day");
  EXPECT_FALSE(parse_iso8601("2026-02-30", &why));
  EXPECT_EQ(why, "no such calendar day");
  EXPECT_FALSE(parse_iso8601("2026-12-01T08:00:30Z", &why));
  EXPECT_NE(why.find("whole-minute"), std::string::npos);
  EXPECT_FALSE(parse_iso8601("2026-12-01T08:00+19:00", &why));
  EXPECT_FALSE(parse_iso8601("2026-12-01T25:00", &why));
  // Round trip over a range of instants and offsets.
  for (std::int32_t m = -3'000'000; m < 6'000'000; m += 7919)
    for (std::int32_t off : {0, 540, -330, 345})
      ASSERT_EQ(parse_iso8601(format_iso8601(Instant(m), Minutes(off))), Instant(m)) << m << " " << off;
}

TEST(CivilTime, Iso8601AcceptsTheSupportedDatesOnly) {
  EXPECT_EQ(parse_iso8601("1900-01-01"), to_instant({1900, 1, 1}));
  EXPECT_EQ(parse_iso8601("2199-12-31T23:59Z"), to_instant({2199, 12, 31}, Minutes(23 * 60 + 59)));
  EXPECT_EQ(to_instant({1900, 1, 1}).value(), kFirstInstant.value());
  EXPECT_EQ(to_instant({2199, 12, 31}, Minutes(23 * 60 + 59)).value(), kLastInstant.value());
  // Far dates are refused with a reason, not thrown at or overflowed: 9999 does not fit 32 bits.
  for (const char* text : {"1899-12-31", "2200-01-01", "6100-01-01", "9999-12-31T23:59Z", "0000-01-01"}) {
    std::string why;
    EXPECT_FALSE(parse_iso8601(text, &why)) << text;
    EXPECT_EQ(why, "outside the supported dates 1900-01-01 \u2026 2199-12-31") << text;
  }
  EXPECT_TRUE(is_supported({2199, 12, 31}));
  EXPECT_FALSE(is_supported({2200, 1, 1}));
  EXPECT_FALSE(is_supported({1899, 12, 31}));
}

// Found by fuzz/time.cpp: a date past the 32-bit minute range (about 6100) made the parser
// throw instead of saying no.
TEST(CivilTime, Iso8601PastTheSupportedDatesIsBadInputNotAThrow) {
  // Found by the fuzz target `time`: a date past the 32-bit minute range once threw. Dates
  // outside 1900..2199 are now a parse failure with the reason, whatever the offset.
  std::string why;
  EXPECT_EQ(parse_iso8601("8226-12-01", &why), std::nullopt);
  EXPECT_NE(why.find("outside the supported dates 1900-01-01"), std::string::npos) << why;
  why.clear();
  EXPECT_EQ(parse_iso8601("9999-12-31T23:59+05:00", &why), std::nullopt);
  EXPECT_NE(why.find("2199-12-31"), std::string::npos) << why;
  EXPECT_TRUE(parse_iso8601("2199-12-31T23:59-12:00"));  // the last supported day, any offset
  EXPECT_TRUE(parse_iso8601("1900-01-01T00:00+14:00"));
}

TEST(CivilTime, Durations) {
  EXPECT_EQ(parse_duration("1d2h30m"), Minutes(1440 + 150));
  EXPECT_EQ(parse_duration("36h"), Minutes(2160));
  EXPECT_EQ(parse_duration("2.5d"), Minutes(3600));
  EXPECT_EQ(parse_duration("0"), Minutes(0));
  EXPECT_FALSE(parse_duration("3"));
  EXPECT_FALSE(parse_duration("3x"));
  EXPECT_FALSE(parse_duration(""));
  EXPECT_EQ(format_duration(Minutes(1440 * 6 + 8 * 60)), "6d8h");
  EXPECT_EQ(format_duration(Minutes(45)), "45m");
  EXPECT_EQ(format_duration(Minutes(0)), "0m");
  EXPECT_EQ(format_duration(Minutes(-90)), "-1h30m");
  for (std::int32_t m = 0; m < 200'000; m += 37) ASSERT_EQ(parse_duration(format_duration(Minutes(m))), Minutes(m));
  EXPECT_EQ(parse_weekday("tue"), Weekday::tue);
  EXPECT_EQ(parse_weekday("Friday"), Weekday::fri);
  EXPECT_FALSE(parse_weekday("Fr"));
}

}  // namespace
}  // namespace landbridge::timetable
