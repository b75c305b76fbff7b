// Running one replication to its end and measuring it: per-flow transit times, crane
// utilisation and waits with the queue's time series, service load factors and waits, line
// capacity use, and the totals (throughput, boxes in the system, Little's law terms).
#include <algorithm>
#include <cmath>

#include "run.h"

namespace landbridge::corridor::engine {

using sim::kDay;
using sim::kHour;

double open_at(const Intervals& iv, double t) {
  bool moved = true;
  while (moved) {
    moved = false;
    for (const auto& [a, b] : iv) {
      if (t >= a && t < b) {
        t = b;
        moved = true;
      }
    }
  }
  return t;
}

double percentile(std::vector<double>& xs, double p) {
  if (xs.empty()) return 0;
  std::sort(xs.begin(), xs.end());
  const auto k = static_cast<std::size_t>(std::ceil(p * static_cast<double>(xs.size())));
  return xs[std::min(xs.size() - 1, k == 0 ? 0 : k - 1)];
}

void QueueTrace::init(double bucket_s, double end_s) {
  dt = bucket_s;
  const auto n = static_cast<std::size_t>(std::ceil(end_s / bucket_s));
  area.assign(std::max<std::size_t>(n, 1), 0.0);
  max.assign(area.size(), 0.0F);
}

void QueueTrace::advance(double t) {
  if (!(t > last_t)) return;
  for (std::size_t i = bucket(last_t);; ++i) {
    const double b_end = i + 1 == area.size() ? t : std::min(t, static_cast<double>(i + 1) * dt);
    if (b_end > last_t) {
      area[i] += q * (b_end - last_t);
      max[i] = std::max(max[i], static_cast<float>(q));
      last_t = b_end;
    }
    if (last_t >= t) break;
  }
}

void QueueTrace::change(double t, double delta) {
  advance(t);
  q += delta;
  const std::size_t i = bucket(t);
  max[i] = std::max(max[i], static_cast<float>(q));
}

std::vector<float> QueueTrace::means(double end_s) const {
  std::vector<float> out(area.size());
  for (std::size_t i = 0; i < area.size(); ++i) {
    const double a = static_cast<double>(i) * dt, b = std::min(end_s, a + dt);
    out[i] = b > a ? static_cast<float>(area[i] / (b - a)) : 0.0F;
  }
  return out;
}

// Crane-seconds the node offers in [a, b): its cranes, less what the cuts take away.
double Run::crane_seconds(CraneIx c, double a, double b) const {
  const CranePlan& cp = m.cranes[c.v];
  double s = cp.cranes * (b - a);
  for (const CraneCut& cut : cp.cuts) {
    const double overlap = std::max(0.0, std::min(b, cut.to.s) - std::max(a, cut.from.s));
    s -= (cp.cranes - cut.cranes) * overlap;
  }
  return s;
}

ReplicationResult Run::go(std::vector<BoxRecord>* records, const std::stop_token& stop) {
  for (std::uint32_t f = 0; f < m.flows.size(); ++f) sim.spawn(generator(FlowIx(f)));
  for (std::uint32_t c = 0; c < m.cranes.size(); ++c)
    for (const CraneCut& cut : m.cranes[c].cuts) sim.spawn(crane_cut(CraneIx(c), cut));
  for (std::uint32_t s = 0; s < m.services.size(); ++s) {
    if (m.services[s].policy.kind == ServicePolicy::Kind::schedule) sim.spawn(scheduled(ServiceIx(s)));
    if (m.services[s].policy.kind == ServicePolicy::Kind::timetable) sim.spawn(timetabled(ServiceIx(s)));
  }
  if (stop.stop_possible()) {
    // A day at a time, looking at the token in between: the same events in the same order.
    for (double t = kDay; t < end; t += kDay) {
      sim.run_until(t);
      if (stop.stop_requested()) throw sim::Cancelled();
    }
  }
  sim.run_until(end);
  level(0);
  return measure(records);
}

ReplicationResult Run::measure(std::vector<BoxRecord>* records) {
  ReplicationResult r;
  const double window_d = (w1 - w0) / kDay;
  std::vector<std::vector<double>> transit(m.flows.size());
  r.flows.resize(m.flows.size());
  r.flow_transit_h.resize(m.flows.size());
  double delivered_teu = 0, n_measured = 0, sum_transit_d = 0, n_delivered = 0;
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    const Box& b = boxes[i];
    const double ready = b.rec.ready_h * kHour;
    if (!in_window(ready)) continue;
    FlowKpi& fk = r.flows[b.flow.v];
    n_measured += 1;
    fk.boxes += 1;
    fk.teu += b.teu;
    if (b.rec.reroutes > 0) fk.rerouted += 1;
    if (b.rec.delivered_h < 0) {
      fk.undelivered += 1;
      fk.in_system_at_end += 1;
      continue;
    }
    transit[b.flow.v].push_back(b.rec.transit_h());
    r.flow_transit_h[b.flow.v].push_back(static_cast<float>(b.rec.transit_h()));
    delivered_teu += b.teu;
    sum_transit_d += b.rec.transit_h() / 24.0;
    n_delivered += 1;
  }
  for (std::size_t f = 0; f < m.flows.size(); ++f) {
    auto& xs = transit[f];
    FlowKpi& fk = r.flows[f];
    if (xs.empty()) continue;
    double sum = 0, on = 0;
    for (double x : xs) {
      sum += x;
      if (x <= m.flows[f].planned_h + m.sc.on_time_tolerance_h) on += 1;
    }
    const auto n = static_cast<double>(xs.size());
    fk.mean_h = sum / n;
    fk.on_time = on / n;
    fk.p50_h = percentile(xs, 0.5);
    fk.p95_h = percentile(xs, 0.95);
    fk.max_h = xs.back();
  }
  for (std::size_t c = 0; c < crane.size(); ++c) {
    NodeKpi k;
    k.cranes = m.cranes[c].cranes;
    k.utilisation = crane[c].busy / crane_seconds(CraneIx::from(c), w0, w1);
    k.max_queue = crane[c].max_queue;
    auto& ws = crane[c].waits;
    double sum = 0;
    for (double w : ws) sum += w;
    k.mean_wait_h = ws.empty() ? 0 : sum / static_cast<double>(ws.size());
    k.p95_wait_h = percentile(ws, 0.95);
    k.arrivals = crane[c].arrivals;
    crane[c].change(end, 0, w0, w1);
    k.mean_queue = crane[c].area / (w1 - w0);
    k.mean_service_h = crane[c].served > 0 ? crane[c].served_h / crane[c].served : 0;
    k.queued_at_end = static_cast<double>(crane[c].res->queue_length());
    r.nodes.push_back(k);
    crane[c].trace.advance(end);
    r.node_queue_mean.push_back(crane[c].trace.means(end));
    r.node_queue_max.push_back(std::move(crane[c].trace.max));
  }
  for (std::size_t s = 0; s < svc.size(); ++s) {
    ServiceKpi k;
    k.departures = svc[s].departures;
    k.load_factor = svc[s].departures > 0 ? svc[s].loaded_teu / svc[s].capacity_teu : 0;
    k.mean_wait_h = svc[s].wait_n > 0 ? svc[s].wait_sum / svc[s].wait_n : 0;
    k.waiting_at_end = static_cast<double>(svc[s].queue.size());
    r.services.push_back(k);
  }
  for (std::size_t p = 0; p < path.size(); ++p) {
    LinkKpi k;
    k.trains_per_day = m.paths[p].trains_per_day;
    k.trains = path[p].trains;
    k.utilisation = k.trains / (k.trains_per_day * window_d);
    k.mean_wait_h = k.trains > 0 ? path[p].wait_sum / k.trains : 0;
    k.p95_wait_h = percentile(path[p].waits, 0.95);
    r.links.push_back(k);
  }
  r.throughput_teu_per_day = delivered_teu / window_d;
  r.arrival_rate_per_day = n_measured / window_d;
  r.mean_in_system = area / (w1 - w0);
  r.mean_time_in_system_d = n_delivered > 0 ? sum_transit_d / n_delivered : 0;
  r.events = sim.events();
  r.in_system_at_end = in_system;
  if (records != nullptr) {
    records->clear();
    records->reserve(boxes.size());
    for (std::size_t i = 0; i < boxes.size(); ++i) records->push_back(boxes[i].rec);
  }
  return r;
}

}  // namespace landbridge::corridor::engine
