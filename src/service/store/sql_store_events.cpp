// Track & trace events: appending (under the event lock, so sequence numbers are
// committed in order), reading by filter, and replacing a booking's planned events.
#include <algorithm>
#include <string>

#include "sql_store.h"

namespace landbridge::service::sql {

std::variant<std::vector<Event>, Replay> SqlStore::add_events(const std::vector<Event>& events,
                                                              const std::optional<IdempotentResponse>& idem) {
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

std::vector<Event> SqlStore::events(const EventFilter& f) {
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

std::vector<Event> SqlStore::replace_planned(const std::string& booking_reference, Instant from,
                                             const std::vector<Event>& replacement) {
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

// A booking's planned events name it (they are found, replaced and removed by it).
void SqlStore::check_events(const std::vector<Event>& events, const std::string& reference,
                            const std::string& operation) const {
  for (const Event& e : events)
    if (e.booking_reference != reference)
      throw StoreError(message(db_->name(), operation,
                               "event " + e.event_id + " names booking '" + e.booking_reference + "', not " + reference));
}

Event SqlStore::event_of(const Row& r) {
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

Event SqlStore::insert_event(Tx& tx, const Event& e) {
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

}  // namespace landbridge::service::sql
