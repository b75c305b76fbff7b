// The analytic validation cases of tests/corridor/queueing/: each is a scenario file (and its
// demand CSV) in this folder, run on a small network (a text network, or a tiny package where a
// duration range is needed) that the test writes beside a copy of them in its own scratch
// folder, so the network holds exactly the queue under test and no other delay (no handling,
// border or dwell operation that the case does not name).
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "../../support/scratch.h"
#include "landbridge/corridor/model.h"
#include "landbridge/io/package.h"
#include "landbridge/io/text_network.h"
#include "landbridge/sim/replications.h"

namespace landbridge::corridor::queueing {

// Two rail links of different gauges meeting at KZBBB, where the gauge change is the only
// operation (no border, handling or dwell row): the M/D/1 and M/G/1 cases.
constexpr const char* kGaugeChange = R"(
node CNAAA Origin
node KZBBB Gauge change
node PLCCC Destination
link ab CNAAA KZBBB rail:1435 100km 1h 100usd
link bc KZBBB PLCCC rail:1520 100km 2h 100usd
op KZBBB gauge_change rail:1435 rail:1520 1h 10usd
)";

// A scenario of this folder loaded from a scratch copy, with its network and model.
struct Case {
  Scenario scenario;
  std::unique_ptr<Network> net;       // outlives the model (which keeps a pointer)
  std::unique_ptr<CorridorModel> model;
  std::vector<ReplicationResult> reps;

  // One figure of every replication, with its 95 % Student-t interval.
  [[nodiscard]] sim::Estimate estimate(const std::function<double(const ReplicationResult&)>& kpi) const {
    std::vector<double> xs;
    xs.reserve(reps.size());
    for (const ReplicationResult& r : reps) xs.push_back(kpi(r));
    return sim::confidence_interval(xs, 0.95);
  }
  [[nodiscard]] double window_h() const { return (scenario.horizon_days - scenario.warmup_days) * 24; }
};

// Files of a case's network, written into the scratch folder: (path relative to it, text).
using NetworkFiles = std::vector<std::pair<std::string, std::string>>;

// Copies STEM.toml and STEM.csv from tests/corridor/queueing/ into the test's scratch folder,
// writes the network files beside them (a text network "net.txt", or a package folder), loads
// the scenario and the network it names, and runs the scenario's replications on two threads
// (the results do not depend on the thread count).
inline Case run_case(const std::string& stem, const NetworkFiles& network) {
  namespace fs = std::filesystem;
  const fs::path src = fs::path(LANDBRIDGE_SOURCE_DIR) / "tests" / "corridor" / "queueing";
  const fs::path dir = testing_support::scratch_dir();
  fs::copy_file(src / (stem + ".toml"), dir / (stem + ".toml"), fs::copy_options::overwrite_existing);
  fs::copy_file(src / (stem + ".csv"), dir / (stem + ".csv"), fs::copy_options::overwrite_existing);
  for (const auto& [file, text] : network) {
    fs::create_directories((dir / file).parent_path());
    std::ofstream(dir / file) << text;
  }
  Case c;
  c.scenario = load_scenario(dir / (stem + ".toml"));
  EXPECT_EQ(c.scenario.network_dir.parent_path(), dir);
  c.net = c.scenario.network_dir.extension() == ".txt"
              ? std::make_unique<Network>(io::load_text_network(c.scenario.network_dir))
              : std::make_unique<Network>(std::move(io::load_package(c.scenario.network_dir).network));
  c.model = std::make_unique<CorridorModel>(*c.net, c.scenario);
  c.reps = run_replications(*c.model, static_cast<std::size_t>(c.scenario.replications), 2);
  return c;
}

// The analytic mean must lie in the model's 95 % interval, and the interval must be narrow
// enough (half-width at most `max_rel` of the analytic value) for that to mean something.
inline void expect_within_ci(const sim::Estimate& e, double analytic, double max_rel, const std::string& what) {
  EXPECT_TRUE(e.contains(analytic)) << what << ": analytic " << analytic << ", model " << e.mean << " ± "
                                    << e.half_width << " (" << e.n << " replications)";
  EXPECT_LE(e.half_width, max_rel * analytic) << what << ": the interval is too wide to test anything";
  std::cout << "[ analytic ] " << what << ": analytic " << analytic << ", model " << e.mean << " ± " << e.half_width
            << " (95 %, " << e.n << " replications)\n";
}

// The index of a queue in the model's node KPIs by its label ("KZBBB": a gauge change's cranes;
// "KZBBB-border": an [[operations]] queue).
inline std::size_t node_index(const Case& c, const std::string& label) {
  const auto labels = c.model->node_labels();
  for (std::size_t i = 0; i < labels.size(); ++i)
    if (labels[i] == label) return i;
  std::string known;
  for (const auto& l : labels) known += " '" + l + "'";
  ADD_FAILURE() << "no queue " << label << "; the model has" << known;
  return 0;
}

// Little's law at one queue from its node KPIs, per replication: the time-average units waiting
// over the window (NodeKpi::mean_queue) = the units that reached it in the window / the window
// x their mean wait, within `tol` (2 %; the window's edges cut a few waits, more where service
// times are heavy-tailed).
inline void expect_little_at_node(const Case& c, std::size_t n, double tol = 0.02) {
  for (std::size_t r = 0; r < c.reps.size(); ++r) {
    const NodeKpi& k = c.reps[r].nodes.at(n);
    EXPECT_GT(k.mean_queue, 0.0) << "replication " << r;
    EXPECT_NEAR(k.mean_queue, k.arrivals / c.window_h() * k.mean_wait_h, tol * k.mean_queue) << "replication " << r;
  }
}

// A text network as the case's "net.txt".
inline NetworkFiles text_network(const std::string& text) { return {{"net.txt", text}}; }

// Little's law at the queue of a one-flow case, from the model's own figures: the time-average
// boxes in the system (ReplicationResult::mean_in_system) less those on the links (arrival rate
// x the fixed running time) is the time-average number at the queue, which must equal the
// arrival rate x the time a box spends there, `time_h` of the replication. Per replication,
// within `tol` (1 %: the window's edges make the two differ by a few boxes).
inline void expect_little(const Case& c, double running_h, const std::function<double(const ReplicationResult&)>& time_h,
                          double tol = 0.01) {
  for (std::size_t r = 0; r < c.reps.size(); ++r) {
    const ReplicationResult& res = c.reps[r];
    const double lambda_h = res.arrival_rate_per_day / 24;
    const double at_queue = res.mean_in_system - lambda_h * running_h;
    const double little = lambda_h * time_h(res);
    EXPECT_GT(little, 0.0) << "replication " << r;
    EXPECT_NEAR(at_queue, little, tol * little) << "replication " << r;
  }
}

// Little's law at the only gauge change's crane queue: the time-average boxes waiting over the
// window (the model's queue series; its buckets must fit the window) = arrival rate (boxes
// ready in the window, over the window) x the node's mean wait. Per replication, within 2 %.
inline void expect_little_at_crane(const Case& c) {
  const double dt = c.scenario.queue_sample_h;
  const auto b0 = static_cast<std::size_t>(c.scenario.warmup_days * 24 / dt);
  const auto b1 = static_cast<std::size_t>(c.scenario.horizon_days * 24 / dt);
  ASSERT_EQ(static_cast<double>(b0) * dt, c.scenario.warmup_days * 24);
  ASSERT_EQ(static_cast<double>(b1) * dt, c.scenario.horizon_days * 24);
  for (std::size_t r = 0; r < c.reps.size(); ++r) {
    const ReplicationResult& res = c.reps[r];
    double area = 0;
    for (std::size_t i = b0; i < b1; ++i) area += res.node_queue_mean.at(0).at(i);
    const double lq = area / static_cast<double>(b1 - b0);
    const double arrivals_h = res.flows.at(0).boxes / c.window_h();
    EXPECT_GT(lq, 0.0) << "replication " << r;
    EXPECT_NEAR(lq, arrivals_h * res.nodes.at(0).mean_wait_h, 0.02 * lq) << "replication " << r;
  }
}

}  // namespace landbridge::corridor::queueing
