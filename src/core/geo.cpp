#include "landbridge/core/geo.h"

#include <cmath>
#include <numbers>

namespace landbridge {

Kilometres great_circle(LatLon a, LatLon b) {
  constexpr double rad = std::numbers::pi / 180.0;
  const double dlat = (b.lat - a.lat) * rad;
  const double dlon = (b.lon - a.lon) * rad;
  const double s = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(a.lat * rad) * std::cos(b.lat * rad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return Kilometres(2.0 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(s))));
}

double normalize_lon(double lon) {
  double x = std::fmod(lon + 180.0, 360.0);
  if (x < 0) x += 360.0;
  return x - 180.0;
}

}  // namespace landbridge
