// What the TNTP tests (Frank-Wolfe family and bush) share: the networks as published (read
// from ../shared/data/tntp, never committed), their best-known flows and the comparisons.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

#include "landbridge/assign/problem.h"
#include "landbridge/io/tntp.h"

namespace landbridge::assign::tntp_cases {

inline const std::filesystem::path kTntp = std::filesystem::path(LANDBRIDGE_SHARED_DIR) / "data" / "tntp";

struct Case {
  Network net;
  Demand demand;
  std::vector<io::TntpFlow> best;  // the _flow file (links in the _net file's order)
};

// The network with the generalized-cost factors its README states (Chicago-Sketch: toll 0.02,
// distance 0.04; the others 0), as the reader knows them by the folder's name.
inline Case load(const std::string& folder) {
  const io::TntpFolder f = io::find_tntp_files(kTntp / folder);
  Network net = io::read_tntp_network(f.net, io::tntp_known_factors(f.name).value_or(io::TntpCostFactors{}));
  Demand demand = io::read_tntp_trips(f.trips, net.zone_count());
  std::vector<io::TntpFlow> best;
  if (!f.flow.empty()) best = io::read_tntp_flows(f.flow);
  return {std::move(net), std::move(demand), std::move(best)};
}

// The Beckmann objective of the _flow file's flows under the same cost functions.
inline double objective_of_best(const Case& c) {
  long double z = 0;
  for (std::size_t i = 0; i < c.best.size(); ++i) z += c.net.cost_integral(ArcId::from(i), c.best[i].volume);
  return static_cast<double>(z);
}

// Link flows against the _flow file: |v - v*| <= tolerance * max(v*, 1). Links carrying a
// vehicle per hour or more are compared relatively; below one vehicle (a handful of links
// that are nearly unused at equilibrium) the difference must be under `tolerance` vehicles.
// Returns the number of links outside.
inline int flows_outside(const Result& r, const Case& c, double tolerance) {
  EXPECT_EQ(r.flow.size(), c.best.size());
  int outside = 0;
  for (std::size_t i = 0; i < std::min(r.flow.size(), c.best.size()); ++i) {
    const Arc& a = c.net.arc(ArcId::from(i));
    EXPECT_EQ(a.tail.get() + 1, c.best[i].from);
    EXPECT_EQ(a.head.get() + 1, c.best[i].to);
    const double ref = c.best[i].volume;
    if (std::fabs(r.flow[i] - ref) > tolerance * std::max(ref, 1.0)) {
      ++outside;
      ADD_FAILURE() << "link " << c.best[i].from << "-" << c.best[i].to << ": " << r.flow[i] << " against "
                    << ref;
      if (outside > 10) break;
    }
  }
  return outside;
}

// Significant digits two numbers share: -log10 of their relative difference.
inline double digits(double a, double b) {
  const double rel = std::fabs(a - b) / std::max(std::fabs(a), std::fabs(b));
  return rel == 0 ? 17.0 : -std::log10(rel);
}

}  // namespace landbridge::assign::tntp_cases
