// The event queue against a slow obvious reference (a sorted multiset scan) on random
// operation sequences with many equal times.
#include "landbridge/sim/event_queue.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
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

template <unsigned Arity>
void cross_check(std::uint32_t seed) {
  std::mt19937_64 rng(seed);  // drives the test only; no result depends on its algorithm
  EventQueue<Arity> fast;
  SlowQueue slow;
  std::uint64_t seq = 0;
  // Times on a coarse grid, so many records tie in time and seq must order them.
  auto random_record = [&] {
    return EventRecord::make(static_cast<double>(rng() % 50), seq++,
                             static_cast<std::uint32_t>(rng() % 7));
  };
  for (int op = 0; op < 20000; ++op) {
    const auto k = rng() % 10;
    if (fast.empty() || k < 4) {
      EventRecord r = random_record();
      fast.push(r);
      slow.push(r);
    } else if (k < 7) {
      EventRecord want = slow.pop();
      ASSERT_EQ(fast.top().seq(), want.seq()) << "op " << op;
      fast.pop();
    } else {
      EventRecord want = slow.pop();
      ASSERT_EQ(fast.top().seq(), want.seq()) << "op " << op;
      EventRecord r = random_record();
      fast.replace_top(r);
      slow.push(r);
    }
    ASSERT_EQ(fast.size(), slow.v.size());
  }
  while (!fast.empty()) {
    EventRecord want = slow.pop();
    ASSERT_EQ(fast.top().seq(), want.seq());
    ASSERT_EQ(fast.top().time(), want.time());
    fast.pop();
  }
}

TEST(EventQueue, BinaryHeapMatchesLinearScan) {
  for (std::uint32_t s = 1; s <= 3; ++s) cross_check<2>(s);
}
TEST(EventQueue, FourAryHeapMatchesLinearScan) {
  for (std::uint32_t s = 1; s <= 3; ++s) cross_check<4>(s);
}
TEST(EventQueue, EightAryHeapMatchesLinearScan) {
  for (std::uint32_t s = 1; s <= 3; ++s) cross_check<8>(s);
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
  EventQueue<4> q;
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

}  // namespace
}  // namespace landbridge::sim
