// The Store on the SQL interface: opening a database (migrating it to this program's schema)
// and what every part shares. The members for each job live beside this file (sql_store.h).
#include <memory>
#include <string>
#include <string_view>

#include "backends.h"
#include "migrations.h"
#include "sql_store.h"

namespace landbridge::service::sql {

std::string message(std::string_view database, std::string_view operation, std::string_view what) {
  std::string m(database);
  m += ": ";
  m += operation;
  m += ": ";
  m += what;
  return m;
}

SqlStore::SqlStore(std::unique_ptr<Db> db) : db_(std::move(db)) {
  migrate(*db_);
  // A newer program migrated this database further: this one would misread it.
  if (const int found = sql::schema_version(*db_); found > latest_schema_version())
    throw StoreError(message(db_->name(), "open",
                             "the schema is at version " + std::to_string(found) + ", newer than this program's " +
                                 std::to_string(latest_schema_version()) + ": run a newer landbridge"));
}

std::string SqlStore::backend() const { return db_->dialect() == Dialect::sqlite ? "sqlite" : "postgresql"; }
int SqlStore::schema_version() { return sql::schema_version(*db_); }

// Appends `more` to `params` and returns their placeholders, "$4, $5, ...".
std::string SqlStore::placeholders(std::vector<Param>& params, std::initializer_list<Param> more) {
  std::string out;
  for (const Param& p : more) {
    params.push_back(p);
    if (!out.empty()) out += ", ";
    out += '$';
    out += std::to_string(params.size());
  }
  return out;
}

std::unique_ptr<Store> make_store(std::unique_ptr<Db> db) { return std::make_unique<SqlStore>(std::move(db)); }

}  // namespace landbridge::service::sql
