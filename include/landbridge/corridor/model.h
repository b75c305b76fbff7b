// Container-level discrete-event model of a corridor scenario on the sim kernel: every box is
// generated per demand flow and follows its flow's static route (route::Planner), waiting for
// scheduled, sails-when-full or timetabled departures, train paths (line capacity),
// gauge-change cranes, border clearance and handling; closures hold boxes or re-route them.
// What is and isn't modelled: docs/corridor-simulation.md.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <stop_token>
#include <string>
#include <vector>

#include "landbridge/corridor/scenario.h"
#include "landbridge/model/network.h"
#include "landbridge/sim/replications.h"
#include "landbridge/timetable/service.h"

namespace landbridge::corridor {

// One delivered (or undelivered) box of a replication. Times in hours from the start.
struct BoxRecord {
  std::uint32_t id = 0;
  std::uint32_t flow = 0;
  double ready_h = 0;
  double delivered_h = -1;         // -1: not delivered by the end of the run
  double wait_departure_h = 0;     // waiting for a sailing / train / ferry
  double wait_crane_h = 0;         // queueing for a gauge-change crane
  double service_crane_h = 0;
  double border_h = 0;
  double handling_h = 0;
  double closure_h = 0;            // held by a closure
  double wait_path_h = 0;          // its train waiting for a path slot (line capacity)
  double dwell_h = 0;              // dwell operations applied ([[nodes]] apply_dwell)
  double wait_operation_h = 0;     // queueing for a server at an operation other than a gauge
                                   // change ([[operations]] servers > 0: border lanes, ...)
  std::uint32_t reroutes = 0;      // times it re-planned around a closure (on_closure = reroute)
  double running_h = 0;            // on links
  [[nodiscard]] double transit_h() const { return delivered_h - ready_h; }
};

struct FlowKpi {
  double boxes = 0, teu = 0, mean_h = 0, p50_h = 0, p95_h = 0, max_h = 0, on_time = 0;
  double undelivered = 0;
  double rerouted = 0;       // measured boxes that re-planned around a closure at least once
  // Measured boxes still in the system when the run ended (= undelivered): they are left out
  // of the transit KPIs above, which cover delivered boxes only.
  double in_system_at_end = 0;
};
// A resource of parallel servers: a gauge change's cranes, or an [[operations]] queue (border
// lanes, handling cranes, tracks). cranes: the nominal server count; utilisation: busy server
// time over the server time offered in the window (capacity cuts taken off). Units are boxes,
// or trains where the operation serves a train at once.
struct NodeKpi {
  double cranes = 0, utilisation = 0, max_queue = 0, mean_wait_h = 0, p95_wait_h = 0;
  double arrivals = 0;       // units that reached the queue in the window
  double mean_queue = 0;     // time-average units waiting (not in service) over the window
  double mean_service_h = 0; // mean service time of the window's units
  double queued_at_end = 0;  // units waiting when the run ended (not in mean_wait_h)
};
struct ServiceKpi {          // departures on one link
  double departures = 0, load_factor = 0, mean_wait_h = 0;
  double waiting_at_end = 0; // boxes still waiting for a departure when the run ended
};
struct LinkKpi {             // a rail link with a line capacity (trains_per_day)
  double trains_per_day = 0;
  double trains = 0;         // trains entering the link in the window
  double utilisation = 0;    // trains / (trains_per_day x window days)
  double mean_wait_h = 0;    // per train: wait for a path slot
  double p95_wait_h = 0;
};

// KPIs of one replication, measured over [warm-up, horizon) (boxes by ready time).
struct ReplicationResult {
  std::vector<FlowKpi> flows;
  std::vector<NodeKpi> nodes;
  std::vector<ServiceKpi> services;
  std::vector<LinkKpi> links;          // order of link_labels()
  double throughput_teu_per_day = 0;   // measured boxes' TEU delivered / window days
  double arrival_rate_per_day = 0;     // boxes ready in the window / window days
  double mean_in_system = 0;           // time-average boxes in the system over the window
  double mean_time_in_system_d = 0;    // mean transit of the window's boxes, days
  double in_system_at_end = 0;         // boxes (any ready time) not delivered when the run ended
  std::uint64_t events = 0;

  // Plot data (stable layout; drawn by the CLI / plots as histograms and time series).
  // flow_transit_h[f]: door-to-door hours of every measured (ready in the window) and
  // delivered box of flow f, in ready-time order; its size is flows[f].boxes - undelivered.
  std::vector<std::vector<float>> flow_transit_h;
  // Per gauge-change node (same order as `nodes` / node_labels()), the boxes waiting for a
  // crane (not yet being served) over the whole run [0, horizon + drain), in buckets of
  // Scenario::queue_sample_h hours: bucket i covers [i*dt, (i+1)*dt). Two views of the same
  // step function, because block trains arrive in bursts that a point sample every dt hours
  // would mostly miss: node_queue_mean[n][i] is the time-average over the bucket,
  // node_queue_max[n][i] the largest value reached in it.
  std::vector<std::vector<float>> node_queue_mean;
  std::vector<std::vector<float>> node_queue_max;
};

// A KPI across replications: group ("flow", "node", "service", "total"), key, metric name.
struct SummaryRow {
  std::string group, key, metric;
  sim::Estimate estimate;
};
struct Summary {
  std::size_t replications = 0;
  std::vector<SummaryRow> rows;
};

class CorridorModel {
 public:
  // Plans each flow's route (fastest, with the flow's avoid items) and resolves services,
  // cranes and closures. Throws ScenarioError naming the flow or item that does not resolve.
  // `services` (io::load_services of the same package) are needed where a mode's policy is
  // `timetable`: every link of that mode on a flow's route must be run by at least one service
  // (consecutive calls with the link's ends and carriage), else a ScenarioError names the
  // link and the flow. The network must outlive the model; the services are read here.
  CorridorModel(const Network& net, Scenario scenario, std::span<const timetable::Service> services = {});
  ~CorridorModel();
  CorridorModel(CorridorModel&&) noexcept;
  CorridorModel& operator=(CorridorModel&&) = delete;

  // Runs replication r (substream r of every random variable). Fills `records` if given.
  // With a `stop` token that can be requested, the run looks at it after every simulated day
  // and throws sim::Cancelled once it is; the results do not depend on whether it looks.
  [[nodiscard]] ReplicationResult run(std::size_t r, std::vector<BoxRecord>* records = nullptr,
                                      std::stop_token stop = {}) const;

  [[nodiscard]] const Scenario& scenario() const;
  [[nodiscard]] std::size_t flow_count() const;
  [[nodiscard]] std::string flow_label(std::size_t f) const;     // "JPHKT-DEDUI"
  [[nodiscard]] std::string flow_corridor(std::size_t f) const;  // the planner's label
  [[nodiscard]] double flow_planned_h(std::size_t f) const;      // static planned door-to-door
  [[nodiscard]] std::vector<std::string> node_labels() const;     // crane resources
  [[nodiscard]] std::vector<std::string> service_labels() const;  // link ids
  [[nodiscard]] std::vector<std::string> link_labels() const;     // rail links with a line capacity

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

// Runs `n` replications on `threads` threads (0 = all cores); identical whatever the count.
// `progress(done, n)` is called (from worker threads, serialised) after each replication.
// Requesting `stop` ends the running replications at their next simulated day and starts no
// more: the call then throws sim::Cancelled.
std::vector<ReplicationResult> run_replications(const CorridorModel& model, std::size_t n,
                                                unsigned threads,
                                                const std::function<void(std::size_t, std::size_t)>& progress = {},
                                                std::stop_token stop = {});

// 95 % confidence intervals across replications of every KPI.
Summary summarise(const CorridorModel& model, std::span<const ReplicationResult> reps);

std::string summary_table(const CorridorModel& model, const Summary& s);
std::string summary_json(const CorridorModel& model, const Summary& s);
std::string records_csv(const CorridorModel& model, std::span<const BoxRecord> records);

}  // namespace landbridge::corridor
