// landbridge chart FROM TO --out tcd.svg: the UN ESCAP time/cost–distance chart of the
// itineraries between two places (docs/tcd-chart.md).
#include "cli.h"
#include "landbridge/chart/series.h"
#include "landbridge/chart/svg.h"
#include "landbridge/query/chart.h"

namespace landbridge::cli {

namespace {

struct ChartArgs {
  std::string network, from, to, out, unit = "teu", depart;
  std::vector<std::string> avoid;
  int alternatives = 0, count = 1;
  bool json = false, co2 = false;
  query::ReliabilityQuery reliability;  // --reliability N [--background FILE]: P5-P95 bars
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

  add_reliability_options(*cmd, a->reliability,
                          "Draw each itinerary's simulated P5-P95 door-to-door time (tick at P50) after "
                          "N replications on a background load (as route --reliability)",
                          "With --reliability: scenario file of the background load (default: the built-in package's)");

  cmd->callback([a] {
    if (!a->depart.empty() && a->alternatives) {
      say("error: --alternatives applies to static routes; --depart charts the Pareto set\n");
      throw CLI::RuntimeError(kUsage);
    }
    const query::ChartQuery q{.from = a->from, .to = a->to, .depart = a->depart, .unit = a->unit,
                              .count = a->count, .avoid = a->avoid, .alternatives = a->alternatives,
                              .free_teu = {}, .reliability = a->reliability};
    query::ChartAnswer c;
    try {
      // Syntax first, so that a typo is reported before the package is loaded.
      if (!q.depart.empty()) (void)query::check_scheduled({.depart = q.depart});
      c = query::chart_data(query::Engine::open(a->network), q);
    } catch (const query::QueryError& e) {
      fail(e);
    }
    chart::ChartOptions opts;
    opts.title = c.title;
    opts.subtitle = c.subtitle;
    opts.co2e_panel = a->co2;
    write_chart(c.series, opts, *a);
  });
}

}  // namespace landbridge::cli
