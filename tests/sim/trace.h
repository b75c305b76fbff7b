// A readable log of what happened when, for golden-trace tests.
#pragma once

#include <cstdio>
#include <string>

#include "landbridge/sim/simulation.h"

namespace landbridge::sim::testing {

struct Trace {
  std::string text;
  // One line: the clock in hours, then what happened.
  void log(const Simulation& sim, const std::string& what) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%5.1fh ", sim.now() / kHour);
    text += buf;
    text += what;
    text += '\n';
  }
};

}  // namespace landbridge::sim::testing
