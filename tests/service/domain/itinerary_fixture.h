// A real timetabled itinerary of the reference package, planned once per test binary: Hakata ->
// Duisburg, ready 2026-12-10 00:00 Hakata time (via Busan, Qingdao, the Khorgos and
// Małaszewicze gauge changes on the package's services).
#pragma once

#include <filesystem>
#include <memory>

#include "landbridge/io/package.h"
#include "landbridge/io/services.h"
#include "landbridge/query/engine.h"
#include "landbridge/schedule/planner.h"
#include "landbridge/timetable/time.h"

namespace landbridge::test {

struct PlannedTrip {
  std::shared_ptr<const LoadedNetwork> pkg;
  std::vector<timetable::Service> services;
  query::ScheduledAnswer answer;
  [[nodiscard]] const Network& net() const { return pkg->network; }
  [[nodiscard]] const schedule::ScheduledItinerary& itinerary() const { return answer.result.itineraries.front(); }
};

inline const PlannedTrip& hakata_duisburg() {
  static const PlannedTrip trip = [] {
    PlannedTrip t;
    auto pkg = std::make_shared<LoadedNetwork>(io::load_package(std::filesystem::path(LANDBRIDGE_DATA_DIR) / "eurasia"));
    Diagnostics diags;
    t.services = io::load_services(pkg->dir, pkg->network, diags);
    diags.throw_if_any();
    t.pkg = pkg;
    schedule::ScheduledPlanner planner(*pkg, t.services, timetable::to_instant(timetable::CivilDate{2026, 11, 25}), days(120));
    schedule::ScheduledRequest req;
    req.from = "JPHKT";
    req.to = "DEDUI";
    req.depart = *timetable::parse_iso8601("2026-12-10T00:00+09:00");
    t.answer.pkg = t.pkg;
    t.answer.query.from = "JPHKT";
    t.answer.query.to = "DEDUI";
    t.answer.query.depart = "2026-12-10";
    t.answer.result = planner.plan(req);
    return t;
  }();
  return trip;
}

}  // namespace landbridge::test
