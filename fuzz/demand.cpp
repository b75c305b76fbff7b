// Fuzzes a corridor demand CSV.
#include "landbridge/corridor/scenario.h"
#include "support.h"

using namespace landbridge;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    (void)corridor::parse_demand(fuzz::text(data, size), "demand.csv");
  } catch (const corridor::ScenarioError&) {
    // The documented failure.
  }
  return 0;
}
