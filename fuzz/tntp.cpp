// Fuzzes the TNTP reader: the first byte picks the file kind (net, trips, flow, node), the rest
// is the file. A network that parses is also solved all-or-nothing for one trip between its
// first two zones, so the shortest paths run on whatever graph the reader accepted.
#include "landbridge/io/tntp.h"
#include "support.h"

using namespace landbridge;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const std::string_view text = fuzz::text(data + 1, size - 1);
  try {
    switch (data[0] % 4) {
      case 0: {
        const assign::Network net = io::parse_tntp_network(text, "fuzz_net.tntp", {.toll = 0.02, .distance = 0.04});
        if (net.zone_count() >= 2) {
          assign::Demand demand(net.zone_count());
          demand.add(assign::VertexId(0), assign::VertexId(1), 1);
          try {
            (void)assign::solve(net, demand, {.method = assign::Method::all_or_nothing});
          } catch (const assign::ProblemError&) {
            // No path between the two zones: documented.
          }
        }
        break;
      }
      case 1: (void)io::parse_tntp_trips(text, "fuzz_trips.tntp", 5); break;
      case 2: (void)io::parse_tntp_flows(text, "fuzz_flow.tntp"); break;
      default: (void)io::parse_tntp_nodes(text, "fuzz_node.tntp"); break;
    }
  } catch (const LoadError&) {
    // The documented failure.
  }
  return 0;
}
