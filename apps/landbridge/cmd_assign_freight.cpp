// landbridge assign DEMAND: where a week of boxes goes on the package's multimodal network.
#include "cmd_assign_freight.h"

#include <sstream>

#include "cli.h"
#include "landbridge/freight/report.h"
#include "landbridge/freight/study.h"

namespace landbridge::cli {

void add_freight_assign_options(CLI::App& cmd, FreightAssignArgs& a) {
  add_network_option(cmd, a.network);
  cmd.add_option("--settings", a.settings,
                 "Capacity settings file (default: settings.txt beside DEMAND, when there is one)")
      ->type_name("FILE");
  cmd.add_option("--what-if", a.what_if, "Settings applied on top of the base (repeatable)")->type_name("FILE");
  cmd.add_option("--set", a.sets, "One setting, e.g. node.KZHOR.cranes=6 or service.FDR-HKT-LYG.departures_per_week=2")
      ->type_name("KEY=VALUE");
  cmd.add_option("--geojson", a.geojson, "Write the flow map as GeoJSON")->type_name("FILE");
  cmd.add_option("--svg", a.svg, "Write the flow map as SVG")->type_name("FILE");
  cmd.add_option("--rounds", a.rounds, "Most Lagrange rounds for hard capacities (default 80)")
      ->check(CLI::Range(1, 10000));
}

void run_assign_freight(const FreightAssignArgs& a) {
  const io::LoadedPackage pkg = load_network(a.network);
  freight::StudyInput in;
  in.demand = a.demand;
  in.settings = a.settings;
  for (const std::string& f : a.what_if) in.what_if_files.emplace_back(f);
  in.sets = a.sets;
  try {
    in.options.method = assign::parse_method(a.method);
  } catch (const assign::ProblemError& e) {
    throw RequestError(std::string("--method: ") + e.what());
  }
  in.options.target_gap = a.gap;
  in.options.max_outer = a.rounds;
  if (!a.quiet)
    in.options.progress = [](int round, const assign::Iteration& it) {
      say("round {:3d} iteration {:4d}: relative gap {:.3e}, average excess cost {:.4g} USD/TEU, objective {:.10g}\n",
          round, it.iteration, it.relative_gap, it.average_excess_cost, it.objective);
    };
  freight::Study s;
  try {
    s = freight::run_study(pkg, in);
  } catch (const assign::ProblemError& e) {  // the solver library refused the problem (assign/problem.h)
    say("error: {}\n", e.what());
    throw CLI::RuntimeError(kUsage);
  }
  std::ostringstream report;
  if (a.json) report << freight::to_json(pkg, s.graph, s.result).dump(2) << "\n";
  else freight::write_text(pkg, s.graph, s.result, report);
  write_output("", report.str());
  if (!a.geojson.empty()) {
    std::ostringstream os;
    freight::write_geojson(pkg, s.graph, s.result, os);
    write_output(a.geojson, os.str());
    say("wrote {}\n", a.geojson);
  }
  if (!a.svg.empty()) {
    std::ostringstream os;
    freight::write_svg(pkg, s.graph, s.result, "landbridge assign " + a.demand + ": flows, TEU per week", os);
    write_output(a.svg, os.str());
    say("wrote {}\n", a.svg);
  }
}

}  // namespace landbridge::cli
