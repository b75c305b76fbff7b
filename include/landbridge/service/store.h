// Durable storage of the service: SQLite (embedded, the default) or PostgreSQL (several servers),
// one schema with versioned migrations (docs/service.md). Every member is one transaction:
// it happens wholly or not at all, and once it returns the change survives a crash.
//
//   auto store = service::open_store("sqlite:/var/lib/landbridge/landbridge.db");
//   auto store = service::open_store("postgresql://lb@localhost/landbridge");
//
// Thread safety: a Store may be used from several threads at once (each call takes its own
// connection from a pool). Several processes may share one database; PostgreSQL transactions
// run SERIALIZABLE and are retried on serialization failure (40001) and deadlock (40P01), SQLite
// ones BEGIN IMMEDIATE with a busy timeout.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "landbridge/core/error.h"
#include "landbridge/service/records.h"

namespace landbridge::service {

// The database cannot be reached or answered with an error the store cannot handle. The
// message names the database (without password) and the operation.
class StoreError : public Error {
 public:
  using Error::Error;
};

// Why create_booking did not store the booking.
struct SoldOut {
  std::string departure;       // the first departure without room
  std::int32_t free_teu = 0;   // what was still free there
};
// The Idempotency-Key was used before by the same party: the first response.
struct Replay {
  IdempotentResponse first;
};

class Store {
 public:
  virtual ~Store() = default;
  // "sqlite" or "postgresql".
  [[nodiscard]] virtual std::string backend() const = 0;
  // The schema version after migrations (open_store migrates).
  [[nodiscard]] virtual int schema_version() = 0;

  // --- bookings -----------------------------------------------------------------------------
  // In one transaction, all or nothing: checks that every hold's departure has
  // booked + hold.teu <= capacity_teu (capacity recorded on first use), holds the slots, stores
  // the booking and, when `idem` is given, the response to replay. With an `idem` whose
  // (party, key) exists already nothing is written and the stored response comes back (the
  // caller compares request hashes). A booking whose status does not hold slots (REJECTED) is
  // stored without capacity checks.
  using CreateResult = std::variant<Booking, SoldOut, Replay>;
  virtual CreateResult create_booking(const Booking& b, const std::optional<IdempotentResponse>& idem) = 0;
  [[nodiscard]] virtual std::optional<Booking> booking(const std::string& reference) = 0;
  // A party's bookings (all parties when `party` is empty), newest first, after the cursor.
  [[nodiscard]] virtual std::vector<Booking> bookings(const std::string& party, std::int32_t limit,
                                                      const std::string& before_reference = "") = 0;
  // Moves a booking to `to` if can_transition(current, to); releases its slots when `to` does
  // not hold them; sets containers when given (CONFIRMED). Returns the updated booking, or the
  // unchanged one with `ok = false` for an illegal transition; nullopt for an unknown reference.
  // With an `idem` whose (party, key) exists already (a concurrent writer stored it first)
  // nothing is written: `replay` holds the stored response and `ok` is false.
  struct Transition {
    Booking booking;
    bool ok = false;
    std::optional<Replay> replay;
  };
  virtual std::optional<Transition> transition(const std::string& reference, BookingStatus to,
                                               const std::string& reason,
                                               const std::vector<std::string>& containers,
                                               const std::optional<IdempotentResponse>& idem) = 0;
  // TEU booked on a departure by bookings that hold slots; nullopt if none ever was.
  struct Usage {
    std::int32_t booked_teu = 0, capacity_teu = 0;
  };
  [[nodiscard]] virtual std::optional<Usage> departure_usage(const std::string& departure) = 0;
  // Every booking holding slots on a departure.
  [[nodiscard]] virtual std::vector<LoadListRow> load_list(const std::string& departure) = 0;
  // Whether a container number is used by any booking.
  [[nodiscard]] virtual bool container_taken(const std::string& equipment_reference) = 0;
  // Replaces the holds of a booking that holds slots with `holds`, in one transaction, all or
  // nothing (a journey re-planned after a late event): slots on departures no longer listed are
  // released, new ones checked (booked + teu <= capacity_teu) and held; the same list again
  // changes nothing. Nullopt for an unknown reference or a booking that holds no slots. The
  // base implementation throws StoreError: a backend that cannot move holds says so.
  using MoveResult = std::variant<Booking, SoldOut>;
  virtual std::optional<MoveResult> move_holds(const std::string& reference, const std::vector<Hold>& holds) {
    (void)holds;
    throw StoreError("the " + backend() + " store cannot move the holds of booking " + reference);
  }

  // --- events -------------------------------------------------------------------------------
  // Appends events (seq assigned, returned in order), with an optional idempotent response.
  virtual std::variant<std::vector<Event>, Replay> add_events(const std::vector<Event>& events,
                                                              const std::optional<IdempotentResponse>& idem) = 0;
  [[nodiscard]] virtual std::vector<Event> events(const EventFilter& f) = 0;
  // Removes a booking's planned events (classifier PLN) at or after `from` and appends
  // `replacement` in the same transaction (re-planning after a late actual event).
  virtual std::vector<Event> replace_planned(const std::string& booking_reference, Instant from,
                                             const std::vector<Event>& replacement) = 0;

  // --- keys and idempotency -----------------------------------------------------------------
  virtual void add_key(const ApiKey& k) = 0;          // throws StoreError if the id exists
  [[nodiscard]] virtual std::optional<ApiKey> key(const std::string& id) = 0;
  [[nodiscard]] virtual std::vector<ApiKey> keys() = 0;
  virtual bool revoke_key(const std::string& id) = 0;  // false: unknown id
  [[nodiscard]] virtual std::optional<IdempotentResponse> idempotent(const std::string& party, const std::string& key) = 0;
  // Stores a response for a write that changed nothing else (a 4xx of a write, replayed too).
  virtual std::optional<Replay> put_idempotent(const IdempotentResponse& r) = 0;
};

// Opens (and migrates) the store a --db URL names: "sqlite:PATH", a plain PATH (SQLite), or
// "postgresql://..." / "postgres://..." (libpq connection URI). Throws StoreError.
std::unique_ptr<Store> open_store(const std::string& url);

}  // namespace landbridge::service
