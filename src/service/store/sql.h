// The little SQL surface the store logic needs, implemented once per backend (SQLite, libpq).
// Statements use $1, $2 ... placeholders, which both databases accept; every value comes back
// as text (NULL as an empty string: the schema has no nullable column the store reads).
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "landbridge/service/store.h"

namespace landbridge::service::sql {

using Param = std::variant<std::int64_t, std::string>;
using Row = std::vector<std::string>;
using Rows = std::vector<Row>;

// A statement broke a UNIQUE or PRIMARY KEY constraint (the caller decides what it means).
class UniqueViolation : public StoreError {
 public:
  using StoreError::StoreError;
};

enum class Dialect { sqlite, postgresql };

// One open transaction on one connection.
class Tx {
 public:
  virtual ~Tx() = default;
  // Runs a statement and returns its rows (SELECT, or INSERT ... RETURNING).
  virtual Rows query(std::string_view statement, const std::vector<Param>& params) = 0;
  // Runs a statement and returns the number of rows it changed.
  virtual std::int64_t exec(std::string_view statement, const std::vector<Param>& params) = 0;
  // Makes event appends commit in the order of their sequence numbers (a no-op where one writer
  // at a time is the rule anyway).
  virtual void lock_events() = 0;
};

// A database: a pool of connections that runs whole transactions.
class Db {
 public:
  virtual ~Db() = default;
  [[nodiscard]] virtual Dialect dialect() const = 0;
  // The database as the messages name it: "sqlite:/path" or "postgresql://user@host:port/db".
  [[nodiscard]] virtual const std::string& name() const = 0;
  // Runs `body` in one transaction and commits. `write`: the transaction changes data (SQLite
  // BEGIN IMMEDIATE; PostgreSQL SERIALIZABLE, run again from the start on 40001/40P01, so the
  // body must not keep state across attempts); otherwise a read-only snapshot. Any exception
  // rolls back and propagates; database errors come out as StoreError naming `operation`.
  virtual void transact(bool write, std::string_view operation, const std::function<void(Tx&)>& body) = 0;
  // Runs one reading statement on its own (one statement sees one consistent state): the
  // cheapest read, one round trip on PostgreSQL.
  virtual Rows read_one(std::string_view operation, std::string_view statement, const std::vector<Param>& params) = 0;
  // Runs `body` while no other process migrates the same database.
  virtual void with_migration_lock(const std::function<void()>& body) = 0;
};

// "<database>: <operation>: <what>" — the form of every StoreError.
std::string message(std::string_view database, std::string_view operation, std::string_view what);

}  // namespace landbridge::service::sql
