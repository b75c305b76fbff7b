// McRAPTOR caps its Pareto sets (McRaptor::kMaxBag, docs/network-package.md "Limits"): a cut
// answer is no larger than the cap and says so; an answer within the cap is whole and unflagged.
#include <gtest/gtest.h>

#include "landbridge/timetable/generator.h"
#include "landbridge/timetable/mc_raptor.h"

namespace landbridge::timetable {
namespace {

struct Case {
  Timetable tt;
  Query q;
  std::size_t whole = 0;  // size of the uncut Pareto set
};

// The first random timetable and query whose Pareto set has at least `min_size` journeys.
std::optional<Case> find_case(std::size_t min_size, bool range) {
  for (std::uint64_t seed = 1; seed <= 400; ++seed) {
    RandomTimetableParams p;
    p.stops = 12;
    p.services = 30;
    p.max_calls = 5;
    p.links = 4;
    p.carriages = 3;
    p.horizon_days = 21;
    const TimetableSpec spec = random_timetable(p, seed + 9000);
    Case c{Timetable::build(spec), {}, 0};
    McRaptor mc(c.tt);
    for (std::uint32_t o = 0; o < 4; ++o) {
      c.q.origin = NodeId(o);
      c.q.target = NodeId(11 - o);
      c.q.ready = spec.horizon_start;
      c.q.cargo.teu = 1;
      c.q.cargo.mass_per_teu = Tonnes(10.0);
      c.q.max_trips = 6;
      c.q.max_travel = days(20);
      const auto js = range ? mc.range(c.q, c.q.ready + days(5)) : mc.run(c.q);
      EXPECT_FALSE(mc.stats().capped);
      if (js.size() >= min_size) {
        c.whole = js.size();
        return c;
      }
    }
  }
  return std::nullopt;
}

TEST(McRaptorCap, ARunCutAtTheCapSaysSo) {
  const auto c = find_case(4, false);
  ASSERT_TRUE(c.has_value()) << "no random timetable with a Pareto set of 4 journeys";
  McRaptor mc(c->tt);
  mc.set_max_bag(2);
  const auto js = mc.run(c->q);
  EXPECT_TRUE(mc.stats().capped);
  EXPECT_GE(js.size(), 1u);
  EXPECT_LE(js.size(), 2u);
  // Back to the default cap: the whole set, not flagged.
  mc.set_max_bag(McRaptor::kMaxBag);
  EXPECT_EQ(mc.run(c->q).size(), c->whole);
  EXPECT_FALSE(mc.stats().capped);
}

TEST(McRaptorCap, ARangeCutAtTheCapSaysSo) {
  const auto c = find_case(5, true);
  ASSERT_TRUE(c.has_value()) << "no random timetable with a range answer of 5 journeys";
  McRaptor mc(c->tt);
  mc.set_max_bag(3);
  const auto js = mc.range(c->q, c->q.ready + days(5));
  EXPECT_TRUE(mc.stats().capped);
  EXPECT_LE(js.size(), 3u);
}

}  // namespace
}  // namespace landbridge::timetable
