// Fuzzes one file of the reference package: the file named by LANDBRIDGE_FUZZ_FILE is replaced
// by the input (fuzz/CMakeLists.txt builds this source once per package file, as
// fuzz_package_<kind>). LANDBRIDGE_FUZZ_MODE says what then loads:
//   0  the package;
//   1  the package, then its services (the manifest: both readers take it);
//   2  the services alone, against the reference network loaded once (services files).
#include "support.h"

#ifndef LANDBRIDGE_FUZZ_FILE
#error "LANDBRIDGE_FUZZ_FILE names the package file this target replaces"
#endif

// The reference data loads once, before the clock of the first input starts.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)landbridge::fuzz::reference_package();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace fz = landbridge::fuzz;
  const std::string_view bytes = fz::text(data, size);
  if constexpr (LANDBRIDGE_FUZZ_MODE == 2)
    fz::load_services_with_file(LANDBRIDGE_FUZZ_FILE, bytes);
  else
    fz::load_with_file(LANDBRIDGE_FUZZ_FILE, bytes, LANDBRIDGE_FUZZ_MODE == 1);
  return 0;
}
