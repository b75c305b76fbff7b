// GeoJSON export of a loaded package, for QGIS, geojson.io and the web map.
//
// One FeatureCollection (RFC 7946: WGS84, [lon, lat] order, longitudes in [-180, 180]):
//   nodes  Point       properties: feature "node", code, name, kind, country
//   links  LineString  properties: feature "link", id, from, to, mode, gauge (null off rail),
//                      distance_km, hours, cost_usd_teu, sources ("S1;S2"), passages
// `marnet` links follow their sea route on the maritime graph; other links are straight
// segments between their nodes. A line that crosses the antimeridian is cut there into a
// MultiLineString, as RFC 7946 section 3.1.9 recommends.
#pragma once

#include <ostream>
#include <span>
#include <vector>

#include "landbridge/core/geo.h"
#include "landbridge/io/package.h"

namespace landbridge::io {

void export_geojson(const LoadedPackage& pkg, std::ostream& out);

// Cuts a polyline where it crosses the antimeridian. Consecutive points are joined the short
// way round (|delta lon| <= 180; input longitudes may be in any range, e.g. unwrapped). Every
// part has longitudes in [-180, 180] and at least two points; a part that reaches the
// antimeridian ends at lon +/-180 and the next one starts at the opposite sign, same latitude.
std::vector<std::vector<LatLon>> split_at_antimeridian(std::span<const LatLon> line);

}  // namespace landbridge::io
