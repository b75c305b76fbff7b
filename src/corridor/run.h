// One replication of a corridor model (internal to src/corridor): the state of its boxes,
// services, cranes and train paths, and the processes that move boxes along their stages.
// The processes are split by story: box.cpp (a box from ready to delivered), vehicles.cpp
// (sailings, trains, timetabled trips, line capacity), measure.cpp (the replication's KPIs).
#pragma once

#include <cmath>
#include <cstdint>
#include <deque>
#include <memory>
#include <stop_token>
#include <unordered_map>
#include <vector>

#include "plan.h"
#include "landbridge/sim/event.h"
#include "landbridge/sim/random.h"
#include "landbridge/sim/resource.h"
#include "landbridge/sim/simulation.h"

namespace landbridge::corridor::engine {

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

inline constexpr std::uint32_t kNoTrip = 0xffffffffU;
inline constexpr std::uint64_t kTripVehicle = 1ULL << 30;  // vehicle ids of timetabled trips

struct Box {
  FlowIx flow{0};
  std::uint32_t index = 0;       // n-th box of its flow (with flow: its name for random draws)
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
  SimTime since;
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

  void init(double bucket_s, double end_s);
  [[nodiscard]] std::size_t bucket(double t) const {
    return std::min(area.size() - 1, static_cast<std::size_t>(t / dt));
  }
  void advance(double t);  // the level q holds over [last_t, t)
  void change(double t, double delta);
  [[nodiscard]] std::vector<float> means(double end_s) const;
};

struct PathState {
  double last = -1e300;              // the latest slot taken
  double trains = 0, wait_sum = 0;
  std::vector<double> waits;         // hours, trains in the window
};

// A resource of parallel servers in a run. Units (boxes, or trains served at once) queue.
struct CraneState {
  std::unique_ptr<sim::Resource> res;
  double busy = 0, max_queue = 0;
  std::vector<double> waits;         // hours, units arriving in the window
  double arrivals = 0;               // units reaching the queue in the window
  double served_h = 0, served = 0;   // service hours and units, units arriving in the window
  QueueTrace trace;
  double waiting = 0, area = 0, last = 0;  // units waiting; its integral over the window

  void change(double t, double delta, double w0, double w1) {
    const double a = std::max(last, w0), b = std::min(t, w1);
    if (b > a) area += waiting * (b - a);
    last = t;
    waiting += delta;
    trace.change(t, delta);
  }
};

// Boxes of one vehicle at a per-train operation: the first queues and is served for all; the
// others that arrive before the service ends wait for `done`.
struct TrainService {
  double at = 0;
  std::unique_ptr<sim::Event> done;
  double wait_h = 0, service_h = 0;
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
  std::deque<TrainService> train_services;
  sim::Simulation sim;
  sim::Mrg32k3a::State seed;
  std::vector<std::uint32_t> flow_boxes;  // boxes generated so far per flow
  std::vector<std::uint64_t> vehicle_lead; // dispatched vehicle -> unit key of its first box
  std::unordered_map<std::uint64_t, double> train_draw;    // (vehicle, op plan) -> hours
  std::unordered_map<std::uint64_t, std::size_t> train_service_of;  // (vehicle, op plan) -> train_services
  std::vector<double> onboard;            // TEU on board of each timetabled trip
  std::vector<PathState> path;
  std::unordered_map<std::uint64_t, double> path_slot;   // (vehicle, link) -> slot time
  std::uint64_t vehicles = 0;
  double w0, w1, end;                     // window and end of run, seconds
  double in_system = 0, area = 0, last_t = 0;

  Run(const CorridorModel::Impl& model, std::size_t r);

  // Starts the processes, runs to the end and measures (measure.cpp).
  ReplicationResult go(std::vector<BoxRecord>* records, const std::stop_token& stop);

  [[nodiscard]] bool in_window(double t) const { return t >= w0 && t < w1; }
  void level(double delta);  // boxes in the system change by delta now

  // Random draws (box.cpp): every draw comes from a stream named by what it is, so a change
  // at one node moves no draw at another (common random numbers). A unit is what an operation
  // serves: one box (its flow and index in the flow), a timetabled trip, or a dispatched
  // vehicle (named by its first-loaded box).
  [[nodiscard]] static std::uint64_t box_unit(const Box& b) {
    return (std::uint64_t{b.flow.v} << 32) | b.index;
  }
  [[nodiscard]] std::uint64_t vehicle_unit(std::uint64_t vehicle) const;
  double draw_h(const OpPlan& op, std::uint64_t unit);

  // box.cpp: a box from ready to delivered.
  sim::Process generator(FlowIx f);
  void new_box(FlowIx f);
  sim::Process box_process(std::uint32_t id);
  void record_operation(Box& b, StageKind kind, double wait_h, double service_h);
  sim::Process crane_cut(CraneIx c, CraneCut cut);

  // vehicles.cpp: departures, voyages, timetabled trips and train paths.
  [[nodiscard]] double reopen(ServiceIx s, double t) const;
  sim::Process timer(ServiceIx s, double at);
  void arm(ServiceIx s, double at);
  void try_dispatch(ServiceIx s);
  bool dispatch(ServiceIx s);
  sim::Process voyage(ServiceIx s, std::vector<std::uint32_t> load, std::uint64_t vehicle);
  sim::Process vessel_return(ServiceIx s);
  double slot(PathIx p, std::uint64_t vehicle);
  void alight(std::uint32_t id);
  void arrive(std::uint32_t id, std::uint32_t trip);
  sim::Process timetabled(ServiceIx s);
  sim::Process ride(const Departure& d, std::vector<std::uint32_t> load);
  sim::Process scheduled(ServiceIx s);

  // measure.cpp
  [[nodiscard]] double crane_seconds(CraneIx c, double a, double b) const;
  ReplicationResult measure(std::vector<BoxRecord>* records);
};

}  // namespace landbridge::corridor::engine
