// Dated rate sets: price levels with a validity, so that a price is the one in force on the
// day the box departs. io/rates.h reads them from a package's `rates.csv`; the static and the
// timetabled planners apply them. The type lives in the timetable layer, next to the civil
// calendar it is keyed on (time.h), so that the planners use it without depending on the loader.
//
// A row multiplies the prices within its scope by `factor` from `valid_from` to `valid_to`
// (inclusive, either may be open). Scopes: `all`, `mode` (target a mode), `link` (a link id;
// a two-way link's reverse is `id~r`), `service` (a service id), `operation` (an operation
// kind: handling, gauge_change, border, dwell), `node` (a node code: the operations there).
// The price of an item on a day is its package price times the factor of every row in force
// that day whose scope covers it (links and services: all, mode, link / service; operations:
// all, operation, node). Two rows with the same scope and target may not be in force on a
// common day (a validation error).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "landbridge/core/units.h"
#include "landbridge/model/modes.h"
#include "landbridge/timetable/time.h"

namespace landbridge::timetable {

enum class RateScope : std::uint8_t { all, mode, link, service, operation, node };

struct RateRow {
  std::string id;
  std::optional<CivilDate> valid_from, valid_to;  // inclusive; none = open
  RateScope scope = RateScope::all;
  std::string target;      // as written (mode name, link id, service id, kind, node code)
  double factor = 1.0;     // > 0
  int line = 0;            // in rates.csv
};

class RateTable {
 public:
  RateTable() = default;
  explicit RateTable(std::vector<RateRow> rows) : rows_(std::move(rows)) {}
  [[nodiscard]] bool empty() const { return rows_.empty(); }
  [[nodiscard]] const std::vector<RateRow>& rows() const { return rows_; }

  // Factor in force on `day` for a link (its id and carriage mode), a service, an operation.
  [[nodiscard]] double link_factor(const std::string& link_id, Mode mode, CivilDate day) const;
  [[nodiscard]] double service_factor(const std::string& service_id, Mode mode, CivilDate day) const;
  [[nodiscard]] double operation_factor(OperationKind kind, const std::string& node_code, CivilDate day) const;
  // The days on which the factors change (each row's valid_from and the day after its
  // valid_to), sorted, without duplicates: between two of them every factor is constant.
  [[nodiscard]] std::vector<CivilDate> change_days() const;

 private:
  std::vector<RateRow> rows_;
};

// A price scaled by a factor, rounded to the cent.
UsdCents scaled(UsdCents price, double factor);

}  // namespace landbridge::timetable
