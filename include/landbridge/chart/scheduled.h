// Chart series of timetabled itineraries: waits for a departure become wait points (vertical
// steps with no distance), so a weekly feeder shows as a tall step before the ride.
#pragma once

#include <vector>

#include "landbridge/chart/series.h"
#include "landbridge/schedule/planner.h"

namespace landbridge::chart {

// One series per itinerary; time counts from the query's ready instant. The label names the
// services ridden and the departure, e.g. "FDR-HKT-VYP, TSR-VYP-MAL, RAIL-MAL-DUI · dep 2026-12-02".
ChartSeries series_from(const Network& net, const schedule::ScheduledItinerary& it);
std::vector<ChartSeries> series_from(const Network& net, const schedule::ScheduledResult& result);

}  // namespace landbridge::chart
