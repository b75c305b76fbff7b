// landbridge export --geojson [--out FILE]: the network as GeoJSON for QGIS / geojson.io.
#include <fmt/format.h>

#include <sstream>

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
    std::ostringstream text;
    io::export_geojson(pkg, text);
    write_output(a->out, text.str());  // OutputError: exit 5, and no "wrote"
    if (a->out.empty() || a->out == "-") return;
    say("wrote {} ({} nodes, {} links)\n", a->out, pkg.network.node_count(), pkg.network.link_count());
  });
}

}  // namespace landbridge::cli
