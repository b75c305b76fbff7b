#include "landbridge/core/units.h"

#include <gtest/gtest.h>

#include <type_traits>

namespace landbridge {
namespace {

TEST(Units, SameUnitAddsAndCompares) {
  Minutes a = hours(2);
  Minutes b = Minutes(30);
  EXPECT_EQ((a + b).value(), 150);
  EXPECT_LT(b, a);
  EXPECT_EQ((a - b).value(), 90);
  EXPECT_DOUBLE_EQ(a / b, 4.0);
}

// Checked when this file compiles: a wrong answer here is a build failure, not a test result.
static_assert(!std::is_convertible_v<Minutes, UsdCents>, "different units must not convert");
static_assert(!std::is_convertible_v<std::int32_t, Minutes>, "construction must be explicit");
static_assert(!std::is_invocable_v<std::plus<>, Minutes, UsdCents>, "different units must not add");

TEST(Units, ExplicitConversionsBetweenUnits) {
  EXPECT_EQ(days(1.5), hours(36));
  EXPECT_DOUBLE_EQ(to_hours(Minutes(90)), 1.5);
  EXPECT_EQ(kg_co2e(1.2345).value(), 1235);  // whole grams, halves away from zero
  static_assert(hours(2).value() == 120, "hours() is usable in constant expressions");
}

TEST(Units, MoneyRoundsToCents) {
  EXPECT_EQ(usd(3289.004).value(), 328900);
  EXPECT_EQ(usd(0.015).value(), 2);
  EXPECT_DOUBLE_EQ(to_usd(UsdCents(12345)), 123.45);
}

TEST(Units, TravelTimeAtSpeed) {
  // 1,852 km at 10 knots = 1,000 nm / 10 kn = 100 h.
  EXPECT_EQ(travel_time(Kilometres(1852.0), Knots(10.0)).value(), 6000);
}

TEST(Units, LegEmissionsIsMassTimesDistanceTimesIntensity) {
  // 10 t over 1,000 km at 20 g/t-km = 200,000 g = 200 kg.
  GramsCo2e e = leg_emissions(Tonnes(10.0), Kilometres(1000.0), GramsPerTonneKm(20.0));
  EXPECT_EQ(e.value(), 200000);
  EXPECT_DOUBLE_EQ(to_kg(e), 200.0);
}

TEST(Units, ThirtyTwoBitMinutesCoverLongHorizons) {
  // A 90-day horizon plus a 50-day chain is far below the 32-bit limit.
  EXPECT_LT(days(140).value(), Minutes::max().value() / 1000);
}

}  // namespace
}  // namespace landbridge
