// Golden journeys on small timetables written as text. Each expected output was worked out
// by hand from the timetable above it (the comments show the reasoning).
#include <gtest/gtest.h>

#include "landbridge/timetable/mc_raptor.h"
#include "landbridge/timetable/raptor.h"
#include "landbridge/timetable/text_format.h"

namespace landbridge::timetable {
namespace {

struct Fixture {
  TimetableText text;
  Timetable tt;
  explicit Fixture(const std::string& src) : text(parse_timetable_text(src)), tt(Timetable::build(text.spec)) {}
  NodeId stop(const std::string& name) const { return *tt.find_stop(name); }
  Query query(const std::string& from, const std::string& to, const std::string& ready, Cargo cargo = {}) const {
    Query q;
    q.origin = stop(from);
    q.target = stop(to);
    q.ready = *parse_iso8601(ready);
    q.cargo = cargo;
    return q;
  }
  // Earliest-arrival journey, printed.
  std::string earliest(const Query& q) const {
    Raptor r(tt);
    r.run(q);
    const auto j = r.journey_to(q.target);
    return j ? format_journey(tt, *j) : "unreachable\n";
  }
};

// A train that reaches the port on Wednesday, a ferry that leaves on Tuesdays.
constexpr const char* kTuesdayFerry = R"(
horizon 2026-11-30 30d
factor rail 20
factor sea 8
service TRAIN rail:1520 days=Tue at=08:00 feu=150 factor=rail
  KZDOS
  KZAKT arr=1d km=500
service FERRY ferry days=Tue at=12:00 feu=300 factor=sea
  KZAKT
  AZALT arr=20h km=300
)";

TEST(Golden, TuesdayFerryMeansASixDayWait) {
  Fixture f(kTuesdayFerry);
  // Tue 1 Dec 08:00 train, in Aktau Wed 2 Dec 08:00; next ferry Tue 8 Dec 12:00 (6d4h later).
  // CO2e for one FEU (20 t): 20 × 500 × 20 = 200 kg by rail, 20 × 300 × 8 = 48 kg by sea.
  EXPECT_EQ(f.earliest(f.query("KZDOS", "AZALT", "2026-12-01T00:00Z")),
            "ready   KZDOS 2026-12-01T00:00Z\n"
            "wait    KZDOS 8h until 2026-12-01T08:00Z\n"
            "ride    TRAIN KZDOS 2026-12-01T08:00Z -> KZAKT 2026-12-02T08:00Z 1d 150.00 USD 200.000kg\n"
            "wait    KZAKT 6d4h until 2026-12-08T12:00Z\n"
            "ride    FERRY KZAKT 2026-12-08T12:00Z -> AZALT 2026-12-09T08:00Z 20h 300.00 USD 48.000kg\n"
            "deliver AZALT 2026-12-09T08:00Z after 8d8h 450.00 USD 248.000kg 2 trips 0 lifts\n");
}

// Hakata to Duisburg: feeder, Chinese block train, gauge change at Khorgos, Kazakh train,
// a Caspian ferry that sails when full, Baku–Tbilisi–Kars rail to Poti, a Black Sea ferry,
// and European rail, then a truck. Handling everywhere except at the start and the end.
constexpr const char* kHakataDuisburg = R"(
horizon 2026-11-25 90d
factor feeder 16
factor rail_cn 18
factor rail_kz 22
factor ferry 30
factor road 62
transfer * * * 12h teu=60 feu=90 co2=0.5 lift
transfer * start * 0
transfer * * end 0
transfer KZKHO rail:1435 rail:1520 1d teu=150 feu=250 co2=1 lift
service FEEDER feeder days=Tue,Fri at=10:00+09:00 cutoff=1d teu=300 feu=450 cap=400 factor=feeder
  JPHKT
  CNLYG arr=2d km=1000
service BLOCK rail:1435 days=Tue,Fri at=06:00 cutoff=6h teu=1500 feu=2200 cap=100 factor=rail_cn
  CNLYG
  CNXIA arr=1d dep=1d2h km=1100
  KZKHO arr=6d km=2200
service KZTRAIN rail:1520 every=10d anchor=2026-12-01 cutoff=4h teu=900 feu=1300 factor=rail_kz
  KZKHO
  KZAKT arr=5d km=2600
service CASPIAN ferry full=5d12h headway=uniform:3d..8d anchor=2026-12-01 at=06:00 cutoff=12h teu=700 feu=1100 cap=50 factor=ferry
  KZAKT
  AZALT arr=1d km=450
service BTK rail:1520 days=Mon,Thu at=08:00 skip=2026-12-31 cutoff=6h teu=600 feu=900 factor=rail_kz
  AZALT
  GEPTI arr=2d km=750
service BLACKSEA ferry days=Sat at=18:00 cutoff=12h teu=500 feu=800 factor=ferry
  GEPTI
  ROCND arr=3d km=1200
service EUROPE rail:1435 days=Wed,Sat at=10:00 cutoff=6h teu=900 feu=1300 factor=rail_cn
  ROCND
  DEDUI arr=4d km=2000
link TRUCK DEDUI DEDUS road 3h teu=300 feu=400 km=60 factor=road
)";

TEST(Golden, HakataToDuisburgFiftyDaysAcrossTheYearBoundary) {
  Fixture f(kHakataDuisburg);
  // Ready Tue 1 Dec 00:00Z. The Tuesday feeder (10:00 JST = 01:00Z) closed its cut-off a day
  // before, so the Friday one; Lianyungang Sun 6 Dec 01:00, handled by 13:00; the Tuesday
  // block train 8 Dec (cut-off 00:00); Khorgos Mon 14 Dec 06:00; gauge change 1 day; the
  // 10-day Kazakh train of 21 Dec (cut-off 20 Dec 20:00); Aktau 26 Dec, handled by 12:00; the
  // ferry every 5.5 days from 1 Dec 06:00 sails 28 Dec 18:00 (cut-off 06:00); Alat 29 Dec
  // 18:00, handled 30 Dec 06:00; BTK is cancelled on Thu 31 Dec, so Mon 4 Jan 2027; Poti
  // 6 Jan 08:00, handled 20:00; the Saturday ferry of 9 Jan; Constanta 12 Jan 18:00, handled
  // 13 Jan 06:00, too late for Wednesday's train (cut-off 04:00), so Saturday 16 Jan;
  // Duisburg 20 Jan 10:00; truck to Düsseldorf after 12h handling.
  // Emissions (20 t): feeder 320, block 396 + 792, KZ 1144, ferry 270, BTK 330, Black Sea
  // 720, Europe 720, truck 74.4 kg; hubs 10 kg per lift, 20 kg for the gauge change.
  EXPECT_EQ(f.earliest(f.query("JPHKT", "DEDUS", "2026-12-01T00:00Z")),
            "ready   JPHKT 2026-12-01T00:00Z\n"
            "wait    JPHKT 3d1h until 2026-12-04T01:00Z (cut-off 1d)\n"
            "ride    FEEDER JPHKT 2026-12-04T01:00Z -> CNLYG 2026-12-06T01:00Z 2d 450.00 USD 320.000kg\n"
            "handle  CNLYG feeder->rail:1435 12h 90.00 USD 10.000kg lift\n"
            "wait    CNLYG 1d17h until 2026-12-08T06:00Z (cut-off 6h)\n"
            "ride    BLOCK CNLYG 2026-12-08T06:00Z -> KZKHO 2026-12-14T06:00Z 6d 2,200.00 USD 1188.000kg\n"
            "handle  KZKHO rail:1435->rail:1520 1d 250.00 USD 20.000kg lift\n"
            "wait    KZKHO 5d18h until 2026-12-21T00:00Z (cut-off 4h)\n"
            "ride    KZTRAIN KZKHO 2026-12-21T00:00Z -> KZAKT 2026-12-26T00:00Z 5d 1,300.00 USD 1144.000kg\n"
            "handle  KZAKT rail:1520->ferry 12h 90.00 USD 10.000kg lift\n"
            "wait    KZAKT 2d6h until 2026-12-28T18:00Z (cut-off 12h)\n"
            "ride    CASPIAN KZAKT 2026-12-28T18:00Z -> AZALT 2026-12-29T18:00Z 1d 1,100.00 USD 270.000kg\n"
            "handle  AZALT ferry->rail:1520 12h 90.00 USD 10.000kg lift\n"
            "wait    AZALT 5d2h until 2027-01-04T08:00Z (cut-off 6h)\n"
            "ride    BTK AZALT 2027-01-04T08:00Z -> GEPTI 2027-01-06T08:00Z 2d 900.00 USD 330.000kg\n"
            "handle  GEPTI rail:1520->ferry 12h 90.00 USD 10.000kg lift\n"
            "wait    GEPTI 2d22h until 2027-01-09T18:00Z (cut-off 12h)\n"
            "ride    BLACKSEA GEPTI 2027-01-09T18:00Z -> ROCND 2027-01-12T18:00Z 3d 800.00 USD 720.000kg\n"
            "handle  ROCND ferry->rail:1435 12h 90.00 USD 10.000kg lift\n"
            "wait    ROCND 3d4h until 2027-01-16T10:00Z (cut-off 6h)\n"
            "ride    EUROPE ROCND 2027-01-16T10:00Z -> DEDUI 2027-01-20T10:00Z 4d 1,300.00 USD 720.000kg\n"
            "handle  DEDUI rail:1435->road 12h 90.00 USD 10.000kg lift\n"
            "link    TRUCK DEDUI 2027-01-20T22:00Z -> DEDUS 2027-01-21T01:00Z 3h 400.00 USD 74.400kg\n"
            "deliver DEDUS 2027-01-21T01:00Z after 51d1h 9,240.00 USD 4846.400kg 7 trips 7 lifts\n");
}

TEST(Golden, MissedCutoffTakesTheNextDeparture) {
  Fixture f(kHakataDuisburg);
  // The Friday feeder (4 Dec 01:00Z) closes at 3 Dec 01:00Z: ready at 00:59 makes it, at
  // 01:01 the box waits for Tuesday 8 Dec.
  Raptor r(f.tt);
  r.run(f.query("JPHKT", "CNLYG", "2026-12-03T00:59Z"));
  EXPECT_EQ(format_iso8601(r.delivered(f.stop("CNLYG"))), "2026-12-06T01:00Z");
  r.run(f.query("JPHKT", "CNLYG", "2026-12-03T01:00Z"));
  EXPECT_EQ(format_iso8601(r.delivered(f.stop("CNLYG"))), "2026-12-06T01:00Z");
  r.run(f.query("JPHKT", "CNLYG", "2026-12-03T01:01Z"));
  EXPECT_EQ(format_iso8601(r.delivered(f.stop("CNLYG"))), "2026-12-10T01:00Z");
}

TEST(Golden, CapacityPerDepartureIsRespected) {
  Fixture f(kHakataDuisburg);
  // The Caspian ferry takes 50 TEU per sailing: 25 FEU fit, 26 do not (and nothing else
  // crosses), so Alat becomes unreachable.
  Raptor r(f.tt);
  Cargo fits{.teu = 0, .feu = 25};
  Cargo too_big{.teu = 0, .feu = 26};
  r.run(f.query("KZAKT", "AZALT", "2026-12-20T00:00Z", fits));
  EXPECT_EQ(format_iso8601(r.delivered(f.stop("AZALT"))), "2026-12-24T06:00Z");
  r.run(f.query("KZAKT", "AZALT", "2026-12-20T00:00Z", too_big));
  EXPECT_EQ(r.delivered(f.stop("AZALT")), Instant::max());
}

// Two gauges meet at Khorgos (no gauge-change facility in this timetable) and at Dostyk.
constexpr const char* kTwoBorders = R"(
horizon 2026-11-30 40d
factor rail 20
transfer * * * 6h lift
transfer * start * 0
transfer * * end 0
forbid KZKHO rail:1435 rail:1520
service CN-KHO rail:1435 days=daily at=00:00 feu=1000 factor=rail
  CNXIA
  KZKHO arr=2d km=1300
service CN-DOS rail:1435 days=daily at=00:00 feu=1100 factor=rail
  CNXIA
  KZDOS arr=3d km=1500
service KHO-ALA rail:1520 days=daily at=12:00 feu=400 factor=rail
  KZKHO
  KZALA arr=1d km=380
service DOS-ALA rail:1520 days=daily at=12:00 feu=500 factor=rail
  KZDOS
  KZALA arr=2d km=850
)";

TEST(Golden, ForbiddenGaugeChangeRoutesViaTheOtherBorder) {
  Fixture f(kTwoBorders);
  // Via Khorgos would arrive 4 Dec 12:00, but the gauge change is forbidden there; via
  // Dostyk: arrive 4 Dec 00:00, change gauge by 06:00, train at 12:00, Almaty 6 Dec 12:00.
  const std::string j = f.earliest(f.query("CNXIA", "KZALA", "2026-12-01T00:00Z"));
  EXPECT_NE(j.find("ride    CN-DOS CNXIA 2026-12-01T00:00Z -> KZDOS 2026-12-04T00:00Z"), std::string::npos) << j;
  EXPECT_NE(j.find("deliver KZALA 2026-12-06T12:00Z"), std::string::npos) << j;
  EXPECT_EQ(j.find("KZKHO"), std::string::npos) << j;
}

// Sea or rail from Shanghai to Rotterdam, and a truck leg at the end.
constexpr const char* kSeaOrRail = R"(
horizon 2026-11-30 90d
factor sea 8
factor rail 18
factor road 62
transfer * * * 1d teu=100 feu=150 co2=0.5 lift
transfer * start * 0
transfer * * end 0
service SEA deep_sea days=Mon at=00:00 cutoff=2d teu=900 feu=1400 factor=sea
  CNSHA
  NLRTM arr=35d km=19500
service RAIL rail:1435 days=Wed at=00:00 cutoff=1d teu=3500 feu=5600 factor=rail
  CNSHA
  DEDUI arr=18d km=10500
link ROAD DEDUI NLRTM road 5h teu=500 feu=700 km=230 factor=road
link BARGE-ROAD NLRTM DEDUI road 5h teu=500 feu=700 km=230 factor=road
)";

TEST(Golden, ParetoSetSeaVersusRail) {
  Fixture f(kSeaOrRail);
  McRaptor mc(f.tt);
  const auto js = mc.run(f.query("CNSHA", "NLRTM", "2026-12-01T00:00Z"));
  std::string out;
  for (const Journey& j : js) out += summarize(f.tt, j) + "\n";
  // Rail: Wed 2 Dec (cut-off 1 Dec 00:00 is just made), Duisburg 20 Dec, handling 1 day,
  // truck 5 h: 21 Dec 05:00; $5600 + $150 + $700; 20 × 10500 × 18 = 3780 kg + 10 kg hub +
  // 20 × 230 × 62 = 285.2 kg. Sea: Monday 7 Dec (cut-off 5 Dec), Rotterdam 11 Jan 2027;
  // $1400; 20 × 19500 × 8 = 3120 kg. Neither dominates the other.
  EXPECT_EQ(out,
            "ready CNSHA 2026-12-01T00:00Z, arrive NLRTM 2026-12-21T05:00Z, 20d5h, 6,450.00 USD, 4075.200kg CO2e, 1 trip\n"
            "ready CNSHA 2026-12-01T00:00Z, arrive NLRTM 2027-01-11T00:00Z, 41d, 1,400.00 USD, 3120.000kg CO2e, 1 trip\n");
}

TEST(Golden, WhichDayShouldIShip) {
  Fixture f(kHakataDuisburg);
  // Window Mon 30 Nov – Mon 7 Dec, to Khorgos. Departure candidates are the feeder cut-offs:
  // drop by Mon 30 Nov 01:00 for the Tuesday feeder (Lianyungang Thu 3 Dec, block train
  // Fri 4 Dec, Khorgos 10 Dec); by Thu 3 Dec 01:00 for Friday's (train Tue 8 Dec, Khorgos
  // 14 Dec). A box ready at the window's end catches the feeder of Tue 8 Dec (cut-off 7 Dec
  // 01:00, just after the window, so shown at its end) and the train of Fri 11 Dec. So:
  // leaving Thursday instead of Monday costs four days.
  Raptor r(f.tt);
  Query q = f.query("JPHKT", "KZKHO", "2026-11-30T00:00Z");
  const auto profile = r.range(q, *parse_iso8601("2026-12-07T00:00Z"));
  std::string out;
  for (const Journey& j : profile)
    out += "drop by " + format_iso8601(j.departure) + " arrive " + format_iso8601(j.arrival) + " " +
           std::to_string(j.trips) + " trips\n";
  EXPECT_EQ(out,
            "drop by 2026-11-30T01:00Z arrive 2026-12-10T06:00Z 2 trips\n"
            "drop by 2026-12-03T01:00Z arrive 2026-12-14T06:00Z 2 trips\n"
            "drop by 2026-12-07T00:00Z arrive 2026-12-17T06:00Z 2 trips\n");
  // The same question with cost and emissions: the same three journeys (equal tariffs).
  McRaptor mc(f.tt);
  const auto mprofile = mc.range(q, *parse_iso8601("2026-12-07T00:00Z"));
  ASSERT_EQ(mprofile.size(), profile.size());
  for (std::size_t i = 0; i < profile.size(); ++i) {
    EXPECT_EQ(mprofile[i].departure, profile[i].departure);
    EXPECT_EQ(mprofile[i].arrival, profile[i].arrival);
    EXPECT_EQ(mprofile[i].cost, usd(450 + 90 + 2200));
  }
}

TEST(Golden, ArriveBy) {
  Fixture f(kHakataDuisburg);
  // To be at Khorgos by 20 Dec the box must be in Hakata by 7 Dec 01:00Z (the cut-off of the
  // 8 Dec feeder, then the train of 11 Dec, Khorgos 17 Dec); a minute later it waits for the
  // 11 Dec feeder and the train of 15 Dec, Khorgos 21 Dec.
  Raptor r(f.tt);
  const auto j = r.latest_departure(f.query("JPHKT", "KZKHO", "2026-11-25T00:00Z"), *parse_iso8601("2026-12-20T00:00Z"));
  ASSERT_TRUE(j);
  EXPECT_EQ(format_iso8601(j->ready), "2026-12-07T01:00Z");
  EXPECT_EQ(format_iso8601(j->arrival), "2026-12-17T06:00Z");
  EXPECT_FALSE(r.latest_departure(f.query("JPHKT", "KZKHO", "2026-12-10T00:00Z"), *parse_iso8601("2026-12-20T00:00Z")));
}

TEST(Golden, RoutesGroupTripsAndSplitOvertakers) {
  // Three services with the same stops and tariff. FAST1 and SLOW never overtake each other
  // and share a route; FAST2 (06:00, 10 h) overtakes SLOW (01:00, 20 h): a second route.
  Fixture f(R"(
horizon 2026-12-01 7d
service FAST1 rail days=daily at=00:00
  A
  B arr=10h
service FAST2 rail days=daily at=06:00
  A
  B arr=10h
service SLOW rail days=daily at=01:00
  A
  B arr=20h
)");
  ASSERT_EQ(f.tt.route_count(), 2u);
  EXPECT_EQ(f.tt.trip_count(), 21u);
  for (std::uint32_t r = 0; r < 2; ++r) {
    const RouteId route(r);
    for (std::uint32_t j = 1; j < f.tt.route_trip_count(route); ++j) {
      EXPECT_LE(f.tt.departure(route, j - 1, 0), f.tt.departure(route, j, 0));
      EXPECT_LE(f.tt.arrival(route, j - 1, 1), f.tt.arrival(route, j, 1));
    }
  }
  EXPECT_EQ(f.tt.route_trip_count(RouteId(0)) + f.tt.route_trip_count(RouteId(1)), 21u);
}

}  // namespace
}  // namespace landbridge::timetable
