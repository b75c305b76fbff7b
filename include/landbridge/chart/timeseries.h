// Time series (e.g. queue length at a gauge-change node over a simulated year) as a standalone
// SVG, and the same plot data as JSON for the web page.
//
// Several labelled series share one time axis. A series is sampled at t0, t0 + dt, … (x units,
// normally days: a model sampling every step_h hours gives dt = step_h / 24) and comes as one
// or more replications of equal length. With one replication it is drawn as a line; with
// several, as a band across replications at each sample (min–max, or P5–P95 by nearest rank:
// the ⌈p·R⌉-th smallest of R values, so min–max below 20 replications) under a centre line
// (P50 by nearest rank, or the mean).
// Samples are joined by steps or straight lines. Steps: sample i holds over
// [t0 + i·dt, t0 + (i+1)·dt) (a point sample until the next one, or a bucket's mean or maximum
// over its bucket), the last one up to t0 + n·dt. Lines join the points (t0 + i·dt, v_i); for
// bucket figures pass t0 = dt / 2 to put them at the bucket centres. A lone sample drawn with
// lines is a point (no visible line): use steps. Optional horizontal reference lines
// (capacity, a target) and shaded intervals (a closure from day 40 to day 50), each labelled.
//
// Layout, top to bottom: title (and subtitle); a band of interval labels (stacked in rows so
// they never overlap); the plot: shaded intervals, bands, centre lines (series 1 on top),
// reference lines with their labels at the right end; x tick labels and title; a legend with
// one row per series (what the band is, the peak of the centre line and when, the maximum of
// any replication). Runs of equal values are written as one segment (lossless).
//
// Deterministic: same spec, same bytes. Text is XML-escaped. Classes and data attributes:
//   <g class="series" data-series="1">  <path class="band" …/>  <path class="centre" …/>  </g>
//   <path class="reference" data-y="60" …/>   <rect class="interval" …/>
//   <g class="legend-entry" data-series="1">…</g>
// (series numbered from 1; a series without replications or samples draws nothing but its
// legend entry).
//
// JSON (to_json):
//   {"title": "…", "x_title": "time (days)", "y_title": "queue (FEU)", "interpolation": "step",
//    "series": [{"label": "KZHOR gauge change", "t0": 0, "dt": 0.25, "replications": 20,
//                "band": "p5_p95", "centre": "median",
//                "centre_values": [0, 3, …], "lo": [0, 0, …], "hi": [0, 7, …],
//                "peak": {"centre": 41, "t": 52.5, "any": 77}}],
//    "references": [{"y": 60, "label": "…"}], "intervals": [{"from": 40, "to": 50, "label": "…"}]}
// "band" is "min_max", "p5_p95" or "none" (one replication, or asked for: lo = hi = centre);
// "peak" is null for a series without samples.
#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace landbridge::chart {

enum class Band : std::uint8_t { p5_p95, min_max, none };
enum class Centre : std::uint8_t { median, mean };
enum class Interpolation : std::uint8_t { step, line };

struct TimeSeries {
  std::string label;                             // legend text
  double t0 = 0;                                 // x of sample 0 (x units, e.g. days)
  double dt = 1;                                 // x between samples, > 0
  std::vector<std::vector<float>> replications;  // equal lengths; finite values
  Band band = Band::p5_p95;                      // with several replications
  Centre centre = Centre::median;
  int colour = -1;      // palette index (svg.h series_colour); -1 = the series' position
  bool dashed = false;  // dashed centre line (e.g. bucket maxima beside bucket means)
};

struct ReferenceLine {
  double y = 0;       // y units
  std::string label;  // e.g. "yard capacity 60 FEU"
};

struct ShadedInterval {
  double from = 0, to = 0;  // x units, from <= to
  std::string label;        // e.g. "Khorgos closed"
};

struct TimeSeriesSpec {
  std::string title;     // "" = "Time series"
  std::string subtitle;  // optional second line
  std::string x_title = "time (days)";
  std::string y_title = "queue length";
  Interpolation interpolation = Interpolation::step;
  std::vector<TimeSeries> series;  // at least one
  std::vector<ReferenceLine> references;
  std::vector<ShadedInterval> intervals;
  double width = 900;        // px, >= 480
  double plot_height = 300;  // px, >= 120
  double font_size = 12;     // px, >= 6
};

// One series reduced across its replications, as drawn.
struct SeriesBand {
  Band band = Band::none;  // what lo/hi are (none with a single replication)
  std::size_t replications = 0;
  std::vector<double> centre;  // per sample
  std::vector<double> lo, hi;  // per sample; lo <= P50 <= hi (a mean can leave a P5–P95 band)
  double peak_centre = 0;      // the centre line's maximum and its first x
  double peak_t = 0;
  double peak_any = 0;  // the maximum of any replication at any sample
};

// The band of one series. Throws landbridge::Error naming the series (by label) on replications
// of unequal length, a non-finite value, or dt <= 0 / non-finite t0.
SeriesBand band_of(const TimeSeries& s);

// The SVG document (UTF-8, with the XML declaration). Throws landbridge::Error on no series,
// a series band_of rejects, a non-finite reference line, an interval with from > to, or a
// width, plot height or font size out of range.
std::string render_timeseries(const TimeSeriesSpec& spec);

// The plot data as JSON (format above). Throws as render_timeseries.
nlohmann::json to_json(const TimeSeriesSpec& spec);

}  // namespace landbridge::chart
