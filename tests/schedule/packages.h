// Packages with their services, loaded once per test binary: the reference package
// (data/eurasia) and the small mini-services test package (tests/data/packages).
#pragma once

#include <filesystem>
#include <vector>

#include "landbridge/io/package.h"
#include "landbridge/io/services.h"
#include "landbridge/timetable/service.h"

namespace landbridge::test {

struct PackageWithServices {
  io::LoadedPackage pkg;
  std::vector<timetable::Service> services;
};

// Loads a package and its services; throws on any problem in either.
inline PackageWithServices load_with_services(const std::filesystem::path& dir) {
  PackageWithServices p{io::load_package(dir), {}};
  Diagnostics diags;
  p.services = io::load_services(p.pkg.dir, p.pkg.network, diags);
  diags.throw_if_any();
  return p;
}

inline const PackageWithServices& reference_package() {
  static const PackageWithServices p = load_with_services(std::filesystem::path(LANDBRIDGE_DATA_DIR) / "eurasia");
  return p;
}

inline const PackageWithServices& mini_services_package() {
  static const PackageWithServices p =
      load_with_services(std::filesystem::path(LANDBRIDGE_TEST_DATA_DIR) / "packages" / "mini-services");
  return p;
}

}  // namespace landbridge::test
