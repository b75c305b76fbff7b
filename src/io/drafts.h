// What the loader has read from each row before the Network is built: parsed values where
// the cell was good, nullopt where it was not (that problem is already a Diagnostic), and
// the row's line for later checks that span rows and files.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "landbridge/core/error.h"
#include "landbridge/io/csv_table.h"
#include "landbridge/model/network.h"
#include "manifest.h"
#include "text.h"

namespace landbridge::io::detail {

inline constexpr std::string_view kSourcesFile = "sources.csv";
inline constexpr std::string_view kNodesFile = "nodes.csv";
inline constexpr std::string_view kFactorsFile = "emission_factors.csv";
inline constexpr std::string_view kLinksFile = "links.csv";
inline constexpr std::string_view kOpsFile = "operations.csv";

struct Range {
  double lo = 0.0, hi = 0.0;  // base units
  std::string text;           // as written, for messages
};

// A quantity with the range the sources span, in base units.
struct Figure {
  double value = 0.0;
  std::optional<Range> range;
};

struct NodeDraft {
  int line = 0;
  NodeInfo info;
  bool pos_ok = false;  // lat and lon parsed
};

struct FactorDraft {
  int line = 0;
  EmissionFactor info;
};

enum class DistanceKind : std::uint8_t { given, great_circle, marnet };

struct LinkDraft {
  int line = 0;
  std::string id;
  std::optional<NodeId> from, to;  // indices into Drafts::nodes
  std::optional<Carriage> carriage;
  std::optional<DistanceKind> distance_kind;
  double distance_km = 0.0;  // given: parsed; great_circle / marnet: computed later
  double detour = 1.0;       // F of gc*F
  bool distance_ok = false;  // distance_km holds the link's distance
  std::optional<Range> distance_range;
  std::string distance_text;
  std::optional<Figure> duration_h;          // written duration (hours)
  std::optional<Figure> speed_kmh;           // written speed (km/h)
  bool time_ok = false;                      // exactly one of duration / speed parsed
  std::optional<Figure> hours;               // the running time, written or derived from speed
  std::optional<Figure> cost_teu, cost_feu;  // USD, after deriving the missing one
  bool cost_ok = false;
  std::optional<EmissionFactorId> factor;
  double capacity = 0.0;
  bool bidirectional = false;
  PassageSet avoid = 0;
  Basis basis = Basis::sourced;
  std::vector<SourceId> sources;
  std::string note;
  // Filled for marnet links once routed.
  PortId sea_from, sea_to;
  PassageSet sea_closed = 0;  // avoid_passages plus the manifest's marnet_avoid
  PassageSet passages = 0;
};

struct OpDraft {
  int line = 0;
  std::optional<NodeId> node;
  std::optional<OperationKind> kind;
  std::optional<CarriagePattern> arrive, depart;
  OperationInfo info;  // figures filled where parsed
};

// Everything read from the package, plus lookups by key.
struct Drafts {
  Manifest manifest;
  std::vector<Source> sources;
  std::unordered_map<std::string, SourceId> source_by_key;
  std::vector<Candidate> source_candidates;
  std::vector<NodeDraft> nodes;
  std::unordered_map<std::string, NodeId> node_by_code;
  std::vector<Candidate> node_candidates;
  std::vector<FactorDraft> factors;
  std::unordered_map<std::string, EmissionFactorId> factor_by_id;
  std::vector<Candidate> factor_candidates;
  std::vector<LinkDraft> links;
  std::vector<OpDraft> ops;
  std::size_t suggestion_budget = kSuggestionBudget;  // see did_you_mean

  // " (did you mean ...?)" for a bad reference, within this load's budget.
  std::string suggest(std::string_view value, std::span<const Candidate> candidates) {
    return did_you_mean(value, candidates, suggestion_budget);
  }
};

// Row readers, one per file, in dependency order (sources, nodes, factors, links, ops).
// Each checks the header against the file's columns and every row's cells, adding to `d`.
void read_sources(const CsvTable& t, Drafts& d, Diagnostics& diags);
void read_nodes(const CsvTable& t, Drafts& d, Diagnostics& diags);
void read_factors(const CsvTable& t, Drafts& d, Diagnostics& diags);
void read_links(const CsvTable& t, Drafts& d, Diagnostics& diags);
void read_operations(const CsvTable& t, Drafts& d, Diagnostics& diags);

// Checks source keys cited by the manifest.
void check_manifest_sources(Drafts& d, Diagnostics& diags);

}  // namespace landbridge::io::detail
