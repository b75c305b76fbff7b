#include "landbridge/sim/distributions.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "landbridge/core/error.h"

namespace landbridge::sim {

namespace {

[[noreturn]] void bad(const char* dist, const std::string& what) {
  throw Error(std::string(dist) + ": " + what);
}

bool finite(double x) { return std::isfinite(x); }

// Horner evaluation of c[0] + c[1] x + ... + c[7] x^7.
double poly7(const double (&c)[8], double x) {
  double acc = c[7];
  for (int k = 6; k >= 0; --k) acc = acc * x + c[k];
  return acc;
}

// Coefficients of Wichura's AS241 (PPND16), Applied Statistics 37 (1988) 477-484,
// lowest degree first; the denominators' constant term is 1.
constexpr double kCentralNum[8] = {3.3871328727963666080e0, 1.3314166789178437745e2,
                                   1.9715909503065514427e3, 1.3731693765509461125e4,
                                   4.5921953931549871457e4, 6.7265770927008700853e4,
                                   3.3430575583588128105e4, 2.5090809287301226727e3};
constexpr double kCentralDen[8] = {1.0,
                                   4.2313330701600911252e1, 6.8718700749205790830e2,
                                   5.3941960214247511077e3, 2.1213794301586595867e4,
                                   3.9307895800092710610e4, 2.8729085735721942674e4,
                                   5.2264952788528545610e3};
constexpr double kNearNum[8] = {1.42343711074968357734e0, 4.63033784615654529590e0,
                                5.76949722146069140550e0, 3.64784832476320460504e0,
                                1.27045825245236838258e0, 2.41780725177450611770e-1,
                                2.27238449892691845833e-2, 7.74545014278341407640e-4};
constexpr double kNearDen[8] = {1.0,
                                2.05319162663775882187e0, 1.67638483018380384940e0,
                                6.89767334985100004550e-1, 1.48103976427480074590e-1,
                                1.51986665636164571966e-2, 5.47593808499534494600e-4,
                                1.05075007164441684324e-9};
constexpr double kFarNum[8] = {6.65790464350110377720e0, 5.46378491116411436990e0,
                               1.78482653991729133580e0, 2.96560571828504891230e-1,
                               2.65321895265761230930e-2, 1.24266094738807843860e-3,
                               2.71155556874348757815e-5, 2.01033439929228813265e-7};
constexpr double kFarDen[8] = {1.0,
                               5.99832206555887937690e-1, 1.36929880922735805310e-1,
                               1.48753612908506148525e-2, 7.86869131145613259100e-4,
                               1.84631831751005468180e-5, 1.42151175831644588870e-7,
                               2.04426310338993978564e-15};

}  // namespace

double normal_quantile(double p) {
  if (!(p > 0.0 && p < 1.0)) bad("normal_quantile", "p must be in (0, 1), got " + std::to_string(p));
  const double q = p - 0.5;
  if (std::fabs(q) <= 0.425) {
    const double r = 0.180625 - q * q;
    return q * poly7(kCentralNum, r) / poly7(kCentralDen, r);
  }
  double r = std::sqrt(-std::log(q < 0.0 ? p : 1.0 - p));
  double z;
  if (r <= 5.0) {
    r -= 1.6;
    z = poly7(kNearNum, r) / poly7(kNearDen, r);
  } else {
    r -= 5.0;
    z = poly7(kFarNum, r) / poly7(kFarDen, r);
  }
  return q < 0.0 ? -z : z;
}

Uniform::Uniform(double min, double max) : min_(min), max_(max) {
  if (!finite(min) || !finite(max) || !(min <= max))
    bad("Uniform", "needs finite min <= max, got [" + std::to_string(min) + ", " +
                       std::to_string(max) + "]");
}

Exponential::Exponential(double mean) : mean_(mean) {
  if (!finite(mean) || !(mean > 0.0)) bad("Exponential", "mean must be > 0, got " + std::to_string(mean));
}

double Exponential::operator()(RandomStream& rs) const { return -mean_ * std::log1p(-rs.u01()); }

Normal::Normal(double mean, double sd) : mean_(mean), sd_(sd) {
  if (!finite(mean) || !finite(sd) || !(sd >= 0.0))
    bad("Normal", "needs a finite mean and sd >= 0, got sd " + std::to_string(sd));
}

LogNormal LogNormal::from_mu_sigma(double mu, double sigma) {
  if (!finite(mu) || !finite(sigma) || !(sigma >= 0.0))
    bad("LogNormal", "needs a finite mu and sigma >= 0, got sigma " + std::to_string(sigma));
  return {mu, sigma};
}

LogNormal LogNormal::from_mean_sd(double mean, double sd) {
  if (!finite(mean) || !finite(sd) || !(mean > 0.0) || !(sd >= 0.0))
    bad("LogNormal", "needs mean > 0 and sd >= 0, got mean " + std::to_string(mean) + ", sd " +
                         std::to_string(sd));
  const double s2 = std::log1p((sd / mean) * (sd / mean));
  return {std::log(mean) - 0.5 * s2, std::sqrt(s2)};
}

double LogNormal::operator()(RandomStream& rs) const {
  return std::exp(mu_ + sigma_ * normal_quantile(rs.u01()));
}

Triangular::Triangular(double min, double mode, double max) : min_(min), mode_(mode), max_(max) {
  if (!finite(min) || !finite(mode) || !finite(max) || !(min <= mode && mode <= max && min < max))
    bad("Triangular", "needs min <= mode <= max and min < max, got (" + std::to_string(min) +
                          ", " + std::to_string(mode) + ", " + std::to_string(max) + ")");
}

double Triangular::operator()(RandomStream& rs) const {
  const double u = rs.u01();
  const double w = max_ - min_;
  const double fc = (mode_ - min_) / w;
  if (u < fc) return min_ + std::sqrt(u * w * (mode_ - min_));
  return max_ - std::sqrt((1.0 - u) * w * (max_ - mode_));
}

double gamma_draw(RandomStream& rs, double shape) {
  if (!finite(shape) || !(shape > 0.0)) bad("gamma_draw", "shape must be > 0");
  if (shape < 1.0) {
    // G(a) = G(a + 1) * U^(1/a).
    const double g = gamma_draw(rs, shape + 1.0);
    return g * std::pow(rs.u01(), 1.0 / shape);
  }
  const double d = shape - 1.0 / 3.0;
  const double c = 1.0 / std::sqrt(9.0 * d);
  for (;;) {
    double x;
    double v;
    do {
      x = normal_quantile(rs.u01());
      v = 1.0 + c * x;
    } while (v <= 0.0);
    v = v * v * v;
    const double u = rs.u01();
    const double x2 = x * x;
    if (u < 1.0 - 0.0331 * x2 * x2) return d * v;
    if (std::log(u) < 0.5 * x2 + d * (1.0 - v + std::log(v))) return d * v;
  }
}

Pert::Pert(double min, double mode, double max, double lambda) : min_(min), max_(max) {
  if (!finite(min) || !finite(mode) || !finite(max) || !(min <= mode && mode <= max && min < max))
    bad("Pert", "needs min <= mode <= max and min < max, got (" + std::to_string(min) + ", " +
                    std::to_string(mode) + ", " + std::to_string(max) + ")");
  if (!finite(lambda) || !(lambda > 0.0)) bad("Pert", "lambda must be > 0");
  alpha_ = 1.0 + lambda * (mode - min) / (max - min);
  beta_ = 1.0 + lambda * (max - mode) / (max - min);
}

double Pert::operator()(RandomStream& rs) const {
  const double x = gamma_draw(rs, alpha_);
  const double y = gamma_draw(rs, beta_);
  return min_ + (max_ - min_) * (x / (x + y));
}

EmpiricalDiscrete::EmpiricalDiscrete(std::vector<double> values, const std::vector<double>& weights)
    : values_(std::move(values)) {
  if (values_.empty() || values_.size() != weights.size())
    bad("EmpiricalDiscrete", "needs as many weights as values, and at least one");
  double total = 0.0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    if (!finite(weights[i]) || weights[i] < 0.0)
      bad("EmpiricalDiscrete", "weight " + std::to_string(i) + " must be finite and >= 0");
    total += weights[i];
  }
  if (!(total > 0.0)) bad("EmpiricalDiscrete", "weights sum to zero");
  cumulative_.resize(weights.size());
  double run = 0.0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    run += weights[i];
    cumulative_[i] = run / total;
  }
  // Exactly 1 at the last positive weight and after, so every u < 1 finds an index whose
  // weight is positive.
  for (std::size_t i = weights.size(); i-- > 0;) {
    cumulative_[i] = 1.0;
    if (weights[i] > 0.0) break;
  }
}

std::size_t EmpiricalDiscrete::index(RandomStream& rs) const {
  const double u = rs.u01();
  return static_cast<std::size_t>(std::upper_bound(cumulative_.begin(), cumulative_.end(), u) -
                                  cumulative_.begin());
}

EmpiricalContinuous::EmpiricalContinuous(std::vector<double> x, std::vector<double> cumulative)
    : x_(std::move(x)), f_(std::move(cumulative)) {
  if (x_.size() < 2 || x_.size() != f_.size())
    bad("EmpiricalContinuous", "needs at least two points and one F per x");
  if (f_.front() != 0.0 || f_.back() != 1.0)
    bad("EmpiricalContinuous", "F must start at 0 and end at 1");
  for (std::size_t i = 1; i < x_.size(); ++i) {
    if (!finite(x_[i]) || !finite(f_[i]) || x_[i] < x_[i - 1] || f_[i] < f_[i - 1])
      bad("EmpiricalContinuous", "x and F must be finite and non-decreasing (point " +
                                     std::to_string(i) + ")");
  }
}

double EmpiricalContinuous::operator()(RandomStream& rs) const {
  const double u = rs.u01();
  // First segment whose upper F exceeds u; inside it F rises strictly.
  const auto it = std::upper_bound(f_.begin() + 1, f_.end(), u);
  const std::size_t i = static_cast<std::size_t>(it - f_.begin());  // f_[i-1] <= u < f_[i]
  const double t = (u - f_[i - 1]) / (f_[i] - f_[i - 1]);
  return x_[i - 1] + t * (x_[i] - x_[i - 1]);
}

Bernoulli::Bernoulli(double p) : p_(p) {
  if (!(p >= 0.0 && p <= 1.0)) bad("Bernoulli", "p must be in [0, 1], got " + std::to_string(p));
}

}  // namespace landbridge::sim
