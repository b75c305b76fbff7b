// Nice 1-2-5 axis steps, checked against trying every candidate step; number formatting.
#include <gtest/gtest.h>

#include <cmath>

#include "landbridge/chart/axis.h"
#include "landbridge/core/error.h"
#include "testing.h"

namespace landbridge::chart {
namespace {

// The slow obvious answer: every {1, 2, 5} × 10^k from 1e-15 up, the first that fits.
double brute_step(double extent, int max_ticks) {
  for (int k = -15; k <= 20; ++k) {
    for (double m : {1.0, 2.0, 5.0}) {
      const double step = m * std::pow(10.0, k);
      if (std::floor(extent / step * (1 + 1e-12)) <= max_ticks) return step;
    }
  }
  return NAN;
}

TEST(Axis, NiceStepIsTheSmallestOneTwoFiveStepThatFits) {
  EXPECT_DOUBLE_EQ(nice_step(20705, 9), 5000);    // 2,000 would give 10 intervals
  EXPECT_DOUBLE_EQ(nice_step(20705, 10), 2000);
  EXPECT_DOUBLE_EQ(nice_step(19999, 10), 2000);   // 1,000 would give 19
  EXPECT_DOUBLE_EQ(nice_step(4706, 2), 2000);     // ticks 0, 2,000, 4,000
  EXPECT_DOUBLE_EQ(nice_step(52.7, 6), 10);
  EXPECT_DOUBLE_EQ(nice_step(5947, 6), 1000);
  EXPECT_DOUBLE_EQ(nice_step(0.9, 6), 0.2);
  EXPECT_DOUBLE_EQ(nice_step(1, 1), 1);
  testing::Rng rng(20240601);
  for (int i = 0; i < 20000; ++i) {
    // Extents over 10 decades, with exact round values now and then.
    const double mant = 1.0 + static_cast<double>(rng.between(0, 8999)) / 1000.0;
    const int exp = static_cast<int>(rng.between(-3, 6));
    double extent = mant * std::pow(10.0, exp);
    if (rng.between(0, 4) == 0) extent = static_cast<double>(rng.between(1, 20)) * std::pow(10.0, exp);
    const int ticks = static_cast<int>(rng.between(1, 15));
    const double want = brute_step(extent, ticks);
    const double got = nice_step(extent, ticks);
    ASSERT_NEAR(got, want, want * 1e-9) << "extent " << extent << " ticks " << ticks;
    if (ticks >= 2) {
      ASSERT_LE(got, extent);
    }
  }
}

TEST(Axis, NiceStepRejectsNonsense) {
  EXPECT_THROW(nice_step(0, 5), Error);
  EXPECT_THROW(nice_step(-3, 5), Error);
  EXPECT_THROW(nice_step(NAN, 5), Error);
  EXPECT_THROW(nice_step(10, 0), Error);
}

TEST(Axis, TicksFromZeroAtTheStepUpToTheMaximum) {
  const Axis a = make_axis(48.8, 6, 0.08);
  EXPECT_DOUBLE_EQ(a.max, 48.8 * 1.08);
  EXPECT_DOUBLE_EQ(a.step, 10);
  EXPECT_EQ(a.ticks, (std::vector<double>{0, 10, 20, 30, 40, 50}));
  EXPECT_EQ(a.decimals, 0);
  const Axis b = make_axis(0.74, 3, 0);
  EXPECT_DOUBLE_EQ(b.step, 0.2);
  EXPECT_EQ(b.ticks.size(), 4u);  // 0, 0.2, 0.4, 0.6
  EXPECT_EQ(b.decimals, 1);
  EXPECT_EQ(make_axis(0.012, 2, 0).decimals, 3);  // step 0.005
  const Axis z = make_axis(0, 5, 0.1);            // nothing to show: a unit axis
  EXPECT_DOUBLE_EQ(z.max, 1);
  EXPECT_EQ(z.ticks.front(), 0);
  testing::Rng rng(7);
  for (int i = 0; i < 2000; ++i) {
    const double data = static_cast<double>(rng.between(1, 1'000'000)) / 100.0;
    const int n = static_cast<int>(rng.between(2, 12));
    const Axis r = make_axis(data, n, 0.05);
    ASSERT_GE(r.max, data);
    ASSERT_LE(r.ticks.size(), static_cast<std::size_t>(n) + 1);
    ASSERT_GE(r.ticks.size(), 2u) << data << " " << n << " step " << r.step << " max " << r.max;
    for (std::size_t k = 0; k < r.ticks.size(); ++k) ASSERT_NEAR(r.ticks[k], static_cast<double>(k) * r.step, 1e-9 * r.max);
    ASSERT_LE(r.ticks.back(), r.max * (1 + 1e-9));
    ASSERT_GT(r.ticks.back() + r.step, r.max);
  }
}

TEST(Axis, NumbersWithThousandsSeparatorsAndNoLocale) {
  EXPECT_EQ(format_number(0, 0), "0");
  EXPECT_EQ(format_number(12, 0), "12");
  EXPECT_EQ(format_number(999, 0), "999");
  EXPECT_EQ(format_number(1000, 0), "1,000");
  EXPECT_EQ(format_number(20705.04, 0), "20,705");
  EXPECT_EQ(format_number(1234.55, 1), "1,234.5");  // 1234.55 is stored just below .55
  EXPECT_EQ(format_number(999.96, 1), "1,000.0");
  EXPECT_EQ(format_number(-1234567, 0), "-1,234,567");
  EXPECT_EQ(format_number(-0.0001, 2), "0.00");
  EXPECT_EQ(format_number(0.25, 2), "0.25");
}

}  // namespace
}  // namespace landbridge::chart
