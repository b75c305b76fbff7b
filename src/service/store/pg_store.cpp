// The PostgreSQL backend (libpq): a pool of connections; write transactions run SERIALIZABLE
// and are run again from the start, after a short random back-off, when the server reports a
// serialization failure (40001) or a deadlock (40P01), at most kMaxAttempts times. Reads run
// in a REPEATABLE READ, READ ONLY snapshot, which never fails that way.
#include <libpq-fe.h>

#include <chrono>
#include <random>
#include <string>
#include <thread>
#include <unordered_map>

#include "backends.h"
#include "pool.h"

namespace landbridge::service::sql {
namespace {

constexpr int kMaxAttempts = 100;
constexpr std::size_t kMaxConnections = 16;
// Keys of the advisory locks the store takes (any two 64-bit numbers of its own).
constexpr std::int64_t kMigrationLock = 0x6c62'6d69'6772'6174;  // "lbmigrat"
constexpr std::int64_t kEventLock = 0x6c62'6576'656e'7473;      // "lbevents"

// An error reported by the server, with its SQLSTATE.
class PgError : public StoreError {
 public:
  PgError(const std::string& what, std::string sqlstate) : StoreError(what), sqlstate_(std::move(sqlstate)) {}
  [[nodiscard]] bool retryable() const { return sqlstate_ == "40001" || sqlstate_ == "40P01"; }

 private:
  std::string sqlstate_;
};

// What a connection string names, without any password: postgresql://user@host:port/db.
std::string display_name(const std::string& conninfo) {
  char* err = nullptr;
  PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &err);
  if (!options) {
    const std::string what = err ? err : "out of memory";
    PQfreemem(err);
    throw StoreError("postgresql: open: cannot parse the connection string: " + what);
  }
  std::string user, host, port, db;
  for (PQconninfoOption* o = options; o->keyword; ++o) {
    if (!o->val) continue;
    const std::string key = o->keyword;
    if (key == "user") user = o->val;
    if (key == "host") host = o->val;
    if (key == "port") port = o->val;
    if (key == "dbname") db = o->val;
  }
  PQconninfoFree(options);
  std::string name = "postgresql://";
  if (!user.empty()) name += user + "@";
  name += host;
  if (!port.empty()) name += ":" + port;
  return name + "/" + db;
}

class Connection {
 public:
  Connection(const std::string& conninfo, const std::string& name) : name_(name) {
    conn_ = PQconnectdb(conninfo.c_str());
    if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
      std::string what = conn_ ? PQerrorMessage(conn_) : "out of memory";
      while (!what.empty() && (what.back() == '\n' || what.back() == ' ')) what.pop_back();
      PQfinish(conn_);
      throw StoreError(message(name_, "connect", what));
    }
    // Notices ("relation already exists, skipping" at every migration check) are not errors and
    // would otherwise go to stderr.
    PQsetNoticeProcessor(conn_, [](void*, const char*) {}, nullptr);
  }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection() { PQfinish(conn_); }

  bool ok() const { return PQstatus(conn_) == CONNECTION_OK; }

  // Runs one statement; throws PgError (UniqueViolation for 23505) on failure.
  PGresult* run(std::string_view statement, const std::vector<Param>& params, std::string_view operation) {
    std::vector<std::string> text;
    text.reserve(params.size());
    for (const Param& p : params)
      text.push_back(std::holds_alternative<std::int64_t>(p) ? std::to_string(std::get<std::int64_t>(p))
                                                             : std::get<std::string>(p));
    std::vector<const char*> values;
    values.reserve(text.size());
    for (const auto& t : text) values.push_back(t.c_str());
    PGresult* r = nullptr;
    if (const std::string* name = prepared(statement)) {
      r = PQexecPrepared(conn_, name->c_str(), static_cast<int>(values.size()), values.data(), nullptr, nullptr, 0);
    } else {
      const std::string sql(statement);
      r = PQexecParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr, nullptr, 0);
    }
    const ExecStatusType status = PQresultStatus(r);
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return r;
    const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
    std::string sqlstate = state ? state : "";
    std::string what = r ? PQresultErrorMessage(r) : PQerrorMessage(conn_);
    PQclear(r);
    while (!what.empty() && (what.back() == '\n' || what.back() == ' ')) what.pop_back();
    if (what.empty()) what = "no result (connection lost?)";
    const std::string text_out = message(name_, operation, what + (sqlstate.empty() ? "" : " [" + sqlstate + "]"));
    if (sqlstate == "23505") throw UniqueViolation(text_out);
    throw PgError(text_out, sqlstate);
  }

  void command(const char* statement, std::string_view operation) { PQclear(run(statement, {}, operation)); }

  // The name of the server-side prepared statement for a query (prepared on first use), so the
  // server plans it once per connection; nullptr for statements not worth keeping (transaction
  // control, DDL) or once this connection keeps kMaxPrepared of them.
  const std::string* prepared(std::string_view statement) {
    if (auto it = prepared_.find(std::string(statement)); it != prepared_.end()) return &it->second;
    const auto starts = [&](std::string_view word) { return statement.rfind(word, 0) == 0; };
    if (!(starts("SELECT") || starts("INSERT") || starts("UPDATE") || starts("DELETE"))) return nullptr;
    if (prepared_.size() >= kMaxPrepared) return nullptr;
    std::string name = "lb" + std::to_string(prepared_.size());
    const std::string sql(statement);
    PGresult* r = PQprepare(conn_, name.c_str(), sql.c_str(), 0, nullptr);
    const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    PQclear(r);
    if (!ok) return nullptr;  // let the plain execution report the error with its SQLSTATE
    return &prepared_.emplace(sql, std::move(name)).first->second;
  }

  const std::string& name() const { return name_; }

 private:
  static constexpr std::size_t kMaxPrepared = 256;
  PGconn* conn_ = nullptr;
  std::string name_;
  std::unordered_map<std::string, std::string> prepared_;  // statement text -> name
};

class PgTx final : public Tx {
 public:
  PgTx(Connection& c, std::string_view operation) : c_(c), operation_(operation) {}

  Rows query(std::string_view statement, const std::vector<Param>& params) override {
    PGresult* r = c_.run(statement, params, operation_);
    Rows rows(static_cast<std::size_t>(PQntuples(r)));
    const int columns = PQnfields(r);
    for (int i = 0; i < static_cast<int>(rows.size()); ++i) {
      rows[i].resize(static_cast<std::size_t>(columns));
      for (int j = 0; j < columns; ++j)
        rows[i][j].assign(PQgetvalue(r, i, j), static_cast<std::size_t>(PQgetlength(r, i, j)));
    }
    PQclear(r);
    return rows;
  }

  std::int64_t exec(std::string_view statement, const std::vector<Param>& params) override {
    PGresult* r = c_.run(statement, params, operation_);
    const std::string n = PQcmdTuples(r);
    PQclear(r);
    return n.empty() ? 0 : std::stoll(n);
  }

  // Event writers queue on one transaction-scoped lock, so sequence numbers are handed out in
  // commit order and a reader paging by seq never skips an event committed later.
  void lock_events() override { exec("SELECT pg_advisory_xact_lock($1)", {kEventLock}); }

 private:
  Connection& c_;
  std::string_view operation_;
};

class PgDb final : public Db {
 public:
  explicit PgDb(std::string conninfo)
      : conninfo_(std::move(conninfo)),
        name_(display_name(conninfo_)),
        pool_([this] { return std::make_unique<Connection>(conninfo_, name_); }, kMaxConnections) {
    Pool<Connection>::Lease first(pool_, pool_.take());  // fails now, not at the first request
  }

  Dialect dialect() const override { return Dialect::postgresql; }
  const std::string& name() const override { return name_; }

  void transact(bool write, std::string_view operation, const std::function<void(Tx&)>& body) override {
    thread_local std::minstd_rand jitter(std::random_device{}());
    std::size_t stale_retries = 0;
    for (int attempt = 1;; ++attempt) {
      Pool<Connection>::Lease conn(pool_, pool_.take());
      try {
        conn->command(write ? "BEGIN ISOLATION LEVEL SERIALIZABLE" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
                      operation);
      } catch (const PgError&) {
        // A pooled connection the server closed meanwhile (restart, idle timeout): nothing was
        // done on it, so drop it and start again on a fresh one, a few times at most.
        if (conn->ok() || stale_retries >= kMaxConnections) throw;
        conn.discard();
        ++stale_retries;
        --attempt;
        continue;
      }
      try {
        PgTx tx(*conn, operation);
        body(tx);
        conn->command("COMMIT", operation);
        return;
      } catch (const PgError& e) {
        rollback(conn, operation);
        if (!e.retryable()) throw;
        if (attempt >= kMaxAttempts)
          throw StoreError(std::string(e.what()) + " (gave up after " + std::to_string(attempt) + " attempts)");
      } catch (...) {
        rollback(conn, operation);
        throw;
      }
      // Back off 1..2^k ms (k up to 5) so that the racers spread out.
      const int ceiling = 1 << std::min(attempt, 5);
      std::this_thread::sleep_for(std::chrono::microseconds(1000 * (1 + static_cast<int>(jitter() % ceiling))));
    }
  }

  Rows read_one(std::string_view operation, std::string_view statement, const std::vector<Param>& params) override {
    for (std::size_t stale = 0;; ++stale) {
      Pool<Connection>::Lease conn(pool_, pool_.take());
      try {
        PgTx tx(*conn, operation);  // autocommit: the statement is its own transaction
        return tx.query(statement, params);
      } catch (const PgError&) {
        // A read may be sent again; a connection the server closed is replaced.
        if (conn->ok() || stale >= kMaxConnections) throw;
        conn.discard();
      }
    }
  }

  void with_migration_lock(const std::function<void()>& body) override {
    // A session lock on its own connection, taken before the migration transactions start, so
    // that their snapshots see what an earlier migrator committed.
    Pool<Connection>::Lease conn(pool_, pool_.take());
    PQclear(conn->run("SELECT pg_advisory_lock($1)", {kMigrationLock}, "migration lock"));
    try {
      body();
    } catch (...) {
      try {
        PQclear(conn->run("SELECT pg_advisory_unlock($1)", {kMigrationLock}, "migration unlock"));
      } catch (const StoreError&) {
        conn.discard();
      }
      throw;
    }
    PQclear(conn->run("SELECT pg_advisory_unlock($1)", {kMigrationLock}, "migration unlock"));
  }

 private:
  static void rollback(Pool<Connection>::Lease& conn, std::string_view operation) {
    if (!conn->ok()) {
      conn.discard();
      return;
    }
    try {
      conn->command("ROLLBACK", operation);
    } catch (const StoreError&) {
      conn.discard();
    }
  }

  std::string conninfo_;
  std::string name_;
  Pool<Connection> pool_;
};

}  // namespace

std::unique_ptr<Db> open_postgresql(const std::string& conninfo) { return std::make_unique<PgDb>(conninfo); }

}  // namespace landbridge::service::sql
