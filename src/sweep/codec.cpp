// Until corridor/serial.h: the KPI part of a ReplicationResult (what summarise reads) as CBOR.
#include "codec.h"

#include <nlohmann/json.hpp>

namespace landbridge::sweep::detail {

std::string encode_result(const corridor::ReplicationResult& r) {
  nlohmann::json j;
  nlohmann::json flows = nlohmann::json::array(), nodes = nlohmann::json::array(), svcs = nlohmann::json::array(),
                 links = nlohmann::json::array();
  for (const auto& f : r.flows)
    flows.push_back({f.boxes, f.teu, f.mean_h, f.p50_h, f.p95_h, f.max_h, f.on_time, f.undelivered, f.rerouted, f.in_system_at_end});
  for (const auto& n : r.nodes)
    nodes.push_back({n.cranes, n.utilisation, n.max_queue, n.mean_wait_h, n.p95_wait_h, n.arrivals, n.mean_queue, n.mean_service_h, n.queued_at_end});
  for (const auto& s : r.services) svcs.push_back({s.departures, s.load_factor, s.mean_wait_h, s.waiting_at_end});
  for (const auto& l : r.links) links.push_back({l.trains_per_day, l.trains, l.utilisation, l.mean_wait_h, l.p95_wait_h});
  j["f"] = std::move(flows);
  j["n"] = std::move(nodes);
  j["s"] = std::move(svcs);
  j["l"] = std::move(links);
  j["t"] = {r.throughput_teu_per_day, r.arrival_rate_per_day, r.mean_in_system, r.mean_time_in_system_d, r.in_system_at_end};
  j["e"] = r.events;
  const std::vector<std::uint8_t> b = nlohmann::json::to_cbor(j);
  return {b.begin(), b.end()};
}

corridor::ReplicationResult decode_result(const std::string& bytes) {
  const nlohmann::json j = nlohmann::json::from_cbor(bytes);
  corridor::ReplicationResult r;
  for (const auto& a : j.at("f"))
    r.flows.push_back({a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], a[9]});
  for (const auto& a : j.at("n")) r.nodes.push_back({a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8]});
  for (const auto& a : j.at("s")) r.services.push_back({a[0], a[1], a[2], a[3]});
  for (const auto& a : j.at("l")) r.links.push_back({a[0], a[1], a[2], a[3], a[4]});
  const auto& t = j.at("t");
  r.throughput_teu_per_day = t[0];
  r.arrival_rate_per_day = t[1];
  r.mean_in_system = t[2];
  r.mean_time_in_system_d = t[3];
  r.in_system_at_end = t[4];
  r.events = j.at("e");
  return r;
}

}  // namespace landbridge::sweep::detail
