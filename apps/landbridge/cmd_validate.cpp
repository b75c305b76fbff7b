// landbridge validate DIR: prints every problem of a network package (and, once the network
// itself loads, of its services and dated rates); exit 1 if any.
#include <fmt/format.h>

#include "cli.h"
#include "landbridge/io/rates.h"
#include "landbridge/io/services.h"

namespace landbridge::cli {

void register_validate(CLI::App& app) {
  auto* cmd = app.add_subcommand("validate", "Check a network package and print every problem found");
  auto dir = std::make_shared<std::string>();
  cmd->add_option("DIR", *dir, "Network package folder (default: the built-in package)")->type_name("DIR");
  cmd->callback([dir] {
    const std::filesystem::path p = dir->empty() ? io::default_package_dir() : std::filesystem::path(*dir);
    std::vector<Diagnostic> problems = io::validate_package(p);
    std::size_t services = 0;
    if (problems.empty()) {
      // Services refer to nodes, links and emission factors: check them against the loaded network.
      const io::LoadedPackage pkg = io::load_package(p);
      Diagnostics diags;
      const auto loaded = io::load_services(p, pkg.network, diags);
      services = loaded.size();
      // Dated rates (optional rates.csv) refer to links, nodes and services.
      const io::RateTable rates = io::load_rates(p, pkg.network, diags);
      std::vector<std::string> ids;
      for (const auto& s : loaded) ids.push_back(s.id);
      io::check_rate_services(rates, ids, diags);
      problems = diags.list();
    }
    for (const Diagnostic& d : problems) print_out(d.to_string() + "\n");
    if (!problems.empty()) {
      say("{}: {} problem{}\n", p.string(), problems.size(), problems.size() == 1 ? "" : "s");
      throw CLI::RuntimeError(kInvalidInput);
    }
    say("{}: valid ({} services)\n", p.string(), services);
  });
}

}  // namespace landbridge::cli
