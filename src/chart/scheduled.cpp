#include "landbridge/chart/scheduled.h"

#include <fmt/format.h>

#include "landbridge/timetable/time.h"

namespace landbridge::chart {

ChartSeries series_from(const Network& net, const schedule::ScheduledItinerary& it) {
  if (it.steps.empty()) throw Error("a timetabled itinerary without steps has no chart");
  ChartSeries s;
  std::vector<std::string> services;
  for (const auto& st : it.steps)
    if (!st.service.empty() && (services.empty() || services.back() != st.service)) services.push_back(st.service);
  const std::string dep = timetable::format_iso8601(it.departure).substr(0, 10);
  s.label = services.empty() ? fmt::format("untimed links · dep {}", dep)
                             : fmt::format("{} · dep {}", fmt::join(services, ", "), dep);
  ChartPoint p;
  p.kind = PointKind::start;
  p.node = net.node(it.from).code;
  s.points.push_back(p);
  for (const auto& st : it.steps) {
    p.km += st.distance;
    p.time = st.arrive_at - it.ready;
    p.cost += st.cost;
    p.co2e += st.co2e.wtw;
    p.node = net.node(st.to).code;
    if (st.kind == route::StepKind::leg) {
      p.kind = PointKind::leg;
      p.what = to_string(st.carriage);  // the renderer styles legs by carriage; services are in the label
    } else {
      p.kind = st.operation == "wait" ? PointKind::wait : PointKind::node;
      p.what = st.operation == "wait" ? std::string("wait for departure") : st.operation;
    }
    s.points.push_back(p);
  }
  check(s);
  return s;
}

std::vector<ChartSeries> series_from(const Network& net, const schedule::ScheduledResult& result) {
  std::vector<ChartSeries> out;
  for (const auto& it : result.itineraries) out.push_back(series_from(net, it));
  return out;
}

}  // namespace landbridge::chart
