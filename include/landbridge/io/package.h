// Loading and validating network packages (docs/network-package.md).
//
// A package is a folder with network.toml and five CSV files. load_package reads and checks
// all of them, reports every problem at once (LoadError with one Diagnostic per problem:
// file, physical line, field, offending value, what was expected) and builds the Network.
// Sea distances written as `marnet` are computed on the maritime graph (landbridge/sea).
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "landbridge/core/error.h"
#include "landbridge/model/loaded_network.h"
#include "landbridge/model/network.h"
#include "landbridge/model/places.h"

namespace landbridge::io {

struct LoadOptions {
  // Maritime graph for `marnet` distances; when null the loader loads the one named in the
  // manifest (or the built-in one) itself, and keeps it in LoadedNetwork::marnet.
  const sea::MaritimeGraph* marnet = nullptr;
};

// What load_package returns: the model's LoadedNetwork (model/loaded_network.h), filled from
// the package. The alias keeps the loader's name for its callers.
using LoadedPackage = LoadedNetwork;

// The files of a package held in memory: for validating uploads and for tests. `files` maps
// a file name ("links.csv") to its bytes; an absent entry is a missing file. Relative paths
// in the manifest (`marnet`) are resolved against `dir`.
struct PackageFiles {
  std::filesystem::path dir;
  std::map<std::string, std::string, std::less<>> files;
  // Files present but refused (not a regular file, or over the size limit of
  // core/user_file.h): name -> why. The loaders report these instead of "missing".
  std::map<std::string, std::string, std::less<>> refused;
};

// Reads dir/name into `files.files` (or notes in `files.refused` why not; leaves a missing file
// out). The manifest is held to the TOML limit, every other file to the CSV limit.
void read_package_file(PackageFiles& files, const std::string& name);

// The file names a package consists of, manifest first.
const std::vector<std::string>& package_file_names();

// Reads the package files of `dir` into memory (missing files are left out and later reported
// as missing; refused ones are reported with the reason).
PackageFiles read_package_files(const std::filesystem::path& dir);

// Loads and validates a package. Throws LoadError holding every problem found.
LoadedPackage load_package(const std::filesystem::path& dir, const LoadOptions& opts = {});
LoadedPackage load_package(const PackageFiles& files, const LoadOptions& opts = {});

// Validates without keeping the result: the list of problems (empty when the package is good).
std::vector<Diagnostic> validate_package(const std::filesystem::path& dir,
                                         const LoadOptions& opts = {});
std::vector<Diagnostic> validate_package(const PackageFiles& files, const LoadOptions& opts = {});

// The built-in reference package: $LANDBRIDGE_DATA_DIR/eurasia when that variable is set,
// else data/eurasia of the source tree the library was built from.
std::filesystem::path default_package_dir();

}  // namespace landbridge::io
