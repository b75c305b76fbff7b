// landbridge chart FROM TO --out tcd.svg: the UN ESCAP time/cost–distance chart of the
// itineraries between two places (docs/tcd-chart.md).
#include <fmt/format.h>


#include "cli.h"
#include "landbridge/chart/scheduled.h"
#include "landbridge/chart/series.h"
#include "landbridge/chart/svg.h"
#include "landbridge/route/planner.h"

namespace landbridge::cli {

namespace {

struct ChartArgs {
    std::string network, from, to, out, unit = "teu", depart;
    std::vector<std::string> avoid;
    int alternatives = 0, count = 1;
  bool json = false, co2 = false;
};

// SVG (or the chart data as JSON) to --out or standard output.
void write_chart(const std::vector<chart::ChartSeries>& series, const chart::ChartOptions& opts, const ChartArgs& a) {
  const std::string text = a.json ? chart::to_json(series).dump(2) + "\n" : chart::render_svg(series, opts);
  write_output(a.out, text);  // OutputError: exit 5, and no "wrote"
  if (a.out.empty() || a.out == "-") return;
  say("wrote {} ({} itineraries)\n", a.out, series.size());
}

}  // namespace

void register_chart(CLI::App& app) {
  auto a = std::make_shared<ChartArgs>();
  auto* cmd = app.add_subcommand("chart", "Time/cost–distance chart (UN ESCAP) of the routes between two places");
  cmd->add_option("FROM", a->from, "Origin: UN/LOCODE (any place) or name")->required();
  cmd->add_option("TO", a->to, "Destination: UN/LOCODE (any place) or name")->required();
  add_network_option(*cmd, a->network);
  cmd->add_option("--out,-o", a->out, "SVG file to write (default: standard output)")->type_name("FILE");
  cmd->add_flag("--json", a->json, "Write the chart data as JSON instead of SVG (what the web page draws)");
  cmd->add_option("--alternatives,-k", a->alternatives,
                  "Chart the K best corridors by time instead of the Pareto set")
      ->check(CLI::Range(1, 12));
  cmd->add_option("--avoid", a->avoid, "As for route: passages, modes, countries or places")
      ->delimiter(',')
      ->type_name("LIST");
  cmd->add_option("--unit", a->unit, "Container unit: teu or feu")
      ->check(CLI::IsMember({"teu", "feu", "TEU", "FEU"}))
      ->capture_default_str();
  cmd->add_option("--count", a->count, "Number of containers")->check(CLI::Range(1, route::kMaxBoxes));
  cmd->add_flag("--co2", a->co2, "Add a third panel with cumulative CO2e");
  cmd->add_option("--depart", a->depart,
                  "Chart the timetabled Pareto set for boxes ready at this time (2026-12-01 or 2026-12-01T08:00)")
      ->type_name("TIME");

  cmd->callback([a] {
    if (!a->depart.empty()) {
      if (a->alternatives) {
        say("error: --alternatives applies to static routes; --depart charts the Pareto set\n");
        throw CLI::RuntimeError(kUsage);
      }
      const ScheduledAnswer ans = plan_scheduled({.network = a->network, .from = a->from, .to = a->to,
                                                  .depart = a->depart, .unit = a->unit, .avoid = a->avoid,
                                                  .count = a->count, .pareto = true});
      const Network& net = ans.network();
      chart::ChartOptions opts;
      opts.title = fmt::format("{} {} \u2192 {} {} \u00b7 {} {}", net.node(ans.result.from).code,
                               net.node(ans.result.from).name, net.node(ans.result.to).code, net.node(ans.result.to).name,
                               a->count, a->unit == "feu" || a->unit == "FEU" ? "FEU" : "TEU");
      opts.subtitle = fmt::format("timetabled Pareto set, ready {}", a->depart);
      opts.co2e_panel = a->co2;
      write_chart(chart::series_from(net, ans.result), opts, *a);
      return;
    }
    const place::DoorQuery door = open_query(a->network, a->from, a->to);  // unknown places: exit 2 (main.cpp)
    const io::LoadedPackage& pkg = door.pkg;
    route::Planner planner(pkg);
    route::RouteRequest req;
    req.from = door.from;
    req.to = door.to;
    req.pareto = a->alternatives == 0;
    req.alternatives = std::max(1, a->alternatives);
    req.avoid = a->avoid;
    req.options.shipment = {*emissions::parse_container_unit(a->unit), a->count};
    const route::RouteResult result = planner.route(req);
    if (result.itineraries.empty()) {
      say("no route from {} to {} with these constraints\n", a->from, a->to);
      throw CLI::RuntimeError(kNoRoute);
    }
    chart::ChartOptions opts;
    opts.title = chart::title_for(pkg.network, result);
    opts.subtitle = req.pareto ? "Pareto set over time, cost and CO\u2082e" : "best corridors by time";
    opts.co2e_panel = a->co2;
    write_chart(chart::series_from(pkg.network, result), opts, *a);
  });
}

}  // namespace landbridge::cli
