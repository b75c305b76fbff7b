// A box's story: it becomes ready at its origin (its flow's generator), then works through
// its route's stages — handling, a gauge-change crane, border clearance, dwell, driving a
// link, or waiting for a departure (vehicles.cpp carries it on) — until it is delivered.
#include <algorithm>
#include <bit>
#include <cmath>

#include "run.h"
#include "landbridge/sim/distributions.h"

namespace landbridge::corridor::engine {

using sim::kDay;
using sim::kHour;

Run::Run(const CorridorModel::Impl& model, std::size_t r)
    : m(model), rep(r), seed(sim::seed_from(model.sc.seed)) {
  w0 = m.sc.warmup_days * kDay;
  w1 = m.sc.horizon_days * kDay;
  end = w1 + m.sc.drain_days * kDay;
  svc.resize(m.services.size());
  onboard.assign(m.trips, 0.0);
  path.resize(m.paths.size());
  for (std::size_t i = 0; i < svc.size(); ++i) svc[i].vessels = m.services[i].policy.fleet;
  crane.resize(m.cranes.size());
  for (std::size_t i = 0; i < crane.size(); ++i) {
    crane[i].res = std::make_unique<sim::Resource>(sim, static_cast<std::uint32_t>(m.cranes[i].cranes));
    crane[i].trace.init(m.sc.queue_sample_h * kHour, end);
  }
  flow_boxes.assign(m.flows.size(), 0);
  vehicle_lead.push_back(0);  // vehicle 0: none
}

void Run::level(double delta) {
  const double t = sim.now();
  const double a = std::max(last_t, w0), b = std::min(t, w1);
  if (b > a) area += in_system * (b - a);
  last_t = t;
  in_system += delta;
}

// Stream names: kind of draw, then its words. Arrivals keep their numbered streams (1 + flow).
constexpr std::uint64_t kServiceDraw = 0x5345525649434500ULL;  // "SERVICE"
constexpr std::uint64_t kTripUnit = 1ULL << 63;                  // a timetabled trip as a unit

std::uint64_t Run::vehicle_unit(std::uint64_t vehicle) const {
  if (vehicle >= kTripVehicle && vehicle - kTripVehicle < m.trips) return kTripUnit | (vehicle - kTripVehicle);
  return vehicle_lead[vehicle];
}

double Run::draw_h(const OpPlan& op, std::uint64_t unit) {
  if (!op.draw.random()) return op.draw.fixed_h();
  sim::RandomStream rs = sim::RandomStream::named(seed, rep, {kServiceDraw, op.op.v, unit});
  return op.draw(rs);
}

// Where a node operation's time goes in the box's record.
void Run::record_operation(Box& b, StageKind kind, double wait_h, double service_h) {
  switch (kind) {
    case StageKind::crane:
      b.rec.wait_crane_h += wait_h;
      b.rec.service_crane_h += service_h;
      return;
    case StageKind::handling:
      b.rec.handling_h += service_h;
      break;
    case StageKind::border:
      b.rec.border_h += service_h;
      break;
    default:
      b.rec.dwell_h += service_h;
      break;
  }
  b.rec.wait_operation_h += wait_h;
}

// Boxes of flow f become ready (runs to the horizon):
// - poisson: a Poisson stream of boxes;
// - uniform: each week's volume (the fraction carried to the next) at uniform times in it;
// - batch:N: N boxes at once, the batches a Poisson stream at the flow's volume;
// - weekly:DAYS: the week's volume split evenly over the days, ready at 00:00 (a day's
//   fraction carried to the next ready day);
// - bookings: each booked batch at its ready time.
sim::Process Run::generator(FlowIx f) {
  const FlowSpec& spec = m.flows[f.v].spec;
  sim::RandomStream rs(1 + f.v, rep, seed);
  const double per_week = spec.teu_per_week / spec.teu_per_box;
  switch (spec.pattern) {
    case ReadyPattern::poisson: {
      const sim::Exponential gap(sim::kWeek / per_week);
      for (double t = gap(rs); t < w1; t += gap(rs)) {
        co_await sim.until(t);
        new_box(f);
      }
      break;
    }
    case ReadyPattern::batch: {
      const sim::Exponential gap(sim::kWeek * spec.batch / per_week);
      for (double t = gap(rs); t < w1; t += gap(rs)) {
        co_await sim.until(t);
        for (int i = 0; i < spec.batch; ++i) new_box(f);
      }
      break;
    }
    case ReadyPattern::weekly: {
      const int days = std::popcount(static_cast<unsigned>(spec.weekdays));
      if (days == 0) break;  // no ready day (a spec built in code; the reader refuses it)
      const double per_day = per_week / days;
      double carry = 0;
      for (double d = 0; d * kDay < w1; d += 1) {
        const int weekday = (m.start_weekday + static_cast<int>(d)) % 7;
        if ((spec.weekdays & (1U << static_cast<unsigned>(weekday))) == 0) continue;
        const double n = per_day + carry;
        const auto k = static_cast<std::size_t>(std::floor(n + 1e-9));
        carry = n - static_cast<double>(k);
        if (k == 0) continue;
        co_await sim.until(d * kDay);
        for (std::size_t i = 0; i < k; ++i) new_box(f);
      }
      break;
    }
    case ReadyPattern::bookings: {
      for (const BookedBatch& b : spec.booked) {  // sorted by ready time
        const double t = b.ready_h * kHour;
        if (t >= w1) break;
        co_await sim.until(t);
        for (int i = 0; i < b.boxes; ++i) new_box(f);
      }
      break;
    }
    case ReadyPattern::uniform: {
      double carry = 0;
      std::vector<double> times;
      for (double w = 0; w < w1; w += sim::kWeek) {
        const double n = per_week + carry;
        const auto k = static_cast<std::size_t>(std::floor(n));
        carry = n - static_cast<double>(k);
        times.clear();
        for (std::size_t i = 0; i < k; ++i) times.push_back(w + rs.u01() * sim::kWeek);
        std::sort(times.begin(), times.end());
        for (double t : times) {
          if (t >= w1) break;
          co_await sim.until(t);
          new_box(f);
        }
      }
      break;
    }
  }
}

void Run::new_box(FlowIx f) {
  Box b;
  b.flow = f;
  b.index = flow_boxes[f.v]++;
  b.plan = f.v;
  b.teu = m.flows[f.v].spec.teu_per_box;
  b.rec.id = static_cast<std::uint32_t>(boxes.size());
  b.rec.flow = f.v;
  b.rec.ready_h = sim.now() / kHour;
  boxes.push_back(b);
  level(+1);
  sim.spawn(box_process(b.rec.id));
}

sim::Process Run::box_process(std::uint32_t id) {
  while (boxes[id].stage < m.plans[boxes[id].plan].stages.size()) {
    const Stage& st = m.plans[boxes[id].plan].stages[boxes[id].stage];
    const double t0 = sim.now();
    if (!m.reroute.empty()) {
      const std::int32_t c = m.closed_set_at(t0);
      if (c >= 0) {
        const auto it = m.reroute.find(CorridorModel::Impl::reroute_key(boxes[id].plan, boxes[id].stage, c));
        if (it != m.reroute.end()) {  // a closed node ahead: take the route around it
          alight(id);
          boxes[id].plan = it->second;
          boxes[id].stage = 0;
          boxes[id].rec.reroutes += 1;
          continue;
        }
      }
    }
    const double open = open_at(m.node_closed[st.node.v], t0);
    if (open > t0) {
      co_await sim.until(open);
      boxes[id].rec.closure_h += (open - t0) / kHour;
    }
    switch (st.kind) {
      case StageKind::handling:
      case StageKind::crane:
      case StageKind::border:
      case StageKind::dwell: {
        const bool stop_of_train = st.kind == StageKind::border || st.kind == StageKind::dwell;
        if (stop_of_train && boxes[id].cont >= 0) break;  // staying on a timetabled train: in its stop
        const OpPlan& op = m.ops[st.opx.v];
        const std::uint64_t v = boxes[id].vehicle;
        const bool as_train = op.per_train && v != 0;
        const std::uint64_t key = (v << 24) ^ st.opx.v;
        double wait = 0, h = 0;
        if (!op.server.valid()) {
          // A pure delay: one draw per box, or per vehicle (the whole train cleared together).
          if (as_train) {
            auto it = train_draw.find(key);
            if (it == train_draw.end()) it = train_draw.emplace(key, draw_h(op, vehicle_unit(v))).first;
            h = it->second;
          } else {
            h = draw_h(op, box_unit(boxes[id]));
          }
          co_await sim.timeout(h * kHour);
          record_operation(boxes[id], st.kind, 0, h);
          break;
        }
        // A queue. Per train: the train's first box to arrive queues for the whole train;
        // boxes of the train that arrive before its service ends go with it, and one that
        // arrives after it (the boxes of a train trickle out of a per-box gauge change) passes
        // at once: its train has been cleared.
        TrainService* group = nullptr;
        if (as_train) {
          auto it = train_service_of.find(key);
          if (it != train_service_of.end()) {
            TrainService& g = train_services[it->second];
            if (g.done->triggered()) break;  // its train is cleared already: it passes
            const double t_join = sim.now();
            co_await *g.done;
            const double spent = (sim.now() - t_join) / kHour;  // with the train from here on
            record_operation(boxes[id], st.kind, std::max(0.0, spent - g.service_h), std::min(spent, g.service_h));
            break;
          }
          train_services.push_back({sim.now(), std::make_unique<sim::Event>(sim), 0, 0});
          train_service_of[key] = train_services.size() - 1;
          group = &train_services.back();
        }
        CraneState& c = crane[op.server.v];
        const bool busy = c.res->in_use() >= c.res->capacity();
        const double q = static_cast<double>(c.res->queue_length()) + (busy ? 1.0 : 0.0);
        const double tq = sim.now();
        if (in_window(tq)) {
          c.max_queue = std::max(c.max_queue, q);
          c.arrivals += 1;
        }
        const bool queues = busy || c.res->queue_length() > 0;
        if (queues) c.change(tq, +1, w0, w1);
        auto guard = co_await c.res->request(op.priority ? m.flows[boxes[id].flow.v].spec.klass : 0);
        if (queues) c.change(sim.now(), -1, w0, w1);
        wait = (sim.now() - tq) / kHour;
        h = draw_h(op, as_train ? vehicle_unit(v) : box_unit(boxes[id]));
        const double s0 = sim.now(), s1 = s0 + h * kHour;
        c.busy += std::max(0.0, std::min(s1, w1) - std::max(s0, w0));
        if (in_window(tq)) {
          c.waits.push_back(wait);
          c.served_h += h;
          c.served += 1;
        }
        co_await sim.timeout(h * kHour);
        guard.release();
        if (group != nullptr) {
          group->wait_h = wait;
          group->service_h = h;
          group->done->succeed();
        }
        record_operation(boxes[id], st.kind, wait, h);
        break;
      }
      case StageKind::run: {
        const double t1 = sim.now();
        const double lo = open_at(m.link_closed[st.link.v], t1);
        if (lo > t1) {
          co_await sim.until(lo);
          boxes[id].rec.closure_h += (lo - t1) / kHour;
        }
        if (st.path.valid()) {
          const std::uint64_t v = boxes[id].vehicle != 0 ? boxes[id].vehicle : (1ULL << 39) + id;
          const double t2 = sim.now(), at = slot(st.path, v);
          if (at > t2) {
            co_await sim.until(at);
            boxes[id].rec.wait_path_h += (at - t2) / kHour;
          }
        }
        co_await sim.timeout(st.travel.seconds());
        boxes[id].rec.running_h += st.travel.in_hours();
        break;
      }
      case StageKind::depart: {
        const ServicePlan& sp = m.services[st.service.v];
        if (sp.policy.kind == ServicePolicy::Kind::timetable && boxes[id].cont >= 0) {
          const Departure& d = sp.deps[static_cast<std::size_t>(boxes[id].cont)];
          if (sim.now() <= d.dep.s && reopen(st.service, d.dep.s) == d.dep.s) {
            const double t1 = sim.now();  // on board through the call's dwell and the leg
            co_await sim.until(d.arr.s);
            boxes[id].rec.running_h += (d.arr.s - t1) / kHour;
            arrive(id, d.trip);
            continue;
          }
          alight(id);  // the train was held or cancelled: wait for the next departure
        }
        ServiceState& s = svc[st.service.v];
        s.queue.push_back({id, SimTime(sim.now())});
        s.queued_teu += boxes[id].teu;
        if (sp.policy.kind == ServicePolicy::Kind::when_full) try_dispatch(st.service);
        co_return;  // the voyage resumes the box at the next stage
      }
    }
    ++boxes[id].stage;
  }
  boxes[id].rec.delivered_h = sim.now() / kHour;
  level(-1);
}

// A capacity cut: the crane count drops at `from` (lifts under way finish) and returns at `to`.
sim::Process Run::crane_cut(CraneIx c, CraneCut cut) {
  co_await sim.until(cut.from.s);
  crane[c.v].res->set_capacity(static_cast<std::uint32_t>(cut.cranes));
  co_await sim.until(cut.to.s);
  crane[c.v].res->set_capacity(static_cast<std::uint32_t>(m.cranes[c.v].cranes));
}

}  // namespace landbridge::corridor::engine
