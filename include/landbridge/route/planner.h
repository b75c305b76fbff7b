// The route query API in one call: what the command line, the server and the bindings use.
//
//   LoadedNetwork pkg = io::load_package(io::default_package_dir());   // the io layer fills it
//   route::Planner planner(pkg);
//   route::RouteRequest req{.from = "Hakata", .to = "DEDUI", .objective = route::Objective::cost};
//   route::add_avoid(pkg.network, "suez", req.options);        // or req.avoid = {"suez", "RU"}
//   route::RouteResult r = planner.route(req);
//   std::cout << route::to_table(pkg.network, r);              // report.h; or to_json(...)
//
// A Planner is built once per network (routing structures) and answers many requests; it is
// not thread-safe (one per thread). With a LoadedNetwork, closed sea passages re-route the
// package's marnet links on its maritime graph (closures.h); with a bare Network they drop
// the links that sail through them.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "landbridge/model/network.h"
#include "landbridge/route/itinerary.h"
#include "landbridge/route/options.h"

namespace landbridge {
struct LoadedNetwork;
}

namespace landbridge::route {

// Most itineraries a Pareto answer lists, and most labels the static Pareto search keeps per
// link (docs/network-package.md, "Limits"): a larger set is cut and RouteResult::capped says so.
inline constexpr std::size_t kMaxParetoItineraries = 1000;

struct RouteRequest {
  std::string from;                   // code, name or alias (locate.h)
  std::string to;
  Objective objective = Objective::time;
  bool pareto = false;                // every non-dominated itinerary over (time, cost, CO2e)
  int alternatives = 1;               // up to k different corridors (ignored with pareto)
  RouteOptions options;               // constraints, unit and count, prices
  std::vector<std::string> avoid;     // items for add_avoid(), resolved by route()
  bool pareto_transshipments = false; // with pareto: transshipments as a fourth criterion
  std::size_t max_labels = 5'000'000; // Pareto search budget
  std::size_t max_pareto = kMaxParetoItineraries;  // Pareto set cap (itineraries, labels per link)
};

struct RouteResult {
  NodeId from, to;
  Objective objective = Objective::time;
  bool pareto = false;
  RouteOptions options;               // as applied (avoid items resolved)
  std::vector<LinkId> rerouted;       // maritime links re-routed around closed passages
  std::vector<LinkId> dropped;        // links unusable because of closed passages
  std::vector<Itinerary> itineraries; // best first by the objective
  bool truncated = false;             // a search budget ran out: the list may be incomplete
  bool capped = false;                // the Pareto set was cut at pareto_cap
  std::size_t pareto_cap = 0;         // the cap applied (RouteRequest::max_pareto)
};

// Whether a path passes no node twice and never re-enters a country it has left. Every
// answer of the Planner is sane (a single-objective or corridor answer that is not gives way
// to the best sane path for the objective).
bool is_sane(const Network& net, std::span<const LinkId> links);

class Planner {
 public:
  explicit Planner(const Network& net);
  explicit Planner(const LoadedNetwork& pkg);
  ~Planner();
  Planner(Planner&&) noexcept;
  Planner& operator=(Planner&&) noexcept;

  // Throws LocateError for unknown places, Error for contradictory requests (same origin and
  // destination, origin or destination avoided, count < 1). No route is an empty list.
  RouteResult route(const RouteRequest& req);

  [[nodiscard]] const Network& network() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Adds one avoid item to `opts`, recognising in this order: a sea passage ("suez", "cape",
// "hormuz", ...), a mode ("rail", "road", "feeder", "deep_sea", "ferry", "inland_waterway";
// "sea" = every maritime mode), a country ("RU", two letters, must occur in the network), a
// place (code, name or alias). Throws Error (LocateError for places) saying what was
// expected, with suggestions.
void add_avoid(const Network& net, std::string_view item, RouteOptions& opts);

}  // namespace landbridge::route
