// Loading and validating network packages (docs/network-package.md).
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "landbridge/core/error.h"
#include "landbridge/model/network.h"

namespace landbridge::sea {
class MaritimeGraph;
}

namespace landbridge::io {

struct LoadOptions {
  // Maritime graph for `marnet` distances; when null the loader loads the one named in the
  // manifest (or the built-in one) itself, and keeps it in LoadedPackage::marnet.
  const sea::MaritimeGraph* marnet = nullptr;
};

struct LoadedPackage {
  Network network;
  std::filesystem::path dir;
  std::string version;
  std::string description;
  // The maritime graph used for sea distances (owned here when the loader loaded it).
  std::shared_ptr<const sea::MaritimeGraph> marnet;
  // For each link with distance `marnet`: the marnet ports of its ends, for re-routing when a
  // query closes passages (invalid ids for other links). Indexed by LinkId.
  IdVector<LinkId, PortId> sea_from_port;
  IdVector<LinkId, PortId> sea_to_port;
};

// Loads and validates a package. Throws LoadError holding every problem found.
LoadedPackage load_package(const std::filesystem::path& dir, const LoadOptions& opts = {});

// Validates without keeping the result: the list of problems (empty when the package is good).
std::vector<Diagnostic> validate_package(const std::filesystem::path& dir, const LoadOptions& opts = {});

// The built-in reference package (data/eurasia).
std::filesystem::path default_package_dir();

}  // namespace landbridge::io
