// One freight assignment from files: a package, a demand table, settings and what-ifs.
//
//   freight::StudyInput in{.demand = "data/demand/reference-demand.csv"};
//   in.sets.push_back("node.KZHOR.cranes=6");
//   freight::Study s = freight::run_study(pkg, in);
//   freight::write_text(pkg, s.graph, s.result, std::cout);
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "landbridge/freight/assignment.h"

namespace landbridge::freight {

struct StudyInput {
  std::filesystem::path demand;
  // Base settings; empty: `settings.txt` beside the demand file when there is one.
  std::filesystem::path settings;
  std::vector<std::filesystem::path> what_if_files;  // applied in order, after the base
  std::vector<std::string> sets;                     // KEY=VALUE, applied last
  AssignOptions options;
  bool resolve_units = true;  // re-solve once per binding capacity with one more unit
};

struct Study {
  io::DemandTable table;
  std::vector<OdDemand> demand;
  Settings settings;
  FreightGraph graph;
  FreightResult result;
};

// Throws LoadError (demand, settings, services files), RequestError (a setting naming nothing
// in the package, an unknown place), assign::ProblemError (an OD with no path).
Study run_study(const LoadedNetwork& pkg, const StudyInput& in);

}  // namespace landbridge::freight
