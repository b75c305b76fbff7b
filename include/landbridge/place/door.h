// Door-to-door queries: a route may start or end at any UN/LOCODE place, not only at a node.
//
//   io::LoadedPackage pkg = io::load_package(io::default_package_dir());
//   place::DoorQuery q = place::door_to_door(std::move(pkg), place::index_file(io::default_place_index_path()),
//                                            "KZSHY", "DEDUI");
//   route::Planner planner(q.pkg);                       // or schedule::ScheduledPlanner(q.pkg, ...)
//   route::RouteResult r = planner.route({.from = q.from, .to = q.to});
//
// This is the one place where what the user typed is resolved (place/lookup.h). When an end is a
// place that is not a node, the query runs on a copy of the package with that place added:
//   node        the place (kind `hub`: a shipper's or consignee's door, not a terminal), with the
//               time zone of the nearest node of its country that has one.
//   road links  from the origin place to, or to the destination place from, the `nearest` closest
//               nodes within `radius_km` great-circle that are not border crossings (terminals,
//               ports, hubs), in the place's own country or in a country the network itself
//               crosses into over land (a rail or road link between the two): no truck to a port
//               across the sea. distance = great circle x detour_factor, duration = distance /
//               speed_kmh, price per box = distance x cost_usd_per_km (one box per truck),
//               emission factor from [road] of network.toml (docs/door-to-door.md).
//   border      a road link between a place and a terminal in another country (not of one
//               `border_free` group) adds a `border` operation at that terminal for boxes
//               arriving by road (origin) or leaving by road (destination): border_hours and
//               border_cost_usd. A foreign terminal the package itself already serves by road is
//               not linked (the operation would apply to those roads too).
//   terminals   a node linked by road gets, for a box arriving by truck, the operations it applies
//               to a box that starts there (`start` -> X becomes `road` -> X), and for a box
//               leaving by truck those of one that ends there (X -> `end` becomes X -> `road`),
//               unless it already has an operation of that kind for road.
// Every road access is one link, so the timetabled planner (which never takes two untimed links
// in a row) can use it before the first or after the last ride.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "landbridge/core/error.h"
#include "landbridge/io/package.h"
#include "landbridge/model/places.h"
#include "landbridge/place/lookup.h"

namespace landbridge::place {

// A place the package cannot connect: no terminal within road reach, or no [road] table at all.
// Means "no route" (exit 3 on the command line).
class NoAccessError : public Error {
 public:
  using Error::Error;
};

struct DoorQuery {
  io::LoadedPackage pkg;             // the package to plan on (the input one when no place was added)
  std::string from, to;              // node codes in pkg for the planners
  std::vector<std::string> added;    // codes of the places added as nodes for this query
};

// The time zone a place off the network is given: that of the nearest node of its country that
// has one ("" when none).
std::string nearest_zone(const Network& net, const Place& p);

// Resolves `from` and `to` (place/lookup.h) and adds what is not a node. Throws
// route::LocateError (unknown or ambiguous text), NoAccessError (a place out of reach, or a
// place but no [road] table in the package).
DoorQuery door_to_door(io::LoadedPackage pkg, const PlaceSource& places, std::string_view from, std::string_view to);

// A copy of `pkg` with the origin and/or destination place (either may be null) connected by road
// as described above.
io::LoadedPackage with_places(const io::LoadedPackage& pkg, const Place* origin, const Place* destination);

// A PlaceSource that loads `file` (io::load_place_index) on first use and keeps it.
PlaceSource index_file(std::filesystem::path file);

}  // namespace landbridge::place
