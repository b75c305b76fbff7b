#include "cli.h"

#include <fmt/format.h>

#include <algorithm>
#include <memory>

#include "landbridge/io/places.h"
#include "landbridge/io/rates.h"
#include "landbridge/io/services.h"
#include "landbridge/io/text_network.h"
#include "landbridge/route/locate.h"
#include "landbridge/schedule/local_time.h"
#include "landbridge/timetable/time.h"

namespace landbridge::cli {

void add_network_option(CLI::App& cmd, std::string& dir) {
  cmd.add_option("--network", dir,
                 "Network package folder, or a text network file ending in .txt (default: the "
                 "built-in Eurasian reference package)")
      ->type_name("DIR");
}

io::LoadedPackage load_network(const std::string& dir) {
  // A .txt file is a network in the text format (docs/text-network-format.md): no services,
  // rates or road access. `dir` keeps the file's path, so no package file is looked up beside it.
  if (dir.ends_with(".txt")) return LoadedNetwork{.network = io::load_text_network(dir), .dir = dir};
  return io::load_package(dir.empty() ? io::default_package_dir() : std::filesystem::path(dir));
}

place::DoorQuery open_query(const std::string& network, const std::string& from, const std::string& to) {
  try {
    return place::door_to_door(load_network(network), place::index_file(io::default_place_index_path()), from, to);
  } catch (const place::NoAccessError& e) {
    say("{}\n", e.what());
    throw CLI::RuntimeError(kNoRoute);
  }
}

namespace {

[[noreturn]] void usage_error(const std::string& msg) {
  say("error: {}\n", msg);
  throw CLI::RuntimeError(kUsage);
}

// An instant typed by the user, plain local times at `n` (see schedule::LocalClock::parse).
Instant parse_instant(const schedule::LocalClock& clock, NodeId n, const std::string& option, const std::string& text) {
  std::string why;
  const auto t = clock.parse(n, text, &why);
  if (!t) usage_error(option + " " + text + ": " + why);
  return *t;
}

// "; 2030-01-05 is outside the timetable's validity 2026-01-01 … 2027-12-31" (", which ends
// 2027-12-31" when some service has no first day) when the query cannot
// meet a service day: a depart-after query ready (local day at the origin) after the last
// start day of every service, or an arrive-by deadline (local day at the destination) before
// the first. "" otherwise, or when some service is unbounded on that side.
std::string outside_validity(Instant ready, std::optional<Instant> deadline, const schedule::LocalClock& clock,
                             NodeId from, NodeId to, const std::vector<timetable::Service>& services) {
  const timetable::ValidityRange v = timetable::validity(services);
  if (!v.first && !v.last) return "";
  const timetable::CivilDate ready_day = timetable::to_civil(ready, clock.offset(from, ready)).date;
  const auto range = [&] {
    if (!v.first) return ", which ends " + timetable::format_date(*v.last);
    if (!v.last) return ", which starts " + timetable::format_date(*v.first);
    return " " + timetable::format_date(*v.first) + " \u2026 " + timetable::format_date(*v.last);
  };
  const auto say = [&](timetable::CivilDate d) {
    return "; " + timetable::format_date(d) + " is outside the timetable's validity" + range();
  };
  if (v.last && ready_day > *v.last) return say(ready_day);
  if (deadline) {
    const timetable::CivilDate by = timetable::to_civil(*deadline, clock.offset(to, *deadline)).date;
    if (v.first && by < *v.first) return say(by);
  }
  return "";
}

}  // namespace

ScheduledAnswer plan_scheduled(const ScheduledQuery& q) {
  if (!q.depart.empty() && !q.arrive_by.empty())
    usage_error("--depart and --arrive-by exclude each other: give the ready time or the deadline");
  if (q.depart.empty() && q.arrive_by.empty()) usage_error("a timetabled query needs --depart or --arrive-by");
  std::string why;
  // Syntax first, so that a typo is reported before the package is loaded.
  const std::string& when = q.arrive_by.empty() ? q.depart : q.arrive_by;
  const char* when_option = q.arrive_by.empty() ? "--depart" : "--arrive-by";
  if (!timetable::parse_iso8601(when, &why)) usage_error(std::string(when_option) + " " + when + ": " + why);
  std::optional<Minutes> window;
  if (!q.window.empty()) {
    window = timetable::parse_duration(q.window, &why);
    if (!window) usage_error("--window " + q.window + ": " + why);
    if (*window > kMaxWindow)
      usage_error("--window " + q.window + ": at most " + timetable::format_duration(kMaxWindow) +
                  " (a longer range query would build a timetable of years)");
  }
  place::DoorQuery door = open_query(q.network, q.from, q.to);  // unknown place: exit 2 (main.cpp)
  ScheduledAnswer ans{std::move(door.pkg), {}};
  const io::LoadedPackage& pkg = ans.pkg;
  const Network& net = pkg.network;
  Diagnostics diags;
  std::vector<timetable::Service> services = io::load_services(pkg.dir, net, diags);
  // Dated rates (optional rates.csv): each trip is priced on its start day.
  auto rates = std::make_shared<io::RateTable>(io::load_rates(pkg.dir, net, diags));
  std::vector<std::string> service_ids;
  for (const timetable::Service& s : services) service_ids.push_back(s.id);
  io::check_rate_services(*rates, service_ids, diags);
  diags.throw_if_any();
  if (services.empty()) {
    say("error: this package has no services ({}): timetabled routing (--depart) needs {} and {}\n",
               pkg.dir.string(), io::kServicesFile, io::kServiceCallsFile);
    throw CLI::RuntimeError(kUsage);
  }
  // Plain local times belong to the origin (--depart) or the destination (--arrive-by).
  const NodeId from = *net.find_node(door.from), to = *net.find_node(door.to);
  const schedule::LocalClock clock(net);
  schedule::ScheduledRequest req;
  std::optional<Instant> deadline;
  if (q.arrive_by.empty()) {
    req.depart = parse_instant(clock, from, "--depart", q.depart);
    req.window = window;
  } else {
    deadline = parse_instant(clock, to, "--arrive-by", q.arrive_by);
    req.arrive_by = deadline;
    req.depart = *deadline - window.value_or(kArriveByLookback);
  }
  // The timetable starts at the (earliest) ready day and covers the window plus 120 days of
  // travel; for arrive-by at least up to the deadline.
  const Instant day_start = timetable::to_instant(timetable::to_civil(req.depart).date);
  Minutes horizon = days(120) + (deadline ? Minutes(0) : window.value_or(Minutes(0)));
  if (deadline) horizon = std::max(horizon, *deadline - day_start + days(1));
  schedule::ScheduledPlanner planner(pkg, std::move(services), day_start, horizon);
  req.from = door.from;
  req.to = door.to;
  req.pareto = q.pareto;
  req.avoid = q.avoid;
  req.max_trips = q.max_trips;
  const route::BoxType box = *route::parse_box_type(q.unit);  // checked by the command line
  req.options.shipment = {box.unit, q.count};
  req.options.equipment = box.equipment;
  req.options.rates = std::move(rates);
  if (q.max_transshipments >= 0) req.options.max_transshipments = q.max_transshipments;
  ans.result = planner.plan(req);
  if (ans.result.itineraries.empty()) {
    // A query that lies wholly outside the days the services run says so.
    const std::string validity = outside_validity(ans.result.depart, deadline, clock, from, to, planner.services());
    if (deadline)
      say("no route: no timetabled itinerary from {} to {} arrives by {} (ready from {}){}\n", net.node(from).code,
          net.node(to).code, clock.format(to, *deadline), clock.format(from, req.depart), validity);
    else
      say("no route: no timetabled itinerary from {} to {} ready {}{}{}\n", net.node(from).code, net.node(to).code,
          clock.format(from, req.depart), window ? " within the window" : "", validity);
    throw CLI::RuntimeError(kNoRoute);
  }
  return ans;
}

}  // namespace landbridge::cli
