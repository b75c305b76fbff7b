#include "landbridge/core/money.h"

#include <gtest/gtest.h>

#include <limits>

namespace landbridge {
namespace {

TEST(Money, ThousandsSeparatorsTwoDecimalsAndCodeAfter) {
  EXPECT_EQ(format_money(UsdCents(550599)), "5,505.99 USD");
  EXPECT_EQ(format_money(usd(5506)), "5,506.00 USD");
  EXPECT_EQ(format_money(UsdCents(0)), "0.00 USD");
  EXPECT_EQ(format_money(UsdCents(5)), "0.05 USD");
  EXPECT_EQ(format_money(UsdCents(99999)), "999.99 USD");
  EXPECT_EQ(format_money(UsdCents(100000)), "1,000.00 USD");
  EXPECT_EQ(format_money(UsdCents(123456789012)), "1,234,567,890.12 USD");
}

TEST(Money, NegativeAmountsKeepTheirSignBeforeTheDigits) {
  EXPECT_EQ(format_money(UsdCents(-1250)), "-12.50 USD");
  EXPECT_EQ(format_money(UsdCents(-123456)), "-1,234.56 USD");
  EXPECT_EQ(format_money_amount(UsdCents::zero() - UsdCents(std::numeric_limits<std::int64_t>::max()) - UsdCents(1)),
            "-92,233,720,368,547,758.08");
}

TEST(Money, AmountAloneHasNoCode) { EXPECT_EQ(format_money_amount(usd(1234.5)), "1,234.50"); }

}  // namespace
}  // namespace landbridge
