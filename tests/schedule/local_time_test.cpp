// Local times of nodes from their IANA zones (system tz database), and user-typed instants.
#include <gtest/gtest.h>

#include <random>

#include "landbridge/schedule/local_time.h"
#include "landbridge/timetable/time.h"

namespace landbridge::schedule {
namespace {

using timetable::CivilDate;
using timetable::CivilTime;

// Nodes of these tests:
//   JPHKT  Asia/Tokyo      +09:00 all year (no daylight saving)
//   DEDUI  Europe/Berlin   +01:00 (CET) in winter, +02:00 (CEST) from the last Sunday of March
//                          01:00Z to the last Sunday of October 01:00Z
//   GBFXT  Europe/London   +00:00 in winter: a zone at UTC, still a zone
//   XXNOZ  (no zone)       shown in UTC
struct Places {
  Network net;
  NodeId tokyo, duisburg, london, none;
};

Places places() {
  Places p;
  NetworkBuilder nb;
  p.tokyo = nb.add_node({.code = "JPHKT", .name = "Hakata", .country = "JP", .timezone = "Asia/Tokyo"});
  p.duisburg = nb.add_node({.code = "DEDUI", .name = "Duisburg", .country = "DE", .timezone = "Europe/Berlin"});
  p.london = nb.add_node({.code = "GBFXT", .name = "Felixstowe", .country = "GB", .timezone = "Europe/London"});
  p.none = nb.add_node({.code = "XXNOZ", .name = "Nowhere", .country = "XX"});
  p.net = nb.build();
  return p;
}

Instant utc(int y, int m, int d, int hh = 0, int mm = 0) {
  return timetable::to_instant(CivilDate{y, m, d}, hours(hh) + Minutes(mm));
}

TEST(LocalClock, TokyoIsNineHoursAheadAllYear) {
  const Places p = places();
  const LocalClock clock(p.net);
  ASSERT_TRUE(clock.has_zone(p.tokyo));
  EXPECT_EQ(clock.zone(p.tokyo), "Asia/Tokyo");
  EXPECT_EQ(clock.format(p.tokyo, utc(2026, 12, 1, 8)), "2026-12-01T17:00+09:00");
  EXPECT_EQ(clock.format(p.tokyo, utc(2026, 7, 1, 20, 30)), "2026-07-02T05:30+09:00");
}

TEST(LocalClock, DuisburgIsCetInDecemberAndCestInJuly) {
  const Places p = places();
  const LocalClock clock(p.net);
  EXPECT_EQ(clock.format(p.duisburg, utc(2026, 12, 1, 12)), "2026-12-01T13:00+01:00");
  EXPECT_EQ(clock.format(p.duisburg, utc(2026, 7, 1, 12)), "2026-07-01T14:00+02:00");
  // The changes of 2026: Sunday 29 March and Sunday 25 October, 01:00 UTC.
  EXPECT_EQ(clock.offset(p.duisburg, utc(2026, 3, 29, 0, 59)), hours(1));
  EXPECT_EQ(clock.offset(p.duisburg, utc(2026, 3, 29, 1)), hours(2));
  EXPECT_EQ(clock.offset(p.duisburg, utc(2026, 10, 25, 0, 59)), hours(2));
  EXPECT_EQ(clock.offset(p.duisburg, utc(2026, 10, 25, 1)), hours(1));
  EXPECT_EQ(utc_offset("Europe/Berlin", utc(2026, 7, 1)), hours(2));
}

TEST(LocalClock, AZoneAtUtcSaysPlusZeroAndANodeWithoutZoneSaysZ) {
  const Places p = places();
  const LocalClock clock(p.net);
  EXPECT_EQ(clock.format(p.london, utc(2026, 12, 1, 8)), "2026-12-01T08:00+00:00");
  EXPECT_EQ(clock.format(p.london, utc(2026, 7, 1, 8)), "2026-07-01T09:00+01:00");
  EXPECT_FALSE(clock.has_zone(p.none));
  EXPECT_EQ(clock.zone(p.none), "");
  EXPECT_EQ(clock.format(p.none, utc(2026, 12, 1, 8)), "2026-12-01T08:00Z");
  EXPECT_EQ(clock.offset(p.none, utc(2026, 7, 1)), Minutes(0));
}

TEST(LocalClock, PlainLocalTimeIsTheNodesZoneAndAnOffsetIsTakenAsGiven) {
  const Places p = places();
  const LocalClock clock(p.net);
  // 08:00 in Hakata is 23:00 UTC the day before.
  EXPECT_EQ(clock.parse(p.tokyo, "2026-12-01T08:00"), utc(2026, 11, 30, 23));
  EXPECT_EQ(clock.parse(p.tokyo, "2026-12-01"), utc(2026, 11, 30, 15));  // a date alone: 00:00 local
  EXPECT_EQ(clock.parse(p.tokyo, "2026-12-01T08:00Z"), utc(2026, 12, 1, 8));
  EXPECT_EQ(clock.parse(p.tokyo, "2026-12-01T08:00+05:30"), utc(2026, 12, 1, 2, 30));
  EXPECT_EQ(clock.parse(p.tokyo, "2026-12-01T08:00:00-02:00"), utc(2026, 12, 1, 10));
  EXPECT_EQ(clock.parse(p.duisburg, "2026-12-01T08:00"), utc(2026, 12, 1, 7));
  EXPECT_EQ(clock.parse(p.duisburg, "2026-07-01T08:00"), utc(2026, 7, 1, 6));
  EXPECT_EQ(clock.parse(p.none, "2026-12-01T08:00"), utc(2026, 12, 1, 8));
  std::string why;
  EXPECT_FALSE(clock.parse(p.tokyo, "2026-12-01T25:00", &why));
  EXPECT_FALSE(why.empty());
  EXPECT_FALSE(has_zone_designator("2026-12-01"));
  EXPECT_FALSE(has_zone_designator("2026-12-01T08:00"));
  EXPECT_FALSE(has_zone_designator("2026-12-01T08:00:00"));
  EXPECT_TRUE(has_zone_designator("2026-12-01T08:00Z"));
  EXPECT_TRUE(has_zone_designator("2026-12-01T08:00-0530"));
}

TEST(LocalClock, DaylightSavingGapIsAnErrorAndARepeatedHourTakesTheEarlierInstant) {
  const Places p = places();
  const LocalClock clock(p.net);
  std::string why;
  // 29 March 2026: Berlin clocks go from 02:00 to 03:00; 02:30 does not exist.
  EXPECT_FALSE(clock.from_local(p.duisburg, CivilTime{{2026, 3, 29}, 2, 30}, &why));
  EXPECT_NE(why.find("does not exist in Europe/Berlin"), std::string::npos) << why;
  EXPECT_EQ(clock.from_local(p.duisburg, CivilTime{{2026, 3, 29}, 3, 0}), utc(2026, 3, 29, 1));
  // 25 October 2026: 02:30 happens twice (00:30Z in CEST, 01:30Z in CET): the first.
  EXPECT_EQ(clock.from_local(p.duisburg, CivilTime{{2026, 10, 25}, 2, 30}), utc(2026, 10, 25, 0, 30));
}

TEST(LocalClock, UnknownZoneNamesTheNode) {
  EXPECT_TRUE(is_known_zone("Asia/Almaty"));
  EXPECT_TRUE(is_known_zone("UTC"));
  EXPECT_FALSE(is_known_zone("Mars/Olympus_Mons"));
  EXPECT_FALSE(is_known_zone(""));
  EXPECT_THROW(utc_offset("Mars/Olympus_Mons", utc(2026, 1, 1)), Error);
  NetworkBuilder nb;
  nb.add_node({.code = "XXMAR", .name = "Mars", .country = "XX", .timezone = "Mars/Olympus_Mons"});
  const Network net = nb.build();
  try {
    const LocalClock clock(net);
    FAIL() << "an unknown zone was accepted";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("XXMAR"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("Mars/Olympus_Mons"), std::string::npos) << e.what();
  }
}

// Slow and obvious: the EU rule (since 1996) written out. Summer time from the last Sunday of
// March 01:00 UTC to the last Sunday of October 01:00 UTC, +1 h on top of CET.
Instant last_sunday_0100(int year, int month) {
  CivilDate d{year, month, timetable::days_in_month(year, month)};
  while (timetable::weekday(d) != timetable::Weekday::sun) --d.day;
  return timetable::to_instant(d, hours(1));
}
Minutes berlin_by_rule(Instant t) {
  const int year = timetable::to_civil(t).date.year;
  return t >= last_sunday_0100(year, 3) && t < last_sunday_0100(year, 10) ? hours(2) : hours(1);
}

TEST(LocalClock, BerlinMatchesTheEuRuleAndTextRoundTrips) {
  const Places p = places();
  const LocalClock clock(p.net);
  std::mt19937 rng(3);
  const Instant from = utc(2021, 1, 1), to = utc(2031, 1, 1);
  for (int i = 0; i < 4000; ++i) {
    const Instant t = from + Minutes(static_cast<std::int32_t>(rng() % static_cast<std::uint32_t>((to - from).value())));
    ASSERT_EQ(clock.offset(p.duisburg, t), berlin_by_rule(t)) << timetable::format_iso8601(t);
    for (NodeId n : {p.tokyo, p.duisburg, p.london, p.none}) {
      const std::string text = clock.format(n, t);
      ASSERT_EQ(timetable::parse_iso8601(text), t) << text;
      // Local wall-clock time back to the instant: exact except in the repeated hour, where
      // the earlier instant is chosen.
      const auto back = clock.from_local(n, timetable::to_civil(t, clock.offset(n, t)));
      ASSERT_TRUE(back.has_value()) << text;
      if (*back != t) {
        EXPECT_EQ(*back, t - hours(1)) << text;
        EXPECT_EQ(clock.offset(n, *back), clock.offset(n, t) + hours(1)) << text;
      }
    }
  }
}

}  // namespace
}  // namespace landbridge::schedule
