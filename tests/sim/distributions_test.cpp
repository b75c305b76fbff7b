// Distributions: the normal quantile against erfc, then sample means and variances against
// their textbook values, each within four standard errors (the variance's standard error
// estimated from the sample's fourth central moment).
#include "landbridge/sim/distributions.h"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include "landbridge/core/error.h"

namespace landbridge::sim {
namespace {

double phi(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

TEST(NormalQuantile, InvertsTheNormalDistributionFunction) {
  EXPECT_EQ(normal_quantile(0.5), 0.0);
  EXPECT_NEAR(normal_quantile(0.975), 1.959963984540054, 1e-14);
  EXPECT_NEAR(normal_quantile(0.8413447460685429), 1.0, 1e-13);
  for (double p = 1e-6; p < 1.0; p += 0.0137) {
    const double z = normal_quantile(p);
    EXPECT_NEAR(phi(z), p, 2e-15) << "p = " << p;
    EXPECT_NEAR(normal_quantile(1.0 - p), -z, 1e-9 * std::max(1.0, std::fabs(z)));
  }
  // Far tails (the third branch): relative accuracy of the probability.
  for (double p : {1e-10, 1e-20, 1e-100, 1e-300}) {
    const double z = normal_quantile(p);
    EXPECT_NEAR(phi(z) / p, 1.0, 1e-12) << "p = " << p;
  }
  EXPECT_THROW(normal_quantile(0.0), Error);
  EXPECT_THROW(normal_quantile(1.0), Error);
}

struct Moments {
  double mean, var, se_mean, se_var;
};

// Sample moments of n draws, with the standard errors of the mean and of the variance.
Moments sample(const std::function<double(RandomStream&)>& draw, std::uint64_t stream, int n = 200000) {
  RandomStream rs(stream, 0, seed_from(77));
  std::vector<double> x(n);
  double s = 0.0;
  for (auto& v : x) s += (v = draw(rs));
  const double m = s / n;
  double m2 = 0.0;
  double m4 = 0.0;
  for (double v : x) {
    const double d = (v - m) * (v - m);
    m2 += d;
    m4 += d * d;
  }
  m2 /= n;
  m4 /= n;
  return {m, m2 * n / (n - 1), std::sqrt(m2 / n), std::sqrt((m4 - m2 * m2) / n)};
}

void expect_moments(const std::string& name, const std::function<double(RandomStream&)>& draw,
                    double mean, double var, std::uint64_t stream) {
  const Moments got = sample(draw, stream);
  EXPECT_NEAR(got.mean, mean, 4 * got.se_mean) << name << " mean";
  EXPECT_NEAR(got.var, var, 4 * got.se_var) << name << " variance";
}

TEST(Distributions, MeansAndVariancesMatchTheory) {
  expect_moments("Uniform(2,5)", Uniform(2, 5), 3.5, 9.0 / 12.0, 1);
  expect_moments("Exponential(3)", Exponential(3), 3.0, 9.0, 2);
  expect_moments("Normal(10,2)", Normal(10, 2), 10.0, 4.0, 3);
  expect_moments("LogNormal mean 5 sd 2", LogNormal::from_mean_sd(5, 2), 5.0, 4.0, 4);
  const double mu = 0.5;
  const double s = 0.4;
  expect_moments("LogNormal mu/sigma", LogNormal::from_mu_sigma(mu, s), std::exp(mu + s * s / 2),
                 (std::exp(s * s) - 1) * std::exp(2 * mu + s * s), 5);
  // Triangular(a=1, c=2, b=6): mean (a+b+c)/3, variance (a²+b²+c²-ab-ac-bc)/18.
  expect_moments("Triangular(1,2,6)", Triangular(1, 2, 6), 3.0, 21.0 / 18.0, 6);
  // PERT(1,2,6): alpha 1.8, beta 4.2; mean (a+4m+b)/6; variance (b-a)² αβ/((α+β)²(α+β+1)).
  expect_moments("Pert(1,2,6)", Pert(1, 2, 6), 2.5, 25.0 * 1.8 * 4.2 / (36.0 * 7.0), 7);
  expect_moments("Gamma(0.5)", [](RandomStream& r) { return gamma_draw(r, 0.5); }, 0.5, 0.5, 8);
  expect_moments("Gamma(3)", [](RandomStream& r) { return gamma_draw(r, 3.0); }, 3.0, 3.0, 9);
  // Values 10, 20, 50 with probabilities 1/4, 1/2, 1/4 (a zero weight in between).
  expect_moments("EmpiricalDiscrete",
                 EmpiricalDiscrete({10, 20, 30, 50}, {1, 2, 0, 1}), 25.0, 225.0, 10);
  // Half the mass uniform on [0,1], half on [1,3].
  expect_moments("EmpiricalContinuous", EmpiricalContinuous({0, 1, 3}, {0, 0.5, 1}), 1.25,
                 0.5 / 3.0 + 0.5 * 26.0 / 6.0 - 1.25 * 1.25, 11);
  expect_moments("Bernoulli(0.3)", [b = Bernoulli(0.3)](RandomStream& r) { return b(r) ? 1.0 : 0.0; },
                 0.3, 0.21, 12);
}

TEST(Distributions, EmpiricalDiscreteNeverDrawsAZeroWeight) {
  EmpiricalDiscrete d({1, 2, 3, 4}, {0, 1, 0, 0});
  RandomStream rs(0);
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(d(rs), 2.0);
}

TEST(Distributions, InversionDrawsFollowTheStreamsUniforms) {
  // First uniform of stream 2 (RngStreams' published 0.7285097861965) through each inverse
  // distribution function: the draws are functions of published numbers only.
  const double u = 0.7285097861965;
  auto first = [](auto dist) {
    RandomStream rs(2, 0);
    return dist(rs);
  };
  EXPECT_NEAR(first(Exponential(2.0)), -2.0 * std::log1p(-u), 1e-12);
  EXPECT_NEAR(first(Uniform(10, 20)), 10 + 10 * u, 1e-11);
  EXPECT_NEAR(phi((first(Normal(3, 2)) - 3) / 2), u, 1e-12);
  EXPECT_NEAR(first(Triangular(0, 1, 1)), std::sqrt(u), 1e-12);
}

TEST(Distributions, RejectBadParametersWithTheirName) {
  EXPECT_THROW(Exponential(0.0), Error);
  EXPECT_THROW(Uniform(3, 1), Error);
  EXPECT_THROW(Normal(0, -1), Error);
  EXPECT_THROW(LogNormal::from_mean_sd(-1, 1), Error);
  EXPECT_THROW(Triangular(1, 0, 2), Error);
  EXPECT_THROW(Pert(1, 1, 1), Error);
  EXPECT_THROW(EmpiricalDiscrete({1, 2}, {1}), Error);
  EXPECT_THROW(EmpiricalDiscrete({1, 2}, {0, 0}), Error);
  EXPECT_THROW(EmpiricalContinuous({0, 1}, {0.1, 1}), Error);
  EXPECT_THROW(EmpiricalContinuous({0, 2, 1}, {0, 0.5, 1}), Error);
  EXPECT_THROW(Bernoulli(1.5), Error);
  try {
    Triangular(5, 9, 7);
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("Triangular"), std::string::npos);
  }
}

}  // namespace
}  // namespace landbridge::sim
