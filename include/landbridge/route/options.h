// What a static route query asks for: the objective, the criteria of a path, and the
// constraints (avoided nodes, countries, modes, sea passages; at most so many transshipments;
// the shipment's unit and count).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "landbridge/core/ids.h"
#include "landbridge/core/units.h"
#include "landbridge/emissions/emissions.h"
#include "landbridge/model/modes.h"
#include "landbridge/route/equipment.h"
#include "landbridge/timetable/rates.h"

namespace landbridge::route {

using landbridge::ContainerUnit;
using emissions::Shipment;

// Limits that keep every total of an itinerary within its integer type (docs/network-package.md,
// "Limits"): with each link and operation at the package limits (365 d, 10,000,000 USD,
// 50,000 km at 100,000 g/tkm, 100 t per TEU), a route of kMaxLegs legs (and at most four
// operations per transfer) takes under 2^31 minutes, and kMaxBoxes boxes of it cost and emit
// under 2^63 cents and grams. The Planner refuses a count or a route beyond them.
inline constexpr std::int32_t kMaxBoxes = 10'000;
inline constexpr std::size_t kMaxLegs = 500;

// What "best" means for a single-objective query.
enum class Objective : std::uint8_t {
  time,         // door-to-door duration
  cost,         // price
  co2e,         // well-to-wheel emissions
  generalized,  // cost + value_of_time × time + carbon_price × CO2e
};
std::string_view to_string(Objective o);  // "time", "cost", "co2e", "generalized"
// Accepts "time", "cost", "co2", "co2e", "generalized", "gc".
std::optional<Objective> parse_objective(std::string_view s);

// The criteria of a path for ONE box of the query's unit (TEU or FEU). Exact integers, so sums
// are exact and Pareto dominance has no tolerance. A shipment of N boxes costs N × cost and
// emits N × co2e; its time does not depend on N.
struct Criteria {
  Minutes time{0};
  UsdCents cost{0};
  GramsCo2e co2e{0};  // well-to-wheel

  // Saturating: a sum over a path longer than the engine supports (kMaxLegs) stops at the
  // largest value instead of wrapping, so searches compare it as "very long" and the Planner
  // refuses the path by its leg count. Within the limits no sum comes near saturation.
  Criteria& operator+=(const Criteria& o) {
    time = Minutes(static_cast<std::int32_t>(sat_sum(time.value(), o.time.value(), INT32_MIN, INT32_MAX)));
    cost = UsdCents(sat_sum(cost.value(), o.cost.value(), INT64_MIN, INT64_MAX));
    co2e = GramsCo2e(sat_sum(co2e.value(), o.co2e.value(), INT64_MIN, INT64_MAX));
    return *this;
  }
  static constexpr std::int64_t sat_sum(std::int64_t a, std::int64_t b, std::int64_t lo, std::int64_t hi) {
    std::int64_t r = 0;
    if (__builtin_add_overflow(a, b, &r)) return b > 0 ? hi : lo;
    return r < lo ? lo : r > hi ? hi : r;
  }
  friend Criteria operator+(Criteria a, const Criteria& b) { return a += b; }
  friend bool operator==(const Criteria&, const Criteria&) = default;
};
// a ≤ b in every criterion.
constexpr bool weakly_dominates(const Criteria& a, const Criteria& b) {
  return a.time <= b.time && a.cost <= b.cost && a.co2e <= b.co2e;
}
// a ≤ b in every criterion and a ≠ b.
constexpr bool dominates(const Criteria& a, const Criteria& b) { return weakly_dominates(a, b) && !(a == b); }

// Prices that turn time and emissions into money for the generalized cost.
struct Prices {
  double value_of_time_usd_per_hour = 0.0;  // per box and hour in transit
  double carbon_usd_per_t = 0.0;            // per tonne CO2e (well-to-wheel)
};
// cost + value_of_time × time + carbon_price × CO2e, in US cents, per box.
double generalized_cents(const Criteria& c, const Prices& p);
// The scalar an objective minimises (minutes, cents, grams or generalized cents).
double objective_value(Objective o, const Criteria& c, const Prices& p);

// Set of modes, one bit per Mode.
using ModeSet = std::uint32_t;
constexpr ModeSet mode_bit(Mode m) { return ModeSet{1} << static_cast<int>(m); }

struct RouteOptions {
  // Constraints. An avoided node or country also excludes origin and destination (a query
  // from an avoided place has no route; the Planner reports it as an error).
  std::vector<NodeId> avoid_nodes;
  std::vector<std::string> avoid_countries;  // ISO 3166-1 alpha-2, e.g. "RU"
  ModeSet avoid_modes = 0;
  // Closed sea passages: a link sailing through one is re-routed on the maritime graph when
  // the query has one (see closures.h), otherwise dropped.
  PassageSet avoid_passages = 0;
  // At most this many transshipments (intermediate transfers with handling or gauge change;
  // loading at the origin and discharge at the destination don't count).
  std::optional<int> max_transshipments;

  // What is shipped and how heavy a box is. The shipment's unit is the box size (price and
  // mass basis); `equipment` says whether it is a general-purpose box, a high cube (40' only)
  // or a reefer, priced with `equipment_charges` (equipment.h).
  Shipment shipment;
  Equipment equipment = Equipment::general;
  EquipmentCharges equipment_charges;
  double feu_mass_ratio = 2.0;  // FEU cargo mass = ratio × the network's mass per TEU

  // For Objective::generalized.
  Prices prices;

  // Dated rate set of the package (io/rates.h; none or empty: the package prices) and the day
  // whose prices apply: static routes price everything on that day; timetabled routes price
  // each trip on its start day and links and operations on the ready day.
  std::shared_ptr<const timetable::RateTable> rates;
  timetable::CivilDate rates_on{};
};

// The price of one operation for one box (TEU or FEU) on `day` under `rates` (its package price
// when `rates` is null or empty).
UsdCents operation_price(const Network& net, OperationId o, bool feu, const timetable::RateTable* rates,
                         timetable::CivilDate day);

}  // namespace landbridge::route
