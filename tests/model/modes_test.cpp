#include "landbridge/model/modes.h"

#include <gtest/gtest.h>

namespace landbridge {
namespace {

TEST(Modes, RoundTripNames) {
  for (int i = 0; i < kModeCount; ++i) {
    auto m = static_cast<Mode>(i);
    EXPECT_EQ(parse_mode(to_string(m)), m);
  }
  for (int i = 0; i < kPassageCount; ++i) {
    auto p = static_cast<Passage>(i);
    EXPECT_EQ(parse_passage(to_string(p)), p);
  }
  EXPECT_EQ(parse_passage("cape"), Passage::south_africa);
  EXPECT_FALSE(parse_mode("train").has_value());
  EXPECT_EQ(to_string(Carriage{Mode::rail, Gauge::g1520}), "rail:1520");
  EXPECT_EQ(passage_list(passage_bit(Passage::suez) | passage_bit(Passage::babalmandab)), "suez+babalmandab");
}

TEST(Modes, PatternsMatchAndRankBySpecificity) {
  auto rail1520 = *parse_carriage_pattern("rail:1520", true);
  auto rail = *parse_carriage_pattern("rail", true);
  auto sea = *parse_carriage_pattern("sea", true);
  auto any = *parse_carriage_pattern("*", true);
  auto start = *parse_carriage_pattern("start", true);
  const auto c1520 = Carriage{Mode::rail, Gauge::g1520}.code();
  const auto c1435 = Carriage{Mode::rail, Gauge::g1435}.code();
  const auto feeder = Carriage{Mode::feeder, Gauge::none}.code();
  EXPECT_TRUE(rail1520.matches(c1520));
  EXPECT_FALSE(rail1520.matches(c1435));
  EXPECT_TRUE(rail.matches(c1435));
  EXPECT_TRUE(sea.matches(feeder));
  EXPECT_FALSE(sea.matches(c1435));
  EXPECT_TRUE(any.matches(kCarriageStart));
  EXPECT_TRUE(start.matches(kCarriageStart));
  EXPECT_FALSE(start.matches(feeder));
  EXPECT_GT(rail1520.specificity(), rail.specificity());
  EXPECT_GT(rail.specificity(), sea.specificity());
  EXPECT_GT(sea.specificity(), any.specificity());
  EXPECT_FALSE(parse_carriage_pattern("end", true).has_value());
  EXPECT_FALSE(parse_carriage_pattern("feeder:1520", true).has_value());
  EXPECT_FALSE(parse_carriage_pattern("rail:1000", true).has_value());
}

}  // namespace
}  // namespace landbridge
