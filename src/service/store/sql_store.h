// The Store on the SQL interface (private to lb_store): one class, its members defined by job
// in sql_store.cpp (opening and migrating), sql_store_bookings.cpp, sql_store_holds.cpp,
// sql_store_events.cpp and sql_store_keys.cpp. The same statements and transactions run on both
// databases.
#pragma once

#include <chrono>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "landbridge/service/store.h"
#include "sql.h"

namespace landbridge::service::sql {

using I = std::int64_t;

// The current UTC minute as an Instant (minutes since 2020-01-01T00:00Z).
inline Instant now_minute() {
  using namespace std::chrono;
  constexpr sys_days kEpoch = sys_days(year(2020) / January / 1);
  return Instant(static_cast<Instant::rep>(duration_cast<minutes>(system_clock::now() - kEpoch).count()));
}

inline std::int32_t to_i32(const std::string& s) { return static_cast<std::int32_t>(std::stol(s)); }

// An optional instant as a parameter: NULL when absent.
inline Param instant_param(const std::optional<Instant>& t) {
  if (t) return I{t->value()};
  return Param{std::in_place_type<std::nullptr_t>, nullptr};
}

// Thrown inside a transaction to roll it back and answer "sold out".
struct SoldOutAbort {
  SoldOut why;
};
// The idempotency row of (party, key) was written by a concurrent transaction first.
struct IdempotencyTaken {};

inline constexpr const char* kBookingColumns =
    "reference, party, status, routing_reference, iso_equipment_code, units, teu, itinerary_json, reason, "
    "created, updated, eta, view_json";
inline constexpr const char* kEventColumns =
    "seq, event_id, classifier, event_type, type_code, equipment_reference, booking_reference, party, "
    "un_location_code, event_time, created, payload";

class SqlStore final : public Store {
 public:
  // Migrates the database to this program's schema; refuses one migrated further.
  explicit SqlStore(std::unique_ptr<Db> db);

  std::string backend() const override;
  int schema_version() override;

  // --- bookings ----------------------------------------------------------------------------------
  CreateResult create_booking(const Booking& b, const std::vector<Event>& planned,
                              const std::optional<IdempotentResponse>& idem) override;
  // One statement for the booking, its holds and its containers (part 0, 1, 2), so one round
  // trip and one consistent state.
  std::optional<Booking> booking(const std::string& reference) override;
  // The GET path: the owner and the stored view, one indexed read.
  std::optional<View> booking_view(const std::string& reference) override;
  std::vector<Booking> bookings(const std::string& party, std::int32_t limit,
                                const std::string& before_reference) override;
  std::optional<Transition> transition(const std::string& reference, BookingStatus to, const std::string& reason,
                                       const std::vector<std::string>& containers,
                                       const std::optional<IdempotentResponse>& idem,
                                       const RenderView& render) override;
  bool container_taken(const std::string& equipment_reference) override;

  // --- slot holds on departures ------------------------------------------------------------------
  std::optional<Usage> departure_usage(const std::string& departure) override;
  std::vector<LoadListRow> load_list(const std::string& departure) override;
  std::optional<MoveResult> move_holds(const std::string& reference, const Replan& replan,
                                       const RenderView& render) override;

  // --- track & trace events ----------------------------------------------------------------------
  std::variant<std::vector<Event>, Replay> add_events(const std::vector<Event>& events,
                                                      const std::optional<IdempotentResponse>& idem) override;
  std::vector<Event> events(const EventFilter& f) override;
  std::vector<Event> replace_planned(const std::string& booking_reference, Instant from,
                                     const std::vector<Event>& replacement) override;

  // --- API keys and idempotency ------------------------------------------------------------------
  void add_key(const ApiKey& k) override;
  std::optional<ApiKey> key(const std::string& id) override;
  std::vector<ApiKey> keys() override;
  bool revoke_key(const std::string& id) override;
  std::optional<IdempotentResponse> idempotent(const std::string& party, const std::string& key) override;
  std::optional<Replay> put_idempotent(const IdempotentResponse& r) override;

 private:
  // --- bookings: checks, rows, statements --------------------------------------------------------
  void check_booking(const Booking& b, const std::vector<Event>& planned) const;
  BookingStatus status_of(const std::string& text) const;
  Booking booking_of(const Row& r) const;
  void insert_booking(Tx& tx, const Booking& b) const;
  // A booking's containers in two statements: which of the numbers are taken already (named
  // in the error), then all of them at once.
  void insert_containers(Tx& tx, const std::string& booking, const std::vector<std::string>& containers) const;
  static std::string join(const std::vector<std::string>& list);
  // The holds and containers of a booking read from its row.
  static Booking complete(Tx& tx, Booking b);
  // The holds and containers of a page of bookings, in one statement.
  static void complete_all(Tx& tx, std::vector<Booking>& page);
  std::optional<Booking> read_booking(Tx& tx, const std::string& reference) const;

  // --- slot holds on departures: checks, rows, statements ----------------------------------------
  void check_holds(const std::vector<Hold>& holds, const std::string& operation) const;
  // Takes h.teu on the departure (recording its capacity on first use) or aborts as sold out.
  // The common case, a departure booked before, is one statement.
  static void hold(Tx& tx, const Hold& h);
  void release(Tx& tx, const Hold& h) const;
  // A booking's hold rows, in one statement.
  static void insert_holds(Tx& tx, const std::string& booking, const std::vector<Hold>& holds);

  // --- track & trace events: checks, rows, statements --------------------------------------------
  // A booking's planned events name it (they are found, replaced and removed by it).
  void check_events(const std::vector<Event>& events, const std::string& reference, const std::string& operation) const;
  static Event event_of(const Row& r);
  static Event insert_event(Tx& tx, const Event& e);

  // --- API keys and idempotency: checks, rows, statements ----------------------------------------
  ApiKey key_of(const Row& r) const;
  static std::optional<IdempotentResponse> read_idempotent(Tx& tx, const std::string& party, const std::string& key);
  static void insert_idempotent(Tx& tx, const IdempotentResponse& r);
  // The response a concurrent writer stored under the same key, read after our rollback.
  Replay replay_of(const IdempotentResponse& mine, const std::string& operation);

  // --- shared ------------------------------------------------------------------------------------
  // Appends `more` to `params` and returns their placeholders, "$4, $5, ...".
  static std::string placeholders(std::vector<Param>& params, std::initializer_list<Param> more);

  std::unique_ptr<Db> db_;
};

}  // namespace landbridge::service::sql
