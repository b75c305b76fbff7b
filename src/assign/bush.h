// Bush-based user equilibrium and system optimum (Dial's Algorithm B), internal to lb_assign.
//
// One bush per origin: an acyclic subgraph rooted at the origin that reaches every vertex the
// origin can reach, carrying that origin's flow. An outer iteration visits every bush in turn:
//   improve   drop arcs without flow (keeping the bush's shortest-path tree, so every vertex
//             stays reached), then add the arcs (i, j) with L_i + c_ij < L_j (L: shortest path
//             in the bush) that go forward in its topological order, which stays valid; when
//             there is none, the arcs with U_i + c_ij < U_j, U the longest path over every arc
//             left: U is a potential all kept arcs respect and the new ones strictly respect,
//             so no cycle can form (the order is rebuilt);
//   equalize  in reverse topological order, for every vertex j whose longest used path costs
//             more than its shortest path in the bush, move flow from the longest to the
//             shortest path between their last common vertex and j, by a Newton step
//             (cost difference over the sum of derivatives, capped at the flow there is);
//             up to `sweeps` sweeps per bush, fewer once the bush is even enough.
// Algorithm B rather than TAPAS: the same precision with one data structure per origin and no
// set of paired alternative segments to keep consistent across origins (simpler to get right,
// and fast enough here: Chicago-Sketch to 1e-10 in a few seconds).
//
// Bush flows and link totals are long double: after 10^5 shifts of flows of 10^4 vehicles the
// rounding of double would show in the last digits of a 1e-12 gap. Flows up to `tiny` count as
// none (the residue of x + dx - dx). Costs and derivatives are double, cached per arc and
// refreshed whenever the arc's total changes.
//
// System optimum is the same code on marginal costs m(v) = c(v) + v c'(v) with derivative
// 2c' + v c'', as State::routing_cost; the driver measures its gap on those costs.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "algorithm.h"
#include "landbridge/assign/problem.h"

namespace landbridge::assign::bush {

// Per-arc cost the bushes equalize, its derivative, cached at the current link totals.
class ArcCosts {
 public:
  ArcCosts(const Network& net, Objective objective);
  void refresh(std::uint32_t a, long double flow);
  [[nodiscard]] double cost(std::uint32_t a) const { return cost_[a]; }
  [[nodiscard]] double derivative(std::uint32_t a) const { return slope_[a]; }
  [[nodiscard]] const std::vector<double>& costs() const { return cost_; }

 private:
  const Network* net_;
  Objective objective_;
  std::vector<double> cost_, slope_;
};

struct Bush {
  std::uint32_t origin = 0;
  // Flows up to this (1e-15 of the origin's demand) count as none: the rounding residue of
  // x + dx - dx, which would otherwise sit on an arc whose tail no longer receives any flow.
  long double tiny = 0;
  std::vector<long double> flow;     // per network arc; zero outside the bush
  std::vector<std::uint8_t> member;  // per network arc: 1 when the arc is in the bush
  std::vector<std::uint32_t> order;  // the vertices the bush reaches, in topological order
};

class Solver {
 public:
  Solver(const Network& net, const Demand& demand, Objective objective);

  // Builds every bush as the shortest-path tree at the current costs, origin after origin,
  // and loads its demand on it (so later origins already see earlier loads).
  void initialise();
  // One outer iteration: every bush improved, then equalized by up to `sweeps` sweeps (fewer
  // once its paths differ by less than a tenth of the last iteration's in-bush excess).
  void iterate();
  // Recomputes the link totals as long double sums of the bushes' flows, and their costs.
  void sync();

  // The link totals as double (none below zero) into *out, resized to one per arc.
  void flows(std::vector<double>* out) const;

 private:
  // bush.cpp
  [[nodiscard]] bool blocked(std::uint32_t v, std::uint32_t origin) const;  // a centroid not passed
  void build_tree(Bush& b);
  void improve(Bush& b);
  void sort_topologically(Bush& b);
  // bush_equalize.cpp
  void shortest_labels(const Bush& b);
  void used_labels(const Bush& b);
  long double equalize(Bush& b);
  long double shift_at(Bush& b, std::uint32_t j);
  void move(Bush& b, std::uint32_t a, long double dx);
  // Dijkstra over the whole network at the current costs into min_label_ and min_pred_, the
  // vertices it settles (in order) into *settled.
  void shortest_tree(std::uint32_t origin, std::vector<std::uint32_t>* settled);
  // Demand-weighted difference between the longest used and the shortest path to each
  // destination, from the labels used_labels() just set.
  long double excess(const Bush& b) const;

  const Network& net_;
  const Demand& demand_;
  ArcCosts costs_;
  std::vector<std::uint32_t> tail_, head_;
  std::vector<long double> total_;  // link totals, the sum of the bushes' flows
  std::vector<Bush> bushes_;
  int sweeps_ = 4;
  long double threshold_ = 0;  // a bush sweep stops once its largest excess is below this
  long double excess_ = 0;     // in-bush excess of the current iteration, summed over bushes
  long double loaded_ = 0;     // demand between different zones

  // Scratch of one bush at a time, per vertex.
  std::vector<double> min_label_, max_label_;
  std::vector<std::uint32_t> min_pred_, max_pred_, position_, indegree_, stack_;
};

// The driver's Algorithm for Method::bush: the solver above, its link totals handed to the
// driver's State after every iteration (the driver measures the gap).
std::unique_ptr<Algorithm> make_algorithm(const Options& options);

}  // namespace landbridge::assign::bush
