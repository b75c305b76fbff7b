// Seeded timetable generators: small adversarial timetables for cross-checks, and a large
// synthetic network for benchmarks. Randomness is portable: SplitMix64 and integer
// arithmetic only, so a seed gives the same timetable on every compiler and platform.
#pragma once

#include <cstdint>

#include "landbridge/timetable/timetable.h"

namespace landbridge::timetable {

// SplitMix64 (Steele, Lea, Flood 2014): one 64-bit state, full period, portable.
class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : s_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (s_ += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  // Uniform integer in [lo, hi] (inclusive); multiply-shift, no std:: distributions.
  std::int64_t uniform(std::int64_t lo, std::int64_t hi);
  // Uniform double in [0, 1) from the top 53 bits.
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  bool chance(double p) { return unit() < p; }

 private:
  std::uint64_t s_;
};

// Small timetables with every feature the search handles: weekly, every-N-days and
// sails-when-full patterns, UTC offsets, validity and exception dates, cut-offs, capacities,
// several carriages with per-stop transfer rules (some forbidden), untimed links, services
// that share stop sequences (merged routes) and overtake each other (split routes), ties.
struct RandomTimetableParams {
  std::uint32_t stops = 12;
  std::uint32_t services = 12;
  std::uint32_t max_calls = 5;
  std::uint32_t links = 4;
  std::uint32_t carriages = 3;  // distinct carriages used (1..5)
  std::uint32_t horizon_days = 21;
};
TimetableSpec random_timetable(const RandomTimetableParams& p, std::uint64_t seed);

// A large plausible network: stops on a plane, lines that walk between near neighbours
// (10–30 stops), both directions, daily to weekly frequencies, mode-dependent speeds, prices,
// cut-offs and emission intensities, handling times at every stop, a few road links.
struct SyntheticNetworkParams {
  std::uint32_t stops = 20000;
  std::uint32_t lines = 1300;       // each runs in both directions
  std::uint32_t min_line_stops = 10;
  std::uint32_t max_line_stops = 30;
  double plane_km = 4000.0;         // side of the square the stops lie in
  std::uint32_t horizon_days = 90;
  std::uint32_t hop_neighbours = 16;  // a line's next stop is one of this many nearest
  double links_per_stop = 0.1;      // untimed road links between near stops
  // Scales the frequency mix (several a day, daily, 2–3 days a week); with the defaults,
  // seed 42 gives 300,000 trips, 6.0 million stop events (5.7 million departures) in 90 days.
  double trips_per_line_day = 2.1;
};
TimetableSpec synthetic_network(const SyntheticNetworkParams& p, std::uint64_t seed);

}  // namespace landbridge::timetable
