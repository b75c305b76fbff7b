// Shared pieces of the landbridge command line: exit codes, the --network option, loading.
#pragma once

#include <CLI/CLI.hpp>
#include <filesystem>
#include <string>

#include "landbridge/io/package.h"

namespace landbridge::cli {

// Exit codes that mean something to scripts.
enum Exit : int {
  kOk = 0,
  kInvalidInput = 1,     // a package or scenario with errors (validate)
  kUsage = 2,            // bad arguments, unknown location
  kNoRoute = 3,          // no itinerary satisfies the query
  kInternal = 4,         // anything unexpected
};

// Adds --network DIR to a subcommand; empty means the built-in reference package.
void add_network_option(CLI::App& cmd, std::string& dir);
// Loads the package named by --network (or the built-in one). Throws LoadError.
io::LoadedPackage load_network(const std::string& dir);

void register_validate(CLI::App& app);
void register_export(CLI::App& app);
void register_route(CLI::App& app);
void register_chart(CLI::App& app);

}  // namespace landbridge::cli
