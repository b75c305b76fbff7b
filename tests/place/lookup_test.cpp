// Finding origins and destinations among the network's nodes and the whole UN/LOCODE index.
#include <gtest/gtest.h>

#include "landbridge/io/package.h"
#include "landbridge/io/places.h"
#include "landbridge/place/lookup.h"
#include "landbridge/route/locate.h"

namespace landbridge::place {
namespace {

struct Reference {
  io::LoadedPackage pkg = io::load_package(std::filesystem::path(LANDBRIDGE_DATA_DIR) / "eurasia");
  PlaceIndex places = io::load_place_index(std::filesystem::path(LANDBRIDGE_DATA_DIR) / "unlocode" / "places.csv");
};

const Reference& ref() {
  static const Reference r;
  return r;
}

PlaceSource source(const PlaceIndex& idx) {
  return [&idx]() -> const PlaceIndex& { return idx; };
}

Resolved find(std::string_view text) { return resolve(ref().pkg.network, source(ref().places), text); }

std::string error_of(std::string_view text) {
  try {
    find(text);
  } catch (const route::LocateError& e) {
    return e.what();
  }
  return "";
}

TEST(PlaceIndex, ShippedIndexHoldsEveryCoordinatePlaceOnce) {
  const PlaceIndex& idx = ref().places;
  EXPECT_GT(idx.size(), 100'000u);
  const Place* ist = idx.find("TRIST");
  ASSERT_NE(ist, nullptr);
  EXPECT_EQ(ist->name, "Istanbul");
  EXPECT_NEAR(ist->pos.lat, 41.0167, 1e-3);
  EXPECT_NEAR(ist->pos.lon, 28.9667, 1e-3);
  // A name the mirror had split at its comma is whole again.
  const Place* andros = idx.find("BSASD");
  ASSERT_NE(andros, nullptr);
  EXPECT_EQ(andros->name, "Andros Town, Andros Island");
  // Bilingual entries keep the second name.
  const Place* bru = idx.find("BEBRU");
  ASSERT_NE(bru, nullptr);
  EXPECT_EQ(bru->alt, "Bruxelles (Brussel)");
  for (const Place& p : idx.places()) {
    ASSERT_EQ(p.code.size(), 5u) << p.code;
    ASSERT_LE(std::abs(p.pos.lon), 180.0) << p.code;
    ASSERT_EQ(p.name.find("\xEF\xBF\xBD"), std::string::npos) << p.code << " keeps a lost accent";
  }
}

TEST(PlaceLookup, UnLocodeOfAPlaceResolvesToThePlace) {
  const Resolved r = find("TRIST");
  EXPECT_FALSE(r.node);
  ASSERT_NE(r.place, nullptr);
  EXPECT_EQ(r.place->code, "TRIST");
  EXPECT_EQ(find("kzshy").place->code, "KZSHY");  // case does not matter
}

TEST(PlaceLookup, NodeWinsForItsCodeNameAndAliases) {
  const Network& net = ref().pkg.network;
  // DEDUI and Duisburg are in the index too; the node wins.
  for (const char* text : {"DEDUI", "Duisburg", "Khorgos", "Hakata"}) {
    const Resolved r = find(text);
    ASSERT_TRUE(r.node) << text;
    EXPECT_EQ(r.place, nullptr) << text;
    EXPECT_EQ(*r.node, route::locate(net, text)) << text;
  }
}

TEST(PlaceLookup, IstanbulIsTheNetworksTerminalAndTheCityByCode) {
  // The rule: nodes' names (whole, prefix or word) come before places' names, so "Istanbul"
  // finds the network's Istanbul terminal TRHAL "Istanbul (Halkalı)"; the city is TRIST.
  const Resolved r = find("Istanbul");
  ASSERT_TRUE(r.node);
  EXPECT_EQ(ref().pkg.network.node(*r.node).code, "TRHAL");
  EXPECT_EQ(find("TRIST").place->code, "TRIST");
}

TEST(PlaceLookup, PlaceByWholeNameOrPrefix) {
  // Towns that are not nodes of the network (Shymkent and Warsaw are, by their node names).
  const auto place_code = [](const char* text) {
    const Resolved r = find(text);
    EXPECT_TRUE(r.place) << text;
    return r.place ? r.place->code : std::string("(no place)");
  };
  EXPECT_EQ(place_code("Taraz"), "KZTAR");
  EXPECT_EQ(place_code("Karaganda"), "KZKGF");
  EXPECT_EQ(place_code("Poznan"), "PLPOZ");
  EXPECT_EQ(ref().pkg.network.node(*find("Warszawa").node).code, "PLWAW");
}

TEST(PlaceLookup, MisspellingSuggestsTheCityFromTheWholeIndex) {
  const std::string msg = error_of("Istambul");
  EXPECT_NE(msg.find("unknown location 'Istambul'"), std::string::npos) << msg;
  EXPECT_NE(msg.find("TRIST Istanbul"), std::string::npos) << msg;
  // Nodes are offered first.
  EXPECT_LT(msg.find("TRHAL"), msg.find("TRIST")) << msg;
  const std::string kar = error_of("Karagandy");
  EXPECT_NE(kar.find("KZKGF Karaganda"), std::string::npos) << kar;
}

TEST(PlaceLookup, UnknownCodeSaysSoWithSuggestions) {
  const std::string msg = error_of("XXQQQ");
  EXPECT_EQ(msg.rfind("unknown location 'XXQQQ'", 0), 0u) << msg;
  EXPECT_THROW(find("  "), route::LocateError);
}

TEST(PlaceLookup, SharedNameIsAmbiguousAndListsCodes) {
  try {
    find("Springfield");
    FAIL() << "expected an ambiguity";
  } catch (const route::LocateError& e) {
    EXPECT_TRUE(e.ambiguous());
    EXPECT_NE(std::string(e.what()).find("CASFQ Springfield (CA-MB)"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("more"), std::string::npos) << e.what();
  }
}

TEST(PlaceLookup, SharedNameMeansTheOnePlaceNearTheNetwork) {
  // Five Dresdens in North America and one in Germany; within 1,000 km of a node only DEDRS.
  EXPECT_THROW(find("Dresden"), route::LocateError);
  const Resolved r = resolve(ref().pkg.network, source(ref().places), "Dresden", 1000.0);
  ASSERT_NE(r.place, nullptr);
  EXPECT_EQ(r.place->code, "DEDRS");
  EXPECT_EQ(resolve(ref().pkg.network, source(ref().places), "London", 1000.0).place->code, "GBLON");
  // None near: still ambiguous.
  EXPECT_THROW(resolve(ref().pkg.network, source(ref().places), "Springfield", 1000.0), route::LocateError);
}

TEST(PlaceLookup, NodeLookupsNeverLoadTheIndex) {
  int loads = 0;
  const PlaceIndex& idx = ref().places;
  const PlaceSource counting = [&]() -> const PlaceIndex& {
    ++loads;
    return idx;
  };
  resolve(ref().pkg.network, counting, "DEDUI");
  resolve(ref().pkg.network, counting, "Duisburg");
  EXPECT_EQ(loads, 0);
  resolve(ref().pkg.network, counting, "Hakat");  // five letters: could be a UN/LOCODE
  EXPECT_EQ(loads, 1);
  resolve(ref().pkg.network, counting, "TRIST");
  EXPECT_EQ(loads, 2);
}

}  // namespace
}  // namespace landbridge::place
