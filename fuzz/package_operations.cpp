// Fuzzes operations.csv: the reference package loads with this file replaced by the input.
#include "support.h"

// The reference data loads once, before the clock of the first input starts.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)landbridge::fuzz::reference_package();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  landbridge::fuzz::load_with_file("operations.csv", landbridge::fuzz::text(data, size), false);
  return 0;
}
