// A buffer of items with a capacity: a container yard, a wagon pool, a ferry's deck.
//
//   Store<Box> yard(sim, 400);                       // room for 400 boxes
//   co_await yard.put(box);                          // waits while the yard is full
//   Box b = co_await yard.get();                     // waits while it is empty
//   Box r = co_await yard.get_if([](const Box& b) { return b.reefer; });
//   std::vector<Box> train = co_await yard.get_batch_until(55, departure);
//                                                    // 55 boxes, or what is there at departure
//
// Items leave in the order they arrived (a filtered get takes the oldest matching item).
// Waiting getters are served in the order they came; a getter the current content cannot
// satisfy (no matching item, or fewer items than its batch) is passed over, and those
// behind it may be served. Waiting putters enter in order as room frees up.
// An interrupted get takes nothing; an interrupted put drops its item. A get or put that
// has been satisfied is never undone by an interrupt.
#pragma once

#include <cstddef>
#include <deque>
#include <limits>
#include <optional>
#include <utility>
#include <vector>

#include "landbridge/sim/simulation.h"

namespace landbridge::sim {

inline constexpr std::size_t kUnbounded = std::numeric_limits<std::size_t>::max();

template <class T>
class Store {
 public:
  explicit Store(Simulation& sim, std::size_t capacity = kUnbounded)
      : sim_(&sim), capacity_(capacity) {
    if (capacity == 0) throw Error("store: capacity must be at least 1");
  }
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  [[nodiscard]] std::size_t size() const { return items_.size(); }
  [[nodiscard]] bool empty() const { return items_.empty(); }
  [[nodiscard]] std::size_t capacity() const { return capacity_; }
  [[nodiscard]] const std::deque<T>& items() const { return items_; }
  [[nodiscard]] std::size_t waiting_getters() const { return getters_.size(); }
  [[nodiscard]] std::size_t waiting_putters() const { return putters_.size(); }

  // --- Nodes of the waiting lists (live in the awaiters) -----------------------------------
  struct PutNode : WaitNode {
    T* item = nullptr;
  };
  struct GetNode : WaitNode {
    bool (*match)(const void* pred, const T& item) = nullptr;  // null: any item
    const void* pred = nullptr;
    std::size_t want = 0;                 // 0: one item into `one`; n: a batch into `many`
    std::optional<T>* one = nullptr;
    std::vector<T>* many = nullptr;
  };

  struct PutAwaiter {
    Store* s;
    T item;
    PutNode node{};
    bool await_ready() const noexcept { return false; }
    bool await_suspend(Process::Handle h) {
      ProcessState* ps = h.promise().proc;
      node.proc = ps;
      node.item = &item;
      if (ps->interrupt_pending()) {
        ps->deliver = true;
        return false;
      }
      if (s->try_put(item)) return false;
      s->sim_->wait_in(*ps, s->putters_, node);
      return true;
    }
    void await_resume() {
      ProcessState* ps = node.proc;
      if (ps->deliver) ps->throw_interrupt();
      ps->wait = ProcessState::Wait::none;
    }
  };

  template <class Pred>
  struct GetAwaiter {
    Store* s;
    [[no_unique_address]] Pred pred;
    std::optional<T> got{};
    GetNode node{};
    bool await_ready() const noexcept { return false; }
    bool await_suspend(Process::Handle h) {
      ProcessState* ps = h.promise().proc;
      node.proc = ps;
      node.one = &got;
      if constexpr (!std::is_same_v<Pred, AnyItem>) {
        node.match = [](const void* p, const T& x) { return (*static_cast<const Pred*>(p))(x); };
        node.pred = &pred;
      }
      if (ps->interrupt_pending()) {
        ps->deliver = true;
        return false;
      }
      if (s->take(node)) {
        s->dispatch();
        return false;
      }
      s->sim_->wait_in(*ps, s->getters_, node);
      return true;
    }
    T await_resume() {
      ProcessState* ps = node.proc;
      if (ps->deliver) ps->throw_interrupt();
      ps->wait = ProcessState::Wait::none;
      return std::move(*got);
    }
  };

  struct BatchAwaiter {
    Store* s;
    std::size_t want;
    double deadline;
    std::vector<T> got{};
    GetNode node{};
    bool await_ready() const noexcept { return false; }
    bool await_suspend(Process::Handle h) {
      ProcessState* ps = h.promise().proc;
      node.proc = ps;
      node.want = want;
      node.many = &got;
      if (ps->interrupt_pending()) {
        ps->deliver = true;
        return false;
      }
      if (s->take(node)) {
        s->dispatch();
        return false;
      }
      if (deadline < std::numeric_limits<double>::infinity()) {
        s->sim_->wait_in_until(*ps, s->getters_, node, deadline);
      } else {
        s->sim_->wait_in(*ps, s->getters_, node);
      }
      return true;
    }
    std::vector<T> await_resume() {
      ProcessState* ps = node.proc;
      if (ps->deliver) ps->throw_interrupt();
      ps->wait = ProcessState::Wait::none;
      if (node.linked()) {  // the deadline came first: take what is there, up to `want`
        node.list->remove(&node);
        const std::size_t n = want < s->items_.size() ? want : s->items_.size();
        s->move_front(n, got);
        if (n > 0) s->dispatch();
      }
      return std::move(got);
    }
  };

  struct AnyItem {};

  // co_await put(item): adds item, waiting while the store is full.
  PutAwaiter put(T item) { return {this, std::move(item)}; }
  // co_await get(): takes the oldest item, waiting while there is none.
  GetAwaiter<AnyItem> get() { return {this, AnyItem{}}; }
  // co_await get_if(pred): takes the oldest item with pred(item), waiting until there is one.
  template <class Pred>
  GetAwaiter<Pred> get_if(Pred pred) {
    return {this, std::move(pred)};
  }
  // co_await get_batch(n): takes the n oldest items once there are n.
  BatchAwaiter get_batch(std::size_t n) {
    return get_batch_until(n, std::numeric_limits<double>::infinity());
  }
  // co_await get_batch_until(n, t): the n oldest items once there are n, or at time t
  // whatever is there (at most n, possibly none).
  BatchAwaiter get_batch_until(std::size_t n, double deadline) {
    if (n == 0) throw Error("store: a batch must ask for at least one item");
    return {this, n, deadline < sim_->now() ? sim_->now() : deadline};
  }

  // Adds item now if there is room and no putter waits; false (item untouched) otherwise.
  bool try_put(T& item) {
    if (items_.size() >= capacity_ || !putters_.empty()) return false;
    items_.push_back(std::move(item));
    dispatch();
    return true;
  }
  bool try_put(T&& item) { return try_put(item); }
  // Takes the oldest item now if there is one.
  std::optional<T> try_get() {
    if (items_.empty()) return std::nullopt;
    std::optional<T> out(std::move(items_.front()));
    items_.pop_front();
    dispatch();
    return out;
  }

 private:
  // Moves the first n items into out.
  void move_front(std::size_t n, std::vector<T>& out) {
    out.reserve(out.size() + n);
    for (std::size_t i = 0; i < n; ++i) {
      out.push_back(std::move(items_.front()));
      items_.pop_front();
    }
  }

  // Satisfies getter g from the current content if it can.
  bool take(GetNode& g) {
    if (g.want > 0) {
      if (items_.size() < g.want) return false;
      move_front(g.want, *g.many);
      return true;
    }
    for (auto it = items_.begin(); it != items_.end(); ++it) {
      if (g.match == nullptr || g.match(g.pred, *it)) {
        g.one->emplace(std::move(*it));
        items_.erase(it);
        return true;
      }
    }
    return false;
  }

  // Serves waiting getters and putters until neither can progress.
  void dispatch() {
    bool progress = true;
    while (progress) {
      progress = false;
      for (WaitNode* n = getters_.front(); n != nullptr && !items_.empty();) {
        WaitNode* next = n->next;
        if (take(*static_cast<GetNode*>(n))) {
          getters_.remove(n);
          sim_->wake(*n->proc);
          progress = true;
        }
        n = next;
      }
      while (!putters_.empty() && items_.size() < capacity_) {
        auto* p = static_cast<PutNode*>(putters_.front());
        putters_.remove(p);
        items_.push_back(std::move(*p->item));
        sim_->wake(*p->proc);
        progress = true;
      }
    }
  }

  Simulation* sim_;
  std::size_t capacity_;
  std::deque<T> items_;
  WaitList getters_;
  WaitList putters_;
};

}  // namespace landbridge::sim
