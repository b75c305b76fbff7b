// Dated rate sets on whole routes (tests/data/packages/mini-rates, see tests/io/rates_test.cpp):
// a static route is priced on its rate day; a timetabled trip on its start day, untimed links
// and operations on the ready day.
#include <gtest/gtest.h>

#include <memory>

#include "landbridge/io/package.h"
#include "landbridge/io/rates.h"
#include "landbridge/io/services.h"
#include "landbridge/route/planner.h"
#include "landbridge/schedule/planner.h"
#include "landbridge/timetable/time.h"

namespace landbridge {
namespace {

using timetable::CivilDate;

struct Pkg {
  io::LoadedPackage pkg;
  std::vector<timetable::Service> services;
  std::shared_ptr<const io::RateTable> rates;
};

const Pkg& mini_rates() {
  static const Pkg m = [] {
    Pkg r{io::load_package(std::filesystem::path(LANDBRIDGE_TEST_DATA_DIR) / "packages" / "mini-rates"), {}, {}};
    Diagnostics diags;
    r.services = io::load_services(r.pkg.dir, r.pkg.network, diags);
    r.rates = std::make_shared<const io::RateTable>(io::load_rates(r.pkg.dir, r.pkg.network, diags));
    diags.throw_if_any();
    return r;
  }();
  return m;
}

route::Itinerary static_route(std::shared_ptr<const io::RateTable> rates, CivilDate day) {
  route::Planner planner(mini_rates().pkg);
  route::RouteRequest req;
  req.from = "JPHKT";
  req.to = "AZALA";
  req.options.shipment = {emissions::ContainerUnit::teu, 2};
  req.options.rates = std::move(rates);
  req.options.rates_on = day;
  const route::RouteResult r = planner.route(req);
  EXPECT_EQ(r.itineraries.size(), 1u);
  return r.itineraries.front();
}

TEST(DatedRates, StaticRouteIsPricedByTheSetInForceOnItsDay) {
  const Network& net = mini_rates().pkg.network;
  const route::Itinerary base = static_route(nullptr, CivilDate{2026, 7, 1});
  for (const CivilDate day : {CivilDate{2026, 5, 1}, CivilDate{2026, 7, 1}}) {
    const route::Itinerary it = static_route(mini_rates().rates, day);
    ASSERT_EQ(it.steps.size(), base.steps.size());
    for (std::size_t i = 0; i < it.steps.size(); ++i) {
      const route::Step& s = it.steps[i];
      const UsdCents per_box(base.steps[i].cost.value() / 2);
      const double f = s.kind == route::StepKind::leg
                           ? mini_rates().rates->link_factor(net.link_info(s.link).id, s.carriage.mode, day)
                           : mini_rates().rates->operation_factor(s.op_kind, net.node(s.at).code, day);
      EXPECT_EQ(s.cost, io::scaled(per_box, f) * 2) << i;
    }
  }
  // From June every price is 25% higher (handling 1.1 × 1.25).
  EXPECT_GT(static_route(mini_rates().rates, CivilDate{2026, 7, 1}).total.cost,
            static_route(mini_rates().rates, CivilDate{2026, 5, 1}).total.cost);
}

schedule::ScheduledItinerary timetabled(std::shared_ptr<const io::RateTable> rates, CivilDate ready) {
  schedule::ScheduledPlanner planner(mini_rates().pkg, mini_rates().services,
                                     timetable::to_instant(CivilDate{2026, 5, 1}), days(120));
  schedule::ScheduledRequest req;
  req.from = "JPHKT";
  req.to = "AZALA";
  req.depart = timetable::to_instant(ready);
  req.options.rates = std::move(rates);
  req.pareto = true;  // of two trips that arrive alike, the cheaper
  const schedule::ScheduledResult r = planner.plan(req);
  EXPECT_FALSE(r.itineraries.empty());
  return r.itineraries.front();  // the earliest arrival
}

TEST(DatedRates, TimetabledTripsArePricedOnTheirStartDay) {
  const Network& net = mini_rates().pkg.network;
  const io::RateTable& rates = *mini_rates().rates;
  const CivilDate ready{2026, 5, 25};  // F1 of Friday 29 May, then T1 of Monday 8 June
  const schedule::ScheduledItinerary base = timetabled(nullptr, ready);
  const schedule::ScheduledItinerary it = timetabled(mini_rates().rates, ready);
  EXPECT_EQ(it.arrival, base.arrival);  // prices do not move the earliest arrival
  int rides_in_may = 0, rides_in_june = 0;
  for (std::size_t i = 0; i < it.steps.size(); ++i) {
    const schedule::ScheduledStep& s = it.steps[i];
    UsdCents per_box(0);  // the package price for one TEU
    double f = 1.0;
    if (!s.service.empty()) {
      // Every service of the package departs its first call at its start instant.
      const timetable::Service& sv = *std::find_if(mini_rates().services.begin(), mini_rates().services.end(),
                                                    [&](const auto& x) { return x.id == s.service; });
      const CivilDate start = timetable::to_civil(s.depart, sv.pattern.utc_offset).date;
      f = rates.service_factor(s.service, sv.carriage.mode, start);
      per_box = sv.price_teu;  // every ride of this journey runs a whole service
      (start < CivilDate{2026, 6, 1} ? rides_in_may : rides_in_june) += 1;
    } else if (s.kind == route::StepKind::leg) {
      f = rates.link_factor(net.link_info(s.link).id, s.carriage.mode, ready);
      per_box = net.link_cost_teu(s.link);
    } else if (s.operation == "wait") {
      EXPECT_EQ(s.cost, UsdCents(0));
      continue;
    } else {
      EXPECT_EQ(s.cost, [&] {
        UsdCents sum(0);
        const Transfer& t = net.transfer(s.from, s.arrive, s.depart_code);
        for (OperationId op : net.transfer_ops(t))
          sum += route::operation_price(net, op, false, &rates, ready);
        return sum;
      }()) << s.operation;
      continue;
    }
    EXPECT_EQ(s.cost, io::scaled(per_box, f)) << s.service << " " << i;
  }
  // The journey straddles the change of 1 June: the feeder leaves in May, the later rides in June.
  EXPECT_GE(rides_in_may, 1);
  EXPECT_GE(rides_in_june, 1);
}

}  // namespace
}  // namespace landbridge
