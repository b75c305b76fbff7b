#include "support.h"

#include <unistd.h>

#include <fstream>
#include <sstream>

#include "landbridge/io/places.h"
#include "landbridge/io/services.h"

namespace landbridge::fuzz {
namespace {

const std::filesystem::path kData{LANDBRIDGE_DATA_DIR};

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream os;
  os << in.rdbuf();
  return os.str();
}

io::PackageFiles& files() {
  static io::PackageFiles f = [] {
    io::PackageFiles p = io::read_package_files(kData / "eurasia");
    for (const char* extra : {io::kServicesFile, io::kServiceCallsFile})
      p.files[extra] = slurp(kData / "eurasia" / extra);
    return p;
  }();
  return f;
}

}  // namespace

const io::PackageFiles& reference_files() { return files(); }

const sea::MaritimeGraph& reference_marnet() {
  static const sea::MaritimeGraph g = sea::MaritimeGraph::load(kData / "marnet");
  return g;
}

const io::LoadedPackage& reference_package() {
  static const io::LoadedPackage pkg = io::load_package(files(), {.marnet = &reference_marnet()});
  return pkg;
}

const PlaceIndex& reference_places() {
  static const PlaceIndex index = io::load_place_index(kData / "unlocode" / "places.csv");
  return index;
}

const std::filesystem::path& scratch_dir() {
  static const std::filesystem::path dir = [] {
    auto d = std::filesystem::temp_directory_path() / ("landbridge-fuzz-" + std::to_string(getpid()));
    std::filesystem::create_directories(d);
    return d;
  }();
  return dir;
}

void load_with_file(const std::string& name, std::string_view bytes, bool services) {
  io::PackageFiles& f = files();
  reference_marnet();
  std::string saved = std::move(f.files[name]);
  f.files[name] = std::string(bytes);
  struct Restore {
    io::PackageFiles& f;
    const std::string& name;
    std::string& saved;
    ~Restore() { f.files[name] = std::move(saved); }
  } restore{f, name, saved};
  try {
    const io::LoadedPackage pkg = io::load_package(f, {.marnet = &reference_marnet()});
    if (services) {
      Diagnostics diags;
      (void)io::load_services(f, pkg.network, diags);
    }
  } catch (const LoadError&) {
    // The documented failure: every problem named with file, line and field.
  }
}

void load_services_with_file(const std::string& name, std::string_view bytes) {
  io::PackageFiles files;
  files.dir = reference_files().dir;
  for (const char* kept : {"network.toml", io::kServicesFile, io::kServiceCallsFile})
    files.files[kept] = reference_files().files.at(kept);
  files.files[name] = std::string(bytes);
  Diagnostics diags;
  (void)io::load_services(files, reference_package().network, diags);
}

}  // namespace landbridge::fuzz
