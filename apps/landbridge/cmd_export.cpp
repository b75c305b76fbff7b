// landbridge export --geojson [--out FILE]: the network as GeoJSON for QGIS / geojson.io.
#include <fmt/format.h>

#include <fstream>
#include <iostream>

#include "cli.h"
#include "landbridge/io/geojson.h"

namespace landbridge::cli {

void register_export(CLI::App& app) {
  struct Args {
    std::string network, out;
    bool geojson = false;
  };
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("export", "Write the network in another format");
  add_network_option(*cmd, a->network);
  cmd->add_flag("--geojson", a->geojson, "GeoJSON FeatureCollection of nodes and links (the only format so far)")
      ->required();
  cmd->add_option("--out,-o", a->out, "Output file (default: standard output)")->type_name("FILE");
  cmd->callback([a] {
    const io::LoadedPackage pkg = load_network(a->network);
    if (a->out.empty() || a->out == "-") {
      io::export_geojson(pkg, std::cout);
      return;
    }
    std::ofstream f(a->out);
    if (!f) throw Error(fmt::format("cannot write '{}'", a->out));
    io::export_geojson(pkg, f);
    fmt::print(stderr, "wrote {} ({} nodes, {} links)\n", a->out, pkg.network.node_count(), pkg.network.link_count());
  });
}

}  // namespace landbridge::cli
