// landbridge route FROM TO: door-to-door itineraries on the static network.
#include <fmt/format.h>

#include <memory>

#include "cli.h"
#include "landbridge/query/reliability.h"
#include "landbridge/route/planner.h"
#include "landbridge/route/report.h"
#include "landbridge/schedule/planner.h"
#include "landbridge/timetable/time.h"

namespace landbridge::cli {
namespace {

struct RouteArgs {
  std::string network, from, to, optimize = "time", unit = "teu";
  std::vector<std::string> avoid;
  bool pareto = false, json = false;
  int count = 1, alternatives = 3;
  int max_transshipments = -1;
  double value_of_time = 0, carbon_price = 0;
  std::string depart, window;  // timetabled routing (--depart), range query (--window)
  std::string arrive_by;       // timetabled arrive-by query (--arrive-by)
  bool utc = false;            // table times in UTC instead of local times
  int max_trips = 12;
  std::string equipment;       // ISO 6346 size-type code (--equipment), instead of --unit
  std::string rates;           // static routes: price day for the package's rates.csv ("" = today)
  query::ReliabilityQuery reliability;  // --reliability N, --background FILE, --arrive-by-prob T
};

// The box the query ships: --equipment if given, else --unit.
std::string box_of(const RouteArgs& a) { return a.equipment.empty() ? a.unit : a.equipment; }

// landbridge route FROM TO --depart T [--pareto] [--window 7d], or --arrive-by T [--pareto]
// [--window 60d]: timetabled itineraries on the package's services.
void route_scheduled(const RouteArgs& a) {
  if (a.optimize != "time" || a.alternatives != 3) {
    say("error: --optimize and --alternatives apply to static routes; with --depart use --pareto\n");
    throw CLI::RuntimeError(kUsage);
  }
  if (!a.rates.empty()) {
    say("error: --rates applies to static routes; a timetabled route prices each trip by its departure day\n");
    throw CLI::RuntimeError(kUsage);
  }
  ScheduledQuery q{.network = a.network, .from = a.from, .to = a.to, .depart = a.depart,
                   .arrive_by = a.arrive_by, .window = a.window,
                   .unit = box_of(a), .avoid = a.avoid, .count = a.count, .pareto = a.pareto,
                   .max_trips = a.max_trips, .max_transshipments = a.max_transshipments};
  q.reliability = a.reliability;
  const ScheduledAnswer ans = plan_scheduled(q);
  const std::string& by = a.reliability.arrive_by;
  if (a.json) {
    nlohmann::json j = schedule::to_json(ans.network(), ans.result);
    if (ans.reliability) query::add_reliability_json(j, *ans.reliability, by);
    print_out(j.dump(2) + "\n");
    return;
  }
  print_out(schedule::to_table(ans.network(), ans.result,
                               a.utc ? schedule::TimeDisplay::utc : schedule::TimeDisplay::local));
  if (ans.reliability) print_out(query::reliability_table(*ans.reliability, by));
}

}  // namespace

void register_route(CLI::App& app) {
  auto a = std::make_shared<RouteArgs>();
  auto* cmd = app.add_subcommand("route", "Door-to-door itineraries between two locations");
  cmd->add_option("FROM", a->from, "Origin: UN/LOCODE (JPHKT; any place, e.g. TRIST, is trucked to the network) or name (Hakata)")->required();
  cmd->add_option("TO", a->to, "Destination: UN/LOCODE (DEDUI; any place is trucked from the network) or name (Duisburg)")->required();
  add_network_option(*cmd, a->network);
  cmd->add_option("--optimize", a->optimize, "Objective: time, cost, co2 or generalized")
      ->check(CLI::IsMember({"time", "cost", "co2", "co2e", "generalized"}))
      ->capture_default_str();
  cmd->add_flag("--pareto", a->pareto, "Every itinerary not dominated in (time, cost, CO2e)");
  cmd->add_option("--alternatives,-k", a->alternatives, "Up to K itineraries on different corridors")
      ->check(CLI::Range(1, 20))
      ->capture_default_str();
  cmd->add_option("--avoid", a->avoid,
                  "Comma-separated: sea passages (suez, cape, malacca, bosporus, ...), modes (rail, "
                  "road, feeder, deep_sea, ferry, sea), countries (RU) or places (KZDOS, Aktau)")
      ->delimiter(',')
      ->type_name("LIST");
  const CLI::Validator box_check(
      [](const std::string& s) {
        return route::parse_box_type(s) ? std::string()
                                        : "expected teu, feu, 40hc, reefer20, reefer40 or an ISO 6346 code "
                                          "(22G1, 42G1, 45G1, 22R1, 45R1), got '" + s + "'";
      },
      "BOX");
  auto* unit = cmd->add_option("--unit", a->unit, "Container: teu (20'), feu (40'), 40hc, reefer20 or reefer40")
                   ->check(box_check)
                   ->capture_default_str();
  cmd->add_option("--rates", a->rates,
                  "Static routes: price by the package's rates.csv in force on this day (YYYY-MM-DD; default today)")
      ->type_name("DATE");
  cmd->add_option("--equipment", a->equipment, "Container by ISO 6346 size-type code: 22G1, 42G1, 45G1, 22R1, 45R1")
      ->check(box_check)
      ->excludes(unit);
  cmd->add_option("--count", a->count, "Number of containers")->check(CLI::Range(1, route::kMaxBoxes))->capture_default_str();
  cmd->add_option("--max-transshipments", a->max_transshipments, "At most N transshipments (lifts between vehicles)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--value-of-time", a->value_of_time, "USD per box and hour, for --optimize generalized")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--carbon-price", a->carbon_price, "USD per tonne CO2e, for --optimize generalized")
      ->check(CLI::NonNegativeNumber);
  cmd->add_flag("--json", a->json, "Print JSON instead of a table");
  cmd->add_option("--depart", a->depart,
                  "Timetabled routing on the package's services: the box is ready at this instant "
                  "(2026-12-01T08:00 is local time at the origin, 2026-12-01T08:00Z UTC, "
                  "2026-12-01T08:00+09:00 as given; a date alone is 00:00 local; dates 1900-01-01 to 2199-12-31)")
      ->type_name("TIME");
  cmd->add_option("--arrive-by", a->arrive_by,
                  "Timetabled routing: the box must be handed over at the destination by this instant "
                  "(local time at the destination unless a zone is given); the latest departure, or "
                  "with --pareto every journey not dominated in (later departure, cost, CO2e, trips)")
      ->type_name("TIME");
  cmd->add_option("--window", a->window,
                  "With --depart: every optimal journey departing within this span (7d, 36h); with "
                  "--arrive-by: the box is ready at most this long before the deadline (default 60d); at most 90d")
      ->type_name("DURATION");
  cmd->add_flag("--utc", a->utc, "With --depart or --arrive-by: show times in UTC instead of local times");
  cmd->add_option("--max-trips", a->max_trips, "With --depart: at most N services ridden")
      ->check(CLI::Range(0, 32))
      ->capture_default_str();

  auto* rel = add_reliability_options(*cmd, a->reliability,
                                      "Run each itinerary N times through the corridor simulation on a background load "
                                      "and print its P50/P90/P95 door-to-door time (docs/corridor-simulation.md)",
                                      "With --reliability: scenario file of the background load (default: the built-in "
                                      "package's reference demand, data/scenarios/reference-background.toml)");
  cmd->add_option("--arrive-by-prob", a->reliability.arrive_by,
                  "With --reliability and --depart: also the probability of arriving by this instant "
                  "(local time at the destination unless a zone is given)")
      ->needs(rel)
      ->type_name("TIME");

  cmd->callback([a] {
    if (!a->reliability.arrive_by.empty() && a->depart.empty()) {
      say("error: --arrive-by-prob needs --depart (a static route has no date)\n");
      throw CLI::RuntimeError(kUsage);
    }
    if (!a->depart.empty() || !a->arrive_by.empty()) return route_scheduled(*a);
    if (!a->window.empty() || a->utc) {
      say("error: {} needs --depart or --arrive-by\n", a->utc ? "--utc" : "--window");
      throw CLI::RuntimeError(kUsage);
    }
    const query::StaticQuery q{.from = a->from, .to = a->to, .optimize = a->optimize, .unit = box_of(*a),
                               .count = a->count, .avoid = a->avoid, .pareto = a->pareto,
                               .alternatives = a->alternatives, .max_transshipments = a->max_transshipments,
                               .value_of_time = a->value_of_time, .carbon_price = a->carbon_price,
                               .rates_on = a->rates, .reliability = a->reliability};
    query::StaticAnswer ans;
    try {
      ans = query::Engine::open(a->network).plan_static(q);
    } catch (const query::QueryError& e) {
      fail(e);
    }
    if (a->json) {
      nlohmann::json j = route::to_json(ans.network(), ans.result);
      if (ans.reliability) query::add_reliability_json(j, *ans.reliability, "");
      print_out(j.dump(2) + "\n");
      return;
    }
    print_out(route::to_table(ans.network(), ans.result));
    if (ans.reliability) print_out(query::reliability_table(*ans.reliability, ""));
  });
}

}  // namespace landbridge::cli
