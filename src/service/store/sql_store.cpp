// The Store on the SQL interface: the same statements and transactions on both databases.
//
// Capacity: a hold is one conditional UPDATE, "booked_teu + teu <= capacity_teu", that changes
// nothing when the departure is full; every hold of a booking, the booking and its idempotent
// response are one transaction, rolled back as a whole when any hold fails. The database's
// own locking (SQLite's single writer, PostgreSQL's serializable snapshot isolation) makes the
// check and the increment one step for every thread and process on the same database.
#include <algorithm>
#include <chrono>
#include <map>
#include <string>

#include "backends.h"
#include "migrations.h"

namespace landbridge::service::sql {

std::string message(std::string_view database, std::string_view operation, std::string_view what) {
  std::string m(database);
  m += ": ";
  m += operation;
  m += ": ";
  m += what;
  return m;
}

namespace {

using I = std::int64_t;

// The current UTC minute as an Instant (minutes since 2020-01-01T00:00Z).
Instant now_minute() {
  using namespace std::chrono;
  constexpr sys_days kEpoch = sys_days(year(2020) / January / 1);
  return Instant(static_cast<Instant::rep>(duration_cast<minutes>(system_clock::now() - kEpoch).count()));
}

std::int32_t to_i32(const std::string& s) { return static_cast<std::int32_t>(std::stol(s)); }

// Thrown inside a transaction to roll it back and answer "sold out".
struct SoldOutAbort {
  SoldOut why;
};
// The idempotency row of (party, key) was written by a concurrent transaction first.
struct IdempotencyTaken {};

constexpr const char* kBookingColumns =
    "reference, party, status, routing_reference, iso_equipment_code, units, teu, itinerary_json, reason, "
    "created, updated";
constexpr const char* kEventColumns =
    "seq, event_id, classifier, event_type, type_code, equipment_reference, booking_reference, party, "
    "un_location_code, event_time, created, payload";

class SqlStore final : public Store {
 public:
  explicit SqlStore(std::unique_ptr<Db> db) : db_(std::move(db)) {
    migrate(*db_);
    // A newer program migrated this database further: this one would misread it.
    if (const int found = sql::schema_version(*db_); found > latest_schema_version())
      throw StoreError(message(db_->name(), "open",
                               "the schema is at version " + std::to_string(found) + ", newer than this program's " +
                                   std::to_string(latest_schema_version()) + ": run a newer landbridge"));
  }

  std::string backend() const override { return db_->dialect() == Dialect::sqlite ? "sqlite" : "postgresql"; }
  int schema_version() override { return sql::schema_version(*db_); }

  // --- bookings -------------------------------------------------------------------------------
  CreateResult create_booking(const Booking& b, const std::optional<IdempotentResponse>& idem) override {
    check_booking(b);
    CreateResult out;
    try {
      db_->transact(true, "create booking " + b.reference, [&](Tx& tx) {
        if (idem) {
          if (auto first = read_idempotent(tx, idem->party, idem->key)) {
            out = Replay{*first};
            return;
          }
        }
        if (holds_slots(b.status)) {
          for (const Hold& h : b.holds) hold(tx, h);
        }
        insert_booking(tx, b);
        if (idem) insert_idempotent(tx, *idem);
        out = b;
      });
    } catch (const SoldOutAbort& abort) {
      return abort.why;
    } catch (const IdempotencyTaken&) {
      return replay_of(*idem, "create booking " + b.reference);
    }
    return out;
  }

  // One statement for the booking, its holds and its containers (part 0, 1, 2), so one round
  // trip and one consistent state.
  std::optional<Booking> booking(const std::string& reference) override {
    const Rows rows = db_->read_one(
        "read booking " + reference,
        "SELECT 0, 0, reference, party, status, routing_reference, iso_equipment_code, CAST(units AS TEXT),"
        " CAST(teu AS TEXT), itinerary_json, reason, CAST(created AS TEXT), CAST(updated AS TEXT)"
        " FROM bookings WHERE reference = $1"
        " UNION ALL SELECT 1, position, departure, CAST(teu AS TEXT), CAST(capacity_teu AS TEXT),"
        " '', '', '', '', '', '', '', '' FROM holds WHERE booking = $1"
        " UNION ALL SELECT 2, position, equipment_reference, '', '', '', '', '', '', '', '', '', ''"
        " FROM containers WHERE booking = $1"
        " ORDER BY 1, 2",
        {reference});
    if (rows.empty() || rows[0][0] != "0") return std::nullopt;
    Booking b = booking_of(Row(rows[0].begin() + 2, rows[0].end()));
    for (std::size_t i = 1; i < rows.size(); ++i) {
      const Row& r = rows[i];
      if (r[0] == "1")
        b.holds.push_back(Hold{r[2], to_i32(r[3]), to_i32(r[4])});
      else
        b.containers.push_back(r[2]);
    }
    return b;
  }

  std::vector<Booking> bookings(const std::string& party, std::int32_t limit,
                                const std::string& before_reference) override {
    std::vector<Booking> out;
    db_->transact(false, "list bookings", [&](Tx& tx) {
      out.clear();
      std::string where = "1 = 1";
      std::vector<Param> params;
      if (!party.empty()) {
        params.emplace_back(party);
        where += " AND party = $" + std::to_string(params.size());
      }
      if (!before_reference.empty()) {
        params.emplace_back(before_reference);
        where += " AND id < (SELECT id FROM bookings WHERE reference = $" + std::to_string(params.size()) + ")";
      }
      params.emplace_back(I{std::max(limit, 0)});
      const Rows rows = tx.query(std::string("SELECT ") + kBookingColumns + " FROM bookings WHERE " + where +
                                     " ORDER BY id DESC LIMIT $" + std::to_string(params.size()),
                                 params);
      for (const Row& r : rows) out.push_back(booking_of(r));
      complete_all(tx, out);
    });
    return out;
  }

  std::optional<Transition> transition(const std::string& reference, BookingStatus to, const std::string& reason,
                                       const std::vector<std::string>& containers,
                                       const std::optional<IdempotentResponse>& idem) override {
    const std::string operation = "move booking " + reference + " to " + std::string(to_string(to));
    std::optional<Transition> out;
    try {
      db_->transact(true, operation, [&](Tx& tx) {
        out.reset();
        std::optional<Booking> current = read_booking(tx, reference);
        if (idem) {
          if (auto first = read_idempotent(tx, idem->party, idem->key)) {
            out = Transition{current.value_or(Booking{}), false, Replay{*first}};
            return;
          }
        }
        if (!current) return;
        if (!can_transition(current->status, to)) {
          out = Transition{*current, false, std::nullopt};
          return;
        }
        if (holds_slots(current->status) && !holds_slots(to)) {
          for (const Hold& h : current->holds) release(tx, h);
        }
        const Instant now = now_minute();
        tx.exec("UPDATE bookings SET status = $2, reason = $3, updated = $4 WHERE reference = $1",
                {reference, std::string(to_string(to)), reason.empty() ? current->reason : reason, I{now.value()}});
        if (!containers.empty()) {
          tx.exec("DELETE FROM containers WHERE booking = $1", {reference});
          insert_containers(tx, reference, containers);
        }
        if (idem) insert_idempotent(tx, *idem);
        out = Transition{*read_booking(tx, reference), true, std::nullopt};
      });
    } catch (const IdempotencyTaken&) {
      Transition t{booking(reference).value_or(Booking{}), false, replay_of(*idem, operation)};
      return t;
    }
    return out;
  }

  std::optional<Usage> departure_usage(const std::string& departure) override {
    std::optional<Usage> out;
    db_->transact(false, "usage of departure " + departure, [&](Tx& tx) {
      const Rows rows =
          tx.query("SELECT booked_teu, capacity_teu FROM departures WHERE departure = $1", {departure});
      if (rows.empty())
        out.reset();
      else
        out = Usage{to_i32(rows[0][0]), to_i32(rows[0][1])};
    });
    return out;
  }

  std::vector<LoadListRow> load_list(const std::string& departure) override {
    std::vector<LoadListRow> out;
    db_->transact(false, "load list of " + departure, [&](Tx& tx) {
      out.clear();
      const Rows rows = tx.query(
          "SELECT b.reference, b.party, b.iso_equipment_code, b.units, h.teu, b.status FROM holds h"
          " JOIN bookings b ON b.reference = h.booking"
          " WHERE h.departure = $1 AND b.status IN ('RECEIVED', 'CONFIRMED') ORDER BY b.id, h.position",
          {departure});
      for (const Row& r : rows) {
        LoadListRow row;
        row.booking_reference = r[0];
        row.party = r[1];
        row.iso_equipment_code = r[2];
        row.units = to_i32(r[3]);
        row.teu = to_i32(r[4]);
        row.status = status_of(r[5]);
        out.push_back(std::move(row));
      }
    });
    return out;
  }

  bool container_taken(const std::string& equipment_reference) override {
    bool taken = false;
    db_->transact(false, "look up container " + equipment_reference, [&](Tx& tx) {
      taken = !tx.query("SELECT 1 FROM containers WHERE equipment_reference = $1", {equipment_reference}).empty();
    });
    return taken;
  }

  // --- events ---------------------------------------------------------------------------------
  std::variant<std::vector<Event>, Replay> add_events(const std::vector<Event>& events,
                                                      const std::optional<IdempotentResponse>& idem) override {
    std::variant<std::vector<Event>, Replay> out;
    try {
      db_->transact(true, "add events", [&](Tx& tx) {
        if (idem) {
          if (auto first = read_idempotent(tx, idem->party, idem->key)) {
            out = Replay{*first};
            return;
          }
        }
        tx.lock_events();
        std::vector<Event> added;
        for (const Event& e : events) added.push_back(insert_event(tx, e));
        if (idem) insert_idempotent(tx, *idem);
        out = std::move(added);
      });
    } catch (const IdempotencyTaken&) {
      return replay_of(*idem, "add events");
    }
    return out;
  }

  std::vector<Event> events(const EventFilter& f) override {
    std::vector<Event> out;
    db_->transact(false, "read events", [&](Tx& tx) {
      out.clear();
      std::vector<Param> params{I{f.after_seq}};
      std::string where = "seq > $1";
      const auto match = [&](const char* column, const std::string& value) {
        if (value.empty()) return;
        params.emplace_back(value);
        where += std::string(" AND ") + column + " = $" + std::to_string(params.size());
      };
      match("party", f.party);
      match("equipment_reference", f.equipment_reference);
      match("booking_reference", f.booking_reference);
      match("event_type", f.event_type);
      match("type_code", f.type_code);
      match("un_location_code", f.un_location_code);
      match("classifier", f.classifier);
      params.emplace_back(I{std::max(f.limit, 0)});
      const Rows rows = tx.query(std::string("SELECT ") + kEventColumns + " FROM events WHERE " + where +
                                     " ORDER BY seq LIMIT $" + std::to_string(params.size()),
                                 params);
      for (const Row& r : rows) out.push_back(event_of(r));
    });
    return out;
  }

  std::vector<Event> replace_planned(const std::string& booking_reference, Instant from,
                                     const std::vector<Event>& replacement) override {
    std::vector<Event> out;
    db_->transact(true, "re-plan events of " + booking_reference, [&](Tx& tx) {
      out.clear();
      tx.lock_events();
      tx.exec("DELETE FROM events WHERE booking_reference = $1 AND classifier = 'PLN' AND event_time >= $2",
              {booking_reference, I{from.value()}});
      for (const Event& e : replacement) out.push_back(insert_event(tx, e));
    });
    return out;
  }

  // --- keys and idempotency -------------------------------------------------------------------
  void add_key(const ApiKey& k) override {
    try {
      db_->transact(true, "add key " + k.id, [&](Tx& tx) {
        tx.exec("INSERT INTO api_keys (id, secret_hash, role, party, revoked, created) VALUES ($1, $2, $3, $4, $5, $6)",
                {k.id, k.secret_hash, std::string(to_string(k.role)), k.party, I{k.revoked ? 1 : 0},
                 I{k.created.value()}});
      });
    } catch (const UniqueViolation&) {
      throw StoreError(message(db_->name(), "add key " + k.id, "a key with this id exists already"));
    }
  }

  std::optional<ApiKey> key(const std::string& id) override {
    std::optional<ApiKey> out;
    db_->transact(false, "read key " + id, [&](Tx& tx) {
      const Rows rows =
          tx.query("SELECT id, secret_hash, role, party, revoked, created FROM api_keys WHERE id = $1", {id});
      if (rows.empty())
        out.reset();
      else
        out = key_of(rows[0]);
    });
    return out;
  }

  std::vector<ApiKey> keys() override {
    std::vector<ApiKey> out;
    db_->transact(false, "list keys", [&](Tx& tx) {
      out.clear();
      for (const Row& r : tx.query("SELECT id, secret_hash, role, party, revoked, created FROM api_keys ORDER BY id", {}))
        out.push_back(key_of(r));
    });
    return out;
  }

  bool revoke_key(const std::string& id) override {
    bool found = false;
    db_->transact(true, "revoke key " + id, [&](Tx& tx) {
      found = tx.exec("UPDATE api_keys SET revoked = 1 WHERE id = $1", {id}) > 0;
    });
    return found;
  }

  std::optional<IdempotentResponse> idempotent(const std::string& party, const std::string& key) override {
    std::optional<IdempotentResponse> out;
    db_->transact(false, "read idempotency key", [&](Tx& tx) { out = read_idempotent(tx, party, key); });
    return out;
  }

  std::optional<Replay> put_idempotent(const IdempotentResponse& r) override {
    std::optional<Replay> out;
    try {
      db_->transact(true, "store idempotent response", [&](Tx& tx) {
        out.reset();
        if (auto first = read_idempotent(tx, r.party, r.key)) {
          out = Replay{*first};
          return;
        }
        insert_idempotent(tx, r);
      });
    } catch (const IdempotencyTaken&) {
      return replay_of(r, "store idempotent response");
    }
    return out;
  }

 private:
  // --- checks and conversions -----------------------------------------------------------------
  void check_booking(const Booking& b) const {
    const std::string operation = "create booking " + b.reference;
    if (b.reference.empty()) throw StoreError(message(db_->name(), operation, "the booking has no reference"));
    for (const Hold& h : b.holds)
      if (h.departure.empty() || h.teu <= 0 || h.capacity_teu <= 0)
        throw StoreError(message(db_->name(), operation,
                                 "hold on '" + h.departure + "' needs a departure, teu > 0 and capacity_teu > 0 (got " +
                                     std::to_string(h.teu) + " of " + std::to_string(h.capacity_teu) + ")"));
  }

  BookingStatus status_of(const std::string& text) const {
    if (auto s = parse_booking_status(text)) return *s;
    throw StoreError(message(db_->name(), "read booking", "unknown bookingStatus '" + text + "' in the database"));
  }

  Booking booking_of(const Row& r) const {
    Booking b;
    b.reference = r[0];
    b.party = r[1];
    b.status = status_of(r[2]);
    b.routing_reference = r[3];
    b.iso_equipment_code = r[4];
    b.units = to_i32(r[5]);
    b.teu = to_i32(r[6]);
    b.itinerary_json = r[7];
    b.reason = r[8];
    b.created = Instant(to_i32(r[9]));
    b.updated = Instant(to_i32(r[10]));
    return b;
  }

  static Event event_of(const Row& r) {
    Event e;
    e.seq = std::stoll(r[0]);
    e.event_id = r[1];
    e.classifier = r[2];
    e.event_type = r[3];
    e.type_code = r[4];
    e.equipment_reference = r[5];
    e.booking_reference = r[6];
    e.party = r[7];
    e.un_location_code = r[8];
    e.event_time = Instant(to_i32(r[9]));
    e.created = Instant(to_i32(r[10]));
    e.payload = r[11];
    return e;
  }

  ApiKey key_of(const Row& r) const {
    ApiKey k;
    k.id = r[0];
    k.secret_hash = r[1];
    const auto role = parse_role(r[2]);
    if (!role) throw StoreError(message(db_->name(), "read key " + r[0], "unknown role '" + r[2] + "' in the database"));
    k.role = *role;
    k.party = r[3];
    k.revoked = r[4] != "0";
    k.created = Instant(to_i32(r[5]));
    return k;
  }

  // --- statements inside a transaction --------------------------------------------------------
  // Takes h.teu on the departure (recording its capacity on first use) or aborts as sold out.
  // The common case, a departure booked before, is one statement.
  static void hold(Tx& tx, const Hold& h) {
    const auto take = [&] {
      return tx.exec(
                 "UPDATE departures SET booked_teu = booked_teu + $2"
                 " WHERE departure = $1 AND booked_teu + $2 <= capacity_teu",
                 {h.departure, I{h.teu}}) == 1;
    };
    if (take()) return;
    Rows rows = tx.query("SELECT capacity_teu - booked_teu FROM departures WHERE departure = $1", {h.departure});
    if (rows.empty()) {
      // First use. A concurrent first booker's row, committed but outside this snapshot, makes
      // PostgreSQL fail this transaction with 40001 (run again) rather than do nothing.
      tx.exec("INSERT INTO departures (departure, capacity_teu, booked_teu) VALUES ($1, $2, 0)"
              " ON CONFLICT (departure) DO NOTHING",
              {h.departure, I{h.capacity_teu}});
      if (take()) return;
      rows = tx.query("SELECT capacity_teu - booked_teu FROM departures WHERE departure = $1", {h.departure});
    }
    throw SoldOutAbort{SoldOut{h.departure, rows.empty() ? 0 : to_i32(rows[0][0])}};
  }

  void release(Tx& tx, const Hold& h) const {
    const I n = tx.exec("UPDATE departures SET booked_teu = booked_teu - $2 WHERE departure = $1 AND booked_teu >= $2",
                        {h.departure, I{h.teu}});
    if (n != 1)
      throw StoreError(message(db_->name(), "release slots on " + h.departure,
                               "the departure does not hold " + std::to_string(h.teu) + " TEU to release"));
  }

  void insert_booking(Tx& tx, const Booking& b) const {
    try {
      tx.exec(std::string("INSERT INTO bookings (") + kBookingColumns +
                  ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
              {b.reference, b.party, std::string(to_string(b.status)), b.routing_reference, b.iso_equipment_code,
               I{b.units}, I{b.teu}, b.itinerary_json, b.reason, I{b.created.value()}, I{b.updated.value()}});
    } catch (const UniqueViolation& e) {
      throw StoreError(std::string(e.what()) + " (booking reference " + b.reference + " exists already)");
    }
    if (!b.holds.empty()) {
      std::vector<Param> params{b.reference};
      std::string values;
      for (std::size_t i = 0; i < b.holds.size(); ++i) {
        const Hold& h = b.holds[i];
        values += (i ? ", ($1, " : "($1, ") + placeholders(params, {I(i), h.departure, I{h.teu}, I{h.capacity_teu}}) + ")";
      }
      tx.exec("INSERT INTO holds (booking, position, departure, teu, capacity_teu) VALUES " + values, params);
    }
    insert_containers(tx, b.reference, b.containers);
  }

  // Appends `more` to `params` and returns their placeholders, "$4, $5, ...".
  static std::string placeholders(std::vector<Param>& params, std::initializer_list<Param> more) {
    std::string out;
    for (const Param& p : more) {
      params.push_back(p);
      if (!out.empty()) out += ", ";
      out += '$';
      out += std::to_string(params.size());
    }
    return out;
  }

  // A booking's containers in two statements: which of the numbers are taken already (named
  // in the error), then all of them at once.
  void insert_containers(Tx& tx, const std::string& booking, const std::vector<std::string>& containers) const {
    if (containers.empty()) return;
    const std::string operation = "store containers of " + booking;
    std::vector<Param> asked;
    std::string list;
    for (const auto& c : containers) list += (list.empty() ? "" : ", ") + placeholders(asked, {c});
    std::string taken;
    for (const Row& r : tx.query("SELECT equipment_reference FROM containers WHERE equipment_reference IN (" + list +
                                     ") ORDER BY equipment_reference",
                                 asked))
      taken += (taken.empty() ? "" : ", ") + r[0];
    if (!taken.empty())
      throw StoreError(message(db_->name(), operation, "container " + taken + " belongs to another booking"));

    std::vector<Param> params{booking};
    std::string values;
    for (std::size_t i = 0; i < containers.size(); ++i)
      values += (i ? ", ($1, " : "($1, ") + placeholders(params, {containers[i], I(i)}) + ")";
    try {
      tx.exec("INSERT INTO containers (booking, equipment_reference, position) VALUES " + values, params);
    } catch (const UniqueViolation& e) {
      // A number given twice, or taken by a booking committed since the check above.
      throw StoreError(std::string(e.what()) + " (containers " + join(containers) +
                       ": one is repeated or belongs to another booking)");
    }
  }

  static std::string join(const std::vector<std::string>& list) {
    std::string out;
    for (const auto& x : list) out += (out.empty() ? "" : ", ") + x;
    return out;
  }

  // The holds and containers of a booking read from its row.
  static Booking complete(Tx& tx, Booking b) {
    for (const Row& r : tx.query(
             "SELECT departure, teu, capacity_teu FROM holds WHERE booking = $1 ORDER BY position", {b.reference}))
      b.holds.push_back(Hold{r[0], to_i32(r[1]), to_i32(r[2])});
    for (const Row& r :
         tx.query("SELECT equipment_reference FROM containers WHERE booking = $1 ORDER BY position", {b.reference}))
      b.containers.push_back(r[0]);
    return b;
  }

  // The holds and containers of a page of bookings, in one statement.
  static void complete_all(Tx& tx, std::vector<Booking>& page) {
    if (page.empty()) return;
    std::vector<Param> refs;
    std::string list;
    std::map<std::string, Booking*> by_reference;
    for (Booking& b : page) {
      list += (list.empty() ? "" : ", ") + placeholders(refs, {b.reference});
      by_reference[b.reference] = &b;
    }
    const Rows rows = tx.query(
        "SELECT booking, 1, position, departure, CAST(teu AS TEXT), CAST(capacity_teu AS TEXT) FROM holds"
        " WHERE booking IN (" + list + ")"
        " UNION ALL SELECT booking, 2, position, equipment_reference, '', '' FROM containers"
        " WHERE booking IN (" + list + ") ORDER BY 1, 2, 3",
        refs);
    for (const Row& r : rows) {
      Booking& b = *by_reference.at(r[0]);
      if (r[1] == "1")
        b.holds.push_back(Hold{r[3], to_i32(r[4]), to_i32(r[5])});
      else
        b.containers.push_back(r[3]);
    }
  }

  std::optional<Booking> read_booking(Tx& tx, const std::string& reference) const {
    const Rows rows =
        tx.query(std::string("SELECT ") + kBookingColumns + " FROM bookings WHERE reference = $1", {reference});
    if (rows.empty()) return std::nullopt;
    return complete(tx, booking_of(rows[0]));
  }

  static Event insert_event(Tx& tx, const Event& e) {
    const Rows rows = tx.query(
        "INSERT INTO events (event_id, classifier, event_type, type_code, equipment_reference, booking_reference,"
        " party, un_location_code, event_time, created, payload)"
        " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING seq",
        {e.event_id, e.classifier, e.event_type, e.type_code, e.equipment_reference, e.booking_reference, e.party,
         e.un_location_code, I{e.event_time.value()}, I{e.created.value()}, e.payload});
    Event stored = e;
    stored.seq = std::stoll(rows.at(0).at(0));
    return stored;
  }

  static std::optional<IdempotentResponse> read_idempotent(Tx& tx, const std::string& party, const std::string& key) {
    const Rows rows = tx.query(
        "SELECT request_hash, status, body, location FROM idempotency WHERE party = $1 AND key = $2", {party, key});
    if (rows.empty()) return std::nullopt;
    return IdempotentResponse{party, key, rows[0][0], to_i32(rows[0][1]), rows[0][2], rows[0][3]};
  }

  static void insert_idempotent(Tx& tx, const IdempotentResponse& r) {
    try {
      tx.exec("INSERT INTO idempotency (party, key, request_hash, status, body, location) VALUES ($1, $2, $3, $4, $5, $6)",
              {r.party, r.key, r.request_hash, I{r.status}, r.body, r.location});
    } catch (const UniqueViolation&) {
      throw IdempotencyTaken{};
    }
  }

  // The response a concurrent writer stored under the same key, read after our rollback.
  Replay replay_of(const IdempotentResponse& mine, const std::string& operation) {
    auto first = idempotent(mine.party, mine.key);
    if (!first)
      throw StoreError(message(db_->name(), operation,
                               "idempotency key '" + mine.key + "' was taken by a transaction that did not commit"));
    return Replay{*first};
  }

  std::unique_ptr<Db> db_;
};

}  // namespace

std::unique_ptr<Store> make_store(std::unique_ptr<Db> db) { return std::make_unique<SqlStore>(std::move(db)); }

}  // namespace landbridge::service::sql
