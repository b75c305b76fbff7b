// Stores: bounded buffers, filtered gets, batches with a deadline (train consolidation),
// interrupts.
#include "landbridge/sim/store.h"

#include <gtest/gtest.h>

#include <string>

#include "trace.h"

namespace landbridge::sim {
namespace {

using testing::Trace;

Process producer(Simulation& sim, Trace& tr, Store<int>& yard, int n) {
  for (int i = 1; i <= n; ++i) {
    co_await yard.put(i);
    tr.log(sim, "put box " + std::to_string(i));
  }
}

Process consumer(Simulation& sim, Trace& tr, Store<int>& yard, int n) {
  co_await sim.timeout(kHour);
  for (int i = 0; i < n; ++i) {
    int b = co_await yard.get();
    tr.log(sim, "took box " + std::to_string(b));
    co_await sim.timeout(2 * kHour);
  }
}

TEST(Store, PutWaitsWhileFullAndGetWhileEmpty) {
  Simulation sim;
  Trace tr;
  Store<int> yard(sim, 2);
  sim.spawn(producer(sim, tr, yard, 4));
  sim.spawn(consumer(sim, tr, yard, 4));
  sim.run();
  EXPECT_EQ(tr.text,
            "  0.0h put box 1\n"
            "  0.0h put box 2\n"
            "  1.0h took box 1\n"
            "  1.0h put box 3\n"
            "  3.0h took box 2\n"
            "  3.0h put box 4\n"
            "  5.0h took box 3\n"
            "  7.0h took box 4\n");
  EXPECT_TRUE(yard.empty());
}

struct Box {
  int id;
  bool reefer;
};

Process take_reefer(Simulation& sim, Trace& tr, Store<Box>& yard) {
  Box b = co_await yard.get_if([](const Box& x) { return x.reefer; });
  tr.log(sim, "reefer train takes box " + std::to_string(b.id));
}

Process take_any(Simulation& sim, Trace& tr, Store<Box>& yard) {
  Box b = co_await yard.get();
  tr.log(sim, "any-box train takes box " + std::to_string(b.id));
}

Process deliver(Simulation& sim, Store<Box>& yard, Box b, double at) {
  co_await sim.timeout(at);
  co_await yard.put(b);
}

TEST(Store, AFilteredGetterIsPassedOverByGettersItCannotServe) {
  Simulation sim;
  Trace tr;
  Store<Box> yard(sim);
  sim.spawn(take_reefer(sim, tr, yard));  // first in line, wants a reefer
  sim.spawn(take_any(sim, tr, yard));
  sim.spawn(deliver(sim, yard, Box{1, false}, kHour));
  sim.spawn(deliver(sim, yard, Box{2, true}, 2 * kHour));
  sim.run();
  EXPECT_EQ(tr.text,
            "  1.0h any-box train takes box 1\n"
            "  2.0h reefer train takes box 2\n");
}

Process block_train(Simulation& sim, Trace& tr, Store<int>& yard, std::vector<double> departures) {
  for (double dep : departures) {
    std::vector<int> boxes = co_await yard.get_batch_until(3, dep);
    std::string ids;
    for (int b : boxes) {
      ids += ' ';
      ids += std::to_string(b);
    }
    tr.log(sim, "train departs with " + std::to_string(boxes.size()) + " boxes:" + ids);
  }
}

Process box_arrivals(Simulation& sim, Store<int>& yard, int n) {
  for (int i = 1; i <= n; ++i) {
    co_await sim.timeout(kHour);
    co_await yard.put(i);
  }
}

TEST(Store, ATrainLeavesWhenFullOrAtItsScheduledTime) {
  Simulation sim;
  Trace tr;
  Store<int> yard(sim);
  sim.spawn(block_train(sim, tr, yard, {10 * kHour, 4.5 * kHour, 6.5 * kHour}));
  sim.spawn(box_arrivals(sim, yard, 6));
  sim.run();
  // First train: full (3 boxes) at 3h, before its 10h schedule. Second: only box 4 by 4.5h.
  // Third: boxes 5 and 6 by 6.5h.
  EXPECT_EQ(tr.text,
            "  3.0h train departs with 3 boxes: 1 2 3\n"
            "  4.5h train departs with 1 boxes: 4\n"
            "  6.5h train departs with 2 boxes: 5 6\n");
  EXPECT_TRUE(yard.empty());
}

Process interruptible_get(Simulation& sim, Trace& tr, Store<int>& yard) {
  try {
    int b = co_await yard.get();
    tr.log(sim, "got box " + std::to_string(b));
  } catch (const Interrupted& i) {
    tr.log(sim, "stopped waiting: " + i.cause().reason);
  }
  try {
    co_await sim.timeout(kHour);
  } catch (const Interrupted& i) {
    tr.log(sim, "interrupted at the next wait: " + i.cause().reason);
  }
}

TEST(Store, AnInterruptedGetterTakesNothing) {
  Simulation sim;
  Trace tr;
  Store<int> yard(sim);
  ProcessId p = sim.spawn(interruptible_get(sim, tr, yard));
  sim.run_until(kHour);
  sim.interrupt(p, {0, "yard closed"});
  EXPECT_EQ(yard.waiting_getters(), 0U);
  sim.run();
  EXPECT_TRUE(yard.try_put(42));
  sim.run();
  EXPECT_EQ(yard.size(), 1U);  // nobody took it
  EXPECT_EQ(tr.text, "  1.0h stopped waiting: yard closed\n");
}

TEST(Store, AnItemHandedOverIsNeverLostToAnInterrupt) {
  Simulation sim;
  Trace tr;
  Store<int> yard(sim);
  ProcessId p = sim.spawn(interruptible_get(sim, tr, yard));
  sim.run_until(kHour);
  EXPECT_TRUE(yard.try_put(7));  // handed to the waiting getter now...
  sim.interrupt(p, {0, "too late"});  // ...so the interrupt waits for its next wait
  sim.run();
  EXPECT_EQ(tr.text,
            "  1.0h got box 7\n"
            "  1.0h interrupted at the next wait: too late\n");
  EXPECT_TRUE(yard.empty());
}

Process stubborn_put(Simulation& sim, Trace& tr, Store<int>& deck, int box) {
  try {
    co_await deck.put(box);
    tr.log(sim, "box " + std::to_string(box) + " on deck");
  } catch (const Interrupted& i) {
    tr.log(sim, "box " + std::to_string(box) + " left behind: " + i.cause().reason);
  }
}

TEST(Store, AnInterruptedPutterDropsItsItem) {
  Simulation sim;
  Trace tr;
  Store<int> deck(sim, 1);  // a ferry with room for one box
  sim.spawn(stubborn_put(sim, tr, deck, 1));
  ProcessId second = sim.spawn(stubborn_put(sim, tr, deck, 2));
  sim.run_until(kHour);
  EXPECT_EQ(deck.waiting_putters(), 1U);
  sim.interrupt(second, {0, "ferry sails"});
  sim.run();
  EXPECT_EQ(deck.waiting_putters(), 0U);
  EXPECT_EQ(deck.items(), (std::deque<int>{1}));
  EXPECT_EQ(tr.text,
            "  0.0h box 1 on deck\n"
            "  1.0h box 2 left behind: ferry sails\n");
}

}  // namespace
}  // namespace landbridge::sim
