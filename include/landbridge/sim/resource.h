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
#pragma once

#include <cstdint>
#include <utility>

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

}  // namespace landbridge::sim
