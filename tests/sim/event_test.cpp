// Events: many waiters, success and failure, waits with a deadline, interrupts.
#include "landbridge/sim/event.h"

#include <gtest/gtest.h>

#include <string>

#include "trace.h"

namespace landbridge::sim {
namespace {

using testing::Trace;

Process wait_for_departure(Simulation& sim, Trace& tr, Event& departed, std::string who) {
  try {
    co_await departed;
    tr.log(sim, who + " sees the train leave");
  } catch (const Error& e) {
    tr.log(sim, who + " hears: " + e.what());
  }
}

Process dispatcher(Simulation& sim, Event& departed, double at, bool cancel) {
  co_await sim.timeout(at);
  if (cancel) departed.fail("train cancelled");
  else departed.succeed();
}

TEST(Event, SucceedWakesEveryWaiterInWaitingOrder) {
  Simulation sim;
  Trace tr;
  Event departed(sim);
  sim.spawn(wait_for_departure(sim, tr, departed, "agent"));
  sim.spawn(wait_for_departure(sim, tr, departed, "customs"));
  sim.spawn(dispatcher(sim, departed, 3 * kHour, false));
  sim.spawn(wait_for_departure(sim, tr, departed, "tracker"));
  sim.run_until(kHour);
  EXPECT_EQ(departed.waiting(), 3U);
  sim.run();
  // A process that waits after the trigger passes at once.
  sim.spawn(wait_for_departure(sim, tr, departed, "latecomer"));
  sim.run();
  EXPECT_EQ(tr.text,
            "  3.0h agent sees the train leave\n"
            "  3.0h customs sees the train leave\n"
            "  3.0h tracker sees the train leave\n"
            "  3.0h latecomer sees the train leave\n");
  EXPECT_THROW(departed.succeed(), Error);  // one-shot
}

TEST(Event, FailThrowsInEveryWaiter) {
  Simulation sim;
  Trace tr;
  Event departed(sim);
  sim.spawn(wait_for_departure(sim, tr, departed, "agent"));
  sim.spawn(wait_for_departure(sim, tr, departed, "customs"));
  sim.spawn(dispatcher(sim, departed, 2 * kHour, true));
  sim.run();
  EXPECT_TRUE(departed.failed());
  EXPECT_EQ(tr.text,
            "  2.0h agent hears: train cancelled\n"
            "  2.0h customs hears: train cancelled\n");
}

Process wait_with_limit(Simulation& sim, Trace& tr, Event& ev, double limit) {
  const bool ok = co_await ev.wait_for(limit);
  tr.log(sim, ok ? "signal came" : "gave up");
}

TEST(Event, WaitWithADeadlineReturnsFalseWhenTheDeadlineComesFirst) {
  Simulation sim;
  Trace tr;
  Event ev(sim);
  sim.spawn(wait_with_limit(sim, tr, ev, 2 * kHour));
  sim.spawn(wait_with_limit(sim, tr, ev, 8 * kHour));
  sim.spawn(dispatcher(sim, ev, 5 * kHour, false));
  sim.run();
  EXPECT_EQ(tr.text,
            "  2.0h gave up\n"
            "  5.0h signal came\n");
  // The second waiter's 8h deadline was cancelled: the run ends at 5h.
  EXPECT_EQ(sim.now(), 5 * kHour);
  EXPECT_EQ(ev.waiting(), 0U);
}

Process interruptible_wait(Simulation& sim, Trace& tr, Event& ev) {
  try {
    co_await ev;
    tr.log(sim, "triggered");
  } catch (const Interrupted& i) {
    tr.log(sim, "interrupted: " + i.cause().reason);
  }
}

TEST(Event, InterruptTakesTheWaiterOffTheEvent) {
  Simulation sim;
  Trace tr;
  Event ev(sim);
  ProcessId p = sim.spawn(interruptible_wait(sim, tr, ev));
  sim.run_until(kHour);
  EXPECT_EQ(ev.waiting(), 1U);
  sim.interrupt(p, {0, "border closed"});
  EXPECT_EQ(ev.waiting(), 0U);
  sim.run();
  ev.succeed();  // nobody waits any more
  sim.run();
  EXPECT_EQ(tr.text, "  1.0h interrupted: border closed\n");
}

Process reuse_signal(Simulation& sim, Trace& tr, Event& ev) {
  co_await ev;
  tr.log(sim, "first signal");
  ev.reset();
  co_await ev;
  tr.log(sim, "second signal");
}

TEST(Event, ResetMakesAnEventReusable) {
  Simulation sim;
  Trace tr;
  Event ev(sim);
  sim.spawn(reuse_signal(sim, tr, ev));
  sim.spawn(dispatcher(sim, ev, kHour, false));
  sim.run();
  sim.spawn(dispatcher(sim, ev, kHour, false));
  sim.run();
  EXPECT_EQ(tr.text,
            "  1.0h first signal\n"
            "  2.0h second signal\n");
}

}  // namespace
}  // namespace landbridge::sim
