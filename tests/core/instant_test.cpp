// Instants and durations (core/instant.h): the affine arithmetic, what must not compile, and
// the checked additions at the edges of 32 bits.
#include "landbridge/core/instant.h"

#include <gtest/gtest.h>

#include <concepts>
#include <limits>
#include <type_traits>

namespace landbridge {
namespace {

// Compile-time checks: an instant is not a duration, two instants do not add, an instant does
// not scale; the affine forms have the right result types.
template <class A, class B>
concept Addable = requires(A a, B b) { a + b; };
template <class A, class B>
concept Subtractable = requires(A a, B b) { a - b; };
template <class A, class S>
concept Scalable = requires(A a, S s) { a * s; };

static_assert(!Addable<Instant, Instant>, "instant + instant must not compile");
static_assert(!Subtractable<Minutes, Instant>, "duration - instant must not compile");
static_assert(!Scalable<Instant, int>, "an instant does not scale");
static_assert(!std::is_convertible_v<Instant, Minutes> && !std::is_convertible_v<Minutes, Instant>);
static_assert(!std::is_convertible_v<std::int32_t, Instant>, "construction must be explicit");
static_assert(std::same_as<decltype(Instant() - Instant()), Minutes>);
static_assert(std::same_as<decltype(Instant() + Minutes()), Instant>);
static_assert(std::same_as<decltype(Minutes() + Instant()), Instant>);
static_assert(std::same_as<decltype(Instant() - Minutes()), Instant>);
static_assert(Instant(100) - Instant(40) == Minutes(60));

TEST(Instant, AffineArithmetic) {
  const Instant t(1000);
  EXPECT_EQ((t + hours(2)).value(), 1120);
  EXPECT_EQ((hours(2) + t).value(), 1120);
  EXPECT_EQ((t - Minutes(1500)).value(), -500);
  EXPECT_EQ(Instant(1120) - t, hours(2));
  EXPECT_EQ(t - Instant(1120), -hours(2));
  Instant u = t;
  u += days(1);
  EXPECT_EQ(u.value(), 1000 + 1440);
  u -= days(1);
  EXPECT_EQ(u, t);
  EXPECT_LT(t, t + Minutes(1));
  EXPECT_EQ(t.since_epoch(), Minutes(1000));
  EXPECT_EQ(Instant::epoch().value(), 0);
}

TEST(Instant, SupportedRangeIsTheYears1900To2199) {
  // 1900-01-01 is 43,829 days before 2020-01-01; 2200-01-01 is 65,744 days after it.
  EXPECT_EQ(kFirstInstant.value(), -43829 * 1440);
  EXPECT_EQ((kLastInstant + Minutes(1)).value(), 65744 * 1440);
  EXPECT_TRUE(in_supported_range(kFirstInstant));
  EXPECT_TRUE(in_supported_range(kLastInstant));
  EXPECT_FALSE(in_supported_range(kFirstInstant - Minutes(1)));
  EXPECT_FALSE(in_supported_range(kLastInstant + Minutes(1)));
  // A year's horizon from either end stays far inside 32 bits.
  EXPECT_TRUE(checked_add(kLastInstant, days(366)).has_value());
  EXPECT_TRUE(checked_sub(kFirstInstant, days(366)).has_value());
}

TEST(Instant, CheckedAddSaysWhenTheResultLeaves32Bits) {
  constexpr std::int32_t kMax = std::numeric_limits<std::int32_t>::max();
  constexpr std::int32_t kMin = std::numeric_limits<std::int32_t>::min();
  EXPECT_EQ(checked_add(Instant(kMax - 10), Minutes(10)), Instant::max());
  EXPECT_EQ(checked_add(Instant(kMax - 10), Minutes(11)), std::nullopt);
  EXPECT_EQ(checked_add(Instant(kMin), Minutes(-1)), std::nullopt);
  EXPECT_EQ(checked_sub(Instant(kMin + 5), Minutes(5)), Instant::min());
  EXPECT_EQ(checked_sub(Instant(kMin + 5), Minutes(6)), std::nullopt);
  EXPECT_EQ(checked_sub(Instant(kMax), Minutes(-1)), std::nullopt);
  EXPECT_EQ(checked_add(Minutes(kMax), Minutes(1)), std::nullopt);
  EXPECT_EQ(checked_add(Minutes(kMax - 1), Minutes(1)), Minutes(kMax));
  EXPECT_EQ(checked_add(Minutes(kMin), Minutes(-1)), std::nullopt);
  EXPECT_EQ(checked_span(Instant::max(), Instant::min()), std::nullopt);
  EXPECT_EQ(checked_span(Instant::max(), Instant(0)), Minutes(kMax));
  // The window of the issue: 1,491,308 days is more than 2^31 minutes.
  const Instant dec_2026(2526 * 1440);
  EXPECT_EQ(checked_add(dec_2026, Minutes(kMax)), std::nullopt);
}

}  // namespace
}  // namespace landbridge
