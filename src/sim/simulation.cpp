#include "landbridge/sim/simulation.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace landbridge::sim {

namespace {
std::string interrupt_message(const Interrupt& c) {
  std::string m = "process interrupted (code " + std::to_string(c.code) + ")";
  if (!c.reason.empty()) m += ": " + c.reason;
  return m;
}
}  // namespace

Interrupted::Interrupted(Interrupt cause)
    : Error(interrupt_message(cause)), cause_(std::move(cause)) {}

void ProcessState::throw_interrupt() {
  deliver = false;
  wait = Wait::none;
  std::vector<Interrupt>& q = sim->cold_[slot].interrupts;
  Interrupt c = std::move(q.front());
  q.erase(q.begin());
  interrupted = !q.empty();
  throw Interrupted(std::move(c));
}

void Process::promise_type::unhandled_exception() noexcept {
  proc->sim->cold_[proc->slot].error = std::current_exception();
}

void Process::SubStepAwaiter::await_resume() const {
  if (!child) return;
  ProcessState* ps = child.promise().proc;
  std::exception_ptr& e = ps->sim->cold_[ps->slot].error;
  if (e) std::rethrow_exception(std::exchange(e, nullptr));
}

// A sub-step starts inline: the awaiting coroutine is its continuation.
std::coroutine_handle<> Process::SubStepAwaiter::await_suspend(Handle parent) noexcept {
  promise_type& c = child.promise();
  c.parent = parent;
  c.proc = parent.promise().proc;
  c.proc->sim->hot_[c.proc->slot].frame = child.address();
  return child;
}

std::coroutine_handle<> Process::FinalAwaiter::await_suspend(Handle h) noexcept {
  promise_type& p = h.promise();
  if (p.parent) {
    // A sub-step ends: its parent continues; the parent's Process temporary frees the frame.
    ProcessState* ps = p.proc;
    ps->sim->hot_[ps->slot].frame = p.parent.address();
    return p.parent;
  }
  // A spawned process ends: wake its joiners, free its slot, then its frame. Nothing in the
  // frame (this awaiter included) may be touched after destroy().
  p.state.sim->finish(p.state);
  h.destroy();
  return std::noop_coroutine();
}

Simulation::Simulation() { queue_.reserve(1024); }

Simulation::~Simulation() {
  tearing_down_ = true;
  for (ColdSlot& c : cold_) {
    if (c.root != nullptr) {
      void* root = c.root;
      c.root = nullptr;
      Process::Handle::from_address(root).destroy();
    }
  }
}

void Simulation::throw_negative_delay(double dt) {
  throw Error("simulation: cannot wait a negative or undefined time (" + std::to_string(dt) +
              " s)");
}

ProcessId Simulation::spawn(Process p) {
  Process::Handle h = p.release();
  if (!h) throw Error("simulation: spawn of an empty Process (moved from?)");
  std::uint32_t slot;
  if (!free_slots_.empty()) {
    slot = free_slots_.back();
    free_slots_.pop_back();
  } else {
    if (hot_.size() >= kMaxSlots) {
      h.destroy();
      throw Error("simulation: more than " + std::to_string(kMaxSlots) + " live processes");
    }
    slot = static_cast<std::uint32_t>(hot_.size());
    hot_.emplace_back();
    cold_.emplace_back();
  }
  Process::promise_type& pr = h.promise();
  pr.proc = &pr.state;
  pr.state.sim = this;
  pr.state.slot = slot;
  pr.state.wait = ProcessState::Wait::ready;
  hot_[slot].frame = h.address();
  cold_[slot].root = h.address();
  ++live_;
  schedule(slot, now_);
  return ProcessId{slot, cold_[slot].generation};
}

void Simulation::resequence() {
  if (top_consumed_) {  // the record being processed goes first; schedule() then pushes
    top_consumed_ = false;
    queue_.pop();
  }
  std::vector<EventRecord> live;
  live.reserve(queue_.size());
  std::vector<EventRecord> all;
  queue_.copy_to(all);
  for (const EventRecord& r : all) {
    if (hot_[r.slot()].wake == r.order()) live.push_back(r);
  }
  std::sort(live.begin(), live.end(), earlier);
  std::uint64_t seq = 0;
  for (EventRecord& r : live) {
    r = EventRecord::make(r.time(), seq++, r.slot());
    hot_[r.slot()].wake = r.order();
  }
  queue_.assign_sorted(live);
  seq_ = seq;
  ++renumberings_;
}

bool Simulation::alive(ProcessId id) const {
  return id.valid() && id.slot < cold_.size() && cold_[id.slot].generation == id.generation &&
         cold_[id.slot].root != nullptr;
}

void Simulation::finish(ProcessState& ps) {
  ColdSlot& c = cold_[ps.slot];
  std::exception_ptr error = std::exchange(c.error, nullptr);
  c.interrupts.clear();
  while (!c.joiners.empty()) {
    WaitNode* n = c.joiners.front();
    c.joiners.remove(n);
    wake(*n->proc);
  }
  c.root = nullptr;
  ++c.generation;
  hot_[ps.slot] = HotSlot{};  // cancels any record still queued for the slot
  free_slots_.push_back(ps.slot);
  --live_;
  if (error && !error_) error_ = std::move(error);
}

bool Simulation::interrupt(ProcessId id, Interrupt cause) {
  if (!alive(id)) return false;
  ProcessState& ps = Process::Handle::from_address(cold_[id.slot].root).promise().state;
  cold_[id.slot].interrupts.push_back(std::move(cause));
  ps.interrupted = true;
  switch (ps.wait) {
    case ProcessState::Wait::timer:
      ps.deliver = true;
      wake(ps);  // the timer's record is now cancelled
      break;
    case ProcessState::Wait::list:
      cold_[id.slot].node->list->remove(cold_[id.slot].node);
      ps.deliver = true;
      wake(ps);  // a deadline's record, if any, is now cancelled
      break;
    case ProcessState::Wait::none:
    case ProcessState::Wait::ready:
      break;  // thrown at the process's next wait
  }
  return true;
}

void Simulation::run() { run_until(std::numeric_limits<double>::infinity()); }

void Simulation::run_until(double end) {
  if (running_) throw Error("simulation: run() called from inside a process");
  if (std::isnan(end)) throw Error("simulation: run_until(NaN)");
  running_ = true;
  while (!queue_.empty()) {
    const EventRecord top = queue_.top();
    const double t = top.time();
    if (t > end) break;
    const HotSlot& hs = hot_[top.slot()];
    if (hs.wake != top.order()) {  // cancelled by an interrupt, a trigger or the end
      queue_.pop();
      continue;
    }
    void* frame = hs.frame;
    // Frames are resumed in an order nothing in the hardware can guess: fetch ahead. The
    // queue knows the next few records; the slot record of the sixth one and the frame of
    // the fourth are fetched, so both are in cache when their turn comes.
    if (const EventRecord* r5 = queue_.ahead(5)) __builtin_prefetch(&hot_[r5->slot()]);
    if (const EventRecord* r3 = queue_.ahead(3)) prefetch_frame(r3->slot());
    now_ = t;
    ++events_;
    top_consumed_ = true;
    Process::Handle::from_address(frame).resume();
    if (top_consumed_) {
      top_consumed_ = false;
      queue_.pop();
    }
    if (error_) [[unlikely]] {
      running_ = false;
      std::rethrow_exception(std::exchange(error_, nullptr));
    }
  }
  if (end > now_ && std::isfinite(end)) now_ = end;
  running_ = false;
}

bool Simulation::JoinAwaiter::await_suspend(Process::Handle h) {
  ProcessState* ps = h.promise().proc;
  node.proc = ps;
  if (ps->interrupt_pending()) {
    ps->deliver = true;
    return false;
  }
  if (!sim->alive(target)) return false;
  sim->wait_in(*ps, sim->cold_[target.slot].joiners, node);
  return true;
}

void Simulation::JoinAwaiter::await_resume() {
  if (node.proc->deliver) node.proc->throw_interrupt();
  node.proc->wait = ProcessState::Wait::none;
}

}  // namespace landbridge::sim
