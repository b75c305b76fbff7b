// The three-node network the corridor tests share, in route/testing.h's inline format:
// rail CNAAA -(1435, 10 h)-> KZBBB -(1520, 20 h)-> PLCCC, and at KZBBB a gauge change (2 h a
// box on each crane) and a border clearance (5 h a train). Every wait on it can be worked out
// by hand.
#pragma once

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

}  // namespace landbridge::corridor::testing
