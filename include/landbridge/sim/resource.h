// A resource of a given capacity (cranes, berths, gauge-change tracks, border lanes).
//
//   Resource cranes(sim, 2);
//   {
//     ResourceGuard crane = co_await cranes.request();      // queue for a crane
//     co_await sim.timeout(55 * 2 * kMinute);                // load 55 FEU
//   }                                                        // the crane is released
//
// Requests wait in one queue ordered by priority (lower value first), then by arrival:
// with one priority the queue is FIFO. A released unit passes straight to the head of the
// queue. An interrupted request leaves the queue; a granted one is never taken back.
// The resource keeps time averages of units in use and of queue length from its creation.
//
// PreemptiveResource: the same queue, but a request may take a unit from a holder. When no
// unit is free, a preempting request compares itself with the least urgent holder (the
// largest priority value; among equals, the one granted last): if that holder's priority
// value is strictly larger, the unit passes to the request at once and the holder's process
// is interrupted (Interrupted, code kPreemptedCode, cause().preempted = by whom, at what
// priorities, since when and how long the unit was held). The holder's guard then holds
// nothing; the holder usually requests again for the rest of its work (preemptive resume):
//
//   double left = work;
//   while (left > 0) {
//     try {
//       PreemptiveGuard g = co_await crane.request(priority);
//       const double start = sim.now();
//       try { co_await sim.timeout(left); left = 0; }
//       catch (const Interrupted& e) { left -= sim.now() - start; }
//     } catch (const Interrupted&) { ... interrupted while queueing ... }
//   }
//
// Otherwise (equal or more urgent holders, or preempt = false) the request queues as in
// Resource. A unit freed by a release passes to the head of the queue; waiting requests
// never preempt. Everything is decided at the request's time in a fixed order, so runs are
// deterministic. A process never preempts itself.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "landbridge/sim/simulation.h"
#include "landbridge/sim/stats.h"

namespace landbridge::sim {

class Resource;

// Holds one unit of a resource; releases it when destroyed (or at release()).
class [[nodiscard]] ResourceGuard {
 public:
  ResourceGuard() = default;
  ResourceGuard(ResourceGuard&& o) noexcept
      : r_(std::exchange(o.r_, nullptr)), sim_(std::exchange(o.sim_, nullptr)) {}
  ResourceGuard& operator=(ResourceGuard&& o) noexcept {
    if (this != &o) {
      release();
      r_ = std::exchange(o.r_, nullptr);
      sim_ = std::exchange(o.sim_, nullptr);
    }
    return *this;
  }
  ResourceGuard(const ResourceGuard&) = delete;
  ResourceGuard& operator=(const ResourceGuard&) = delete;
  ~ResourceGuard() { release(); }

  [[nodiscard]] bool holds() const { return r_ != nullptr; }
  // Gives the unit back now (no-op if already released).
  void release() noexcept;

 private:
  friend class Resource;
  ResourceGuard(Resource* r, Simulation* sim) : r_(r), sim_(sim) {}
  Resource* r_ = nullptr;
  Simulation* sim_ = nullptr;
};

class Resource {
 public:
  Resource(Simulation& sim, std::uint32_t capacity);
  Resource(const Resource&) = delete;
  Resource& operator=(const Resource&) = delete;

  struct RequestNode : WaitNode {
    int priority = 0;
  };

  struct RequestAwaiter {
    Resource* r;
    int priority;
    RequestNode node{};
    bool await_ready() const noexcept { return false; }
    bool await_suspend(Process::Handle h) {
      ProcessState* ps = h.promise().proc;
      node.proc = ps;
      node.priority = priority;
      if (ps->interrupt_pending()) {
        ps->deliver = true;
        return false;
      }
      if (r->in_use_ < r->capacity_ && r->queue_.empty()) {
        r->take_unit();
        return false;
      }
      r->enqueue(*ps, node);
      return true;
    }
    ResourceGuard await_resume() {
      ProcessState* ps = node.proc;
      if (ps->deliver) {  // interrupted: the kernel has taken the request off the queue
        r->note_queue_change();
        ps->throw_interrupt();
      }
      ps->wait = ProcessState::Wait::none;
      return ResourceGuard(r, r->sim_);
    }
  };
  // co_await res.request(priority): wait for a unit; lower priority values are served first.
  RequestAwaiter request(int priority = 0) { return {this, priority}; }

  // Returns a unit (ResourceGuard does this for you).
  void release();

  // Changes the number of units (a disruption, a new crane). Units in use above a reduced
  // capacity are kept until released; an increase serves waiting requests now.
  void set_capacity(std::uint32_t capacity);

  [[nodiscard]] std::uint32_t capacity() const { return capacity_; }
  [[nodiscard]] std::uint32_t in_use() const { return in_use_; }
  [[nodiscard]] std::size_t queue_length() const { return queue_.size(); }
  // Time-average units in use, divided by the current capacity, since creation.
  [[nodiscard]] double utilisation() const;
  // Time-average number of waiting requests since creation.
  [[nodiscard]] double mean_queue_length() const { return queue_avg_.mean(sim_->now()); }
  // Time-average units in use since creation.
  [[nodiscard]] double mean_in_use() const { return busy_avg_.mean(sim_->now()); }
  // Requests granted so far (immediately or after waiting).
  [[nodiscard]] std::uint64_t grants() const { return grants_; }

 private:
  void take_unit();
  void enqueue(ProcessState& ps, RequestNode& node);
  void serve_queue();
  void note_queue_change();

  Simulation* sim_;
  std::uint32_t capacity_;
  std::uint32_t in_use_ = 0;
  std::uint64_t grants_ = 0;
  WaitList queue_;
  TimeAverage busy_avg_;
  TimeAverage queue_avg_;
};

inline void ResourceGuard::release() noexcept {
  if (r_ == nullptr) return;
  Resource* r = std::exchange(r_, nullptr);
  if (!sim_->tearing_down()) r->release();
}

class PreemptiveResource;

// Holds one unit of a PreemptiveResource until destroyed, released or preempted.
class [[nodiscard]] PreemptiveGuard {
 public:
  PreemptiveGuard() = default;
  PreemptiveGuard(PreemptiveGuard&& o) noexcept
      : r_(std::exchange(o.r_, nullptr)), sim_(o.sim_), unit_(o.unit_), token_(o.token_) {}
  PreemptiveGuard& operator=(PreemptiveGuard&& o) noexcept {
    if (this != &o) {
      release();
      r_ = std::exchange(o.r_, nullptr);
      sim_ = o.sim_;
      unit_ = o.unit_;
      token_ = o.token_;
    }
    return *this;
  }
  PreemptiveGuard(const PreemptiveGuard&) = delete;
  PreemptiveGuard& operator=(const PreemptiveGuard&) = delete;
  ~PreemptiveGuard() { release(); }

  // True while the unit is this guard's: not released, not preempted.
  [[nodiscard]] bool holds() const;
  // Gives the unit back now (no-op if released or preempted already).
  void release() noexcept;

 private:
  friend class PreemptiveResource;
  PreemptiveGuard(PreemptiveResource* r, Simulation* sim, std::uint32_t unit, std::uint64_t token)
      : r_(r), sim_(sim), unit_(unit), token_(token) {}
  PreemptiveResource* r_ = nullptr;
  Simulation* sim_ = nullptr;  // checked first: at teardown the resource may be gone
  std::uint32_t unit_ = 0;
  std::uint64_t token_ = 0;
};

class PreemptiveResource {
 public:
  PreemptiveResource(Simulation& sim, std::uint32_t capacity);
  PreemptiveResource(const PreemptiveResource&) = delete;
  PreemptiveResource& operator=(const PreemptiveResource&) = delete;

  struct RequestNode : WaitNode {
    int priority = 0;
    std::uint32_t unit = 0;    // set when granted from the queue
    std::uint64_t token = 0;
  };

  struct RequestAwaiter {
    PreemptiveResource* r;
    int priority;
    bool preempt;
    RequestNode node{};
    bool await_ready() const noexcept { return false; }
    bool await_suspend(Process::Handle h);
    PreemptiveGuard await_resume();
  };
  // co_await res.request(priority, preempt): a unit now if one is free or (preempt) a less
  // urgent holder can be displaced, else wait in priority-then-arrival order.
  RequestAwaiter request(int priority = 0, bool preempt = true) { return {this, priority, preempt}; }

  [[nodiscard]] std::uint32_t capacity() const { return static_cast<std::uint32_t>(units_.size()); }
  [[nodiscard]] std::uint32_t in_use() const { return in_use_; }
  [[nodiscard]] std::size_t queue_length() const { return queue_.size(); }
  // Requests granted so far (immediately, by preemption or after waiting).
  [[nodiscard]] std::uint64_t grants() const { return grants_; }
  // Holders displaced so far.
  [[nodiscard]] std::uint64_t preemptions() const { return preemptions_; }
  // Time-average units in use since creation.
  [[nodiscard]] double mean_in_use() const { return busy_avg_.mean(sim_->now()); }
  // Time-average number of waiting requests since creation.
  [[nodiscard]] double mean_queue_length() const { return queue_avg_.mean(sim_->now()); }

 private:
  friend class PreemptiveGuard;
  struct Unit {
    bool busy = false;
    int priority = 0;
    std::uint64_t order = 0;   // grant number: later grants are displaced first
    std::uint64_t token = 0;   // the holding guard's token; a new grant changes it
    double since = 0.0;
    ProcessId holder;
  };
  // Gives unit u to the process; returns the guard's token.
  std::uint64_t grant(std::uint32_t u, const ProcessState& ps, int priority);
  void release_unit(std::uint32_t u, std::uint64_t token);
  void serve_queue();
  void note_queue_change();

  Simulation* sim_;
  std::vector<Unit> units_;
  std::uint32_t in_use_ = 0;
  std::uint64_t grants_ = 0;
  std::uint64_t preemptions_ = 0;
  std::uint64_t next_token_ = 0;
  WaitList queue_;
  TimeAverage busy_avg_;
  TimeAverage queue_avg_;
};

inline bool PreemptiveGuard::holds() const {
  return r_ != nullptr && r_->units_[unit_].busy && r_->units_[unit_].token == token_;
}

inline void PreemptiveGuard::release() noexcept {
  if (r_ == nullptr) return;
  PreemptiveResource* r = std::exchange(r_, nullptr);
  if (!sim_->tearing_down()) r->release_unit(unit_, token_);
}

}  // namespace landbridge::sim
