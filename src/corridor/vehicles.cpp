// The vehicles' story: boxes wait at a link's tail for a departure — a sailing or train on a
// schedule, a vessel that leaves when full (or when its oldest box has waited long enough),
// or a trip of the package's timetable — ride the leg, and go on with their next stage. A rail
// link with a line capacity hands each train the next free path slot.
#include <algorithm>
#include <cmath>

#include "run.h"

namespace landbridge::corridor::engine {

using sim::kHour;

// The first time at or after t when the service's tail node and link are both open.
double Run::reopen(ServiceIx s, double t) const {
  const ServicePlan& sp = m.services[s.v];
  double u = t;
  for (int k = 0; k < 8; ++k) {
    const double a = open_at(m.node_closed[sp.from_node.v], u);
    const double b = open_at(m.link_closed[sp.link.v], a);
    if (b == u) break;
    u = b;
  }
  return u;
}

sim::Process Run::timer(ServiceIx s, double at) {
  co_await sim.until(at);
  if (svc[s.v].timer_at == at) svc[s.v].timer_at = -1;
  try_dispatch(s);
}

void Run::arm(ServiceIx s, double at) {
  ServiceState& st = svc[s.v];
  if (st.timer_at >= 0 && st.timer_at <= at) return;  // an earlier timer re-checks anyway
  st.timer_at = at;
  sim.spawn(timer(s, at));
}

// A sails-when-full service: sends vehicles while one may leave (open, a vessel in port, and
// full or the oldest box's wait run out); otherwise arms a timer for when that changes.
void Run::try_dispatch(ServiceIx s) {
  ServiceState& st = svc[s.v];
  const ServicePolicy& p = m.services[s.v].policy;
  while (!st.queue.empty()) {
    const double now = sim.now();
    const double open = reopen(s, now);
    if (open > now) {
      arm(s, open);
      return;
    }
    if (p.fleet > 0 && st.vessels == 0) return;  // a returning vessel re-checks
    const bool full = st.queued_teu >= p.min_teu;
    const double due = st.queue.front().since.s + p.max_wait_h * kHour;
    if (!full && now < due) {
      arm(s, due);
      return;
    }
    if (!dispatch(s)) return;
  }
}

// Loads and sends one vehicle; false when nothing could be loaded.
bool Run::dispatch(ServiceIx s) {
  ServiceState& st = svc[s.v];
  const ServicePlan& sp = m.services[s.v];
  std::vector<std::uint32_t> load;
  double teu = 0;
  while (!st.queue.empty()) {
    const Waiting w = st.queue.front();
    const double t = boxes[w.box].teu;
    if (teu + t > sp.policy.capacity_teu) break;
    teu += t;
    st.queue.pop_front();
    const double wait = sim.now() - w.since.s;
    boxes[w.box].rec.wait_departure_h += wait / kHour;
    if (in_window(w.since.s)) {
      st.wait_sum += wait / kHour;
      st.wait_n += 1;
    }
    load.push_back(w.box);
  }
  st.queued_teu -= teu;
  if (in_window(sim.now())) {
    st.departures += 1;
    st.loaded_teu += teu;
    st.capacity_teu += sp.policy.capacity_teu;
  }
  if (load.empty()) return false;
  if (sp.policy.fleet > 0) {
    --st.vessels;
    sim.spawn(vessel_return(s));
  }
  vehicle_lead.push_back(box_unit(boxes[load.front()]));
  sim.spawn(voyage(s, std::move(load), ++vehicles));
  return true;
}

sim::Process Run::voyage(ServiceIx s, std::vector<std::uint32_t> load, std::uint64_t vehicle) {
  const ServicePlan& sp = m.services[s.v];
  if (sp.path.valid()) {
    const double t0 = sim.now(), at = slot(sp.path, vehicle);
    if (at > t0) {
      co_await sim.until(at);
      for (std::uint32_t b : load) boxes[b].rec.wait_path_h += (at - t0) / kHour;
    }
  }
  co_await sim.timeout(sp.travel.seconds());
  for (std::uint32_t b : load) {
    boxes[b].rec.running_h += sp.travel.in_hours();
    boxes[b].vehicle = vehicle;
    ++boxes[b].stage;
    sim.spawn(box_process(b));
  }
}

sim::Process Run::vessel_return(ServiceIx s) {
  co_await sim.timeout(2 * m.services[s.v].travel.seconds());
  ++svc[s.v].vessels;
  try_dispatch(s);
}

// The path slot of `vehicle` on path p: the first one a train of it asked for, else the
// earliest free slot from now (requests come in time order, so the taken slots from now on
// are contiguous and the next free one follows the latest taken).
double Run::slot(PathIx p, std::uint64_t vehicle) {
  const PathPlan& pp = m.paths[p.v];
  const std::uint64_t key = (vehicle << 24) | pp.link.v;
  auto it = path_slot.find(key);
  if (it != path_slot.end()) return it->second;
  PathState& ps = path[p.v];
  const double now = sim.now(), spacing = pp.spacing.seconds();
  const double t = std::max(std::ceil(now / spacing) * spacing, ps.last + spacing);
  ps.last = t;
  if (in_window(now)) {
    ps.trains += 1;
    ps.wait_sum += (t - now) / kHour;
    ps.waits.push_back((t - now) / kHour);
  }
  path_slot.emplace(key, t);
  return t;
}

void Run::alight(std::uint32_t id) {
  Box& b = boxes[id];
  if (b.trip != kNoTrip) onboard[b.trip] -= b.teu;
  b.trip = kNoTrip;
  b.cont = -1;
}

// A box reaches the head of a timetabled leg on `trip`: it stays on board when its next
// leg (past any border stage) is a departure of the same trip, else it gets off.
void Run::arrive(std::uint32_t id, std::uint32_t trip) {
  Box& b = boxes[id];
  b.vehicle = kTripVehicle + trip;
  b.trip = trip;
  b.cont = -1;
  ++b.stage;
  const auto& stages = m.plans[b.plan].stages;
  std::size_t j = b.stage;
  while (j < stages.size() && stages[j].kind == StageKind::border) ++j;
  if (j < stages.size() && stages[j].kind == StageKind::depart) {
    const ServicePlan& sp = m.services[stages[j].service.v];
    if (sp.policy.kind == ServicePolicy::Kind::timetable) {
      auto it = sp.dep_of_trip.find(trip);
      if (it != sp.dep_of_trip.end()) b.cont = static_cast<std::int32_t>(it->second);
    }
  }
  if (b.cont < 0) alight(id);
}

// Runs the departures of a timetabled link: at each, boards waiting boxes (FIFO, those
// there by the cut-off) while the trip has room on this leg.
sim::Process Run::timetabled(ServiceIx s) {
  const ServicePlan& sp = m.services[s.v];
  ServiceState& st = svc[s.v];
  for (const Departure& d : sp.deps) {
    co_await sim.until(d.dep.s);
    if (reopen(s, d.dep.s) > d.dep.s) continue;  // held by a closure: cancelled
    std::vector<std::uint32_t> load;
    while (!st.queue.empty()) {
      const Waiting w = st.queue.front();
      const double t = boxes[w.box].teu;
      if (w.since.s > d.dep.s - d.cutoff.s || onboard[d.trip] + t > d.capacity_teu) break;
      st.queue.pop_front();
      st.queued_teu -= t;
      onboard[d.trip] += t;
      const double wait = sim.now() - w.since.s;
      boxes[w.box].rec.wait_departure_h += wait / kHour;
      if (in_window(w.since.s)) {
        st.wait_sum += wait / kHour;
        st.wait_n += 1;
      }
      boxes[w.box].trip = d.trip;
      load.push_back(w.box);
    }
    if (in_window(sim.now())) {
      st.departures += 1;
      st.loaded_teu += onboard[d.trip];
      st.capacity_teu += d.capacity_teu;
    }
    if (!load.empty()) sim.spawn(ride(d, std::move(load)));
  }
}

sim::Process Run::ride(const Departure& d, std::vector<std::uint32_t> load) {
  co_await sim.until(d.arr.s);
  for (std::uint32_t b : load) {
    boxes[b].rec.running_h += (d.arr.s - d.dep.s) / kHour;
    arrive(b, d.trip);
    sim.spawn(box_process(b));
  }
}

// A scheduled service: a departure every headway from the offset, cancelled while closed.
sim::Process Run::scheduled(ServiceIx s) {
  const ServicePolicy& p = m.services[s.v].policy;
  for (double t = p.offset_h * kHour; t < end; t += p.headway_h * kHour) {
    co_await sim.until(t);
    if (reopen(s, t) > t) continue;  // sailing cancelled
    (void)dispatch(s);
  }
}

}  // namespace landbridge::corridor::engine
