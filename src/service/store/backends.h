// The two backends of the store's SQL interface.
#pragma once

#include <memory>
#include <string>

#include "sql.h"

namespace landbridge::service::sql {

// A SQLite file (created if missing; its folder must exist). Each connection: WAL,
// synchronous=FULL, foreign keys, busy timeout.
std::unique_ptr<Db> open_sqlite(const std::string& path);
// A PostgreSQL database by libpq connection URI or keyword string.
std::unique_ptr<Db> open_postgresql(const std::string& conninfo);

// The store on a database (migrates it).
std::unique_ptr<Store> make_store(std::unique_ptr<Db> db);

}  // namespace landbridge::service::sql
