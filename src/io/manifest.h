// network.toml: the package manifest (docs/network-package.md).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "landbridge/core/error.h"

namespace landbridge::io::detail {

inline constexpr std::string_view kManifestFile = "network.toml";
inline constexpr std::string_view kFormat = "landbridge-network/1";

struct Manifest {
  bool parsed = false;                   // the file was there and is valid TOML
  std::string name;
  std::string version;
  std::string description;
  std::optional<std::string> marnet;     // folder of the maritime graph, relative to the package
  int marnet_line = 0;
  double mass_per_teu_t = 10.0;
  std::string mass_per_teu_source;
  int mass_per_teu_source_line = 0;
  std::optional<double> feu_teu_cost_ratio;
  std::string feu_teu_cost_ratio_source;
  int feu_teu_cost_ratio_source_line = 0;
  std::string feu_teu_cost_ratio_note;
};

// Parses and checks the manifest (format, required keys, types, unknown keys). Source keys
// are checked later against sources.csv.
Manifest parse_manifest(std::string_view text, Diagnostics& diags);

}  // namespace landbridge::io::detail
