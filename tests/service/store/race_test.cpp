// Races on one database: threads of one Store, and two Stores as two server processes would
// have. Never more TEU held than offered; every acknowledged booking is stored; one write per
// idempotency key.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdio>
#include <mutex>
#include <fstream>
#include <set>
#include <thread>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

#include "backend_fixture.h"
#include "samples.h"

namespace landbridge::service::testing {
namespace {

class RaceTest : public BackendTest {};

struct Outcome {
  std::vector<std::string> booked;  // references acknowledged as stored
  int sold_out = 0;
  std::vector<std::string> errors;
};

// `threads` racers, each booking one FEU (2 TEU) on a feeder with room to spare and on a train
// with `capacity` TEU; racer i uses stores[i % stores.size()].
Outcome race(const std::vector<Store*>& stores, int threads, int capacity) {
  Outcome out;
  std::mutex mu;
  std::atomic<int> ready{0};
  std::vector<std::thread> racers;
  for (int i = 0; i < threads; ++i)
    racers.emplace_back([&, i] {
      char ref[16];
      std::snprintf(ref, sizeof ref, "LB%010d", i);
      const Booking b = sample_booking(ref, "p" + std::to_string(i % 3), {{"FEEDER", 2, 1000}, {"RAIL", 2, capacity}});
      ++ready;
      while (ready.load() < threads) std::this_thread::yield();  // start together
      try {
        const auto r = stores[static_cast<std::size_t>(i) % stores.size()]->create_booking(b, std::nullopt);
        std::lock_guard lock(mu);
        if (std::holds_alternative<Booking>(r))
          out.booked.push_back(ref);
        else if (std::holds_alternative<SoldOut>(r))
          ++out.sold_out;
        else
          out.errors.push_back(std::string(ref) + ": unexpected replay");
      } catch (const std::exception& e) {
        std::lock_guard lock(mu);
        out.errors.push_back(e.what());
      }
    });
  for (auto& t : racers) t.join();
  return out;
}

void expect_consistent(Store& store, const Outcome& o, int threads, int capacity) {
  for (const auto& e : o.errors) ADD_FAILURE() << e;
  EXPECT_EQ(static_cast<int>(o.booked.size()), capacity / 2);
  EXPECT_EQ(o.sold_out, threads - capacity / 2);
  const auto rail = store.departure_usage("RAIL");
  ASSERT_TRUE(rail.has_value());
  EXPECT_EQ(rail->booked_teu, 2 * static_cast<int>(o.booked.size()));
  EXPECT_LE(rail->booked_teu, capacity);
  EXPECT_EQ(store.departure_usage("FEEDER")->booked_teu, rail->booked_teu);  // all or nothing
  for (const auto& ref : o.booked) EXPECT_TRUE(store.booking(ref).has_value()) << ref << " acknowledged but lost";
  EXPECT_EQ(store.bookings("", 1000).size(), o.booked.size());
  EXPECT_EQ(store.load_list("RAIL").size(), o.booked.size());
}

TEST_P(RaceTest, ThirtyTwoThreadsRaceForTheLastSlots) {
  auto store = open();
  // Six TEU left of 82: three FEU for 32 racers.
  ASSERT_TRUE(std::holds_alternative<Booking>(
      store->create_booking(sample_booking("LB-EARLIER", "early", {{"RAIL", 76, 82}}), std::nullopt)));
  const Outcome o = race({store.get()}, 32, 6);
  // The earlier booking counts too; the racers must share exactly the 6 TEU left.
  for (const auto& e : o.errors) ADD_FAILURE() << e;
  EXPECT_EQ(o.booked.size(), 3U);
  EXPECT_EQ(o.sold_out, 29);
  EXPECT_EQ(store->departure_usage("RAIL")->booked_teu, 82);
  for (const auto& ref : o.booked) EXPECT_TRUE(store->booking(ref).has_value()) << ref;
}

TEST_P(RaceTest, TwoStoresOnOneDatabaseNeverOverbook) {
  auto first = open();
  auto second = open();
  const Outcome o = race({first.get(), second.get()}, 32, 20);
  expect_consistent(*first, o, 32, 20);
  expect_consistent(*second, o, 32, 20);
}

TEST_P(RaceTest, OneKeyFromTwoThreadsWritesOnce) {
  for (int round = 0; round < 5; ++round) {
    auto a = open();
    auto b = open();
    Store* stores[2] = {a.get(), b.get()};
    const std::string key = "key-" + std::to_string(round);
    std::vector<Store::CreateResult> results(2);
    std::vector<std::string> errors(2);
    std::atomic<int> ready{0};
    std::vector<std::thread> twins;
    for (int i = 0; i < 2; ++i)
      twins.emplace_back([&, i] {
        const std::string ref = "LB" + std::to_string(round) + "-" + std::to_string(i);
        ++ready;
        while (ready.load() < 2) std::this_thread::yield();
        try {
          results[i] = stores[i]->create_booking(sample_booking(ref, "acme", {{"RAIL", 2, 100}}),
                                                 sample_response("acme", key, 201, ref));
        } catch (const std::exception& e) {
          errors[i] = e.what();
        }
      });
    for (auto& t : twins) t.join();
    EXPECT_EQ(errors[0], "");
    EXPECT_EQ(errors[1], "");
    const int written = static_cast<int>(std::holds_alternative<Booking>(results[0])) +
                        static_cast<int>(std::holds_alternative<Booking>(results[1]));
    const int replayed = static_cast<int>(std::holds_alternative<Replay>(results[0])) +
                         static_cast<int>(std::holds_alternative<Replay>(results[1]));
    EXPECT_EQ(written, 1) << "round " << round;
    EXPECT_EQ(replayed, 1) << "round " << round;
    const auto stored = a->idempotent("acme", key);
    ASSERT_TRUE(stored.has_value());
    const std::string winner = stored->body;  // the body names the booking that won
    EXPECT_TRUE(a->booking(winner).has_value());
    for (const auto& r : results) {
      if (const auto* replay = std::get_if<Replay>(&r)) {
        EXPECT_EQ(replay->first.body, winner);
      }
    }
  }
  auto store = open();
  EXPECT_EQ(store->bookings("acme", 100).size(), 5U);
  EXPECT_EQ(store->departure_usage("RAIL")->booked_teu, 10);
}

// Real processes: each child opens its own store (own connections, own pool, own file locks)
// and races 16 threads; the parent reads what every child was told and checks the database.
TEST_P(RaceTest, TwoProcessesOnOneDatabaseNeverOverbook) {
  open();  // migrate once here, so that the children race on bookings only
  const auto dir = testing_support::scratch_dir();
  constexpr int kChildren = 2, kThreads = 16, kCapacity = 12;
  std::vector<pid_t> children;
  for (int c = 0; c < kChildren; ++c) {
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0) << "fork failed";
    if (pid == 0) {
      int code = 0;
      try {
        auto store = open();
        std::vector<Store*> one{store.get()};
        // Distinct references per child: racer i of child c books LB<c*100+i>.
        Outcome o;
        std::mutex mu;
        std::vector<std::thread> racers;
        for (int i = 0; i < kThreads; ++i)
          racers.emplace_back([&, i] {
            char ref[16];
            std::snprintf(ref, sizeof ref, "LB%010d", c * 100 + i);
            try {
              const auto r = store->create_booking(
                  sample_booking(ref, "p", {{"FEEDER", 2, 1000}, {"RAIL", 2, kCapacity}}), std::nullopt);
              std::lock_guard lock(mu);
              if (std::holds_alternative<Booking>(r)) o.booked.push_back(ref);
            } catch (const std::exception& e) {
              std::lock_guard lock(mu);
              o.errors.push_back(e.what());
            }
          });
        for (auto& t : racers) t.join();
        std::ofstream out(dir / ("child-" + std::to_string(c) + ".txt"));
        for (const auto& ref : o.booked) out << "ok " << ref << "\n";
        for (const auto& e : o.errors) out << "error " << e << "\n";
        code = out ? 0 : 3;
      } catch (const std::exception& e) {
        std::fprintf(stderr, "child %d: %s\n", c, e.what());
        code = 2;
      }
      std::_Exit(code);
    }
    children.push_back(pid);
  }
  for (pid_t pid : children) {
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "child " << pid << " status " << status;
  }
  Outcome all;
  for (int c = 0; c < kChildren; ++c) {
    std::ifstream in(dir / ("child-" + std::to_string(c) + ".txt"));
    std::string kind, rest;
    while (in >> kind && std::getline(in, rest)) {
      rest.erase(0, 1);
      if (kind == "ok")
        all.booked.push_back(rest);
      else
        all.errors.push_back(rest);
    }
  }
  all.sold_out = kChildren * kThreads - static_cast<int>(all.booked.size());
  auto store = open();
  expect_consistent(*store, all, kChildren * kThreads, kCapacity);
}

INSTANTIATE_TEST_SUITE_P(Store, RaceTest, ::testing::Values(Backend::sqlite, Backend::postgresql), backend_name);

}  // namespace
}  // namespace landbridge::service::testing
