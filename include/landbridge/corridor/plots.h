// Plots of a corridor simulation: what the replications say, drawn by the chart module.
//
// transit_histogram: door-to-door transit times (days) of every measured, delivered box of every
// replication, one sample set per flow and run; `flow` keeps one flow (a what-if reads best as
// one histogram per flow with the base and the what-if overlaid).
// crane_queues: boxes waiting for a gauge-change crane over the run, one series per node and
// run (`node` keeps one node), a band across replications (P5–P95 from 20 replications, else
// min–max) under the median line. The model's buckets (`queue_sample_h`) are merged into
// buckets of `bucket_h` (rounded to a whole number of model buckets) so a year stays legible:
// `view` picks the figure per bucket, the largest queue reached in it (block trains arrive in
// bursts) or the time-average. The warm-up, the drain after the horizon, the scenario's
// closures and its capacity cuts (of the plotted node) are shaded.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "landbridge/chart/histogram.h"
#include "landbridge/chart/timeseries.h"
#include "landbridge/corridor/model.h"

namespace landbridge::corridor {

// One run to plot: a model and its replications, with a label for legends ("" = the
// scenario's name). Comparing two runs (a what-if) puts both in one plot.
struct PlotRun {
  const CorridorModel* model = nullptr;
  std::span<const ReplicationResult> replications;
  std::string label;
};

enum class QueueView : std::uint8_t { bucket_max, bucket_mean };

// Throws landbridge::Error on no runs or runs without replications.
chart::HistogramSpec transit_histogram(std::span<const PlotRun> runs, std::optional<std::size_t> flow = {});
chart::TimeSeriesSpec crane_queues(std::span<const PlotRun> runs, std::optional<std::size_t> node = {},
                                   QueueView view = QueueView::bucket_max, double bucket_h = 24);

// The plot set of a run or a comparison, as `landbridge simulate --plots` writes it and the
// service serves it, each under its file stem: one run: "transit-histogram" (every flow);
// two runs: "transit-<FLOW>" per flow, both runs overlaid; always "crane-queue-<NODE>" per
// gauge-change node (every run).
struct NamedPlot {
  std::string stem;
  std::variant<chart::HistogramSpec, chart::TimeSeriesSpec> spec;
};
std::vector<NamedPlot> standard_plots(std::span<const PlotRun> runs);
std::string render_svg(const NamedPlot& plot);
nlohmann::json to_json(const NamedPlot& plot);

}  // namespace landbridge::corridor
