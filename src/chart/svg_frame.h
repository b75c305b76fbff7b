// Internal to lb_plot and lb_chart: what the three SVG renderers (svg.cpp, histogram.cpp,
// timeseries.cpp) write alike, so that the charts keep one house style: colours and margins,
// the document head, the title lines, and for the single-plot charts the plot frame (grid,
// tick labels, axis titles), the axis line, label rows above the plot and the legend's text
// columns.
#pragma once

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "landbridge/chart/axis.h"

namespace landbridge::chart::detail {

inline constexpr const char* kInk = "#222222";
inline constexpr const char* kMuted = "#666666";
inline constexpr const char* kGrid = "#e4e4e4";
inline constexpr double kLeft = 84, kRight = 28;  // px, plot margins
// Attributes of a text on a white halo (labels drawn over lines).
inline constexpr const char* kHalo =
    " stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\"";

using Out = std::back_insert_iterator<std::string>;

// <text x y attrs>escaped text</text>; attrs starts with a space.
void write_text(Out o, double x, double y, std::string_view text, std::string_view attrs);

// The XML declaration, the <svg> element's opening tag and the document's <title>.
void write_svg_open(Out o, double width, double height, double fs, std::string_view title);

// The white background, the bold title and, when not empty, the muted subtitle, at the left
// margin. With fit_width > 0 (the chart's width) both are cut to fit it; else written whole.
void write_headings(Out o, std::string_view title, std::string_view subtitle, double title_y,
                    double subtitle_y, double fs, double fit_width);

// The dark axis line: up the left side of the plot area, along its bottom.
void write_axis_line(Out o, double x0, double y0, double y1, double x1);

// The positions shared by the single-plot charts (histogram, time series).
struct PlotLayout {
  double width = 0, height = 0;
  double x0 = 0, x1 = 0, y0 = 0, y1 = 0;  // plot area
  Axis x, y;
  double title_y = 30, subtitle_y = 50;
  double band_top = 0, row_h = 0;  // the label rows above the plot
  double x_labels_y = 0, x_title_y = 0, legend_y = 0, legend_row = 20;
  // Legend: the name column's width, each entry's figures, and whether the figures go on a
  // line of their own (a narrow chart).
  double label_w = 0;
  std::vector<std::string> figures;
  bool wrap = false;

  [[nodiscard]] double px(double v) const { return x0 + (v - x.min) / (x.max - x.min) * (x1 - x0); }
  [[nodiscard]] double py(double v) const { return y1 - (v - y.min) / (y.max - y.min) * (y1 - y0); }

  // Width, margins and label row height, before the axes are made.
  void start(double chart_width, double fs);
  // The plot area below `rows` label rows from `top`, then the x labels, x title and legend.
  void place_plot(double top, int rows, double plot_height, double fs);
};

// Grid, y tick labels, x tick labels, x title and the rotated y title of a PlotLayout.
void write_plot_frame(Out o, const PlotLayout& L, std::string_view x_title,
                      std::string_view y_title, double fs);

// One legend entry's name (at text_x) and its figures (after the name column, or below it when
// wrapped), then the entry's closing </g>. Returns the next entry's baseline.
double write_legend_texts(Out o, const PlotLayout& L, double text_x, double y,
                          std::string_view name, std::size_t entry, double fs);

// Puts labels (fields x0, x1 and row) in rows: in order, each in the lowest row where it keeps
// 6 px from every label before it. Labels with row < 0 are skipped (they are drawn elsewhere).
// Returns the number of rows used.
template <class Label>
int pack_label_rows(std::vector<Label>& labels) {
  int rows = 0;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (labels[i].row < 0) continue;
    for (int r = 0;; ++r) {
      const bool clash =
          std::any_of(labels.begin(), labels.begin() + static_cast<std::ptrdiff_t>(i),
                      [&](const Label& o) {
                        return o.row == r && o.x0 < labels[i].x1 + 6 && labels[i].x0 < o.x1 + 6;
                      });
      if (!clash) {
        labels[i].row = r;
        rows = std::max(rows, r + 1);
        break;
      }
    }
  }
  return rows;
}

}  // namespace landbridge::chart::detail
