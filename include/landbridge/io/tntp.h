// The TNTP text files of the Transportation Networks for Research repository
// (github.com/bstabler/TransportationNetworks; docs/assignment.md has the format notes):
//
//   <name>_net.tntp    metadata block, then one row per directed link:
//                      init_node term_node capacity length free_flow_time b power speed toll link_type ;
//   <name>_trips.tntp  metadata block, then "Origin o" blocks of "d : volume ;" pairs
//   <name>_flow.tntp   a header, then rows "from to volume cost" (a best-known solution)
//   <name>_node.tntp   a header, then rows "node x y ;"
//
// Words are separated by any whitespace, `~` starts a comment, `;` ends a row (the last row of
// a file may lack it). Nodes are numbered from 1 in the files and become assignment vertices
// from 0 (vertex = node - 1), zones being nodes 1 .. <NUMBER OF ZONES>; links become arcs in
// file order. Every problem found is collected and thrown as one LoadError whose Diagnostics
// name the file, the line, the field and what was expected.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "landbridge/assign/problem.h"

namespace landbridge::io {

// Generalized cost = travel time + toll * toll_factor + length * distance_factor: the two
// factors in travel-time units per toll unit and per length unit, as each network's README states.
struct TntpCostFactors {
  double toll = 0;
  double distance = 0;
};

// The factors the README of a known network states (by the files' prefix, e.g. "ChicagoSketch"):
// ChicagoSketch 0.02 min/cent and 0.04 min/mile; SiouxFalls, Anaheim, Braess 0 and 0. nullopt
// for a network this table does not know.
std::optional<TntpCostFactors> tntp_known_factors(std::string_view network_name);

// The metadata of a _net file, as written (node numbers from 1).
struct TntpNetworkInfo {
  std::size_t zones = 0, nodes = 0, links = 0;
  std::size_t first_thru_node = 1;
};

// Parses a _net text; `file_name` is what diagnostics call it. Arc a's fixed cost is
// toll_a * factors.toll + length_a * factors.distance. first_thru in the result is
// <FIRST THRU NODE> - 1 (a vertex number).
assign::Network parse_tntp_network(std::string_view text, std::string_view file_name,
                                   TntpCostFactors factors = {}, TntpNetworkInfo* info = nullptr);
assign::Network read_tntp_network(const std::filesystem::path& path, TntpCostFactors factors = {},
                                  TntpNetworkInfo* info = nullptr);

// Parses a _trips text for a network of `zones` zones (its <NUMBER OF ZONES> must agree).
// Intrazonal volumes are kept in the Demand (never loaded by the solvers). When the metadata has
// <TOTAL OD FLOW>, the volumes must add up to it (relative difference under 1e-6).
assign::Demand parse_tntp_trips(std::string_view text, std::string_view file_name, std::size_t zones);
assign::Demand read_tntp_trips(const std::filesystem::path& path, std::size_t zones);

// One row of a _flow file (node numbers from 1).
struct TntpFlow {
  std::uint32_t from = 0, to = 0;
  double volume = 0, cost = 0;
};
std::vector<TntpFlow> parse_tntp_flows(std::string_view text, std::string_view file_name);
std::vector<TntpFlow> read_tntp_flows(const std::filesystem::path& path);

// One row of a _node file.
struct TntpNode {
  std::uint32_t node = 0;
  double x = 0, y = 0;
};
std::vector<TntpNode> parse_tntp_nodes(std::string_view text, std::string_view file_name);
std::vector<TntpNode> read_tntp_nodes(const std::filesystem::path& path);

// The files of one network folder: exactly one *_net.tntp and one *_trips.tntp (same prefix);
// flow and node files when present (empty paths otherwise). Throws LoadError naming the folder.
struct TntpFolder {
  std::string name;  // the prefix, e.g. "SiouxFalls"
  std::filesystem::path net, trips, flow, node;
};
TntpFolder find_tntp_files(const std::filesystem::path& dir);

// The most nodes a _net file may declare (the largest networks of the repository have a few
// hundred thousand; the limit keeps a typo from allocating gigabytes).
inline constexpr std::size_t kMaxTntpNodes = 10'000'000;

// The largest TNTP file read (the biggest trip tables of the repository are a few hundred MB).
inline constexpr std::size_t kMaxTntpBytes = std::size_t{1} << 30;

}  // namespace landbridge::io
