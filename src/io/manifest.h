// network.toml: the package manifest (docs/network-package.md).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "landbridge/core/error.h"
#include "landbridge/model/modes.h"
#include "landbridge/sea/maritime_graph.h"

namespace landbridge::io::detail {

inline constexpr std::string_view kManifestFile = "network.toml";
inline constexpr std::string_view kFormat = "landbridge-network/1";

// One figure of the [road] table: value, optional range, the source keys or note it rests on.
struct RoadFigureDraft {
  double value = 0;
  std::optional<std::pair<double, double>> range;
  std::vector<std::string> sources;  // keys, checked against sources.csv later
  std::string note;
  int line = 0;
};

// The optional [road] table: how places off the network reach it by truck (docs/door-to-door.md).
struct RoadDraft {
  int line = 0;
  RoadFigureDraft detour_factor, speed_kmh, cost_usd_per_km, border_hours, border_cost_usd;
  std::string emission_factor;
  int emission_factor_line = 0;
  int nearest = 3;
  double radius_km = 1000;
  std::vector<std::string> rule_sources;
  std::string rule_note;
  int rule_line = 0;
  std::vector<std::vector<std::string>> border_free;
  std::vector<std::string> border_free_sources;
  std::string border_free_note;
  int border_free_line = 0;
};

struct Manifest {
  bool parsed = false;  // the file was there and is valid TOML
  std::string name;
  std::string version;
  std::string description;
  std::optional<std::string> marnet;  // folder of the maritime graph, relative to the package
  int marnet_line = 0;
  // Passages closed for every `marnet` route on top of a link's avoid_passages. By default the
  // Northwest Passage, which the graph has but container lines do not sail (as searoute-py).
  PassageSet marnet_avoid = sea::kSearouteDefaultClosed;
  double mass_per_teu_t = 10.0;
  std::string mass_per_teu_source;
  int mass_per_teu_source_line = 0;
  std::optional<double> feu_teu_cost_ratio;
  std::string feu_teu_cost_ratio_source;
  int feu_teu_cost_ratio_source_line = 0;
  std::string feu_teu_cost_ratio_note;
  std::optional<RoadDraft> road;
};

// Parses and checks the manifest (format, required keys, types, unknown keys). Source keys
// are checked later against sources.csv.
Manifest parse_manifest(std::string_view text, Diagnostics& diags);

}  // namespace landbridge::io::detail
