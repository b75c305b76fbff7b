// What an Engine holds: the package and everything loaded with it once, and the pools of built
// planners that queries check out (private to src/query).
#pragma once

#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "landbridge/io/rates.h"
#include "landbridge/place/lookup.h"
#include "landbridge/query/engine.h"
#include "landbridge/route/planner.h"
#include "landbridge/schedule/local_time.h"
#include "landbridge/schedule/planner.h"
#include "location_index.h"
#include "planner_pool.h"

namespace landbridge::query {

// The two ends of a query as planners take them: node codes on `pkg`, which is the engine's own
// package when both ends are nodes and a copy with the user's places added otherwise.
struct Ends {
  std::shared_ptr<const LoadedNetwork> pkg;
  std::string from, to;
  bool shared = true;  // pkg is the engine's package (planners may come from the pools)
};

struct Engine::Impl {
  std::shared_ptr<const LoadedNetwork> pkg;
  std::vector<timetable::Service> services;
  std::map<std::string, std::size_t, std::less<>> service_index;  // id -> index in services
  std::shared_ptr<const io::RateTable> rates;
  std::exception_ptr scheduled_error;  // services / rates diagnostics: thrown by plan_scheduled
  std::exception_ptr rates_error;      // rates diagnostics: thrown by plan_static
  place::PlaceSource places;           // the UN/LOCODE index, loaded on first use (thread-safe)
  std::unique_ptr<schedule::LocalClock> clock;  // of pkg's network
  std::uint64_t fingerprint = 0;       // names the network in routing references
  // search_locations: nodes and places folded once, on the first search (thread-safe).
  mutable std::once_flag locations_once;
  mutable std::unique_ptr<const LocationIndex> locations;
  [[nodiscard]] const LocationIndex& location_index() const;
  mutable ScheduledPool scheduled_pool{6, idle_per_key()};
  mutable RoutePool route_pool{1, idle_per_key()};

  // Resolves what the user typed (place/door.h rules). Throws QueryError: bad_request with the
  // field for an unknown or ambiguous place, no_route for a place out of road reach.
  [[nodiscard]] Ends ends(const std::string& from, const std::string& to) const;
  [[nodiscard]] const timetable::Service* service(std::string_view id) const;
};

// "no route: X" from the place layer becomes the engine's "X" (the callers add their own prefix).
std::string without_no_route_prefix(const std::string& message);

}  // namespace landbridge::query
