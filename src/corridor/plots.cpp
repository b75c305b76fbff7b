#include "landbridge/corridor/plots.h"

#include <fmt/format.h>

#include "landbridge/core/error.h"

namespace landbridge::corridor {
namespace {

void check(std::span<const PlotRun> runs) {
  if (runs.empty()) throw Error("corridor plot: no simulation runs to plot");
  for (const PlotRun& r : runs)
    if (r.model == nullptr || r.replications.empty())
      throw Error("corridor plot: run '" + r.label + "' has no replications");
}

std::string run_label(const PlotRun& r) { return r.label.empty() ? r.model->scenario().name : r.label; }

std::string subtitle(std::span<const PlotRun> runs) {
  const Scenario& sc = runs.front().model->scenario();
  std::string s = fmt::format("{} replication{}, seed {}", runs.front().replications.size(),
                              runs.front().replications.size() == 1 ? "" : "s", sc.seed);
  if (runs.size() > 1) {
    s += "; compared:";
    for (std::size_t i = 0; i < runs.size(); ++i) s += (i ? ", " : " ") + run_label(runs[i]);
  }
  return s;
}

}  // namespace

chart::HistogramSpec transit_histogram(std::span<const PlotRun> runs) {
  check(runs);
  const Scenario& first = runs.front().model->scenario();
  chart::HistogramSpec spec;
  spec.title = runs.size() == 1 ? "Door-to-door transit time: " + first.name : "Door-to-door transit time";
  spec.subtitle = subtitle(runs) + fmt::format("; boxes ready from day {:g} to day {:g}", first.warmup_days,
                                              first.horizon_days);
  spec.x_title = "transit time";
  spec.unit = "days";
  spec.scale = 1.0 / 24.0;
  // Flows differ in volume and runs in what they deliver: shares compare shapes fairly.
  spec.percent = runs.size() > 1;
  for (const PlotRun& run : runs) {
    for (std::size_t f = 0; f < run.model->flow_count(); ++f) {
      chart::SampleSet set;
      set.label = run.model->flow_label(f) + " " + run.model->flow_corridor(f);
      if (runs.size() > 1) set.label = run_label(run) + ": " + set.label;
      for (const ReplicationResult& rep : run.replications)
        if (f < rep.flow_transit_h.size())
          set.values.insert(set.values.end(), rep.flow_transit_h[f].begin(), rep.flow_transit_h[f].end());
      spec.sets.push_back(std::move(set));
    }
  }
  return spec;
}

chart::TimeSeriesSpec crane_queues(std::span<const PlotRun> runs, QueueView view) {
  check(runs);
  chart::TimeSeriesSpec spec;
  spec.title = "Boxes waiting for a gauge-change crane";
  spec.subtitle = subtitle(runs) + (view == QueueView::bucket_max
                                        ? fmt::format("; largest queue in each {:g} h", runs.front().model->scenario().queue_sample_h)
                                        : fmt::format("; time-average over each {:g} h", runs.front().model->scenario().queue_sample_h));
  spec.x_title = "time (days)";
  spec.y_title = "boxes waiting";
  for (const PlotRun& run : runs) {
    const Scenario& sc = run.model->scenario();
    const std::vector<std::string> nodes = run.model->node_labels();
    for (std::size_t n = 0; n < nodes.size(); ++n) {
      chart::TimeSeries s;
      s.label = runs.size() > 1 ? run_label(run) + ": " + nodes[n] : nodes[n];
      s.dt = sc.queue_sample_h / 24.0;
      s.band = run.replications.size() >= 20 ? chart::Band::p5_p95 : chart::Band::min_max;
      for (const ReplicationResult& rep : run.replications) {
        const auto& all = view == QueueView::bucket_max ? rep.node_queue_max : rep.node_queue_mean;
        if (n < all.size()) s.replications.push_back(all[n]);
      }
      spec.series.push_back(std::move(s));
    }
    for (const Closure& c : sc.closures)
      spec.intervals.push_back({c.from_day, c.to_day,
                                (runs.size() > 1 ? run_label(run) + ": " : std::string()) + c.what + " closed"});
  }
  return spec;
}

}  // namespace landbridge::corridor
