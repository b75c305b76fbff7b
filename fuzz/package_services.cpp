// Fuzzes services.csv: the services of the reference package load with this file replaced by the
// input, against the reference network (loaded once).
#include "landbridge/io/services.h"
#include "support.h"

using namespace landbridge;

// The reference data loads once, before the clock of the first input starts.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)landbridge::fuzz::reference_package();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const io::LoadedPackage& pkg = fuzz::reference_package();
  io::PackageFiles files;
  files.dir = fuzz::reference_files().dir;
  for (const char* name : {"network.toml", io::kServicesFile, io::kServiceCallsFile})
    files.files[name] = fuzz::reference_files().files.at(name);
  files.files["services.csv"] = std::string(fuzz::text(data, size));
  Diagnostics diags;  // problems are reported here, never thrown
  (void)io::load_services(files, pkg.network, diags);
  return 0;
}
