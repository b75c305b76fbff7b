// The future event list.
//
// A record is 16 bytes: the event's time and an order key (the kernel's running sequence
// number in the high 40 bits, the process slot to resume in the low 24). Records are
// ordered by time, then by sequence number, so two records never compare equal and
// simultaneous events leave in the order they were scheduled, whatever the queue's
// structure: any correct priority queue pops the same sequence. Times are never negative,
// so the bits of a double order like the double itself and a record compares as one
// 128-bit unsigned number.
//
// Two structures, chosen by measurement on PHOLD's access pattern (bench_sim_phold
// --queues prints them beside std::priority_queue):
//
// EventHeap<d>: a d-ary heap in one flat, cache-line-aligned array. Node i lives at
// position i + d - 1, so the children of a node start on a multiple of d records; for the
// binary heap each pair of siblings fills half a line and the four grandchildren of a node
// one line, which sift_down prefetches a level ahead (unless Prefetch is false: a heap
// that lives in L1 gains nothing from it). The binary heap beats the 4- and 8-ary ones
// here.
//
// EventQueue (the kernel's): that binary heap holds only the near future; later events wait
// unsorted in time buckets of one "epoch" (a calendar of about one bucket per 8 events),
// and beyond it in an overflow list. When the heap runs dry the next non-empty bucket is
// heapified into it; when the epoch's buckets are used up, the overflow is spread over a
// new epoch sized from a sample of its times. Pushing far events is O(1) and the heap
// stays small enough to live in L1, which roughly halves the cost per event against the
// binary heap alone; it degrades to that heap (not worse) when times bunch up.
//
// replace_top() pops the minimum and pushes a new record in one step: the kernel uses it
// when the process it just resumed schedules its next wake-up, which is most events.
#pragma once

#include <algorithm>
#include <bit>
#include <cmath>
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

template <unsigned Arity = 2, bool Prefetch = true>
class EventHeap {
  static_assert(Arity >= 2, "a heap needs at least two children per node");
  static constexpr std::size_t kPad = Arity - 1;  // positions before the root
  static constexpr std::size_t kAlign = 64;

 public:
  EventHeap() = default;
  EventHeap(const EventHeap&) = delete;
  EventHeap& operator=(const EventHeap&) = delete;
  ~EventHeap() { release(); }

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

  // Replaces the content with records [p, p + k), in any order (Floyd's heap construction).
  void assign(const EventRecord* p, std::size_t k) {
    n_ = 0;  // nothing of the old content is kept (grow() copies n_ records)
    if (k == 0) return;
    if (k > cap_) grow(k);
    n_ = k;
    std::memcpy(base_ + kPad, p, k * sizeof(EventRecord));
    for (std::size_t i = (k - 1) / Arity + 1; i-- > 0;) sift_down_from(i, base_[kPad + i]);
  }

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
  void sift_down(const EventRecord r) { sift_down_from(0, r); }

  // Places r, starting from a hole at node `hole`, where it belongs in that subtree.
  void sift_down_from(std::size_t hole, const EventRecord r) {
    EventRecord* h = base_ + kPad;
    const std::size_t n = n_;
    const U128 rk = r.key;
    for (;;) {
      const std::size_t first = hole * Arity + 1;
      std::size_t best;
      if constexpr (Arity == 2) {
        // The four grandchildren share one cache line: fetch it while comparing the children.
        if constexpr (Prefetch) __builtin_prefetch(h + 4 * hole + 3);
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

// The kernel's queue: a small binary heap for the near future over time buckets.
class EventQueue {
 public:
  EventQueue() = default;
  EventQueue(const EventQueue&) = delete;
  EventQueue& operator=(const EventQueue&) = delete;

  [[nodiscard]] bool empty() const { return size_ == 0; }
  [[nodiscard]] std::size_t size() const { return size_; }
  void reserve(std::size_t n) { far_.reserve(n); }

  // The earliest record; the queue must not be empty.
  [[nodiscard]] const EventRecord& top() const { return near_.top(); }
  // A hint: the record likely to follow the top (null if not known cheaply).
  [[nodiscard]] const EventRecord* runner_up() const { return near_.runner_up(); }
  // Counts the times a bucket entered the near heap; near_records() are then the records
  // due next (in heap order), a batch worth prefetching for.
  [[nodiscard]] std::uint64_t refills() const { return refills_; }
  [[nodiscard]] const EventRecord* near_begin() const { return &near_.top(); }
  [[nodiscard]] std::size_t near_size() const { return near_.size(); }

  void push(const EventRecord& r) {
    ++size_;
    if (place(r)) near_.push(r);
    if (near_.empty()) refill();
  }

  // Removes the earliest record; the queue must not be empty.
  void pop() {
    --size_;
    near_.pop();
    if (near_.empty()) refill();
  }

  // Removes the earliest record and inserts r; the queue must not be empty.
  [[gnu::always_inline]] void replace_top(const EventRecord& r) {  // the kernel's hot path
    if (place(r)) {
      near_.replace_top(r);
    } else {
      near_.pop();
      if (near_.empty()) refill();
    }
  }

  // Appends every record, in no particular order, to out.
  void copy_to(std::vector<EventRecord>& out) const {
    near_.copy_to(out);
    for (std::size_t b = cur_; b < buckets_.size(); ++b) {
      out.insert(out.end(), buckets_[b].begin(), buckets_[b].end());
    }
    out.insert(out.end(), far_.begin(), far_.end());
  }
  // Replaces the content with the given records (in any order).
  void assign_sorted(const std::vector<EventRecord>& records) {
    near_.assign(nullptr, 0);
    for (std::size_t b = cur_; b < buckets_.size(); ++b) buckets_[b].clear();
    cur_ = buckets_.size();  // the epoch is over: everything waits in the overflow
    far_ = records;
    size_ = records.size();
    if (near_.empty()) refill();
  }

 private:
  static constexpr double kPerBucket = 8.0;        // target records per bucket
  static constexpr std::size_t kMinBuckets = 16;
  static constexpr std::size_t kMaxBuckets = 1 << 16;

  // Files r in a bucket or the overflow; true if it belongs in the near heap instead.
  bool place(const EventRecord& r) {
    const double x = (r.time() - base_) * inv_width_;
    if (x < static_cast<double>(cur_)) return true;  // NaN never: times are numbers
    if (x < static_cast<double>(buckets_.size())) {
      buckets_[static_cast<std::size_t>(x)].push_back(r);
    } else {
      far_.push_back(r);
    }
    return false;
  }

  // The near heap ran dry: move the next non-empty bucket into it, starting a new epoch
  // from the overflow when the buckets are used up. Out of line: the callers stay small.
  [[gnu::noinline]] void refill() {
    while (size_ > 0) {
      while (cur_ < buckets_.size() && buckets_[cur_].empty()) ++cur_;
      if (cur_ < buckets_.size()) {
        std::vector<EventRecord>& b = buckets_[cur_++];
        near_.assign(b.data(), b.size());
        b.clear();
        ++refills_;
        return;
      }
      new_epoch();
    }
  }

  // Spreads the overflow (every remaining record) over fresh buckets.
  [[gnu::noinline]] void new_epoch() {
    const std::size_t n = far_.size();
    // Bucket count from the population; width from a sample's median, so that about half
    // the records fall in the first half of the buckets whatever the spread of times.
    const std::size_t nb = std::clamp(static_cast<std::size_t>(static_cast<double>(n) / kPerBucket),
                                      kMinBuckets, kMaxBuckets);
    double t_min = far_[0].time();
    for (const EventRecord& r : far_) t_min = std::min(t_min, r.time());
    sample_.clear();
    const std::size_t step = n > 255 ? n / 255 : 1;
    for (std::size_t i = 0; i < n; i += step) sample_.push_back(far_[i].time());
    auto mid = sample_.begin() + static_cast<std::ptrdiff_t>(sample_.size() / 2);
    std::nth_element(sample_.begin(), mid, sample_.end());
    double width = 2.0 * (*mid - t_min) / static_cast<double>(nb);
    if (!(width > 0.0) || !std::isfinite(1.0 / width)) {
      const double t_max = *std::max_element(sample_.begin(), sample_.end());
      width = (t_max - t_min) / static_cast<double>(nb);
      if (!(width > 0.0) || !std::isfinite(1.0 / width)) width = 1.0;  // all at one time
    }
    base_ = t_min;
    inv_width_ = 1.0 / width;
    cur_ = 0;
    if (buckets_.size() != nb) buckets_.resize(nb);
    std::size_t keep = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const EventRecord r = far_[i];
      const double x = (r.time() - base_) * inv_width_;
      if (x < static_cast<double>(nb)) {
        buckets_[static_cast<std::size_t>(x)].push_back(r);
      } else {
        far_[keep++] = r;
      }
    }
    far_.resize(keep);
  }

  EventHeap<2, false> near_;                             // records of buckets before cur_
  std::vector<std::vector<EventRecord>> buckets_;  // bucket b: floor((t - base) / width) == b
  std::vector<EventRecord> far_;                  // beyond the last bucket (unsorted)
  std::vector<double> sample_;                    // scratch for new_epoch()
  double base_ = 0.0;
  double inv_width_ = 0.0;  // no epoch yet: every push goes to the overflow
  std::size_t cur_ = 0;     // next bucket to move into the heap
  std::size_t size_ = 0;
  std::uint64_t refills_ = 0;
};

}  // namespace landbridge::sim
