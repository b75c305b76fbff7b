// Geographic helpers: positions and great-circle distances.
#pragma once

#include "landbridge/core/units.h"

namespace landbridge {

struct LatLon {
  double lat = 0.0;  // degrees, north positive
  double lon = 0.0;  // degrees, east positive, any range (normalised where compared)
  friend constexpr bool operator==(LatLon, LatLon) = default;
};

constexpr double kEarthRadiusKm = 6371.0;  // mean radius, as used for haversine in the facts file

// Haversine great-circle distance on a sphere of radius kEarthRadiusKm.
Kilometres great_circle(LatLon a, LatLon b);

// Longitude folded into [-180, 180).
double normalize_lon(double lon);

}  // namespace landbridge
