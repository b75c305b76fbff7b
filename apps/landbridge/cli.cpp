#include "cli.h"

#include <fmt/format.h>

#include "landbridge/io/services.h"
#include "landbridge/timetable/time.h"

namespace landbridge::cli {

void add_network_option(CLI::App& cmd, std::string& dir) {
  cmd.add_option("--network", dir,
                 "Network package folder (default: the built-in Eurasian reference package)")
      ->type_name("DIR");
}

io::LoadedPackage load_network(const std::string& dir) {
  return io::load_package(dir.empty() ? io::default_package_dir() : std::filesystem::path(dir));
}

ScheduledAnswer plan_scheduled(const ScheduledQuery& q) {
  std::string why;
  const auto depart = timetable::parse_iso8601(q.depart, &why);
  if (!depart) {
    fmt::print(stderr, "error: --depart {}: {}\n", q.depart, why);
    throw CLI::RuntimeError(kUsage);
  }
  std::optional<Minutes> window;
  if (!q.window.empty()) {
    window = timetable::parse_duration(q.window, &why);
    if (!window) {
      fmt::print(stderr, "error: --window {}: {}\n", q.window, why);
      throw CLI::RuntimeError(kUsage);
    }
  }
  ScheduledAnswer ans{load_network(q.network), {}};
  const io::LoadedPackage& pkg = ans.pkg;
  Diagnostics diags;
  std::vector<timetable::Service> services = io::load_services(pkg.dir, pkg.network, diags);
  diags.throw_if_any();
  if (services.empty()) {
    fmt::print(stderr, "error: this package has no services ({}): timetabled routing (--depart) needs {} and {}\n",
               pkg.dir.string(), io::kServicesFile, io::kServiceCallsFile);
    throw CLI::RuntimeError(kUsage);
  }
  // The timetable starts at the departure day and covers the window plus 120 days of travel.
  const Minutes day_start = timetable::to_instant(timetable::to_civil(*depart).date);
  const Minutes horizon = days(120) + window.value_or(Minutes(0));
  schedule::ScheduledPlanner planner(pkg, std::move(services), day_start, horizon);
  schedule::ScheduledRequest req;
  req.from = q.from;
  req.to = q.to;
  req.depart = *depart;
  req.pareto = q.pareto;
  req.window = window;
  req.avoid = q.avoid;
  req.max_trips = q.max_trips;
  req.options.shipment = {*emissions::parse_container_unit(q.unit), q.count};
  if (q.max_transshipments >= 0) req.options.max_transshipments = q.max_transshipments;
  ans.result = planner.plan(req);  // unknown places: exit 2 (main.cpp)
  if (ans.result.itineraries.empty()) {
    fmt::print(stderr, "no route: no timetabled itinerary from {} to {} ready {}{}\n",
               pkg.network.node(ans.result.from).code, pkg.network.node(ans.result.to).code,
               timetable::format_iso8601(*depart), window ? " within the window" : "");
    throw CLI::RuntimeError(kNoRoute);
  }
  return ans;
}

}  // namespace landbridge::cli
