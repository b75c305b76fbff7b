// The HTTP server core on loopback (ephemeral port): limits, problem bodies, request ids,
// access log, API keys, rate limits and graceful shutdown, with routes made up for the test and
// a key-only in-memory store.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <fstream>
#include <future>
#include <thread>

#include "fake_store.h"
#include "http_client.h"
#include "landbridge/service/http/app.h"
#include "landbridge/service/http/server.h"
#include "../../support/scratch.h"

namespace landbridge::service::http {
namespace {

using testing_support::HttpClient;
using testing_support::HttpResponse;
using namespace std::chrono_literals;

struct Harness {
  testing_support::KeyOnlyStore store;
  Authenticator auth{store, std::chrono::milliseconds(0)};  // no cache: revocation shows at once
  RateLimiter limiter;
  std::unique_ptr<AccessLog> log;
  std::unique_ptr<App> app;
  std::unique_ptr<Server> server;
  std::atomic<bool> release_slow{false};
  std::atomic<bool> slow_entered{false};
  std::string shipper_token, operator_token;

  explicit Harness(ServerConfig cfg = {}, double rate = 0, double burst = 1) : limiter(rate, burst) {
    log = std::make_unique<AccessLog>((testing_support::scratch_dir() / "access.log").string());
    Router r;
    r.add("GET", "/health", [](Request&) { return json_response(200, {{"status", "ok"}}); });
    r.add("POST", "/echo", [](Request& q) { return json_response(200, q.json); });
    r.add("GET", "/items/{id}", [](Request& q) { return json_response(200, {{"id", q.params.at("id")}}); });
    r.add("DELETE", "/items/{id}", [](Request&) { return json_response(204, nullptr); });
    r.add("GET", "/slow", [this](Request&) {
      slow_entered = true;
      auto until = std::chrono::steady_clock::now() + 5s;
      while (!release_slow && std::chrono::steady_clock::now() < until) std::this_thread::sleep_for(5ms);
      return json_response(200, {{"slow", true}});
    });
    r.add("GET", "/private", [](Request& q) { return json_response(200, {{"party", q.caller->party}}); },
          Guard::any_key());
    r.add("POST", "/operators", [](Request& q) { return json_response(200, {{"party", q.caller->party}}); },
          Guard::roles_of({Role::operator_, Role::admin}));
    app = std::make_unique<App>(std::move(r), &auth, &limiter, AppConfig{.max_json_depth = 8});
    auto k1 = make_key(Role::shipper, "acme", Instant(0));
    auto k2 = make_key(Role::operator_, "ktz", Instant(0));
    store.add_key(k1.key);
    store.add_key(k2.key);
    shipper_token = k1.token;
    operator_token = k2.token;
    cfg.port = 0;
    cfg.threads = 2;
    server = std::make_unique<Server>(cfg, [this](Request& q) { return app->handle(q); }, log.get());
    server->start();
  }
  ~Harness() {
    release_slow = true;
    server->stop();
    server->wait();
  }
  std::uint16_t port() const { return server->port(); }
};

void expect_problem(const HttpResponse& r, int status) {
  EXPECT_EQ(r.status, status) << r.body;
  EXPECT_EQ(r.header("content-type"), "application/problem+json");
  auto j = r.json();
  EXPECT_EQ(j.at("status"), status);
  EXPECT_TRUE(j.at("type").get<std::string>().starts_with("https://landbridge.dev/problems/"));
  EXPECT_FALSE(j.at("title").get<std::string>().empty());
  EXPECT_FALSE(j.at("detail").get<std::string>().empty());
}

TEST(HttpServer, AnswersAndKeepsTheConnectionAlive) {
  Harness h;
  HttpClient c(h.port());
  auto a = c.get("/health");
  EXPECT_EQ(a.status, 200);
  EXPECT_EQ(a.json().at("status"), "ok");
  EXPECT_EQ(a.header("content-type"), "application/json");
  auto b = c.get("/items/KZ%20HOR?x=1");  // same connection; the path parameter is decoded
  EXPECT_EQ(b.status, 200);
  EXPECT_EQ(b.json().at("id"), "KZ HOR");
}

TEST(HttpServer, GeneratesOrEchoesTheRequestId) {
  Harness h;
  HttpClient c(h.port());
  auto a = c.get("/health");
  EXPECT_EQ(a.header("x-request-id").size(), 16u);
  auto b = c.get("/health");
  EXPECT_NE(a.header("x-request-id"), b.header("x-request-id"));
  auto e = c.get("/health", {{"X-Request-Id", "client-42"}});
  EXPECT_EQ(e.header("x-request-id"), "client-42");
  auto bad = c.get("/health", {{"X-Request-Id", std::string(200, 'x')}});  // too long: replaced
  EXPECT_EQ(bad.header("x-request-id").size(), 16u);
}

TEST(HttpServer, UnknownRouteIs404Problem) {
  Harness h;
  HttpClient c(h.port());
  auto r = c.get("/nowhere");
  expect_problem(r, 404);
  EXPECT_NE(r.json().at("detail").get<std::string>().find("/nowhere"), std::string::npos);
  expect_problem(c.get("/items"), 404);
  expect_problem(c.get("/items/a/b"), 404);
}

TEST(HttpServer, WrongMethodIs405WithAllow) {
  Harness h;
  HttpClient c(h.port());
  auto r = c.request("PUT", "/items/7", "{}");
  expect_problem(r, 405);
  EXPECT_EQ(r.header("allow"), "GET, DELETE");
  expect_problem(c.get("/echo"), 405);
}

TEST(HttpServer, OversizedBodyIs413) {
  ServerConfig cfg;
  cfg.body_limit = 1024;
  Harness h(cfg);
  {
    HttpClient c(h.port());  // announced too large: refused before the body is sent
    auto r = c.raw("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2000000\r\n\r\n");
    expect_problem(r, 413);
    EXPECT_TRUE(c.closed_by_server(2000));
  }
  HttpClient c(h.port());  // sent in full
  std::string big = "[\"" + std::string(5000, 'a') + "\"]";
  expect_problem(c.request("POST", "/echo", big), 413);
  HttpClient d(h.port());
  EXPECT_EQ(d.request("POST", "/echo", "[1,2]").status, 200);
}

TEST(HttpServer, AnswersExpectContinueBeforeTheBody) {
  Harness h;
  HttpClient c(h.port());
  const std::string body = "[\"" + std::string(3000, 'x') + "\"]";
  auto interim = c.raw("POST /echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Type: application/json\r\n"
                       "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n");
  EXPECT_EQ(interim.status, 100);  // sent before the body, or this read would time out
  auto r = c.raw(body);
  EXPECT_EQ(r.status, 200) << r.body;
}

TEST(HttpServer, OversizedHeadersAre431) {
  ServerConfig cfg;
  cfg.header_limit = 2048;
  Harness h(cfg);
  HttpClient c(h.port());
  expect_problem(c.get("/health", {{"X-Filler", std::string(4000, 'f')}}), 431);
}

TEST(HttpServer, MalformedJsonIs400NamingTheByte) {
  Harness h;
  HttpClient c(h.port());
  auto r = c.request("POST", "/echo", "{\"a\": [1, 2,, 3]}");
  expect_problem(r, 400);
  EXPECT_EQ(r.json().at("field"), "body");
  EXPECT_NE(r.json().at("detail").get<std::string>().find("at byte 13"), std::string::npos) << r.body;
  auto huge = c.request("POST", "/echo", "[1" + std::string(400, '0') + "]");  // beyond a double
  expect_problem(huge, 400);
  EXPECT_EQ(huge.json().at("field"), "body");
  auto ok = c.request("POST", "/echo", "{\"a\": [1, 2, 3]}");
  EXPECT_EQ(ok.status, 200);
  EXPECT_EQ(ok.json().at("a").size(), 3u);
}

TEST(HttpServer, DeepNestingIs400) {
  Harness h;  // the harness allows depth 8
  HttpClient c(h.port());
  EXPECT_EQ(c.request("POST", "/echo", std::string(8, '[') + std::string(8, ']')).status, 200);
  auto r = c.request("POST", "/echo", std::string(9, '[') + std::string(9, ']'));
  expect_problem(r, 400);
  EXPECT_NE(r.json().at("detail").get<std::string>().find("nested deeper than 8"), std::string::npos);
  // brackets inside strings do not count
  EXPECT_EQ(c.request("POST", "/echo", "[\"[[[[[[[[[[[[[[\"]").status, 200);
}

TEST(HttpServer, KeyedRoutesNeedAValidKey) {
  Harness h;
  HttpClient c(h.port());
  auto none = c.get("/private");
  expect_problem(none, 401);
  EXPECT_EQ(none.header("www-authenticate"), "Bearer");
  expect_problem(c.get("/private", {{"Authorization", "Basic abc"}}), 401);
  expect_problem(c.get("/private", {{"Authorization", "Bearer nonsense"}}), 401);
  auto token = parse_token(h.shipper_token);
  ASSERT_TRUE(token);
  expect_problem(c.get("/private", {{"Authorization", "Bearer lb_" + token->id + ".wrong"}}), 401);
  expect_problem(c.get("/private", {{"Authorization", "Bearer lb_unknown." + token->secret}}), 401);

  auto ok = c.get("/private", {{"Authorization", "Bearer " + h.shipper_token}});
  EXPECT_EQ(ok.status, 200);
  EXPECT_EQ(ok.json().at("party"), "acme");
  auto by_header = c.get("/private", {{"X-API-Key", h.operator_token}});
  EXPECT_EQ(by_header.json().at("party"), "ktz");

  ASSERT_TRUE(h.store.revoke_key(token->id));
  expect_problem(c.get("/private", {{"Authorization", "Bearer " + h.shipper_token}}), 401);
}

TEST(HttpServer, WrongRoleIs403) {
  Harness h;
  HttpClient c(h.port());
  auto r = c.request("POST", "/operators", "{}", {{"Authorization", "Bearer " + h.shipper_token}});
  expect_problem(r, 403);
  EXPECT_NE(r.json().at("detail").get<std::string>().find("shipper"), std::string::npos);
  EXPECT_EQ(c.request("POST", "/operators", "{}", {{"Authorization", "Bearer " + h.operator_token}}).status, 200);
}

TEST(HttpServer, RateLimitIs429WithRetryAfterPerKey) {
  Harness h({}, /*rate=*/0.5, /*burst=*/3);
  HttpClient c(h.port());
  const std::vector<std::pair<std::string, std::string>> shipper{{"Authorization", "Bearer " + h.shipper_token}};
  for (int i = 0; i < 3; ++i) EXPECT_EQ(c.get("/private", shipper).status, 200) << i;
  auto r = c.get("/private", shipper);
  expect_problem(r, 429);
  const int retry = std::stoi(r.header("retry-after"));  // one token per 2 s, less what has refilled
  EXPECT_GE(retry, 1);
  EXPECT_LE(retry, 2);
  // another key has its own bucket; public routes are not limited
  EXPECT_EQ(c.get("/private", {{"X-API-Key", h.operator_token}}).status, 200);
  EXPECT_EQ(c.get("/health").status, 200);
}

TEST(HttpServer, KeysAreCachedForTheirTtl) {
  testing_support::KeyOnlyStore store;
  auto k = make_key(Role::shipper, "acme", Instant(0));
  store.add_key(k.key);
  Authenticator auth(store, std::chrono::seconds(60));
  Request q;
  q.headers = {{"authorization", "Bearer " + k.token}};
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(auth.authenticate(q).caller);
  EXPECT_EQ(store.key_lookups.load(), 1);
  q.headers = {{"authorization", "Bearer " + k.token + "x"}};  // same id, wrong secret
  EXPECT_FALSE(auth.authenticate(q).caller);
}

TEST(HttpServer, WritesOneAccessLogLinePerRequest) {
  auto path = testing_support::scratch_dir() / "access.log";
  {
    Harness h;
    HttpClient c(h.port());
    c.get("/health", {{"X-Request-Id", "log-1"}});
    c.get("/private", {{"Authorization", "Bearer " + h.shipper_token}, {"X-Request-Id", "log-2"}});
    c.get("/missing", {{"X-Request-Id", "log-3"}});
  }
  std::ifstream in(path);
  std::vector<nlohmann::json> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].at("id"), "log-1");
  EXPECT_EQ(lines[0].at("method"), "GET");
  EXPECT_EQ(lines[0].at("path"), "/health");
  EXPECT_EQ(lines[0].at("status"), 200);
  EXPECT_GT(lines[0].at("bytes").get<int>(), 0);
  EXPECT_GE(lines[0].at("duration_ms").get<double>(), 0.0);
  EXPECT_TRUE(lines[0].at("party").is_null());
  EXPECT_TRUE(lines[0].at("time").get<std::string>().ends_with("Z"));
  EXPECT_EQ(lines[1].at("party"), "acme");
  EXPECT_EQ(lines[2].at("status"), 404);
}

TEST(HttpServer, ShutdownLetsTheRequestInFlightFinish) {
  ServerConfig cfg;
  cfg.shutdown_grace = 5s;
  Harness h(cfg);
  HttpClient idle(h.port());
  ASSERT_EQ(idle.get("/health").status, 200);  // a kept-alive idle connection
  auto slow = std::async(std::launch::async, [&] {
    HttpClient c(h.port());
    return c.get("/slow");
  });
  auto until = std::chrono::steady_clock::now() + 5s;
  while (!h.slow_entered && std::chrono::steady_clock::now() < until) std::this_thread::sleep_for(2ms);
  ASSERT_TRUE(h.slow_entered);
  h.server->stop();
  EXPECT_TRUE(idle.closed_by_server(3000));  // idle connections are closed at once
  EXPECT_EQ(h.server->in_flight(), 1);
  EXPECT_THROW(HttpClient late(h.port()), std::runtime_error);  // no longer accepting
  h.release_slow = true;
  auto r = slow.get();
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.json().at("slow"), true);
  EXPECT_EQ(r.header("connection"), "close");
  auto t0 = std::chrono::steady_clock::now();
  h.server->wait();
  EXPECT_LT(std::chrono::steady_clock::now() - t0, 3s);
}

TEST(HttpServer, ShutdownAbandonsWhatOutlastsTheGrace) {
  ServerConfig cfg;
  cfg.shutdown_grace = 300ms;
  Harness h(cfg);
  auto slow = std::async(std::launch::async, [&] {
    try {
      HttpClient c(h.port(), 10'000);
      return c.get("/slow").status;
    } catch (const std::exception&) {
      return -1;  // abandoned: the connection goes without an answer
    }
  });
  auto until = std::chrono::steady_clock::now() + 5s;
  while (!h.slow_entered && std::chrono::steady_clock::now() < until) std::this_thread::sleep_for(2ms);
  ASSERT_TRUE(h.slow_entered);
  auto t0 = std::chrono::steady_clock::now();
  h.server->stop();
  h.server->wait();  // the handler would run 5 s; the bound is grace + 1 s
  auto took = std::chrono::steady_clock::now() - t0;
  EXPECT_GE(took, 300ms);
  EXPECT_LT(took, 2500ms);
  h.release_slow = true;  // let the detached handler end before the harness goes
  slow.wait();
  std::this_thread::sleep_for(50ms);
}

TEST(HttpServer, SigtermStartsAGracefulShutdown) {
  ServerConfig cfg;
  cfg.handle_signals = true;
  Harness h(cfg);
  HttpClient c(h.port());
  ASSERT_EQ(c.get("/health").status, 200);
  ASSERT_EQ(::kill(::getpid(), SIGTERM), 0);
  auto done = std::async(std::launch::async, [&] { h.server->wait(); });
  EXPECT_EQ(done.wait_for(5s), std::future_status::ready);
  EXPECT_TRUE(c.closed_by_server(1000));
}

TEST(HttpPieces, TokensHashesAndTargets) {
  auto t = parse_token("lb_abc123.s3cr3t");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->id, "abc123");
  EXPECT_EQ(t->secret, "s3cr3t");
  EXPECT_FALSE(parse_token("abc123.s3cr3t"));
  EXPECT_FALSE(parse_token("lb_abc123"));
  EXPECT_FALSE(parse_token("lb_.x"));
  EXPECT_FALSE(parse_token("lb_a.b c"));
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_TRUE(constant_time_equal("abc", "abc"));
  EXPECT_FALSE(constant_time_equal("abc", "abd"));
  EXPECT_FALSE(constant_time_equal("abc", "abcd"));
  auto k = make_key(Role::admin, "root", Instant(0));
  auto kt = parse_token(k.token);
  ASSERT_TRUE(kt);
  EXPECT_EQ(kt->id, k.key.id);
  EXPECT_EQ(sha256_hex(kt->secret), k.key.secret_hash);
  EXPECT_EQ(k.token.find(k.key.secret_hash), std::string::npos);

  std::string path;
  std::multimap<std::string, std::string> q;
  ASSERT_TRUE(parse_target("/v1/locations?q=Khorgos+Gateway&limit=5&q=%C3%BC", path, q));
  EXPECT_EQ(path, "/v1/locations");
  ASSERT_EQ(q.count("q"), 2u);
  EXPECT_EQ(q.find("q")->second, "Khorgos Gateway");
  EXPECT_EQ(q.find("limit")->second, "5");
  EXPECT_FALSE(parse_target("/a%zz", path, q));
  EXPECT_FALSE(parse_target("/a?b=%4", path, q));
}

// answer_buffer (the fuzz target's way in) answers a byte stream as a connection would.
TEST(HttpBuffer, AnswersPipelinedRequestsInOrderUntilTheConnectionCloses) {
  std::vector<std::string> seen;
  Handler h = [&](Request& q) {
    seen.push_back(q.method + " " + q.path + " " + q.body);
    return json_response(200, {{"path", q.path}});
  };
  const std::string chunked =
      "POST /b HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n";
  auto a = answer_buffer("GET /a HTTP/1.1\r\nHost: x\r\nX-Request-Id: r-1\r\n\r\n" + chunked +
                             "GET /c HTTP/1.1\r\nConnection: close\r\n\r\nGET /never HTTP/1.1\r\n\r\n",
                         {}, h);
  ASSERT_EQ(a.size(), 3u);
  EXPECT_EQ(seen, (std::vector<std::string>{"GET /a ", "POST /b {}", "GET /c "}));
  EXPECT_EQ(a[0].wire.rfind("HTTP/1.1 200 OK\r\n", 0), 0u) << a[0].wire;
  EXPECT_NE(a[0].wire.find("X-Request-Id: r-1\r\n"), std::string::npos) << a[0].wire;
  EXPECT_NE(a[2].wire.find("Connection: close"), std::string::npos) << a[2].wire;

  // A request cut off by the end of the stream is not answered; a malformed one is a 400 problem
  // and ends the connection, as are a bad escape in the target (the handler is not called).
  seen.clear();
  EXPECT_TRUE(answer_buffer("POST /b HTTP/1.1\r\nContent-Length: 10\r\n\r\n{}", {}, h).empty());
  auto bad = answer_buffer("GET /a HTTP/1.1\r\nContent-Length: x\r\n\r\nGET /a HTTP/1.1\r\n\r\n", {}, h);
  ASSERT_EQ(bad.size(), 1u);
  EXPECT_EQ(bad[0].response.status, 400);
  EXPECT_EQ(bad[0].response.content_type, "application/problem+json");
  EXPECT_EQ(answer_buffer("GET /a%zz HTTP/1.1\r\n\r\n", {}, h).at(0).response.status, 400);
  EXPECT_TRUE(seen.empty());
}

TEST(HttpBuffer, KeepsTheServersLimits) {
  Handler h = [](Request&) { return json_response(200, {{"ok", true}}); };
  ServerConfig cfg;
  cfg.body_limit = 8;
  cfg.header_limit = 256;
  auto big_body = answer_buffer("POST /b HTTP/1.1\r\nContent-Length: 9\r\n\r\n123456789", cfg, h);
  ASSERT_EQ(big_body.size(), 1u);
  EXPECT_EQ(big_body[0].response.status, 413);
  auto big_head = answer_buffer("GET /a HTTP/1.1\r\nX-Filler: " + std::string(300, 'a') + "\r\n\r\n", cfg, h);
  ASSERT_EQ(big_head.size(), 1u);
  EXPECT_EQ(big_head[0].response.status, 431);
}

}  // namespace
}  // namespace landbridge::service::http
