// The corridor model: flows compiled into stages along their static routes, then one
// replication = one sim::Simulation with a coroutine per box segment, per vehicle voyage,
// per flow generator and per scheduled service.
#include "landbridge/corridor/model.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <map>
#include <mutex>
#include <optional>
#include <tuple>
#include <unordered_map>
#include <fmt/format.h>

#include "hints.h"
#include "landbridge/route/locate.h"
#include "landbridge/core/error.h"
#include "landbridge/route/planner.h"
#include "landbridge/sim/distributions.h"
#include "landbridge/sim/random.h"
#include "landbridge/sim/resource.h"
#include "landbridge/sim/simulation.h"
#include "landbridge/timetable/time.h"

namespace landbridge::corridor {
namespace {

using sim::kDay;
using sim::kHour;

enum class StageKind : std::uint8_t { handling, crane, border, dwell, run, depart };
constexpr std::uint32_t kNoPath = 0xffffffffU;

struct Stage {
  StageKind kind = StageKind::run;
  std::uint32_t node = 0;      // where the stage happens (leg: its tail)
  std::uint32_t op = 0;        // handling / crane / border: the operation
  std::uint32_t index = 0;     // crane: resource index; depart: service index; run: link
  double travel_s = 0;         // run: link duration
  std::uint32_t path = kNoPath;  // run / depart on a rail link with a line capacity
};

struct FlowPlan {
  FlowSpec spec;
  std::string label, corridor;
  double planned_h = 0;
  std::uint32_t dest = 0;  // destination node
};

// A route compiled into stages: plans[f] is flow f's static route; re-routes add more.
struct Plan {
  std::vector<Stage> stages;
  std::uint32_t flow = 0;
};

// One timetabled departure on a link: a trip of a service leaving the link's tail.
struct Departure {
  double dep_s = 0, arr_s = 0;     // leaves the tail, reaches the head (sim seconds)
  double capacity_teu = 0;         // on board this leg, boxes staying on included
  double cutoff_s = 0;             // boxes must have queued this long before dep_s
  std::uint32_t trip = 0;          // the vehicle (service start), shared by its legs
};

struct ServicePlan {
  std::uint32_t link = 0;
  std::uint32_t from_node = 0;
  double travel_s = 0;
  ServicePolicy policy;
  std::string label;
  std::uint32_t path = kNoPath;                         // line capacity of the link
  std::vector<Departure> deps;                          // timetable: by dep_s
  std::unordered_map<std::uint32_t, std::uint32_t> dep_of_trip;  // trip -> index in deps
};

// Line capacity of a rail link: one train path every spacing_s, at k * spacing_s.
struct PathPlan {
  std::uint32_t link = 0;
  double trains_per_day = 0, spacing_s = 0;
  std::string label;
};

struct CraneCut {
  double from = 0, to = 0;  // seconds
  int cranes = 1;
};

struct CranePlan {
  std::uint32_t node = 0;
  int cranes = 1;
  double moves_per_hour = 0;
  std::string label;
  std::vector<CraneCut> cuts;  // scenario capacity_cuts, sorted, not overlapping
};

using Intervals = std::vector<std::pair<double, double>>;  // closed [from, to) in seconds

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

double percentile(std::vector<double>& xs, double p) {  // nearest rank on a sorted copy
  if (xs.empty()) return 0;
  std::sort(xs.begin(), xs.end());
  const auto k = static_cast<std::size_t>(std::ceil(p * static_cast<double>(xs.size())));
  return xs[std::min(xs.size() - 1, k == 0 ? 0 : k - 1)];
}

}  // namespace

struct CorridorModel::Impl {
  const Network* net = nullptr;
  Scenario sc;
  std::vector<FlowPlan> flows;
  std::vector<Plan> plans;
  std::vector<ServicePlan> services;
  std::vector<CranePlan> cranes;
  std::vector<PathPlan> paths;
  std::vector<Intervals> node_closed;  // by node
  std::vector<Intervals> link_closed;  // by link
  std::uint32_t trips = 0;             // timetabled vehicles (service starts) in the run
  // Re-routing (on_closure = reroute): the sets of nodes closed together, the epochs in which
  // each holds (epoch k = [epoch_start[k], epoch_start[k+1]), set -1 = none), and for
  // (plan, stage, set) the plan a box at that stage switches to.
  std::vector<double> epoch_start;
  std::vector<std::int32_t> epoch_set;
  std::unordered_map<std::uint64_t, std::uint32_t> reroute;

  [[nodiscard]] static std::uint64_t reroute_key(std::uint32_t plan, std::uint32_t stage, std::int32_t set) {
    return (static_cast<std::uint64_t>(plan) << 40) | (static_cast<std::uint64_t>(stage) << 20) |
           static_cast<std::uint64_t>(set);
  }
  [[nodiscard]] std::int32_t closed_set_at(double t) const {
    const auto it = std::upper_bound(epoch_start.begin(), epoch_start.end(), t);
    if (it == epoch_start.begin()) return -1;
    return epoch_set[static_cast<std::size_t>(it - epoch_start.begin()) - 1];
  }
};

namespace {

// Boxes by id in fixed chunks: stable addresses, O(1) indexing by shift and mask (a std::deque
// of boxes this size holds three per 512-byte block and indexes by division).
template <typename T>
class ChunkedStore {
 public:
  static constexpr std::size_t kShift = 12, kChunk = std::size_t{1} << kShift;
  T& operator[](std::size_t i) { return chunks_[i >> kShift][i & (kChunk - 1)]; }
  const T& operator[](std::size_t i) const { return chunks_[i >> kShift][i & (kChunk - 1)]; }
  [[nodiscard]] std::size_t size() const { return size_; }
  void push_back(const T& v) {
    if ((size_ & (kChunk - 1)) == 0) chunks_.push_back(std::make_unique<T[]>(kChunk));
    (*this)[size_++] = v;
  }

 private:
  std::vector<std::unique_ptr<T[]>> chunks_;
  std::size_t size_ = 0;
};

constexpr std::uint32_t kNoTrip = 0xffffffffU;
constexpr std::uint64_t kTripVehicle = 1ULL << 30;  // vehicle ids of timetabled trips

struct Box {
  std::uint32_t flow = 0;
  std::uint32_t plan = 0;        // the route it follows (plans[flow] until re-routed)
  std::uint32_t stage = 0;
  std::uint64_t vehicle = 0;     // the vehicle it last rode (0: none)
  std::uint32_t trip = kNoTrip;  // timetabled trip it is on board of
  std::int32_t cont = -1;        // on board: the trip's departure on the next leg
  double teu = 1;
  BoxRecord rec;
};

struct Waiting {
  std::uint32_t box;
  double since;
};

struct ServiceState {
  std::deque<Waiting> queue;
  double queued_teu = 0;
  int vessels = 0;
  double timer_at = -1;
  double departures = 0, loaded_teu = 0, capacity_teu = 0, wait_sum = 0, wait_n = 0;
};

// A step function of time (boxes waiting) folded into fixed buckets: time-average and max.
struct QueueTrace {
  double dt = 0, last_t = 0, q = 0;
  std::vector<double> area;
  std::vector<float> max;

  void init(double bucket_s, double end_s) {
    dt = bucket_s;
    const auto n = static_cast<std::size_t>(std::ceil(end_s / bucket_s));
    area.assign(std::max<std::size_t>(n, 1), 0.0);
    max.assign(area.size(), 0.0F);
  }
  [[nodiscard]] std::size_t bucket(double t) const {
    return std::min(area.size() - 1, static_cast<std::size_t>(t / dt));
  }
  void advance(double t) {  // the level q holds over [last_t, t)
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
  void change(double t, double delta) {
    advance(t);
    q += delta;
    const std::size_t i = bucket(t);
    max[i] = std::max(max[i], static_cast<float>(q));
  }
  [[nodiscard]] std::vector<float> means(double end_s) const {
    std::vector<float> out(area.size());
    for (std::size_t i = 0; i < area.size(); ++i) {
      const double a = static_cast<double>(i) * dt, b = std::min(end_s, a + dt);
      out[i] = b > a ? static_cast<float>(area[i] / (b - a)) : 0.0F;
    }
    return out;
  }
};

struct PathState {
  double last = -1e300;              // the latest slot taken
  double trains = 0, wait_sum = 0;
  std::vector<double> waits;         // hours, trains in the window
};

struct CraneState {
  std::unique_ptr<sim::Resource> res;
  double busy = 0, max_queue = 0;
  std::vector<double> waits;
  QueueTrace trace;
};

// One replication's state and processes.
struct Run {
  const CorridorModel::Impl& m;
  std::size_t rep;
  // Declared before `sim`: the kernel tears its processes down (releasing crane guards)
  // while the resources still exist.
  ChunkedStore<Box> boxes;
  std::vector<ServiceState> svc;
  std::vector<CraneState> crane;
  sim::Simulation sim;
  sim::Mrg32k3a::State seed;
  std::vector<sim::RandomStream> op_rng;  // one stream per operation
  std::unordered_map<std::uint64_t, double> border_draw;  // (vehicle, node) -> hours
  std::unordered_map<std::uint64_t, double> dwell_draw;   // (vehicle, node) -> hours
  std::vector<double> onboard;            // TEU on board of each timetabled trip
  std::vector<PathState> path;
  std::unordered_map<std::uint64_t, double> path_slot;   // (vehicle, link) -> slot time
  std::uint64_t vehicles = 0;
  double w0, w1, end;                     // window and end of run, seconds
  double in_system = 0, area = 0, last_t = 0;

  Run(const CorridorModel::Impl& model, std::size_t r)
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
    op_rng.reserve(m.net->operation_count());
    for (std::size_t o = 0; o < m.net->operation_count(); ++o) op_rng.emplace_back(100000 + o, rep, seed);
  }

  [[nodiscard]] bool in_window(double t) const { return t >= w0 && t < w1; }

  void level(double delta) {
    const double t = sim.now();
    const double a = std::max(last_t, w0), b = std::min(t, w1);
    if (b > a) area += in_system * (b - a);
    last_t = t;
    in_system += delta;
  }

  double draw_op_h(std::uint32_t op) {
    const auto& d = m.net->operation(OperationId(op)).duration;
    const double lo = to_hours(d.lo), mode = to_hours(d.value), hi = to_hours(d.hi);
    if (!(hi > lo)) return mode;
    return sim::Triangular(lo, std::clamp(mode, lo, hi), hi)(op_rng[op]);
  }

  sim::Process generator(std::uint32_t f) {
    const FlowSpec& spec = m.flows[f].spec;
    sim::RandomStream rs(1 + f, rep, seed);
    const double per_week = spec.teu_per_week / spec.teu_per_box;
    if (spec.pattern == ReadyPattern::poisson) {
      const sim::Exponential gap(sim::kWeek / per_week);
      for (double t = gap(rs); t < w1; t += gap(rs)) {
        co_await sim.until(t);
        new_box(f);
      }
    } else {
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
    }
  }

  void new_box(std::uint32_t f) {
    Box b;
    b.flow = f;
    b.plan = f;
    b.teu = m.flows[f].spec.teu_per_box;
    b.rec.id = static_cast<std::uint32_t>(boxes.size());
    b.rec.flow = f;
    b.rec.ready_h = sim.now() / kHour;
    boxes.push_back(b);
    level(+1);
    sim.spawn(box_process(b.rec.id));
  }

  sim::Process box_process(std::uint32_t id) {
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
      const double open = open_at(m.node_closed[st.node], t0);
      if (open > t0) {
        co_await sim.until(open);
        boxes[id].rec.closure_h += (open - t0) / kHour;
      }
      switch (st.kind) {
        case StageKind::handling: {
          const double h = draw_op_h(st.op);
          co_await sim.timeout(h * kHour);
          boxes[id].rec.handling_h += h;
          break;
        }
        case StageKind::crane: {
          CraneState& c = crane[st.index];
          const double q = static_cast<double>(c.res->queue_length()) +
                           (c.res->in_use() >= c.res->capacity() ? 1.0 : 0.0);
          const double tq = sim.now();
          if (in_window(tq)) c.max_queue = std::max(c.max_queue, q);
          const bool queues = c.res->in_use() >= c.res->capacity() || c.res->queue_length() > 0;
          if (queues) c.trace.change(tq, +1);
          auto guard = co_await c.res->request();
          if (queues) c.trace.change(sim.now(), -1);
          const double wait = sim.now() - tq;
          const CranePlan& cp = m.cranes[st.index];
          const double h = cp.moves_per_hour > 0 ? 2.0 / cp.moves_per_hour : draw_op_h(st.op);
          const double s0 = sim.now(), s1 = s0 + h * kHour;
          c.busy += std::max(0.0, std::min(s1, w1) - std::max(s0, w0));
          if (in_window(tq)) c.waits.push_back(wait / kHour);
          co_await sim.timeout(h * kHour);
          guard.release();
          boxes[id].rec.wait_crane_h += wait / kHour;
          boxes[id].rec.service_crane_h += h;
          break;
        }
        case StageKind::border:
        case StageKind::dwell: {
          if (boxes[id].cont >= 0) break;  // staying on a timetabled train: in its stop
          // One draw per vehicle and operation: the whole train / ferry is cleared together.
          double h;
          const std::uint64_t v = boxes[id].vehicle;
          if (v == 0) {
            h = draw_op_h(st.op);
          } else {
            const std::uint64_t key = (v << 24) | st.node;
            auto& draws = st.kind == StageKind::border ? border_draw : dwell_draw;
            auto it = draws.find(key);
            if (it == draws.end()) it = draws.emplace(key, draw_op_h(st.op)).first;
            h = it->second;
          }
          co_await sim.timeout(h * kHour);
          (st.kind == StageKind::border ? boxes[id].rec.border_h : boxes[id].rec.dwell_h) += h;
          break;
        }
        case StageKind::run: {
          const double t1 = sim.now();
          const double lo = open_at(m.link_closed[st.index], t1);
          if (lo > t1) {
            co_await sim.until(lo);
            boxes[id].rec.closure_h += (lo - t1) / kHour;
          }
          if (st.path != kNoPath) {
            const std::uint64_t v = boxes[id].vehicle != 0 ? boxes[id].vehicle : (1ULL << 39) + id;
            const double t2 = sim.now(), at = slot(st.path, v);
            if (at > t2) {
              co_await sim.until(at);
              boxes[id].rec.wait_path_h += (at - t2) / kHour;
            }
          }
          co_await sim.timeout(st.travel_s);
          boxes[id].rec.running_h += st.travel_s / kHour;
          break;
        }
        case StageKind::depart: {
          const ServicePlan& sp = m.services[st.index];
          if (sp.policy.kind == ServicePolicy::Kind::timetable && boxes[id].cont >= 0) {
            const Departure& d = sp.deps[static_cast<std::size_t>(boxes[id].cont)];
            if (sim.now() <= d.dep_s && reopen(st.index, d.dep_s) == d.dep_s) {
              const double t1 = sim.now();  // on board through the call's dwell and the leg
              co_await sim.until(d.arr_s);
              boxes[id].rec.running_h += (d.arr_s - t1) / kHour;
              arrive(id, d.trip);
              continue;
            }
            alight(id);  // the train was held or cancelled: wait for the next departure
          }
          ServiceState& s = svc[st.index];
          s.queue.push_back({id, sim.now()});
          s.queued_teu += boxes[id].teu;
          if (m.services[st.index].policy.kind == ServicePolicy::Kind::when_full) try_dispatch(st.index);
          co_return;  // the voyage resumes the box at the next stage
        }
      }
      ++boxes[id].stage;
    }
    boxes[id].rec.delivered_h = sim.now() / kHour;
    level(-1);
  }

  [[nodiscard]] double reopen(std::uint32_t s, double t) const {
    const ServicePlan& sp = m.services[s];
    double u = t;
    for (int k = 0; k < 8; ++k) {
      const double a = open_at(m.node_closed[sp.from_node], u);
      const double b = open_at(m.link_closed[sp.link], a);
      if (b == u) break;
      u = b;
    }
    return u;
  }

  sim::Process timer(std::uint32_t s, double at) {
    co_await sim.until(at);
    if (svc[s].timer_at == at) svc[s].timer_at = -1;
    try_dispatch(s);
  }

  void arm(std::uint32_t s, double at) {
    ServiceState& st = svc[s];
    if (st.timer_at >= 0 && st.timer_at <= at) return;  // an earlier timer re-checks anyway
    st.timer_at = at;
    sim.spawn(timer(s, at));
  }

  void try_dispatch(std::uint32_t s) {
    ServiceState& st = svc[s];
    const ServicePolicy& p = m.services[s].policy;
    while (!st.queue.empty()) {
      const double now = sim.now();
      const double open = reopen(s, now);
      if (open > now) {
        arm(s, open);
        return;
      }
      if (p.fleet > 0 && st.vessels == 0) return;  // a returning vessel re-checks
      const bool full = st.queued_teu >= p.min_teu;
      const double due = st.queue.front().since + p.max_wait_h * kHour;
      if (!full && now < due) {
        arm(s, due);
        return;
      }
      if (!dispatch(s)) return;
    }
  }

  // Loads and sends one vehicle; false when nothing could be loaded.
  bool dispatch(std::uint32_t s) {
    ServiceState& st = svc[s];
    const ServicePlan& sp = m.services[s];
    std::vector<std::uint32_t> load;
    double teu = 0;
    while (!st.queue.empty()) {
      const Waiting w = st.queue.front();
      const double t = boxes[w.box].teu;
      if (teu + t > sp.policy.capacity_teu) break;
      teu += t;
      st.queue.pop_front();
      const double wait = sim.now() - w.since;
      boxes[w.box].rec.wait_departure_h += wait / kHour;
      if (in_window(w.since)) {
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
    sim.spawn(voyage(s, std::move(load), ++vehicles));
    return true;
  }

  sim::Process voyage(std::uint32_t s, std::vector<std::uint32_t> load, std::uint64_t vehicle) {
    const double travel = m.services[s].travel_s;
    if (m.services[s].path != kNoPath) {
      const double t0 = sim.now(), at = slot(m.services[s].path, vehicle);
      if (at > t0) {
        co_await sim.until(at);
        for (std::uint32_t b : load) boxes[b].rec.wait_path_h += (at - t0) / kHour;
      }
    }
    co_await sim.timeout(travel);
    for (std::uint32_t b : load) {
      boxes[b].rec.running_h += travel / kHour;
      boxes[b].vehicle = vehicle;
      ++boxes[b].stage;
      sim.spawn(box_process(b));
    }
  }

  sim::Process vessel_return(std::uint32_t s) {
    co_await sim.timeout(2 * m.services[s].travel_s);
    ++svc[s].vessels;
    try_dispatch(s);
  }

  // The path slot of `vehicle` on path p: the first one a train of it asked for, else the
  // earliest free slot from now (requests come in time order, so the taken slots from now on
  // are contiguous and the next free one follows the latest taken).
  double slot(std::uint32_t p, std::uint64_t vehicle) {
    const PathPlan& pp = m.paths[p];
    const std::uint64_t key = (vehicle << 24) | pp.link;
    auto it = path_slot.find(key);
    if (it != path_slot.end()) return it->second;
    PathState& ps = path[p];
    const double now = sim.now();
    const double t = std::max(std::ceil(now / pp.spacing_s) * pp.spacing_s, ps.last + pp.spacing_s);
    ps.last = t;
    if (in_window(now)) {
      ps.trains += 1;
      ps.wait_sum += (t - now) / kHour;
      ps.waits.push_back((t - now) / kHour);
    }
    path_slot.emplace(key, t);
    return t;
  }

  void alight(std::uint32_t id) {
    Box& b = boxes[id];
    if (b.trip != kNoTrip) onboard[b.trip] -= b.teu;
    b.trip = kNoTrip;
    b.cont = -1;
  }

  // A box reaches the head of a timetabled leg on `trip`: it stays on board when its next
  // leg (past any border stage) is a departure of the same trip, else it gets off.
  void arrive(std::uint32_t id, std::uint32_t trip) {
    Box& b = boxes[id];
    b.vehicle = kTripVehicle + trip;
    b.trip = trip;
    b.cont = -1;
    ++b.stage;
    const auto& stages = m.plans[b.plan].stages;
    std::size_t j = b.stage;
    while (j < stages.size() && stages[j].kind == StageKind::border) ++j;
    if (j < stages.size() && stages[j].kind == StageKind::depart) {
      const ServicePlan& sp = m.services[stages[j].index];
      if (sp.policy.kind == ServicePolicy::Kind::timetable) {
        auto it = sp.dep_of_trip.find(trip);
        if (it != sp.dep_of_trip.end()) b.cont = static_cast<std::int32_t>(it->second);
      }
    }
    if (b.cont < 0) alight(id);
  }

  // Runs the departures of a timetabled link: at each, boards waiting boxes (FIFO, those
  // there by the cut-off) while the trip has room on this leg.
  sim::Process timetabled(std::uint32_t s) {
    const ServicePlan& sp = m.services[s];
    ServiceState& st = svc[s];
    for (const Departure& d : sp.deps) {
      co_await sim.until(d.dep_s);
      if (reopen(s, d.dep_s) > d.dep_s) continue;  // held by a closure: cancelled
      std::vector<std::uint32_t> load;
      while (!st.queue.empty()) {
        const Waiting w = st.queue.front();
        const double t = boxes[w.box].teu;
        if (w.since > d.dep_s - d.cutoff_s || onboard[d.trip] + t > d.capacity_teu) break;
        st.queue.pop_front();
        st.queued_teu -= t;
        onboard[d.trip] += t;
        const double wait = sim.now() - w.since;
        boxes[w.box].rec.wait_departure_h += wait / kHour;
        if (in_window(w.since)) {
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

  sim::Process ride(const Departure& d, std::vector<std::uint32_t> load) {
    co_await sim.until(d.arr_s);
    for (std::uint32_t b : load) {
      boxes[b].rec.running_h += (d.arr_s - d.dep_s) / kHour;
      arrive(b, d.trip);
      sim.spawn(box_process(b));
    }
  }

  sim::Process scheduled(std::uint32_t s) {
    const ServicePolicy& p = m.services[s].policy;
    for (double t = p.offset_h * kHour; t < end; t += p.headway_h * kHour) {
      co_await sim.until(t);
      if (reopen(s, t) > t) continue;  // sailing cancelled
      (void)dispatch(s);
    }
  }

  // A capacity cut: the crane count drops at `from` (lifts under way finish) and returns at `to`.
  sim::Process crane_cut(std::uint32_t c, CraneCut cut) {
    co_await sim.until(cut.from);
    crane[c].res->set_capacity(static_cast<std::uint32_t>(cut.cranes));
    co_await sim.until(cut.to);
    crane[c].res->set_capacity(static_cast<std::uint32_t>(m.cranes[c].cranes));
  }

  // Crane-seconds the node offers in [a, b): its cranes, less what the cuts take away.
  [[nodiscard]] double crane_seconds(std::uint32_t c, double a, double b) const {
    const CranePlan& cp = m.cranes[c];
    double s = cp.cranes * (b - a);
    for (const CraneCut& cut : cp.cuts) {
      const double overlap = std::max(0.0, std::min(b, cut.to) - std::max(a, cut.from));
      s -= (cp.cranes - cut.cranes) * overlap;
    }
    return s;
  }

  ReplicationResult go(std::vector<BoxRecord>* records, const std::stop_token& stop) {
    for (std::uint32_t f = 0; f < m.flows.size(); ++f) sim.spawn(generator(f));
    for (std::uint32_t c = 0; c < m.cranes.size(); ++c)
      for (const CraneCut& cut : m.cranes[c].cuts) sim.spawn(crane_cut(c, cut));
    for (std::uint32_t s = 0; s < m.services.size(); ++s) {
      if (m.services[s].policy.kind == ServicePolicy::Kind::schedule) sim.spawn(scheduled(s));
      if (m.services[s].policy.kind == ServicePolicy::Kind::timetable) sim.spawn(timetabled(s));
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
      FlowKpi& fk = r.flows[b.flow];
      n_measured += 1;
      fk.boxes += 1;
      fk.teu += b.teu;
      if (b.rec.reroutes > 0) fk.rerouted += 1;
      if (b.rec.delivered_h < 0) {
        fk.undelivered += 1;
        continue;
      }
      transit[b.flow].push_back(b.rec.transit_h());
      r.flow_transit_h[b.flow].push_back(static_cast<float>(b.rec.transit_h()));
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
      k.utilisation = crane[c].busy / crane_seconds(static_cast<std::uint32_t>(c), w0, w1);
      k.max_queue = crane[c].max_queue;
      auto& ws = crane[c].waits;
      double sum = 0;
      for (double w : ws) sum += w;
      k.mean_wait_h = ws.empty() ? 0 : sum / static_cast<double>(ws.size());
      k.p95_wait_h = percentile(ws, 0.95);
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
    if (records != nullptr) {
      records->clear();
      records->reserve(boxes.size());
      for (std::size_t i = 0; i < boxes.size(); ++i) records->push_back(boxes[i].rec);
    }
    return r;
  }
};

// Fills sp.deps with every trip of `services` that runs the link (consecutive calls at its
// tail and head with its carriage) and leaves in [0, end of run).
void add_departures(const Network& net, const Scenario& sc, std::span<const timetable::Service> services,
                    LinkId link, ServicePlan& sp,
                    std::map<std::pair<std::size_t, std::int32_t>, std::uint32_t>& trip_of_start) {
  const NodeId a = net.link_from(link), b = net.link_to(link);
  const Carriage c = net.link_carriage(link);
  const Instant t0 = timetable::to_instant(*timetable::parse_date(sc.start_date));
  const double end_s = (sc.horizon_days + sc.drain_days) * kDay;
  // The scenario reader keeps start_date in 1900..2199 and the run within 20 years, so the end is
  // far inside 32 bits; checked all the same, as a scenario built in code skips the reader.
  const double run_min = std::ceil(end_s / 60.0);
  const auto t1 = run_min < 0 || run_min > static_cast<double>(std::numeric_limits<std::int32_t>::max())
                      ? std::nullopt
                      : checked_add(t0, Minutes(static_cast<std::int32_t>(run_min)));
  if (!t1)
    throw Error("scenario: start_date " + sc.start_date + " plus " + std::to_string(sc.horizon_days + sc.drain_days) +
                " days of run leaves the 32-bit instant range");
  std::vector<Instant> starts;
  for (std::size_t si = 0; si < services.size(); ++si) {
    const timetable::Service& sv = services[si];
    if (!(sv.carriage == c)) continue;
    for (std::size_t k = 0; k + 1 < sv.calls.size(); ++k) {
      if (sv.calls[k].stop != a || sv.calls[k + 1].stop != b) continue;
      // Starts with any departure in the run (a superset of those leaving call k in it).
      timetable::service_starts(sv, t0, *t1, starts);
      for (const Instant x : starts) {
        Departure d;
        d.dep_s = static_cast<double>((x + sv.calls[k].departure - t0).value()) * 60.0;
        d.arr_s = static_cast<double>((x + sv.calls[k + 1].arrival - t0).value()) * 60.0;
        if (d.dep_s < 0 || d.dep_s >= end_s) continue;
        d.capacity_teu = sv.capacity_teu > 0 ? sv.capacity_teu : sp.policy.capacity_teu;
        d.cutoff_s = static_cast<double>(sv.cutoff.value()) * 60.0;
        auto [it, added] = trip_of_start.try_emplace({si, x.value()}, static_cast<std::uint32_t>(trip_of_start.size()));
        d.trip = it->second;
        sp.deps.push_back(d);
      }
    }
  }
  std::sort(sp.deps.begin(), sp.deps.end(), [](const Departure& x, const Departure& y) {
    return x.dep_s != y.dep_s ? x.dep_s < y.dep_s : x.trip < y.trip;
  });
  for (std::uint32_t i = 0; i < sp.deps.size(); ++i) sp.dep_of_trip.emplace(sp.deps[i].trip, i);
}

}  // namespace

CorridorModel::CorridorModel(const Network& net, Scenario scenario, std::span<const timetable::Service> services)
    : impl_(std::make_unique<Impl>()) {
  Impl& m = *impl_;
  m.net = &net;
  m.sc = std::move(scenario);
  route::Planner planner(net);
  std::unordered_map<std::uint32_t, std::uint32_t> service_of_link, crane_of_node, path_of_link;
  std::map<std::pair<std::size_t, std::int32_t>, std::uint32_t> trip_of_start;  // (service, start)
  // Compiles an itinerary into stages (a new train forms at its first rail leg), adding the
  // services, cranes and line capacities it uses.
  auto compile = [&](const route::Itinerary& it, const std::string& name, int teu_per_box) {
    std::vector<Stage> out;
    bool fresh = true;  // the next rail leg forms a new train
    std::optional<Mode> prev;
    for (const route::Step& st : it.steps) {
      Stage s;
      if (st.kind == route::StepKind::node) {
        s.node = st.at.v;
        s.op = st.operation.v;
        switch (st.op_kind) {
          case OperationKind::dwell: {
            // The package's dwell rows stand in for waiting for the next departure, which the
            // model produces itself; applied only where the scenario asks ([[nodes]] apply_dwell).
            bool apply = false;
            for (const auto& o : m.sc.nodes) apply = apply || (o.apply_dwell && o.code == net.node(st.at).code);
            if (!apply) continue;
            s.kind = StageKind::dwell;
            break;
          }
          case OperationKind::handling:
            s.kind = StageKind::handling;
            fresh = true;
            break;
          case OperationKind::border:
            s.kind = StageKind::border;
            break;
          case OperationKind::gauge_change: {
            s.kind = StageKind::crane;
            fresh = true;
            auto [itc, added] = crane_of_node.try_emplace(s.node, static_cast<std::uint32_t>(m.cranes.size()));
            if (added) {
              CranePlan cp;
              cp.node = s.node;
              cp.label = net.node(st.at).code;
              const OperationInfo& op = net.operation(st.operation);
              int cranes = op.cranes > 0 ? op.cranes : m.sc.default_cranes;
              double factor = 1;
              cp.moves_per_hour = op.moves_per_hour;
              for (const auto& o : m.sc.nodes) {
                if (o.code != cp.label) continue;
                if (o.cranes > 0) cranes = o.cranes;
                factor = o.cranes_factor;
                if (o.moves_per_hour > 0) cp.moves_per_hour = o.moves_per_hour;
              }
              cp.cranes = std::max(1, static_cast<int>(std::lround(cranes * factor)));
              m.cranes.push_back(cp);
            }
            s.index = itc->second;
            break;
          }
        }
        out.push_back(s);
        continue;
      }
      const Mode mode = st.carriage.mode;
      s.node = st.from.v;
      if (mode == Mode::rail && m.sc.rail.kind != ServicePolicy::Kind::timetable) {
        const LinkInfo& li = net.link_info(st.link);
        double tpd = m.sc.rail.capacity_teu > 0 && li.capacity_teu_per_day > 0
                         ? li.capacity_teu_per_day / m.sc.rail.capacity_teu
                         : 0;
        for (const LinkOverride& o : m.sc.links) {
          if (o.id == li.id) tpd = o.trains_per_day;
        }
        if (tpd > 0) {
          auto [itp, added] = path_of_link.try_emplace(st.link.v, static_cast<std::uint32_t>(m.paths.size()));
          if (added) m.paths.push_back({st.link.v, tpd, kDay / tpd, li.id});
          s.path = itp->second;
        }
      }
      s.travel_s = to_hours(st.duration) * kHour;
      const bool sea = mode == Mode::deep_sea || mode == Mode::feeder || mode == Mode::ferry;
      // Timetabled rail: every leg is a departure, so a box can stay on a through train or
      // change trains where the timetable makes it.
      const bool forms =
          mode == Mode::rail && (fresh || prev != mode || m.sc.rail.kind == ServicePolicy::Kind::timetable);
      if (sea || forms) {
        s.kind = StageKind::depart;
        auto [its, added] = service_of_link.try_emplace(st.link.v, static_cast<std::uint32_t>(m.services.size()));
        if (added) {
          ServicePlan sp;
          sp.link = st.link.v;
          sp.from_node = st.from.v;
          sp.travel_s = s.travel_s;
          sp.policy = mode == Mode::ferry ? m.sc.ferry : mode == Mode::rail ? m.sc.rail : m.sc.sea;
          sp.label = net.link_info(st.link).id;
          sp.path = s.path;
          if (sp.policy.kind == ServicePolicy::Kind::timetable) {
            add_departures(net, m.sc, services, st.link, sp, trip_of_start);
            if (sp.deps.empty()) {
              throw ScenarioError(name + ": link " + sp.label + " (" + std::string(to_string(mode)) + " " +
                                  net.node(st.from).code + " -> " + net.node(st.to).code +
                                  ") has no timetabled departure in the run: no service of the package "
                                  "calls there in turn (policy 'timetable'; use 'schedule' or 'when_full' "
                                  "for this mode, or keep the flow off the link with 'avoid')");
            }
          }
          m.services.push_back(std::move(sp));
        }
        s.index = its->second;
        for (const Departure& d : m.services[s.index].deps) {
          if (d.capacity_teu < teu_per_box) {
            throw ScenarioError(name + ": a " + std::to_string(teu_per_box) + " TEU box does not fit a " +
                                std::to_string(d.capacity_teu) + " TEU departure on " + m.services[s.index].label);
          }
        }
        if (m.services[s.index].policy.capacity_teu < teu_per_box) {
          throw ScenarioError(name + ": a " + std::to_string(teu_per_box) + " TEU box does not fit the " +
                              std::to_string(m.services[s.index].policy.capacity_teu) + " TEU capacity of " +
                              m.services[s.index].label + " (field 'capacity_teu')");
        }
      } else {
        s.kind = StageKind::run;
        s.index = st.link.v;
      }
      out.push_back(s);
      prev = mode;
      fresh = false;
    }
    return out;
  };
  for (std::size_t f = 0; f < m.sc.flows.size(); ++f) {
    FlowPlan fp;
    fp.spec = m.sc.flows[f];
    // Messages name the demand file, the row's physical line and the column at fault.
    const std::string name = fmt::format("{}{}: flow {} -> {}", m.sc.demand_file.string(),
                                         fp.spec.line > 0 ? fmt::format(":{}", fp.spec.line) : "", fp.spec.origin,
                                         fp.spec.destination);
    auto bad_row = [&](const std::string& field, const std::string& what) {
      scenario_error(m.sc.demand_file, fp.spec.line, field, what);
    };
    for (const auto& [field, text] : {std::pair{"origin", &fp.spec.origin}, std::pair{"destination", &fp.spec.destination}}) {
      try {
        (void)route::locate(net, *text);
      } catch (const route::LocateError& e) {
        bad_row(field, e.what());
      }
    }
    route::RouteOptions avoided;
    for (const std::string& item : fp.spec.avoid) {
      try {
        route::add_avoid(net, item, avoided);
      } catch (const RequestError& e) {
        bad_row("avoid", e.what());
      }
    }
    route::RouteRequest req;
    req.from = fp.spec.origin;
    req.to = fp.spec.destination;
    req.avoid = fp.spec.avoid;
    req.alternatives = 1;
    route::RouteResult res;
    try {
      res = planner.route(req);
    } catch (const RequestError& e) {  // the same place twice, an end avoided
      bad_row("destination", e.what());
    }
    if (res.itineraries.empty()) {
      bad_row(fp.spec.avoid.empty() ? "destination" : "avoid",
              "no route from " + fp.spec.origin + " to " + fp.spec.destination +
                  (fp.spec.avoid.empty() ? std::string(" in this network") : " with these avoid items"));
    }
    const route::Itinerary& it = res.itineraries.front();
    fp.label = net.node(it.from).code + "-" + net.node(it.to).code;
    fp.corridor = it.label;
    fp.planned_h = to_hours(it.total.duration);
    fp.dest = it.to.v;
    m.plans.push_back({compile(it, name, fp.spec.teu_per_box), static_cast<std::uint32_t>(f)});
    m.flows.push_back(std::move(fp));
  }
  for (std::size_t i = 0; i < m.sc.links.size(); ++i) {
    const LinkOverride& o = m.sc.links[i];
    const std::string field = "links[" + std::to_string(i) + "].id";
    const auto l = net.find_link(o.id);
    if (!l) scenario_error(m.sc.file, o.line, field, "unknown link '" + o.id + "'" + detail::link_hint(net, o.id));
    if (net.link_carriage(*l).mode != Mode::rail) {
      scenario_error(m.sc.file, o.line, field, "'" + o.id + "' is not a rail link (trains_per_day is for rail)");
    }
  }
  for (std::size_t i = 0; i < m.sc.nodes.size(); ++i) {
    const NodeOverride& o = m.sc.nodes[i];
    if (!net.find_node(o.code)) {
      scenario_error(m.sc.file, o.line, "nodes[" + std::to_string(i) + "].code",
                     "unknown node '" + o.code + "'" + detail::node_hint(net, o.code));
    }
  }
  m.trips = static_cast<std::uint32_t>(trip_of_start.size());
  m.node_closed.resize(net.node_count());
  m.link_closed.resize(net.link_count());
  for (std::size_t i = 0; i < m.sc.closures.size(); ++i) {
    const Closure& c = m.sc.closures[i];
    const std::pair<double, double> iv{c.from_day * kDay, c.to_day * kDay};
    const std::string field = "closures[" + std::to_string(i) + "].";
    if (c.kind == Closure::Kind::node) {
      auto n = net.find_node(c.what);
      if (!n) scenario_error(m.sc.file, c.line, field + "node", "unknown node '" + c.what + "'" + detail::node_hint(net, c.what));
      m.node_closed[n->v].push_back(iv);
    } else if (c.kind == Closure::Kind::link) {
      auto l = net.find_link(c.what);
      if (!l) scenario_error(m.sc.file, c.line, field + "link", "unknown link '" + c.what + "'" + detail::link_hint(net, c.what));
      m.link_closed[l->v].push_back(iv);
    } else {
      auto p = parse_passage(c.what);
      if (!p) scenario_error(m.sc.file, c.line, field + "passage", "unknown passage '" + c.what + "'" + detail::passage_hint());
      for (std::uint32_t l = 0; l < net.link_count(); ++l) {
        if ((net.link_passages(LinkId(l)) & passage_bit(*p)) != 0) m.link_closed[l].push_back(iv);
      }
    }
  }
  if (m.sc.on_closure == OnClosure::reroute) {
    // Epochs between node-closure boundaries, each with the set of nodes closed in it.
    std::vector<double> bounds;
    for (const auto& iv : m.node_closed) {
      for (const auto& [a, b] : iv) {
        bounds.push_back(a);
        bounds.push_back(b);
      }
    }
    std::sort(bounds.begin(), bounds.end());
    bounds.erase(std::unique(bounds.begin(), bounds.end()), bounds.end());
    std::map<std::vector<std::uint32_t>, std::int32_t> set_id;
    std::vector<std::vector<std::uint32_t>> sets;
    for (const double t : bounds) {
      std::vector<std::uint32_t> closed;
      for (std::uint32_t n = 0; n < m.node_closed.size(); ++n) {
        if (open_at(m.node_closed[n], t) > t) closed.push_back(n);
      }
      std::int32_t id = -1;
      if (!closed.empty()) {
        auto [it, added] = set_id.try_emplace(closed, static_cast<std::int32_t>(sets.size()));
        if (added) sets.push_back(closed);
        id = it->second;
      }
      m.epoch_start.push_back(t);
      m.epoch_set.push_back(id);
    }
    // For every plan, stage and set with a closed node ahead (but not here): the route from
    // the stage's node to the flow's destination avoiding the set's nodes, keeping the flow's
    // avoid items that are not node codes (modes, countries, passages; node codes only pin the
    // corridor). New plans are examined in turn, so a re-route can be re-routed again.
    std::map<std::tuple<std::uint32_t, std::uint32_t, std::int32_t>, std::int64_t> planned;
    for (std::uint32_t p = 0; p < m.plans.size(); ++p) {
      const std::uint32_t f = m.plans[p].flow;
      for (std::uint32_t i = 0; i < m.plans[p].stages.size(); ++i) {
        const std::uint32_t here = m.plans[p].stages[i].node;
        for (std::int32_t c = 0; c < static_cast<std::int32_t>(sets.size()); ++c) {
          const auto& closed = sets[static_cast<std::size_t>(c)];
          auto is_closed = [&](std::uint32_t n) { return std::binary_search(closed.begin(), closed.end(), n); };
          if (is_closed(here)) continue;
          bool ahead = false;
          for (std::size_t j = i; j < m.plans[p].stages.size(); ++j) ahead = ahead || is_closed(m.plans[p].stages[j].node);
          if (!ahead) continue;
          auto [it, added] = planned.try_emplace({here, f, c}, -1);
          if (added) {
            route::RouteRequest req;
            req.from = net.node(NodeId(here)).code;
            req.to = net.node(NodeId(m.flows[f].dest)).code;
            for (const std::string& a : m.flows[f].spec.avoid) {
              if (!net.find_node(a)) req.avoid.push_back(a);
            }
            for (const std::uint32_t n : closed) req.avoid.push_back(net.node(NodeId(n)).code);
            try {
              const route::RouteResult res = planner.route(req);
              if (!res.itineraries.empty()) {
                Plan alt{compile(res.itineraries.front(), "re-route of " + m.flows[f].label,
                                 m.flows[f].spec.teu_per_box),
                         f};
                bool clean = true;
                for (const Stage& st : alt.stages) clean = clean && !is_closed(st.node);
                if (clean) {
                  it->second = static_cast<std::int64_t>(m.plans.size());
                  m.plans.push_back(std::move(alt));
                }
              }
            } catch (const std::exception&) {
              // no way around (the destination is closed, or the alternative has no service):
              // the box waits
            }
          }
          if (it->second >= 0) m.reroute.emplace(Impl::reroute_key(p, i, c), static_cast<std::uint32_t>(it->second));
        }
      }
    }
  }
  // Capacity cuts, after every plan (re-routes included) has named its crane nodes.
  for (std::size_t i = 0; i < m.sc.capacity_cuts.size(); ++i) {
    const CapacityCut& cut = m.sc.capacity_cuts[i];
    const std::string field = "capacity_cuts[" + std::to_string(i) + "].node";
    const auto n = net.find_node(cut.node);
    if (!n) scenario_error(m.sc.file, cut.line, field, "unknown node '" + cut.node + "'" + detail::node_hint(net, cut.node));
    const auto it = crane_of_node.find(n->get());
    if (it == crane_of_node.end()) {
      scenario_error(m.sc.file, cut.line, field,
                     "'" + cut.node + "' is not a gauge change on any flow's route (no cranes to cut)");
    }
    CranePlan& cp = m.cranes[it->second];
    const int during = cut.cranes > 0 ? cut.cranes : std::max(1, static_cast<int>(std::lround(cp.cranes * cut.cranes_factor)));
    cp.cuts.push_back({cut.from_day * kDay, cut.to_day * kDay, during});
    std::sort(cp.cuts.begin(), cp.cuts.end(), [](const CraneCut& a, const CraneCut& b) { return a.from < b.from; });
    for (std::size_t k = 1; k < cp.cuts.size(); ++k) {
      if (cp.cuts[k].from < cp.cuts[k - 1].to) {
        scenario_error(m.sc.file, cut.line, field, "cuts of '" + cut.node + "' overlap; give one cut per interval");
      }
    }
  }
}

CorridorModel::~CorridorModel() = default;
CorridorModel::CorridorModel(CorridorModel&&) noexcept = default;

ReplicationResult CorridorModel::run(std::size_t r, std::vector<BoxRecord>* records, std::stop_token stop) const {
  Run run(*impl_, r);
  return run.go(records, stop);
}

const Scenario& CorridorModel::scenario() const { return impl_->sc; }
std::size_t CorridorModel::flow_count() const { return impl_->flows.size(); }
std::string CorridorModel::flow_label(std::size_t f) const { return impl_->flows[f].label; }
std::string CorridorModel::flow_corridor(std::size_t f) const { return impl_->flows[f].corridor; }
double CorridorModel::flow_planned_h(std::size_t f) const { return impl_->flows[f].planned_h; }
std::vector<std::string> CorridorModel::node_labels() const {
  std::vector<std::string> out;
  for (const auto& c : impl_->cranes) out.push_back(c.label);
  return out;
}
std::vector<std::string> CorridorModel::link_labels() const {
  std::vector<std::string> out;
  for (const auto& p : impl_->paths) out.push_back(p.label);
  return out;
}
std::vector<std::string> CorridorModel::service_labels() const {
  std::vector<std::string> out;
  for (const auto& s : impl_->services) out.push_back(s.label);
  return out;
}

std::vector<ReplicationResult> run_replications(const CorridorModel& model, std::size_t n, unsigned threads,
                                                const std::function<void(std::size_t, std::size_t)>& progress,
                                                std::stop_token stop) {
  std::mutex mu;
  std::size_t done = 0;
  return sim::run_replications(
      n, threads,
      [&](std::size_t r) {
        ReplicationResult res = model.run(r, nullptr, stop);
        if (progress) {
          std::lock_guard lock(mu);
          progress(++done, n);
        }
        return res;
      },
      stop);
}

}  // namespace landbridge::corridor
