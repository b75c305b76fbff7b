#include "landbridge/sim/replications.h"

#include <cmath>
#include <limits>
#include <string>

#include "landbridge/core/error.h"
#include "landbridge/sim/stats.h"

namespace landbridge::sim {

namespace {

// Continued fraction of the regularized incomplete beta function (modified Lentz).
double beta_cf(double a, double b, double x) {
  constexpr double kTiny = 1e-300;
  constexpr double kEps = 1e-16;
  double c = 1.0;
  double d = 1.0 - (a + b) * x / (a + 1.0);
  if (std::fabs(d) < kTiny) d = kTiny;
  d = 1.0 / d;
  double h = d;
  for (int m = 1; m <= 10000; ++m) {
    const double m2 = 2.0 * m;
    double num = m * (b - m) * x / ((a + m2 - 1.0) * (a + m2));
    d = 1.0 + num * d;
    if (std::fabs(d) < kTiny) d = kTiny;
    c = 1.0 + num / c;
    if (std::fabs(c) < kTiny) c = kTiny;
    d = 1.0 / d;
    h *= d * c;
    num = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1.0));
    d = 1.0 + num * d;
    if (std::fabs(d) < kTiny) d = kTiny;
    c = 1.0 + num / c;
    if (std::fabs(c) < kTiny) c = kTiny;
    d = 1.0 / d;
    const double del = d * c;
    h *= del;
    if (std::fabs(del - 1.0) < kEps) break;
  }
  return h;
}

// I_x(a, b).
double incomplete_beta(double a, double b, double x) {
  if (x <= 0.0) return 0.0;
  if (x >= 1.0) return 1.0;
  const double ln_front =
      std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log1p(-x);
  const double front = std::exp(ln_front);
  if (x < (a + 1.0) / (a + b + 2.0)) return front * beta_cf(a, b, x) / a;
  return 1.0 - front * beta_cf(b, a, 1.0 - x) / b;
}

}  // namespace

double student_t_cdf(double t, double dof) {
  if (!(dof > 0.0)) throw Error("student_t_cdf: degrees of freedom must be > 0");
  if (std::isinf(t)) return t > 0 ? 1.0 : 0.0;
  const double x = dof / (dof + t * t);
  const double tail = 0.5 * incomplete_beta(0.5 * dof, 0.5, x);  // P(T > |t|)
  return t >= 0.0 ? 1.0 - tail : tail;
}

double student_t_quantile(double p, double dof) {
  if (!(p > 0.0 && p < 1.0)) throw Error("student_t_quantile: p must be in (0, 1)");
  if (!(dof > 0.0)) throw Error("student_t_quantile: degrees of freedom must be > 0");
  if (p == 0.5) return 0.0;
  if (p < 0.5) return -student_t_quantile(1.0 - p, dof);
  // Bracket, then bisect: the cdf is monotone; 200 halvings reach double precision.
  double lo = 0.0;
  double hi = 1.0;
  while (student_t_cdf(hi, dof) < p) {
    lo = hi;
    hi *= 2.0;
    if (hi > 1e300) return std::numeric_limits<double>::infinity();
  }
  for (int i = 0; i < 200 && hi - lo > 1e-15 * hi; ++i) {
    const double mid = 0.5 * (lo + hi);
    if (student_t_cdf(mid, dof) < p) lo = mid; else hi = mid;
  }
  return 0.5 * (lo + hi);
}

Estimate confidence_interval(std::span<const double> xs, double confidence) {
  if (xs.size() < 2) throw Error("confidence_interval: needs at least two observations");
  if (!(confidence > 0.0 && confidence < 1.0))
    throw Error("confidence_interval: confidence must be in (0, 1), got " + std::to_string(confidence));
  Tally t;
  for (double x : xs) t.add(x);
  Estimate e;
  e.n = xs.size();
  e.mean = t.mean();
  e.stddev = t.stddev();
  e.confidence = confidence;
  const double q = student_t_quantile(1.0 - (1.0 - confidence) / 2.0, static_cast<double>(e.n - 1));
  e.half_width = q * e.stddev / std::sqrt(static_cast<double>(e.n));
  return e;
}

}  // namespace landbridge::sim
