// Fuzzes the door-to-door place lookup (place::resolve and suggestions) over the reference
// network and a sample of the UN/LOCODE place index.
#include "landbridge/place/lookup.h"
#include "landbridge/route/locate.h"
#include "support.h"

using namespace landbridge;

namespace {

// A sample of the index: under the sanitizers a miss that ranks all 115,000 places for
// suggestions takes seconds, which would leave the fuzzer a few inputs a minute. Every 25th
// place plus the ones the seeds name keep every rule reachable (codes, whole names, prefixes,
// the ambiguous Dresdens that near_km settles).
const PlaceIndex& sample() {
  static const PlaceIndex index = [] {
    std::vector<Place> kept;
    const PlaceIndex& all = fuzz::reference_places();
    for (std::size_t i = 0; i < all.size(); ++i) {
      const Place& p = all[i];
      if (i % 25 == 0 || p.name == "Dresden" || p.name.starts_with("Istanbul") || p.name == "Shymkent")
        kept.push_back(p);
    }
    return PlaceIndex(std::move(kept));
  }();
  return index;
}

}  // namespace

// The reference data loads once, before the clock of the first input starts.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)landbridge::fuzz::reference_package();
  (void)sample();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view s = fuzz::text(data + 1, size - 1);
  const Network& net = fuzz::reference_package().network;
  const PlaceIndex& places = sample();
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
