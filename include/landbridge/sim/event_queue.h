// The future event list: a d-ary min-heap of 16-byte event records in one flat,
// cache-line-aligned array.
//
// A record is the event's time and an order key: the kernel's running sequence number in
// the high 40 bits and the process slot to resume in the low 24. Records are ordered by
// time, then by sequence number, so two records never compare equal and simultaneous
// events leave in the order they were scheduled, whatever the heap's shape: any correct
// priority queue pops the same sequence, and the arity only changes speed.
//
// Times are never negative, so the bits of a double order like the double itself; a record
// compares as one 128-bit unsigned number (time bits, order key).
//
// Layout: with arity d, node i lives at position i + d - 1, so the d children of any node
// start on a multiple of d records. For the binary heap this puts each pair of siblings in
// half a cache line and the four grandchildren of a node in one line, which sift_down
// prefetches a level ahead. Measured on PHOLD's access pattern (bench_sim_phold --queues),
// this binary heap beats 4- and 8-ary heaps and std::priority_queue; it is the kernel's.
//
// replace_top() pops the minimum and pushes a new record in one sift-down: the kernel uses
// it when the process it just resumed schedules its next wake-up, which is most events.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <new>
#include <utility>
#include <vector>

namespace landbridge::sim {

__extension__ using U128 = unsigned __int128;

struct EventRecord {
  static constexpr unsigned kSlotBits = 24;
  static constexpr std::uint64_t kSlotMask = (std::uint64_t{1} << kSlotBits) - 1;
  static constexpr std::uint64_t kSeqLimit = std::uint64_t{1} << (64 - kSlotBits);

  // time bits << 64 | seq << kSlotBits | slot: comparing keys compares (time, seq).
  U128 key;

  static EventRecord make(double time, std::uint64_t seq, std::uint32_t slot) {
    const auto t = std::bit_cast<std::uint64_t>(time + 0.0);  // -0 becomes +0
    return {(static_cast<U128>(t) << 64) | ((seq << kSlotBits) | slot)};
  }
  [[nodiscard]] double time() const { return std::bit_cast<double>(static_cast<std::uint64_t>(key >> 64)); }
  // seq << kSlotBits | slot: unique among records the kernel has scheduled.
  [[nodiscard]] std::uint64_t order() const { return static_cast<std::uint64_t>(key); }
  [[nodiscard]] std::uint64_t seq() const { return order() >> kSlotBits; }
  [[nodiscard]] std::uint32_t slot() const { return static_cast<std::uint32_t>(order() & kSlotMask); }
};

// Strict order of records: earlier time first, then earlier seq.
inline bool earlier(const EventRecord& a, const EventRecord& b) { return a.key < b.key; }

template <unsigned Arity = 2>
class EventQueue {
  static_assert(Arity >= 2, "a heap needs at least two children per node");
  static constexpr std::size_t kPad = Arity - 1;  // positions before the root
  static constexpr std::size_t kAlign = 64;

 public:
  EventQueue() = default;
  EventQueue(const EventQueue&) = delete;
  EventQueue& operator=(const EventQueue&) = delete;
  ~EventQueue() { release(); }

  [[nodiscard]] bool empty() const { return n_ == 0; }
  [[nodiscard]] std::size_t size() const { return n_; }
  void reserve(std::size_t n) {
    if (n > cap_) grow(n);
  }
  void clear() { n_ = 0; }

  // The earliest record; the queue must not be empty.
  [[nodiscard]] const EventRecord& top() const { return base_[kPad]; }
  // The record that follows the top if nothing is pushed meanwhile (null if none): the
  // smallest child of the root. The kernel prefetches what it will resume next.
  [[nodiscard]] const EventRecord* runner_up() const {
    const EventRecord* h = base_ + kPad;
    if (n_ < 2) return nullptr;
    std::size_t best = 1;
    const std::size_t end = n_ < Arity + 1 ? n_ : Arity + 1;
    for (std::size_t k = 2; k < end; ++k) best = h[k].key < h[best].key ? k : best;
    return h + best;
  }
  // Record k in heap order (0 = top), for inspection.
  [[nodiscard]] const EventRecord& at(std::size_t k) const { return base_[kPad + k]; }

  void push(const EventRecord& r) {
    if (n_ == cap_) grow(cap_ ? 2 * cap_ : 256);
    EventRecord* h = base_ + kPad;
    std::size_t hole = n_++;
    while (hole > 0) {
      const std::size_t parent = (hole - 1) / Arity;
      if (!earlier(r, h[parent])) break;
      h[hole] = h[parent];
      hole = parent;
    }
    h[hole] = r;
  }

  // Removes the earliest record; the queue must not be empty.
  void pop() {
    --n_;
    if (n_ > 0) sift_down(base_[kPad + n_]);
  }

  // Removes the earliest record and inserts r, in one pass; the queue must not be empty.
  void replace_top(const EventRecord& r) { sift_down(r); }

  // Appends the records, in heap order, to out.
  void copy_to(std::vector<EventRecord>& out) const {
    out.insert(out.end(), base_ + kPad, base_ + kPad + n_);
  }
  // Replaces the content with records already sorted by earlier() (a sorted array is a heap).
  void assign_sorted(const std::vector<EventRecord>& sorted) {
    if (sorted.size() > cap_) grow(sorted.size());
    if (!sorted.empty()) std::memcpy(base_ + kPad, sorted.data(), sorted.size() * sizeof(EventRecord));
    n_ = sorted.size();
  }

 private:
  // Places r, starting from a hole at the root, where it belongs.
  void sift_down(const EventRecord r) {
    EventRecord* h = base_ + kPad;
    const std::size_t n = n_;
    const U128 rk = r.key;
    std::size_t hole = 0;
    for (;;) {
      const std::size_t first = hole * Arity + 1;
      std::size_t best;
      if constexpr (Arity == 2) {
        // The four grandchildren share one cache line: fetch it while comparing the children.
        __builtin_prefetch(h + 4 * hole + 3);
        if (first + 1 < n) {
          best = first + std::size_t{h[first + 1].key < h[first].key};
        } else if (first < n) {
          best = first;
        } else {
          break;
        }
      } else {
        if (first >= n) break;
        best = first;
        const std::size_t end = first + Arity < n ? first + Arity : n;
        for (std::size_t k = first + 1; k < end; ++k) best = h[k].key < h[best].key ? k : best;
      }
      if (!(h[best].key < rk)) break;
      h[hole] = h[best];
      hole = best;
    }
    h[hole] = r;
  }

  void grow(std::size_t cap) {
    auto* fresh = static_cast<EventRecord*>(
        ::operator new((cap + kPad) * sizeof(EventRecord), std::align_val_t{kAlign}));
    if (base_ != nullptr) std::memcpy(fresh + kPad, base_ + kPad, n_ * sizeof(EventRecord));
    release();
    base_ = fresh;
    cap_ = cap;
  }
  void release() {
    if (base_ != nullptr) ::operator delete(base_, std::align_val_t{kAlign});
    base_ = nullptr;
  }

  EventRecord* base_ = nullptr;  // kPad unused records, then the heap
  std::size_t n_ = 0;
  std::size_t cap_ = 0;
};

}  // namespace landbridge::sim
