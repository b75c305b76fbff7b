// Scheduled services: what runs, where it calls, on which days, at what price.
//
// A Service is the unit a carrier publishes: "feeder F1, Hakata – Busan – Lianyungang, Tuesdays
// and Fridays 10:00 JST". Its calls carry arrival/departure offsets from the service's start;
// its operating pattern says on which days (or at which instants) it starts. Expanding a
// service over a horizon yields trips (one departure each), which the Timetable groups into
// routes.
//
// "Sails when full" services (a Caspian ferry) have no fixed days: they carry the stated
// headway distribution the simulation draws from. For routing they are expanded at their
// stated mean headway from an anchor instant: an explicit, documented assumption.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "landbridge/core/error.h"
#include "landbridge/core/ids.h"
#include "landbridge/core/units.h"
#include "landbridge/model/modes.h"
#include "landbridge/timetable/time.h"

namespace landbridge::timetable {

// One stop of a service. Offsets are minutes from the service's start instant.
struct Call {
  NodeId stop;
  Minutes arrival{0};        // ignored for the first call
  Minutes departure{0};      // ignored for the last call
  Kilometres distance{0.0};  // distance sailed/run from the previous call (0 for the first), for CO2e
  // Fare from the service's first call to this one per loaded TEU / FEU, where the carrier
  // states it (a cumulative tariff). None: interpolated, see call_fares().
  std::optional<UsdCents> fare_teu, fare_feu;
  LinkId link;               // network link ridden from the previous call (invalid: none / first call);
                             // its sea passages decide whether a closed passage drops the service
  friend bool operator==(const Call&, const Call&) = default;
};

enum class PatternKind : std::uint8_t {
  weekly,        // on the weekdays in `weekdays`
  every_n_days,  // every `every_days` days counted from `anchor` (both ways)
  when_full,     // sails when full; routed at `headway.mean` from `anchor` (assumption)
};

// Shape of a stated headway distribution (for simulation; routing uses the mean).
enum class HeadwayShape : std::uint8_t { fixed, uniform, triangular, exponential };

struct Headway {
  HeadwayShape shape = HeadwayShape::fixed;
  Minutes mean{0};  // the headway routing expands with
  Minutes lo{0};    // uniform/triangular: support; exponential: minimum (shift)
  Minutes hi{0};
  friend bool operator==(const Headway&, const Headway&) = default;
};

struct OperatingPattern {
  PatternKind kind = PatternKind::weekly;
  WeekdaySet weekdays = 0;    // weekly: bit i = Weekday(i), Monday = bit 0
  std::int32_t every_days = 0;  // every_n_days: the period in days (>= 1)
  CivilDate anchor{};         // every_n_days / when_full: a start day of the service
  Headway headway{};          // when_full: stated headway distribution
  Minutes start_time{0};      // start time of day (local), [0, 24h)
  Minutes utc_offset{0};      // days and start_time are civil in UTC + utc_offset
  friend bool operator==(const OperatingPattern&, const OperatingPattern&) = default;
};

struct Service {
  std::string id;                  // unique, e.g. "F1-HKT-LYG"
  std::string operator_name;       // carrier
  Carriage carriage{Mode::rail, Gauge::none};
  std::vector<Call> calls;         // in order, at least two
  OperatingPattern pattern{};
  std::optional<CivilDate> valid_from;  // first local start day (inclusive); none = unbounded
  std::optional<CivilDate> valid_to;    // last local start day (inclusive); none = unbounded
  std::vector<CivilDate> added;    // extra start days (run even if the pattern says no)
  std::vector<CivilDate> removed;  // cancelled start days (win over pattern and `added`)
  std::int32_t capacity_teu = 0;   // per departure; 0 = not stated (no limit in routing)
  Minutes cutoff{0};               // cargo must be at the boarding stop this long before departure
  UsdCents price_teu{0};           // per loaded TEU for the whole run (first call to last)
  UsdCents price_feu{0};           // per loaded FEU for the whole run
  EmissionFactorId factor;         // intensity of the vessel / train class
  std::string note;
};

// Checks a service for structural mistakes: at least two calls, stops known (< node_count),
// offsets increasing (departure >= arrival at a call, each ride at least one minute), a
// usable pattern, non-negative prices, capacity and cut-off. Problems go to `diags` with the
// service id and call index in the field.
void validate(const Service& s, std::size_t node_count, Diagnostics& diags);

// Fares by segment. A box that rides calls i..j of a service pays fares[j] - fares[i], where
// fares[k] is the cumulative fare from the first call to call k for one box size:
//   fares[0] = 0 and fares[n-1] = the whole-run price (price_teu / price_feu);
//   a call with a stated fare (Call::fare_teu / fare_feu) takes it;
//   every other call is interpolated between the nearest calls before and after it whose fare
//   is fixed, in proportion to the distance run from the earlier one (by scheduled minutes
//   from its departure when the distance between the two is 0), rounded to the cent.
// So a service without stated fares charges its price pro rata to the distance ridden, and a
// ride over the whole run pays exactly the service's price. Non-decreasing when the stated
// fares are (validate() checks them).
std::vector<UsdCents> call_fares(const Service& s, bool feu);

// Start instants of `s` whose trip has a departure in [from, to): the trip starting at
// instant x departs its first call at x + calls.front().departure and its last boardable
// call at x + calls[n-2].departure. Sorted, without duplicates.
void service_starts(const Service& s, Instant from, Instant to, std::vector<Instant>& out);

// The local start days the services can run on, from their validity and added days: `first` is
// the earliest first start day and `last` the latest last one. None on a side where some service
// is unbounded (or there are no services). Days are local to each service's pattern offset.
struct ValidityRange {
  std::optional<CivilDate> first, last;
};
ValidityRange validity(std::span<const Service> services);

// The local start day of an instant under the service's pattern offset.
CivilDate local_start_day(const Service& s, Instant start_instant);

}  // namespace landbridge::timetable
