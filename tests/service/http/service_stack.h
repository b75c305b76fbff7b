// The whole service on loopback for a test: the built-in package's Engine (loaded once per
// process), a SQLite store in the test's scratch folder, the Desk, a job queue, the real routes
// behind authentication, the server on a free port and a client, with one API key per party.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "../../support/scratch.h"
#include "http_client.h"
#include "landbridge/query/engine.h"
#include "landbridge/service/desk.h"
#include "landbridge/service/http/api.h"
#include "landbridge/service/http/app.h"
#include "landbridge/service/http/server.h"

namespace landbridge::service::http::testing_stack {

using Headers = std::vector<std::pair<std::string, std::string>>;

inline const query::Engine& engine() {
  static const query::Engine e = query::Engine::open("");
  return e;
}

struct ServiceStack {
  // Starts everything; `rate_limited` adds a limiter with no limit (the Api tests' setting).
  void start(JobQueueConfig jobs_config, const std::vector<std::pair<Role, std::string>>& parties,
             bool rate_limited) {
    store = open_store("sqlite:" + (testing_support::scratch_dir() / "service.db").string());
    desk = std::make_unique<Desk>(engine(), *store);
    jobs = std::make_unique<JobQueue>(jobs_config);
    Router router;
    add_api_routes(router, {.engine = engine(), .store = *store, .desk = *desk, .network_name = "eurasia",
                            .jobs = jobs.get()});
    auth = std::make_unique<Authenticator>(*store, std::chrono::milliseconds(0));
    if (rate_limited) limiter = std::make_unique<RateLimiter>(0, 1);
    app = std::make_unique<App>(std::move(router), auth.get(), limiter.get());
    for (const auto& [role, party] : parties) {
      auto k = make_key(role, party, Instant(0));
      store->add_key(k.key);
      tokens[party] = k.token;
    }
    server = std::make_unique<Server>(ServerConfig{.port = 0, .threads = 2},
                                      [this](Request& q) { return app->handle(q); }, nullptr);
    server->start();
    client = std::make_unique<testing_support::HttpClient>(server->port(), 60'000);
  }
  // Stops the server after the requests in flight and then the jobs still running.
  void stop() {
    client.reset();
    if (server) {
      server->stop();
      server->wait();
    }
    jobs.reset();
  }
  // The party's key, and an Idempotency-Key when `key` is not empty.
  [[nodiscard]] Headers as(const std::string& party, const std::string& key = "") const {
    Headers h{{"Authorization", "Bearer " + tokens.at(party)}};
    if (!key.empty()) h.emplace_back("Idempotency-Key", key);
    return h;
  }

  std::unique_ptr<Store> store;
  std::unique_ptr<Desk> desk;
  std::unique_ptr<JobQueue> jobs;
  std::unique_ptr<Authenticator> auth;
  std::unique_ptr<RateLimiter> limiter;
  std::unique_ptr<App> app;
  std::unique_ptr<Server> server;
  std::unique_ptr<testing_support::HttpClient> client;
  std::map<std::string, std::string> tokens;
};

}  // namespace landbridge::service::http::testing_stack
