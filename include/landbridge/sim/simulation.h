// The discrete-event kernel: a clock, a future event list and processes written as C++20
// coroutines.
//
// A process is a function returning sim::Process that waits with co_await:
//
//   Process ship(Simulation& sim, Resource& berth) {
//     ResourceGuard b = co_await berth.request();   // wait for a free berth
//     co_await sim.timeout(8 * kHour);               // discharge and load
//   }                                                // b releases the berth
//   sim.spawn(ship(sim, berth));
//   sim.run();
//
// Time is a double in seconds (kMinute, kHour, kDay help). Events at the same time run in
// the order they were scheduled (a 64-bit sequence number breaks ties), so a run depends on
// nothing but the model and its random streams.
//
// A process awaiting another Process runs it inline, as a sub-step of itself (like Python's
// `yield from`); sim.spawn() starts a separate process that runs concurrently.
//
// Interrupts: sim.interrupt(id, cause) ends the wait the process is in (a timeout, an event,
// a resource or store queue, a join) with an Interrupted exception thrown from its co_await.
// A wait that has already been satisfied is not undone (a granted resource or a taken item
// is never lost): the interrupt then stays pending and is thrown at the process's next wait.
//
// Lifetime: kernel objects (resources, stores, events) must outlive the run. Destroying the
// Simulation destroys the frames of unfinished processes; guards and awaiters in those
// frames then touch nothing else, so objects declared after the Simulation may already be
// gone.
#pragma once

#include <coroutine>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "landbridge/core/error.h"
#include "landbridge/core/units.h"
#include "landbridge/sim/event_queue.h"

namespace landbridge::sim {

// Durations in kernel time units (seconds).
inline constexpr double kSecond = 1.0;
inline constexpr double kMinute = 60.0;
inline constexpr double kHour = 3600.0;
inline constexpr double kDay = 86400.0;
inline constexpr double kWeek = 7 * kDay;

class Simulation;
struct ProcessState;

// Names a spawned process. Stays valid after the process ends: it then names a finished
// process (alive() is false, join() returns at once, interrupt() returns false).
struct ProcessId {
  std::uint32_t slot = std::numeric_limits<std::uint32_t>::max();
  std::uint32_t generation = 0;
  [[nodiscard]] bool valid() const { return slot != std::numeric_limits<std::uint32_t>::max(); }
  friend bool operator==(ProcessId, ProcessId) = default;
};

// How a holder of a PreemptiveResource unit lost it (see resource.h).
struct Preempted {
  ProcessId by;             // the process whose more urgent request took the unit
  int by_priority = 0;      // that request's priority
  int priority = 0;         // the priority of the holder's own request
  double since = 0.0;       // when the holder had been granted the unit
  double held = 0.0;        // how long it had held it: the preemption time minus since
};

// Why a process was interrupted: a code the model defines and a readable reason; for a
// preemption, the code is kPreemptedCode and `preempted` says by whom and after how long.
struct Interrupt {
  int code = 0;
  std::string reason;
  std::optional<Preempted> preempted;
};
inline constexpr int kPreemptedCode = -1;

// Thrown from the co_await at which a process was interrupted.
class Interrupted : public Error {
 public:
  explicit Interrupted(Interrupt cause);
  [[nodiscard]] const Interrupt& cause() const { return cause_; }

 private:
  Interrupt cause_;
};

// --- Intrusive waiting lists --------------------------------------------------------------
// A waiting process is a node that lives inside its awaiter, in the coroutine frame: waiting
// allocates nothing.
class WaitList;

struct WaitNode {
  WaitNode* prev = nullptr;
  WaitNode* next = nullptr;
  WaitList* list = nullptr;      // the list the node is in; null when not linked
  ProcessState* proc = nullptr;  // the waiting process
  [[nodiscard]] bool linked() const { return list != nullptr; }
};

class WaitList {
 public:
  WaitList() = default;
  WaitList(const WaitList&) = delete;
  WaitList& operator=(const WaitList&) = delete;

  [[nodiscard]] bool empty() const { return head_ == nullptr; }
  [[nodiscard]] std::size_t size() const { return size_; }
  [[nodiscard]] WaitNode* front() const { return head_; }
  [[nodiscard]] WaitNode* back() const { return tail_; }

  void push_back(WaitNode* n) { insert_before(nullptr, n); }
  // Inserts n before pos (at the back when pos is null).
  void insert_before(WaitNode* pos, WaitNode* n) {
    n->list = this;
    n->next = pos;
    n->prev = pos ? pos->prev : tail_;
    if (n->prev) n->prev->next = n; else head_ = n;
    if (pos) pos->prev = n; else tail_ = n;
    ++size_;
  }
  void remove(WaitNode* n) {
    if (n->prev) n->prev->next = n->next; else head_ = n->next;
    if (n->next) n->next->prev = n->prev; else tail_ = n->prev;
    n->prev = n->next = nullptr;
    n->list = nullptr;
    --size_;
  }

 private:
  WaitNode* head_ = nullptr;
  WaitNode* tail_ = nullptr;
  std::size_t size_ = 0;
};

// --- Per-process state ----------------------------------------------------------------------
// Kept in the frame of the spawned (outermost) coroutine; sub-steps point to it. Small on
// purpose: it shares the frame's first cache line with the resume pointer. Rare things
// (queued interrupts, a sub-step's exception) live in the Simulation's per-slot records.
struct ProcessState {
  enum class Wait : std::uint8_t {
    none,   // running, or resumed and not waiting
    timer,  // in a timeout: an event is in the queue
    list,   // in a waiting list (event, resource, store, join), maybe with a deadline too
    ready,  // its wait is satisfied and its resumption is in the queue
  };
  Simulation* sim = nullptr;
  std::uint32_t slot = 0;
  Wait wait = Wait::none;
  bool deliver = false;          // the current wait ends by throwing the first interrupt
  bool interrupted = false;      // interrupts are queued, not yet thrown

  [[nodiscard]] bool interrupt_pending() const { return interrupted; }
  // Throws the oldest queued interrupt (used by awaiters in await_resume).
  [[noreturn]] void throw_interrupt();
};

namespace detail {
// Coroutine frames come from per-thread free lists by size class (see frame_pool.cpp).
void* allocate_frame(std::size_t n);
void free_frame(void* p, std::size_t n) noexcept;
// Switches frame recycling on (the default) or off, for measurements.
void set_frame_pool(bool enabled);
}  // namespace detail

// --- Process ------------------------------------------------------------------------------
class [[nodiscard]] Process {
 public:
  struct promise_type;
  using Handle = std::coroutine_handle<promise_type>;

  struct FinalAwaiter {
    bool await_ready() const noexcept { return false; }
    std::coroutine_handle<> await_suspend(Handle h) noexcept;
    void await_resume() const noexcept {}
  };

  struct promise_type {
    ProcessState* proc = nullptr;  // the process this coroutine belongs to
    Handle parent;                 // the coroutine awaiting this sub-step; null if spawned
    ProcessState state;            // used when this coroutine is the spawned one

    Process get_return_object() { return Process(Handle::from_promise(*this)); }
    std::suspend_always initial_suspend() const noexcept { return {}; }
    FinalAwaiter final_suspend() const noexcept { return {}; }
    void return_void() const noexcept {}
    // Kept for the parent (a sub-step) or the run loop (a spawned process) to rethrow.
    void unhandled_exception() noexcept;

    static void* operator new(std::size_t n) { return detail::allocate_frame(n); }
    static void operator delete(void* p, std::size_t n) noexcept { detail::free_frame(p, n); }
  };

  Process(Process&& o) noexcept : h_(std::exchange(o.h_, {})) {}
  Process& operator=(Process&& o) noexcept {
    if (this != &o) {
      if (h_) h_.destroy();
      h_ = std::exchange(o.h_, {});
    }
    return *this;
  }
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;
  ~Process() {
    if (h_) h_.destroy();
  }

  // co_await on a Process runs it as a sub-step of the awaiting process.
  struct SubStepAwaiter {
    Handle child;
    bool await_ready() const noexcept { return !child; }  // an empty Process: nothing to run
    std::coroutine_handle<> await_suspend(Handle parent) noexcept;
    void await_resume() const;
  };
  SubStepAwaiter operator co_await() && { return {h_}; }

 private:
  friend class Simulation;
  explicit Process(Handle h) : h_(h) {}
  Handle release() { return std::exchange(h_, {}); }
  Handle h_;
};

// --- Simulation ---------------------------------------------------------------------------
class Simulation {
 public:
  Simulation();
  ~Simulation();
  Simulation(const Simulation&) = delete;
  Simulation& operator=(const Simulation&) = delete;

  // Current simulated time, seconds.
  [[nodiscard]] double now() const { return now_; }
  [[nodiscard]] SimSeconds clock() const { return SimSeconds(now_); }

  // Starts p as a new process; its first step runs at the current time, after the events
  // already scheduled for this time.
  ProcessId spawn(Process p);

  // Runs until no event is left. Rethrows the first exception that escaped a process.
  void run();
  // Runs the events at times <= end, then sets the clock to end (if it is later).
  void run_until(double end);
  void run_until(SimSeconds end) { run_until(end.value()); }

  // Resumptions performed so far (one per timeout, grant, trigger or interrupt delivered).
  [[nodiscard]] std::uint64_t events() const { return events_; }
  // Records in the future event list (cancelled ones included until they surface or are
  // dropped).
  [[nodiscard]] std::size_t queued() const { return queue_.size(); }
  [[nodiscard]] std::size_t live_processes() const { return live_; }
  [[nodiscard]] bool alive(ProcessId id) const;

  // Interrupts process id (see the header comment). False if it has finished.
  bool interrupt(ProcessId id, Interrupt cause = {});

  // --- What a process awaits ----------------------------------------------------------------
  struct TimeoutAwaiter {
    double at;
    ProcessState* ps = nullptr;
    bool await_ready() const noexcept { return false; }
    bool await_suspend(Process::Handle h) {
      ps = h.promise().proc;
      if (ps->interrupt_pending()) [[unlikely]] {
        ps->deliver = true;
        return false;
      }
      ps->wait = ProcessState::Wait::timer;
      ps->sim->schedule(ps->slot, at);
      return true;
    }
    void await_resume() const {
      if (ps->deliver) [[unlikely]] ps->throw_interrupt();
      ps->wait = ProcessState::Wait::none;
    }
  };
  // co_await sim.timeout(dt): resume dt seconds from now (dt >= 0).
  TimeoutAwaiter timeout(double dt) {
    if (!(dt >= 0.0)) throw_negative_delay(dt);
    return {now_ + dt};
  }
  TimeoutAwaiter timeout(SimSeconds dt) { return timeout(dt.value()); }
  // co_await sim.until(t): resume at time t (not before now).
  TimeoutAwaiter until(double t) {
    if (!(t >= now_)) throw_negative_delay(t - now_);
    return {t};
  }

  struct JoinAwaiter {
    Simulation* sim;
    ProcessId target;
    WaitNode node{};
    bool await_ready() const noexcept { return false; }
    bool await_suspend(Process::Handle h);
    void await_resume();
  };
  // co_await sim.join(id): wait until process id has finished.
  JoinAwaiter join(ProcessId id) { return {this, id}; }

  // --- Kernel interface for waiting objects (events, resources, stores) --------------------
  // Models do not call these; kernel objects and new awaiters do.
  //
  // Schedules process `slot` to resume at time `at`; any earlier scheduled resumption of it
  // is cancelled.
  void schedule(std::uint32_t slot, double at) {
    if (seq_ == EventRecord::kSeqLimit) [[unlikely]] resequence();
    const EventRecord r = EventRecord::make(at, seq_++, slot);
    hot_[slot].wake = r.order();
    if (top_consumed_) {
      top_consumed_ = false;
      queue_.replace_top(r);
    } else {
      queue_.push(r);
    }
  }
  // Resumes a waiting process now (after the events already scheduled for now): its wait
  // is satisfied. Unlinks nothing: the caller has removed the node from its list.
  void wake(ProcessState& ps) {
    ps.wait = ProcessState::Wait::ready;
    schedule(ps.slot, now_);
  }
  // Puts the process in a waiting list; with a finite deadline it is also woken then.
  void wait_in(ProcessState& ps, WaitList& list, WaitNode& node, WaitNode* before = nullptr) {
    node.proc = &ps;
    list.insert_before(before, &node);
    ps.wait = ProcessState::Wait::list;
    cold_[ps.slot].node = &node;
  }
  void wait_in_until(ProcessState& ps, WaitList& list, WaitNode& node, double deadline) {
    wait_in(ps, list, node);
    schedule(ps.slot, deadline);
  }
  // The id of a live process from its state (kernel objects that remember who holds what).
  [[nodiscard]] ProcessId id_of(const ProcessState& ps) const {
    return ProcessId{ps.slot, cold_[ps.slot].generation};
  }
  // True while ~Simulation destroys unfinished processes: guards must touch nothing then.
  [[nodiscard]] bool tearing_down() const { return tearing_down_; }
  // For tests of the renumbering: the next sequence number to hand out, and how many times
  // the queue has been renumbered.
  void set_next_sequence_for_test(std::uint64_t seq) { seq_ = seq; }
  [[nodiscard]] std::uint64_t renumberings() const { return renumberings_; }

 private:
  friend struct Process::FinalAwaiter;
  friend struct Process::SubStepAwaiter;
  friend struct Process::promise_type;
  friend struct ProcessState;

  [[noreturn]] static void throw_negative_delay(double dt);
  // Starts loading the first two cache lines of a process's frame (null is harmless).
  void prefetch_frame(std::uint32_t slot) const {
    const char* f = static_cast<const char*>(hot_[slot].frame);
    __builtin_prefetch(f);
    __builtin_prefetch(f + 64);
  }
  // Renumbers the queued records 0, 1, ... in their order when sequence numbers run out
  // (after 2^40 schedulings), dropping cancelled ones.
  void resequence();
  void finish(ProcessState& ps);

  // Hot per-process record, indexed by slot: the frame to resume and the order key of the
  // only queue record allowed to resume it (older records for the slot are cancelled ones).
  struct HotSlot {
    void* frame = nullptr;
    std::uint64_t wake = kNoWake;
  };
  static constexpr std::uint64_t kNoWake = std::numeric_limits<std::uint64_t>::max();
  // Slots are 24 bits in a record; the all-ones slot is never used, so no record's order
  // key equals kNoWake.
  static constexpr std::uint32_t kMaxSlots = static_cast<std::uint32_t>(EventRecord::kSlotMask);
  struct ColdSlot {
    void* root = nullptr;          // frame of the spawned coroutine, while alive
    std::uint32_t generation = 0;  // bumped when the process ends
    WaitList joiners;              // processes waiting in join()
    std::vector<Interrupt> interrupts;  // received, not yet thrown, oldest first
    std::exception_ptr error;      // how the last sub-step (or the process) ended
    WaitNode* node = nullptr;      // the node linked while the process waits in a list
  };

  EventQueue queue_;
  double now_ = 0.0;
  std::uint64_t seq_ = 0;
  std::uint64_t events_ = 0;
  bool top_consumed_ = false;  // the queue's top was resumed and not yet removed
  std::uint64_t renumberings_ = 0;
  bool running_ = false;
  bool tearing_down_ = false;
  std::exception_ptr error_;
  std::vector<HotSlot> hot_;
  std::deque<ColdSlot> cold_;  // deque: waiting lists must not move
  std::vector<std::uint32_t> free_slots_;
  std::size_t live_ = 0;
};

}  // namespace landbridge::sim
