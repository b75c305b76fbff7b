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

#include "landbridge/io/package.h"

namespace landbridge::io {

void export_geojson(const LoadedPackage& pkg, std::ostream& out);

}  // namespace landbridge::io
