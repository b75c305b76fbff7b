// How the reliability of an answer's itineraries reads: JSON keys and a text table, shared by the
// command line (`landbridge route --reliability N`) and the service.
//
// JSON: add_reliability_json puts into a route or timetabled answer's JSON (route::to_json,
// schedule::to_json):
//   "reliability": {"background": "reference-background", "replications": 200, "seed": 42,
//                   "arrive_by": "2026-12-25T00:00+01:00" | null}
// and into each itinerary (by rank):
//   "reliability": {"samples": 4410, "undelivered": 0, "p5_days": 18.9, "p50_days": 20.1,
//                   "p90_days": 22.0, "p95_days": 22.7, "mean_days": 20.3,
//                   "p_arrive_by": 0.62 | null}
// Days are rounded to 0.01; a percentile that falls among undelivered boxes is null.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "landbridge/corridor/reliability.h"

namespace landbridge::query {

// `deadline_text`: the deadline as the user should read it ("" when none was asked).
void add_reliability_json(nlohmann::json& answer, const corridor::ReliabilityResult& r, const std::string& deadline_text);

// A block printed after an answer's table, one row per itinerary (#1, #2, ... as in the table):
//   reliability: 200 replications on background reference-background (seed 42); door-to-door from ready
//   #   P50        P90        P95        P(by 2026-12-25T00:00+01:00)  boxes
//   1   20d2h      22d0h      22d17h     0.62                          4,410
std::string reliability_table(const corridor::ReliabilityResult& r, const std::string& deadline_text);

}  // namespace landbridge::query
