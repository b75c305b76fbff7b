// Timetabled routing on the reference package (data/eurasia with its services).
#include <gtest/gtest.h>

#include "landbridge/io/package.h"
#include "landbridge/io/services.h"
#include "landbridge/schedule/planner.h"
#include "landbridge/timetable/time.h"
#include "packages.h"

namespace landbridge::schedule {
namespace {

using Reference = test::PackageWithServices;
const Reference& reference() { return test::reference_package(); }

std::vector<std::string> services_of(const ScheduledItinerary& it) {
  std::vector<std::string> out;
  for (const auto& s : it.steps)
    if (!s.service.empty()) out.push_back(s.service);
  return out;
}

Instant day(int y, int m, int d) { return timetable::to_instant(timetable::CivilDate{y, m, d}); }

TEST(ScheduledEurasia, HakataToDuisburgIsTimetabled) {
  const Reference& ref = reference();
  ASSERT_FALSE(ref.services.empty());
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
    EXPECT_GE(it.departure, req.depart);
    EXPECT_EQ(it.steps.front().depart, it.departure);  // the summary's departure is the first step's
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
  ASSERT_FALSE(ref.services.empty());
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

// Arrive-by on the reference network against depart-after queries: the latest departure makes
// the deadline and a minute later does not; every journey that a box ready at any hour of the
// range can take to arrive by the deadline is matched or beaten by the arrive-by Pareto set, and
// every member of that set is found again by a depart-after query from its departure.
TEST(ScheduledEurasia, ArriveByAgreesWithDepartAfterQueries) {
  const Reference& ref = reference();
  ASSERT_FALSE(ref.services.empty());
  ScheduledPlanner p(ref.pkg, ref.services, day(2026, 11, 1), days(120));
  const Instant deadline = day(2026, 12, 29) + hours(23);
  ScheduledRequest req;
  req.from = "JPHKT";
  req.to = "DEDUI";
  req.depart = deadline - days(40);
  req.arrive_by = deadline;
  const ScheduledResult latest = p.plan(req);
  ASSERT_EQ(latest.itineraries.size(), 1u);
  const Instant l = latest.itineraries[0].departure;
  const auto depart_after = [&](Instant t, bool pareto) {
    ScheduledRequest d;
    d.from = "JPHKT";
    d.to = "DEDUI";
    d.depart = t;
    d.pareto = pareto;
    return p.plan(d);
  };
  const ScheduledResult at_l = depart_after(l, false);
  ASSERT_EQ(at_l.itineraries.size(), 1u);
  EXPECT_LE(at_l.itineraries[0].arrival, deadline);
  const ScheduledResult after_l = depart_after(l + Minutes(1), false);
  ASSERT_EQ(after_l.itineraries.size(), 1u);
  EXPECT_GT(after_l.itineraries[0].arrival, deadline);

  req.pareto = true;
  const ScheduledResult set = p.plan(req);
  ASSERT_GE(set.itineraries.size(), 2u);
  EXPECT_EQ(set.itineraries[0].departure, l);  // the latest departure leads the set
  for (const ScheduledItinerary& it : set.itineraries) {
    EXPECT_LE(it.arrival, deadline);
    bool again = false;
    for (const ScheduledItinerary& d : depart_after(it.departure, true).itineraries)
      again |= d.arrival <= deadline && d.cost == it.cost && d.co2e.wtw == it.co2e.wtw && d.trips == it.trips;
    EXPECT_TRUE(again) << timetable::format_iso8601(it.departure);
  }
  int options = 0;
  for (Instant t = req.depart; t <= deadline; t += hours(1))
    for (const ScheduledItinerary& d : depart_after(t, true).itineraries) {
      if (d.arrival > deadline) continue;
      ++options;
      bool covered = false;
      for (const ScheduledItinerary& it : set.itineraries)
        covered |= it.departure >= t && it.cost <= d.cost && it.co2e.wtw <= d.co2e.wtw && it.trips <= d.trips;
      EXPECT_TRUE(covered) << "ready " << timetable::format_iso8601(t) << " arriving " << timetable::format_iso8601(d.arrival);
    }
  EXPECT_GT(options, 100);
}

// The sea regimes: in December 2026 the Asia - Europe loops sail round the Cape (the Suez loops
// end in 2023), so closing Suez still leaves an all-sea itinerary, and none sails through Suez.
TEST(ScheduledEurasia, CapeLoopsKeepAnAllSeaItineraryWhenSuezIsClosed) {
  const Reference& ref = reference();
  ScheduledPlanner p(ref.pkg, ref.services, day(2026, 11, 25), days(120));
  for (const bool closed : {false, true}) {
    SCOPED_TRACE(closed ? "suez avoided" : "open");
    ScheduledRequest req;
    req.from = "JPHKT";
    req.to = "DEDUI";
    req.depart = day(2026, 12, 1);
    req.pareto = true;
    if (closed) req.avoid = {"suez"};
    const ScheduledResult r = p.plan(req);
    bool all_sea = false;
    for (const ScheduledItinerary& it : r.itineraries) {
      bool deep_sea = false;
      for (const ScheduledStep& s : it.steps) {
        if (s.kind != route::StepKind::leg) continue;
        EXPECT_FALSE(s.passages & passage_bit(Passage::suez)) << s.service;
        deep_sea = deep_sea || s.carriage.mode == Mode::deep_sea;
      }
      all_sea = all_sea || deep_sea;
    }
    EXPECT_TRUE(all_sea);
  }
}

// The Trans-Caspian chain connects: Alat trains, the 1435 trains after the gauge change at
// Akhalkalaki, and the trains from Halkalı to Europe leave within a day of the box being ready.
TEST(ScheduledEurasia, TransCaspianTrainsConnectWithinADay) {
  const Reference& ref = reference();
  ScheduledPlanner p(ref.pkg, ref.services, day(2026, 11, 25), days(120));
  ScheduledRequest req;
  req.from = "JPHKT";
  req.to = "DEDUI";
  req.depart = day(2026, 12, 1);
  req.avoid = {"RU", "deep_sea"};
  const ScheduledResult r = p.plan(req);
  ASSERT_EQ(r.itineraries.size(), 1u);
  const ScheduledItinerary& it = r.itineraries[0];
  bool via_akhalkalaki = false, via_halkali = false;
  for (const ScheduledStep& s : it.steps) {
    if (s.kind != route::StepKind::node || s.operation != "wait") continue;
    const std::string& code = ref.pkg.network.node(s.from).code;
    if (code == "GEZAI" || code == "TRHAL") {
      EXPECT_LT(s.arrive_at - s.depart, hours(24)) << code;
      (code == "GEZAI" ? via_akhalkalaki : via_halkali) = true;
    }
  }
  for (const ScheduledStep& s : it.steps)
    if (s.kind == route::StepKind::leg) {
      const std::string& code = ref.pkg.network.node(s.to).code;
      via_akhalkalaki = via_akhalkalaki || code == "GEZAI";
      via_halkali = via_halkali || code == "TRHAL";
    }
  // Through Georgia to Türkiye: by the BTK line (Akhalkalaki) or by a Black Sea feeder from
  // Poti/Batumi; either way the box reaches Istanbul Halkalı's trains to Europe.
  bool via_georgian_port = false, across_caspian = false;
  for (NodeId n : it.via) {
    const std::string& code = ref.pkg.network.node(n).code;
    via_georgian_port = via_georgian_port || code == "GEPTI" || code == "GEBUS";
    across_caspian = across_caspian || code == "AZALA";
  }
  EXPECT_TRUE(across_caspian);
  EXPECT_TRUE(via_akhalkalaki || via_georgian_port);
  EXPECT_TRUE(via_halkali);
  EXPECT_LT(it.arrival - it.departure, days(40));  // it took 54 days before the chain connected
}

// Slots are sold per departure (the booking service): every service states its capacity (A-SV8),
// and a sailing offers at least one block train's worth.
TEST(ScheduledEurasia, EveryServiceStatesItsSlotCapacity) {
  const Reference& ref = reference();
  ASSERT_FALSE(ref.services.empty());
  for (const auto& s : ref.services) {
    EXPECT_GT(s.capacity_teu, 0) << s.id;
    if (s.carriage.mode != Mode::rail) {
      EXPECT_GE(s.capacity_teu, 100) << s.id;
    }
  }
}

}  // namespace
}  // namespace landbridge::schedule
