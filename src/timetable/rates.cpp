#include "landbridge/timetable/rates.h"

#include <algorithm>
#include <cmath>

namespace landbridge::timetable {
namespace {

bool in_force(const RateRow& r, CivilDate d) {
  return (!r.valid_from || !(d < *r.valid_from)) && (!r.valid_to || !(*r.valid_to < d));
}

}  // namespace

UsdCents scaled(UsdCents price, double factor) {
  if (factor == 1.0) return price;
  return UsdCents(static_cast<std::int64_t>(std::llround(static_cast<double>(price.value()) * factor)));
}

double RateTable::link_factor(const std::string& link_id, Mode mode, CivilDate day) const {
  double f = 1.0;
  for (const RateRow& r : rows_) {
    if (!in_force(r, day)) continue;
    if (r.scope == RateScope::all || (r.scope == RateScope::mode && r.target == to_string(mode)) ||
        (r.scope == RateScope::link && r.target == link_id))
      f *= r.factor;
  }
  return f;
}

double RateTable::service_factor(const std::string& service_id, Mode mode, CivilDate day) const {
  double f = 1.0;
  for (const RateRow& r : rows_) {
    if (!in_force(r, day)) continue;
    if (r.scope == RateScope::all || (r.scope == RateScope::mode && r.target == to_string(mode)) ||
        (r.scope == RateScope::service && r.target == service_id))
      f *= r.factor;
  }
  return f;
}

double RateTable::operation_factor(OperationKind kind, const std::string& node_code, CivilDate day) const {
  double f = 1.0;
  for (const RateRow& r : rows_) {
    if (!in_force(r, day)) continue;
    if (r.scope == RateScope::all || (r.scope == RateScope::operation && r.target == to_string(kind)) ||
        (r.scope == RateScope::node && r.target == node_code))
      f *= r.factor;
  }
  return f;
}

std::vector<CivilDate> RateTable::change_days() const {
  std::vector<CivilDate> out;
  for (const RateRow& r : rows_) {
    if (r.valid_from) out.push_back(*r.valid_from);
    if (r.valid_to) out.push_back(date_of_epoch_day(epoch_day(*r.valid_to) + 1));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace landbridge::timetable
