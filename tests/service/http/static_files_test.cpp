// The built web page served by `landbridge serve`: which request paths map to which files, the
// headers of each kind of file, and that nothing outside the page's folder is ever answered
// (traversal, encoded traversal, hidden files, symbolic links out, folders), through the App and
// the server's byte-stream entry point as a client would reach it.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "../../support/scratch.h"
#include "landbridge/service/http/app.h"
#include "landbridge/service/http/server.h"
#include "landbridge/service/http/static_files.h"

namespace landbridge::service::http {
namespace {

namespace fs = std::filesystem;

void write(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
}

std::string header(const Response& r, const std::string& name) {
  for (const auto& [k, v] : r.headers) {
    if (k == name) return v;
  }
  return "";
}

// A page folder (dist/) beside a file that must never be served (secret.txt).
struct Page {
  Page() : root(testing_support::scratch_dir()), dist(root / "dist") {
    write(dist / "index.html", "<!doctype html><title>landbridge</title>");
    write(dist / "assets" / "index-Ab12_c.js", "console.log('hi');");
    write(dist / "assets" / "index-Zz9.css", "body{}");
    write(dist / "favicon.svg", "<svg/>");
    write(dist / ".env", "SECRET=1");
    write(root / "secret.txt", "do not serve");
  }
  fs::path root, dist;
};

Response get(const StaticFiles& web, const std::string& path) {
  Request q;
  q.method = "GET";
  q.path = path;
  return web.serve(q);
}

TEST(WebPaths, MapOnlyPlainNamesAtTheTopAndUnderAssets) {
  EXPECT_EQ(web_relative_path("/"), fs::path("index.html"));
  EXPECT_EQ(web_relative_path("/favicon.ico"), fs::path("favicon.ico"));
  EXPECT_EQ(web_relative_path("/assets/index-Ab12_c.js"), fs::path("assets/index-Ab12_c.js"));
  EXPECT_EQ(web_relative_path("/assets/fonts/a.woff2"), fs::path("assets/fonts/a.woff2"));
  for (const std::string& bad : std::vector<std::string>{"", "index.html", "/..", "/../secret.txt", "/assets/../index.html", "/assets/..", "/./index.html", "/.env",
        "/assets/.hidden", "//etc/passwd", "/assets/", "/assets//x.js", "/a\\..\\b", "/%2e%2e/secret.txt",
        "/index.html%00.js", "/sub/file.js", "/C:/x", std::string("/a\0b", 4)}) {
    EXPECT_EQ(web_relative_path(bad), std::nullopt) << "accepted: " << bad;
  }
}

TEST(WebPaths, ContentTypesByExtension) {
  EXPECT_EQ(web_content_type("index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(web_content_type("assets/a.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(web_content_type("assets/a.css"), "text/css; charset=utf-8");
  EXPECT_EQ(web_content_type("assets/a.js.map"), "application/json");
  EXPECT_EQ(web_content_type("x.json"), "application/json");
  EXPECT_EQ(web_content_type("x.svg"), "image/svg+xml");
  EXPECT_EQ(web_content_type("x.png"), "image/png");
  EXPECT_EQ(web_content_type("x.woff2"), "font/woff2");
  EXPECT_EQ(web_content_type("favicon.ico"), "image/x-icon");
  EXPECT_EQ(web_content_type("robots.txt"), "text/plain; charset=utf-8");
  EXPECT_EQ(web_content_type("x.bin"), "application/octet-stream");
}

TEST(StaticFiles, ServesTheIndexAssetsAndTopLevelFilesWithTheirHeaders) {
  Page p;
  const StaticFiles web(p.dist);
  EXPECT_TRUE(web.has_index());

  const Response index = get(web, "/");
  ASSERT_EQ(index.status, 200);
  EXPECT_EQ(index.body, "<!doctype html><title>landbridge</title>");
  EXPECT_EQ(index.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(header(index, "Cache-Control"), "no-cache");
  EXPECT_EQ(header(index, "X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(header(index, "Content-Security-Policy"),
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'");
  EXPECT_EQ(get(web, "/index.html").body, index.body);

  const Response js = get(web, "/assets/index-Ab12_c.js");
  ASSERT_EQ(js.status, 200);
  EXPECT_EQ(js.body, "console.log('hi');");
  EXPECT_EQ(js.content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(header(js, "Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(header(js, "X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(header(js, "Content-Security-Policy"), "");

  const Response icon = get(web, "/favicon.svg");
  ASSERT_EQ(icon.status, 200);
  EXPECT_EQ(icon.content_type, "image/svg+xml");
  EXPECT_EQ(header(icon, "Cache-Control"), "no-cache");
}

TEST(StaticFiles, NeverAnswersAPathOutsideTheFolder) {
  Page p;
  // A link out of the folder, a link to a file inside it, a folder.
  fs::create_symlink(p.root / "secret.txt", p.dist / "leak.txt");
  fs::create_symlink(p.root, p.dist / "assets" / "up");
  fs::create_symlink(p.dist / "favicon.svg", p.dist / "icon.svg");
  const StaticFiles web(p.dist);
  for (const char* path : {"/../secret.txt", "/assets/../../secret.txt", "/leak.txt", "/assets/up/secret.txt",
                                 "/.env", "/assets", "/missing.js", "/assets/missing.js"}) {
    const Response r = get(web, path);
    EXPECT_EQ(r.status, 404) << path;
    EXPECT_EQ(r.content_type, "application/problem+json") << path;
    EXPECT_EQ(r.body.find("do not serve"), std::string::npos) << path;
  }
  EXPECT_EQ(get(web, "/icon.svg").status, 200);  // a link that stays inside is followed
}

TEST(StaticFiles, AnUnbuiltPageSaysHowToBuildIt) {
  const StaticFiles web(testing_support::scratch_dir() / "no-dist");
  EXPECT_FALSE(web.has_index());
  const Response r = get(web, "/");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.content_type, "application/problem+json");
  EXPECT_NE(r.body.find("web-page-not-built"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("npm --prefix web ci && npm --prefix web run build"), std::string::npos) << r.body;
}

// Through the App and the server's parsing: percent-encoded traversal is decoded before the
// check and refused; the API's routes come first; HEAD has the GET's headers and no body.
TEST(StaticFiles, BehindTheAppRoutesComeFirstAndHeadHasNoBody) {
  Page p;
  const StaticFiles web(p.dist);
  Router router;
  router.add("GET", "/health", [](Request&) { return json_response(200, {{"status", "ok"}}); });
  router.add("POST", "/v1/things", [](Request&) { return json_response(201, {{"ok", true}}); });
  const App app(std::move(router), nullptr, nullptr, {.web = &web});
  const Handler h = [&app](Request& q) { return app.handle(q); };
  auto one = [&](const std::string& request_line) {
    auto a = answer_buffer(request_line + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", {}, h);
    EXPECT_EQ(a.size(), 1u) << request_line;
    return a.empty() ? BufferedAnswer{} : a.front();
  };

  EXPECT_EQ(one("GET /health").response.body, R"({"status":"ok"})");
  EXPECT_EQ(one("GET /").response.status, 200);
  EXPECT_EQ(one("GET /assets/index-Zz9.css").response.content_type, "text/css; charset=utf-8");
  for (const std::string& target : std::vector<std::string>{"/%2e%2e/secret.txt", "/..%2fsecret.txt", "/assets/%2E%2E/%2E%2E/secret.txt",
                                   "/%252e%252e/secret.txt", "/index.html%00", "/../secret.txt"}) {
    const auto a = one("GET " + target);
    EXPECT_EQ(a.response.status, 404) << target;
    EXPECT_EQ(a.wire.find("do not serve"), std::string::npos) << target;
  }
  EXPECT_EQ(one("POST /").response.status, 404);          // the page is read-only
  EXPECT_EQ(one("GET /v1/things").response.status, 405);  // an API path stays the API's

  const auto head = one("HEAD /assets/index-Ab12_c.js");
  EXPECT_EQ(head.response.status, 200);
  EXPECT_NE(head.wire.find("Content-Length: 18\r\n"), std::string::npos) << head.wire;
  EXPECT_NE(head.wire.find("Cache-Control: public, max-age=31536000, immutable\r\n"), std::string::npos) << head.wire;
  EXPECT_EQ(head.wire.substr(head.wire.size() - 4), "\r\n\r\n") << head.wire;  // headers only
  EXPECT_EQ(one("HEAD /health").wire.find("\"status\""), std::string::npos);
}

}  // namespace
}  // namespace landbridge::service::http
