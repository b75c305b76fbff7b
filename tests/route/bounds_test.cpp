// Bounded work on packages at the documented limits (docs/network-package.md, "Limits").
#include <gtest/gtest.h>

#include <set>
#include <tuple>

#include "../support/scratch.h"
#include "generated_package.h"
#include "landbridge/route/planner.h"

namespace landbridge::route {
namespace {

using test::generated_code;

io::LoadedPackage load_generated(const test::GeneratedPackage& g) {
  return io::load_package(test::write_package(testing_support::scratch_dir() / "package", g));
}

// 16 layers: 65,536 non-dominated itineraries. The answer is cut at the cap, says so, and what
// it lists is a genuine, non-dominated set of the fastest itineraries.
TEST(ParetoCap, ALayeredPackageIsCutAtTheCapAndSaysSo) {
  const io::LoadedPackage pkg = load_generated(test::layered_package(16));
  Planner planner(pkg);
  RouteRequest req{.from = generated_code(0), .to = generated_code(16), .pareto = true};
  const RouteResult r = planner.route(req);
  EXPECT_TRUE(r.capped);
  EXPECT_EQ(r.pareto_cap, kMaxParetoItineraries);
  ASSERT_EQ(r.itineraries.size(), kMaxParetoItineraries);
  std::set<std::tuple<int, std::int64_t>> seen;
  for (const Itinerary& it : r.itineraries) {
    EXPECT_EQ(it.links.size(), 16u);
    // time + cost is the same on every path: the slower link saves what it loses.
    EXPECT_EQ(it.per_box.time.value() + it.per_box.cost.value() / 100, 16 * 60 + 16 * 100 + 65535);
    EXPECT_TRUE(seen.emplace(it.per_box.time.value(), it.per_box.cost.value()).second) << "a duplicate";
  }
  // First come, first kept: the fastest 1,000 of the 65,536 (times 960 + 0 .. 999 minutes).
  EXPECT_EQ(r.itineraries.front().per_box.time.value(), 16 * 60);
  EXPECT_EQ(r.itineraries.back().per_box.time.value(), 16 * 60 + 999);
}

TEST(ParetoCap, ASetWithinTheCapIsWholeAndNotFlagged) {
  const io::LoadedPackage pkg = load_generated(test::layered_package(8));
  Planner planner(pkg);
  const RouteResult r = planner.route({.from = generated_code(0), .to = generated_code(8), .pareto = true});
  EXPECT_FALSE(r.capped);
  EXPECT_EQ(r.itineraries.size(), 256u);
}

TEST(ParetoCap, ASmallerCapIsHonouredToo) {
  const io::LoadedPackage pkg = load_generated(test::layered_package(10));
  Planner planner(pkg);
  const RouteResult r =
      planner.route({.from = generated_code(0), .to = generated_code(10), .pareto = true, .max_pareto = 10});
  EXPECT_TRUE(r.capped);
  EXPECT_EQ(r.itineraries.size(), 10u);
}

}  // namespace
}  // namespace landbridge::route
