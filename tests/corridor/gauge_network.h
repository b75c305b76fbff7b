// The three-node network the corridor tests share, in the text network format (io/):
// rail CNAAA -(1435, 10 h)-> KZBBB -(1520, 20 h)-> PLCCC, and at KZBBB a gauge change (2 h a
// box on each crane) and a border clearance (5 h a train). Every wait on it can be worked out
// by hand. gauge_scenario: one flow CNAAA -> PLCCC over 70 days (7 of warm-up, 30 of drain)
// in trains of 10 TEU that leave when full, `cranes` cranes at KZBBB.
#pragma once

#include <string>

#include "landbridge/corridor/scenario.h"

namespace landbridge::corridor::testing {

inline constexpr const char* kGaugeNet = R"(
node CNAAA Origin
node KZBBB Gauge change
node PLCCC Destination
link ab CNAAA KZBBB rail:1435 100km 10h 100usd
link bc KZBBB PLCCC rail:1520 100km 20h 100usd
op KZBBB gauge_change rail:1435 rail:1520 2h 10usd
op KZBBB border rail:1435 rail:1520 5h 10usd
)";

inline Scenario gauge_scenario(const std::string& name, int cranes, double teu_per_week, ReadyPattern pattern) {
  Scenario s;
  s.name = name;
  s.flows.push_back({.origin = "CNAAA", .destination = "PLCCC", .teu_per_week = teu_per_week, .teu_per_box = 1,
                     .pattern = pattern, .avoid = {}});
  s.horizon_days = 70;
  s.warmup_days = 7;
  s.drain_days = 30;
  s.rail = ServicePolicy{ServicePolicy::Kind::when_full, 168, 0, 10, 10, 1000, 0};
  s.nodes.push_back({.code = "KZBBB", .cranes = cranes, .cranes_factor = 1, .moves_per_hour = 0});
  return s;
}

}  // namespace landbridge::corridor::testing
