// Dated rate sets (`rates.csv`, optional in a network package): the loader. The table it fills,
// timetable::RateTable (timetable/rates.h), is what the planners use.
// Scopes, targets and how factors combine: timetable/rates.h.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "landbridge/core/error.h"
#include "landbridge/timetable/rates.h"

namespace landbridge {
class Network;
}

namespace landbridge::io {

inline constexpr const char* kRatesFile = "rates.csv";

// The table's names as the loader's callers know them.
using timetable::RateRow;
using timetable::RateScope;
using timetable::RateTable;
using timetable::scaled;

// Reads `rates.csv` of the package folder if there is one (none: an empty table). Problems go
// to `diags` with file, line and field: unknown or missing columns, dates, scopes, targets that
// the network does not know (service ids are checked by check_rate_services), factors, and rows
// of one scope and target whose validity overlaps.
RateTable load_rates(const std::filesystem::path& dir, const Network& net, Diagnostics& diags);
RateTable load_rates_text(std::string_view text, const Network& net, Diagnostics& diags);
// Service targets against the loaded service ids.
void check_rate_services(const RateTable& rates, const std::vector<std::string>& service_ids, Diagnostics& diags);

}  // namespace landbridge::io
