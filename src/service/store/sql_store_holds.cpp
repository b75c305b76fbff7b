// Slot holds on departures: what a departure has booked, its load list, and moving a
// booking's holds when its journey is re-planned.
//
// Capacity: a hold is one conditional UPDATE, "booked_teu + teu <= capacity_teu", that changes
// nothing when the departure is full; every hold of a booking, the booking and its idempotent
// response are one transaction, rolled back as a whole when any hold fails. The database's
// own locking (SQLite's single writer, PostgreSQL's serializable snapshot isolation) makes the
// check and the increment one step for every thread and process on the same database.
#include <algorithm>
#include <string>

#include "sql_store.h"

namespace landbridge::service::sql {

std::optional<Store::Usage> SqlStore::departure_usage(const std::string& departure) {
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

std::vector<LoadListRow> SqlStore::load_list(const std::string& departure) {
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

std::optional<Store::MoveResult> SqlStore::move_holds(const std::string& reference, const Replan& replan,
                                                      const RenderView& render) {
  const std::string operation = "move holds of booking " + reference;
  check_holds(replan.holds, operation);
  check_events(replan.planned, reference, operation);
  std::optional<MoveResult> out;
  try {
    db_->transact(true, operation, [&](Tx& tx) {
      out.reset();
      std::optional<Booking> current = read_booking(tx, reference);
      if (!current || !holds_slots(current->status)) return;
      const auto listed = [](const std::vector<Hold>& list, const Hold& h) {
        return std::find(list.begin(), list.end(), h) != list.end();
      };
      // Released first, so a departure kept with another TEU count is checked on what is left.
      for (const Hold& h : current->holds)
        if (!listed(replan.holds, h)) release(tx, h);
      for (const Hold& h : replan.holds)
        if (!listed(current->holds, h)) hold(tx, h);
      tx.exec("DELETE FROM holds WHERE booking = $1", {reference});
      insert_holds(tx, reference, replan.holds);
      tx.lock_events();
      tx.exec("DELETE FROM events WHERE booking_reference = $1 AND classifier = 'PLN' AND event_time >= $2",
              {reference, I{replan.planned_from.value()}});
      for (const Event& e : replan.planned) insert_event(tx, e);
      Booking after = std::move(*current);
      after.holds = replan.holds;
      after.eta = replan.eta;
      after.view_json = render ? render(after) : std::string();
      tx.exec("UPDATE bookings SET eta = $2, view_json = $3 WHERE reference = $1",
              {reference, instant_param(after.eta), after.view_json});
      out = std::move(after);
    });
  } catch (const SoldOutAbort& abort) {
    return MoveResult{abort.why};
  }
  return out;
}

void SqlStore::check_holds(const std::vector<Hold>& holds, const std::string& operation) const {
  for (const Hold& h : holds)
    if (h.departure.empty() || h.teu <= 0 || h.capacity_teu <= 0)
      throw StoreError(message(db_->name(), operation,
                               "hold on '" + h.departure + "' needs a departure, teu > 0 and capacity_teu > 0 (got " +
                                   std::to_string(h.teu) + " of " + std::to_string(h.capacity_teu) + ")"));
}

// Takes h.teu on the departure (recording its capacity on first use) or aborts as sold out.
// The common case, a departure booked before, is one statement.
void SqlStore::hold(Tx& tx, const Hold& h) {
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

void SqlStore::release(Tx& tx, const Hold& h) const {
  const I n = tx.exec("UPDATE departures SET booked_teu = booked_teu - $2 WHERE departure = $1 AND booked_teu >= $2",
                      {h.departure, I{h.teu}});
  if (n != 1)
    throw StoreError(message(db_->name(), "release slots on " + h.departure,
                             "the departure does not hold " + std::to_string(h.teu) + " TEU to release"));
}

// A booking's hold rows, in one statement.
void SqlStore::insert_holds(Tx& tx, const std::string& booking, const std::vector<Hold>& holds) {
  if (holds.empty()) return;
  std::vector<Param> params{booking};
  std::string values;
  for (std::size_t i = 0; i < holds.size(); ++i) {
    const Hold& h = holds[i];
    values += (i ? ", ($1, " : "($1, ") + placeholders(params, {I(i), h.departure, I{h.teu}, I{h.capacity_teu}}) + ")";
  }
  tx.exec("INSERT INTO holds (booking, position, departure, teu, capacity_teu) VALUES " + values, params);
}

}  // namespace landbridge::service::sql
