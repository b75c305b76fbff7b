// Dated rate sets (`rates.csv`, optional in a network package): price levels with a validity,
// so that a price is the one in force on the day the box departs.
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

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "landbridge/core/error.h"
#include "landbridge/core/ids.h"
#include "landbridge/core/units.h"
#include "landbridge/model/modes.h"
#include "landbridge/timetable/time.h"

namespace landbridge {
class Network;
}

namespace landbridge::io {

inline constexpr const char* kRatesFile = "rates.csv";

enum class RateScope : std::uint8_t { all, mode, link, service, operation, node };

struct RateRow {
  std::string id;
  std::optional<timetable::CivilDate> valid_from, valid_to;  // inclusive; none = open
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
  [[nodiscard]] double link_factor(const std::string& link_id, Mode mode, timetable::CivilDate day) const;
  [[nodiscard]] double service_factor(const std::string& service_id, Mode mode, timetable::CivilDate day) const;
  [[nodiscard]] double operation_factor(OperationKind kind, const std::string& node_code, timetable::CivilDate day) const;
  // The days on which the factors change (each row's valid_from and the day after its
  // valid_to), sorted, without duplicates: between two of them every factor is constant.
  [[nodiscard]] std::vector<timetable::CivilDate> change_days() const;

 private:
  std::vector<RateRow> rows_;
};

// A price scaled by a factor, rounded to the cent.
UsdCents scaled(UsdCents price, double factor);

// Reads `rates.csv` of the package folder if there is one (none: an empty table). Problems go
// to `diags` with file, line and field: unknown or missing columns, dates, scopes, targets that
// the network does not know (service ids are checked by check_rate_services), factors, and rows
// of one scope and target whose validity overlaps.
RateTable load_rates(const std::filesystem::path& dir, const Network& net, Diagnostics& diags);
RateTable load_rates_text(std::string_view text, const Network& net, Diagnostics& diags);
// Service targets against the loaded service ids.
void check_rate_services(const RateTable& rates, const std::vector<std::string>& service_ids, Diagnostics& diags);

}  // namespace landbridge::io
