// Aggregation across replications and the text / JSON / CSV renderings.
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>

#include "landbridge/corridor/model.h"

namespace landbridge::corridor {

Summary summarise(const CorridorModel& model, std::span<const ReplicationResult> reps) {
  Summary s;
  s.replications = reps.size();
  std::vector<double> xs(reps.size());
  auto add = [&](const std::string& group, const std::string& key, const std::string& metric, auto get) {
    for (std::size_t r = 0; r < reps.size(); ++r) xs[r] = get(reps[r]);
    s.rows.push_back({group, key, metric, sim::confidence_interval(xs, 0.95)});
  };
  for (std::size_t f = 0; f < model.flow_count(); ++f) {
    const std::string k = model.flow_label(f);
    add("flow", k, "boxes", [f](const ReplicationResult& r) { return r.flows[f].boxes; });
    add("flow", k, "mean_h", [f](const ReplicationResult& r) { return r.flows[f].mean_h; });
    add("flow", k, "p50_h", [f](const ReplicationResult& r) { return r.flows[f].p50_h; });
    add("flow", k, "p95_h", [f](const ReplicationResult& r) { return r.flows[f].p95_h; });
    add("flow", k, "max_h", [f](const ReplicationResult& r) { return r.flows[f].max_h; });
    add("flow", k, "on_time", [f](const ReplicationResult& r) { return r.flows[f].on_time; });
    add("flow", k, "undelivered", [f](const ReplicationResult& r) { return r.flows[f].undelivered; });
    add("flow", k, "rerouted", [f](const ReplicationResult& r) { return r.flows[f].rerouted; });
    add("flow", k, "in_system_at_end", [f](const ReplicationResult& r) { return r.flows[f].in_system_at_end; });
  }
  const auto nodes = model.node_labels();
  for (std::size_t n = 0; n < nodes.size(); ++n) {
    add("node", nodes[n], "cranes", [n](const ReplicationResult& r) { return r.nodes[n].cranes; });
    add("node", nodes[n], "utilisation", [n](const ReplicationResult& r) { return r.nodes[n].utilisation; });
    add("node", nodes[n], "max_queue", [n](const ReplicationResult& r) { return r.nodes[n].max_queue; });
    add("node", nodes[n], "mean_wait_h", [n](const ReplicationResult& r) { return r.nodes[n].mean_wait_h; });
    add("node", nodes[n], "p95_wait_h", [n](const ReplicationResult& r) { return r.nodes[n].p95_wait_h; });
    add("node", nodes[n], "arrivals", [n](const ReplicationResult& r) { return r.nodes[n].arrivals; });
    add("node", nodes[n], "mean_queue", [n](const ReplicationResult& r) { return r.nodes[n].mean_queue; });
    add("node", nodes[n], "mean_service_h", [n](const ReplicationResult& r) { return r.nodes[n].mean_service_h; });
    add("node", nodes[n], "queued_at_end", [n](const ReplicationResult& r) { return r.nodes[n].queued_at_end; });
  }
  const auto svcs = model.service_labels();
  for (std::size_t v = 0; v < svcs.size(); ++v) {
    add("service", svcs[v], "departures", [v](const ReplicationResult& r) { return r.services[v].departures; });
    add("service", svcs[v], "load_factor", [v](const ReplicationResult& r) { return r.services[v].load_factor; });
    add("service", svcs[v], "mean_wait_h", [v](const ReplicationResult& r) { return r.services[v].mean_wait_h; });
    add("service", svcs[v], "waiting_at_end", [v](const ReplicationResult& r) { return r.services[v].waiting_at_end; });
  }
  const auto links = model.link_labels();
  for (std::size_t l = 0; l < links.size(); ++l) {
    add("link", links[l], "trains_per_day", [l](const ReplicationResult& r) { return r.links[l].trains_per_day; });
    add("link", links[l], "trains", [l](const ReplicationResult& r) { return r.links[l].trains; });
    add("link", links[l], "utilisation", [l](const ReplicationResult& r) { return r.links[l].utilisation; });
    add("link", links[l], "mean_path_wait_h", [l](const ReplicationResult& r) { return r.links[l].mean_wait_h; });
    add("link", links[l], "p95_path_wait_h", [l](const ReplicationResult& r) { return r.links[l].p95_wait_h; });
  }
  add("total", "all", "throughput_teu_per_day", [](const ReplicationResult& r) { return r.throughput_teu_per_day; });
  add("total", "all", "arrival_rate_per_day", [](const ReplicationResult& r) { return r.arrival_rate_per_day; });
  add("total", "all", "mean_in_system", [](const ReplicationResult& r) { return r.mean_in_system; });
  add("total", "all", "mean_time_in_system_d", [](const ReplicationResult& r) { return r.mean_time_in_system_d; });
  add("total", "all", "in_system_at_end", [](const ReplicationResult& r) { return r.in_system_at_end; });
  return s;
}

std::string summary_table(const CorridorModel& model, const Summary& s) {
  std::ostringstream os;
  os << "Scenario " << model.scenario().name << " · " << s.replications
     << " replications · 95 % confidence intervals\n";
  for (std::size_t f = 0; f < model.flow_count(); ++f) {
    char buf[160];
    std::snprintf(buf, sizeof buf, "flow %s: %s, planned %.1f h\n", model.flow_label(f).c_str(),
                  model.flow_corridor(f).c_str(), model.flow_planned_h(f));
    os << buf;
  }
  os << "group    key                    metric                          mean    ± half-width\n";
  for (const SummaryRow& r : s.rows) {
    char buf[200];
    std::snprintf(buf, sizeof buf, "%-8s %-22s %-24s %14.3f %14.3f\n", r.group.c_str(), r.key.c_str(),
                  r.metric.c_str(), r.estimate.mean, std::isfinite(r.estimate.half_width) ? r.estimate.half_width : 0.0);
    os << buf;
  }
  return os.str();
}

std::string summary_json(const CorridorModel& model, const Summary& s) {
  nlohmann::ordered_json j;
  j["scenario"] = model.scenario().name;
  j["replications"] = s.replications;
  j["seed"] = model.scenario().seed;
  j["confidence"] = 0.95;
  auto flows = nlohmann::ordered_json::array();
  for (std::size_t f = 0; f < model.flow_count(); ++f) {
    flows.push_back({{"flow", model.flow_label(f)}, {"corridor", model.flow_corridor(f)},
                     {"planned_h", model.flow_planned_h(f)}});
  }
  j["flows"] = flows;
  auto rows = nlohmann::ordered_json::array();
  for (const SummaryRow& r : s.rows) {
    const double hw = std::isfinite(r.estimate.half_width) ? r.estimate.half_width : 0.0;
    rows.push_back({{"group", r.group}, {"key", r.key}, {"metric", r.metric}, {"mean", r.estimate.mean},
                    {"half_width", hw}, {"stddev", std::isfinite(r.estimate.stddev) ? r.estimate.stddev : 0.0}});
  }
  j["kpis"] = rows;
  return j.dump(2) + "\n";
}

std::string records_csv(const CorridorModel& model, std::span<const BoxRecord> records) {
  std::ostringstream os;
  os << "id,flow,ready_h,delivered_h,transit_h,wait_departure_h,wait_crane_h,service_crane_h,border_h,"
        "handling_h,closure_h,running_h,wait_path_h,reroutes,dwell_h,wait_operation_h\n";
  char buf[320];
  for (const BoxRecord& b : records) {
    char done[64] = ",";  // delivered_h,transit_h: empty when not delivered
    if (b.delivered_h >= 0) std::snprintf(done, sizeof done, "%.3f,%.3f", b.delivered_h, b.transit_h());
    std::snprintf(buf, sizeof buf, "%u,%s,%.3f,%s,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%u,%.3f,%.3f\n", b.id,
                  model.flow_label(b.flow).c_str(), b.ready_h, done, b.wait_departure_h, b.wait_crane_h,
                  b.service_crane_h, b.border_h, b.handling_h, b.closure_h, b.running_h, b.wait_path_h, b.reroutes, b.dwell_h,
                  b.wait_operation_h);
    os << buf;
  }
  return os.str();
}

}  // namespace landbridge::corridor
