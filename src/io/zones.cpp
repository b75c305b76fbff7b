// The tz database is Howard Hinnant's date/tz on the system's zoneinfo files; lb_io links it
// privately, only for this check (local times themselves are the schedule layer's business).
#include "zones.h"

#include <date/tz.h>

#include <stdexcept>
#include <string>

#include "landbridge/core/error.h"

namespace landbridge::io {

bool is_known_timezone(std::string_view name) {
  try {
    (void)date::get_tzdb();
  } catch (const std::exception& e) {
    throw Error(std::string("the time zone database cannot be read (is tzdata installed?): ") + e.what());
  }
  try {
    return date::locate_zone(name) != nullptr;
  } catch (const std::runtime_error&) {
    return false;  // "... not found in timezone database"
  }
}

}  // namespace landbridge::io
