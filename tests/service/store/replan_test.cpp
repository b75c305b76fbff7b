// A booking's journey in the store: its planned events written with it, re-planned with its
// holds (move_holds), removed with a cancellation, and the view the GET path reads kept in step;
// the same on SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

#include "backend_fixture.h"
#include "samples.h"

namespace landbridge::service::testing {
namespace {

using S = BookingStatus;

class JourneyTest : public BackendTest {};

const Instant t0(3'600'000);

// A stand-in for the Desk's renderer: what the view shows of the booking's state.
std::string render(const Booking& b) {
  std::string v = std::string(to_string(b.status)) + " eta=" + (b.eta ? std::to_string(b.eta->value()) : "none");
  for (const Hold& h : b.holds) v += " " + h.departure;
  return v;
}

// A booked journey: feeder, then the first train, gate-out at the end.
std::vector<Event> journey(const std::string& booking, const std::string& tag) {
  return {sample_event(tag + "-load", "PLN", "LOAD", "C1", booking, "acme", "JPHKT", t0),
          sample_event(tag + "-disc", "PLN", "DISC", "C1", booking, "acme", "KZKGS", t0 + Minutes(5000)),
          sample_event(tag + "-gtot", "PLN", "GTOT", "C1", booking, "acme", "DEDUI", t0 + Minutes(20000))};
}

Booking booked(const std::string& reference, std::vector<Hold> holds) {
  Booking b = sample_booking(reference, "acme", std::move(holds));
  b.eta = t0 + Minutes(20000);
  b.view_json = render(b);
  return b;
}

std::string event_ids(Store& store, const std::string& booking) {
  EventFilter f;
  f.booking_reference = booking;
  std::string ids;
  for (const Event& e : store.events(f)) ids += e.event_id + " ";
  return ids;
}

// The late event's re-plan: the feeder ride made, the second train instead of the first.
Store::Replan onto_second_train(const std::string& booking, std::int32_t capacity = 6) {
  return Store::Replan{{{"FEEDER", 2, 10}, {"RAIL2", 2, capacity}},
                       t0 + Minutes(5000),
                       {sample_event(booking + "-disc2", "PLN", "DISC", "C1", booking, "acme", "KZKGS", t0 + Minutes(9000)),
                        sample_event(booking + "-gtot2", "PLN", "GTOT", "C1", booking, "acme", "DEDUI", t0 + Minutes(24000))},
                       t0 + Minutes(24000)};
}

}  // namespace

TEST_P(JourneyTest, ABookingIsStoredWithItsPlannedEventsAndItsView) {
  auto store = open();
  const Booking b = booked("LB0000000001", {{"FEEDER", 2, 10}, {"RAIL1", 2, 6}});
  const auto r = store->create_booking(b, journey(b.reference, "a"), sample_response("acme", "k1", 201, "{}"));
  ASSERT_TRUE(std::holds_alternative<Booking>(r));
  EXPECT_EQ(std::get<Booking>(r), b);
  EXPECT_EQ(event_ids(*store, b.reference), "a-load a-disc a-gtot ");
  EXPECT_EQ(store->booking(b.reference), b) << "eta and view come back as stored";
  const auto v = store->booking_view(b.reference);
  ASSERT_TRUE(v.has_value());
  EXPECT_EQ(v->party, "acme");
  EXPECT_EQ(v->json, "CONFIRMED eta=3620000 FEEDER RAIL1");
  EXPECT_FALSE(store->booking_view("LB-UNKNOWN").has_value());
}

TEST_P(JourneyTest, ASoldOutBookingWritesNoEvents) {
  auto store = open();
  ASSERT_TRUE(std::holds_alternative<Booking>(
      store->create_booking(booked("LB0000000001", {{"RAIL1", 6, 6}}), journey("LB0000000001", "a"), std::nullopt)));
  const auto r = store->create_booking(booked("LB0000000002", {{"FEEDER", 2, 10}, {"RAIL1", 2, 6}}),
                                       journey("LB0000000002", "b"), sample_response("acme", "k2", 201, "{}"));
  ASSERT_TRUE(std::holds_alternative<SoldOut>(r));
  EXPECT_EQ(event_ids(*store, "LB0000000002"), "");
  EXPECT_FALSE(store->booking("LB0000000002").has_value());
  EXPECT_FALSE(store->idempotent("acme", "k2").has_value());
  EXPECT_FALSE(store->departure_usage("FEEDER").has_value() && store->departure_usage("FEEDER")->booked_teu > 0);
  // Events that name another booking are the caller's bug: refused, nothing written.
  EXPECT_THROW(store->create_booking(booked("LB0000000003", {{"FEEDER", 2, 10}}), journey("LB0000000009", "c"),
                                     std::nullopt),
               StoreError);
  EXPECT_FALSE(store->booking("LB0000000003").has_value());
  EXPECT_EQ(event_ids(*store, "LB0000000009"), "");
}

TEST_P(JourneyTest, CancellingRemovesThePlanNotTheActualEvents) {
  auto store = open();
  const Booking b = booked("LB0000000001", {{"FEEDER", 2, 10}, {"RAIL1", 2, 6}});
  ASSERT_TRUE(std::holds_alternative<Booking>(store->create_booking(b, journey(b.reference, "a"), std::nullopt)));
  ASSERT_TRUE(std::holds_alternative<std::vector<Event>>(store->add_events(
      {sample_event("act", "ACT", "GTIN", "C1", b.reference, "acme", "JPHKT", t0)}, std::nullopt)));
  const auto t = store->transition(b.reference, S::cancelled, "no cargo", {}, std::nullopt, render);
  ASSERT_TRUE(t && t->ok);
  EXPECT_EQ(event_ids(*store, b.reference), "act ");
  EXPECT_FALSE(t->booking.eta.has_value());
  EXPECT_EQ(store->booking_view(b.reference)->json, render(t->booking));
  EXPECT_EQ(store->booking_view(b.reference)->json.substr(0, 18), "CANCELLED eta=none");
  EXPECT_EQ(store->departure_usage("RAIL1")->booked_teu, 0);

  // Completing keeps the plan: the journey happened.
  const Booking c = booked("LB0000000002", {{"RAIL1", 2, 6}});
  ASSERT_TRUE(std::holds_alternative<Booking>(store->create_booking(c, journey(c.reference, "c"), std::nullopt)));
  ASSERT_TRUE(store->transition(c.reference, S::completed, "", {}, std::nullopt, render)->ok);
  EXPECT_EQ(event_ids(*store, c.reference), "c-load c-disc c-gtot ");
  EXPECT_EQ(store->booking(c.reference)->eta, t0 + Minutes(20000));
}

TEST_P(JourneyTest, MoveHoldsMovesSlotsPlanEtaAndView) {
  auto store = open();
  const Booking b = booked("LB0000000001", {{"FEEDER", 2, 10}, {"RAIL1", 2, 6}});
  ASSERT_TRUE(std::holds_alternative<Booking>(store->create_booking(b, journey(b.reference, "a"), std::nullopt)));
  const auto m = store->move_holds(b.reference, onto_second_train(b.reference), render);
  ASSERT_TRUE(m.has_value());
  ASSERT_TRUE(std::holds_alternative<Booking>(*m));
  const Booking& after = std::get<Booking>(*m);
  EXPECT_EQ(after.holds, (std::vector<Hold>{{"FEEDER", 2, 10}, {"RAIL2", 2, 6}}));
  EXPECT_EQ(after.eta, t0 + Minutes(24000));
  EXPECT_EQ(store->booking(b.reference), after);
  EXPECT_EQ(store->booking_view(b.reference)->json, "CONFIRMED eta=3624000 FEEDER RAIL2");
  EXPECT_EQ(store->departure_usage("FEEDER")->booked_teu, 2);
  EXPECT_EQ(store->departure_usage("RAIL1")->booked_teu, 0);
  EXPECT_EQ(store->departure_usage("RAIL2")->booked_teu, 2);
  EXPECT_EQ(store->load_list("RAIL2").size(), 1U);
  EXPECT_TRUE(store->load_list("RAIL1").empty());
  EXPECT_EQ(event_ids(*store, b.reference), "a-load LB0000000001-disc2 LB0000000001-gtot2 ");

  // The same re-plan again holds nothing twice.
  ASSERT_TRUE(std::holds_alternative<Booking>(*store->move_holds(b.reference, onto_second_train(b.reference), render)));
  EXPECT_EQ(store->departure_usage("FEEDER")->booked_teu, 2);
  EXPECT_EQ(store->departure_usage("RAIL2")->booked_teu, 2);

  // Cancelled: nothing to move, nothing written.
  ASSERT_TRUE(store->transition(b.reference, S::cancelled, "", {}, std::nullopt, render)->ok);
  EXPECT_FALSE(store->move_holds(b.reference, onto_second_train(b.reference), render).has_value());
  EXPECT_FALSE(store->move_holds("LB-UNKNOWN", onto_second_train("LB-UNKNOWN"), render).has_value());
  EXPECT_EQ(store->departure_usage("RAIL2")->booked_teu, 0);
}

TEST_P(JourneyTest, MoveHoldsOntoAFullDepartureChangesNothing) {
  auto store = open();
  const Booking b = booked("LB0000000001", {{"FEEDER", 2, 10}, {"RAIL1", 2, 6}});
  ASSERT_TRUE(std::holds_alternative<Booking>(store->create_booking(b, journey(b.reference, "a"), std::nullopt)));
  ASSERT_TRUE(std::holds_alternative<Booking>(
      store->create_booking(booked("LB0000000002", {{"RAIL2", 6, 6}}), {}, std::nullopt)));
  const auto m = store->move_holds(b.reference, onto_second_train(b.reference), render);
  ASSERT_TRUE(m.has_value());
  ASSERT_TRUE(std::holds_alternative<SoldOut>(*m));
  EXPECT_EQ(std::get<SoldOut>(*m).departure, "RAIL2");
  EXPECT_EQ(std::get<SoldOut>(*m).free_teu, 0);
  EXPECT_EQ(store->booking(b.reference), b) << "holds, eta and view unchanged";
  EXPECT_EQ(event_ids(*store, b.reference), "a-load a-disc a-gtot ");
  EXPECT_EQ(store->departure_usage("FEEDER")->booked_teu, 2);
  EXPECT_EQ(store->departure_usage("RAIL1")->booked_teu, 2) << "the release was rolled back with the failed hold";
  EXPECT_EQ(store->departure_usage("RAIL2")->booked_teu, 6);
}

// Re-plans and new bookings race for the last slots of one train: never more held than offered,
// every success held exactly, every loser unchanged.
TEST_P(JourneyTest, MoveHoldsRacesBookingsForTheLastSlots) {
  auto store = open();
  constexpr int kMovers = 4, kBookers = 8, kCapacity = 12;  // 12 wishes of 2 TEU for 6 slots
  for (int i = 0; i < kMovers; ++i) {
    const std::string ref = "LBMOVER" + std::to_string(i);
    ASSERT_TRUE(std::holds_alternative<Booking>(
        store->create_booking(booked(ref, {{"FEEDER", 2, 100}, {"RAIL1", 2, 100}}), journey(ref, ref), std::nullopt)));
  }
  std::atomic<int> ready{0}, moved{0}, booked_ok{0};
  std::mutex mu;
  std::vector<std::string> errors;
  std::vector<std::thread> racers;
  for (int i = 0; i < kMovers + kBookers; ++i)
    racers.emplace_back([&, i] {
      ++ready;
      while (ready.load() < kMovers + kBookers) std::this_thread::yield();
      try {
        if (i < kMovers) {
          const std::string ref = "LBMOVER" + std::to_string(i);
          auto replan = onto_second_train(ref, kCapacity);
          replan.holds[0].capacity_teu = 100;
          const auto m = store->move_holds(ref, replan, render);
          if (m && std::holds_alternative<Booking>(*m)) ++moved;
        } else {
          const std::string ref = "LBBOOKER" + std::to_string(i);
          const auto r = store->create_booking(booked(ref, {{"RAIL2", 2, kCapacity}}), {}, std::nullopt);
          if (std::holds_alternative<Booking>(r)) ++booked_ok;
        }
      } catch (const std::exception& e) {
        std::lock_guard lock(mu);
        errors.emplace_back(e.what());
      }
    });
  for (auto& t : racers) t.join();
  for (const auto& e : errors) ADD_FAILURE() << e;
  EXPECT_EQ(2 * (moved + booked_ok), kCapacity) << "demand exceeds the train: it ends full, never over";
  EXPECT_EQ(store->departure_usage("RAIL2")->booked_teu, kCapacity);
  EXPECT_EQ(store->departure_usage("RAIL1")->booked_teu, 2 * (kMovers - moved));
  EXPECT_EQ(store->departure_usage("FEEDER")->booked_teu, 2 * kMovers);
  EXPECT_EQ(static_cast<int>(store->load_list("RAIL2").size()), moved + booked_ok);
  for (int i = 0; i < kMovers; ++i) {
    const std::string ref = "LBMOVER" + std::to_string(i);
    const auto b = store->booking(ref);
    ASSERT_TRUE(b.has_value());
    const bool on_second = b->holds.back().departure == "RAIL2";
    EXPECT_EQ(b->view_json, render(*b)) << ref;
    EXPECT_EQ(event_ids(*store, ref), on_second ? ref + "-load " + ref + "-disc2 " + ref + "-gtot2 "
                                                : ref + "-load " + ref + "-disc " + ref + "-gtot ")
        << "the plan moved with the holds, or not at all";
  }
}

INSTANTIATE_TEST_SUITE_P(Store, JourneyTest, ::testing::Values(Backend::sqlite, Backend::postgresql), backend_name);

}  // namespace landbridge::service::testing
