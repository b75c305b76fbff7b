// The time/cost–distance chart as a standalone SVG document.
//
// Layout, top to bottom: a title line, then stacked panels sharing one x axis (cumulative
// distance, km): cumulative time (days), cumulative cost (USD) and, on request, cumulative
// CO2e (kg). Each series is one "transport line" per panel in its own colour (seven Okabe–Ito
// colours, colour-blind safe, the last black; from the 8th series on the cycle repeats with
// thinner legs). Legs are drawn solid for rail, dashed for sea (deep sea, feeder, ferry),
// dotted for road and dash-dotted for inland waterways, over a thin continuous core line;
// node operations are thick vertical bars, waits hatched vertical bars.
//
// The vertical steps that make up at least `label_min_share` of the panel's y axis are
// labelled with the node and its operations ("KZHOR gauge change + border · 1.6 d");
// identical steps of several series close to each other share one label that lists the
// series numbers. Labels are placed greedily, largest step first, at the candidate position
// that overlaps no other label and scores best on lines crossed, distance from the step and
// leader length (a leader line joins a label moved away from its step); a step with no free
// position stays unlabelled and is counted. The series number marks the end of each line.
// Below the panels, the legend names each series with its totals, then a key to the styles.
//
// No scripts, no external resources, generic font family; all coordinates are written with
// fixed decimals, so the same input gives the same bytes. Text is XML-escaped.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "landbridge/chart/series.h"
#include "landbridge/chart/svg_text.h"

namespace landbridge::chart {

enum class Panel : std::uint8_t { time, cost, co2e };

struct ChartOptions {
  std::string title;                 // first line; "" = "Time/cost–distance chart"
  std::string subtitle;              // second line, optional (e.g. "1 FEU · Pareto set")
  bool co2e_panel = false;           // add a third panel for cumulative CO2e
  double width = 1000;               // px
  double panel_height = 300;         // px, per panel (plot area)
  double label_min_share = 0.03;     // label vertical steps at least this share of the y axis
  double font_size = 12;             // px, labels; titles are larger
};

// Where a label ended up (for tests and for callers that add their own marks).
struct Box {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // px, x0 < x1, y0 < y1 (SVG coordinates)
  [[nodiscard]] bool overlaps(const Box& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

struct PlacedLabel {
  struct Anchor {
    int series = 0;         // index into the series list
    double x = 0, y = 0;    // the point labelled (on the step, level with the label if it can be)
    bool leader = false;    // drawn with a leader line from here to the label
  };
  Panel panel = Panel::time;
  bool end_marker = false;  // the series number at the end of a line (else a step label)
  std::string text;
  Box box;                  // estimated text extent
  std::vector<Anchor> anchors;  // one per labelled series: identical steps close together
                                // ("PLMAA gauge change + border · 2.7 d (2, 3, 4)") share a label
};

struct ChartLayout {
  double width = 0, height = 0;
  std::vector<Panel> panels;          // in drawing order, top first
  std::vector<Box> plot_areas;        // one per panel
  Box legend;                         // the legend block
  std::vector<PlacedLabel> labels;    // step labels and end markers that were placed
  int labels_dropped = 0;             // steps above the threshold left unlabelled (no room)
};

// Computes positions without writing anything. Throws landbridge::Error if `series` is empty,
// a series fails check(), or the options are out of range (width < 600 px, panel height
// < 120 px, font size < 6 px).
ChartLayout layout_chart(const std::vector<ChartSeries>& series, const ChartOptions& opts);

// The whole SVG document (UTF-8, starting with the XML declaration). Throws as layout_chart.
std::string render_svg(const std::vector<ChartSeries>& series, const ChartOptions& opts);

// xml_escape, series_colour, estimate_text_width and fit_text_width: svg_text.h.

}  // namespace landbridge::chart
