// The SQLite backend: a pool of connections to one file, each used by one thread at a time.
//
// Several threads and processes: WAL lets readers run beside the one writer; every write
// transaction starts with BEGIN IMMEDIATE, which takes the file's write lock before the first
// read, so a read-check-write (the capacity check) cannot be overtaken by another connection,
// in this process or another. A writer waits for the lock up to the busy timeout.
// synchronous=FULL syncs the WAL at every commit: a committed booking survives power loss.
#include <sqlite3.h>

#include <chrono>
#include <string>
#include <thread>
#include <unordered_map>

#include "backends.h"
#include "pool.h"

namespace landbridge::service::sql {
namespace {

constexpr int kBusyTimeoutMs = 15'000;
constexpr std::size_t kMaxConnections = 64;

class Connection {
 public:
  Connection(const std::string& path, const std::string& name) : name_(name) {
    const int rc = sqlite3_open_v2(path.c_str(), &db_,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
      const std::string what = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
      sqlite3_close(db_);
      throw StoreError(message(name_, "open", what));
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, kBusyTimeoutMs);  // first: the pragmas below may wait for a lock
    // The pragma answers the mode in force: a file system without shared memory (a network
    // share) keeps another one, and then this store's guarantees do not hold.
    std::string mode;
    char* err = nullptr;
    const auto keep_mode = [](void* out, int, char** values, char**) {
      *static_cast<std::string*>(out) = values[0] ? values[0] : "";
      return 0;
    };
    // Switching a new file to WAL takes its exclusive lock. When several connections open a new
    // file at once, SQLite answers SQLITE_BUSY at once to all but one, without calling the busy
    // handler (two readers upgrading would deadlock): wait and try again, up to the timeout.
    int rc_mode = SQLITE_OK;
    for (int waited_ms = 0;; waited_ms += 5) {
      rc_mode = sqlite3_exec(db_, "PRAGMA journal_mode=WAL", keep_mode, &mode, &err);
      if ((rc_mode & 0xff) != SQLITE_BUSY || waited_ms >= kBusyTimeoutMs) break;
      sqlite3_free(err);
      err = nullptr;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    if (rc_mode != SQLITE_OK) {
      const std::string what = err ? err : sqlite3_errmsg(db_);
      sqlite3_free(err);
      sqlite3_close(db_);
      throw StoreError(message(name_, "open", what));
    }
    if (mode != "wal") {
      sqlite3_close(db_);
      throw StoreError(message(name_, "open", "the file cannot use WAL (journal mode stays '" + mode +
                                                 "'): keep the database on a local file system"));
    }
    try {
      run("PRAGMA synchronous=FULL", "open");
      run("PRAGMA foreign_keys=ON", "open");
    } catch (...) {
      sqlite3_close(db_);
      throw;
    }
  }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection() {
    for (auto& [text, stmt] : cache_) sqlite3_finalize(stmt);
    sqlite3_close(db_);
  }

  // Runs a statement without parameters, ignoring rows.
  void run(const char* statement, std::string_view operation) {
    char* err = nullptr;
    if (sqlite3_exec(db_, statement, nullptr, nullptr, &err) != SQLITE_OK) {
      const std::string what = err ? err : sqlite3_errmsg(db_);
      sqlite3_free(err);
      throw StoreError(message(name_, operation, what));
    }
  }

  // Prepares (once per connection) and binds a statement; the caller steps and resets it.
  sqlite3_stmt* prepare(std::string_view statement, const std::vector<Param>& params, std::string_view operation) {
    auto [it, fresh] = cache_.try_emplace(std::string(statement), nullptr);
    if (fresh) {
      if (sqlite3_prepare_v2(db_, it->first.c_str(), static_cast<int>(it->first.size()), &it->second, nullptr) !=
          SQLITE_OK) {
        const std::string what = sqlite3_errmsg(db_);
        cache_.erase(it);
        throw StoreError(message(name_, operation, what + " in: " + std::string(statement)));
      }
    }
    sqlite3_stmt* stmt = it->second;
    for (std::size_t i = 0; i < params.size(); ++i) {
      std::string placeholder(1, '$');  // built in two steps: g++ 12 warns falsely on "$" + string
      placeholder += std::to_string(i + 1);
      const int index = sqlite3_bind_parameter_index(stmt, placeholder.c_str());
      if (index == 0) continue;  // a parameter the statement does not use
      int rc;
      if (const auto* n = std::get_if<std::int64_t>(&params[i]))
        rc = sqlite3_bind_int64(stmt, index, *n);
      else if (std::holds_alternative<std::nullptr_t>(params[i]))
        rc = sqlite3_bind_null(stmt, index);
      else {
        const auto& s = std::get<std::string>(params[i]);
        // The text outlives the statement's use (nullptr: SQLITE_STATIC).
        rc = sqlite3_bind_text(stmt, index, s.data(), static_cast<int>(s.size()), nullptr);
      }
      if (rc != SQLITE_OK) fail(stmt, rc, operation);
    }
    return stmt;
  }

  [[noreturn]] void fail(sqlite3_stmt* stmt, int rc, std::string_view operation) {
    const std::string what = sqlite3_errmsg(db_);
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    const int primary = rc & 0xff;
    if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY)
      throw UniqueViolation(message(name_, operation, what));
    if (primary == SQLITE_BUSY)
      throw StoreError(message(name_, operation, what + " (still locked after " +
                                                     std::to_string(kBusyTimeoutMs / 1000) + " s)"));
    throw StoreError(message(name_, operation, what));
  }

  sqlite3* handle() { return db_; }
  const std::string& name() const { return name_; }

 private:
  sqlite3* db_ = nullptr;
  std::string name_;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

class SqliteTx final : public Tx {
 public:
  SqliteTx(Connection& c, std::string_view operation) : c_(c), operation_(operation) {}

  Rows query(std::string_view statement, const std::vector<Param>& params) override {
    sqlite3_stmt* stmt = c_.prepare(statement, params, operation_);
    Rows rows;
    for (;;) {
      const int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) c_.fail(stmt, rc, operation_);
      Row row(static_cast<std::size_t>(sqlite3_column_count(stmt)));
      for (int i = 0; i < static_cast<int>(row.size()); ++i) {
        const auto* text = sqlite3_column_text(stmt, i);
        if (text) row[i].assign(reinterpret_cast<const char*>(text), static_cast<std::size_t>(sqlite3_column_bytes(stmt, i)));
      }
      rows.push_back(std::move(row));
    }
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    return rows;
  }

  std::int64_t exec(std::string_view statement, const std::vector<Param>& params) override {
    sqlite3_stmt* stmt = c_.prepare(statement, params, operation_);
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    }
    if (rc != SQLITE_DONE) c_.fail(stmt, rc, operation_);
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    return sqlite3_changes64(c_.handle());
  }

  void lock_events() override {}  // one writer at a time already

 private:
  Connection& c_;
  std::string_view operation_;
};

class SqliteDb final : public Db {
 public:
  explicit SqliteDb(std::string path)
      : path_(std::move(path)),
        name_("sqlite:" + path_),
        pool_([this] { return std::make_unique<Connection>(path_, name_); }, kMaxConnections) {
    if (!sqlite3_threadsafe()) throw StoreError(message(name_, "open", "this SQLite library was built without threads"));
    Pool<Connection>::Lease first(pool_, pool_.take());  // fails now, not at the first request
  }

  Dialect dialect() const override { return Dialect::sqlite; }
  const std::string& name() const override { return name_; }

  void transact(bool write, std::string_view operation, const std::function<void(Tx&)>& body) override {
    Pool<Connection>::Lease conn(pool_, pool_.take());
    conn->run(write ? "BEGIN IMMEDIATE" : "BEGIN", operation);
    try {
      SqliteTx tx(*conn, operation);
      body(tx);
      conn->run("COMMIT", operation);
    } catch (...) {
      // A failed COMMIT or a failed statement leaves the transaction open: undo it, and drop a
      // connection that cannot even roll back.
      if (!sqlite3_get_autocommit(conn->handle())) {
        try {
          conn->run("ROLLBACK", operation);
        } catch (const StoreError&) {
          conn.discard();
        }
      }
      throw;
    }
  }

  Rows read_one(std::string_view operation, std::string_view statement, const std::vector<Param>& params) override {
    Pool<Connection>::Lease conn(pool_, pool_.take());
    SqliteTx tx(*conn, operation);  // autocommit: the statement is its own transaction
    return tx.query(statement, params);
  }

  void with_migration_lock(const std::function<void()>& body) override {
    body();  // each migration runs under BEGIN IMMEDIATE and re-reads schema_migrations there
  }

 private:
  std::string path_;
  std::string name_;
  Pool<Connection> pool_;
};

}  // namespace

std::unique_ptr<Db> open_sqlite(const std::string& path) { return std::make_unique<SqliteDb>(path); }

}  // namespace landbridge::service::sql
