// The kernel: clock, ordering of simultaneous events, sub-steps, joins, interrupts, errors.
#include "landbridge/sim/simulation.h"

#include <gtest/gtest.h>

#include <string>

#include "trace.h"

namespace landbridge::sim {
namespace {

using testing::Trace;

Process ticker(Simulation& sim, Trace& tr, std::string name, double step, int n) {
  for (int i = 0; i < n; ++i) {
    co_await sim.timeout(step);
    tr.log(sim, name + " tick");
  }
}

TEST(Kernel, TimeoutsRunInTimeThenSchedulingOrder) {
  Simulation sim;
  Trace tr;
  sim.spawn(ticker(sim, tr, "A", 2 * kHour, 3));
  sim.spawn(ticker(sim, tr, "B", 3 * kHour, 2));
  sim.run();
  // At 6h both tick: B scheduled its 6h wake-up at 3h, A at 4h, so B goes first.
  EXPECT_EQ(tr.text,
            "  2.0h A tick\n"
            "  3.0h B tick\n"
            "  4.0h A tick\n"
            "  6.0h B tick\n"
            "  6.0h A tick\n");
  EXPECT_EQ(sim.now(), 6 * kHour);
  EXPECT_EQ(sim.live_processes(), 0U);
  // 2 starts + 5 timeouts.
  EXPECT_EQ(sim.events(), 7U);
}

Process announce(Simulation& sim, Trace& tr, std::string name) {
  tr.log(sim, name + " starts");
  co_await sim.timeout(0.0);
  tr.log(sim, name + " after a zero wait");
}

TEST(Kernel, ProcessesStartInSpawnOrderAndZeroWaitsYield) {
  Simulation sim;
  Trace tr;
  sim.spawn(announce(sim, tr, "first"));
  sim.spawn(announce(sim, tr, "second"));
  sim.run();
  EXPECT_EQ(tr.text,
            "  0.0h first starts\n"
            "  0.0h second starts\n"
            "  0.0h first after a zero wait\n"
            "  0.0h second after a zero wait\n");
}

Process load(Simulation& sim, Trace& tr, int boxes) {
  tr.log(sim, "loading " + std::to_string(boxes) + " FEU");
  co_await sim.timeout(boxes * 2 * kMinute);
  if (boxes > 60) throw Error("train too long");
  tr.log(sim, "loaded");
}

Process train(Simulation& sim, Trace& tr, int boxes) {
  tr.log(sim, "train arrives");
  try {
    co_await load(sim, tr, boxes);
    tr.log(sim, "train departs");
  } catch (const Error& e) {
    tr.log(sim, std::string("train cancelled: ") + e.what());
  }
}

TEST(Kernel, SubStepsRunInlineAndPassTheirErrorsUp) {
  Simulation sim;
  Trace tr;
  sim.spawn(train(sim, tr, 55));
  sim.run();
  sim.spawn(train(sim, tr, 70));
  sim.run();
  EXPECT_EQ(tr.text,
            "  0.0h train arrives\n"
            "  0.0h loading 55 FEU\n"
            "  1.8h loaded\n"
            "  1.8h train departs\n"
            "  1.8h train arrives\n"
            "  1.8h loading 70 FEU\n"
            "  4.2h train cancelled: train too long\n");
}

Process worker(Simulation& sim, double dt) { co_await sim.timeout(dt); }

Process supervisor(Simulation& sim, Trace& tr, ProcessId a, ProcessId b) {
  co_await sim.join(a);
  tr.log(sim, "a done");
  co_await sim.join(b);
  tr.log(sim, "b done");
  co_await sim.join(a);  // already finished: passes at once
  tr.log(sim, "a still done");
}

TEST(Kernel, JoinWaitsForTheEndOfAProcess) {
  Simulation sim;
  Trace tr;
  ProcessId a = sim.spawn(worker(sim, 5 * kHour));
  ProcessId b = sim.spawn(worker(sim, 2 * kHour));
  sim.spawn(supervisor(sim, tr, a, b));
  EXPECT_TRUE(sim.alive(a));
  sim.run();
  EXPECT_FALSE(sim.alive(a));
  EXPECT_EQ(tr.text,
            "  5.0h a done\n"
            "  5.0h b done\n"
            "  5.0h a still done\n");
}

Process ferry_crossing(Simulation& sim, Trace& tr) {
  tr.log(sim, "ferry sails, 18h crossing");
  bool storm = false;
  try {
    co_await sim.timeout(18 * kHour);
    tr.log(sim, "ferry arrives");
  } catch (const Interrupted& i) {
    tr.log(sim, "ferry interrupted: " + i.cause().reason + " (code " +
                    std::to_string(i.cause().code) + ")");
    storm = true;
  }
  if (storm) {  // C++ allows no co_await inside a catch handler
    co_await sim.timeout(6 * kHour);
    tr.log(sim, "ferry resumes after the storm");
  }
}

Process storm(Simulation& sim, ProcessId target) {
  co_await sim.timeout(4 * kHour);
  sim.interrupt(target, {7, "storm on the Caspian"});
}

TEST(Kernel, InterruptEndsATimeoutWithInterrupted) {
  Simulation sim;
  Trace tr;
  ProcessId f = sim.spawn(ferry_crossing(sim, tr));
  sim.spawn(storm(sim, f));
  sim.run();
  EXPECT_EQ(tr.text,
            "  0.0h ferry sails, 18h crossing\n"
            "  4.0h ferry interrupted: storm on the Caspian (code 7)\n"
            " 10.0h ferry resumes after the storm\n");
  // The cancelled 18h wake-up never ran: the run ends at 10h.
  EXPECT_EQ(sim.now(), 10 * kHour);
  EXPECT_FALSE(sim.interrupt(f, {}));  // finished
}

Process busy_then_wait(Simulation& sim, Trace& tr, ProcessId& self) {
  // Interrupts itself while running: nothing to end now, so it is thrown at the next wait.
  sim.interrupt(self, {1, "pending"});
  tr.log(sim, "still running");
  try {
    co_await sim.timeout(kHour);
    tr.log(sim, "not reached");
  } catch (const Interrupted& i) {
    tr.log(sim, "thrown at the next wait: " + i.cause().reason);
  }
  co_await sim.timeout(kHour);
  tr.log(sim, "then waits normally");
}

TEST(Kernel, InterruptOfARunningProcessIsThrownAtItsNextWait) {
  Simulation sim;
  Trace tr;
  ProcessId self;
  self = sim.spawn(busy_then_wait(sim, tr, self));
  sim.run();
  EXPECT_EQ(tr.text,
            "  0.0h still running\n"
            "  0.0h thrown at the next wait: pending\n"
            "  1.0h then waits normally\n");
}

Process fails_at(Simulation& sim, double t) {
  co_await sim.timeout(t);
  throw Error("crane broke down");
}

TEST(Kernel, AnUncaughtErrorStopsTheRunAndIsRethrown) {
  Simulation sim;
  Trace tr;
  sim.spawn(fails_at(sim, 3 * kHour));
  sim.spawn(ticker(sim, tr, "other", 2 * kHour, 3));
  EXPECT_THROW(
      {
        try {
          sim.run();
        } catch (const Error& e) {
          EXPECT_STREQ(e.what(), "crane broke down");
          throw;
        }
      },
      Error);
  EXPECT_EQ(sim.now(), 3 * kHour);
  EXPECT_EQ(tr.text, "  2.0h other tick\n");
}

Process careless_train(Simulation& sim, Trace& tr) {
  co_await load(sim, tr, 90);  // throws "train too long"; nobody catches it
  tr.log(sim, "not reached");
}

TEST(Kernel, AnErrorFromASubStepThatNobodyCatchesStopsTheRun) {
  Simulation sim;
  Trace tr;
  sim.spawn(careless_train(sim, tr));
  try {
    sim.run();
    FAIL() << "run() returned";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "train too long");
  }
  EXPECT_EQ(tr.text, "  0.0h loading 90 FEU\n");
  EXPECT_EQ(sim.live_processes(), 0U);
}

Process waits_for(Simulation& sim, Trace& tr, ProcessId other) {
  try {
    co_await sim.join(other);
    tr.log(sim, "joined");
  } catch (const Interrupted& i) {
    tr.log(sim, "gave up waiting: " + i.cause().reason);
  }
}

TEST(Kernel, AJoinCanBeInterrupted) {
  Simulation sim;
  Trace tr;
  ProcessId slow = sim.spawn(worker(sim, 10 * kHour));
  ProcessId waiter = sim.spawn(waits_for(sim, tr, slow));
  sim.run_until(2 * kHour);
  sim.interrupt(waiter, {0, "impatient"});
  sim.run();
  EXPECT_EQ(tr.text, "  2.0h gave up waiting: impatient\n");
  EXPECT_EQ(sim.now(), 10 * kHour);
}

TEST(Kernel, RunUntilStopsTheClockAtTheEndAndCanContinue) {
  Simulation sim;
  Trace tr;
  sim.spawn(ticker(sim, tr, "A", 2 * kHour, 3));
  sim.run_until(3 * kHour);
  EXPECT_EQ(sim.now(), 3 * kHour);
  EXPECT_EQ(tr.text, "  2.0h A tick\n");
  sim.run_until(4 * kHour);  // an event exactly at the end runs
  EXPECT_EQ(tr.text, "  2.0h A tick\n  4.0h A tick\n");
  sim.run();
  EXPECT_EQ(sim.now(), 6 * kHour);
}

TEST(Kernel, SequenceNumbersRenumberWithoutChangingTheOrder) {
  // Records carry 40-bit sequence numbers; when they run out the kernel renumbers the
  // queued records. Start just below the limit so that happens mid-run, interrupts and
  // cancelled wake-ups included, and compare with a run that never renumbers.
  auto story = [](std::uint64_t first_seq, std::uint64_t renumberings) {
    Simulation sim;
    sim.set_next_sequence_for_test(first_seq);
    Trace tr;
    sim.spawn(ticker(sim, tr, "A", 2 * kHour, 3));
    sim.spawn(ticker(sim, tr, "B", 3 * kHour, 2));
    ProcessId f = sim.spawn(ferry_crossing(sim, tr));
    sim.spawn(storm(sim, f));
    sim.run();
    EXPECT_EQ(sim.renumberings(), renumberings) << "first seq " << first_seq;
    return tr.text;
  };
  const std::string plain = story(0, 0);
  EXPECT_EQ(story(EventRecord::kSeqLimit - 3, 1), plain);   // while spawning
  EXPECT_EQ(story(EventRecord::kSeqLimit - 9, 1), plain);   // while running
  EXPECT_NE(plain.find("ferry interrupted"), std::string::npos);
}

TEST(Kernel, NegativeWaitsAreErrors) {
  Simulation sim;
  EXPECT_THROW((void)sim.timeout(-1.0), Error);
  EXPECT_THROW((void)sim.timeout(std::numeric_limits<double>::quiet_NaN()), Error);
}

struct Counted {
  int* alive;
  explicit Counted(int* a) : alive(a) { ++*alive; }
  Counted(const Counted&) = delete;
  Counted& operator=(const Counted&) = delete;
  ~Counted() { --*alive; }
};

Process holds_local(Simulation& sim, int* alive) {
  Counted c(alive);
  co_await sim.timeout(100 * kDay);
}

TEST(Kernel, DestroyingTheSimulationDestroysUnfinishedProcesses) {
  int alive = 0;
  {
    Simulation sim;
    for (int i = 0; i < 5; ++i) sim.spawn(holds_local(sim, &alive));
    sim.run_until(kDay);
    EXPECT_EQ(alive, 5);
    EXPECT_EQ(sim.live_processes(), 5U);
  }
  EXPECT_EQ(alive, 0);
}

}  // namespace
}  // namespace landbridge::sim
