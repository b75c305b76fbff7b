// The event queues against a slow obvious reference (a vector scanned for its minimum) on
// random operation sequences: arbitrary times with many ties, and the kernel's pattern
// (times never before the last one popped) with zero, exponential, heavy-tailed and huge
// delays.
#include "landbridge/sim/event_queue.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <vector>

namespace landbridge::sim {
namespace {

// The reference: a plain vector, minimum found by linear scan.
struct SlowQueue {
  std::vector<EventRecord> v;
  void push(const EventRecord& r) { v.push_back(r); }
  EventRecord pop() {
    auto it = std::min_element(v.begin(), v.end(), earlier);
    EventRecord r = *it;
    v.erase(it);
    return r;
  }
};

enum class Times { grid, kernel };

// Times of new records: on a coarse grid anywhere (ties galore), or the kernel's way: the
// last popped time plus a delay that is zero, exponential, heavy-tailed or huge.
struct TimeSource {
  Times kind;
  std::mt19937_64 rng;  // drives the test only; no result depends on its algorithm
  double next(double now) {
    std::uniform_real_distribution<double> u(0.0, 1.0);
    if (kind == Times::grid) return static_cast<double>(rng() % 50);
    const auto k = rng() % 20;
    if (k < 3) return now;                                        // same time: ties
    if (k < 15) return now - std::log(1.0 - u(rng));              // exponential
    if (k < 19) return now + 1.0 / std::pow(1.0 - u(rng), 1.5);  // heavy tail
    return now + 1e6 * u(rng);                                    // far future
  }
};

template <class Queue>
void cross_check(Times kind, std::uint32_t seed, int ops) {
  TimeSource ts{kind, std::mt19937_64(seed)};
  std::mt19937_64 rng(seed * 7 + 1);
  Queue fast;
  SlowQueue slow;
  std::uint64_t seq = 0;
  double now = 0.0;
  auto make = [&] {
    return EventRecord::make(ts.next(now), seq++, static_cast<std::uint32_t>(rng() % 1000));
  };
  for (int op = 0; op < ops; ++op) {
    const auto k = rng() % 10;
    if (fast.empty() || k < 4) {
      const EventRecord r = make();
      fast.push(r);
      slow.push(r);
    } else {
      const EventRecord want = slow.pop();
      ASSERT_EQ(fast.top().key, want.key) << "op " << op;
      now = want.time();
      if (k < 7) {
        fast.pop();
      } else {
        const EventRecord r = make();
        fast.replace_top(r);
        slow.push(r);
      }
    }
    ASSERT_EQ(fast.size(), slow.v.size());
  }
  while (!fast.empty()) {
    const EventRecord want = slow.pop();
    ASSERT_EQ(fast.top().key, want.key);
    fast.pop();
  }
}

TEST(EventQueue, BinaryHeapMatchesLinearScan) {
  for (std::uint32_t s = 1; s <= 3; ++s) {
    cross_check<EventHeap<2>>(Times::grid, s, 20000);
    cross_check<EventHeap<2>>(Times::kernel, s, 20000);
  }
}
TEST(EventQueue, FourAndEightAryHeapsMatchLinearScan) {
  for (std::uint32_t s = 1; s <= 2; ++s) {
    cross_check<EventHeap<4>>(Times::grid, s, 20000);
    cross_check<EventHeap<8>>(Times::kernel, s, 20000);
  }
}
TEST(EventQueue, BucketedQueueMatchesLinearScan) {
  for (std::uint32_t s = 1; s <= 4; ++s) {
    cross_check<EventQueue>(Times::grid, s, 30000);
    cross_check<EventQueue>(Times::kernel, s, 30000);
  }
}

TEST(EventQueue, BucketedQueueKeepsOrderAcrossEpochsWithAllTimesEqual) {
  // Every record at one time: the epoch's width cannot come from a spread of times.
  EventQueue q;
  for (std::uint64_t s = 0; s < 5000; ++s) q.push(EventRecord::make(42.0, 4999 - s, 0));
  for (std::uint64_t s = 0; s < 5000; ++s) {
    ASSERT_EQ(q.top().seq(), s);
    q.pop();
  }
  EXPECT_TRUE(q.empty());
}

TEST(EventQueue, ReassignedContentPopsInOrder) {
  EventQueue q;
  std::vector<EventRecord> all;
  for (std::uint64_t s = 0; s < 3000; ++s) {
    const EventRecord r = EventRecord::make(static_cast<double>((s * 7919) % 1000), s, 0);
    q.push(r);
    all.push_back(r);
  }
  q.pop();  // start an epoch, so records sit in every tier
  std::vector<EventRecord> copy;
  q.copy_to(copy);
  EXPECT_EQ(copy.size(), 2999U);
  std::sort(copy.begin(), copy.end(), earlier);
  std::sort(all.begin(), all.end(), earlier);
  all.erase(all.begin());
  EXPECT_TRUE(std::equal(copy.begin(), copy.end(), all.begin(),
                         [](const EventRecord& a, const EventRecord& b) { return a.key == b.key; }));
  q.assign_sorted(copy);
  for (const EventRecord& r : all) {
    ASSERT_EQ(q.top().key, r.key);
    q.pop();
  }
  EXPECT_TRUE(q.empty());
}

TEST(EventQueue, HeapBuiltFromAnArrayPopsInOrder) {
  std::vector<EventRecord> v;
  for (std::uint64_t s = 0; s < 1000; ++s)
    v.push_back(EventRecord::make(static_cast<double>((s * 31) % 97), s, 0));
  for (std::size_t k : {0UL, 1UL, 2UL, 3UL, 17UL, 1000UL}) {
    EventHeap<2> h;
    h.assign(v.data(), k);
    std::vector<EventRecord> want(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k));
    std::sort(want.begin(), want.end(), earlier);
    for (const EventRecord& r : want) {
      ASSERT_EQ(h.top().key, r.key) << k;
      h.pop();
    }
    EXPECT_TRUE(h.empty());
  }
}

TEST(EventQueue, RecordsKeepTimeSeqAndSlot) {
  const EventRecord r = EventRecord::make(3600.5, 123456789, 0xABCDEF);
  EXPECT_EQ(r.time(), 3600.5);
  EXPECT_EQ(r.seq(), 123456789U);
  EXPECT_EQ(r.slot(), 0xABCDEFU);
  // -0 is stored as +0, so it orders with zero, before every positive time.
  EXPECT_FALSE(earlier(EventRecord::make(1e-300, 0, 0), EventRecord::make(-0.0, 1, 0)));
  EXPECT_TRUE(earlier(EventRecord::make(0.0, 0, 0), EventRecord::make(-0.0, 1, 0)));
  // A later time wins over a smaller sequence number, bit patterns notwithstanding.
  EXPECT_TRUE(earlier(EventRecord::make(1.0, 9, 0), EventRecord::make(2.0, 1, 0)));
  EXPECT_TRUE(earlier(EventRecord::make(1e-310, 9, 0), EventRecord::make(1e300, 1, 0)));
}

TEST(EventQueue, SimultaneousEventsLeaveInSchedulingOrder) {
  EventQueue q;
  // Pushed out of seq order; all at t = 5 except one earlier.
  for (std::uint64_t s : {7, 3, 9, 1, 4}) q.push(EventRecord::make(5.0, s, 0));
  q.push(EventRecord::make(2.0, 100, 0));
  std::vector<std::uint64_t> order;
  while (!q.empty()) {
    order.push_back(q.top().seq());
    q.pop();
  }
  EXPECT_EQ(order, (std::vector<std::uint64_t>{100, 1, 3, 4, 7, 9}));
}

// The calendar under the kernel's pattern (replace_top at the earliest record) when the
// delays change scale by six orders of magnitude twice, with some records at infinity:
// the buckets must be re-sized, and the order must hold throughout.
TEST(EventQueue, CalendarKeepsOrderWhenTheDelaysChangeScale) {
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  EventQueue fast;
  SlowQueue slow;
  std::uint64_t seq = 0;
  const double inf = std::numeric_limits<double>::infinity();
  auto make = [&](double t) {
    const std::uint64_t s = seq++;
    return EventRecord::make(t, s, static_cast<std::uint32_t>(s % 977));
  };
  for (int i = 0; i < 3000; ++i) {
    const EventRecord r = make(i % 500 == 0 ? inf : -std::log(1.0 - u(rng)));
    fast.push(r);
    slow.push(r);
  }
  for (int step = 0; step < 60000; ++step) {
    const double scale = step < 20000 ? 1.0 : step < 40000 ? 1e-6 : 1e3;
    const EventRecord want = slow.pop();
    ASSERT_EQ(fast.top().key, want.key) << "step " << step;
    ASSERT_LT(want.time(), inf);
    const EventRecord r = make(want.time() - scale * std::log(1.0 - u(rng)));
    fast.replace_top(r);
    slow.push(r);
  }
  EXPECT_GE(fast.retunes(), 3U);  // the first sizing, then one per change of scale at least
  while (!fast.empty()) {
    const EventRecord want = slow.pop();
    ASSERT_EQ(fast.top().key, want.key);
    fast.pop();
  }
}

// Many records in one bucket (more than a bucket's block holds) and records pushed into
// buckets already opened (the late heap) keep their order by (time, seq).
TEST(EventQueue, CalendarHandlesCrowdedBucketsAndLateComers) {
  EventQueue q;
  SlowQueue slow;
  std::uint64_t seq = 0;
  auto push = [&](double t) {
    const EventRecord r = EventRecord::make(t, seq++, 0);
    q.push(r);
    slow.push(r);
  };
  for (int i = 0; i < 2000; ++i) push(static_cast<double>(i % 40));  // 50 records a time
  for (int i = 0; i < 200; ++i) push(1000.0 + i);
  for (int step = 0; step < 2100; ++step) {
    const EventRecord want = slow.pop();
    ASSERT_EQ(q.top().key, want.key) << "step " << step;
    q.pop();
    if (step % 3 == 0) push(want.time());         // at the current time: a late comer
    if (step % 7 == 0) push(want.time() + 0.5);  // into an opened or the next bucket
  }
  while (!q.empty()) {
    const EventRecord want = slow.pop();
    ASSERT_EQ(q.top().key, want.key);
    q.pop();
  }
  EXPECT_TRUE(slow.v.empty());
}

// Only infinite times left: they leave in sequence order.
TEST(EventQueue, CalendarPopsRecordsAtInfinityInSequenceOrder) {
  EventQueue q;
  const double inf = std::numeric_limits<double>::infinity();
  for (std::uint64_t s : {5, 2, 8}) q.push(EventRecord::make(inf, s, 0));
  q.push(EventRecord::make(1.0, 9, 0));
  std::vector<std::uint64_t> order;
  while (!q.empty()) {
    order.push_back(q.top().seq());
    q.pop();
  }
  EXPECT_EQ(order, (std::vector<std::uint64_t>{9, 2, 5, 8}));
}

}  // namespace
}  // namespace landbridge::sim
