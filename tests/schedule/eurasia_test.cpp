// Timetabled routing on the reference package (data/eurasia with its services).
#include <gtest/gtest.h>

#include "landbridge/io/package.h"
#include "landbridge/io/services.h"
#include "landbridge/schedule/planner.h"
#include "landbridge/timetable/time.h"

namespace landbridge::schedule {
namespace {

struct Reference {
  io::LoadedPackage pkg;
  std::vector<timetable::Service> services;
};

const Reference& reference() {
  static const Reference ref = [] {
    Reference r{io::load_package(std::filesystem::path(LANDBRIDGE_DATA_DIR) / "eurasia"), {}};
    Diagnostics diags;
    r.services = io::load_services(r.pkg.dir, r.pkg.network, diags);
    diags.throw_if_any();
    return r;
  }();
  return ref;
}

std::vector<std::string> services_of(const ScheduledItinerary& it) {
  std::vector<std::string> out;
  for (const auto& s : it.steps)
    if (!s.service.empty()) out.push_back(s.service);
  return out;
}

Minutes day(int y, int m, int d) { return timetable::to_instant(timetable::CivilDate{y, m, d}); }

TEST(ScheduledEurasia, HakataToDuisburgIsTimetabled) {
  const Reference& ref = reference();
  if (ref.services.empty()) GTEST_SKIP() << "the reference package has no services";
  ScheduledPlanner p(ref.pkg, ref.services, day(2026, 11, 25), days(120));
  ScheduledRequest req;
  req.from = "JPHKT";
  req.to = "DEDUI";
  req.depart = day(2026, 12, 1);
  req.pareto = true;
  const ScheduledResult r = p.plan(req);
  ASSERT_FALSE(r.itineraries.empty());
  for (const ScheduledItinerary& it : r.itineraries) {
    EXPECT_FALSE(services_of(it).empty());
    EXPECT_GE(it.arrival, req.depart);
    EXPECT_EQ(it.steps.front().depart, req.depart);
    EXPECT_EQ(it.steps.back().arrive_at, it.arrival);
  }
  // No itinerary of the set dominates another in (arrival, cost, CO2e, trips).
  for (const auto& a : r.itineraries)
    for (const auto& b : r.itineraries) {
      if (&a == &b) continue;
      const bool dom = a.arrival <= b.arrival && a.cost <= b.cost && a.co2e.wtw <= b.co2e.wtw && a.trips <= b.trips &&
                       (a.arrival < b.arrival || a.cost < b.cost || a.co2e.wtw < b.co2e.wtw || a.trips < b.trips);
      EXPECT_FALSE(dom);
    }
  const nlohmann::json j = to_json(ref.pkg.network, r);
  bool saw_service = false;
  for (const auto& st : j["itineraries"][0]["steps"]) {
    EXPECT_TRUE(st.contains("depart") && st.contains("arrive"));
    if (st.contains("service") && st["service"].is_string()) saw_service = true;
  }
  EXPECT_TRUE(saw_service);
}

TEST(ScheduledEurasia, ALaterDateCanGiveADifferentBestAnswer) {
  const Reference& ref = reference();
  if (ref.services.empty()) GTEST_SKIP() << "the reference package has no services";
  ScheduledPlanner p(ref.pkg, ref.services, day(2026, 11, 25), days(120));
  ScheduledRequest req;
  req.from = "JPHKT";
  req.to = "DEDUI";
  req.depart = day(2026, 12, 1);
  const ScheduledResult first = p.plan(req);
  ASSERT_EQ(first.itineraries.size(), 1u);
  const auto best = services_of(first.itineraries[0]);
  bool differs = false;
  for (int k = 1; k <= 14 && !differs; ++k) {
    req.depart = day(2026, 12, 1) + days(k);
    const ScheduledResult r = p.plan(req);
    ASSERT_EQ(r.itineraries.size(), 1u);
    EXPECT_GE(r.itineraries[0].arrival, first.itineraries[0].arrival);  // FIFO: later ready, no earlier arrival
    differs = services_of(r.itineraries[0]) != best;
  }
  EXPECT_TRUE(differs);
}

}  // namespace
}  // namespace landbridge::schedule
