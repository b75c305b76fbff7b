#include "landbridge/corridor/plots.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "landbridge/core/error.h"

namespace landbridge::corridor {
namespace {

void check(std::span<const PlotRun> runs) {
  if (runs.empty()) throw Error("corridor plot: no simulation runs to plot");
  for (std::size_t i = 0; i < runs.size(); ++i)
    if (runs[i].model == nullptr || runs[i].replications.empty())
      throw Error(fmt::format("corridor plot: run {} ('{}') has no model or no replications", i, runs[i].label));
}

std::string run_label(const PlotRun& r) { return r.label.empty() ? r.model->scenario().name : r.label; }

std::string subtitle(std::span<const PlotRun> runs) {
  const Scenario& sc = runs.front().model->scenario();
  const std::size_t n = runs.front().replications.size();
  std::string s = fmt::format("{} replication{}, seed {}", n, n == 1 ? "" : "s", sc.seed);
  if (runs.size() > 1) {
    s += "; compared:";
    for (std::size_t i = 0; i < runs.size(); ++i) s += (i ? ", " : " ") + run_label(runs[i]);
  }
  return s;
}

// Merges `k` consecutive model buckets into one: their maximum or their average.
std::vector<float> merge(const std::vector<float>& xs, std::size_t k, QueueView view) {
  if (k <= 1) return xs;
  std::vector<float> out;
  out.reserve((xs.size() + k - 1) / k);
  for (std::size_t i = 0; i < xs.size(); i += k) {
    const std::size_t end = std::min(xs.size(), i + k);
    if (view == QueueView::bucket_max) {
      out.push_back(*std::max_element(xs.begin() + static_cast<std::ptrdiff_t>(i), xs.begin() + static_cast<std::ptrdiff_t>(end)));
    } else {
      double sum = 0;
      for (std::size_t j = i; j < end; ++j) sum += xs[j];
      out.push_back(static_cast<float>(sum / static_cast<double>(end - i)));
    }
  }
  return out;
}

}  // namespace

chart::HistogramSpec transit_histogram(std::span<const PlotRun> runs, std::optional<std::size_t> flow) {
  check(runs);
  const CorridorModel& m0 = *runs.front().model;
  if (flow && *flow >= m0.flow_count())
    throw Error(fmt::format("corridor plot: flow {} out of range (the scenario has {})", *flow, m0.flow_count()));
  const Scenario& first = m0.scenario();
  chart::HistogramSpec spec;
  spec.title = "Door-to-door transit time";
  if (flow) spec.title += ": " + m0.flow_label(*flow) + " " + m0.flow_corridor(*flow);
  else if (runs.size() == 1) spec.title += ": " + first.name;
  spec.subtitle = subtitle(runs) + fmt::format("; boxes ready from day {:g} to day {:g}", first.warmup_days,
                                              first.horizon_days);
  spec.x_title = "transit time";
  spec.unit = "days";
  spec.scale = 1.0 / 24.0;
  // Flows and runs differ in how many boxes they deliver: shares compare the shapes fairly.
  spec.percent = runs.size() > 1 || (!flow && m0.flow_count() > 1);
  for (const PlotRun& run : runs) {
    for (std::size_t f = 0; f < run.model->flow_count(); ++f) {
      if (flow && f != *flow) continue;
      chart::SampleSet set;
      set.label = flow ? run_label(run) : run.model->flow_label(f) + " " + run.model->flow_corridor(f);
      if (runs.size() > 1 && !flow) set.label = run_label(run) + ": " + set.label;
      for (const ReplicationResult& rep : run.replications)
        if (f < rep.flow_transit_h.size())
          set.values.insert(set.values.end(), rep.flow_transit_h[f].begin(), rep.flow_transit_h[f].end());
      spec.sets.push_back(std::move(set));
    }
  }
  return spec;
}

chart::TimeSeriesSpec crane_queues(std::span<const PlotRun> runs, std::optional<std::size_t> node, QueueView view,
                                   double bucket_h) {
  check(runs);
  const Scenario& s0 = runs.front().model->scenario();
  const std::vector<std::string> nodes0 = runs.front().model->node_labels();
  if (node && *node >= nodes0.size())
    throw Error(fmt::format("corridor plot: gauge-change node {} out of range (the model has {})", *node,
                            nodes0.size()));
  if (!(bucket_h > 0) || !std::isfinite(bucket_h))
    throw Error(fmt::format("corridor plot: bucket_h must be > 0 hours, got {}", bucket_h));
  const auto k = static_cast<std::size_t>(std::max(1.0, std::round(bucket_h / s0.queue_sample_h)));
  const double dt_h = static_cast<double>(k) * s0.queue_sample_h;
  chart::TimeSeriesSpec spec;
  spec.title = "Boxes waiting for a gauge-change crane";
  if (node) spec.title += " at " + nodes0[*node];
  spec.subtitle = subtitle(runs) + (view == QueueView::bucket_max ? fmt::format("; largest queue in each {:g} h", dt_h)
                                                                  : fmt::format("; time-average over each {:g} h", dt_h));
  spec.x_title = "time (days)";
  spec.y_title = "boxes waiting";
  spec.intervals.push_back({0, s0.warmup_days, "warm-up (not measured)"});
  spec.intervals.push_back({s0.horizon_days, s0.horizon_days + s0.drain_days, "drain (no new boxes)"});
  for (const PlotRun& run : runs) {
    const Scenario& sc = run.model->scenario();
    const std::vector<std::string> nodes = run.model->node_labels();
    const auto kr = static_cast<std::size_t>(std::max(1.0, std::round(bucket_h / sc.queue_sample_h)));
    for (std::size_t n = 0; n < nodes.size(); ++n) {
      if (node && nodes[n] != nodes0[*node]) continue;
      chart::TimeSeries s;
      s.label = node ? run_label(run) : runs.size() > 1 ? run_label(run) + ": " + nodes[n] : nodes[n];
      s.dt = static_cast<double>(kr) * sc.queue_sample_h / 24.0;
      s.band = run.replications.size() >= 20 ? chart::Band::p5_p95 : chart::Band::min_max;
      for (const ReplicationResult& rep : run.replications) {
        const auto& all = view == QueueView::bucket_max ? rep.node_queue_max : rep.node_queue_mean;
        if (n < all.size()) s.replications.push_back(merge(all[n], kr, view));
      }
      spec.series.push_back(std::move(s));
    }
    const std::string who = runs.size() > 1 ? run_label(run) + ": " : std::string();
    for (const Closure& c : sc.closures) spec.intervals.push_back({c.from_day, c.to_day, who + c.what + " closed"});
    for (const CapacityCut& c : sc.capacity_cuts) {
      if (node && c.node != nodes0[*node]) continue;
      spec.intervals.push_back({c.from_day, c.to_day,
                                who + c.node + (c.cranes > 0 ? fmt::format(" down to {} cranes", c.cranes)
                                                             : fmt::format(" cranes x{:g}", c.cranes_factor))});
    }
  }
  return spec;
}

std::vector<NamedPlot> standard_plots(std::span<const PlotRun> runs) {
  if (runs.empty()) throw Error("standard_plots: no runs");
  const CorridorModel& m = *runs.front().model;
  std::vector<NamedPlot> out;
  if (runs.size() == 1) {
    out.push_back({"transit-histogram", transit_histogram(runs)});
  } else {
    for (std::size_t f = 0; f < m.flow_count(); ++f) out.push_back({"transit-" + m.flow_label(f), transit_histogram(runs, f)});
  }
  const std::vector<std::string> nodes = m.node_labels();
  for (std::size_t n = 0; n < nodes.size(); ++n) out.push_back({"crane-queue-" + nodes[n], crane_queues(runs, n)});
  return out;
}

std::string render_svg(const NamedPlot& plot) {
  if (const auto* h = std::get_if<chart::HistogramSpec>(&plot.spec)) return chart::render_histogram(*h);
  return chart::render_timeseries(std::get<chart::TimeSeriesSpec>(plot.spec));
}

nlohmann::json to_json(const NamedPlot& plot) {
  return std::visit([](const auto& spec) { return chart::to_json(spec); }, plot.spec);
}

}  // namespace landbridge::corridor
