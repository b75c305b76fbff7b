// The Desk's use cases on the built-in package (query::Engine::open("")) and a store: the
// in-memory FakeStore, the SQLite store and the PostgreSQL store (the test server of the ctest
// fixture `postgresql`, a schema per test), every test on each.
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <set>

#include "../store/backend_fixture.h"
#include "fake_store.h"
#include "landbridge/io/package.h"
#include "landbridge/query/engine.h"
#include "landbridge/service/desk.h"
#include "landbridge/service/iso6346.h"
#include "landbridge/timetable/time.h"
#include "../../support/scratch.h"

namespace landbridge::service {
namespace {

using nlohmann::json;

const query::Engine& engine() {
  static const query::Engine e = query::Engine::open("");
  return e;
}

const Caller kAcme{"acme", Role::shipper};
const Caller kOther{"globex", Role::shipper};
const Caller kOperator{"ktz", Role::operator_};

class DeskTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "memory") {
      store_ = std::make_unique<test::FakeStore>();
    } else if (GetParam() == "sqlite") {
      store_ = open_store("sqlite:" + (testing_support::scratch_dir() / "desk.db").string());
    } else {
      std::string why;
      server_ = testing::test_server_url(why);
      ASSERT_FALSE(server_.empty()) << why;
      const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
      schema_ = "desk" + std::to_string(std::hash<std::string>{}(info->name()) % 1'000'000'000ULL) + "_" +
                std::to_string(::getpid());
      ASSERT_NO_FATAL_FAILURE(testing::admin(server_, "DROP SCHEMA IF EXISTS " + schema_ + " CASCADE"));
      ASSERT_NO_FATAL_FAILURE(testing::admin(server_, "CREATE SCHEMA " + schema_));
      store_ = open_store(server_ + (server_.find('?') == std::string::npos ? "?" : "&") +
                          "options=-csearch_path%3D" + schema_);
    }
    desk_ = std::make_unique<Desk>(engine(), *store_);
  }
  void TearDown() override {
    desk_.reset();
    store_.reset();
    if (!schema_.empty()) testing::admin(server_, "DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
  }

  // A Hakata -> Duisburg route for the shipment, leaving on 2026-12-10.
  json routes(const std::string& unit = "42G1", std::int32_t count = 1) {
    query::ScheduledQuery q;
    q.from = "JPHKT";
    q.to = "DEDUI";
    q.depart = "2026-12-10";
    q.unit = unit;
    q.count = count;
    const Reply r = desk_->point_to_point(q);
    EXPECT_EQ(r.status, 200) << r.body.dump();
    return r.body;
  }
  std::string reference() {
    const json r = routes();
    EXPECT_FALSE(r.empty());
    return r.empty() ? "" : r[0]["routingReference"].get<std::string>();
  }
  Reply book(const Caller& c, const json& body, const std::string& key) {
    return desk_->create_booking(c, body, {key, body.dump()});
  }
  static json order(const std::string& ref, std::int32_t units, const std::string& code = "42G1") {
    return {{"routingReference", ref}, {"ISOEquipmentCode", code}, {"units", units}};
  }
  std::vector<json> events_of(const Caller& c, const std::string& booking, const std::string& classifier = "") {
    EventFilter f;
    f.booking_reference = booking;
    f.classifier = classifier;
    f.limit = 1000;
    const Reply r = desk_->get_events(c, f);
    EXPECT_EQ(r.status, 200);
    return r.body["events"].get<std::vector<json>>();
  }
  // Free TEU as the store knows them (what the Desk offers with).
  query::FreeTeu free_teu() {
    return [this](const query::DepartureKey& d) -> std::optional<std::int32_t> {
      if (const auto u = store_->departure_usage(query::to_string(d))) return u->capacity_teu - u->booked_teu;
      return engine().capacity_teu(d.service);
    };
  }
  // Takes the stored views and ETAs away, as a database migrated from schema 1 has its bookings.
  void forget_views() {
    const std::string statement = "UPDATE bookings SET view_json = '', eta = NULL";
    if (GetParam() == "memory") {
      static_cast<test::FakeStore&>(*store_).forget_views();
    } else if (GetParam() == "sqlite") {
      sqlite3* db = nullptr;
      ASSERT_EQ(sqlite3_open((testing_support::scratch_dir() / "desk.db").c_str(), &db), SQLITE_OK);
      const int rc = sqlite3_exec(db, statement.c_str(), nullptr, nullptr, nullptr);
      sqlite3_close(db);
      ASSERT_EQ(rc, SQLITE_OK);
    } else {
      ASSERT_NO_FATAL_FAILURE(testing::admin(server_, "SET search_path TO " + schema_ + "; " + statement));
    }
  }
  // Takes the itineraries' own ends away, as bookings stored before the Desk kept them have it.
  void forget_itinerary_ends() {
    if (GetParam() == "memory") {
      static_cast<test::FakeStore&>(*store_).forget_itinerary_ends();
    } else if (GetParam() == "sqlite") {
      sqlite3* db = nullptr;
      ASSERT_EQ(sqlite3_open((testing_support::scratch_dir() / "desk.db").c_str(), &db), SQLITE_OK);
      const int rc = sqlite3_exec(db, "UPDATE bookings SET itinerary_json = json_remove(itinerary_json, '$.from', '$.to')",
                                  nullptr, nullptr, nullptr);
      sqlite3_close(db);
      ASSERT_EQ(rc, SQLITE_OK);
    } else {
      ASSERT_NO_FATAL_FAILURE(testing::admin(server_, "SET search_path TO " + schema_ +
                                                          "; UPDATE bookings SET itinerary_json ="
                                                          " (itinerary_json::jsonb - 'from' - 'to')::text"));
    }
  }
  std::string dep(const json& booking, std::size_t i) { return booking["departures"][i]["departure"].get<std::string>(); }

  std::unique_ptr<Store> store_;
  std::unique_ptr<Desk> desk_;
  std::string server_, schema_;
};

TEST_P(DeskTest, PointToPointOffersBookableRoutes) {
  const json r = routes();
  ASSERT_TRUE(r.is_array());
  ASSERT_FALSE(r.empty());
  EXPECT_EQ(r[0]["placeOfReceipt"]["location"]["UNLocationCode"], "JPHKT");
  EXPECT_EQ(r[0]["placeOfDelivery"]["location"]["UNLocationCode"], "DEDUI");
  EXPECT_FALSE(r[0]["routingReference"].get<std::string>().empty());
  EXPECT_FALSE(r[0]["legs"].empty());
}

TEST_P(DeskTest, PointToPointNamesTheBadField) {
  query::ScheduledQuery q;
  q.from = "Nowhere-at-all";
  q.to = "DEDUI";
  q.depart = "2026-12-10";
  const Reply r = desk_->point_to_point(q);
  EXPECT_EQ(r.status, 400);
  EXPECT_TRUE(r.problem);
  EXPECT_EQ(r.body["field"], "from");
}

TEST_P(DeskTest, BookingHoldsEveryDepartureAndConfirmsWithContainerNumbers) {
  const std::string ref = reference();
  const Reply r = book(kAcme, order(ref, 2), "k1");
  ASSERT_EQ(r.status, 201) << r.body.dump(2);
  const json& b = r.body;
  const std::string bkg = b["carrierBookingReference"];
  EXPECT_EQ(bkg.size(), 12U);
  EXPECT_EQ(bkg.substr(0, 2), "LB");
  EXPECT_EQ(r.location, "/v2/bookings/" + bkg);
  EXPECT_EQ(b["bookingStatus"], "CONFIRMED");
  EXPECT_EQ(b["routingReference"], ref);
  const json eq = b["requestedEquipments"][0];
  EXPECT_EQ(eq["ISOEquipmentCode"], "42G1");
  EXPECT_EQ(eq["units"], 2);
  ASSERT_EQ(eq["equipmentReferences"].size(), 2U);
  for (const auto& n : eq["equipmentReferences"]) {
    EXPECT_TRUE(is_container_number(n.get<std::string>())) << n;
    EXPECT_EQ(n.get<std::string>().substr(0, 4), "LBUU");
  }
  EXPECT_NE(eq["equipmentReferences"][0], eq["equipmentReferences"][1]);
  // Every ride of the itinerary holds 4 TEU.
  const auto answer = engine().resolve_reference(ref);
  const auto rides = engine().departures(answer.result.itineraries.front());
  ASSERT_EQ(b["departures"].size(), rides.size());
  for (std::size_t i = 0; i < rides.size(); ++i) {
    EXPECT_EQ(dep(b, i), query::to_string(rides[i]));
    EXPECT_EQ(b["departures"][i]["TEU"], 4);
    const auto u = store_->departure_usage(dep(b, i));
    ASSERT_TRUE(u);
    EXPECT_EQ(u->booked_teu, 4);
    EXPECT_EQ(u->capacity_teu, engine().capacity_teu(rides[i].service));
  }
  // DCSA shipment locations and the transport plan.
  std::set<std::string> types;
  for (const auto& l : b["shipmentLocations"]) types.insert(l["locationTypeCode"].get<std::string>());
  EXPECT_EQ(types, (std::set<std::string>{"PRE", "POL", "POD", "PDE"}));
  EXPECT_FALSE(b["transportPlan"].empty());
  EXPECT_EQ(b["transportPlan"][0]["transportPlanStageSequenceNumber"], 1);
  // Planned events: each box gates in at Hakata and out at Duisburg.
  int gtin = 0, gtot = 0;
  for (const auto& e : events_of(kAcme, bkg, "PLN")) {
    if (e.value("equipmentEventTypeCode", "") == "GTIN") {
      ++gtin;
      EXPECT_EQ(e["eventLocation"]["UNLocationCode"], "JPHKT");
    }
    if (e.value("equipmentEventTypeCode", "") == "GTOT") {
      ++gtot;
      EXPECT_EQ(e["eventLocation"]["UNLocationCode"], "DEDUI");
    }
  }
  EXPECT_EQ(gtin, 2);
  EXPECT_EQ(gtot, 2);
  // The booking as served later is the booking as answered, with its ETA: the planned arrival.
  const Reply got = desk_->get_booking(kAcme, bkg);
  EXPECT_EQ(got.json(), b);
  EXPECT_EQ(b["estimatedArrivalDateTime"], b["plannedArrivalDateTime"]);
}

TEST_P(DeskTest, AShipperMayBringItsOwnNumbersOnce) {
  const std::string ref = reference();
  json body = order(ref, 2);
  body["equipmentReferences"] = {"CSQU3054383", "APZU4812090"};
  const Reply r = book(kAcme, body, "own");
  ASSERT_EQ(r.status, 201) << r.body.dump(2);
  EXPECT_EQ(r.body["requestedEquipments"][0]["equipmentReferences"], body["equipmentReferences"]);
  const Reply again = book(kOther, body, "own-again");
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.body["field"], "equipmentReferences[0]");
}

TEST_P(DeskTest, BadRequestsNameTheField) {
  const std::string ref = reference();
  int n = 0;
  auto field = [&](const json& body) {
    const Reply r = book(kAcme, body, "bad-" + std::to_string(++n));
    EXPECT_EQ(r.status, 400) << body.dump();
    EXPECT_TRUE(r.problem);
    return r.body.value("field", "");
  };
  EXPECT_EQ(field({{"ISOEquipmentCode", "42G1"}, {"units", 1}}), "routingReference");
  EXPECT_EQ(field(order("not-a-reference", 1)), "routingReference");
  EXPECT_EQ(field(order(ref, 1, "99X9")), "ISOEquipmentCode");
  EXPECT_EQ(field(order(ref, 0)), "units");
  EXPECT_EQ(field({{"routingReference", ref}, {"ISOEquipmentCode", "42G1"}, {"units", "two"}}), "units");
  json bad_number = order(ref, 2);
  bad_number["equipmentReferences"] = {"CSQU3054383", "APZU4812091"};
  EXPECT_EQ(field(bad_number), "equipmentReferences[1]");
  json dcsa = {{"routingReference", ref}, {"requestedEquipments", {{{"ISOEquipmentCode", "42G1"}, {"units", -1}}}}};
  EXPECT_EQ(field(dcsa), "requestedEquipments[0].units");
  EXPECT_EQ(field(json::array()), "");
}

TEST_P(DeskTest, IdempotencyReplaysRefusesAndRequiresAKey) {
  const std::string ref = reference();
  const json body = order(ref, 1);
  const Reply first = book(kAcme, body, "same");
  ASSERT_EQ(first.status, 201);
  const Reply again = book(kAcme, body, "same");
  EXPECT_TRUE(again.replayed);
  EXPECT_EQ(again.status, 201);
  EXPECT_EQ(again.body, first.body);
  EXPECT_EQ(again.location, first.location);
  EXPECT_EQ(store_->departure_usage(dep(first.body, 0))->booked_teu, 2) << "the replay booked nothing";
  const Reply other = book(kAcme, order(ref, 2), "same");
  EXPECT_EQ(other.status, 422);
  EXPECT_EQ(other.body["field"], "Idempotency-Key");
  const Reply none = desk_->create_booking(kAcme, body, {"", body.dump()});
  EXPECT_EQ(none.status, 400);
  EXPECT_EQ(none.body["field"], "Idempotency-Key");
  // The key is the party's: another shipper's same key is a new booking.
  EXPECT_EQ(book(kOther, body, "same").status, 201);
}

TEST_P(DeskTest, AnotherShippersBookingDoesNotExistForIt) {
  const Reply r = book(kAcme, order(reference(), 1), "mine");
  ASSERT_EQ(r.status, 201);
  const std::string bkg = r.body["carrierBookingReference"];
  EXPECT_EQ(desk_->get_booking(kAcme, bkg).status, 200);
  EXPECT_EQ(desk_->get_booking(kOther, bkg).status, 404);
  EXPECT_EQ(desk_->get_booking(kOperator, bkg).status, 200);
  EXPECT_EQ(desk_->get_booking(kAcme, "LBNOSUCHBOOK").status, 404);
  EXPECT_EQ(desk_->patch_booking(kOther, bkg, {{"bookingStatus", "CANCELLED"}}, {"x", "x"}).status, 404);
  EXPECT_TRUE(events_of(kOther, bkg).empty());
  EXPECT_FALSE(events_of(kOperator, bkg).empty());
  const Reply mine = desk_->list_bookings(kAcme, 10, "");
  ASSERT_EQ(mine.json()["bookings"].size(), 1U);
  EXPECT_EQ(mine.json()["bookings"][0], r.body) << "the list shows the booking as it is served";
  EXPECT_TRUE(desk_->list_bookings(kOther, 10, "").json()["bookings"].empty());
  EXPECT_EQ(desk_->list_bookings(kOperator, 10, "").json()["bookings"].size(), 1U);
}

TEST_P(DeskTest, SoldOutIsRejectedStoredAndNotOfferedAgain) {
  const std::string ref = reference();
  const Reply full = book(kAcme, order(ref, 50), "fill");  // 100 TEU: a whole train
  ASSERT_EQ(full.status, 201) << full.body.dump(2);
  std::set<std::string> sold;
  for (const auto& d : full.body["departures"])
    if (d["TEU"] == d["capacityTEU"]) sold.insert(d["departure"].get<std::string>());
  ASSERT_FALSE(sold.empty());
  const Reply no = book(kOther, order(ref, 1, "22G1"), "late");
  ASSERT_EQ(no.status, 409) << no.body.dump(2);
  EXPECT_EQ(no.body["type"], "https://landbridge.dev/problems/sold-out");
  EXPECT_TRUE(sold.count(no.body["departure"].get<std::string>())) << no.body.dump();
  const std::string rejected = no.body["carrierBookingReference"];
  const Reply stored = desk_->get_booking(kOther, rejected);
  ASSERT_EQ(stored.status, 200);
  EXPECT_EQ(stored.json()["bookingStatus"], "REJECTED");
  EXPECT_TRUE(stored.json()["departures"].empty());
  EXPECT_FALSE(stored.json().contains("estimatedArrivalDateTime")) << "a rejected booking travels nowhere";
  EXPECT_TRUE(events_of(kOther, rejected).empty()) << "a sold-out booking wrote no planned events";
  // The replay of the refused request is the same 409.
  const Reply again = book(kOther, order(ref, 1, "22G1"), "late");
  EXPECT_TRUE(again.replayed);
  EXPECT_EQ(again.status, 409);
  // Routes offered now leave the full departures out.
  for (const auto& route : routes("22G1", 1)) {
    const auto a = engine().resolve_reference(route["routingReference"].get<std::string>(), free_teu());
    for (const auto& d : engine().departures(a.result.itineraries.front()))
      EXPECT_FALSE(sold.count(query::to_string(d))) << query::to_string(d) << " is full";
  }
}

TEST_P(DeskTest, CancelReleasesSlotsAndFinalStatesStayFinal) {
  const Reply r = book(kAcme, order(reference(), 3), "c1");
  ASSERT_EQ(r.status, 201);
  const std::string bkg = r.body["carrierBookingReference"];
  const std::string d0 = dep(r.body, 0);
  EXPECT_EQ(store_->departure_usage(d0)->booked_teu, 6);
  EXPECT_EQ(desk_->patch_booking(kAcme, bkg, {{"bookingStatus", "COMPLETED"}}, {"c2", "a"}).status, 403);
  EXPECT_EQ(desk_->patch_booking(kAcme, bkg, {{"bookingStatus", "SHIPPED"}}, {"c3", "b"}).body["field"], "bookingStatus");
  const Reply cancel = desk_->patch_booking(kAcme, bkg, {{"bookingStatus", "CANCELLED"}, {"reason", "no cargo"}}, {"c4", "c"});
  ASSERT_EQ(cancel.status, 200) << cancel.body.dump(2);
  EXPECT_EQ(cancel.body["bookingStatus"], "CANCELLED");
  EXPECT_EQ(store_->departure_usage(d0)->booked_teu, 0);
  EXPECT_TRUE(events_of(kAcme, bkg, "PLN").empty()) << "a cancelled booking has no planned journey";
  const json shown = desk_->get_booking(kAcme, bkg).json();
  EXPECT_EQ(shown["bookingStatus"], "CANCELLED");
  EXPECT_EQ(shown["reason"], "no cargo");
  EXPECT_TRUE(shown["departures"].empty());
  EXPECT_FALSE(shown.contains("estimatedArrivalDateTime"));
  const Reply twice = desk_->patch_booking(kAcme, bkg, {{"bookingStatus", "CANCELLED"}}, {"c5", "d"});
  EXPECT_EQ(twice.status, 409);
  EXPECT_EQ(twice.body["type"], "https://landbridge.dev/problems/illegal-transition");
  const Reply replay = desk_->patch_booking(kAcme, bkg, {{"bookingStatus", "CANCELLED"}, {"reason", "no cargo"}}, {"c4", "c"});
  EXPECT_TRUE(replay.replayed);
  EXPECT_EQ(replay.status, 200);
}

TEST_P(DeskTest, ALateGaugeChangeEventReplansTheRestAndTheEta) {
  const Reply r = book(kAcme, order(reference(), 2), "t1");
  ASSERT_EQ(r.status, 201);
  const std::string bkg = r.body["carrierBookingReference"];
  const std::string box = r.body["requestedEquipments"][0]["equipmentReferences"][0];
  // The planned discharge before the first gauge change.
  json planned;
  for (const auto& e : events_of(kAcme, bkg, "PLN"))
    if (e.value("equipmentReference", "") == box && e.value("equipmentEventTypeCode", "") == "DISC" &&
        e.value("isTransshipmentMove", false)) {
      planned = e;
      break;
    }
  ASSERT_TRUE(planned.is_object()) << "the itinerary has a gauge change";
  const std::string place = planned["eventLocation"]["UNLocationCode"];
  const Instant planned_at = *timetable::parse_iso8601(planned["eventDateTime"].get<std::string>());
  const Instant eta_before = *timetable::parse_iso8601(desk_->get_booking(kAcme, bkg).json()["estimatedArrivalDateTime"].get<std::string>());
  const json act = {{"eventType", "EQUIPMENT"},
                    {"eventClassifierCode", "ACT"},
                    {"eventDateTime", timetable::format_iso8601(planned_at + days(3))},
                    {"equipmentEventTypeCode", "DISC"},
                    {"equipmentReference", box},
                    {"eventLocation", {{"UNLocationCode", place}}}};
  EXPECT_EQ(desk_->post_events(kAcme, act, {"e0", act.dump()}).status, 403);
  const Reply posted = desk_->post_events(kOperator, act, {"e1", act.dump()});
  ASSERT_EQ(posted.status, 201) << posted.body.dump(2);
  EXPECT_EQ(posted.body["events"][0]["documentReferences"][0]["documentReferenceValue"], bkg);
  ASSERT_EQ(posted.body["replans"].size(), 1U);
  const json& replan = posted.body["replans"][0];
  ASSERT_TRUE(replan["replanned"].get<bool>()) << replan.dump(2);
  EXPECT_EQ(replan["delayMinutes"], 3 * 1440);
  const Instant eta = *timetable::parse_iso8601(replan["estimatedArrivalDateTime"].get<std::string>());
  EXPECT_GT(eta, eta_before);
  const json after = desk_->get_booking(kAcme, bkg).json();
  EXPECT_EQ(after["estimatedArrivalDateTime"], replan["estimatedArrivalDateTime"]);
  // The slots follow the new plan on every store: the re-planned departures are held, the
  // booked ones after the late event are released.
  {
    EXPECT_TRUE(replan["holdsMoved"].get<bool>()) << replan.dump(2);
    std::set<std::string> held;
    for (const auto& d : after["departures"]) held.insert(d["departure"].get<std::string>());
    for (const auto& d : replan["departures"]) {
      EXPECT_TRUE(held.count(d.get<std::string>())) << d;
      EXPECT_EQ(store_->departure_usage(d.get<std::string>())->booked_teu, 4) << d;
    }
    for (const auto& d : r.body["departures"]) {
      if (!held.count(d["departure"].get<std::string>())) {
        EXPECT_EQ(store_->departure_usage(d["departure"].get<std::string>())->booked_teu, 0) << d;
      }
    }
    EXPECT_LT(held.size(), r.body["departures"].size() + replan["departures"].size()) << "the rides made stay held";
  }
  // One planned gate-out per box, at the new ETA; nothing planned between the late event and
  // the place left before it.
  int gtot = 0;
  for (const auto& e : events_of(kAcme, bkg, "PLN")) {
    const Instant t = *timetable::parse_iso8601(e["eventDateTime"].get<std::string>());
    if (e.value("equipmentEventTypeCode", "") == "GTOT") {
      ++gtot;
      EXPECT_EQ(t, eta);
    }
    if (t >= planned_at) {
      EXPECT_GE(t, planned_at + days(3)) << e.dump();
    }
  }
  EXPECT_EQ(gtot, 2);
  // The actual event is there for the shipper to see.
  EventFilter f;
  f.equipment_reference = box;
  f.classifier = "ACT";
  EXPECT_EQ(desk_->get_events(kAcme, f).body["events"].size(), 1U);
}

TEST_P(DeskTest, ABookingStoredWithoutAViewIsRenderedWhenRead) {
  const Reply r = book(kAcme, order(reference(), 1), "v1");
  ASSERT_EQ(r.status, 201);
  const std::string bkg = r.body["carrierBookingReference"];
  ASSERT_NO_FATAL_FAILURE(forget_views());
  EXPECT_EQ(store_->booking_view(bkg)->json, "");
  // The same booking, its ETA read from its planned gate-outs.
  EXPECT_EQ(desk_->get_booking(kAcme, bkg).json(), r.body);
  EXPECT_EQ(desk_->list_bookings(kAcme, 10, "").json()["bookings"][0]["estimatedArrivalDateTime"],
            r.body["plannedArrivalDateTime"]);
  EXPECT_EQ(desk_->get_booking(kOther, bkg).status, 404);
}

TEST_P(DeskTest, AnOnTimeEventChangesNoPlanAndForeignBoxesAreRefused) {
  const Reply r = book(kAcme, order(reference(), 1), "t2");
  ASSERT_EQ(r.status, 201);
  const std::string bkg = r.body["carrierBookingReference"];
  const std::string box = r.body["requestedEquipments"][0]["equipmentReferences"][0];
  json gtin;
  for (const auto& e : events_of(kAcme, bkg, "PLN"))
    if (e.value("equipmentEventTypeCode", "") == "GTIN") gtin = e;
  ASSERT_TRUE(gtin.is_object());
  json act = gtin;
  act["eventClassifierCode"] = "ACT";
  act.erase("eventID");
  const Reply ok = desk_->post_events(kOperator, json::array({act}), {"e2", act.dump()});
  ASSERT_EQ(ok.status, 201) << ok.body.dump(2);
  EXPECT_TRUE(ok.body["replans"].empty());
  json foreign = act;
  foreign["equipmentReference"] = "CSQU3054383";
  foreign["documentReferences"] = {{{"documentReferenceType", "BKG"}, {"documentReferenceValue", bkg}}};
  const Reply no = desk_->post_events(kOperator, json::array({act, foreign}), {"e3", "x"});
  EXPECT_EQ(no.status, 400);
  EXPECT_EQ(no.body["field"], "events[1].equipmentReference");
}

TEST_P(DeskTest, EventsFilterAndPageWithACursor) {
  const Reply r = book(kAcme, order(reference(), 2), "p1");
  ASSERT_EQ(r.status, 201);
  const std::string bkg = r.body["carrierBookingReference"];
  const auto all = events_of(kAcme, bkg);
  ASSERT_GT(all.size(), 10U);
  std::vector<json> paged;
  EventFilter f;
  f.booking_reference = bkg;
  f.limit = 4;
  for (int guard = 0; guard < 100; ++guard) {
    const Reply page = desk_->get_events(kAcme, f);
    for (const auto& e : page.body["events"]) paged.push_back(e);
    if (page.body["nextCursor"].is_null()) break;
    f.after_seq = std::stoll(page.body["nextCursor"].get<std::string>());
  }
  EXPECT_EQ(paged, all);
  EventFilter t;
  t.booking_reference = bkg;
  t.event_type = "TRANSPORT";
  t.limit = 1000;
  const auto transport = desk_->get_events(kAcme, t).body["events"];
  EXPECT_FALSE(transport.empty());
  for (const auto& e : transport) EXPECT_EQ(e["eventType"], "TRANSPORT");
  EventFilter at;
  at.un_location_code = "DEDUI";
  at.limit = 1000;
  const Reply at_duisburg = desk_->get_events(kAcme, at);  // kept: the loop reads into its body
  for (const auto& e : at_duisburg.body["events"]) EXPECT_EQ(e["eventLocation"]["UNLocationCode"], "DEDUI");
}

TEST_P(DeskTest, LoadListShowsBookingsTheirFeedersAndTheRoomLeft) {
  const std::string ref = reference();
  const Reply a = book(kAcme, order(ref, 2), "l1");
  const Reply b = book(kOther, order(ref, 3, "22G1"), "l2");
  ASSERT_EQ(a.status, 201);
  ASSERT_EQ(b.status, 201);
  // The departures the two share: the last one (the train into Duisburg).
  const std::string d = dep(a.body, a.body["departures"].size() - 1);
  EXPECT_EQ(desk_->load_list(kAcme, d).status, 403);
  EXPECT_EQ(desk_->load_list(kOperator, "not a departure").status, 400);
  const Reply list = desk_->load_list(kOperator, d);
  ASSERT_EQ(list.status, 200) << list.body.dump(2);
  EXPECT_EQ(list.body["bookedTEU"], 7);
  const auto service = query::parse_departure(d)->service;
  EXPECT_EQ(list.body["capacityTEU"], engine().capacity_teu(service));
  EXPECT_EQ(list.body["freeTEU"], engine().capacity_teu(service) - 7);
  ASSERT_EQ(list.body["bookings"].size(), 2U);
  for (const auto& row : list.body["bookings"]) {
    EXPECT_EQ(row["placeOfReceipt"]["UNLocationCode"], "JPHKT");
    EXPECT_FALSE(row["boardingLocation"].is_null());
    EXPECT_FALSE(row["feederService"].is_null()) << "a Hakata box comes by a feeder";
  }
  ASSERT_EQ(list.body["feeders"].size(), 1U);
  EXPECT_EQ(list.body["feeders"][0]["TEU"], 7);
  EXPECT_EQ(list.body["feeders"][0]["bookings"], 2);
}

// A booking stored before the Desk kept its itinerary's ends (the walkthrough's Hakata ->
// Duisburg booking on such a server had a null placeOfReceipt in the load list): the ends come
// from the itinerary's first and last steps, in the load list, the booking and re-planning.
TEST_P(DeskTest, ABookingStoredWithoutItsItinerarysEndsStillNamesThem) {
  const Reply r = book(kAcme, order(reference(), 4), "e1");
  ASSERT_EQ(r.status, 201);
  const std::string bkg = r.body["carrierBookingReference"];
  ASSERT_NO_FATAL_FAILURE(forget_itinerary_ends());
  ASSERT_NO_FATAL_FAILURE(forget_views());
  std::string train;
  for (const auto& d : r.body["departures"])
    if (train.empty() && d["departure"].get<std::string>().starts_with("RAIL-")) train = d["departure"];
  ASSERT_FALSE(train.empty()) << r.body["departures"].dump();
  const Reply list = desk_->load_list(kOperator, train);
  ASSERT_EQ(list.status, 200) << list.body.dump(2);
  ASSERT_EQ(list.body["bookings"].size(), 1U);
  EXPECT_EQ(list.body["bookings"][0]["placeOfReceipt"]["UNLocationCode"], "JPHKT") << list.body.dump(2);
  EXPECT_FALSE(list.body["bookings"][0]["boardingLocation"].is_null());
  // The booking, rendered again from the stored itinerary, names both ends as before.
  const json shown = desk_->get_booking(kAcme, bkg).json();
  EXPECT_EQ(shown["shipmentLocations"], r.body["shipmentLocations"]);
  EXPECT_EQ(shown["shipmentLocations"].front()["locationTypeCode"], "PRE");
  EXPECT_EQ(shown["shipmentLocations"].back()["location"]["UNLocationCode"], "DEDUI");
}

INSTANTIATE_TEST_SUITE_P(Stores, DeskTest, ::testing::Values("memory", "sqlite", "postgresql"),
                         [](const ::testing::TestParamInfo<std::string>& i) { return i.param; });

}  // namespace
}  // namespace landbridge::service
