// The static traffic assignment problem: a directed graph of arcs with volume-delay functions,
// a matrix of demand between zones, and what a solver makes of them. Unit-agnostic: TNTP
// networks (io/tntp.h) use minutes and vehicles per hour, the freight assignment (freight/)
// its own generalized cost per TEU and TEU per week; the solvers only see doubles.
//
//   assign::Network net = io::read_tntp_network(dir / "SiouxFalls_net.tntp");
//   assign::Demand od = io::read_tntp_trips(dir / "SiouxFalls_trips.tntp", net.zone_count());
//   assign::Result r = assign::solve(net, od, {.method = assign::Method::bush, .target_gap = 1e-10});
//
// Conventions (as in the TNTP files): vertices 0 .. vertex_count-1, the zones are vertices
// 0 .. zone_count-1, and a zone vertex below first_thru is a centroid: a path may start or end
// there but never pass through it.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "landbridge/core/error.h"
#include "landbridge/core/ids.h"

namespace landbridge::assign {

struct VertexTag {};
struct ArcTag {};
using VertexId = Id<VertexTag>;  // a vertex of the assignment graph (zones first)
using ArcId = Id<ArcTag>;        // a directed arc, in the order the caller gave them

// One arc: cost(v) = fixed_cost + free_time * (1 + alpha * (v / capacity)^beta), the BPR
// volume-delay function plus a flow-independent part (TNTP: toll and length weighted by the
// network's generalized cost factors; freight: money per TEU, Lagrange multipliers).
// alpha = 0 or capacity = +inf: constant cost. beta may be non-integer; 0^0 counts as 1.
struct Arc {
  VertexId tail, head;
  double free_time = 0;
  double capacity = 1;
  double alpha = 0.15;
  double beta = 4;
  double fixed_cost = 0;
};

class Network {
 public:
  // Throws assign::ProblemError on an arc with an end outside [0, vertices), a negative free
  // time, a capacity <= 0 where alpha > 0, or zones > vertices.
  Network(std::size_t vertices, std::size_t zones, std::size_t first_thru, std::vector<Arc> arcs);

  [[nodiscard]] std::size_t vertex_count() const { return vertices_; }
  [[nodiscard]] std::size_t zone_count() const { return zones_; }
  [[nodiscard]] std::size_t first_thru() const { return first_thru_; }
  [[nodiscard]] std::size_t arc_count() const { return arcs_.size(); }
  [[nodiscard]] const Arc& arc(ArcId a) const { return arcs_[a.get()]; }
  [[nodiscard]] std::span<const Arc> arcs() const { return arcs_; }
  // Arc ids leaving / entering a vertex (CSR, built once).
  [[nodiscard]] std::span<const ArcId> out_arcs(VertexId v) const;
  [[nodiscard]] std::span<const ArcId> in_arcs(VertexId v) const;

  // cost(v), its derivative, and the Beckmann integral from 0 to v, of arc a.
  [[nodiscard]] double cost(ArcId a, double v) const;
  [[nodiscard]] double cost_derivative(ArcId a, double v) const;
  [[nodiscard]] double cost_integral(ArcId a, double v) const;

 private:
  std::size_t vertices_ = 0, zones_ = 0, first_thru_ = 0;
  std::vector<Arc> arcs_;
  std::vector<std::uint32_t> out_start_, in_start_;  // CSR offsets, vertex_count + 1
  std::vector<ArcId> out_, in_;
};

// Demand between zones, sparse by origin: origin o's rows are destinations with a positive
// volume. Intrazonal demand (o == d) is kept (reported) but never loaded on arcs.
class Demand {
 public:
  struct Entry {
    VertexId destination;
    double volume = 0;
  };
  explicit Demand(std::size_t zones = 0);
  void add(VertexId origin, VertexId destination, double volume);  // adds to what is there
  [[nodiscard]] std::size_t zone_count() const { return rows_.size(); }
  [[nodiscard]] std::span<const Entry> from(VertexId origin) const { return rows_[origin.get()]; }
  [[nodiscard]] double total() const;        // including intrazonal
  [[nodiscard]] double intrazonal() const;

 private:
  std::vector<std::vector<Entry>> rows_;
};

enum class Method : std::uint8_t {
  all_or_nothing,   // one shortest-path load at free-flow cost
  frank_wolfe,      // exact line search (Newton on the directional derivative, bisection fallback)
  conjugate_fw,     // CFW, Mitradjieva & Lindberg
  biconjugate_fw,   // BFW
  bush,             // bush-based (Algorithm B), for gaps down to 1e-12
};
enum class Objective : std::uint8_t {
  user_equilibrium,  // Wardrop's first principle: the Beckmann objective
  system_optimum,    // the same solvers on marginal costs c(v) + v c'(v): total cost
};

// One iteration's measures. relative_gap = (TSTT - SPTT) / TSTT with TSTT = sum v_a c_a(v_a)
// and SPTT = sum over OD of demand x shortest path cost at the current costs;
// average_excess_cost = (TSTT - SPTT) / total demand loaded; objective: the Beckmann sum of
// cost integrals (user equilibrium) or TSTT (system optimum).
// For a system optimum the gap terms use the marginal costs c(v) + v c'(v), the costs that
// optimum equilibrates (a gap on user costs would not go to zero there); Result::tstt and
// Result::sptt are those terms, and Result::objective the total user cost sum v_a c_a(v_a).
struct Iteration {
  int iteration = 0;
  double relative_gap = 0, average_excess_cost = 0, objective = 0, seconds = 0;
};

struct Options {
  Method method = Method::bush;
  Objective objective = Objective::user_equilibrium;
  double target_gap = 1e-4;    // stop once relative_gap <= this
  int max_iterations = 10000;
  double max_seconds = 600;    // stop after this much wall time
  // Called after every iteration (and for iteration 0, the initial all-or-nothing load).
  std::function<void(const Iteration&)> progress;
  // Frank-Wolfe family only: start from these arc flows instead of an all-or-nothing load
  // (a previous solution of the same demand, e.g. in a Lagrange outer loop). Empty: none.
  std::vector<double> warm_start;
};

struct Result {
  std::vector<double> flow;   // per arc, in arc order
  std::vector<double> cost;   // per arc at `flow` (the user cost c(v), also for system optimum)
  double objective = 0, relative_gap = 0, average_excess_cost = 0;
  double tstt = 0, sptt = 0;
  int iterations = 0;
  double seconds = 0;
  bool converged = false;     // relative_gap <= target_gap
  std::vector<Iteration> log;
};

// A problem that cannot be solved as stated: bad arcs, demand between zones with no path
// (names the origin and destination), demand for a zone the network does not have.
class ProblemError : public Error {
 public:
  using Error::Error;
};

Result solve(const Network& net, const Demand& demand, const Options& options);

// "aon", "fw", "cfw", "bfw", "bush" (also "algorithm-b"); throws ProblemError on another name.
Method parse_method(std::string_view name);
std::string_view method_name(Method m);

}  // namespace landbridge::assign
