// Time zone names of nodes.csv checked against the system tz database.
#pragma once

#include <string_view>

namespace landbridge::io {

// True if `name` is a zone or link of the system's tz database (/usr/share/zoneinfo, Debian
// tzdata). Throws landbridge::Error if the database cannot be read.
bool is_known_timezone(std::string_view name);

}  // namespace landbridge::io
