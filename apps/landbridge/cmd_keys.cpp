// landbridge keys add --role R --party P | keys list | keys revoke ID  [--db URL]
// API keys of the service: the token is printed once, at `add`; the store keeps only the
// SHA-256 of its secret.
#include <fmt/format.h>

#include <chrono>

#include "cli.h"
#include "landbridge/service/http/auth.h"
#include "landbridge/service/store.h"
#include "landbridge/timetable/time.h"

namespace landbridge::cli {

namespace {

Instant now_instant_utc() {
  using namespace std::chrono;
  const auto mins = duration_cast<minutes>(system_clock::now().time_since_epoch()).count();
  constexpr std::int64_t k2020 = 26'297'280;  // minutes from 1970-01-01 to 2020-01-01 (18262 days)
  return Instant(static_cast<Instant::rep>(mins - k2020));
}

}  // namespace

std::unique_ptr<service::Store> open_db(const std::string& url) {
  try {
    return service::open_store(url);
  } catch (const service::StoreError& e) {
    say("error: {}\n", e.what());
    throw CLI::RuntimeError(kInvalidInput);
  }
}

void add_db_option(CLI::App& cmd, std::string& url) {
  cmd.add_option("--db", url,
                 "Database: sqlite:PATH or a PATH (SQLite, the default landbridge.db), or postgresql://...")
      ->type_name("URL")
      ->envname("LANDBRIDGE_DB");
}

void register_keys(CLI::App& app) {
  struct Args {
    std::string db = "sqlite:landbridge.db", role, party, id;
  };
  auto a = std::make_shared<Args>();
  auto* keys = app.add_subcommand("keys", "Manage the service's API keys (admins)");
  keys->require_subcommand(1);

  auto* add = keys->add_subcommand("add", "Create a key and print its token (shown only this once)");
  add_db_option(*add, a->db);
  add->add_option("--role", a->role, "shipper, operator or admin")->required()->check(
      CLI::IsMember({"shipper", "operator", "admin"}));
  add->add_option("--party", a->party, "The shipper or operator the key acts for")->required();
  add->callback([a] {
    auto store = open_db(a->db);
    const auto role = service::parse_role(a->role);
    auto k = service::http::make_key(*role, a->party, now_instant_utc());
    store->add_key(k.key);
    print_out(fmt::format("{}\n", k.token));
    say("key {} for {} ({}) added; the token above is shown only once\n", k.key.id, a->party, a->role);
  });

  auto* list = keys->add_subcommand("list", "List the keys (ids, roles, parties; never secrets)");
  add_db_option(*list, a->db);
  list->callback([a] {
    auto store = open_db(a->db);
    std::string out = fmt::format("{:<18} {:<9} {:<24} {:<8} {}\n", "id", "role", "party", "status", "created (UTC)");
    for (const service::ApiKey& k : store->keys()) {
      out += fmt::format("{:<18} {:<9} {:<24} {:<8} {}\n", k.id, service::to_string(k.role), k.party,
                         k.revoked ? "revoked" : "active", timetable::format_iso8601(k.created));
    }
    print_out(out);
  });

  auto* revoke = keys->add_subcommand("revoke", "Revoke a key (servers refuse it within seconds)");
  add_db_option(*revoke, a->db);
  revoke->add_option("id", a->id, "The key's id (keys list)")->required();
  revoke->callback([a] {
    auto store = open_db(a->db);
    if (!store->revoke_key(a->id)) {
      say("error: no key with id '{}'\n", a->id);
      throw CLI::RuntimeError(kUsage);
    }
    say("key {} revoked\n", a->id);
  });
}

}  // namespace landbridge::cli
