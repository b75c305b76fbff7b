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
// EventQueue (the kernel's): a calendar. Time is cut into buckets of one width (sized so
// that about 5 records fall in each); a ring of buckets covers a window of the near future
// and an unsorted overflow list holds what lies beyond it. A push appends to its bucket's
// fixed block (a per-bucket count in a small array says where; a full block spills to a
// list). The earliest buckets are opened in turn: their few records are rank-sorted (no
// branch depends on the keys, so no misprediction) onto a "run", from which pops are a
// pointer increment; the run is topped up so that it knows the next several records,
// which the kernel prefetches. A record pushed into a bucket already opened (an event at
// the current time, say) goes to a small binary heap of late comers, and the top is the
// earlier of the run's head and that heap's. When the window has moved half its length,
// the overflow records it now covers move into the ring. Bucket width, ring length and the
// overflow are re-sized from a sample of the records' times when the buckets run too full,
// too empty or the overflow takes too much; checks are spaced so that this costs O(1) per
// record. Against the binary heap alone (and the earlier epoch design) it removes most
// data-dependent branches from the hot path, which is where their time went.
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
#include <limits>
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

// The kernel's queue: sorted runs of time buckets from a ring, with a heap for late comers.
class EventQueue {
 public:
  EventQueue() = default;
  EventQueue(const EventQueue&) = delete;
  EventQueue& operator=(const EventQueue&) = delete;

  [[nodiscard]] bool empty() const { return size_ == 0; }
  [[nodiscard]] std::size_t size() const { return size_; }
  void reserve(std::size_t n) { far_.reserve(n); }

  // The earliest record; the queue must not be empty.
  [[nodiscard]] const EventRecord& top() const { return *top_; }
  // A hint: the record k places after the run's head, which is the record k places after
  // the top unless late comers interleave or are pushed meanwhile (null if not known
  // cheaply). The kernel prefetches what it will resume soon.
  [[nodiscard]] const EventRecord* ahead(std::size_t k) const {
    return run_end_ - run_ > static_cast<std::ptrdiff_t>(k) ? run_ + k : nullptr;
  }
  [[nodiscard]] const EventRecord* runner_up() const { return ahead(1); }
  // Counts the times a bucket was opened (sorted into the run).
  [[nodiscard]] std::uint64_t refills() const { return refills_; }
  // How often the buckets were re-sized from the records' times (for tests and tuning).
  [[nodiscard]] std::uint64_t retunes() const { return retunes_; }

  void push(const EventRecord& r) {
    ++size_;
    if (place(r)) late_.push(r);
    settle();
  }

  // Removes the earliest record; the queue must not be empty.
  void pop() {
    --size_;
    drop_top();
    settle();
  }

  // Removes the earliest record and inserts r; the queue must not be empty.
  [[gnu::always_inline]] void replace_top(const EventRecord& r) {  // the kernel's hot path
    if (place(r)) [[unlikely]] {
      if (top_in_late_) {
        late_.replace_top(r);
      } else {
        ++run_;
        late_.push(r);
      }
    } else {
      drop_top();
    }
    settle();
  }

  // Appends every record, in no particular order, to out.
  void copy_to(std::vector<EventRecord>& out) const {
    out.insert(out.end(), run_, run_end_);
    late_.copy_to(out);
    for (std::size_t b = 0; b < count_.size(); ++b) {
      out.insert(out.end(), &block_[b * kBlock], &block_[b * kBlock] + count_[b]);
      out.insert(out.end(), spill_[b].begin(), spill_[b].end());
    }
    out.insert(out.end(), far_.begin(), far_.end());
  }
  // Replaces the content with the given records (in any order).
  void assign_sorted(const std::vector<EventRecord>& records) {
    late_.assign(nullptr, 0);
    run_ = run_end_ = run_buf_.data();
    std::fill(count_.begin(), count_.end(), std::uint8_t{0});
    for (std::vector<EventRecord>& b : spill_) b.clear();
    in_ring_ = 0;
    far_ = records;
    size_ = records.size();
    retune_due_ = true;
    settle();
  }

 private:
  static constexpr double kPerBucket = 5.0;  // target records per bucket
  static constexpr std::size_t kMinBuckets = 16;
  static constexpr std::size_t kMaxBuckets = std::size_t{1} << 16;
  static constexpr std::size_t kMaxSpan = 16;
  static constexpr std::size_t kRankSortMax = 24;
  static constexpr std::size_t kBlock = 16;  // records a bucket holds before it spills
  static constexpr std::ptrdiff_t kAhead = 6;  // records the run keeps known in advance
  static constexpr double kFarLimit = 4503599627370496.0;  // 2^52: bucket numbers stay exact

  void drop_top() {
    if (top_in_late_) {
      late_.pop();
    } else {
      ++run_;
    }
  }
  // Points top_ at the earliest record, opening the next bucket when the run and the late
  // heap are both used up.
  void settle() {
    if (run_end_ - run_ < kAhead) [[unlikely]] top_up();
    if (late_.empty()) [[likely]] {
      top_ = run_;
      top_in_late_ = false;
    } else {
      settle_late();
    }
  }
  void settle_late() {
    top_in_late_ = run_ == run_end_ || late_.top().key < run_->key;
    top_ = top_in_late_ ? &late_.top() : run_;
  }

  // Files r in its bucket of the ring or in the overflow; true if it belongs in the late
  // heap instead (its bucket is open already).
  bool place(const EventRecord& r) {
    const double x = (r.time() - origin_) * inv_width_;
    if (x < cur_x_) return true;  // NaN (infinite times) is never below: it goes far
    if (x < end_x_) {
      add(static_cast<std::uint64_t>(x) & mask_, r);
    } else {
      far_.push_back(r);
      ++far_pushes_;
      if (x < far_min_x_) far_min_x_ = x;  // infinite times leave it at infinity
    }
    return false;
  }

  // The run is short: open the next buckets (their records follow the run's) until it
  // holds kAhead records or the ring and the overflow are empty. Opening buckets early is
  // harmless: records pushed into them later go to the late heap. Out of line: the
  // callers stay small.
  [[gnu::noinline]] void top_up() {
    while (run_end_ - run_ < kAhead && (in_ring_ > 0 || !far_.empty())) refill();
  }

  // Opens the next non-empty bucket.
  void refill() {
    while (in_ring_ > 0 || !far_.empty()) {
      if (retune_due_ || (opened_ >= retune_check_ && retune_wanted())) {
        retune();
        continue;
      }
      if (in_ring_ == 0) {
        // Nothing in the window: jump to the overflow's first bucket.
        if (!(far_min_x_ < kFarLimit)) {
          retune();
          continue;
        }
        set_cur(std::floor(far_min_x_));
        migrate();
        continue;
      }
      // Open buckets only inside the window the last migration left free of overflow
      // records; move the overflow records that entered the window first.
      if (cur_ >= window_ + count_.size() / 2) migrate();
      std::uint64_t b = cur_ & mask_;
      std::uint64_t scanned = 1;
      while (count_[b] == 0 && cur_ + 1 < window_ + count_.size()) {
        set_cur(static_cast<double>(cur_ + 1));
        b = cur_ & mask_;
        ++scanned;
      }
      scanned_ += scanned;
      set_cur(static_cast<double>(cur_ + 1));
      if (count_[b] == 0) continue;  // reached the window's end: migrate and go on
      std::size_t n = count_[b];
      if (spill_[b].empty()) {
        open(&block_[b * kBlock], n);
      } else {
        std::vector<EventRecord>& sp = spill_[b];
        sp.insert(sp.end(), &block_[b * kBlock], &block_[b * kBlock] + n);
        n = sp.size();
        open(sp.data(), n);
        sp.clear();
      }
      count_[b] = 0;
      in_ring_ -= n;
      opened_ += n;
      ++refills_;
      ++refills_since_;
      return;
    }
  }

  void set_cur(double c) {
    cur_ = static_cast<std::uint64_t>(c);
    cur_x_ = c;
    end_x_ = static_cast<double>(window_ + count_.size());
  }

  // Moves the overflow records that fall in the window [cur_, cur_ + ring size) into the
  // ring; the window then starts at cur_.
  [[gnu::noinline]] void migrate() {
    window_ = cur_;
    end_x_ = static_cast<double>(window_ + count_.size());
    double far_min = kInf;
    std::size_t keep = 0;
    for (std::size_t i = 0; i < far_.size(); ++i) {
      const EventRecord r = far_[i];
      const double x = (r.time() - origin_) * inv_width_;
      if (x < end_x_) {
        add(static_cast<std::uint64_t>(x) & mask_, r);
      } else {
        if (x < far_min) far_min = x;
        far_[keep++] = r;
      }
    }
    far_.resize(keep);
    far_min_x_ = far_min;
  }

  // True when the buckets no longer fit the records: too full, mostly empty, or the window
  // too short for the delays (many records overflow). Checked after about half the queue
  // has passed through the buckets since the last sizing, so re-sizing costs O(1) a record.
  [[nodiscard]] bool retune_wanted() {
    retune_check_ = opened_ + std::max<std::uint64_t>(size_ / 2, 1024);
    const double per_bucket = static_cast<double>(opened_) / static_cast<double>(std::max<std::uint64_t>(refills_since_, 1));
    const bool full = per_bucket > 4 * kPerBucket && count_.size() < kMaxBuckets;
    const bool sparse = static_cast<double>(scanned_) > 4.0 * static_cast<double>(refills_since_ + 1);
    const bool short_window = far_pushes_ * 4 > opened_ && span_ < kMaxSpan;
    if (short_window) span_ *= 2;
    return full || sparse || short_window;
  }

  // Files r in ring bucket b (of the ring, not of time).
  void add(std::uint64_t b, const EventRecord& r) {
    const std::uint8_t c = count_[b];
    if (c < kBlock) [[likely]] {
      block_[b * kBlock + c] = r;
      count_[b] = static_cast<std::uint8_t>(c + 1);
    } else {
      spill_[b].push_back(r);
    }
    ++in_ring_;
  }

  // Sorts records [b, b + n) (later than every record of the run) onto the run's end.
  void open(const EventRecord* b, std::size_t n) {
    const auto rest = static_cast<std::size_t>(run_end_ - run_);
    if (rest > 0 && run_ != run_buf_.data()) std::memmove(run_buf_.data(), run_, rest * sizeof(EventRecord));
    if (run_buf_.size() < rest + n) run_buf_.resize(std::max<std::size_t>(rest + n, 2 * run_buf_.size()));
    EventRecord* out = run_buf_.data() + rest;
    if (n <= kRankSortMax) {
      // Rank sort: no branch depends on the keys (keys are distinct), so nothing is
      // mispredicted; n^2 comparisons are cheap for a bucket's handful of records.
      for (std::size_t i = 0; i < n; ++i) {
        const U128 k = b[i].key;
        std::size_t rank = 0;
        for (std::size_t j = 0; j < n; ++j) rank += std::size_t{b[j].key < k};
        out[rank] = b[i];
      }
    } else {
      std::memcpy(out, b, n * sizeof(EventRecord));
      std::sort(out, out + n, earlier);
    }
    run_ = run_buf_.data();
    run_end_ = out + n;
  }

  // Sizes the buckets from the records' times and spreads every record (the run is used up) over the ring and the overflow.
  [[gnu::noinline]] void retune() {
    retune_due_ = false;
    ++retunes_;
    std::vector<EventRecord>& all = far_;
    for (std::size_t b = 0; b < count_.size(); ++b) {
      all.insert(all.end(), &block_[b * kBlock], &block_[b * kBlock] + count_[b]);
      all.insert(all.end(), spill_[b].begin(), spill_[b].end());
      spill_[b].clear();
      count_[b] = 0;
    }
    in_ring_ = 0;
    // Records at infinity fit no bucket: they wait in the late heap, below everything else.
    std::size_t finite = 0;
    for (const EventRecord& r : all) {
      if (r.time() < kInf) {
        all[finite++] = r;
      } else {
        late_.push(r);
      }
    }
    all.resize(finite);
    const std::size_t n = all.size();
    // Bucket width from a sample's median, so that about kPerBucket records fall in each of
    // the first buckets whatever the spread of times; the ring covers twice that span.
    const std::size_t nb = std::clamp(static_cast<std::size_t>(static_cast<double>(n) / kPerBucket),
                                      kMinBuckets, kMaxBuckets / 2);
    double t_min = kInf;
    for (const EventRecord& r : all) t_min = std::min(t_min, r.time());
    sample_.clear();
    const std::size_t step = n > 255 ? n / 255 : 1;
    for (std::size_t i = 0; i < n; i += step) {
      if (all[i].time() < kInf) sample_.push_back(all[i].time());
    }
    double width = 0.0;
    if (!sample_.empty()) {
      auto mid = sample_.begin() + static_cast<std::ptrdiff_t>(sample_.size() / 2);
      std::nth_element(sample_.begin(), mid, sample_.end());
      width = 2.0 * (*mid - t_min) / static_cast<double>(nb);
      if (!(width > 0.0) || !std::isfinite(1.0 / width)) {
        const double t_max = *std::max_element(sample_.begin(), sample_.end());
        width = (t_max - t_min) / static_cast<double>(nb);
      }
    }
    if (!(width > 0.0) || !std::isfinite(1.0 / width) || !std::isfinite(width)) width = 1.0;
    const std::size_t ring = std::min(std::bit_ceil(span_ * nb), kMaxBuckets);
    if (count_.size() != ring) {
      count_.assign(ring, 0);
      block_.assign(ring * kBlock, EventRecord{});
      spill_.clear();
      spill_.resize(ring);
    }
    mask_ = ring - 1;
    inv_width_ = 1.0 / width;
    window_ = 0;
    if (t_min < kInf) {
      // The run's records are all earlier than t_min (they come from earlier buckets).
      origin_ = t_min;
      set_cur(0.0);
    } else {
      // Nothing left to spread: new records no later than the run's last one must go to
      // the late heap, so bucket 0, which starts there, counts as opened.
      origin_ = run_ != run_end_ ? run_end_[-1].time() : 0.0;
      set_cur(1.0);
    }
    opened_ = scanned_ = far_pushes_ = refills_since_ = 0;
    retune_check_ = std::max<std::uint64_t>(n / 2, 1024);
    migrate();
  }

  static constexpr double kInf = std::numeric_limits<double>::infinity();

  const EventRecord* top_ = nullptr;
  bool top_in_late_ = false;
  EventRecord* run_ = nullptr;      // the opened bucket's records not yet removed, sorted
  EventRecord* run_end_ = nullptr;
  std::vector<EventRecord> run_buf_;
  EventHeap<2, false> late_;        // records pushed into buckets already opened
  // Bucket b of the window is ring bucket b & mask_: its first kBlock records in
  // block_[(b & mask_) * kBlock ...], their count in count_ (a small array that stays in
  // cache), any more in spill_.
  std::vector<EventRecord> block_;
  std::vector<std::uint8_t> count_;
  std::vector<std::vector<EventRecord>> spill_;
  std::vector<EventRecord> far_;                // beyond the window (unsorted)
  std::vector<double> sample_;                  // scratch for retune()
  double origin_ = 0.0;
  double inv_width_ = 0.0;  // bucket of time t: floor((t - origin_) * inv_width_)
  double cur_x_ = 0.0;      // cur_ as a double
  double end_x_ = 0.0;      // window_ + ring size as a double (no ring yet: everything far)
  double far_min_x_ = kInf; // smallest bucket coordinate in the overflow
  std::uint64_t cur_ = 0;     // next bucket to open
  std::uint64_t window_ = 0;  // the overflow holds nothing below window_ + ring size
  std::uint64_t mask_ = 0;
  std::size_t in_ring_ = 0;
  std::size_t size_ = 0;
  bool retune_due_ = true;
  std::size_t span_ = 2;  // the ring holds span_ times the buckets of the median's span
  std::uint64_t refills_ = 0;
  std::uint64_t retunes_ = 0;
  // Since the last sizing: records opened, buckets scanned, buckets opened, overflow pushes.
  std::uint64_t opened_ = 0;
  std::uint64_t scanned_ = 0;
  std::uint64_t refills_since_ = 0;
  std::uint64_t far_pushes_ = 0;
  std::uint64_t retune_check_ = 0;
};

}  // namespace landbridge::sim
