// The earliest-arrival answer, also where the unconstrained earliest arrival breaks the country
// rule (then searched with growing arrival bounds on the Pareto search): it arrives when the
// earliest sane journey of the whole Pareto set, which the Pareto query lists, arrives.
#include <gtest/gtest.h>

#include <algorithm>
#include <tuple>

#include "landbridge/schedule/planner.h"
#include "landbridge/timetable/time.h"
#include "packages.h"

namespace landbridge::schedule {
namespace {

TEST(ScheduledEarliestSane, ArrivesWithTheParetoSetsEarliest) {
  const test::PackageWithServices& ref = test::reference_package();
  ScheduledPlanner planner(ref.pkg, ref.services, timetable::to_instant(timetable::CivilDate{2026, 11, 25}), days(148));
  int checked = 0;
  for (const auto& [from, to, d] : std::vector<std::tuple<std::string, std::string, int>>{
           {"BGVAR", "RUUSS", 2}, {"UZBHK", "RUGRK", 2}, {"RUUUD", "RUUSS", 8}, {"KZKUR", "KZALA", 4},
           {"CNXIA", "TRAMR", 11}, {"CNURM", "JPHKT", 25}, {"MNULN", "CNHRN", 5}, {"JPHKT", "DEDUI", 10}}) {
    ScheduledRequest req;
    req.from = from;
    req.to = to;
    req.depart = timetable::to_instant(timetable::CivilDate{2026, 12, d});
    const ScheduledResult earliest = planner.plan(req);
    req.pareto = true;
    const ScheduledResult all = planner.plan(req);
    ASSERT_EQ(earliest.itineraries.empty(), all.itineraries.empty()) << from << "-" << to;
    if (all.itineraries.empty()) continue;
    ASSERT_EQ(earliest.itineraries.size(), 1U);
    const auto best = std::min_element(all.itineraries.begin(), all.itineraries.end(), [](const auto& a, const auto& b) {
      return a.journey.arrival < b.journey.arrival;
    });
    const ScheduledItinerary& e = earliest.itineraries.front();
    EXPECT_EQ(e.journey.arrival, best->journey.arrival) << from << "-" << to;
    ++checked;
  }
  EXPECT_GE(checked, 6);
}

}  // namespace
}  // namespace landbridge::schedule
