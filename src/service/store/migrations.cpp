// Versioned migrations. Each migration is a list of statements in one dialect-neutral text;
// {ID} stands for an auto-assigned, never reused 64-bit key, the one spelling the two databases
// do not share. A migration is never edited once released: changes are new migrations.
#include "migrations.h"

#include <string>
#include <vector>

namespace landbridge::service::sql {
namespace {

struct Migration {
  int version;
  const char* name;
  std::vector<const char*> statements;
};

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> list{
      {1,
       "bookings, holds, departures, containers, events, api keys, idempotency",
       {
           // One row per departure ever booked: its capacity (first recorded) and the TEU that
           // bookings holding slots use. The CHECK is the last line of defence against overbooking.
           "CREATE TABLE departures ("
           " departure TEXT PRIMARY KEY,"
           " capacity_teu INTEGER NOT NULL CHECK (capacity_teu > 0),"
           " booked_teu INTEGER NOT NULL DEFAULT 0 CHECK (booked_teu >= 0 AND booked_teu <= capacity_teu))",
           "CREATE TABLE bookings ("
           " id {ID},"
           " reference TEXT NOT NULL UNIQUE,"
           " party TEXT NOT NULL,"
           " status TEXT NOT NULL,"
           " routing_reference TEXT NOT NULL,"
           " iso_equipment_code TEXT NOT NULL,"
           " units INTEGER NOT NULL,"
           " teu INTEGER NOT NULL,"
           " itinerary_json TEXT NOT NULL,"
           " reason TEXT NOT NULL,"
           " created INTEGER NOT NULL,"
           " updated INTEGER NOT NULL)",
           "CREATE INDEX bookings_party ON bookings (party, id)",
           // The slots a booking holds (or held) per departure, in itinerary order.
           "CREATE TABLE holds ("
           " booking TEXT NOT NULL REFERENCES bookings (reference) ON DELETE CASCADE,"
           " position INTEGER NOT NULL,"
           " departure TEXT NOT NULL,"
           " teu INTEGER NOT NULL CHECK (teu > 0),"
           " capacity_teu INTEGER NOT NULL CHECK (capacity_teu > 0),"
           " PRIMARY KEY (booking, position))",
           "CREATE INDEX holds_departure ON holds (departure)",
           // A container number belongs to at most one booking.
           "CREATE TABLE containers ("
           " equipment_reference TEXT PRIMARY KEY,"
           " booking TEXT NOT NULL REFERENCES bookings (reference) ON DELETE CASCADE,"
           " position INTEGER NOT NULL)",
           "CREATE INDEX containers_booking ON containers (booking, position)",
           "CREATE TABLE events ("
           " seq {ID},"
           " event_id TEXT NOT NULL UNIQUE,"
           " classifier TEXT NOT NULL,"
           " event_type TEXT NOT NULL,"
           " type_code TEXT NOT NULL,"
           " equipment_reference TEXT NOT NULL,"
           " booking_reference TEXT NOT NULL,"
           " party TEXT NOT NULL,"
           " un_location_code TEXT NOT NULL,"
           " event_time INTEGER NOT NULL,"
           " created INTEGER NOT NULL,"
           " payload TEXT NOT NULL)",
           "CREATE INDEX events_equipment ON events (equipment_reference, seq)",
           "CREATE INDEX events_booking ON events (booking_reference, seq)",
           "CREATE INDEX events_party ON events (party, seq)",
           "CREATE TABLE api_keys ("
           " id TEXT PRIMARY KEY,"
           " secret_hash TEXT NOT NULL,"
           " role TEXT NOT NULL,"
           " party TEXT NOT NULL,"
           " revoked INTEGER NOT NULL DEFAULT 0,"
           " created INTEGER NOT NULL)",
           "CREATE TABLE idempotency ("
           " party TEXT NOT NULL,"
           " key TEXT NOT NULL,"
           " request_hash TEXT NOT NULL,"
           " status INTEGER NOT NULL,"
           " body TEXT NOT NULL,"
           " location TEXT NOT NULL,"
           " PRIMARY KEY (party, key))",
       }},
  };
  return list;
}

std::string dialect_text(const char* statement, Dialect d) {
  std::string s = statement;
  const std::string id = d == Dialect::sqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT"
                                              : "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";
  for (auto at = s.find("{ID}"); at != std::string::npos; at = s.find("{ID}", at + id.size()))
    s.replace(at, 4, id);
  return s;
}

constexpr const char* kCreateMigrations =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";

}  // namespace

int latest_schema_version() { return migrations().back().version; }

void migrate(Db& db) {
  db.with_migration_lock([&] {
    for (const Migration& m : migrations()) {
      db.transact(true, "migration " + std::to_string(m.version), [&](Tx& tx) {
        tx.exec(kCreateMigrations, {});
        if (!tx.query("SELECT 1 FROM schema_migrations WHERE version = $1", {std::int64_t{m.version}}).empty()) return;
        for (const char* statement : m.statements) tx.exec(dialect_text(statement, db.dialect()), {});
        tx.exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, CURRENT_TIMESTAMP)",
                {std::int64_t{m.version}, std::string(m.name)});
      });
    }
  });
}

int schema_version(Db& db) {
  int version = 0;
  db.transact(false, "schema version", [&](Tx& tx) {
    const Rows rows = tx.query("SELECT MAX(version) FROM schema_migrations", {});
    version = rows.empty() || rows[0][0].empty() ? 0 : std::stoi(rows[0][0]);
  });
  return version;
}

}  // namespace landbridge::service::sql
