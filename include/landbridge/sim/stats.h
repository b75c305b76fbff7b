// Running statistics for simulation output: observations (Tally) and levels over time
// (TimeAverage). Both are O(1) per update and keep no history.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>

namespace landbridge::sim {

// Mean, variance, min and max of observations (Welford's update: stable for long runs).
class Tally {
 public:
  void add(double x) {
    ++n_;
    const double d = x - mean_;
    mean_ += d / static_cast<double>(n_);
    m2_ += d * (x - mean_);
    if (x < min_) min_ = x;
    if (x > max_) max_ = x;
  }
  [[nodiscard]] std::uint64_t count() const { return n_; }
  [[nodiscard]] double mean() const { return n_ ? mean_ : std::numeric_limits<double>::quiet_NaN(); }
  // Sample variance (n - 1 in the denominator).
  [[nodiscard]] double variance() const {
    return n_ > 1 ? m2_ / static_cast<double>(n_ - 1) : std::numeric_limits<double>::quiet_NaN();
  }
  [[nodiscard]] double stddev() const { return std::sqrt(variance()); }
  [[nodiscard]] double min() const { return min_; }
  [[nodiscard]] double max() const { return max_; }

 private:
  std::uint64_t n_ = 0;
  double mean_ = 0.0;
  double m2_ = 0.0;
  double min_ = std::numeric_limits<double>::infinity();
  double max_ = -std::numeric_limits<double>::infinity();
};

// Time-weighted average of a piecewise-constant level (queue length, busy units, stock).
class TimeAverage {
 public:
  explicit TimeAverage(double t0 = 0.0, double level = 0.0) : t0_(t0), t_(t0), level_(level) {}

  // The level changes to `level` at time t (t never decreases).
  void set(double t, double level) {
    area_ += level_ * (t - t_);
    t_ = t;
    level_ = level;
  }
  // Restarts the average at time t (e.g. after a warm-up), keeping the current level.
  void restart(double t) {
    t0_ = t_ = t;
    area_ = 0.0;
  }
  [[nodiscard]] double level() const { return level_; }
  // Integral of the level from the start to time t.
  [[nodiscard]] double integral(double t) const { return area_ + level_ * (t - t_); }
  // Average level from the start to time t (the current level if no time has passed).
  [[nodiscard]] double mean(double t) const {
    return t > t0_ ? integral(t) / (t - t0_) : level_;
  }

 private:
  double t0_;
  double t_;
  double level_;
  double area_ = 0.0;
};

}  // namespace landbridge::sim
