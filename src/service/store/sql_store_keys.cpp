// API keys (stored hashed) and the idempotency records of writes.
#include <string>

#include "sql_store.h"

namespace landbridge::service::sql {

void SqlStore::add_key(const ApiKey& k) {
  try {
    db_->transact(true, "add key " + k.id, [&](Tx& tx) {
      tx.exec("INSERT INTO api_keys (id, secret_hash, role, party, revoked, created) VALUES ($1, $2, $3, $4, $5, $6)",
              {k.id, k.secret_hash, std::string(to_string(k.role)), k.party, I{k.revoked ? 1 : 0},
               I{k.created.value()}});
    });
  } catch (const UniqueViolation&) {
    throw StoreError(message(db_->name(), "add key " + k.id, "a key with this id exists already"));
  }
}

std::optional<ApiKey> SqlStore::key(const std::string& id) {
  std::optional<ApiKey> out;
  db_->transact(false, "read key " + id, [&](Tx& tx) {
    const Rows rows =
        tx.query("SELECT id, secret_hash, role, party, revoked, created FROM api_keys WHERE id = $1", {id});
    if (rows.empty())
      out.reset();
    else
      out = key_of(rows[0]);
  });
  return out;
}

std::vector<ApiKey> SqlStore::keys() {
  std::vector<ApiKey> out;
  db_->transact(false, "list keys", [&](Tx& tx) {
    out.clear();
    for (const Row& r : tx.query("SELECT id, secret_hash, role, party, revoked, created FROM api_keys ORDER BY id", {}))
      out.push_back(key_of(r));
  });
  return out;
}

bool SqlStore::revoke_key(const std::string& id) {
  bool found = false;
  db_->transact(true, "revoke key " + id, [&](Tx& tx) {
    found = tx.exec("UPDATE api_keys SET revoked = 1 WHERE id = $1", {id}) > 0;
  });
  return found;
}

std::optional<IdempotentResponse> SqlStore::idempotent(const std::string& party, const std::string& key) {
  std::optional<IdempotentResponse> out;
  db_->transact(false, "read idempotency key", [&](Tx& tx) { out = read_idempotent(tx, party, key); });
  return out;
}

std::optional<Replay> SqlStore::put_idempotent(const IdempotentResponse& r) {
  std::optional<Replay> out;
  try {
    db_->transact(true, "store idempotent response", [&](Tx& tx) {
      out.reset();
      if (auto first = read_idempotent(tx, r.party, r.key)) {
        out = Replay{*first};
        return;
      }
      insert_idempotent(tx, r);
    });
  } catch (const IdempotencyTaken&) {
    return replay_of(r, "store idempotent response");
  }
  return out;
}

ApiKey SqlStore::key_of(const Row& r) const {
  ApiKey k;
  k.id = r[0];
  k.secret_hash = r[1];
  const auto role = parse_role(r[2]);
  if (!role) throw StoreError(message(db_->name(), "read key " + r[0], "unknown role '" + r[2] + "' in the database"));
  k.role = *role;
  k.party = r[3];
  k.revoked = r[4] != "0";
  k.created = Instant(to_i32(r[5]));
  return k;
}

std::optional<IdempotentResponse> SqlStore::read_idempotent(Tx& tx, const std::string& party, const std::string& key) {
  const Rows rows = tx.query(
      "SELECT request_hash, status, body, location FROM idempotency WHERE party = $1 AND key = $2", {party, key});
  if (rows.empty()) return std::nullopt;
  return IdempotentResponse{party, key, rows[0][0], to_i32(rows[0][1]), rows[0][2], rows[0][3]};
}

void SqlStore::insert_idempotent(Tx& tx, const IdempotentResponse& r) {
  try {
    tx.exec("INSERT INTO idempotency (party, key, request_hash, status, body, location) VALUES ($1, $2, $3, $4, $5, $6)",
            {r.party, r.key, r.request_hash, I{r.status}, r.body, r.location});
  } catch (const UniqueViolation&) {
    throw IdempotencyTaken{};
  }
}

// The response a concurrent writer stored under the same key, read after our rollback.
Replay SqlStore::replay_of(const IdempotentResponse& mine, const std::string& operation) {
  auto first = idempotent(mine.party, mine.key);
  if (!first)
    throw StoreError(message(db_->name(), operation,
                             "idempotency key '" + mine.key + "' was taken by a transaction that did not commit"));
  return Replay{*first};
}

}  // namespace landbridge::service::sql
