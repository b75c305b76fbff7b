#include "landbridge/route/locate.h"

#include <gtest/gtest.h>

namespace landbridge::route {
namespace {

Network places() {
  NetworkBuilder b;
  b.add_node({.code = "JPHKT", .name = "Hakata (Fukuoka)", .country = "JP"});
  b.add_node({.code = "KZHOR", .name = "Khorgos", .country = "KZ", .aliases = {"Altynkol", "Khorgos Gateway"}});
  b.add_node({.code = "PLMAL", .name = "Małaszewicze", .country = "PL"});
  b.add_node({.code = "TRIST", .name = "İstanbul", .country = "TR"});
  b.add_node({.code = "GEPTI", .name = "Poti Port", .country = "GE"});
  b.add_node({.code = "GEBUS", .name = "Batumi Port", .country = "GE"});
  b.add_node({.code = "DEDUI", .name = "Duisburg", .country = "DE"});
  return b.build();
}

std::string code(const Network& net, NodeId n) { return net.node(n).code; }

TEST(Locate, ByCodeNameAliasAndWord) {
  const Network net = places();
  EXPECT_EQ(code(net, locate(net, "KZHOR")), "KZHOR");
  EXPECT_EQ(code(net, locate(net, "kzhor")), "KZHOR");
  EXPECT_EQ(code(net, locate(net, "Khorgos")), "KZHOR");
  EXPECT_EQ(code(net, locate(net, "altynkol")), "KZHOR");
  EXPECT_EQ(code(net, locate(net, "Hakata")), "JPHKT");    // start of the name
  EXPECT_EQ(code(net, locate(net, "fukuoka")), "JPHKT");   // a word of the name
  EXPECT_EQ(code(net, locate(net, "Malaszewicze")), "PLMAL");  // ł folded to l
  EXPECT_EQ(code(net, locate(net, "MAŁASZEWICZE")), "PLMAL");
  EXPECT_EQ(code(net, locate(net, "istanbul")), "TRIST");   // İ folded to i
  EXPECT_EQ(code(net, locate(net, "Khorgos Gateway")), "KZHOR");  // whole alias beats "starts with"
}

TEST(Locate, UnknownNameSuggestsTheClosest) {
  const Network net = places();
  try {
    locate(net, "Khorgas");
    FAIL() << "expected LocateError";
  } catch (const LocateError& e) {
    EXPECT_FALSE(e.ambiguous());
    ASSERT_FALSE(e.candidates().empty());
    EXPECT_EQ(code(net, e.candidates().front()), "KZHOR");
    EXPECT_STREQ(e.what(), "unknown location 'Khorgas' (did you mean KZHOR Khorgos?)");
  }
  try {
    locate(net, "Duisberg");
    FAIL();
  } catch (const LocateError& e) {
    EXPECT_STREQ(e.what(), "unknown location 'Duisberg' (did you mean DEDUI Duisburg?)");
  }
  try {
    locate(net, "Vladivostok");
    FAIL();
  } catch (const LocateError& e) {
    EXPECT_TRUE(e.candidates().empty());
    EXPECT_STREQ(e.what(), "unknown location 'Vladivostok'");
  }
  EXPECT_FALSE(try_locate(net, "Khorgas"));
}

TEST(Locate, AmbiguousTextListsTheCandidates) {
  const Network net = places();
  try {
    locate(net, "port");
    FAIL();
  } catch (const LocateError& e) {
    EXPECT_TRUE(e.ambiguous());
    EXPECT_STREQ(e.what(), "ambiguous location 'port' (could be GEPTI Poti Port, GEBUS Batumi Port)");
  }
  EXPECT_EQ(code(net, locate(net, "poti")), "GEPTI");
}

TEST(Locate, FoldDropsPunctuationAndAccents) {
  EXPECT_EQ(fold("Türkiye"), "turkiye");
  EXPECT_EQ(fold("Xi'an"), "xian");
  EXPECT_EQ(fold("Straße"), "strasse");
  EXPECT_EQ(fold("Šiauliai"), "siauliai");
  EXPECT_EQ(fold("Alashankou / 阿拉山口"), "alashankou");
}

}  // namespace
}  // namespace landbridge::route
