// Shared pieces of the landbridge command line: exit codes, the --network option, loading.
#pragma once

#include <CLI/CLI.hpp>
#include <filesystem>
#include <memory>
#include <string>

#include "landbridge/io/package.h"
#include "landbridge/place/door.h"
#include "landbridge/query/engine.h"
#include "landbridge/schedule/planner.h"
#include "output.h"

namespace landbridge::service {
class Store;
}

namespace landbridge::cli {

// Exit codes that mean something to scripts (the table in main.cpp's footer and README.md).
enum Exit : int {
  kOk = 0,
  kInvalidInput = 1,     // an input file with errors: package, scenario, demand CSV
  kUsage = 2,            // bad arguments, unknown or ambiguous place, nothing to do
  kNoRoute = 3,          // no itinerary satisfies the query (the reason is printed)
  kInternal = 4,         // a bug: nothing a user can do causes it
  kOutput = 5,           // standard output, standard error or an -o file could not be written
  kInterrupted = 130,    // a sweep stopped by Ctrl-C / SIGTERM: its finished cells are kept (run again to resume)
};

// Adds --network DIR to a subcommand; empty means the built-in reference package.
void add_network_option(CLI::App& cmd, std::string& dir);
// Adds --reliability N (1 .. corridor::kMaxReliabilityReplications) and --background FILE, which
// needs it, to a subcommand with its own help texts; returns --reliability for the options that
// need it too.
CLI::Option* add_reliability_options(CLI::App& cmd, query::ReliabilityQuery& q, const std::string& replications_help,
                                     const std::string& background_help);
// Loads the package named by --network (or the built-in one). Throws LoadError.
io::LoadedPackage load_network(const std::string& dir);

// Loads the package named by --network and resolves FROM and TO (place/door.h): a UN/LOCODE place
// that is not a node is connected to the network by road for this query. Unknown or ambiguous
// text throws route::LocateError (exit 2 in main.cpp); a place out of road reach prints why and
// exits 3.
place::DoorQuery open_query(const std::string& network, const std::string& from, const std::string& to);

// A timetabled query as the route and chart commands take it from their options.
struct ScheduledQuery {
  std::string network, from, to;
  // ISO 8601 date or date-time; with an offset or Z as given, without one local time at the
  // origin (a date alone: 00:00 local). Empty with arrive_by.
  std::string depart;
  // Arrive-by deadline, ISO 8601; without an offset local time at the destination. Empty
  // unless an arrive-by query (then depart is empty).
  std::string arrive_by;
  // "" or a duration such as 7d: with depart the range of ready instants; with arrive_by how
  // long before the deadline the box can be ready at the earliest (default query::kArriveByLookback).
  std::string window;
  std::string unit = "teu";  // a box type for route::parse_box_type (teu, feu, 40hc, 45G1, ...)
  std::vector<std::string> avoid;
  int count = 1;
  bool pareto = false;
  int max_trips = 12;
  int max_transshipments = -1;  // < 0: no limit
  query::ReliabilityQuery reliability;  // --reliability N [--background FILE] [--arrive-by-prob T]
};
using ScheduledAnswer = query::ScheduledAnswer;
// Plans on query::Engine and turns every QueryError into a printed message and CLI::RuntimeError
// with the documented exit code (2 usage / unknown place / no services / a date outside
// 1900-01-01 .. 2199-12-31 / a window over query::kMaxWindow, 3 no itinerary, with the
// services' validity when the query lies outside it).
ScheduledAnswer plan_scheduled(const ScheduledQuery& q);
// Prints the engine's message as the command line words it ("error: ..." with option names,
// "no route: ...") and throws CLI::RuntimeError with exit code 2 or 3.
[[noreturn]] void fail(const query::QueryError& e);

// The service's --db URL option (default sqlite:landbridge.db, env LANDBRIDGE_DB) and opening
// it: a database that cannot be opened prints the store's message and exits 1.
void add_db_option(CLI::App& cmd, std::string& url);
std::unique_ptr<service::Store> open_db(const std::string& url);

void register_validate(CLI::App& app);
void register_export(CLI::App& app);
void register_route(CLI::App& app);
void register_chart(CLI::App& app);
void register_simulate(CLI::App& app);
void register_sweep(CLI::App& app);    // cmd_sweep.cpp
void register_keys(CLI::App& app);   // cmd_keys.cpp
void register_serve(CLI::App& app);  // cmd_serve.cpp
void register_assign(CLI::App& app);  // cmd_assign.cpp

}  // namespace landbridge::cli
