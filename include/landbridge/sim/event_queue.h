// The future event list: a d-ary min-heap of tiny event records in one flat array.
//
// A record is (time, seq, target): 24 bytes, nothing to chase while sifting. Records are
// ordered by time, then by seq, the kernel's running sequence number, so two records never
// compare equal and the order of simultaneous events is the order they were scheduled in,
// whatever the heap's shape. Any correct priority queue therefore pops the same sequence;
// the arity only changes speed (bench/sim/phold measures 2, 4 and 8; 4 is the default).
//
// replace_top() pops the minimum and pushes a new record in one sift-down: the kernel uses
// it when the process it just resumed schedules its next wake-up, which is most events.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace landbridge::sim {

struct EventRecord {
  double time;           // simulated time of the event, seconds
  std::uint64_t seq;     // scheduling order; breaks ties in time
  std::uint32_t target;  // what to resume: the kernel's process slot
};

// Strict order of records: earlier time first, then earlier seq.
inline bool earlier(const EventRecord& a, const EventRecord& b) {
  return a.time < b.time || (a.time == b.time && a.seq < b.seq);
}

template <unsigned Arity = 4>
class EventQueue {
  static_assert(Arity >= 2, "a heap needs at least two children per node");

 public:
  [[nodiscard]] bool empty() const { return heap_.empty(); }
  [[nodiscard]] std::size_t size() const { return heap_.size(); }
  void reserve(std::size_t n) { heap_.reserve(n); }
  void clear() { heap_.clear(); }

  // The earliest record; the queue must not be empty.
  [[nodiscard]] const EventRecord& top() const { return heap_.front(); }

  void push(const EventRecord& r) {
    std::size_t hole = heap_.size();
    heap_.push_back(r);
    EventRecord* h = heap_.data();
    while (hole > 0) {
      std::size_t parent = (hole - 1) / Arity;
      if (!earlier(r, h[parent])) break;
      h[hole] = h[parent];
      hole = parent;
    }
    h[hole] = r;
  }

  // Removes the earliest record; the queue must not be empty.
  void pop() {
    EventRecord last = heap_.back();
    heap_.pop_back();
    if (!heap_.empty()) sift_down(last);
  }

  // Removes the earliest record and inserts r, in one pass; the queue must not be empty.
  void replace_top(const EventRecord& r) { sift_down(r); }

 private:
  // Places r, starting from a hole at the root, where it belongs.
  void sift_down(const EventRecord& r) {
    EventRecord* h = heap_.data();
    const std::size_t n = heap_.size();
    std::size_t hole = 0;
    for (;;) {
      std::size_t first = hole * Arity + 1;
      if (first >= n) break;
      std::size_t best = first;
      std::size_t end = first + Arity < n ? first + Arity : n;
      for (std::size_t c = first + 1; c < end; ++c) {
        if (earlier(h[c], h[best])) best = c;
      }
      if (!earlier(h[best], r)) break;
      h[hole] = h[best];
      hole = best;
    }
    h[hole] = r;
  }

  std::vector<EventRecord> heap_;
};

}  // namespace landbridge::sim
