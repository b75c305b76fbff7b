// Fuzzes what a user types for a route query: a location (route::locate / match / suggest),
// an --avoid item (route::add_avoid) and a --window duration. The first byte picks which.
#include <cstdlib>

#include "landbridge/route/locate.h"
#include "landbridge/route/planner.h"
#include "landbridge/timetable/time.h"
#include "support.h"

using namespace landbridge;

// The reference data loads once, before the clock of the first input starts.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)landbridge::fuzz::reference_package();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view s = fuzz::text(data + 1, size - 1);
  const Network& net = fuzz::reference_package().network;
  switch (data[0] % 3) {
    case 0: {
      const route::LocateMatch m = route::match(net, s);
      try {
        const NodeId n = route::locate(net, s);
        if (m.nodes.size() != 1 || m.nodes.front() != n) std::abort();  // locate is match's one node
      } catch (const route::LocateError& e) {
        for (NodeId c : e.candidates())
          if (c.get() >= net.node_count()) std::abort();
      }
      (void)route::suggest(net, s);
      break;
    }
    case 1: {
      route::RouteOptions opts;
      try {
        route::add_avoid(net, s, opts);
      } catch (const Error&) {
        // The documented failure (route::LocateError for an unknown place is one).
      }
      break;
    }
    default: {
      std::string why;
      if (const auto w = timetable::parse_duration(s, &why)) (void)timetable::format_duration(*w);
      break;
    }
  }
  return 0;
}
