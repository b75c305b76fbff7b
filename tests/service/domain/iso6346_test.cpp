// ISO 6346 container numbers: check digits of published numbers, validation reasons, numbering.
#include <gtest/gtest.h>

#include <stdexcept>

#include "landbridge/service/iso6346.h"

namespace landbridge::service {
namespace {

TEST(Iso6346, CheckDigitsOfPublishedNumbers) {
  EXPECT_EQ(check_digit("CSQU305438"), 3);  // the standard's example, CSQU3054383
  EXPECT_EQ(check_digit("APZU481209"), 0);
}

// Letter values skip the multiples of 11: A=10, B=12, L=23, U=32, V=34, Z=38 (the anchors page).
TEST(Iso6346, LetterValuesSkipMultiplesOfEleven) {
  EXPECT_EQ(check_digit("AAAU000000"), (10 + 20 + 40 + 32 * 8) % 11 % 10);  // 326 -> 7
  EXPECT_EQ(check_digit("ZZZU000000"), (38 + 76 + 152 + 32 * 8) % 11 % 10);  // 522 -> 5
  EXPECT_EQ(check_digit("BLVU000000"), 0);  // 12 + 46 + 136 + 256 = 450, mod 11 = 10, mod 10 = 0
  EXPECT_EQ(check_digit("CSQU30543"), std::nullopt);
  EXPECT_EQ(check_digit("CSQU30543X"), std::nullopt);
}

TEST(Iso6346, ValidNumbersPass) {
  EXPECT_TRUE(is_container_number("CSQU3054383"));
  EXPECT_TRUE(is_container_number("APZU4812090"));
}

TEST(Iso6346, ReasonsNameWhatIsWrong) {
  EXPECT_NE(container_number_problem("CSQU305438").find("11 characters"), std::string::npos);
  EXPECT_NE(container_number_problem("CSQX3054383").find("category"), std::string::npos);
  EXPECT_NE(container_number_problem("CS1U3054383").find("owner code"), std::string::npos);
  EXPECT_NE(container_number_problem("csqu3054383").find("owner code"), std::string::npos);
  EXPECT_NE(container_number_problem("CSQU30543A3").find("digits"), std::string::npos);
  const std::string wrong = container_number_problem("CSQU3054384");
  EXPECT_NE(wrong.find("check digit 4 is wrong"), std::string::npos) << wrong;
  EXPECT_NE(wrong.find("has check digit 3"), std::string::npos) << wrong;
}

TEST(Iso6346, CategoriesJAndZAreNumbers) {
  const auto j = check_digit("CSQJ305438");
  ASSERT_TRUE(j);
  EXPECT_TRUE(is_container_number("CSQJ305438" + std::to_string(*j)));
}

TEST(Iso6346, MadeNumbersValidateAndDiffer) {
  const std::string a = make_container_number("LBU", 0);
  const std::string b = make_container_number("LBU", 999'999);
  EXPECT_EQ(a.substr(0, 10), "LBUU000000");
  EXPECT_EQ(b.substr(0, 10), "LBUU999999");
  EXPECT_TRUE(is_container_number(a)) << container_number_problem(a);
  EXPECT_TRUE(is_container_number(b)) << container_number_problem(b);
  for (std::uint32_t s = 1; s < 2000; s += 37) EXPECT_TRUE(is_container_number(make_container_number("LBU", s)));
  EXPECT_THROW((void)make_container_number("LB", 1), std::invalid_argument);
  EXPECT_THROW((void)make_container_number("LBU", 1'000'000), std::invalid_argument);
}

}  // namespace
}  // namespace landbridge::service
