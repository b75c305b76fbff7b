#include "cli.h"

namespace landbridge::cli {

void add_network_option(CLI::App& cmd, std::string& dir) {
  cmd.add_option("--network", dir,
                 "Network package folder (default: the built-in Eurasian reference package)")
      ->type_name("DIR");
}

io::LoadedPackage load_network(const std::string& dir) {
  return io::load_package(dir.empty() ? io::default_package_dir() : std::filesystem::path(dir));
}

}  // namespace landbridge::cli
