// Every storage test runs once per backend: SQLite on a file in the test's scratch folder, and
// PostgreSQL in a schema of its own on the test server (scripts/pg-test.sh, started by the
// ctest fixture `postgresql`), so tests running side by side never share state.
#pragma once

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <ostream>
#include <string>

#include "landbridge/service/store.h"
#include "../../support/scratch.h"

namespace landbridge::service::testing {

enum class Backend { sqlite, postgresql };

inline void PrintTo(Backend b, std::ostream* os) { *os << (b == Backend::sqlite ? "SQLite" : "PostgreSQL"); }

inline std::string backend_name(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::sqlite ? "SQLite" : "PostgreSQL";
}

// The test server's URL: $LANDBRIDGE_TEST_PG, else what the fixture wrote. Empty and a reason
// when neither is there.
inline std::string test_server_url(std::string& why) {
  if (const char* env = std::getenv("LANDBRIDGE_TEST_PG"); env && *env) return env;
  const std::string file = std::string(LANDBRIDGE_PG_TEST_DIR) + "/url";
  std::ifstream in(file);
  std::string url;
  if (!(in >> url))
    why = "no PostgreSQL test server: LANDBRIDGE_TEST_PG is not set and " + file +
          " is missing (the ctest fixture test store_postgresql_start writes it: run the tests through ctest, "
          "or `bash scripts/pg-test.sh start " LANDBRIDGE_PG_TEST_DIR "`)";
  return url;
}

// Runs one statement on the test server as its superuser; fails the test with the server's words.
inline void admin(const std::string& url, const std::string& statement) {
  PGconn* c = PQconnectdb(url.c_str());
  ASSERT_EQ(PQstatus(c), CONNECTION_OK) << "cannot reach the PostgreSQL test server " << url << ": "
                                        << PQerrorMessage(c);
  PGresult* r = PQexec(c, statement.c_str());
  const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK;
  const std::string err = PQresultErrorMessage(r);
  PQclear(r);
  PQfinish(c);
  ASSERT_TRUE(ok) << statement << ": " << err;
}

class BackendTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    // The scratch folder is named after the test and the process id; an id can come back (a
    // repeated run), so whatever an earlier process left there goes first.
    const auto dir = testing_support::scratch_dir();
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    if (GetParam() == Backend::sqlite) {
      url_ = "sqlite:" + (dir / "store.db").string();
      return;
    }
    std::string why;
    server_ = test_server_url(why);
    ASSERT_FALSE(server_.empty()) << why;
    // A schema named after the test and the process: unique among tests running side by side.
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    const std::size_t h = std::hash<std::string>{}(std::string(info->test_suite_name()) + "." + info->name());
    schema_ = "t" + std::to_string(h % 1'000'000'000'000ULL) + "_" + std::to_string(::getpid());
    ASSERT_NO_FATAL_FAILURE(admin(server_, "DROP SCHEMA IF EXISTS " + schema_ + " CASCADE"));
    ASSERT_NO_FATAL_FAILURE(admin(server_, "CREATE SCHEMA " + schema_));
    // The schema's name is also the connections' application_name, to find them on the server.
    url_ = server_ + (server_.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + schema_ +
           "&application_name=" + schema_;
  }
  void TearDown() override {
    if (!schema_.empty()) admin(server_, "DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
  }

  // Runs a statement on this test's database behind the store's back (tests of what the store
  // finds there).
  void raw(const std::string& statement) {
    if (GetParam() == Backend::postgresql) {
      admin(server_, "SET search_path TO " + schema_ + "; " + statement);
      return;
    }
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(url_.substr(7).c_str(), &db), SQLITE_OK);
    char* err = nullptr;
    const int rc = sqlite3_exec(db, statement.c_str(), nullptr, nullptr, &err);
    const std::string what = err ? err : "";
    sqlite3_free(err);
    sqlite3_close(db);
    ASSERT_EQ(rc, SQLITE_OK) << statement << ": " << what;
  }

  // PostgreSQL: ends every server connection of this test's stores, as a server restart would.
  void drop_connections() {
    admin(server_, "SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity WHERE application_name = '" + schema_ + "'");
  }

  // A store on this test's database (every call: another Store, as another process would open).
  std::unique_ptr<Store> open() { return open_store(url_); }
  const std::string& url() const { return url_; }

 private:
  std::string server_, schema_, url_;
};

}  // namespace landbridge::service::testing
