// The store's behaviour, the same on SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "backend_fixture.h"
#include "samples.h"

namespace landbridge::service::testing {
namespace {

using S = BookingStatus;

class StoreTest : public BackendTest {};

const Booking& as_booking(const Store::CreateResult& r) {
  if (const auto* b = std::get_if<Booking>(&r)) return *b;
  static const Booking none;
  ADD_FAILURE() << "expected a stored booking, got " << (std::holds_alternative<SoldOut>(r) ? "sold out" : "a replay");
  return none;
}

TEST_P(StoreTest, MigratesAnEmptyDatabaseAndReopensWithoutChange) {
  {
    auto store = open();
    EXPECT_EQ(store->backend(), GetParam() == Backend::sqlite ? "sqlite" : "postgresql");
    EXPECT_EQ(store->schema_version(), 1);
    ASSERT_TRUE(std::holds_alternative<Booking>(
        store->create_booking(sample_booking("LB0000000001", "acme", {{"D1", 2, 10}}), std::nullopt)));
  }
  auto again = open();  // migrations run again: nothing to do, nothing lost
  EXPECT_EQ(again->schema_version(), 1);
  ASSERT_TRUE(again->booking("LB0000000001").has_value());
  EXPECT_EQ(again->departure_usage("D1")->booked_teu, 2);
}

TEST_P(StoreTest, RefusesADatabaseMigratedByANewerProgram) {
  open();
  raw("INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, 'from the future', 'x')");
  try {
    open();
    FAIL() << "opened a database at schema version 99";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("version 99, newer than this program's 1"), std::string::npos) << e.what();
  }
}

TEST_P(StoreTest, SeveralOpenersMigrateOneDatabaseAtOnce) {
  std::vector<std::thread> openers;
  std::vector<int> versions(6, -1);
  std::vector<std::string> errors(6);
  for (std::size_t i = 0; i < versions.size(); ++i)
    openers.emplace_back([&, i] {
      try {
        versions[i] = open()->schema_version();
      } catch (const std::exception& e) {
        errors[i] = e.what();
      }
    });
  for (auto& t : openers) t.join();
  for (std::size_t i = 0; i < versions.size(); ++i) {
    EXPECT_EQ(errors[i], "");
    EXPECT_EQ(versions[i], 1);
  }
}

TEST_P(StoreTest, StoresReadsAndListsBookingsNewestFirst) {
  auto store = open();
  Booking a = sample_booking("LB000000000A", "acme", {{"FEEDER@2026-12-08T10:00Z", 4, 40}, {"RAIL@2026-12-11T02:00Z", 4, 82}});
  a.containers = {"LBUU0000011", "LBUU0000022"};
  const Booking b = sample_booking("LB000000000B", "zenith", {{"RAIL@2026-12-11T02:00Z", 2, 82}});
  const Booking c = sample_booking("LB000000000C", "acme", {{"RAIL@2026-12-11T02:00Z", 2, 82}}, S::received);
  for (const Booking& x : {a, b, c}) EXPECT_EQ(as_booking(store->create_booking(x, std::nullopt)), x);

  EXPECT_EQ(store->booking("LB000000000A"), a);
  EXPECT_EQ(store->booking("LB000000000C"), c);
  EXPECT_FALSE(store->booking("LB-NOT-THERE").has_value());

  const auto acme = store->bookings("acme", 10);
  ASSERT_EQ(acme.size(), 2U);
  EXPECT_EQ(acme[0], c);
  EXPECT_EQ(acme[1], a);
  const auto all = store->bookings("", 2);
  ASSERT_EQ(all.size(), 2U);
  EXPECT_EQ(all[0].reference, "LB000000000C");
  EXPECT_EQ(all[1].reference, "LB000000000B");
  const auto rest = store->bookings("", 2, all[1].reference);
  ASSERT_EQ(rest.size(), 1U);
  EXPECT_EQ(rest[0].reference, "LB000000000A");
  EXPECT_TRUE(store->bookings("nobody", 10).empty());

  EXPECT_EQ(store->departure_usage("RAIL@2026-12-11T02:00Z")->booked_teu, 8);
  EXPECT_EQ(store->departure_usage("RAIL@2026-12-11T02:00Z")->capacity_teu, 82);
  EXPECT_FALSE(store->departure_usage("RAIL@2030-01-01T00:00Z").has_value());
}

TEST_P(StoreTest, HoldsAreAllOrNothing) {
  auto store = open();
  ASSERT_TRUE(std::holds_alternative<Booking>(
      store->create_booking(sample_booking("LB0000000001", "acme", {{"FEEDER", 4, 10}, {"RAIL", 4, 6}}), std::nullopt)));
  // The feeder has room, the train has 2 TEU left: nothing may be held, not even the feeder.
  const auto r =
      store->create_booking(sample_booking("LB0000000002", "acme", {{"FEEDER", 4, 10}, {"RAIL", 4, 6}}), std::nullopt);
  ASSERT_TRUE(std::holds_alternative<SoldOut>(r));
  EXPECT_EQ(std::get<SoldOut>(r).departure, "RAIL");
  EXPECT_EQ(std::get<SoldOut>(r).free_teu, 2);
  EXPECT_EQ(store->departure_usage("FEEDER")->booked_teu, 4);
  EXPECT_EQ(store->departure_usage("RAIL")->booked_teu, 4);
  EXPECT_FALSE(store->booking("LB0000000002").has_value());

  // Exactly the rest fits.
  EXPECT_TRUE(std::holds_alternative<Booking>(
      store->create_booking(sample_booking("LB0000000003", "acme", {{"FEEDER", 2, 10}, {"RAIL", 2, 6}}), std::nullopt)));
  EXPECT_EQ(store->departure_usage("RAIL")->booked_teu, 6);

  // A REJECTED booking is kept for the record and holds nothing.
  Booking rejected = sample_booking("LB0000000004", "acme", {{"RAIL", 4, 6}}, S::rejected);
  rejected.reason = "sold out: RAIL";
  EXPECT_EQ(as_booking(store->create_booking(rejected, std::nullopt)), rejected);
  EXPECT_EQ(store->booking("LB0000000004"), rejected);
  EXPECT_EQ(store->departure_usage("RAIL")->booked_teu, 6);

  // A hold that is not a hold is the caller's bug, said before anything is written.
  EXPECT_THROW(store->create_booking(sample_booking("LB0000000005", "acme", {{"RAIL", 0, 6}}), std::nullopt), StoreError);
}

TEST_P(StoreTest, TransitionsFollowTheRulesAndReleaseSlots) {
  auto store = open();
  ASSERT_TRUE(std::holds_alternative<Booking>(store->create_booking(
      sample_booking("LB0000000001", "acme", {{"FEEDER", 4, 10}, {"RAIL", 4, 8}}, S::received), std::nullopt)));

  auto confirmed = store->transition("LB0000000001", S::confirmed, "", {"LBUU0000011", "LBUU0000022"}, std::nullopt);
  ASSERT_TRUE(confirmed.has_value());
  EXPECT_TRUE(confirmed->ok);
  EXPECT_EQ(confirmed->booking.status, S::confirmed);
  EXPECT_EQ(confirmed->booking.containers, (std::vector<std::string>{"LBUU0000011", "LBUU0000022"}));
  EXPECT_EQ(store->departure_usage("RAIL")->booked_teu, 4);  // still held

  auto back = store->transition("LB0000000001", S::received, "", {}, std::nullopt);
  ASSERT_TRUE(back.has_value());
  EXPECT_FALSE(back->ok);
  EXPECT_EQ(back->booking, *store->booking("LB0000000001"));
  EXPECT_EQ(back->booking.status, S::confirmed);

  auto cancelled = store->transition("LB0000000001", S::cancelled, "plans changed", {}, std::nullopt);
  ASSERT_TRUE(cancelled.has_value());
  EXPECT_TRUE(cancelled->ok);
  EXPECT_EQ(cancelled->booking.status, S::cancelled);
  EXPECT_EQ(cancelled->booking.reason, "plans changed");
  EXPECT_EQ(cancelled->booking.holds.size(), 2U);  // the record keeps what it held
  EXPECT_EQ(store->departure_usage("RAIL")->booked_teu, 0);
  EXPECT_EQ(store->departure_usage("FEEDER")->booked_teu, 0);

  // Final states stay final; slots are not released twice.
  for (S to : {S::confirmed, S::cancelled, S::completed, S::received}) {
    auto again = store->transition("LB0000000001", to, "", {}, std::nullopt);
    ASSERT_TRUE(again.has_value());
    EXPECT_FALSE(again->ok) << to_string(to);
  }
  EXPECT_EQ(store->departure_usage("RAIL")->booked_teu, 0);
  EXPECT_FALSE(store->transition("LB-UNKNOWN", S::cancelled, "", {}, std::nullopt).has_value());

  // The released slots can be booked again; a completed trip keeps its box record.
  ASSERT_TRUE(std::holds_alternative<Booking>(
      store->create_booking(sample_booking("LB0000000002", "acme", {{"RAIL", 8, 8}}), std::nullopt)));
  auto done = store->transition("LB0000000002", S::completed, "", {}, std::nullopt);
  ASSERT_TRUE(done.has_value());
  EXPECT_TRUE(done->ok);
  EXPECT_EQ(store->booking("LB0000000002")->status, S::completed);
}

TEST_P(StoreTest, LoadListShowsTheBookingsHoldingADeparture) {
  auto store = open();
  for (const Booking& b : {sample_booking("LB0000000001", "acme", {{"FEEDER-HKT", 4, 40}, {"RAIL", 4, 82}}),
                           sample_booking("LB0000000002", "zenith", {{"FEEDER-PUS", 2, 40}, {"RAIL", 2, 82}}, S::received),
                           sample_booking("LB0000000003", "acme", {{"RAIL", 6, 82}})})
    ASSERT_TRUE(std::holds_alternative<Booking>(store->create_booking(b, std::nullopt)));
  ASSERT_TRUE(store->transition("LB0000000003", S::cancelled, "", {}, std::nullopt)->ok);

  const auto rows = store->load_list("RAIL");
  ASSERT_EQ(rows.size(), 2U);
  EXPECT_EQ(rows[0].booking_reference, "LB0000000001");
  EXPECT_EQ(rows[0].party, "acme");
  EXPECT_EQ(rows[0].teu, 4);
  EXPECT_EQ(rows[0].units, 2);
  EXPECT_EQ(rows[0].iso_equipment_code, "42G1");
  EXPECT_EQ(rows[0].status, S::confirmed);
  EXPECT_EQ(rows[1].booking_reference, "LB0000000002");
  EXPECT_EQ(rows[1].status, S::received);
  EXPECT_EQ(store->load_list("FEEDER-PUS").size(), 1U);
  EXPECT_TRUE(store->load_list("NOWHERE").empty());
  EXPECT_EQ(store->departure_usage("RAIL")->booked_teu, 6);
}

TEST_P(StoreTest, AContainerNumberBelongsToOneBookingOnly) {
  auto store = open();
  Booking a = sample_booking("LB0000000001", "acme", {{"RAIL", 2, 10}});
  a.containers = {"CSQU3054383"};
  ASSERT_TRUE(std::holds_alternative<Booking>(store->create_booking(a, std::nullopt)));
  EXPECT_TRUE(store->container_taken("CSQU3054383"));
  EXPECT_FALSE(store->container_taken("APZU4812090"));

  Booking b = sample_booking("LB0000000002", "zenith", {{"RAIL", 2, 10}});
  b.containers = {"APZU4812090", "CSQU3054383"};
  try {
    store->create_booking(b, std::nullopt);
    ADD_FAILURE() << "a taken container number was accepted";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("container CSQU3054383 belongs to another booking"), std::string::npos)
        << e.what();
    EXPECT_EQ(std::string(e.what()).find("APZU4812090"), std::string::npos) << e.what();
  }
  EXPECT_FALSE(store->booking("LB0000000002").has_value());  // rolled back as a whole
  EXPECT_FALSE(store->container_taken("APZU4812090"));
  EXPECT_EQ(store->departure_usage("RAIL")->booked_teu, 2);

  ASSERT_TRUE(std::holds_alternative<Booking>(
      store->create_booking(sample_booking("LB0000000003", "zenith", {{"RAIL", 2, 10}}, S::received), std::nullopt)));
  EXPECT_THROW(store->transition("LB0000000003", S::confirmed, "", {"CSQU3054383"}, std::nullopt), StoreError);
  EXPECT_EQ(store->booking("LB0000000003")->status, S::received);
  // One number twice in one booking is no better.
  EXPECT_THROW(store->transition("LB0000000003", S::confirmed, "", {"APZU4812090", "APZU4812090"}, std::nullopt),
               StoreError);
  EXPECT_FALSE(store->container_taken("APZU4812090"));
  const auto confirmed = store->transition("LB0000000003", S::confirmed, "", {"APZU4812090"}, std::nullopt);
  ASSERT_TRUE(confirmed.has_value());
  EXPECT_TRUE(confirmed->ok);
  EXPECT_EQ(confirmed->booking.containers, std::vector<std::string>{"APZU4812090"});
}

TEST_P(StoreTest, EventsFilterAndPageByCursor) {
  auto store = open();
  const Instant t0(3'600'000);
  const std::vector<Event> batch{
      sample_event("e1", "PLN", "GTIN", "LBUU0000011", "LB1", "acme", "JPHKT", t0),
      sample_event("e2", "PLN", "LOAD", "LBUU0000011", "LB1", "acme", "JPHKT", t0 + Minutes(60)),
      sample_event("e3", "PLN", "DEPA", "", "LB1", "acme", "JPHKT", t0 + Minutes(120)),
      sample_event("e4", "PLN", "GTIN", "LBUU0000022", "LB2", "zenith", "KRPUS", t0),
      sample_event("e5", "ACT", "DISC", "LBUU0000011", "LB1", "acme", "KZKGS", t0 + Minutes(9000)),
  };
  const auto added = store->add_events(batch, std::nullopt);
  ASSERT_TRUE(std::holds_alternative<std::vector<Event>>(added));
  const auto& stored = std::get<std::vector<Event>>(added);
  ASSERT_EQ(stored.size(), 5U);
  for (std::size_t i = 1; i < stored.size(); ++i) EXPECT_GT(stored[i].seq, stored[i - 1].seq);
  for (std::size_t i = 0; i < stored.size(); ++i) {
    Event expected = batch[i];
    expected.seq = stored[i].seq;
    EXPECT_EQ(stored[i], expected);
  }

  const auto ids = [&](EventFilter f) {
    std::string out;
    for (const Event& e : store->events(f)) out += e.event_id + " ";
    return out;
  };
  EXPECT_EQ(ids({}), "e1 e2 e3 e4 e5 ");
  EXPECT_EQ(ids({.party = "zenith"}), "e4 ");
  EXPECT_EQ(ids({.equipment_reference = "LBUU0000011"}), "e1 e2 e5 ");
  EXPECT_EQ(ids({.booking_reference = "LB1"}), "e1 e2 e3 e5 ");
  EXPECT_EQ(ids({.event_type = "TRANSPORT"}), "e3 ");
  EXPECT_EQ(ids({.type_code = "GTIN"}), "e1 e4 ");
  EXPECT_EQ(ids({.un_location_code = "JPHKT"}), "e1 e2 e3 ");
  EXPECT_EQ(ids({.classifier = "ACT"}), "e5 ");
  EXPECT_EQ(ids({.party = "acme", .type_code = "GTIN"}), "e1 ");
  EXPECT_EQ(ids({.party = "zenith", .equipment_reference = "LBUU0000011"}), "");

  // Pages of two, each after the last seq of the one before.
  std::string paged;
  EventFilter page{.limit = 2};
  for (int pages = 0; pages < 10; ++pages) {
    const auto got = store->events(page);
    if (got.empty()) break;
    EXPECT_LE(got.size(), 2U);
    for (const Event& e : got) paged += e.event_id + " ";
    page.after_seq = got.back().seq;
  }
  EXPECT_EQ(paged, "e1 e2 e3 e4 e5 ");
  EXPECT_TRUE(store->events({.after_seq = stored.back().seq}).empty());
}

TEST_P(StoreTest, ReplacePlannedKeepsActualAndEarlierEvents) {
  auto store = open();
  const Instant t0(3'600'000);
  ASSERT_TRUE(std::holds_alternative<std::vector<Event>>(store->add_events(
      {sample_event("p1", "PLN", "LOAD", "C1", "LB1", "acme", "CNLYG", t0),
       sample_event("p2", "PLN", "DISC", "C1", "LB1", "acme", "KZKGS", t0 + Minutes(5000)),
       sample_event("p3", "PLN", "GTOT", "C1", "LB1", "acme", "DEDUI", t0 + Minutes(20000)),
       sample_event("a1", "ACT", "LOAD", "C1", "LB1", "acme", "CNLYG", t0 + Minutes(6000)),
       sample_event("o1", "PLN", "DISC", "C2", "LB2", "acme", "KZKGS", t0 + Minutes(5000))},
      std::nullopt)));
  const auto replaced = store->replace_planned(
      "LB1", t0 + Minutes(5000),
      {sample_event("q2", "PLN", "DISC", "C1", "LB1", "acme", "KZKGS", t0 + Minutes(7000)),
       sample_event("q3", "PLN", "GTOT", "C1", "LB1", "acme", "DEDUI", t0 + Minutes(22000))});
  ASSERT_EQ(replaced.size(), 2U);
  EXPECT_GT(replaced[0].seq, 0);
  std::string left;
  for (const Event& e : store->events({})) left += e.event_id + " ";
  EXPECT_EQ(left, "p1 a1 o1 q2 q3 ");
}

TEST_P(StoreTest, KeysAreAddedReadListedAndRevoked) {
  auto store = open();
  const ApiKey ops{"k2", std::string(64, 'b'), Role::operator_, "lyg-terminal", false, Instant(100)};
  const ApiKey shipper{"k1", std::string(64, 'a'), Role::shipper, "acme", false, Instant(200)};
  store->add_key(ops);
  store->add_key(shipper);
  EXPECT_EQ(store->key("k1"), shipper);
  EXPECT_FALSE(store->key("k3").has_value());
  EXPECT_EQ(store->keys(), (std::vector<ApiKey>{shipper, ops}));
  try {
    store->add_key(ApiKey{"k1", "x", Role::admin, "root", false, Instant(0)});
    ADD_FAILURE() << "a second key k1 was accepted";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("k1"), std::string::npos) << e.what();
  }
  EXPECT_EQ(store->key("k1")->role, Role::shipper);
  EXPECT_TRUE(store->revoke_key("k1"));
  EXPECT_TRUE(store->key("k1")->revoked);
  EXPECT_FALSE(store->key("k2")->revoked);
  EXPECT_FALSE(store->revoke_key("k9"));
}

TEST_P(StoreTest, IdempotentWritesReplayTheFirstResponse) {
  auto store = open();
  const auto first = sample_response("acme", "key-1", 201, R"({"carrierBookingReference":"LB0000000001"})");
  ASSERT_TRUE(std::holds_alternative<Booking>(
      store->create_booking(sample_booking("LB0000000001", "acme", {{"RAIL", 2, 10}}), first)));
  EXPECT_EQ(store->idempotent("acme", "key-1"), first);
  EXPECT_FALSE(store->idempotent("zenith", "key-1").has_value());  // keys are per party

  // The retry writes nothing and gets the first response back.
  const auto retry = store->create_booking(sample_booking("LB0000000002", "acme", {{"RAIL", 2, 10}}),
                                           sample_response("acme", "key-1", 201, "other"));
  ASSERT_TRUE(std::holds_alternative<Replay>(retry));
  EXPECT_EQ(std::get<Replay>(retry).first, first);
  EXPECT_FALSE(store->booking("LB0000000002").has_value());
  EXPECT_EQ(store->departure_usage("RAIL")->booked_teu, 2);

  // Another party may use the same key.
  EXPECT_TRUE(std::holds_alternative<Booking>(store->create_booking(
      sample_booking("LB0000000003", "zenith", {{"RAIL", 2, 10}}), sample_response("zenith", "key-1", 201, "z"))));

  // Transitions and events replay the same way.
  const auto cancel = sample_response("acme", "key-2", 202, "cancelled");
  ASSERT_TRUE(store->transition("LB0000000001", S::cancelled, "", {}, cancel)->ok);
  const auto again = store->transition("LB0000000001", S::cancelled, "", {}, cancel);
  ASSERT_TRUE(again.has_value());
  EXPECT_FALSE(again->ok);
  ASSERT_TRUE(again->replay.has_value());
  EXPECT_EQ(again->replay->first, cancel);

  const auto posted = sample_response("ops", "key-3", 201, "events");
  ASSERT_TRUE(std::holds_alternative<std::vector<Event>>(
      store->add_events({sample_event("e1", "ACT", "LOAD", "C1", "LB1", "acme", "CNLYG", Instant(1))}, posted)));
  const auto replayed =
      store->add_events({sample_event("e2", "ACT", "LOAD", "C1", "LB1", "acme", "CNLYG", Instant(1))}, posted);
  ASSERT_TRUE(std::holds_alternative<Replay>(replayed));
  EXPECT_EQ(store->events({}).size(), 1U);

  // A response to a write that changed nothing else.
  const auto rejected = sample_response("acme", "key-4", 422, "bad");
  EXPECT_FALSE(store->put_idempotent(rejected).has_value());
  const auto second = store->put_idempotent(sample_response("acme", "key-4", 422, "worse"));
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ(second->first, rejected);
}

TEST_P(StoreTest, ErrorsNameTheDatabaseAndTheOperation) {
  auto store = open();
  store->add_key(ApiKey{"k1", "h", Role::admin, "root", false, Instant(0)});
  try {
    store->add_key(ApiKey{"k1", "h", Role::admin, "root", false, Instant(0)});
    FAIL() << "duplicate key accepted";
  } catch (const StoreError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find(GetParam() == Backend::sqlite ? "sqlite:" : "postgresql://"), std::string::npos) << what;
    EXPECT_NE(what.find("add key k1"), std::string::npos) << what;
  }
}

// PostgreSQL only: a server restart closes every pooled connection; the next calls must work on
// fresh ones instead of failing once per stale connection.
class ReconnectTest : public BackendTest {};

TEST_P(ReconnectTest, ConnectionsClosedByTheServerAreReplaced) {
  auto store = open();
  // Fill the pool with several connections, then have the server end them all.
  std::vector<std::thread> users;
  for (int i = 0; i < 8; ++i) users.emplace_back([&] { (void)store->keys(); });
  for (auto& t : users) t.join();
  drop_connections();
  for (int i = 0; i < 20; ++i) {
    const std::string ref = "LB" + std::to_string(1000000000 + i);
    ASSERT_NO_THROW(store->create_booking(sample_booking(ref, "acme", {{"RAIL", 2, 100}}), std::nullopt)) << i;
  }
  EXPECT_EQ(store->departure_usage("RAIL")->booked_teu, 40);
  // The single-statement read replaces closed connections too.
  users.clear();
  for (int i = 0; i < 8; ++i) users.emplace_back([&] { (void)store->booking("LB1000000000"); });
  for (auto& t : users) t.join();
  drop_connections();
  for (int i = 0; i < 20; ++i) ASSERT_TRUE(store->booking("LB" + std::to_string(1000000000 + i)).has_value()) << i;
}

INSTANTIATE_TEST_SUITE_P(Store, ReconnectTest, ::testing::Values(Backend::postgresql), backend_name);

INSTANTIATE_TEST_SUITE_P(Store, StoreTest, ::testing::Values(Backend::sqlite, Backend::postgresql), backend_name);

}  // namespace
}  // namespace landbridge::service::testing
