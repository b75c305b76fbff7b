// What the fuzz targets share: the reference data, read once per fuzzing process.
//
// Package targets replace one file of data/eurasia held in memory, so the other files stay
// valid and the loader gets past the file under test into cross-file validation.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "landbridge/io/package.h"
#include "landbridge/model/places.h"
#include "landbridge/sea/maritime_graph.h"

namespace landbridge::fuzz {

// The fuzzer's bytes as text.
inline std::string_view text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// data/eurasia read into memory: the package files plus services.csv and service_calls.csv.
const io::PackageFiles& reference_files();
// data/eurasia loaded (with reference_marnet() for its sea distances).
const io::LoadedPackage& reference_package();
// data/marnet, loaded once.
const sea::MaritimeGraph& reference_marnet();
// data/unlocode/places.csv, loaded once.
const PlaceIndex& reference_places();

// A folder of its own for this process under the system's temporary folder, created once.
const std::filesystem::path& scratch_dir();

// Loads the reference package with `name` replaced by `bytes` (kept only during the call):
// LoadError is the documented failure and is swallowed; anything else escapes and crashes.
// With services = true the services are loaded too (load_services on the same files).
void load_with_file(const std::string& name, std::string_view bytes, bool services);
// Loads only the services (services.csv + service_calls.csv) with `name` replaced by `bytes`,
// against the reference network: problems go to Diagnostics, never thrown.
void load_services_with_file(const std::string& name, std::string_view bytes);

}  // namespace landbridge::fuzz
