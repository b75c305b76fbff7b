// A heat map as a standalone SVG: one figure per cell of a grid of two categorical axes (e.g. a
// sweep's Khorgos cranes x Caspian fleet), coloured on a sequential scale, each cell labelled
// with its value (and "± half-width" when given).
//
// Layout, top to bottom: title (and subtitle); the grid with the y categories at its left and
// the x categories below it, axis titles beside them; at the right, the colour bar from the
// smallest to the largest value with 1-2-5 ticks. Rows are drawn with the first y category at
// the bottom (as a y axis reads). Colours run from dark blue–purple (low) to yellow (high)
// (viridis, perceptually even and colour-blind safe); a cell without a value is grey and
// hatched. `low_is_good` only changes the colour bar's caption ("lower is better").
//
// Deterministic: same spec, same bytes. Classes and data attributes:
//   <rect class="cell" data-x="0" data-y="2" data-value="512.3" …/>   one per grid cell (value
//   written in full, shortest form; "none" without a value)
//   <text class="cell-label" …>512.3 ± 2.9</text>
//   <rect class="colour-bar" …/>  <text class="bar-tick" …/>
#pragma once

#include <string>
#include <vector>

namespace landbridge::chart {

struct HeatMapSpec {
  std::string title;                          // "" = "Heat map"
  std::string subtitle;
  std::string x_title, y_title;               // the axes' names
  std::string value_title;                    // the colour bar's caption (the KPI)
  std::vector<std::string> x_labels, y_labels;
  std::vector<std::vector<double>> values;    // [y][x]; NaN: no value
  std::vector<std::vector<double>> half_widths;  // empty, or the shape of values (NaN: none)
  double width = 760;                         // px, >= 420
  double cell_height = 54;                    // px, >= 20
  double font_size = 12;                      // px, >= 6
};

// Throws landbridge::Error on empty categories, values (or half widths) not of shape
// y_labels x x_labels, or sizes out of range.
std::string render_heatmap(const HeatMapSpec& spec);

// The colour of t in [0, 1] on the heat map's scale, "#rrggbb".
std::string heat_colour(double t);

}  // namespace landbridge::chart
