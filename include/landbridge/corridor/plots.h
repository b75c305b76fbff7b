// Plots of a corridor simulation: what the replications say, drawn by the chart module.
//
// transit_histogram: door-to-door transit times (days) of every measured, delivered box of every
// replication, one sample set per flow (or per flow and scenario when two runs are compared).
// crane_queues: boxes waiting for a gauge-change crane over the run, one series per node, a band
// across replications (P5–P95 from 20 replications, else min–max) under the median line; the
// scenario's closures are shaded. `view` picks the bucket figure: the largest queue reached in
// each `queue_sample_h` bucket (block trains arrive in bursts) or the time-average.
#pragma once

#include <span>
#include <string>

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
chart::HistogramSpec transit_histogram(std::span<const PlotRun> runs);
chart::TimeSeriesSpec crane_queues(std::span<const PlotRun> runs, QueueView view = QueueView::bucket_max);

}  // namespace landbridge::corridor
