#include "landbridge/sim/event.h"

#include <utility>

namespace landbridge::sim {

void Event::trigger() {
  if (triggered_) throw Error("event: triggered twice (reset() it first to reuse it)");
  triggered_ = true;
  while (!waiters_.empty()) {
    WaitNode* n = waiters_.front();
    waiters_.remove(n);
    sim_->wake(*n->proc);
  }
}

void Event::succeed() { trigger(); }

void Event::fail(std::exception_ptr e) {
  if (!e) throw Error("event: fail() needs an exception");
  if (triggered_) throw Error("event: triggered twice (reset() it first to reuse it)");
  error_ = std::move(e);
  trigger();
}

void Event::fail(const std::string& reason) { fail(std::make_exception_ptr(Error(reason))); }

void Event::reset() {
  if (!waiters_.empty()) throw Error("event: reset() while processes wait for it");
  triggered_ = false;
  error_ = nullptr;
}

}  // namespace landbridge::sim
