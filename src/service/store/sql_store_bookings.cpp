// Bookings: creating one with its holds, containers and planned events in one transaction,
// reading one or a page, and moving one through its states.
#include <algorithm>
#include <map>
#include <string>

#include "sql_store.h"

namespace landbridge::service::sql {

Store::CreateResult SqlStore::create_booking(const Booking& b, const std::vector<Event>& planned,
                                             const std::optional<IdempotentResponse>& idem) {
  check_booking(b, planned);
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
      if (!planned.empty()) {
        // Late in the transaction: the event lock serialises event writers until commit.
        tx.lock_events();
        for (const Event& e : planned) insert_event(tx, e);
      }
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
std::optional<Booking> SqlStore::booking(const std::string& reference) {
  const Rows rows = db_->read_one(
      "read booking " + reference,
      "SELECT 0, 0, reference, party, status, routing_reference, iso_equipment_code, CAST(units AS TEXT),"
      " CAST(teu AS TEXT), itinerary_json, reason, CAST(created AS TEXT), CAST(updated AS TEXT),"
      " CAST(eta AS TEXT), view_json FROM bookings WHERE reference = $1"
      " UNION ALL SELECT 1, position, departure, CAST(teu AS TEXT), CAST(capacity_teu AS TEXT),"
      " '', '', '', '', '', '', '', '', '', '' FROM holds WHERE booking = $1"
      " UNION ALL SELECT 2, position, equipment_reference, '', '', '', '', '', '', '', '', '', '', '', ''"
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

// The GET path: the owner and the stored view, one indexed read.
std::optional<Store::View> SqlStore::booking_view(const std::string& reference) {
  const Rows rows = db_->read_one("read view of booking " + reference,
                                  "SELECT party, view_json FROM bookings WHERE reference = $1", {reference});
  if (rows.empty()) return std::nullopt;
  return View{rows[0][0], rows[0][1]};
}

std::vector<Booking> SqlStore::bookings(const std::string& party, std::int32_t limit,
                                        const std::string& before_reference) {
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

std::optional<Store::Transition> SqlStore::transition(const std::string& reference, BookingStatus to,
                                                      const std::string& reason,
                                                      const std::vector<std::string>& containers,
                                                      const std::optional<IdempotentResponse>& idem,
                                                      const RenderView& render) {
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
      // A booking that will not travel has no journey planned.
      const bool journey_ends = to == BookingStatus::cancelled || to == BookingStatus::rejected;
      const Instant now = now_minute();
      tx.exec("UPDATE bookings SET status = $2, reason = $3, updated = $4 WHERE reference = $1",
              {reference, std::string(to_string(to)), reason.empty() ? current->reason : reason, I{now.value()}});
      if (journey_ends) {
        tx.exec("UPDATE bookings SET eta = NULL WHERE reference = $1", {reference});
        tx.lock_events();
        tx.exec("DELETE FROM events WHERE booking_reference = $1 AND classifier = 'PLN'", {reference});
      }
      if (!containers.empty()) {
        tx.exec("DELETE FROM containers WHERE booking = $1", {reference});
        insert_containers(tx, reference, containers);
      }
      if (idem) insert_idempotent(tx, *idem);
      Booking after = *read_booking(tx, reference);
      after.view_json = render ? render(after) : std::string();
      tx.exec("UPDATE bookings SET view_json = $2 WHERE reference = $1", {reference, after.view_json});
      out = Transition{std::move(after), true, std::nullopt};
    });
  } catch (const IdempotencyTaken&) {
    Transition t{booking(reference).value_or(Booking{}), false, replay_of(*idem, operation)};
    return t;
  }
  return out;
}

bool SqlStore::container_taken(const std::string& equipment_reference) {
  bool taken = false;
  db_->transact(false, "look up container " + equipment_reference, [&](Tx& tx) {
    taken = !tx.query("SELECT 1 FROM containers WHERE equipment_reference = $1", {equipment_reference}).empty();
  });
  return taken;
}

void SqlStore::check_booking(const Booking& b, const std::vector<Event>& planned) const {
  const std::string operation = "create booking " + b.reference;
  if (b.reference.empty()) throw StoreError(message(db_->name(), operation, "the booking has no reference"));
  check_holds(b.holds, operation);
  check_events(planned, b.reference, operation);
}

BookingStatus SqlStore::status_of(const std::string& text) const {
  if (auto s = parse_booking_status(text)) return *s;
  throw StoreError(message(db_->name(), "read booking", "unknown bookingStatus '" + text + "' in the database"));
}

Booking SqlStore::booking_of(const Row& r) const {
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
  if (!r[11].empty()) b.eta = Instant(to_i32(r[11]));
  b.view_json = r[12];
  return b;
}

void SqlStore::insert_booking(Tx& tx, const Booking& b) const {
  try {
    tx.exec(std::string("INSERT INTO bookings (") + kBookingColumns +
                ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
            {b.reference, b.party, std::string(to_string(b.status)), b.routing_reference, b.iso_equipment_code,
             I{b.units}, I{b.teu}, b.itinerary_json, b.reason, I{b.created.value()}, I{b.updated.value()},
             instant_param(b.eta), b.view_json});
  } catch (const UniqueViolation& e) {
    throw StoreError(std::string(e.what()) + " (booking reference " + b.reference + " exists already)");
  }
  insert_holds(tx, b.reference, b.holds);
  insert_containers(tx, b.reference, b.containers);
}

// A booking's containers in two statements: which of the numbers are taken already (named
// in the error), then all of them at once.
void SqlStore::insert_containers(Tx& tx, const std::string& booking, const std::vector<std::string>& containers) const {
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

std::string SqlStore::join(const std::vector<std::string>& list) {
  std::string out;
  for (const auto& x : list) out += (out.empty() ? "" : ", ") + x;
  return out;
}

// The holds and containers of a booking read from its row.
Booking SqlStore::complete(Tx& tx, Booking b) {
  for (const Row& r : tx.query(
           "SELECT departure, teu, capacity_teu FROM holds WHERE booking = $1 ORDER BY position", {b.reference}))
    b.holds.push_back(Hold{r[0], to_i32(r[1]), to_i32(r[2])});
  for (const Row& r :
       tx.query("SELECT equipment_reference FROM containers WHERE booking = $1 ORDER BY position", {b.reference}))
    b.containers.push_back(r[0]);
  return b;
}

// The holds and containers of a page of bookings, in one statement.
void SqlStore::complete_all(Tx& tx, std::vector<Booking>& page) {
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

std::optional<Booking> SqlStore::read_booking(Tx& tx, const std::string& reference) const {
  const Rows rows =
      tx.query(std::string("SELECT ") + kBookingColumns + " FROM bookings WHERE reference = $1", {reference});
  if (rows.empty()) return std::nullopt;
  return complete(tx, booking_of(rows[0]));
}

}  // namespace landbridge::service::sql
