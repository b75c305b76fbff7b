// A scenario from a TOML table already parsed (toml++), for callers that change a scenario's
// TOML before reading it: a sweep (sweep/) overrides fields of a base scenario. Kept apart from
// scenario.h so that only such callers see toml++.
#pragma once

#include <filesystem>
#include <toml++/toml.h>

#include "landbridge/corridor/scenario.h"

namespace landbridge::corridor {

// Reads `root` as load_scenario reads a scenario file's text: the same checks and messages,
// which name `file` and the line each node carries (nodes made in code carry none, so their
// messages have no line); relative paths (network, demand, bookings) are resolved against
// file's folder and the demand and bookings files are read from disk. Throws ScenarioError.
Scenario scenario_from_table(const toml::table& root, const std::filesystem::path& file);

}  // namespace landbridge::corridor
