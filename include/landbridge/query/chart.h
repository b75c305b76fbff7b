// The UN ESCAP time/cost–distance chart of the itineraries between two places, asked in the
// user's words: the entry point that `landbridge chart` and the service's GET /v1/chart share.
//
//   query::ChartAnswer c = query::chart_data(engine, {.from = "JPHKT", .to = "DEDUI"});
//   std::cout << chart::to_json(c.series).dump(2);   // or chart::render_svg(c.series, {c.title, ...})
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "landbridge/chart/series.h"
#include "landbridge/query/engine.h"

namespace landbridge::query {

struct ChartQuery {
  std::string from, to;             // as for the planners (place/lookup.h)
  // "" charts static routes; an ISO 8601 instant charts the timetabled Pareto set of boxes ready
  // then (as ScheduledQuery::depart), waits for departures drawn as vertical steps.
  std::string depart;
  std::string unit = "teu";         // route::parse_box_type
  std::int32_t count = 1;
  std::vector<std::string> avoid;   // route::add_avoid items
  // Static routes: 0 charts the Pareto set over time, cost and CO2e; K > 0 the K best corridors
  // by time. Must be 0 with depart.
  std::int32_t alternatives = 0;
  FreeTeu free_teu;                 // timetabled: departures without room are not charted
  // replications > 0: each series gets the simulated P5-P95 band of its door-to-door time
  // (chart::TimeBand; Engine::reliability), arrive_by unused. A percentile among undelivered
  // boxes leaves its series without a band.
  ReliabilityQuery reliability;
};

struct ChartAnswer {
  std::vector<chart::ChartSeries> series;  // one per itinerary, the planner's order
  std::string title;                       // "JPHKT Hakata → DEDUI Duisburg · 1 TEU"
  std::string subtitle;                    // which set is charted
};

// Throws QueryError as the planners do (bad_request naming the field, no_route with the reason);
// `alternatives` with `depart` is bad_request on field "alternatives".
ChartAnswer chart_data(const Engine& engine, const ChartQuery& q);

}  // namespace landbridge::query
