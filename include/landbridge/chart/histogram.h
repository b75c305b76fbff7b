// Histograms of samples (e.g. door-to-door transit times per flow) as a standalone SVG, and the
// same plot data as JSON for the web page.
//
// One or several labelled sample sets share one set of bins: several flows, or one flow in two
// scenarios (a what-if). Values come in the caller's unit and are shown times `scale` in the
// display unit (hours → days: scale 1/24, unit "days"); everything below is in display units.
//
// Bins. Unless the caller fixes `bin_width`, the width is the narrowest of the sets' own
// Freedman–Diaconis widths, 2 · IQR · n^(-1/3) (so a set far from the others keeps its shape),
// rounded up to the next 1-2-5 number (0.5, 1, 2, 5, 10 …), and widened to the next 1-2-5
// number until there are at most `max_bins` bins. A set without a spread between its quartiles
// counts range / √n; when every set is constant the pooled values decide the same way, and
// for constant data the width is one tenth of the value's decade (0 → 1). Bin edges are multiples
// of the width; bin k holds lo + k·w <= x < lo + (k+1)·w. Quantiles are nearest rank (the ⌈p·n⌉-th
// smallest value), as the corridor's KPIs, so a marker sits on the figure the KPI table prints.
//
// Layout, top to bottom: title (and subtitle); a band of marker labels ("P95 31.2", in the set's
// colour, stacked in rows so they never overlap); the plot, bars or step outlines (translucent
// when several sets overlay), with vertical markers for mean (dashed), P50 (solid) and P95
// (dotted) per set; x tick labels and title; a legend with one row per set (n, mean, P50, P95,
// max) and a key to the marker styles. Sets without values show "n = 0" and no marks.
//
// Deterministic: same spec, same bytes (fixed decimals, no clocks, no locale). Text is
// XML-escaped. Elements carry classes and data attributes that tests and styling rely on:
//   <rect class="bar" data-set="1" data-bin="3" data-count="17" …/>   one per non-empty bin
//   <path class="outline" data-set="1" …/>                             step outline per set
//   <path class="marker p95" data-set="1" data-value="31.25" …/>       mean, p50, p95
//   <g class="legend-entry" data-set="1">…</g>                         one per set
// (sets numbered from 1).
//
// JSON (to_json), display units:
//   {"title": "…", "x_title": "transit time", "unit": "days", "y": "count",
//    "bin_width": 0.5, "edges": [18, 18.5, …],
//    "sets": [{"label": "HKT→DUI rail", "n": 400, "counts": [0, 3, …],
//              "mean": 24.1, "p50": 23.9, "p95": 29.5, "min": 19.2, "max": 33.0}, …]}
// "y" is "count" or "percent" (counts are always counts); a set with n = 0 has null figures.
#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace landbridge::chart {

struct SampleSet {
  std::string label;           // legend text, e.g. "JPHKT → DEDUI sea–rail"
  std::vector<double> values;  // caller's unit (e.g. hours); finite; may be empty
};

enum class HistogramStyle : std::uint8_t {
  automatic,  // one set: filled bars; several: translucent bars with a step outline each
  bars,       // filled bars (translucent when several sets)
  outline,    // step outlines only
};

struct HistogramSpec {
  std::string title;                     // "" = "Histogram"
  std::string subtitle;                  // optional second line
  std::string x_title = "transit time";  // the unit is appended: "transit time (days)"
  std::string unit = "h";                // display unit ("" = none)
  double scale = 1;                      // display value = value × scale; > 0
  std::string y_title;                   // "" = "count" or "share of set (%)"
  bool percent = false;                  // y as share of each set's n (sets of unequal size)
  HistogramStyle style = HistogramStyle::automatic;
  double bin_width = 0;         // display unit; 0 = chosen (see above)
  bool markers = true;          // mean, P50 and P95 lines per set
  int max_bins = 60;            // >= 1
  std::vector<SampleSet> sets;  // at least one
  double width = 900;           // px, >= 480
  double plot_height = 300;     // px, >= 120
  double font_size = 12;        // px, >= 6
};

struct SetStats {
  std::size_t n = 0;
  double mean = 0, p50 = 0, p95 = 0, min = 0, max = 0;  // display unit; 0 when n == 0
};

struct Histogram {
  double bin_width = 0;                            // display unit
  std::vector<double> edges;                       // bins + 1, ascending; empty if no values
  std::vector<std::vector<std::uint32_t>> counts;  // [set][bin]
  std::vector<SetStats> stats;                     // per set
};

// Nearest-rank quantile of values sorted ascending: the ⌈p·n⌉-th smallest (the smallest for
// p·n <= 1). Throws landbridge::Error on an empty input or p outside [0, 1].
double nearest_rank(const std::vector<double>& sorted, double p);

// The bins, counts and figures the plot shows. Throws landbridge::Error (naming the set and the
// value's index) on a non-finite value, no sets, scale <= 0, bin_width < 0 or max_bins < 1.
Histogram bin_samples(const HistogramSpec& spec);

// The SVG document (UTF-8, with the XML declaration). Throws as bin_samples, and on a width,
// plot height or font size out of range.
std::string render_histogram(const HistogramSpec& spec);

// The plot data as JSON (format above). Throws as bin_samples.
nlohmann::json to_json(const HistogramSpec& spec);

}  // namespace landbridge::chart
