// Means with confidence intervals over one axis (e.g. a sweep's KPI against Khorgos cranes) as
// a standalone SVG: a line through each series' means with an error bar from low to high at
// every point.
//
// x is numeric (points placed at their values, 1-2-5 ticks) or categorical (evenly spaced,
// labelled with `x_labels`). Layout as the time series chart: title, plot with grid and ticks,
// x title, a legend row per series with its figures. Points without a value (NaN) break the line.
//
// Deterministic: same spec, same bytes. Classes and data attributes:
//   <g class="series" data-series="1">  <path class="line" …/>
//   <path class="ci" data-x="4" data-low="502.1" data-high="520.3" …/>  <circle class="mean" …/>  </g>
#pragma once

#include <string>
#include <vector>

namespace landbridge::chart {

struct PointRangeSeries {
  std::string label;
  std::vector<double> mean, low, high;  // one per x; NaN: no value
};

struct PointRangeSpec {
  std::string title;                // "" = "Means and confidence intervals"
  std::string subtitle;
  std::string x_title, y_title;
  std::vector<double> x;            // numeric x positions, or empty for categories
  std::vector<std::string> x_labels;  // categories (when x is empty), else ignored
  std::vector<PointRangeSeries> series;
  double width = 760;               // px, >= 480
  double plot_height = 320;         // px, >= 120
  double font_size = 12;            // px, >= 6
};

// Throws landbridge::Error on no series, series of another length than x (or x_labels), a
// non-finite x, or sizes out of range.
std::string render_pointrange(const PointRangeSpec& spec);

}  // namespace landbridge::chart
