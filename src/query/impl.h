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
#include "lru_cache.h"
#include "planner_pool.h"

namespace landbridge::query {

// A copy of the package with the user's places added (place::with_places), kept for the next
// query between the same two ends with its services, clock and pooled planners.
class DoorPackage {
 public:
  explicit DoorPackage(LoadedNetwork copy) : pkg(std::make_shared<const LoadedNetwork>(std::move(copy))) {}
  // The package's services read against the copy, and its clock; loaded on first use. Throws
  // the services' LoadError (each time).
  [[nodiscard]] const std::vector<timetable::Service>& services() const;
  [[nodiscard]] const schedule::LocalClock& clock() const;

  std::shared_ptr<const LoadedNetwork> pkg;
  mutable ScheduledPool scheduled_pool{2, idle_per_key()};
  mutable RoutePool route_pool{1, idle_per_key()};

 private:
  void load() const;
  mutable std::once_flag once_;
  mutable std::vector<timetable::Service> services_;
  mutable std::exception_ptr error_;
  mutable std::unique_ptr<schedule::LocalClock> clock_;
};

// The two ends of a query as planners take them: node codes on `pkg`, which is the engine's own
// package when both ends are nodes and a copy with the user's places added otherwise.
struct Ends {
  std::shared_ptr<const LoadedNetwork> pkg;
  std::string from, to;
  std::shared_ptr<const DoorPackage> door;  // null: pkg is the engine's package
  [[nodiscard]] bool shared() const { return door == nullptr; }
};

// The box type a query names and its count, checked: QueryError (bad_request, field "unit" or
// "count") otherwise. Shared by the static and the timetabled planning.
route::BoxType check_shipment(const std::string& unit, std::int32_t count);

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
  // Horizons times constraint sets (a few horizons, each with several avoid/equipment sets);
  // a planner of 120 days holds about 0.5 MB: at most 256 idle ones are kept.
  mutable ScheduledPool scheduled_pool{128, idle_per_key(), 256};
  // Door-to-door packages by their two ends.
  mutable LruCache<DoorPackage> doors{32};
  mutable RoutePool route_pool{1, idle_per_key()};

  // Resolves what the user typed (place/door.h rules). Throws QueryError: bad_request with the
  // field for an unknown or ambiguous place, no_route for a place out of road reach.
  [[nodiscard]] Ends ends(const std::string& from, const std::string& to) const;
  [[nodiscard]] const timetable::Service* service(std::string_view id) const;
};

// "no route: X" from the place layer becomes the engine's "X" (the callers add their own prefix).
std::string without_no_route_prefix(const std::string& message);

}  // namespace landbridge::query
