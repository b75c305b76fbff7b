// The data of a UN ESCAP time/cost–distance (TCD) chart: one "transport line" per itinerary.
//
// A ChartSeries is a polyline of cumulative figures along one itinerary: x is the distance
// travelled, y the time, cost or CO2e spent so far. Each point says how the line got there
// from the point before: a leg (the line moves right and up), or a node operation or a wait
// (no distance gained: a vertical step). The renderer (svg.h) and the web page draw series
// only, so any source of itineraries (static routes, timetabled journeys) can feed them.
//
// JSON (to_json), the same data the web page draws:
//   {"units": {"distance": "km", "time": "days", "cost": "USD", "co2e": "kg"},
//    "series": [
//      {"label": "sea–rail via CNLYG, KZHOR",
//       "points": [
//         {"km": 0, "days": 0, "usd": 0, "co2e_kg": 0, "kind": "start", "what": "", "node": "JPHKT"},
//         {"km": 0, "days": 0.42, "usd": 0, "co2e_kg": 0, "kind": "node", "what": "handling", "node": "JPHKT"},
//         {"km": 1072.3, "days": 2.74, "usd": 185.33, "co2e_kg": 177.5, "kind": "leg", "what": "feeder",
//          "node": "CNLYG"},
//         ...]}]}
// Every figure is cumulative from the origin and for the whole shipment (time excepted).
// "kind" is "start" (the first point, and only it), "leg", "node" or "wait"; "what" is the
// carriage of a leg ("rail:1520", "feeder", "deep_sea"), the operation kind of a node step
// ("handling", "gauge_change", "border", "dwell") or free text for a wait; "node" is the
// UN/LOCODE where the point lies (a leg's head). The totals are the last point. A series with a
// simulated band has "band": {"p5_days": 18.9, "p50_days": 20.1, "p95_days": 22.7}. Numbers are
// written at full precision; from_json rounds days to whole minutes, usd to cents and co2e_kg
// to grams, so from_json(to_json(s)) == s.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "landbridge/core/units.h"
#include "landbridge/model/network.h"
#include "landbridge/route/itinerary.h"
#include "landbridge/route/planner.h"

namespace landbridge::chart {

// How the line reaches a point from the point before.
enum class PointKind : std::uint8_t {
  start,  // the origin: first point of a series, all figures zero
  leg,    // a movement: distance and time (and cost, CO2e) grow
  node,   // a node operation (handling, gauge change, border, dwell): no distance gained
  wait,   // waiting for a departure (timetabled itineraries): no distance gained
};
std::string_view to_string(PointKind k);  // "start", "leg", "node", "wait"

struct ChartPoint {
  Kilometres km{0.0};   // cumulative distance
  Minutes time{0};      // cumulative time since the origin step began
  UsdCents cost{0};     // cumulative cost, whole shipment
  GramsCo2e co2e{0};    // cumulative CO2e (well-to-wheel), whole shipment
  PointKind kind = PointKind::start;
  std::string what;     // leg: carriage text; node: operation kind; wait: reason ("" allowed)
  std::string node;     // code of the node the point lies at
  friend bool operator==(const ChartPoint&, const ChartPoint&) = default;
};

// The simulated door-to-door time of an itinerary (corridor/reliability.h): P5, P50 and P95
// from the box being ready, drawn in the time panel as a bar at the end of the line.
struct TimeBand {
  Minutes p5{0}, p50{0}, p95{0};
  friend bool operator==(const TimeBand&, const TimeBand&) = default;
};

struct ChartSeries {
  std::string label;                // legend text, e.g. "sea–rail via CNLYG, KZHOR"
  std::vector<ChartPoint> points;   // starts with one PointKind::start point
  std::optional<TimeBand> band;     // when asked (query::ChartQuery::reliability)
  [[nodiscard]] const ChartPoint& total() const { return points.back(); }
  friend bool operator==(const ChartSeries&, const ChartSeries&) = default;
};

// One series per itinerary: a start point at the origin, then one point per step (legs and
// node operations, in order), figures summed from the steps. The label is the itinerary's
// corridor label. Throws landbridge::Error if the itinerary has no steps.
ChartSeries series_from(const Network& net, const route::Itinerary& it);
// One series per itinerary of a route result, in its order.
std::vector<ChartSeries> series_from(const Network& net, const route::RouteResult& result);

// A chart title for a route result: "JPHKT Hakata → DEDUI Duisburg · 1 FEU".
std::string title_for(const Network& net, const route::RouteResult& result);

// Checks the shape a renderer relies on: at least one point, the first (and only it) a start
// point at zero, figures never decreasing, node and wait points at the distance of the point
// before; a band with P5 <= P50 <= P95. Throws landbridge::Error naming the series, point and
// problem.
void check(const ChartSeries& s);

nlohmann::json to_json(const std::vector<ChartSeries>& series);
// Parses what to_json writes; throws landbridge::Error naming the series, point and field.
std::vector<ChartSeries> series_from_json(const nlohmann::json& j);

}  // namespace landbridge::chart
