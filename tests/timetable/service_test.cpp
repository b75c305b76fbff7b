#include "landbridge/timetable/service.h"

#include <gtest/gtest.h>

#include "landbridge/timetable/text_format.h"

namespace landbridge::timetable {
namespace {

// Start instants of the first service of `text` whose trips depart in [from, from + len),
// printed in UTC, one per line.
std::string starts_of(const std::string& text, const std::string& from, const std::string& len) {
  const TimetableText t = parse_timetable_text(text);
  std::vector<Instant> out;
  const Instant a = *parse_iso8601(from);
  service_starts(t.spec.services.at(0), a, a + *parse_duration(len), out);
  std::string s;
  for (Instant m : out) s += format_iso8601(m) + " " + std::string(to_string(weekday(to_civil(m).date))) + "\n";
  return s;
}

TEST(ServiceStarts, WeeklyInLocalTime) {
  // Tuesdays and Fridays 10:00 in Japan (UTC+9) are Tuesdays and Fridays 01:00 UTC.
  EXPECT_EQ(starts_of(R"(
service F1 feeder days=Tue,Fri at=10:00+09:00
  JPHKT
  KRPUS arr=14h
)",
                      "2026-12-01", "14d"),
            "2026-12-01T01:00Z Tue\n"
            "2026-12-04T01:00Z Fri\n"
            "2026-12-08T01:00Z Tue\n"
            "2026-12-11T01:00Z Fri\n");
  // Tuesday 02:00 in Japan is Monday 17:00 UTC.
  EXPECT_EQ(starts_of(R"(
service F2 feeder days=Tue at=02:00+09:00
  JPHKT
  KRPUS arr=14h
)",
                      "2026-12-01", "14d"),
            "2026-12-07T17:00Z Mon\n"
            "2026-12-14T17:00Z Mon\n");
}

TEST(ServiceStarts, TripsThatStartedBeforeTheHorizonButStillCallInIt) {
  // A weekly Friday ship calling again 5 days later: the 27 November trip departs its second
  // call on 2 December, inside the horizon, so it is kept.
  EXPECT_EQ(starts_of(R"(
service S1 deep_sea days=Fri at=06:00
  CNSHA
  SGSIN arr=4d dep=5d
  NLRTM arr=30d
)",
                      "2026-12-01", "7d"),
            "2026-11-27T06:00Z Fri\n"
            "2026-12-04T06:00Z Fri\n");
}

TEST(ServiceStarts, EveryNDaysAndSailsWhenFull) {
  EXPECT_EQ(starts_of(R"(
service T1 rail:1520 every=10d anchor=2026-11-25 at=12:00
  KZDOS
  KZAKT arr=3d
)",
                      "2026-12-01", "31d"),
            "2026-12-05T12:00Z Sat\n"
            "2026-12-15T12:00Z Tue\n"
            "2026-12-25T12:00Z Fri\n");
  // A Caspian ferry that sails when full, stated headway uniform 3–8 days, mean 5.5 days:
  // routing assumes a sailing every 5.5 days from the anchor.
  EXPECT_EQ(starts_of(R"(
service C1 ferry full=5d12h headway=uniform:3d..8d anchor=2026-11-28 at=06:00
  KZAKT
  AZBAK arr=20h
)",
                      "2026-12-01", "16d"),
            "2026-12-03T18:00Z Thu\n"
            "2026-12-09T06:00Z Wed\n"
            "2026-12-14T18:00Z Mon\n");
}

TEST(ServiceStarts, ValidityAndExceptionDates) {
  // Tuesdays until 20 December, not on the 8th, plus an extra run on Thursday the 10th.
  EXPECT_EQ(starts_of(R"(
service F3 feeder days=Tue to=2026-12-20 skip=2026-12-08 add=2026-12-10 at=09:00
  JPHKT
  KRPUS arr=14h
)",
                      "2026-11-30", "30d"),
            "2026-12-01T09:00Z Tue\n"
            "2026-12-10T09:00Z Thu\n"
            "2026-12-15T09:00Z Tue\n");
}

TEST(ServiceStarts, AcrossTheYearBoundary) {
  EXPECT_EQ(starts_of(R"(
service B1 rail:1435 days=Wed at=23:30
  CNXIA
  KZKHO arr=2d
)",
                      "2026-12-28", "14d"),
            "2026-12-30T23:30Z Wed\n"
            "2027-01-06T23:30Z Wed\n");
}

TEST(ServiceValidation, NamesServiceCallAndField) {
  Service s;
  s.id = "BAD";
  s.calls = {{NodeId(0), Minutes(0), Minutes(0), Kilometres(0.0)},
             {NodeId(1), Minutes(60), Minutes(30), Kilometres(10.0)},  // departs before it arrives
             {NodeId(7), Minutes(30), Minutes(30), Kilometres(-1.0)}};  // unknown stop, back in time, bad km
  s.pattern.kind = PatternKind::weekly;  // no weekdays
  s.cutoff = Minutes(-5);
  Diagnostics d;
  validate(s, 3, d);
  std::string all;
  for (const Diagnostic& x : d.list()) all += x.to_string() + "\n";
  EXPECT_NE(all.find("service 'BAD' call 1 departure"), std::string::npos) << all;
  EXPECT_NE(all.find("service 'BAD' call 2 stop"), std::string::npos) << all;
  EXPECT_NE(all.find("service 'BAD' call 2 arrival"), std::string::npos) << all;
  EXPECT_NE(all.find("service 'BAD' call 2 distance"), std::string::npos) << all;
  EXPECT_NE(all.find("service 'BAD' days"), std::string::npos) << all;
  EXPECT_NE(all.find("service 'BAD' cutoff"), std::string::npos) << all;
  EXPECT_EQ(d.size(), 6u) << all;
}

TEST(TextFormat, ReportsEveryProblemWithItsLine) {
  try {
    parse_timetable_text(R"(horizon 2026-12-01 30d
factor sea 8
service F1 feeder days=Tue,Frx cutoff=1x factor=air
  JPHKT
  KRPUS
link R1 A B bike 2h
transfer * rail rail:9999 1h
)",
                         "tiny.tt");
    FAIL() << "expected a LoadError";
  } catch (const LoadError& e) {
    std::string all;
    for (const Diagnostic& x : e.diagnostics()) all += x.to_string() + "\n";
    EXPECT_NE(all.find("tiny.tt:3"), std::string::npos) << all;   // weekday Frx, cutoff, factor
    EXPECT_NE(all.find("'Frx'"), std::string::npos) << all;
    EXPECT_NE(all.find("'1x'"), std::string::npos) << all;
    EXPECT_NE(all.find("'air'"), std::string::npos) << all;
    EXPECT_NE(all.find("tiny.tt:5"), std::string::npos) << all;   // second call without arr=
    EXPECT_NE(all.find("tiny.tt:6"), std::string::npos) << all;   // carriage bike
    EXPECT_NE(all.find("tiny.tt:7"), std::string::npos) << all;   // gauge 9999
  }
}

TEST(ServiceValidity, SpansTheFirstAndLastStartDaysAndIsOpenWhereAServiceIs) {
  Service a, b;
  a.valid_from = CivilDate{2026, 3, 1};
  a.valid_to = CivilDate{2026, 6, 30};
  b.valid_from = CivilDate{2026, 1, 1};
  b.valid_to = CivilDate{2026, 5, 31};
  b.added = {CivilDate{2026, 7, 4}};  // an extra start day beyond its validity
  std::vector<Service> both{a, b};
  ValidityRange v = validity(both);
  EXPECT_EQ(v.first, (CivilDate{2026, 1, 1}));
  EXPECT_EQ(v.last, (CivilDate{2026, 7, 4}));
  both[0].valid_to.reset();  // runs until further notice
  v = validity(both);
  EXPECT_EQ(v.first, (CivilDate{2026, 1, 1}));
  EXPECT_FALSE(v.last.has_value());
  EXPECT_FALSE(validity(std::vector<Service>{}).first.has_value());
}

}  // namespace
}  // namespace landbridge::timetable
