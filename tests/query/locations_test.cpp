// Engine::search_locations: nodes by code or name words first, then UN/LOCODE places.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>

#include "landbridge/query/engine.h"

namespace landbridge::query {
namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

const Engine& eurasia() {
  static const Engine engine = Engine::open("");
  return engine;
}

TEST(SearchLocations, CodeFirstThenNames) {
  const std::vector<Location> hor = eurasia().search_locations("KZHOR");
  ASSERT_FALSE(hor.empty());
  EXPECT_EQ(hor.front().code, "KZHOR");
  EXPECT_TRUE(hor.front().on_network);
  EXPECT_EQ(hor.front().country, "KZ");
  const std::vector<Location> dui = eurasia().search_locations("duis");
  ASSERT_FALSE(dui.empty());
  EXPECT_EQ(dui.front().code, "DEDUI");
  // Accents and case fold: "khorgos" finds the node by its alias.
  const std::vector<Location> kh = eurasia().search_locations("KHORGOS");
  ASSERT_FALSE(kh.empty());
  EXPECT_EQ(kh.front().code, "KZHOR");
}

TEST(SearchLocations, PlacesOfTheIndexAfterNodes) {
  const std::vector<Location> ist = eurasia().search_locations("Istanbul", 20);
  ASSERT_FALSE(ist.empty());
  EXPECT_TRUE(ist.front().on_network);  // the network's terminal TRHAL first
  bool city = false;
  bool nodes_first = true, seen_place = false;
  for (const Location& l : ist) {
    if (l.code == "TRIST") city = !l.on_network && l.kind == "place";
    if (!l.on_network) seen_place = true;
    if (l.on_network && seen_place) nodes_first = false;
  }
  EXPECT_TRUE(city);
  EXPECT_TRUE(nodes_first);
  const std::vector<Location> shy = eurasia().search_locations("KZSHY");
  ASSERT_EQ(shy.size(), 1U);
  EXPECT_EQ(shy.front().name, "Shymkent");
  EXPECT_FALSE(shy.front().on_network);
}

TEST(SearchLocations, PlacesByNameWords) {
  const std::vector<Location> shy = eurasia().search_locations("shymk", 50);
  EXPECT_TRUE(std::any_of(shy.begin(), shy.end(), [](const Location& l) { return l.code == "KZSHY"; }));
  for (const Location& l : shy) EXPECT_NE(lower(l.name).find("shymk"), std::string::npos) << l.name;
}

TEST(SearchLocations, LimitAndNothing) {
  EXPECT_EQ(eurasia().search_locations("DE", 3).size(), 3U);
  EXPECT_TRUE(eurasia().search_locations("", 5).empty());
  EXPECT_TRUE(eurasia().search_locations("zzqqxx").empty());
}

}  // namespace
}  // namespace landbridge::query
