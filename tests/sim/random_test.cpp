// MRG32k3a against the published output of L'Ecuyer's RngStreams test program
// (umontreal-simul/RngStreams, tests/test2RngStream.res), and the stream scheme.
#include "landbridge/sim/random.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>

#include "landbridge/core/error.h"

namespace landbridge::sim {
namespace {

using State = Mrg32k3a::State;

TEST(Mrg32k3a, DefaultSeedAfter35StepsMatchesRngStreams) {
  const State want = {1040577685, 3747037609, 277208355, 1712706441, 627445683, 2408037141};
  Mrg32k3a stepped;
  for (int i = 0; i < 35; ++i) stepped.next_u01();
  EXPECT_EQ(stepped.state(), want);

  Mrg32k3a jumped;
  jumped.advance(35);
  EXPECT_EQ(jumped.state(), want);

  Mrg32k3a pow2;  // RngStreams' AdvanceState(5, 3): 2^5 + 3 steps
  pow2.advance_pow2(5);
  pow2.advance(3);
  EXPECT_EQ(pow2.state(), want);

  // RngStreams prints it with 13 significant digits.
  EXPECT_NEAR(stepped.next_u01(), 0.07941673614985, 1e-14);
}

TEST(Mrg32k3a, StreamStartsAre2To127StepsApart) {
  const State s0 = Mrg32k3a::kDefaultSeed;
  EXPECT_EQ(Mrg32k3a::stream_start(s0, 0, 0).state(), s0);
  EXPECT_EQ(Mrg32k3a::stream_start(s0, 1, 0).state(),
            (State{3692455944, 1366884236, 2968912127, 335948734, 4161675175, 475798818}));
  EXPECT_EQ(Mrg32k3a::stream_start(s0, 2, 0).state(),
            (State{1015873554, 1310354410, 2249465273, 994084013, 2912484720, 3876682925}));

  const State ones = {1, 1, 1, 1, 1, 1};
  EXPECT_EQ(Mrg32k3a::stream_start(ones, 1, 0).state(),
            (State{2662865579, 741857976, 4206142246, 3352832365, 2519202871, 655500294}));
  EXPECT_EQ(Mrg32k3a::stream_start(ones, 2, 0).state(),
            (State{3784663252, 802042081, 160569404, 3391851556, 2150317468, 54240022}));
  EXPECT_EQ(Mrg32k3a::stream_start(ones, 3, 0).state(),
            (State{3276123839, 3170955788, 1470482105, 884064067, 1017894425, 16401881}));
}

TEST(Mrg32k3a, OutputsOfStream2AndItsFourthSubstreamMatchRngStreams) {
  RandomStream g3(2, 0);
  const double first5[] = {0.7285097861965, 0.9655872822837, 0.9961841304801, 0.1149884161813,
                           0.9731454191297};
  for (double want : first5) EXPECT_NEAR(g3.u01(), want, 1e-13);

  RandomStream g3s4(2, 4);
  const double sub4[] = {0.1734545396358, 0.03286351608942, 0.2643169129682, 0.3059403602117,
                         0.5476303035177};
  for (double want : sub4) EXPECT_NEAR(g3s4.u01(), want, 1e-13);

  // RngStreams sums outputs 2..101 of the stream (one draw was taken before).
  RandomStream again(2, 0);
  again.u01();
  double sum = 0.0;
  for (int i = 0; i < 100; ++i) sum += again.u01();
  EXPECT_NEAR(sum, 53.98590159232, 1e-10);
}

TEST(Mrg32k3a, JumpsAgreeWithStepping) {
  for (std::uint64_t n : {1ULL, 2ULL, 999ULL, 4096ULL, 12345ULL}) {
    Mrg32k3a a(seed_from(n));
    Mrg32k3a b(seed_from(n));
    for (std::uint64_t i = 0; i < n; ++i) a.next_u01();
    b.advance(n);
    EXPECT_EQ(a.state(), b.state()) << "n = " << n;
  }
  // Substream r = r jumps of 2^76.
  Mrg32k3a s = Mrg32k3a::stream_start(Mrg32k3a::kDefaultSeed, 5, 0);
  s.advance_pow2(76);
  s.advance_pow2(76);
  s.advance_pow2(76);
  EXPECT_EQ(s.state(), Mrg32k3a::stream_start(Mrg32k3a::kDefaultSeed, 5, 3).state());
}

TEST(Mrg32k3a, RejectsInvalidSeeds) {
  EXPECT_THROW(Mrg32k3a(State{0, 0, 0, 1, 1, 1}), Error);
  EXPECT_THROW(Mrg32k3a(State{1, 1, 1, 0, 0, 0}), Error);
  EXPECT_THROW(Mrg32k3a(State{4294967087U, 1, 1, 1, 1, 1}), Error);  // = m1
  EXPECT_THROW(Mrg32k3a(State{1, 1, 1, 1, 1, 4294944443U}), Error);  // = m2
  EXPECT_NO_THROW(Mrg32k3a(seed_from(0)));
  EXPECT_NE(seed_from(1), seed_from(2));
}

TEST(Mrg32k3a, UniformsHaveTheMeanAndVarianceOfU01) {
  // Mean 1/2 with standard error sqrt(1/12 / n); variance 1/12 with standard error
  // sqrt((1/80 - 1/144) / n). Four standard errors each.
  constexpr int n = 200000;
  RandomStream rs(0, 0, seed_from(2024));
  double sum = 0.0;
  double sum2 = 0.0;
  double lo = 1.0;
  double hi = 0.0;
  for (int i = 0; i < n; ++i) {
    const double u = rs.u01();
    sum += u;
    sum2 += u * u;
    lo = std::min(lo, u);
    hi = std::max(hi, u);
  }
  const double mean = sum / n;
  const double var = sum2 / n - mean * mean;
  EXPECT_NEAR(mean, 0.5, 4 * std::sqrt(1.0 / 12.0 / n));
  EXPECT_NEAR(var, 1.0 / 12.0, 4 * std::sqrt((1.0 / 80.0 - 1.0 / 144.0) / n));
  EXPECT_GT(lo, 0.0);
  EXPECT_LT(hi, 1.0);
}

TEST(RandomStream, DistinctStreamsAndReplicationsGiveDistinctNumbers) {
  RandomStream a(0, 0);
  RandomStream b(1, 0);
  RandomStream c(0, 1);
  RandomStream a2(0, 0);
  const double xa = a.u01();
  EXPECT_NE(xa, b.u01());
  EXPECT_NE(xa, c.u01());
  EXPECT_EQ(xa, a2.u01());  // same stream, same replication: same numbers
}

TEST(RandomStream, NamedStreamsDependOnEveryKeyWordTheirOrderAndTheReplication) {
  const Mrg32k3a::State seed = seed_from(42);
  auto first = [&](std::uint64_t rep, std::initializer_list<std::uint64_t> key) {
    return RandomStream::named(seed, rep, key).u01();
  };
  const double x = first(0, {7, 1, 2});
  EXPECT_EQ(x, first(0, {7, 1, 2}));
  EXPECT_NE(x, first(0, {7, 2, 1}));
  EXPECT_NE(x, first(0, {7, 1, 3}));
  EXPECT_NE(x, first(0, {7, 1}));
  EXPECT_NE(x, first(1, {7, 1, 2}));
  EXPECT_NE(x, RandomStream::named(seed_from(43), 0, {7, 1, 2}).u01());
  // The first numbers of many neighbouring keys are uniform: mean 1/2, variance 1/12.
  const int n = 200000;
  double sum = 0, sum2 = 0;
  for (int i = 0; i < n; ++i) {
    const double u = first(0, {3, static_cast<std::uint64_t>(i % 7), static_cast<std::uint64_t>(i / 7)});
    sum += u;
    sum2 += u * u;
  }
  const double mean = sum / n, var = sum2 / n - mean * mean;
  EXPECT_NEAR(mean, 0.5, 4 * std::sqrt(1.0 / 12.0 / n));
  EXPECT_NEAR(var, 1.0 / 12.0, 4 * std::sqrt((1.0 / 80.0 - 1.0 / 144.0) / n));
}

}  // namespace
}  // namespace landbridge::sim
