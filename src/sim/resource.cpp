#include "landbridge/sim/resource.h"

#include <cstdio>
#include <string>

namespace landbridge::sim {

Resource::Resource(Simulation& sim, std::uint32_t capacity)
    : sim_(&sim), capacity_(capacity), busy_avg_(sim.now()), queue_avg_(sim.now()) {}

void Resource::take_unit() {
  ++in_use_;
  ++grants_;
  busy_avg_.set(sim_->now(), in_use_);
}

void Resource::enqueue(ProcessState& ps, RequestNode& node) {
  // After every request of the same or a more urgent priority: FIFO within a priority.
  WaitNode* before = nullptr;
  for (WaitNode* n = queue_.back(); n != nullptr; n = n->prev) {
    if (static_cast<RequestNode*>(n)->priority <= node.priority) break;
    before = n;
  }
  sim_->wait_in(ps, queue_, node, before);
  note_queue_change();
}

void Resource::serve_queue() {
  while (in_use_ < capacity_ && !queue_.empty()) {
    WaitNode* n = queue_.front();
    queue_.remove(n);
    take_unit();
    sim_->wake(*n->proc);
  }
  note_queue_change();
}

void Resource::release() {
  if (in_use_ == 0) throw Error("resource: release() with no unit in use");
  --in_use_;
  busy_avg_.set(sim_->now(), in_use_);
  serve_queue();  // the unit passes to the head of the queue, if any
}

void Resource::note_queue_change() { queue_avg_.set(sim_->now(), static_cast<double>(queue_.size())); }

void Resource::set_capacity(std::uint32_t capacity) {
  capacity_ = capacity;
  serve_queue();
}

double Resource::utilisation() const {
  return capacity_ ? busy_avg_.mean(sim_->now()) / capacity_ : 0.0;
}

// --- PreemptiveResource ----------------------------------------------------------------

PreemptiveResource::PreemptiveResource(Simulation& sim, std::uint32_t capacity)
    : sim_(&sim), units_(capacity), busy_avg_(sim.now()), queue_avg_(sim.now()) {}

std::uint64_t PreemptiveResource::grant(std::uint32_t u, const ProcessState& ps, int priority) {
  Unit& unit = units_[u];
  if (!unit.busy) {
    ++in_use_;
    busy_avg_.set(sim_->now(), in_use_);
  }
  unit.busy = true;
  unit.priority = priority;
  unit.order = grants_++;
  unit.token = ++next_token_;
  unit.since = sim_->now();
  unit.holder = sim_->id_of(ps);
  return unit.token;
}

bool PreemptiveResource::RequestAwaiter::await_suspend(Process::Handle h) {
  ProcessState* ps = h.promise().proc;
  node.proc = ps;
  node.priority = priority;
  if (ps->interrupt_pending()) {
    ps->deliver = true;
    return false;
  }
  // A free unit, when nobody queues: the lowest-numbered one.
  if (r->queue_.empty()) {
    for (std::uint32_t u = 0; u < r->units_.size(); ++u) {
      if (!r->units_[u].busy) {
        node.unit = u;
        node.token = r->grant(u, *ps, priority);
        return false;
      }
    }
  }
  if (preempt) {
    // The least urgent holder: largest priority value, then the latest grant.
    const ProcessId me = r->sim_->id_of(*ps);
    std::uint32_t victim = static_cast<std::uint32_t>(r->units_.size());
    for (std::uint32_t u = 0; u < r->units_.size(); ++u) {
      const Unit& c = r->units_[u];
      if (!c.busy || c.holder == me) continue;
      if (victim == r->units_.size()) {
        victim = u;
        continue;
      }
      const Unit& v = r->units_[victim];
      if (c.priority > v.priority || (c.priority == v.priority && c.order > v.order)) victim = u;
    }
    if (victim < r->units_.size() && r->units_[victim].priority > priority) {
      const Unit old = r->units_[victim];
      Preempted why{me, priority, old.priority, old.since, r->sim_->now() - old.since};
      node.unit = victim;
      node.token = r->grant(victim, *ps, priority);
      ++r->preemptions_;
      char reason[96];
      std::snprintf(reason, sizeof reason, "preempted by a priority %d request after %.6g s",
                    priority, why.held);
      r->sim_->interrupt(old.holder, Interrupt{kPreemptedCode, reason, why});
      return false;
    }
  }
  // After every request of the same or a more urgent priority: FIFO within a priority.
  WaitNode* before = nullptr;
  for (WaitNode* n = r->queue_.back(); n != nullptr; n = n->prev) {
    if (static_cast<RequestNode*>(n)->priority <= priority) break;
    before = n;
  }
  r->sim_->wait_in(*ps, r->queue_, node, before);
  r->note_queue_change();
  return true;
}

PreemptiveGuard PreemptiveResource::RequestAwaiter::await_resume() {
  ProcessState* ps = node.proc;
  if (ps->deliver) {  // interrupted: the kernel has taken the request off the queue
    r->note_queue_change();
    ps->throw_interrupt();
  }
  ps->wait = ProcessState::Wait::none;
  return PreemptiveGuard(r, r->sim_, node.unit, node.token);
}

void PreemptiveResource::release_unit(std::uint32_t u, std::uint64_t token) {
  Unit& unit = units_[u];
  if (!unit.busy || unit.token != token) return;  // preempted: the unit is someone else's
  unit.busy = false;
  --in_use_;
  busy_avg_.set(sim_->now(), in_use_);
  serve_queue();
}

void PreemptiveResource::serve_queue() {
  for (std::uint32_t u = 0; u < units_.size() && !queue_.empty(); ++u) {
    if (units_[u].busy) continue;
    auto* n = static_cast<RequestNode*>(queue_.front());
    queue_.remove(n);
    n->unit = u;
    n->token = grant(u, *n->proc, n->priority);
    sim_->wake(*n->proc);
  }
  note_queue_change();
}

void PreemptiveResource::note_queue_change() {
  queue_avg_.set(sim_->now(), static_cast<double>(queue_.size()));
}

}  // namespace landbridge::sim
