#include "landbridge/sim/resource.h"

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

}  // namespace landbridge::sim
