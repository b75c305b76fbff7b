// A one-shot signal that any number of processes can wait for.
//
//   Event departed(sim);
//   ... in one process:   co_await departed;                 // wait for the train to leave
//   ... in another:       departed.succeed();                // every waiter resumes now
//   ... or with a limit:  bool ok = co_await departed.wait_for(2 * kHour);
//
// Waiters resume in the order they started waiting, at the trigger's time, after the
// events already scheduled for that time. Waiting for an event that has already succeeded
// passes at once; one that has failed throws its exception in every waiter.
#pragma once

#include <exception>
#include <limits>
#include <string>

#include "landbridge/sim/simulation.h"

namespace landbridge::sim {

class Event {
 public:
  explicit Event(Simulation& sim) : sim_(&sim) {}
  Event(const Event&) = delete;
  Event& operator=(const Event&) = delete;

  // Triggers the event: every waiter resumes now. Throws if already triggered.
  void succeed();
  // Triggers the event as failed: every waiter (and every later wait) throws e.
  void fail(std::exception_ptr e);
  // Fails with a landbridge::Error carrying `reason`.
  void fail(const std::string& reason);
  // Makes a triggered event waitable again (a reusable signal). Throws if processes wait.
  void reset();

  [[nodiscard]] bool triggered() const { return triggered_; }
  [[nodiscard]] bool failed() const { return error_ != nullptr; }
  [[nodiscard]] std::size_t waiting() const { return waiters_.size(); }

  struct Awaiter {
    Event* ev;
    double deadline;
    WaitNode node{};
    bool await_ready() const noexcept { return false; }
    bool await_suspend(Process::Handle h) {
      ProcessState* ps = h.promise().proc;
      node.proc = ps;
      if (ps->interrupt_pending()) {
        ps->deliver = true;
        return false;
      }
      if (ev->triggered_) return false;
      if (deadline < std::numeric_limits<double>::infinity()) {
        ev->sim_->wait_in_until(*ps, ev->waiters_, node, deadline);
      } else {
        ev->sim_->wait_in(*ps, ev->waiters_, node);
      }
      return true;
    }
    // True when the event was triggered, false when the deadline came first.
    bool await_resume() {
      ProcessState* ps = node.proc;
      if (ps->deliver) ps->throw_interrupt();
      ps->wait = ProcessState::Wait::none;
      if (node.linked()) {  // woken by the deadline
        node.list->remove(&node);
        return false;
      }
      if (ev->error_) std::rethrow_exception(ev->error_);
      return true;
    }
  };
  // co_await ev: wait until triggered.
  Awaiter operator co_await() { return {this, std::numeric_limits<double>::infinity()}; }
  // co_await ev.wait_until(t): wait until triggered or time t; true if triggered.
  Awaiter wait_until(double t) {
    return {this, t < sim_->now() ? sim_->now() : t};
  }
  // co_await ev.wait_for(dt): wait until triggered or dt from now; true if triggered.
  Awaiter wait_for(double dt) { return wait_until(sim_->now() + (dt > 0.0 ? dt : 0.0)); }

 private:
  void trigger();

  Simulation* sim_;
  WaitList waiters_;
  bool triggered_ = false;
  std::exception_ptr error_;
};

}  // namespace landbridge::sim
