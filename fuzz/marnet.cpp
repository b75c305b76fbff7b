// Fuzzes the maritime graph's two GeoJSON files. The input is the sea lanes
// (marnet_searoute.geojson), then a line "#ports", then the ports (ports.geojson); without
// that line the whole input is the lanes and a fixed ports file is used. A graph that loads
// is asked for a route between its first and last port.
#include <fstream>

#include "landbridge/sea/maritime_graph.h"
#include "support.h"

using namespace landbridge;

namespace {

constexpr std::string_view kSeparator = "\n#ports\n";
constexpr std::string_view kPorts =
    R"({"type":"FeatureCollection","features":[)"
    R"({"type":"Feature","geometry":{"type":"Point","coordinates":[130.4,33.6]},"properties":{"port":"JPHKT","name":"Hakata","cty":"Japan"}},)"
    R"({"type":"Feature","geometry":{"type":"Point","coordinates":[129.0,35.1]},"properties":{"port":"KRPUS","name":"Busan","cty":"Korea"}}]})";

void write(const std::filesystem::path& p, std::string_view bytes) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input = fuzz::text(data, size);
  const std::size_t cut = input.find(kSeparator);
  const std::filesystem::path& dir = fuzz::scratch_dir();
  write(dir / "marnet_searoute.geojson", input.substr(0, cut));
  write(dir / "ports.geojson", cut == std::string_view::npos ? kPorts : input.substr(cut + kSeparator.size()));
  try {
    const sea::MaritimeGraph g = sea::MaritimeGraph::load(dir);
    if (g.port_count() == 0) return 0;
    sea::SeaRouter router(g);
    const PortId last(static_cast<PortId::value_type>(g.port_count() - 1));
    (void)router.route(PortId(0), last, 0, true);
    (void)router.route(PortId(0), last, sea::kSearouteDefaultClosed | passage_bit(Passage::suez), false);
    (void)g.nearest_port({35.0, 129.5});
  } catch (const LoadError&) {
    // The documented failure: every problem named with file and feature.
  }
  return 0;
}
