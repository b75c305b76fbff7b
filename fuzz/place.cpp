// Fuzzes the door-to-door place lookup (place::resolve and suggestions) over the reference
// network and the UN/LOCODE place index.
#include "landbridge/place/lookup.h"
#include "landbridge/route/locate.h"
#include "support.h"

using namespace landbridge;

// The reference data loads once, before the clock of the first input starts.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)landbridge::fuzz::reference_package();
  (void)landbridge::fuzz::reference_places();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view s = fuzz::text(data + 1, size - 1);
  const Network& net = fuzz::reference_package().network;
  const PlaceIndex& places = fuzz::reference_places();
  const place::PlaceSource source = [&]() -> const PlaceIndex& { return places; };
  const double near_km = (data[0] & 1) != 0 ? 300.0 : 0.0;
  try {
    (void)place::resolve(net, source, s, near_km);
  } catch (const route::LocateError&) {
    // The documented failure: unknown (with suggestions) or ambiguous.
  }
  if ((data[0] & 2) != 0) (void)place::suggestions(net, places, s);
  return 0;
}
