// Engine::warm_up: builds, before the first query, what the first queries would otherwise wait
// for (a server calls it before it listens).
#include <chrono>

#include "impl.h"
#include "landbridge/route/equipment.h"
#include "landbridge/timetable/time.h"

namespace landbridge::query {
namespace {

// Today (UTC) as the timetable's day.
Instant today_utc() {
  const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  const auto day = static_cast<std::int32_t>(now.time_since_epoch().count()) - timetable::kEpochDayOffset;
  return timetable::to_instant(timetable::date_of_epoch_day(day));
}

}  // namespace

void Engine::warm_up() const {
  const Impl& m = *impl_;
  (void)m.location_index();  // folds every node and place; loads the place index with it

  // A static planner, lent back to the pool for the first static route.
  { auto lease = m.route_pool.check_out(NoKey{}, [&] { return std::make_unique<route::Planner>(*m.pkg); }); }

  // The timetabled planner an unconstrained query ready today plans on: the same key as
  // plan_scheduled computes for it (one TEU, no avoid items, the package's rates).
  if (m.scheduled_error || m.services.empty()) return;
  schedule::ScheduledRequest req;
  req.depart = today_utc();
  const auto box = route::parse_box_type("teu");
  req.options.shipment = {box->unit, 1};
  req.options.equipment = box->equipment;
  req.options.rates = m.rates;
  const route::RouteOptions filter = schedule::request_options(m.pkg->network, req);
  const PlannerKey key{shared_horizon(req.depart, days(120)), schedule::timetable_key(filter)};
  auto lease = m.scheduled_pool.check_out(key, [&] {
    return std::make_unique<schedule::ScheduledPlanner>(*m.pkg, m.services, key.horizon.start, key.horizon.length,
                                                        filter);
  });
}

}  // namespace landbridge::query
