#include "landbridge/route/options.h"

#include "landbridge/model/network.h"

namespace landbridge::route {

std::string_view to_string(Objective o) {
  switch (o) {
    case Objective::time: return "time";
    case Objective::cost: return "cost";
    case Objective::co2e: return "co2e";
    case Objective::generalized: return "generalized";
  }
  return "time";
}

std::optional<Objective> parse_objective(std::string_view s) {
  if (s == "time") return Objective::time;
  if (s == "cost") return Objective::cost;
  if (s == "co2" || s == "co2e") return Objective::co2e;
  if (s == "generalized" || s == "gc") return Objective::generalized;
  return std::nullopt;
}

double generalized_cents(const Criteria& c, const Prices& p) {
  // USD/h -> cents/min: × 100 / 60; USD/t -> cents/g: × 100 / 1e6.
  return static_cast<double>(c.cost.value()) +
         p.value_of_time_usd_per_hour * (100.0 / 60.0) * static_cast<double>(c.time.value()) +
         p.carbon_usd_per_t * 1e-4 * static_cast<double>(c.co2e.value());
}

double objective_value(Objective o, const Criteria& c, const Prices& p) {
  switch (o) {
    case Objective::time: return static_cast<double>(c.time.value());
    case Objective::cost: return static_cast<double>(c.cost.value());
    case Objective::co2e: return static_cast<double>(c.co2e.value());
    case Objective::generalized: return generalized_cents(c, p);
  }
  return 0.0;
}

UsdCents operation_price(const Network& net, OperationId o, bool feu, const timetable::RateTable* rates,
                         timetable::CivilDate day) {
  const OperationInfo& op = net.operation(o);
  const UsdCents base = feu ? op.cost_feu.value : op.cost_teu.value;
  if (rates == nullptr || rates->empty()) return base;
  return timetable::scaled(base, rates->operation_factor(op.kind, net.node(op.node).code, day));
}

}  // namespace landbridge::route
