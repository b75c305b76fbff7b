// Axis ticks at "nice" 1-2-5 steps, and number formatting for chart labels.
#pragma once

#include <string>
#include <vector>

namespace landbridge::chart {

// The smallest step of the form {1, 2, 5} × 10^k that puts at most `max_ticks` intervals
// between the ticks 0, step, 2 step, ... <= extent: floor(extent / step) <= max_ticks. With
// max_ticks >= 2 it is never larger than extent (1-2-5 steps are at most 2.5× apart), so
// there are at least two ticks. extent > 0 and max_ticks >= 1, else throws landbridge::Error.
double nice_step(double extent, int max_ticks);

struct Axis {
  double max = 1;             // the axis runs from 0 to max (data maximum plus headroom)
  double step = 1;            // tick spacing
  std::vector<double> ticks;  // 0, step, 2 step, ... <= max
  int decimals = 0;           // decimals that tick labels need at this step
  double min = 0;             // the axis starts here (0 unless made by make_axis_between)
};
// An axis from 0 over data up to `data_max` (>= 0; 0 gives a unit axis), with `headroom`
// (a share, e.g. 0.04) added above the data and at most `max_ticks` (>= 2) intervals.
Axis make_axis(double data_max, int max_ticks, double headroom);

// An axis over [lo, hi] (finite, lo <= hi) that need not start at 0: min and max are the
// multiples of the nice step just outside the data (at most `max_ticks` >= 2 intervals in all),
// ticks at every multiple in between. lo == hi widens to a unit range around the value
// (or [0, 1] at 0).
Axis make_axis_between(double lo, double hi, int max_ticks);

// "12,345.6": fixed decimals, comma thousands separators, "-" for negatives; no locale.
std::string format_number(double v, int decimals);

}  // namespace landbridge::chart
