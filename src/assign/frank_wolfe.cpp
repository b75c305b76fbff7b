// The Frank-Wolfe family: each iteration moves the flow towards a point s on the segment
// towards (or combination with) the all-or-nothing load y at the current costs, with an exact
// line search for the step.
//
//   frank_wolfe:  s = y.
//   conjugate:    s = alpha s' + (1 - alpha) y, alpha making s - x conjugate to the previous
//                 direction under the Hessian H = diag(c'(x)) (Mitradjieva & Lindberg 2013).
//   biconjugate:  s = b0 y + b1 s' + b2 s'', conjugate to the last two directions (same paper).
// s' and s'' are the points of the previous two iterations. A direction that is not a descent
// direction, or a previous step of 1 (the history says nothing then), restarts from plain FW.
#include <algorithm>
#include <cmath>

#include "algorithm.h"
#include "line_search.h"

namespace landbridge::assign {

namespace {

// The largest share of the previous point in a conjugate combination: keeps y in every
// direction (the paper's 1 - delta).
constexpr double kMaxConjugateShare = 1 - 1e-4;
// A previous step this close to 1 leaves no usable history.
constexpr double kFullStep = 1 - 1e-12;

class FrankWolfe final : public Algorithm {
 public:
  FrankWolfe(Direction direction, std::vector<double> warm_start)
      : direction_(direction), warm_start_(std::move(warm_start)) {}

  void init(State& s) override {
    if (!warm_start_.empty() && warm_start_.size() == s.flow.size()) {
      s.flow = warm_start_;
      return;
    }
    s.flow.assign(s.flow.size(), 0.0);
    s.refresh_costs();
    s.load_all_or_nothing(s.cost, &s.flow);
  }

  void iterate(State& s) override {
    const std::size_t n = s.flow.size();
    point_.resize(n);
    dir_.resize(n);
    int history = direction_ == Direction::frank_wolfe ? 0 : (direction_ == Direction::conjugate ? 1 : 2);
    history = std::min(history, known_);
    if (known_ >= 1 && tau_prev_ >= kFullStep) history = 0;
    if (history == 2 && tau_prev2_ >= kFullStep) history = 1;
    bool combined = false;
    if (history == 2) combined = biconjugate(s);
    if (!combined && history >= 1) combined = conjugate(s);
    if (!combined) point_ = s.target;
    for (std::size_t i = 0; i < n; ++i) dir_[i] = point_[i] - s.flow[i];
    double tau = line_search(s, dir_, support_);
    if (tau == 0 && combined) {  // not a descent direction: plain FW instead
      point_ = s.target;
      for (std::size_t i = 0; i < n; ++i) dir_[i] = point_[i] - s.flow[i];
      tau = line_search(s, dir_, support_);
      known_ = 0;
    }
    for (std::size_t i = 0; i < n; ++i) s.flow[i] += tau * dir_[i];
    prev2_.swap(prev_);
    prev_ = point_;
    tau_prev2_ = tau_prev_;
    tau_prev_ = tau;
    known_ = std::min(known_ + 1, 2);
  }

 private:
  // s = alpha s' + (1 - alpha) y. Returns false when the combination is plain y.
  bool conjugate(State& s) {
    long double num = 0, den = 0;
    for (std::size_t i = 0; i < s.flow.size(); ++i) {
      const double h = s.routing_derivative(ArcId::from(i), s.flow[i]);
      if (h == 0) continue;
      const double back = prev_[i] - s.flow[i];  // the previous direction, seen from x
      num += static_cast<long double>(back) * h * (s.target[i] - s.flow[i]);
      den += static_cast<long double>(back) * h * (s.target[i] - prev_[i]);
    }
    double alpha = 0;
    if (den != 0) {
      const double ratio = static_cast<double>(num / den);
      alpha = ratio > kMaxConjugateShare ? kMaxConjugateShare : (ratio >= 0 ? ratio : 0);
    }
    if (alpha == 0) return false;
    for (std::size_t i = 0; i < s.flow.size(); ++i) point_[i] = alpha * prev_[i] + (1 - alpha) * s.target[i];
    return true;
  }

  // s = b0 y + b1 s' + b2 s'' with b0 = 1 / (1 + mu + nu), b1 = nu b0, b2 = mu b0.
  bool biconjugate(State& s) {
    const double t = tau_prev_;
    long double mu_num = 0, mu_den = 0, nu_num = 0, nu_den = 0;
    for (std::size_t i = 0; i < s.flow.size(); ++i) {
      const double h = s.routing_derivative(ArcId::from(i), s.flow[i]);
      if (h == 0) continue;
      const double x = s.flow[i], y = s.target[i];
      const double back1 = prev_[i] - x;                             // previous direction
      const double back2 = t * prev_[i] + (1 - t) * prev2_[i] - x;   // the one before
      mu_num += static_cast<long double>(back2) * h * (y - x);
      mu_den += static_cast<long double>(back2) * h * (prev2_[i] - prev_[i]);
      nu_num += static_cast<long double>(back1) * h * (y - x);
      nu_den += static_cast<long double>(back1) * h * back1;
    }
    double mu = mu_den != 0 ? static_cast<double>(-mu_num / mu_den) : 0;
    mu = std::max(mu, 0.0);
    double nu = nu_den != 0 ? static_cast<double>(-nu_num / nu_den) : 0;
    nu += mu * t / (1 - t);
    nu = std::max(nu, 0.0);
    if (!std::isfinite(mu) || !std::isfinite(nu) || (mu == 0 && nu == 0)) return false;
    const double b0 = 1 / (1 + mu + nu), b1 = nu * b0, b2 = mu * b0;
    for (std::size_t i = 0; i < s.flow.size(); ++i)
      point_[i] = b0 * s.target[i] + b1 * prev_[i] + b2 * prev2_[i];
    return true;
  }

  Direction direction_;
  std::vector<double> warm_start_;
  std::vector<double> point_, dir_, prev_, prev2_;
  std::vector<std::uint32_t> support_;  // line_search's scratch
  double tau_prev_ = 0, tau_prev2_ = 0;
  int known_ = 0;  // how many previous points (0..2) the history holds
};

class AllOrNothing final : public Algorithm {
 public:
  void init(State& s) override {
    s.flow.assign(s.flow.size(), 0.0);
    s.refresh_costs();
    s.load_all_or_nothing(s.cost, &s.flow);
  }
  void iterate(State&) override {}
  [[nodiscard]] bool needs_target() const override { return false; }
  [[nodiscard]] bool iterative() const override { return false; }
};

}  // namespace

std::unique_ptr<Algorithm> make_frank_wolfe(Direction direction, const Options& options) {
  return std::make_unique<FrankWolfe>(direction, options.warm_start);
}

std::unique_ptr<Algorithm> make_all_or_nothing() { return std::make_unique<AllOrNothing>(); }

}  // namespace landbridge::assign
