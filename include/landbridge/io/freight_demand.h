// The freight demand table of `landbridge assign DEMAND` (docs/freight-assignment.md).
//
// One CSV row is one flow: boxes per week between two places, of one equipment and one
// commodity class, with the sources it rests on. The dialect is the network package's
// (io/csv_table.h): header first, `#` comments, columns in any order, unknown columns refused.
//
//   origin,destination,teu_per_week,equipment,commodity,basis,sources,note
//   JPHKT,DEDUI,230,feu,general,computed,D01;D02,"share of ... (method)"
//
// origin and destination are kept as typed (a UN/LOCODE, a node code or a name): the freight
// layer resolves them against a network with the place lookup the CLI uses. Sources are keys
// of the demand's own sources table (`sources.csv` beside the demand file, same columns as a
// package's: key,title,url,date,note) when one is given.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "landbridge/core/error.h"
#include "landbridge/model/network.h"

namespace landbridge::io {

// Box sizes a demand row may name; each carries so many TEU per box (a move of a crane lifts
// one box, so terminal capacities in moves convert to TEU through this).
enum class DemandEquipment : std::uint8_t { teu, feu, hc40, reefer20, reefer40 };
// "teu" (20'), "feu" (40'), "40hc", "20rf", "40rf".
std::optional<DemandEquipment> parse_demand_equipment(std::string_view s);
std::string_view to_string(DemandEquipment e);
double teu_per_box(DemandEquipment e);

// Commodity classes with their own value of time (freight/value_of_time.h).
enum class Commodity : std::uint8_t { general, high_value, reefer };
std::optional<Commodity> parse_commodity(std::string_view s);
std::string_view to_string(Commodity c);

struct DemandRow {
  int line = 0;                  // physical line in the file
  std::string origin, destination;
  double teu_per_week = 0;       // > 0
  DemandEquipment equipment = DemandEquipment::teu;
  Commodity commodity = Commodity::general;
  Basis basis = Basis::sourced;
  std::vector<std::string> sources;
  std::string note;
};

struct DemandTable {
  std::string file;              // as given
  std::vector<DemandRow> rows;
  std::vector<Source> sources;   // the sources table beside it (may be empty)
};

// Parses the text of a demand file. `source_keys`: the keys a `sources` cell may cite; null
// accepts any key. Problems (file, line, field, value, expected) go to `diags`; bad rows are
// left out.
DemandTable parse_demand(std::string_view text, const std::string& file, const std::set<std::string, std::less<>>* source_keys,
                         Diagnostics& diags);

// Reads `path` and, when it exists, `sources.csv` in the same folder (checked like a package's
// sources.csv: key, title, date required). Throws LoadError with every problem found.
DemandTable load_demand(const std::filesystem::path& path);

}  // namespace landbridge::io
