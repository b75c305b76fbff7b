// Route results for machines (JSON) and for people (a text table).
//
// JSON (to_json): one object per request
//   {"from": "JPHKT", "to": "DEDUI", "from_name", "to_name", "objective", "pareto",
//    "unit": "TEU", "count": 1, "constraints": {...}, "rerouted": [link ids], "dropped": [...],
//    "truncated": false, "capped": false, "pareto_cap": 1000,
//    "itineraries": [
//      {"rank": 1, "label": "sea–rail via CNLYG, KZHOR", "via": ["JPHKT", "CNLYG", ...],
//       "corridor": ["mode_change:sea>rail@CNLYG", ...], "transshipments": 2,
//       "passages": ["suez"], "days": 19.5,
//       "steps": [
//         {"kind": "leg", "from": "JPHKT", "to": "CNLYG", "at": null, "mode": "feeder",
//          "gauge": null, "link": "feeder-JPHKT-CNLYG", "passages": [],
//          "distance_km": 1072.3, "hours": 56.0, "cost_usd": 185.33, "co2e_kg": 171.6,
//          "co2e_ttw_kg": 139.4},
//         {"kind": "node", "from": "CNLYG", "to": "CNLYG", "at": "CNLYG", "mode": null,
//          "operation": "handling", "arrive": "feeder", "depart": "rail:1435",
//          "distance_km": 0, "hours": ..., "cost_usd": ..., "co2e_kg": ..., "co2e_ttw_kg": 0},
//         ...],
//       "total": {"distance_km", "hours", "days", "cost_usd", "co2e_kg", "co2e_ttw_kg"}}]}
// Every figure is for the whole shipment (count × unit) except hours and days. "via" lists
// every node passed, origin first and destination last. Distances are rounded to 0.1 km and
// hours to 0.01 h; money and CO2e are exact (cents, grams).
//
// Text (to_table): a heading line, then per itinerary a line with its rank, corridor label and
// totals, and a table of its steps (legs and node operations) with a totals line.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "landbridge/model/network.h"
#include "landbridge/route/planner.h"

namespace landbridge::route {

nlohmann::json to_json(const Network& net, const RouteResult& result);

// Building blocks shared by every itinerary report (static and timetabled), so both speak the
// same JSON: passages as an array of names; a carriage code ("rail:1520", "start", "end");
// the five figures of a step or total, rounded as documented above; the request's constraints.
double round_to(double v, double step);  // to a multiple of step (0.1 km, 0.01 h)
nlohmann::json passages_json(PassageSet s);
// {avoid_nodes, avoid_countries, avoid_modes, avoid_passages, max_transshipments}
nlohmann::json constraints_json(const Network& net, const RouteOptions& o);
std::string carriage_code_name(std::uint8_t code);
void put_figures(nlohmann::json& j, Kilometres d, Minutes t, UsdCents c, const emissions::Co2e& e);
nlohmann::json to_json(const Network& net, const Itinerary& it);
std::string to_table(const Network& net, const RouteResult& result);

}  // namespace landbridge::route
