// What a freight assignment found, as tables, JSON, a GeoJSON flow map and an SVG map.
//
//   flows per link, per service (a link's flow split over the services riding it in proportion
//   to their slots; a service's flow is that of its busiest link) and per node operation;
//   utilisation = flow / capacity; the shadow price (Lagrange multiplier, USD per TEU) of each
//   binding hard capacity, and what one more unit of it (a crane, a departure, a train path)
//   saves: multiplier x the TEU per week the unit adds (first order: a small change at a
//   system optimum; at a user equilibrium the total cost may move by more or less) and the
//   change of the total generalized cost found by solving again with the unit added (what the
//   report leads with); corridor shares per OD.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "landbridge/freight/assignment.h"

namespace landbridge::freight {

struct Binding {
  std::size_t arc = 0;
  std::string name;            // "KZHOR gauge_change rail:1435 -> rail:1520", "link feeder-JPHKT-CNLYG"
  double flow = 0, capacity = 0, multiplier = 0;
  double teu_per_unit = 0;     // TEU per week one more unit adds (0: no unit)
  std::string unit;
  double saving_per_unit = 0;  // USD per week, multiplier x teu_per_unit (first order)
  double resolved_saving = 0;  // USD per week, by solving again (NaN: not computed)
};

// Hard capacities with a positive multiplier, largest first.
std::vector<Binding> binding_capacities(const LoadedNetwork& pkg, const FreightGraph& g, const FreightResult& r);
std::string arc_name(const LoadedNetwork& pkg, const FreightGraph& g, std::size_t arc);

// Share of the demand between every OD pair on each corridor summed over all ODs.
std::vector<CorridorFlow> total_corridor_shares(const std::vector<OdResult>& ods);

nlohmann::json to_json(const LoadedNetwork& pkg, const FreightGraph& g, const FreightResult& r);
void write_text(const LoadedNetwork& pkg, const FreightGraph& g, const FreightResult& r, std::ostream& out);
// FeatureCollection: links with flow (their geometry as io::export_geojson draws them) and
// nodes with throughput, each with flow, capacity, utilisation and shadow price.
void write_geojson(const LoadedNetwork& pkg, const FreightGraph& g, const FreightResult& r, std::ostream& out);
// The same flows drawn on an equirectangular map, line width by flow, colour by mode.
void write_svg(const LoadedNetwork& pkg, const FreightGraph& g, const FreightResult& r, const std::string& title,
               std::ostream& out);

}  // namespace landbridge::freight
