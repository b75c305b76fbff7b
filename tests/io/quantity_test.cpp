// Numbers with units in package cells.
#include "landbridge/io/quantity.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace landbridge::io {
namespace {

double ok(std::string_view text, const QuantityKind& kind) {
  const QuantityResult r = parse_quantity(text, kind);
  EXPECT_TRUE(r.ok()) << text << ": " << r.error;
  return r.value;
}

std::string error(std::string_view text, const QuantityKind& kind) {
  const QuantityResult r = parse_quantity(text, kind);
  EXPECT_FALSE(r.ok()) << text << " parsed as " << r.value;
  return r.error;
}

TEST(Quantity, UnitsConvertToTheBaseUnit) {
  EXPECT_DOUBLE_EQ(ok("550 nm", quantity::distance), 550 * 1.852);
  EXPECT_DOUBLE_EQ(ok("550nm", quantity::distance), 550 * 1.852);
  EXPECT_DOUBLE_EQ(ok("10 mi", quantity::distance), 16.09344);
  EXPECT_DOUBLE_EQ(ok("1018", quantity::distance), 1018);  // km by default
  EXPECT_DOUBLE_EQ(ok("1.5", quantity::duration), 1.5);    // hours by default
  EXPECT_DOUBLE_EQ(ok("90 min", quantity::duration), 1.5);
  EXPECT_DOUBLE_EQ(ok("4 d", quantity::duration), 96);
  EXPECT_DOUBLE_EQ(ok("18 kn", quantity::speed_sea), 18 * 1.852);  // base km/h
  EXPECT_DOUBLE_EQ(ok("18", quantity::speed_sea), 18 * 1.852);     // knots at sea
  EXPECT_DOUBLE_EQ(ok("60", quantity::speed_land), 60);            // km/h on land
  EXPECT_DOUBLE_EQ(ok("900 km/d", quantity::speed_land), 37.5);
  EXPECT_DOUBLE_EQ(ok("329 USD", quantity::money), 329);
  EXPECT_DOUBLE_EQ(ok("20.5 g/tkm", quantity::intensity), 20.5);
  EXPECT_DOUBLE_EQ(ok("1.2 kg/t", quantity::hub_intensity), 1.2);
}

TEST(Quantity, NumberSpellings) {
  EXPECT_DOUBLE_EQ(ok("+5", quantity::distance), 5);
  EXPECT_DOUBLE_EQ(ok(".5", quantity::distance), 0.5);
  EXPECT_DOUBLE_EQ(ok("5.", quantity::distance), 5);
  EXPECT_DOUBLE_EQ(ok("1e3 km", quantity::distance), 1000);
  EXPECT_DOUBLE_EQ(ok("  7 km  ", quantity::distance), 7);
  EXPECT_DOUBLE_EQ(ok("-0", quantity::distance), 0);
  EXPECT_DOUBLE_EQ(ok("-45.5", quantity::latitude), -45.5);
  EXPECT_DOUBLE_EQ(ok("3", quantity::count), 3);
}

TEST(Quantity, Errors) {
  EXPECT_EQ(error("", quantity::distance), "missing value, expected a distance");
  EXPECT_EQ(error("far", quantity::distance),
            "expected a distance: a number with an optional unit (km, nm or mi)");
  EXPECT_TRUE(parse_quantity("far", quantity::distance).not_a_number);
  EXPECT_FALSE(parse_quantity("5 kms", quantity::distance).not_a_number);
  EXPECT_EQ(error("nan", quantity::distance), "expected a distance, not NaN");
  EXPECT_EQ(error("-inf", quantity::duration), "expected a duration that is finite");
  EXPECT_EQ(error("1e999", quantity::duration), "the number is out of range; expected a duration");
  EXPECT_EQ(error("5 kms", quantity::distance),
            "unknown unit 'kms'; expected a distance in km, nm or mi");
  EXPECT_EQ(error("1,200", quantity::distance),
            "unknown unit ',200'; expected a distance in km, nm or mi");
  EXPECT_EQ(error("-1", quantity::money), "expected a price that is not negative");
  EXPECT_EQ(error("0", quantity::speed_land), "expected a speed greater than 0");
  EXPECT_EQ(error("91", quantity::latitude), "expected a latitude in [-90, 90]");
  EXPECT_EQ(error("2.5", quantity::count), "expected a whole number");
  EXPECT_EQ(error("3 TEU", quantity::capacity),
            "expected a capacity in TEU per day: a plain number without a unit ('TEU')");
  EXPECT_EQ(error("366 d", quantity::duration), "expected a duration of at most 8760 h");
  EXPECT_EQ(error("20 kn", quantity::distance),
            "unknown unit 'kn'; expected a distance in km, nm or mi");
}

TEST(Quantity, Ranges) {
  const RangeResult d = parse_range("4..6 d", quantity::duration);  // one unit for both ends
  ASSERT_TRUE(d.ok()) << d.error;
  EXPECT_DOUBLE_EQ(d.lo, 96);
  EXPECT_DOUBLE_EQ(d.hi, 144);
  const RangeResult d2 = parse_range("4 d..6", quantity::duration);
  ASSERT_TRUE(d2.ok());
  EXPECT_DOUBLE_EQ(d2.hi, 144);
  const RangeResult mixed = parse_range("500 nm .. 1000 km", quantity::distance);
  ASSERT_TRUE(mixed.ok());
  EXPECT_DOUBLE_EQ(mixed.lo, 926);
  EXPECT_DOUBLE_EQ(mixed.hi, 1000);
  const RangeResult same = parse_range("5..5", quantity::money);
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(same.lo, same.hi);

  EXPECT_EQ(parse_range("4-6 d", quantity::duration).error,
            "expected a range LO..HI of a duration (e.g. '10..20 h')");
  EXPECT_EQ(parse_range("..6", quantity::duration).error,
            "expected a range LO..HI of a duration (e.g. '10..20 h')");
  EXPECT_EQ(parse_range("6..4", quantity::duration).error, "expected a range LO..HI with LO <= HI");
  EXPECT_EQ(parse_range("-1..4", quantity::duration).error,
            "range start: expected a duration that is not negative");
  EXPECT_EQ(parse_range("1..4 parsecs", quantity::distance).error,
            "range start: unknown unit 'parsecs'; expected a distance in km, nm or mi");
  EXPECT_FALSE(parse_range("1..2..3", quantity::distance).ok());
  EXPECT_FALSE(parse_range("nan..3", quantity::distance).ok());
}

TEST(Quantity, FormatInTheDefaultUnit) {
  EXPECT_EQ(format_quantity(48.86524583, quantity::distance), "48.865 km");
  EXPECT_EQ(format_quantity(20, quantity::duration), "20 h");
  EXPECT_EQ(format_quantity(18 * 1.852, quantity::speed_sea), "18 kn");
  EXPECT_EQ(format_quantity(-0.0001, quantity::latitude), "0");
  EXPECT_EQ(unit_list(quantity::speed_land), "km/h, km/d or kn");
}

}  // namespace
}  // namespace landbridge::io
