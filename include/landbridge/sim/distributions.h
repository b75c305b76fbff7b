// Portable probability distributions over RandomStream.
//
// Every draw is a fixed function of the stream's uniforms, written here (no std::
// distribution, whose algorithms differ between standard libraries), so a seed gives the
// same numbers everywhere. Continuous distributions use one uniform per draw by inversion
// (monotone in the uniform: best for common random numbers) except PERT, which draws
// gammas by Marsaglia and Tsang's rejection method (a variable number of uniforms).
//
// Each distribution is a small value type that checks its parameters when built (throwing
// landbridge::Error naming the bad one) and draws with operator()(stream).
#pragma once

#include <cstdint>
#include <vector>

#include "landbridge/sim/random.h"

namespace landbridge::sim {

// Standard normal quantile Phi^-1(p) for p in (0, 1) (Wichura's AS241, ~1e-16 relative).
double normal_quantile(double p);

// Integer in [0, n), n >= 1.
inline std::uint64_t uniform_index(RandomStream& rs, std::uint64_t n) {
  const auto k = static_cast<std::uint64_t>(rs.u01() * static_cast<double>(n));
  return k < n ? k : n - 1;
}

class Uniform {
 public:
  Uniform(double min, double max);
  double operator()(RandomStream& rs) const { return min_ + (max_ - min_) * rs.u01(); }

 private:
  double min_, max_;
};

class Exponential {
 public:
  explicit Exponential(double mean);
  double operator()(RandomStream& rs) const;

 private:
  double mean_;
};

class Normal {
 public:
  Normal(double mean, double sd);
  double operator()(RandomStream& rs) const { return mean_ + sd_ * normal_quantile(rs.u01()); }

 private:
  double mean_, sd_;
};

// exp(N(mu, sigma^2)); build from the log-scale mu/sigma or from the mean and sd of the value.
class LogNormal {
 public:
  static LogNormal from_mu_sigma(double mu, double sigma);
  static LogNormal from_mean_sd(double mean, double sd);
  double operator()(RandomStream& rs) const;
  [[nodiscard]] double mu() const { return mu_; }
  [[nodiscard]] double sigma() const { return sigma_; }

 private:
  LogNormal(double mu, double sigma) : mu_(mu), sigma_(sigma) {}
  double mu_, sigma_;
};

class Triangular {
 public:
  Triangular(double min, double mode, double max);
  double operator()(RandomStream& rs) const;

 private:
  double min_, mode_, max_;
};

// Gamma(shape, 1) by Marsaglia and Tsang; shape > 0.
double gamma_draw(RandomStream& rs, double shape);

// PERT (beta-PERT) on [min, max] with most likely value `mode`; mean (min + l*mode + max)/(l+2)
// with l = lambda (4 in the classic PERT).
class Pert {
 public:
  Pert(double min, double mode, double max, double lambda = 4.0);
  double operator()(RandomStream& rs) const;

 private:
  double min_, max_, alpha_, beta_;
};

// One of the given values with probability proportional to its weight.
class EmpiricalDiscrete {
 public:
  EmpiricalDiscrete(std::vector<double> values, const std::vector<double>& weights);
  double operator()(RandomStream& rs) const { return values_[index(rs)]; }
  // Index of the value drawn (smallest i with u < F(i)).
  [[nodiscard]] std::size_t index(RandomStream& rs) const;

 private:
  std::vector<double> values_;
  std::vector<double> cumulative_;  // F(i), last one exactly 1
};

// Piecewise-linear distribution function through points (x[i], F[i]): F[0] = 0,
// F.back() = 1, both non-decreasing (an empirical histogram of transit times, say).
class EmpiricalContinuous {
 public:
  EmpiricalContinuous(std::vector<double> x, std::vector<double> cumulative);
  double operator()(RandomStream& rs) const;

 private:
  std::vector<double> x_, f_;
};

class Bernoulli {
 public:
  explicit Bernoulli(double p);
  bool operator()(RandomStream& rs) const { return rs.u01() < p_; }

 private:
  double p_;
};

}  // namespace landbridge::sim
