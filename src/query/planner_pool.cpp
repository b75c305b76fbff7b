// Shared horizons and the pool sizes.
#include "planner_pool.h"

#include <algorithm>
#include <thread>

#include "landbridge/timetable/time.h"

namespace landbridge::query {

HorizonKey shared_horizon(Instant start, Minutes length) {
  const std::int64_t step = kHorizonStep.value();
  const std::int64_t lo = static_cast<std::int64_t>(timetable::floor_div(start.value(), step)) * step;
  const std::int64_t end = static_cast<std::int64_t>(start.value()) + length.value();
  const std::int64_t hi = -static_cast<std::int64_t>(timetable::floor_div(-end, step)) * step;  // round up
  return {Instant(static_cast<Instant::rep>(lo)), Minutes(static_cast<std::int32_t>(hi - lo))};
}

std::size_t idle_per_key() { return std::max<std::size_t>(2, 2 * static_cast<std::size_t>(std::thread::hardware_concurrency())); }

}  // namespace landbridge::query
