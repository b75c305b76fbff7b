// Simulation jobs over HTTP on loopback: a scenario sent, polled to done (bounded) and its KPI
// summary and plot data compared with `landbridge simulate` for the same seed; a long job
// cancelled; a full queue refused with 503; bad scenarios refused naming the line; submits
// idempotent per key; only operator and admin keys.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "../../support/scratch.h"
#include "http_client.h"
#include "landbridge/query/engine.h"
#include "landbridge/service/desk.h"
#include "landbridge/service/http/api.h"
#include "landbridge/service/http/app.h"
#include "landbridge/service/http/server.h"
#include "service_stack.h"

namespace landbridge::service::http {
namespace {

using nlohmann::json;
using testing_support::HttpClient;
using testing_support::HttpResponse;
using Headers = std::vector<std::pair<std::string, std::string>>;
using namespace std::chrono_literals;

using testing_stack::engine;

std::string examples() { return std::string(LANDBRIDGE_SOURCE_DIR) + "/examples/scenarios/"; }

std::string file(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Standard output of a landbridge command.
std::string cli(const std::string& args) {
  const std::string cmd = std::string(LANDBRIDGE_CLI) + " " + args + " 2>/dev/null";
  FILE* p = ::popen(cmd.c_str(), "r");
  if (p == nullptr) return {};
  std::string out;
  char buf[4096];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
  ::pclose(p);
  return out;
}

// The example scenario as a request body.
json example(int replications, std::int64_t seed) {
  return {{"scenario", file(examples() + "hakata-busan-europe.toml")},
          {"demand", file(examples() + "hakata-busan-europe.csv")},
          {"replications", replications},
          {"seed", seed}};
}

class Simulations : public ::testing::Test {
 protected:
  void start(JobQueueConfig cfg) { s_.start(cfg, {{Role::shipper, "acme"}, {Role::operator_, "ktz"}}, false); }
  void TearDown() override { s_.stop(); }
  Headers as(const std::string& party, const std::string& key = "") { return s_.as(party, key); }
  HttpResponse post(const json& body, const std::string& key, const std::string& party = "ktz") {
    return s_.client->request("POST", "/v1/simulations", body.dump(), as(party, key));
  }
  HttpResponse get(const std::string& target) { return s_.client->get(target, as("ktz")); }
  // Polls the job until `pred(status)` holds or `limit` has passed; returns its last status.
  json poll(const std::string& job, const std::function<bool(const json&)>& pred, std::chrono::seconds limit = 60s) {
    const auto end = std::chrono::steady_clock::now() + limit;
    json j = get(job).json();
    while (!pred(j) && std::chrono::steady_clock::now() < end) {
      std::this_thread::sleep_for(20ms);
      j = get(job).json();
    }
    return j;
  }
  static bool finished(const json& j) {
    const std::string s = j.at("status");
    return s == "done" || s == "failed" || s == "cancelled";
  }

  testing_stack::ServiceStack s_;
};

TEST_F(Simulations, SummaryAndPlotsAreTheClisForTheSameSeed) {
  start({.workers = 1, .max_queued = 2});
  json body = example(3, 7);
  body["compare"] = file(examples() + "hakata-busan-europe-khorgos-half.toml");
  body["compareDemand"] = body["demand"];
  const HttpResponse queued = post(body, "k1");
  ASSERT_EQ(queued.status, 202) << queued.body;
  const std::string job = queued.header("location");
  EXPECT_EQ(job, "/v1/simulations/" + queued.json().at("id").get<std::string>());
  EXPECT_EQ(queued.json().at("progress").at("total"), 6);  // 3 replications of base and what-if

  const json done = poll(job, finished);
  ASSERT_EQ(done.at("status"), "done") << done.dump();
  EXPECT_EQ(done.at("progress").at("done"), 6);
  EXPECT_EQ(done.at("links").at("summary"), job + "/summary");

  const auto plots_dir = testing_support::scratch_dir() / "plots";
  const std::string expected =
      cli("simulate " + examples() + "hakata-busan-europe.toml --replications 3 --seed 7 --json --compare " +
          examples() + "hakata-busan-europe-khorgos-half.toml --plots " + plots_dir.string());
  ASSERT_FALSE(expected.empty());
  const HttpResponse summary = get(job + "/summary");
  ASSERT_EQ(summary.status, 200);
  EXPECT_EQ(summary.body, expected);  // byte for byte

  const HttpResponse plots = get(job + "/plots");
  ASSERT_EQ(plots.status, 200);
  std::size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(plots_dir)) {
    if (entry.path().extension() != ".json") continue;
    ++files;
    const std::string stem = entry.path().stem().string();
    ASSERT_TRUE(plots.json().contains(stem)) << stem;
    EXPECT_EQ(plots.json().at(stem), json::parse(file(entry.path().string()))) << stem;
  }
  EXPECT_GT(files, 2U);
  EXPECT_EQ(plots.json().size(), files);

  // Done: nothing to cancel.
  EXPECT_EQ(s_.client->request("DELETE", job, "", as("ktz")).status, 409);
}

TEST_F(Simulations, ALongJobIsCancelledWhileRunning) {
  start({.workers = 1, .max_queued = 2});
  const HttpResponse queued = post(example(10'000, 1), "long");  // hours of work on one core
  ASSERT_EQ(queued.status, 202) << queued.body;
  const std::string job = queued.header("location");
  const json running = poll(job, [](const json& j) { return j.at("progress").at("done").get<int>() >= 1; });
  ASSERT_EQ(running.at("status"), "running") << running.dump();
  EXPECT_EQ(running.at("progress").at("total"), 10'000);

  const auto t0 = std::chrono::steady_clock::now();
  const HttpResponse stopping = s_.client->request("DELETE", job, "", as("ktz"));
  EXPECT_EQ(stopping.status, 202) << stopping.body;
  EXPECT_TRUE(stopping.json().at("cancelRequested").get<bool>());
  const json end = poll(job, finished, 20s);
  EXPECT_EQ(end.at("status"), "cancelled") << end.dump();
  EXPECT_LT(std::chrono::steady_clock::now() - t0, 10s);
  EXPECT_LT(end.at("progress").at("done").get<int>(), 10'000);
  EXPECT_EQ(get(job + "/summary").status, 409);
}

TEST_F(Simulations, AFullQueueIsRefusedWith503AndRetryAfter) {
  start({.workers = 1, .max_queued = 1});
  const HttpResponse first = post(example(10'000, 1), "a");
  ASSERT_EQ(first.status, 202) << first.body;
  poll(first.header("location"), [](const json& j) { return j.at("status") == "running"; });
  const HttpResponse second = post(example(10'000, 2), "b");
  ASSERT_EQ(second.status, 202) << second.body;
  EXPECT_EQ(second.json().at("status"), "queued");
  const HttpResponse third = post(example(10'000, 3), "c");
  EXPECT_EQ(third.status, 503) << third.body;
  EXPECT_EQ(third.header("content-type"), "application/problem+json");
  EXPECT_GT(std::stoi(third.header("retry-after")), 0);

  // A queued job is cancelled at once; then there is room again.
  const HttpResponse cancelled = s_.client->request("DELETE", second.header("location"), "", as("ktz"));
  EXPECT_EQ(cancelled.status, 200);
  EXPECT_EQ(cancelled.json().at("status"), "cancelled");
  EXPECT_EQ(post(example(10'000, 3), "c").status, 202);
}

TEST_F(Simulations, BadScenariosAreRefusedNamingFileLineAndField) {
  start({.workers = 1, .max_queued = 2});
  json body = example(2, 1);
  body["scenario"] = "[scenario]\ndemand = \"flows.csv\"\n\nhorizon_days = \"long\"\n";
  HttpResponse r = post(body, "bad-1");
  ASSERT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.header("content-type"), "application/problem+json");
  EXPECT_EQ(r.json().at("field"), "scenario");
  EXPECT_NE(r.json().at("detail").get<std::string>().find("scenario.toml:4: field 'scenario.horizon_days'"),
            std::string::npos)
      << r.body;

  body = example(2, 1);
  body["demand"] = "origin,destination,teu_per_week,unit,pattern\n# a comment\nJPHKT,DEDUI,10,BOX,poisson\n";
  r = post(body, "bad-2");
  ASSERT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.json().at("field"), "demand");
  EXPECT_NE(r.json().at("detail").get<std::string>().find("hakata-busan-europe.csv:3: field 'unit'"), std::string::npos)
      << r.body;

  body = example(1, 1);
  r = post(body, "bad-3");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.json().at("field"), "replications");
  r = s_.client->request("POST", "/v1/simulations", "{\"scenario\": ", as("ktz", "bad-4"));
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.json().at("field"), "body");
}

TEST_F(Simulations, SubmitsAreIdempotentPerKeyAndForAnalystsOnly) {
  start({.workers = 1, .max_queued = 4});
  const json body = example(2, 5);
  const HttpResponse first = post(body, "same");
  ASSERT_EQ(first.status, 202) << first.body;
  const HttpResponse again = post(body, "same");
  EXPECT_EQ(again.status, 202);
  EXPECT_EQ(again.header("idempotent-replayed"), "true");
  EXPECT_EQ(again.json().at("id"), first.json().at("id"));
  json other = body;
  other["seed"] = 6;
  const HttpResponse conflict = post(other, "same");
  EXPECT_EQ(conflict.status, 422);
  EXPECT_EQ(conflict.json().at("field"), "Idempotency-Key");
  const HttpResponse keyless = s_.client->request("POST", "/v1/simulations", body.dump(), as("ktz"));
  EXPECT_EQ(keyless.status, 400);
  EXPECT_EQ(keyless.json().at("field"), "Idempotency-Key");

  EXPECT_EQ(post(body, "shipper", "acme").status, 403);
  EXPECT_EQ(s_.client->get(first.header("location"), as("acme")).status, 403);
  EXPECT_EQ(s_.client->get(first.header("location")).status, 401);
  EXPECT_EQ(get("/v1/simulations/ffffffffffffffff").status, 404);
  poll(first.header("location"), finished);
}

}  // namespace
}  // namespace landbridge::service::http
