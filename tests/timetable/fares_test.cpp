// Fares per ridden segment of a multi-call service (service.h: call_fares).
#include <gtest/gtest.h>

#include <string>

#include "landbridge/core/error.h"
#include "landbridge/timetable/mc_raptor.h"
#include "landbridge/timetable/raptor.h"
#include "landbridge/timetable/text_format.h"
#include "landbridge/timetable/time_expanded.h"

namespace landbridge::timetable {
namespace {

// Lianyungang – Altynkol (Khorgos) – Almaty – Tashkent as one service: 4,000 + 350 + 850 km.
constexpr const char* kLianyungangTashkent = R"(
horizon 2026-11-30 30d
factor rail 20
service LYG-TAS rail:1435 days=Tue at=08:00 teu=5200 feu=5200 factor=rail
  CNLYG
  CNKHG arr=5d dep=5d6h km=4000
  KZALA arr=6d dep=6d4h km=350
  UZTAS arr=7d12h km=850
)";

struct Fixture {
  TimetableText text = parse_timetable_text(kLianyungangTashkent);
  Query query(const Timetable& tt, const std::string& from, const std::string& to) const {
    Query q;
    q.origin = *tt.find_stop(from);
    q.target = *tt.find_stop(to);
    q.ready = *parse_iso8601("2026-12-01T00:00Z");
    q.cargo = Cargo{.teu = 1, .feu = 0};
    return q;
  }
};

TEST(Fares, WithoutStatedFaresTheServicePriceIsSharedByDistance) {
  Fixture f;
  const Service& s = f.text.spec.services.front();
  const auto fares = call_fares(s, false);
  ASSERT_EQ(fares.size(), 4u);
  EXPECT_EQ(fares[0], usd(0));
  EXPECT_EQ(fares[1], usd(5200.0 * 4000 / 5200));  // 4,000 of 5,200 km
  EXPECT_EQ(fares[2], usd(5200.0 * 4350 / 5200));
  EXPECT_EQ(fares[3], usd(5200));  // the whole run pays the service's price
}

TEST(Fares, LianyungangToAlmatyPaysItsSegmentsNotTheWholeRun) {
  Fixture f;
  const Timetable tt = Timetable::build(f.text.spec);
  Raptor ea(tt);
  ea.run(f.query(tt, "CNLYG", "KZALA"));
  const auto to_almaty = ea.journey_to(*tt.find_stop("KZALA"));
  ASSERT_TRUE(to_almaty);
  EXPECT_EQ(to_almaty->cost, usd(4350));  // 5,200 × 4,350 / 5,200 km
  EXPECT_LT(to_almaty->cost, usd(5200));

  McRaptor mc(tt);
  const auto pareto = mc.run(f.query(tt, "CNLYG", "KZALA"));
  ASSERT_EQ(pareto.size(), 1u);
  EXPECT_EQ(pareto.front().cost, usd(4350));

  // A box boarding in Almaty pays the rest: the two rides add up to the whole run.
  McRaptor mc2(tt);
  const auto rest = mc2.run(f.query(tt, "KZALA", "UZTAS"));
  ASSERT_EQ(rest.size(), 1u);
  EXPECT_EQ(rest.front().cost + pareto.front().cost, usd(5200));
}

TEST(Fares, StatedCumulativeFaresWinAndTheRestIsInterpolatedBetweenThem) {
  Fixture f;
  Service& s = f.text.spec.services.front();
  s.calls[1].fare_teu = usd(4500);  // a tariff that front-loads the Chinese part
  const auto fares = call_fares(s, false);
  EXPECT_EQ(fares[1], usd(4500));
  EXPECT_EQ(fares[2], usd(4500 + 700.0 * 350 / 1200));  // 350 of the 1,200 km after Altynkol
  EXPECT_EQ(fares[3], usd(5200));
  const Timetable tt = Timetable::build(f.text.spec);
  McRaptor mc(tt);
  const auto j = mc.run(f.query(tt, "CNKHG", "UZTAS"));
  ASSERT_EQ(j.size(), 1u);
  EXPECT_EQ(j.front().cost, usd(700));
  // The time-expanded reference agrees.
  const auto te = TimeExpandedGraph::build(f.text.spec);
  const Query q = f.query(tt, "CNKHG", "UZTAS");
  const auto ref = te.pareto(q.origin, q.ready, q.cargo, q.target, q.max_trips, q.max_travel);
  ASSERT_EQ(ref.size(), 1u);
  EXPECT_EQ(ref.front().cost, usd(700));
}

TEST(Fares, WithoutDistancesFaresFollowTheScheduledMinutes) {
  Fixture f;
  Service& s = f.text.spec.services.front();
  for (Call& c : s.calls) c.distance = Kilometres(0.0);
  const auto fares = call_fares(s, false);
  // Arrivals 5d, 6d, 7d12h after the 0 h departure: 120 of 180 hours to Altynkol.
  EXPECT_EQ(fares[1], usd(5200.0 * 120 / 180));
  EXPECT_EQ(fares[2], usd(5200.0 * 144 / 180));
}

TEST(Fares, ValidationRejectsFaresThatFallOrOvershoot) {
  Fixture f;
  Service s = f.text.spec.services.front();
  s.calls[1].fare_teu = usd(4500);
  s.calls[2].fare_teu = usd(4000);  // lower than the call before
  Diagnostics d;
  validate(s, 10, d);
  ASSERT_EQ(d.list().size(), 1u);
  EXPECT_NE(d.list().front().field.find("call 3 fare_teu"), std::string::npos);
  s.calls[2].fare_teu.reset();
  s.calls[3].fare_teu = usd(5000);  // the last call must state the whole-run price
  Diagnostics d2;
  validate(s, 10, d2);
  ASSERT_EQ(d2.list().size(), 1u);
  EXPECT_NE(d2.list().front().field.find("call 4 fare_teu"), std::string::npos);
}

TEST(Fares, AHorizonPastThe32BitInstantRangeIsRefused) {
  Fixture f;
  TimetableSpec spec = f.text.spec;
  spec.horizon_start = to_instant({6100, 1, 1});  // near the end of 32 bits
  spec.horizon_length = days(3650);
  try {
    (void)Timetable::build(spec);
    ADD_FAILURE() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("leaves the 32-bit instant range"), std::string::npos) << e.what();
  }
  // A horizon that fits but whose trips would arrive past the range is refused too.
  spec.horizon_start = Instant::max() - days(100);
  spec.horizon_length = days(100) - Minutes(1);  // weekly trips of 7d12h start in its last week
  try {
    (void)Timetable::build(spec);
    ADD_FAILURE() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("leave the 32-bit instant range"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace landbridge::timetable
