#include "landbridge/core/geo.h"

#include <gtest/gtest.h>

namespace landbridge {
namespace {

TEST(Geo, GreatCircleMatchesFactsFileFigures) {
  // corridor-facts.md: Hakata -> Lianyungang great circle 1,018 km; Aktau -> Alat 436 km.
  LatLon hakata{33.600, 130.417}, lianyungang{34.717, 119.433};
  LatLon aktau{43.650, 51.150}, alat{39.950, 49.400};
  EXPECT_NEAR(great_circle(hakata, lianyungang).value(), 1018.0, 2.0);
  EXPECT_NEAR(great_circle(aktau, alat).value(), 436.0, 2.0);
}

TEST(Geo, NormalizeLongitude) {
  EXPECT_DOUBLE_EQ(normalize_lon(187.5), -172.5);
  EXPECT_DOUBLE_EQ(normalize_lon(-180.0), -180.0);
  EXPECT_DOUBLE_EQ(normalize_lon(540.0), -180.0);
  EXPECT_DOUBLE_EQ(normalize_lon(10.0), 10.0);
}

}  // namespace
}  // namespace landbridge
