// A what-if against its base: every KPI of two corridor runs side by side, with the change and
// whether it is larger than the two runs' confidence intervals can explain.
//
// Rows are matched by (group, key, metric); a KPI only one run has (a node the what-if adds)
// is listed with the other side empty. The change is what_if − base; it is `clear` when
// |change| exceeds √(hw_base² + hw_what_if²), the half-width of the difference of two
// independent means. Runs that share a seed use common random numbers, which makes the true
// interval of the difference narrower: the test is conservative.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "landbridge/corridor/model.h"

namespace landbridge::corridor {

struct ComparisonRow {
  std::string group, key, metric;
  std::optional<sim::Estimate> base, what_if;
  double change = 0;          // what_if.mean − base.mean (0 when a side is missing)
  double half_width = 0;      // of the change
  bool clear = false;         // |change| > half_width
};

struct Comparison {
  std::string base_name, what_if_name;
  std::size_t replications = 0;
  std::vector<ComparisonRow> rows;  // the base's order, then rows only the what-if has
};

Comparison compare(const CorridorModel& base, const Summary& base_summary, const CorridorModel& what_if,
                   const Summary& what_if_summary);

// Text table; `only_clear` keeps the rows whose change is clear.
std::string comparison_table(const Comparison& c, bool only_clear);
std::string comparison_json(const Comparison& c);

}  // namespace landbridge::corridor
