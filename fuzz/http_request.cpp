// Fuzz target: raw bytes as what a client sends on one connection (one HTTP/1.1 request or a
// pipelined sequence), answered the way the server answers a connection
// (http::answer_buffer: Beast's request parser with the server's limits, request ids, the
// App's route lookup, keys, roles, body parsing and every handler) on the built-in Engine and a
// SQLite store (service_fixture.h: fixed API keys, @REF@ / @BKG@ / @BOX@ placeholders).
//
// Invariants, per answer: a status Beast knows; a response that Beast reads back from the wire
// with that status; no 5xx (whatever the input, a 5xx is a bug of the service); a 4xx is
// problem+json whose `status` equals the HTTP status and which has type, title and detail; a
// JSON content type has a JSON body; no file from outside the web page's folder is ever answered
// (a scratch page with a secret file beside it and a symbolic link out of it, served as
// `serve --web` serves one). LANDBRIDGE_FUZZ_TRACE=1 prints each answer's status and body.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>

#include <nlohmann/json.hpp>

#include "landbridge/service/http/api.h"
#include "landbridge/service/http/app.h"
#include "landbridge/service/http/server.h"
#include "landbridge/service/http/static_files.h"
#include "service_fixture.h"
#include "support.h"

namespace {

using namespace landbridge;
using namespace landbridge::service::http;
using nlohmann::json;

// What no answer may contain: the text of a file beside the page's folder.
constexpr std::string_view kOutside = "fuzz-secret-outside-the-web-folder";

// A built page in the scratch folder: index.html, an asset, a JSON file, and a link that leads
// out of the folder to the secret.
const StaticFiles& web_page() {
  static const StaticFiles web = [] {
    namespace fs = std::filesystem;
    const fs::path root = fuzz::scratch_dir() / "web";
    const fs::path dist = root / "dist";
    fs::create_directories(dist / "assets");
    std::ofstream(dist / "index.html") << "<!doctype html><title>landbridge</title>";
    std::ofstream(dist / "assets" / "index-Ab12.js") << "console.log(1);";
    std::ofstream(dist / "manifest.json") << R"({"name":"landbridge"})";
    std::ofstream(root / "secret.txt") << kOutside;
    std::error_code ignored;
    fs::create_symlink(root / "secret.txt", dist / "leak.txt", ignored);
    return StaticFiles(dist);
  }();
  return web;
}

struct Service {
  explicit Service(fuzz::ServiceFixture& f) : auth(f.store(), std::chrono::milliseconds(0)) {
    Router router;
    add_api_routes(router, {.engine = f.engine(), .store = f.store(), .desk = f.desk(), .network_name = "eurasia"});
    app.emplace(std::move(router), &auth, nullptr, AppConfig{.web = &web_page()});
  }
  Authenticator auth;
  std::optional<App> app;
};

fuzz::ServiceFixture& fixture() {
  static fuzz::ServiceFixture f(2000);
  return f;
}

std::unique_ptr<Service>& live_service() {
  static std::unique_ptr<Service> s = std::make_unique<Service>(fixture());
  return s;
}

bool json_type(const std::string& content_type) {
  return content_type == "application/json" || content_type == "application/problem+json" ||
         content_type == "application/geo+json";
}

void check(const BufferedAnswer& a) {
  const Response& r = a.response;
  const std::string where = "status " + std::to_string(r.status) + ": " + a.wire.substr(0, 2000);
  if (r.status < 200 || r.status > 599) fuzz::fail("status out of range; " + where);
  if (r.status >= 500) fuzz::fail("a 5xx answer; " + where);
  if (a.wire.rfind("HTTP/1.1 " + std::to_string(r.status) + " ", 0) != 0) fuzz::fail("status line; " + where);
  // The secret file's whole text as a body is that file served (a request may well carry the
  // text itself, which answers like a 404 detail echo).
  if (r.body == kOutside) fuzz::fail("a file outside the web folder was served; " + where);
  json body;
  if (json_type(r.content_type)) {
    body = json::parse(r.body, nullptr, false);
    if (body.is_discarded()) fuzz::fail("a JSON content type without a JSON body; " + where);
  }
  if (r.status >= 400) {
    if (r.content_type != "application/problem+json") fuzz::fail("an error that is not problem+json; " + where);
    if (!body.is_object() || !body.contains("type") || !body.contains("title") || !body.contains("detail")) {
      fuzz::fail("a problem without type, title and detail; " + where);
    }
    const auto status = body.find("status");
    if (status == body.end() || !status->is_number_integer() || status->get<int>() != r.status) {
      fuzz::fail("a problem whose status is not the HTTP status; " + where);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)live_service();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  fuzz::ServiceFixture& f = fixture();
  if (f.next_input()) live_service() = std::make_unique<Service>(f);
  // The server's limits scaled down (1 MiB body, 16 KiB head by default) so that inputs within
  // run.sh's -max_len reach the 413 and 431 answers.
  ServerConfig cfg;
  cfg.body_limit = 4 << 10;
  cfg.header_limit = 4 << 10;
  // The placeholders are replaced in the parsed request (path, parameters, headers, body), so
  // that a seed's Content-Length stays right.
  const auto answers = answer_buffer(fuzz::text(data, size), cfg, [&f](Request& q) {
    q.path = f.expand(q.path);
    for (auto& [_, v] : q.query) v = f.expand(v);
    for (auto& [_, v] : q.headers) v = f.expand(v);
    q.body = f.expand(q.body);
    Response r = live_service()->app->handle(q);
    if (r.status == 201) f.note_booking(json::parse(r.body, nullptr, false));
    return r;
  });
  static const bool trace = std::getenv("LANDBRIDGE_FUZZ_TRACE") != nullptr;
  for (const auto& a : answers) {
    if (trace) std::fprintf(stderr, "%d %.200s\n", a.response.status, a.response.body.c_str());
    check(a);
  }
  f.check_capacity();
  return 0;
}
