// The schema of the store, one list of numbered migrations for both databases.
#pragma once

#include "sql.h"

namespace landbridge::service::sql {

// Applies every migration the database lacks, each in its own transaction with its row in
// schema_migrations; safe when several processes open the same database at once.
void migrate(Db& db);
// The highest migration applied (0 for an empty database).
int schema_version(Db& db);
// The highest migration this program knows.
int latest_schema_version();

}  // namespace landbridge::service::sql
