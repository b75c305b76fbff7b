// Scheduled services of a network package: services.csv and service_calls.csv
// (docs/services-format.md).
//
// services.csv holds one row per service (operator, mode/gauge, operating pattern, validity,
// capacity, cut-off, prices, emission factor); service_calls.csv one row per call with
// arrival/departure offsets from the service's start. Both files are optional: a package
// without them has no services. Every problem names file, line, field, value and what was
// expected; a service that loads cleanly is also checked with timetable::validate.
#pragma once

#include <filesystem>
#include <vector>

#include "landbridge/core/error.h"
#include "landbridge/io/package.h"
#include "landbridge/model/network.h"
#include "landbridge/timetable/service.h"

namespace landbridge::io {

inline constexpr const char* kServicesFile = "services.csv";
inline constexpr const char* kServiceCallsFile = "service_calls.csv";

// Reads services.csv, service_calls.csv and network.toml (for feu_teu_cost_ratio) of the
// package folder `dir` and loads the services against `net` (the network load_package built
// from the same folder). Problems go to `diags`; services with problems are left out of the
// result. A folder without services.csv and service_calls.csv yields no services.
std::vector<timetable::Service> load_services(const std::filesystem::path& dir, const Network& net,
                                              Diagnostics& diags);

// The same on files held in memory (`files.files` keyed "services.csv", "service_calls.csv",
// "network.toml"; other entries are ignored).
std::vector<timetable::Service> load_services(const PackageFiles& files, const Network& net, Diagnostics& diags);

}  // namespace landbridge::io
