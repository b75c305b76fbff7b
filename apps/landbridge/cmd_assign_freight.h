// `landbridge assign DEMAND ...`: freight assignment of a demand table on the network package.
// cmd_assign.cpp owns the subcommand; it adds these options and calls run_assign_freight when
// a DEMAND file is given (the --tntp form is its own).
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace landbridge::cli {

struct FreightAssignArgs {
  std::string network;            // --network (shared with the subcommand)
  std::string demand;             // DEMAND
  std::string method;             // --method, shared with --tntp (cmd_assign.cpp sets it)
  double gap = 1e-8;              // --gap (shared)
  bool json = false;              // --json (shared)
  std::string settings;           // --settings FILE
  std::vector<std::string> what_if;  // --what-if FILE (repeatable)
  std::vector<std::string> sets;     // --set KEY=VALUE (repeatable)
  std::string geojson, svg;       // --geojson FILE, --svg FILE
  int rounds = 80;                // --rounds N (Lagrange)
  bool quiet = false;             // --quiet (shared): no progress lines
};

// The options only the DEMAND form has (and --network).
void add_freight_assign_options(CLI::App& cmd, FreightAssignArgs& a);
// Runs it; prints a progress line per iteration on standard error, the report on standard
// output (text or --json), and writes --geojson / --svg files.
void run_assign_freight(const FreightAssignArgs& a);

}  // namespace landbridge::cli
