// A sweep of corridor scenarios (docs/sweeps.md): a base scenario and axes of overrides, every
// combination of the axes' values (a cell) run on the same seed and replications (common
// random numbers).
//
//   [sweep]
//   base = "../scenarios/hakata-busan-europe-caspian.toml"   # relative to the sweep file
//   replications = 10                                        # default: the base's
//   plot = ["flow.JPHKT-DEDUI.mean_h"]
//   [[axes]]
//   key = "nodes[code=KZHOR].cranes"                         # a field of the scenario TOML
//   values = [4, 8, 12]                                      # or from / to / step
//   [[axes]]
//   name = "suez"
//   variants = [{ label = "open" },
//               { label = "closed", set = { closures = [{ passage = "suez", from_day = 0, to_day = 400 }] } }]
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>
#include <nlohmann/json.hpp>
#include <toml++/toml.h>

#include "landbridge/corridor/scenario.h"

namespace landbridge::sweep {

// A sweep that cannot be read or run as asked: the message names the sweep file, the line and
// the field (a problem in the base scenario is a corridor::ScenarioError naming the base).
class SweepError : public corridor::ScenarioError {
 public:
  using corridor::ScenarioError::ScenarioError;
};

// One value of an axis: what it does to the scenario's TOML.
struct AxisValue {
  std::string label;     // how tables and plots show it: "8", "closed"
  nlohmann::json value;  // the value in table.json: the number, string or boolean, or the variant's label
  // A value axis: {"value": the key's new value}. A variant: the tables merged into the
  // scenario (its `set`), and the entries it removes (its `remove`, paths written like keys).
  toml::table set;
  std::vector<std::string> remove;
  int line = 0;          // where the value or the variant is written
};

struct Axis {
  std::string name;   // column name: `name`, else the key
  std::string key;    // value axes: the scenario field; "" for variants
  std::vector<AxisValue> values;
  int line = 0;       // its [[axes]] table
  std::size_t index = 0;
};

struct SweepSpec {
  std::filesystem::path file;       // the sweep file
  std::string name;                 // [sweep] name, default the file's stem
  std::filesystem::path base_file;  // the base scenario, resolved against the sweep's folder
  std::string base_text;            // as written in the sweep file (table.json shows it)
  toml::table base;                 // the base scenario's TOML
  int replications = 0;             // the base's unless the sweep (or the caller) says
  std::uint64_t seed = 0;
  std::vector<std::string> plots;   // KPI names to draw
  std::vector<Axis> axes;
  std::string canonical;            // the sweep's parsed content, written out (the fingerprint)

  [[nodiscard]] std::size_t cell_count() const;
  // The value index on each axis of cell `c` (the first axis varies slowest).
  [[nodiscard]] std::vector<std::size_t> cell_values(std::size_t c) const;
  // "khorgos_cranes=8, caspian_fleet=2"
  [[nodiscard]] std::string cell_label(std::size_t c) const;
};

// Limits: a sweep past them is refused (values per axis, cells).
inline constexpr std::size_t kMaxAxisValues = 1000;
inline constexpr std::size_t kMaxCells = 100'000;

// Reads a sweep file and its base scenario, and checks every axis value against the base
// scenario (each alone): unknown keys, paths that select nothing or several entries, values of
// the wrong type or out of range are SweepErrors naming the sweep file, line and field.
SweepSpec load_sweep(const std::filesystem::path& file);

// The scenario TOML of cell `c`: the base with every axis's override applied in axis order.
// Throws SweepError naming the cell when an override does not apply.
toml::table cell_table(const SweepSpec& spec, std::size_t c);
// The scenario of cell `c`, read by the corridor layer (its messages name the base file), with
// the sweep's replications and seed.
corridor::Scenario cell_scenario(const SweepSpec& spec, std::size_t c);

}  // namespace landbridge::sweep
