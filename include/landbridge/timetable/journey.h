// Journeys on a timetable: the cargo, the criteria, and a journey as readable steps.
//
// All criteria are integers so that sums and Pareto comparisons are exact:
//   time    Instant (minutes since kEpoch); durations Minutes
//   cost    UsdCents: service prices, transfer and link costs, per TEU/FEU × box counts
//   CO2e    GramsCo2e: per ride segment (call to call) and per link, one box's
//           mass × distance × intensity rounded to a gram, × the box count; per transfer,
//           one box's mass × hub intensity rounded, × the box count (as in emissions/)
//   trips   number of services ridden (RAPTOR rounds)
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "landbridge/core/units.h"
#include "landbridge/timetable/timetable.h"

namespace landbridge::timetable {

// What is shipped. Capacity checks count an FEU as two TEU.
struct Cargo {
  std::int32_t teu = 0;
  std::int32_t feu = 1;
  Tonnes mass_per_teu{10.0};  // loaded box mass (cargo + tare as the factor expects)
  Tonnes mass_per_feu{20.0};

  [[nodiscard]] std::int32_t teu_equivalent() const { return teu + 2 * feu; }
  [[nodiscard]] UsdCents price(UsdCents per_teu, UsdCents per_feu) const { return per_teu * teu + per_feu * feu; }
  [[nodiscard]] GramsCo2e transport(Kilometres d, GramsPerTonneKm i) const {
    return leg_emissions(mass_per_teu, d, i) * teu + leg_emissions(mass_per_feu, d, i) * feu;
  }
  [[nodiscard]] GramsCo2e hub(double kg_co2e_per_t) const {
    const auto one = [&](Tonnes m) {
      return GramsCo2e(static_cast<std::int64_t>(std::llround(m.value() * kg_co2e_per_t * 1000.0)));
    };
    return one(mass_per_teu) * teu + one(mass_per_feu) * feu;
  }
  // Can a departure with this capacity (0 = not stated) take the cargo?
  [[nodiscard]] bool fits(std::int32_t capacity_teu) const {
    return capacity_teu == 0 || capacity_teu >= teu_equivalent();
  }
};

enum class StepKind : std::uint8_t {
  handling,  // a transfer rule applied at a stop (start, between vehicles, end)
  wait,      // the box waits at a stop (includes the cut-off before a departure)
  ride,      // on a trip from one call to a later one
  link,      // on an untimed link
};

struct Step {
  StepKind kind = StepKind::wait;
  NodeId from, to;              // to == from for handling and wait
  Instant start{0}, end{0};
  UsdCents cost{0};
  GramsCo2e co2e{0};
  // handling: how the box arrived and leaves (carriage codes, kCarriageStart / kCarriageEnd)
  std::uint8_t arrive_code = 0, depart_code = 0;
  bool transshipment = false;
  // ride
  TripId trip;
  ServiceId service;
  std::uint32_t board_pos = 0, alight_pos = 0;
  Minutes cutoff{0};            // wait before a ride: the service's cut-off inside the wait
  // link
  UntimedLinkId link;
};

struct Journey {
  NodeId origin, target;
  Instant ready{0};        // the box is ready at the origin (the query's instant)
  Instant departure{0};    // latest instant the box could be ready and still make this journey
  Instant arrival{0};      // handed over at the target (after the end transfer)
  UsdCents cost{0};
  GramsCo2e co2e{0};
  std::int32_t trips = 0;           // services ridden
  std::int32_t transshipments = 0;  // lifts between two vehicles (not onto the first / off the last)
  std::vector<Step> steps;
};

// One vehicle movement of a journey, as a search records it.
struct Move {
  bool is_link = false;
  TripId trip;                  // ride: the trip and the positions boarded / alighted
  std::uint32_t board_pos = 0, alight_pos = 0;
  UntimedLinkId link;           // link
};

// Builds the journey that starts with the box ready at `origin` at `ready` and makes `moves`
// in order, each as early as possible, then hands over at the last stop. Steps, times, costs
// and emissions are recomputed from the timetable. Throws landbridge::Error if the moves do
// not form a feasible journey (a search bug, or moves made up by hand).
Journey make_journey(const Timetable& tt, const Cargo& cargo, NodeId origin, Instant ready,
                     std::span<const Move> moves);

// Readable text, one step per line, instants in UTC + `utc_offset`:
//   ready   JPHKT 2026-12-01T00:00Z
//   handle  JPHKT start->feeder 2h 0.00 USD 0.000kg
//   wait    JPHKT 6d8h until 2026-12-08T10:00Z (cut-off 1d)
//   ride    F1 JPHKT 2026-12-08T10:00Z -> KRPUS 2026-12-09T02:00Z 16h 1,200.00 USD 340.000kg
//   deliver DEDUI 2027-01-10T08:00Z after 40d8h 5,120.00 USD 2104.500kg 3 trips 2 lifts
std::string format_journey(const Timetable& tt, const Journey& j, Minutes utc_offset = Minutes(0));
// "ready X at T, arrive Y at T, 40d8h, 5,120.00 USD, 2104.500 kg CO2e, 3 trips"
std::string summarize(const Timetable& tt, const Journey& j, Minutes utc_offset = Minutes(0));

}  // namespace landbridge::timetable
