// Writes a sample time/cost–distance chart of the reference network, for looking at it:
//   tcd_sample FROM TO OUT.svg [--co2e] [--feu] [--json OUT.json]
// plans the Pareto set (time, cost, CO2e) with route::Planner on data/eurasia;
//   tcd_sample --series IN.json OUT.svg [--co2e]
// draws series written by chart::to_json (or by hand).
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "landbridge/chart/svg.h"
#include "landbridge/io/package.h"
#include "landbridge/route/planner.h"

int main(int argc, char** argv) {
  using namespace landbridge;
  if (argc < 4) {
    std::cerr << "usage: tcd_sample FROM TO OUT.svg [--co2e] [--feu] [--json OUT.json]\n";
    return 2;
  }
  if (std::string(argv[1]) == "--series") {
    std::ifstream in(argv[2]);
    const std::vector<chart::ChartSeries> series = chart::series_from_json(nlohmann::json::parse(in));
    chart::ChartOptions opts;
    opts.title = argv[2];
    opts.co2e_panel = argc > 4 && std::string(argv[4]) == "--co2e";
    std::ofstream(argv[3]) << chart::render_svg(series, opts);
    const chart::ChartLayout layout = chart::layout_chart(series, opts);
    std::cout << series.size() << " series, " << layout.labels.size() << " labels placed, " << layout.labels_dropped
              << " dropped\n";
    return 0;
  }
  route::RouteRequest req{.from = argv[1], .to = argv[2]};
  req.pareto = true;
  chart::ChartOptions opts;
  std::string json_out;
  for (int i = 4; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--co2e") opts.co2e_panel = true;
    else if (a == "--feu") req.options.shipment.unit = emissions::ContainerUnit::feu;
    else if (a == "--json" && i + 1 < argc) json_out = argv[++i];
    else {
      std::cerr << "unknown argument " << a << "\n";
      return 2;
    }
  }
  const io::LoadedPackage pkg = io::load_package(io::default_package_dir());
  route::Planner planner(pkg);
  const route::RouteResult r = planner.route(req);
  const std::vector<chart::ChartSeries> series = chart::series_from(pkg.network, r);
  opts.title = chart::title_for(pkg.network, r);
  opts.subtitle = "Pareto set over time, cost and CO\u2082e \u00b7 cost and CO\u2082e for the whole shipment";
  std::ofstream(argv[3]) << chart::render_svg(series, opts);
  if (!json_out.empty()) std::ofstream(json_out) << chart::to_json(series).dump(1) << "\n";
  const chart::ChartLayout layout = chart::layout_chart(series, opts);
  std::cout << series.size() << " series, " << layout.labels.size() << " labels placed, " << layout.labels_dropped
            << " dropped\n";
  return 0;
}
