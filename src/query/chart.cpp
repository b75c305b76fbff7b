// Chart data from the planners' answers (query/chart.h).
#include "landbridge/query/chart.h"

#include <fmt/format.h>

#include "landbridge/chart/scheduled.h"

namespace landbridge::query {

namespace {

// The simulated bands of an answer's itineraries onto their series (same order), and the
// subtitle saying where they come from.
void add_bands(ChartAnswer& out, const corridor::ReliabilityResult& r) {
  for (std::size_t i = 0; i < out.series.size() && i < r.itineraries.size(); ++i) {
    const corridor::ItineraryReliability& x = r.itineraries[i];
    if (x.p5 && x.p50 && x.p95) out.series[i].band = chart::TimeBand{*x.p5, *x.p50, *x.p95};
  }
  out.subtitle += fmt::format(" \u00b7 bars: simulated P5\u2013P95 (tick P50), {} replications on {}", r.replications,
                              r.background);
}

ChartAnswer timetabled(const Engine& engine, const ChartQuery& q) {
  ScheduledQuery sq;
  sq.from = q.from;
  sq.to = q.to;
  sq.depart = q.depart;
  sq.unit = q.unit;
  sq.count = q.count;
  sq.avoid = q.avoid;
  sq.pareto = true;
  sq.free_teu = q.free_teu;
  const ScheduledAnswer a = engine.plan_scheduled(sq);
  const Network& net = a.network();
  const auto box = route::parse_box_type(q.unit);  // the planner has checked it
  ChartAnswer out;
  out.series = chart::series_from(net, a.result);
  out.title = fmt::format("{} {} \u2192 {} {} \u00b7 {} {}", net.node(a.result.from).code, net.node(a.result.from).name,
                          net.node(a.result.to).code, net.node(a.result.to).name, q.count,
                          box ? to_string(box->unit) : "TEU");
  out.subtitle = fmt::format("timetabled Pareto set, ready {}", q.depart);
  if (q.reliability.replications != 0) {
    ReliabilityQuery rq = q.reliability;
    rq.arrive_by.clear();
    add_bands(out, engine.reliability(a, rq));
  }
  return out;
}

}  // namespace

ChartAnswer chart_data(const Engine& engine, const ChartQuery& q) {
  if (q.alternatives < 0 || q.alternatives > 12)
    throw QueryError(Problem::bad_request, "alternatives", fmt::format("alternatives {}: 0 (the Pareto set) or from 1 to 12", q.alternatives));
  if (!q.depart.empty()) {
    if (q.alternatives != 0) {
      throw QueryError(Problem::bad_request, "alternatives",
                       "alternatives applies to static routes; depart charts the timetabled Pareto set");
    }
    return timetabled(engine, q);
  }
  StaticQuery sq;
  sq.from = q.from;
  sq.to = q.to;
  sq.unit = q.unit;
  sq.count = q.count;
  sq.avoid = q.avoid;
  sq.pareto = q.alternatives == 0;
  sq.alternatives = std::max(1, q.alternatives);
  const StaticAnswer a = engine.plan_static(sq);
  ChartAnswer out;
  out.series = chart::series_from(a.network(), a.result);
  out.title = chart::title_for(a.network(), a.result);
  out.subtitle = sq.pareto ? "Pareto set over time, cost and CO\u2082e" : "best corridors by time";
  if (q.reliability.replications != 0) {
    ReliabilityQuery rq = q.reliability;
    rq.arrive_by.clear();
    add_bands(out, engine.reliability(a, rq));
  }
  return out;
}

}  // namespace landbridge::query
