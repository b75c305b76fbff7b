// landbridge assign: static traffic assignment (assign/problem.h).
//
//   landbridge assign --tntp DIR [--so] [--method aon|fw|cfw|bfw|bush] [--gap G] ...
//       solves a TNTP network folder (io/tntp.h) and, when the folder has a _flow file,
//       compares the link flows with that best-known solution.
//   landbridge assign DEMAND ...
//       freight assignment on a network package: the place for it is assign_freight() below.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>

#include "cli.h"
#include "cmd_assign_freight.h"
#include "landbridge/assign/problem.h"
#include "landbridge/io/tntp.h"

namespace landbridge::cli {
namespace {

struct AssignArgs {
  std::string tntp;    // --tntp DIR
  std::string demand;  // DEMAND (freight assignment)
  std::string method = "bfw";
  bool system_optimum = false, json = false, quiet = false;
  double gap = 1e-4;
  int max_iterations = 10000;
  double max_seconds = 600;
  std::optional<double> toll_factor, distance_factor;
  FreightAssignArgs freight;  // the options only the DEMAND form has (cmd_assign_freight.h)
  bool gap_given = false;
};

// How far the flows are from a best-known solution (_flow file).
struct FlowComparison {
  std::size_t matched = 0, unmatched = 0;
  double max_relative = 0;  // max |v - v*| / v* over links with v* >= 1
  double max_absolute = 0;  // max |v - v*| over all matched links
};

FlowComparison compare_flows(const assign::Network& net, const assign::Result& r,
                             const std::vector<io::TntpFlow>& best) {
  // Parallel links (same ends) are matched in file order.
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::vector<std::size_t>> arcs_by_ends;
  for (std::size_t i = net.arc_count(); i-- > 0;) {
    const auto& a = net.arc(assign::ArcId::from(i));
    arcs_by_ends[{a.tail.get() + 1, a.head.get() + 1}].push_back(i);
  }
  FlowComparison c;
  for (const io::TntpFlow& f : best) {
    auto it = arcs_by_ends.find({f.from, f.to});
    if (it == arcs_by_ends.end() || it->second.empty()) {
      ++c.unmatched;
      continue;
    }
    const std::size_t i = it->second.back();
    it->second.pop_back();
    ++c.matched;
    const double diff = std::fabs(r.flow[i] - f.volume);
    c.max_absolute = std::max(c.max_absolute, diff);
    if (f.volume >= 1) c.max_relative = std::max(c.max_relative, diff / f.volume);
  }
  return c;
}

void assign_tntp(const AssignArgs& a) {
  assign::Options options;
  try {
    options.method = assign::parse_method(a.method);
  } catch (const assign::ProblemError& e) {
    say("error: --method: {}\n", e.what());
    throw CLI::RuntimeError(kUsage);
  }
  const io::TntpFolder files = io::find_tntp_files(a.tntp);  // LoadError: exit 1
  const auto known = io::tntp_known_factors(files.name);
  io::TntpCostFactors factors = known.value_or(io::TntpCostFactors{});
  if (!known && !(a.toll_factor && a.distance_factor))
    say("note: {} is not in the table of known networks; toll and distance factors {} and {} "
        "(--toll-factor, --distance-factor)\n",
        files.name, a.toll_factor.value_or(0), a.distance_factor.value_or(0));
  if (a.toll_factor) factors.toll = *a.toll_factor;
  if (a.distance_factor) factors.distance = *a.distance_factor;

  const assign::Network net = io::read_tntp_network(files.net, factors);
  const assign::Demand demand = io::read_tntp_trips(files.trips, net.zone_count());

  options.objective = a.system_optimum ? assign::Objective::system_optimum : assign::Objective::user_equilibrium;
  options.target_gap = a.gap;
  options.max_iterations = a.max_iterations;
  options.max_seconds = a.max_seconds;
  if (!a.quiet)
    options.progress = [](const assign::Iteration& it) {
      say("iteration {:5d}  relative gap {:.6e}  average excess cost {:.6e}  objective {:.12g}  {:.3f} s\n",
          it.iteration, it.relative_gap, it.average_excess_cost, it.objective, it.seconds);
    };
  assign::Result r;
  try {
    r = assign::solve(net, demand, options);
  } catch (const assign::ProblemError& e) {
    say("error: {}: {}\n", files.name, e.what());
    throw CLI::RuntimeError(kInvalidInput);
  }

  std::optional<FlowComparison> cmp;
  if (!files.flow.empty()) cmp = compare_flows(net, r, io::read_tntp_flows(files.flow));

  const char* objective_kind = a.system_optimum ? "system_optimum" : "user_equilibrium";
  if (a.json) {
    nlohmann::json j;
    j["network"] = files.name;
    j["method"] = std::string(assign::method_name(options.method));
    j["objective_kind"] = objective_kind;
    j["objective"] = r.objective;
    j["relative_gap"] = r.relative_gap;
    j["average_excess_cost"] = r.average_excess_cost;
    j["iterations"] = r.iterations;
    j["seconds"] = r.seconds;
    j["converged"] = r.converged;
    j["tstt"] = r.tstt;
    j["sptt"] = r.sptt;
    j["gap_costs"] = a.system_optimum ? "marginal" : "user";  // the costs tstt and sptt are measured on
    j["total_demand"] = demand.total();
    j["intrazonal_demand"] = demand.intrazonal();
    j["toll_factor"] = factors.toll;
    j["distance_factor"] = factors.distance;
    auto& links = j["links"] = nlohmann::json::array();
    for (std::size_t i = 0; i < net.arc_count(); ++i) {
      const auto& arc = net.arc(assign::ArcId::from(i));
      links.push_back({{"from", arc.tail.get() + 1}, {"to", arc.head.get() + 1}, {"flow", r.flow[i]}, {"cost", r.cost[i]}});
    }
    if (cmp)
      j["best_known_flows"] = {{"matched_links", cmp->matched},
                               {"unmatched_links", cmp->unmatched},
                               {"max_relative_difference", cmp->max_relative},
                               {"max_absolute_difference", cmp->max_absolute}};
    print_out(j.dump(2) + "\n");
  } else {
    print_out(fmt::format("{}: {} ({}), {} zones, {} nodes, {} links, demand {:.6g} ({:.6g} intrazonal, not loaded)\n",
                          files.name, assign::method_name(options.method), objective_kind, net.zone_count(),
                          net.vertex_count(), net.arc_count(), demand.total(), demand.intrazonal()));
    print_out(fmt::format("{} after {} iterations in {:.3f} s: relative gap {:.6e}, average excess cost {:.6e}\n",
                          r.converged ? "converged" : "stopped", r.iterations, r.seconds, r.relative_gap,
                          r.average_excess_cost));
    if (a.system_optimum)
      print_out(fmt::format("objective (total cost) {:.15g}  on marginal costs: TSTT {:.15g}  SPTT {:.15g}\n",
                            r.objective, r.tstt, r.sptt));
    else
      print_out(fmt::format("objective (Beckmann) {:.15g}  TSTT {:.15g}  SPTT {:.15g}\n", r.objective, r.tstt, r.sptt));
    if (cmp)
      print_out(fmt::format("best-known flows ({}): {} links matched, {} not; max relative difference {:.3e} "
                            "(links with flow >= 1), max absolute difference {:.3e}\n",
                            files.flow.filename().string(), cmp->matched, cmp->unmatched, cmp->max_relative,
                            cmp->max_absolute));
  }
}

// Freight assignment on a network package (cmd_assign_freight.cpp) with the shared options.
// Without --gap it solves each equilibrium to 1e-8: the Lagrange rounds need steady flows.
void assign_freight(const AssignArgs& a) {
  FreightAssignArgs f = a.freight;
  f.demand = a.demand;
  f.method = a.method;
  f.gap = a.gap_given ? a.gap : 1e-8;
  f.json = a.json;
  f.quiet = a.quiet;
  run_assign_freight(f);
}

}  // namespace

void register_assign(CLI::App& app) {
  auto* cmd = app.add_subcommand("assign", "Static traffic assignment: user equilibrium or system optimum");
  auto a = std::make_shared<AssignArgs>();
  cmd->add_option("DEMAND", a->demand, "Freight demand file (freight assignment on a network package)");
  cmd->add_option("--tntp", a->tntp, "Folder of a TNTP network (*_net.tntp, *_trips.tntp, optional *_flow.tntp)")
      ->type_name("DIR");
  cmd->add_flag("--so", a->system_optimum, "System optimum (marginal costs) instead of user equilibrium");
  cmd->add_option("--method", a->method, "aon, fw, cfw, bfw or bush")->capture_default_str();
  cmd->add_option("--gap", a->gap, "Stop at this relative gap (TSTT - SPTT) / TSTT")->capture_default_str();
  cmd->add_option("--max-iterations", a->max_iterations, "Stop after this many iterations")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--max-seconds", a->max_seconds, "Stop after this much time")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--toll-factor", a->toll_factor,
                  "Generalized cost per toll unit (default: the network's README, e.g. 0.02 for ChicagoSketch)");
  cmd->add_option("--distance-factor", a->distance_factor,
                  "Generalized cost per length unit (default: the network's README, e.g. 0.04 for ChicagoSketch)");
  cmd->add_flag("--json", a->json, "Print the result (objective, gaps, link flows) as JSON");
  cmd->add_flag("--quiet", a->quiet, "No progress line per iteration on standard error");
  add_freight_assign_options(*cmd, a->freight);
  cmd->callback([a, cmd] {
    a->gap_given = cmd->get_option("--gap")->count() > 0;
    if (!a->tntp.empty() && !a->demand.empty()) {
      say("error: give either --tntp DIR or DEMAND, not both\n");
      throw CLI::RuntimeError(kUsage);
    }
    if (!a->tntp.empty()) return assign_tntp(*a);
    if (!a->demand.empty()) return assign_freight(*a);
    say("error: nothing to assign: give --tntp DIR or DEMAND\n");
    throw CLI::RuntimeError(kUsage);
  });
}

}  // namespace landbridge::cli
