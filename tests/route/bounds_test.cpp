// Bounded work on packages at the documented limits (docs/network-package.md, "Limits").
#include <fmt/format.h>
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

// --- totals at the documented limits -----------------------------------------------------

constexpr std::int64_t kYearMinutes = 365 * 1440;
constexpr std::int64_t kMaxCents = 10'000'000 * 100LL;
constexpr std::int64_t kLegGrams = 200LL * 50'000 * 100'000;  // FEU of 2 x 100 t, 50,000 km, 100,000 g/tkm
constexpr std::int64_t kHubGrams = 200LL * 10'000 * 1'000;    // FEU of 200 t at 10,000 kg/t

// Every total of an itinerary is the exact sum of its steps, positive, in its type.
void expect_exact_totals(const Itinerary& it, std::int64_t count) {
  std::int64_t legs = 0, nodes = 0;
  for (const Step& s : it.steps) (s.kind == StepKind::leg ? legs : nodes) += 1;
  EXPECT_EQ(it.total.duration.value(), (legs + nodes) * kYearMinutes);
  EXPECT_EQ(it.total.cost.value(), (legs + nodes) * kMaxCents * count);
  EXPECT_EQ(it.total.co2e.wtw.value(), (legs * kLegGrams + nodes * kHubGrams) * count);
  EXPECT_EQ(it.per_box.time, it.total.duration);
  EXPECT_EQ(it.per_box.cost.value() * count, it.total.cost.value());
  EXPECT_GT(it.total.duration.value(), 0);
  EXPECT_GT(it.total.cost.value(), 0);
  EXPECT_GT(it.total.co2e.wtw.value(), 0);
}

// kMaxLegs legs, every link and operation at its limit, kMaxBoxes FEU: 2,003 steps of a year
// (1.05e9 minutes, under 2^31) and 5.03e18 g CO2e (under 2^63).
TEST(TotalsAtLimits, AChainOfTheMostLegsAtTheMostBoxesHasExactTotals) {
  const io::LoadedPackage pkg = load_generated(test::chain_at_limits(static_cast<int>(kMaxLegs)));
  Planner planner(pkg);
  RouteRequest req{.from = generated_code(0), .to = generated_code(static_cast<int>(kMaxLegs))};
  req.options.shipment = {ContainerUnit::feu, kMaxBoxes};
  const RouteResult r = planner.route(req);
  ASSERT_EQ(r.itineraries.size(), 1u);
  const Itinerary& it = r.itineraries.front();
  EXPECT_EQ(it.links.size(), kMaxLegs);
  EXPECT_GE(it.steps.size(), kMaxLegs + 3 * (kMaxLegs - 1));  // three operations at each intermediate node
  expect_exact_totals(it, kMaxBoxes);
}

// The Pareto search sums in 64 bits and agrees.
TEST(TotalsAtLimits, TheParetoAnswerOfTheLongestChainIsExactToo) {
  const io::LoadedPackage pkg = load_generated(test::chain_at_limits(static_cast<int>(kMaxLegs)));
  Planner planner(pkg);
  RouteRequest req{.from = generated_code(0), .to = generated_code(static_cast<int>(kMaxLegs)), .pareto = true};
  req.options.shipment = {ContainerUnit::feu, kMaxBoxes};
  const RouteResult r = planner.route(req);
  ASSERT_EQ(r.itineraries.size(), 1u);
  expect_exact_totals(r.itineraries.front(), kMaxBoxes);
}

// One leg more is refused with a message naming the limit, instead of totals that wrap (a
// chain of 2,100 such links printed "-1,449,981.2 days").
TEST(TotalsAtLimits, ALongerRouteIsRefusedNamingTheLimit) {
  const io::LoadedPackage pkg = load_generated(test::chain_at_limits(2100));
  Planner planner(pkg);
  for (const int to : {static_cast<int>(kMaxLegs) + 1, 2100}) {
    try {
      (void)planner.route({.from = generated_code(0), .to = generated_code(to)});
      FAIL() << "expected an error for " << to << " legs";
    } catch (const Error& e) {
      EXPECT_EQ(std::string(e.what()), fmt::format("the route from XXAAA to {} has {} legs; at most 500 are supported "
                                                   "(docs/network-package.md, Limits)",
                                                   generated_code(to), to));
    }
  }
}

TEST(TotalsAtLimits, TheMostBoxesGiveExactTotalsOneMoreIsRefused) {
  const io::LoadedPackage pkg = load_generated(test::chain_at_limits(20));
  Planner planner(pkg);
  RouteRequest req{.from = generated_code(0), .to = generated_code(20)};
  req.options.shipment = {ContainerUnit::feu, kMaxBoxes};
  const RouteResult r = planner.route(req);
  ASSERT_EQ(r.itineraries.size(), 1u);
  expect_exact_totals(r.itineraries.front(), kMaxBoxes);
  req.options.shipment.count = kMaxBoxes + 1;
  try {
    (void)planner.route(req);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), "count must be from 1 to 10000 boxes, got 10001");
  }
}

TEST(TotalsAtLimits, CriteriaSumsSaturateInsteadOfWrapping) {
  Criteria a{Minutes(2'000'000'000), UsdCents(INT64_MAX - 5), GramsCo2e(INT64_MAX - 5)};
  a += Criteria{Minutes(2'000'000'000), UsdCents(10), GramsCo2e(10)};
  EXPECT_EQ(a.time.value(), INT32_MAX);
  EXPECT_EQ(a.cost.value(), INT64_MAX);
  EXPECT_EQ(a.co2e.value(), INT64_MAX);
}

}  // namespace
}  // namespace landbridge::route
