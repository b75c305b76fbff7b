// `landbridge keys` and `landbridge serve` as processes: a key made by the command works on the
// server, a revoked one stops working, SIGTERM ends the server with status 0; the web page named
// by --web is served at the address the start line prints, and a missing one is warned about.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>
#include <tuple>
#include <vector>

#include "../../support/scratch.h"
#include "http_client.h"

namespace landbridge::service::http {
namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;

// Runs a command line, returns its standard output and sets `status` to its exit status.
std::string run(const std::string& cmd, int& status) {
  std::string out;
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) return out;
  char buf[512];
  while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  const int raw = ::pclose(p);
  status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  return out;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(ServeCommand, KeysWorkOnTheServerAndSigtermStopsIt) {
  const fs::path dir = testing_support::scratch_dir();
  const std::string db = "sqlite:" + (dir / "serve.db").string();
  int status = -1;
  const std::string token = run(std::string(LANDBRIDGE_CLI) + " keys add --role shipper --party acme --db " + db +
                                    " 2>/dev/null",
                                status);
  ASSERT_EQ(status, 0);
  std::smatch m;
  const std::string trimmed = token.substr(0, token.find('\n'));
  ASSERT_TRUE(std::regex_match(trimmed, m, std::regex(R"(lb_([0-9a-f]+)\.[0-9a-f]+)"))) << token;
  const std::string id = m[1];

  const fs::path err = dir / "serve.err", log = dir / "access.log";
  const pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    std::freopen(err.c_str(), "w", stderr);
    ::execl(LANDBRIDGE_CLI, LANDBRIDGE_CLI, "serve", "--port", "0", "--threads", "2", "--db", db.c_str(),
            "--access-log", log.c_str(), "--key-cache", "0", static_cast<char*>(nullptr));
    std::_Exit(127);
  }
  int port = 0;
  const auto until = std::chrono::steady_clock::now() + 60s;
  while (port == 0 && std::chrono::steady_clock::now() < until) {
    std::smatch pm;
    const std::string text = slurp(err);
    if (std::regex_search(text, pm, std::regex(R"(listening on http://127\.0\.0\.1:(\d+))"))) port = std::stoi(pm[1]);
    else std::this_thread::sleep_for(50ms);
  }
  ASSERT_GT(port, 0) << slurp(err);
  // The engine was warmed up before the port opened, and said how long it took.
  EXPECT_TRUE(std::regex_search(slurp(err), std::regex(R"(engine warmed up in \d+ ms[\s\S]*listening on)")))
      << slurp(err);

  {
    testing_support::HttpClient c(static_cast<std::uint16_t>(port));
    EXPECT_EQ(c.get("/health").status, 200);
    const std::vector<std::pair<std::string, std::string>> auth{{"Authorization", "Bearer " + trimmed}};
    EXPECT_EQ(c.get("/v2/bookings", auth).status, 200);
    run(std::string(LANDBRIDGE_CLI) + " keys revoke " + id + " --db " + db + " 2>/dev/null", status);
    EXPECT_EQ(status, 0);
    EXPECT_EQ(c.get("/v2/bookings", auth).status, 401);
  }

  ASSERT_EQ(::kill(pid, SIGTERM), 0);
  int raw = 0;
  pid_t done = 0;
  const auto stop_until = std::chrono::steady_clock::now() + 15s;
  while ((done = ::waitpid(pid, &raw, WNOHANG)) == 0 && std::chrono::steady_clock::now() < stop_until) {
    std::this_thread::sleep_for(20ms);
  }
  if (done == 0) {
    ::kill(pid, SIGKILL);
    ::waitpid(pid, &raw, 0);
    FAIL() << "the server did not stop within 15 s of SIGTERM";
  }
  ASSERT_TRUE(WIFEXITED(raw));
  EXPECT_EQ(WEXITSTATUS(raw), 0) << slurp(err);
  const std::string lines = slurp(log);
  EXPECT_EQ(std::count(lines.begin(), lines.end(), '\n'), 3);
  EXPECT_NE(lines.find("\"party\":\"acme\""), std::string::npos);
}

// A package whose services.csv states more TEU per departure than a service may offer: every
// timetabled query would fail on it, so `validate` and `serve` refuse it at load, naming the
// file, line and field, with exit status 1; the server never listens.
TEST(ServeCommand, RefusesAPackageWithACapacityOverTheLimit) {
  const fs::path dir = testing_support::scratch_dir();
  const fs::path pkg = dir / "eurasia";
  // The package and the maritime graph its network.toml names (../marnet).
  fs::copy(fs::path(LANDBRIDGE_SOURCE_DIR) / "data" / "eurasia", pkg, fs::copy_options::recursive);
  fs::create_directory_symlink(fs::path(LANDBRIDGE_SOURCE_DIR) / "data" / "marnet", dir / "marnet");
  // Line 2 is the first service (FDR-HKT-LYG); its capacity_teu becomes 250,000.
  std::ifstream in(pkg / "services.csv");
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  in.close();
  ASSERT_GT(lines.size(), 2u);
  const auto cells = [](const std::string& line) {
    std::vector<std::string> out(1);
    bool quoted = false;
    for (char ch : line) {
      if (ch == '"') quoted = !quoted;
      if (ch == ',' && !quoted) out.emplace_back();
      else out.back() += ch;
    }
    return out;
  };
  const std::vector<std::string> header = cells(lines[0]);
  const auto column = std::find(header.begin(), header.end(), "capacity_teu") - header.begin();
  ASSERT_LT(column, static_cast<long>(header.size()));
  std::vector<std::string> row = cells(lines[1]);
  ASSERT_EQ(row[0], "FDR-HKT-LYG");
  row[column] = "250000";
  std::string joined;
  for (std::size_t i = 0; i < row.size(); ++i) joined += (i ? "," : "") + row[i];
  lines[1] = joined;
  {
    std::ofstream out(pkg / "services.csv");
    for (const auto& line : lines) out << line << '\n';
  }
  const std::string where = "services.csv:2: field 'capacity_teu': got '250000'";

  int status = -1;
  const std::string checked = run(std::string(LANDBRIDGE_CLI) + " validate " + pkg.string() + " 2>&1", status);
  EXPECT_EQ(status, 1) << checked;
  EXPECT_NE(checked.find(where), std::string::npos) << checked;

  const std::string served =
      run("timeout 60 " + std::string(LANDBRIDGE_CLI) + " serve --port 0 --db sqlite:" + (dir / "serve.db").string() +
              " --network " + pkg.string() + " 2>&1",
          status);
  EXPECT_EQ(status, 1) << served;
  EXPECT_NE(served.find(where), std::string::npos) << served;
  EXPECT_EQ(served.find("listening"), std::string::npos) << served;
}

// `serve --web DIR` with a built page prints its address and serves it; with a folder that has
// no index.html it says how to build the page, and the API still answers.
TEST(ServeCommand, ServesTheWebPageAndSaysWhenThereIsNone) {
  const fs::path dir = testing_support::scratch_dir();
  const fs::path dist = dir / "dist";
  fs::create_directories(dist / "assets");
  std::ofstream(dist / "index.html") << "<!doctype html><title>served</title>";
  const std::string db = "sqlite:" + (dir / "serve.db").string();

  // Starts the server on the folder, waits for its start lines, returns (pid, port, stderr).
  const auto start = [&](const fs::path& web, const std::string& name) {
    const fs::path err = dir / (name + ".err");
    const pid_t pid = ::fork();
    if (pid == 0) {
      std::freopen(err.c_str(), "w", stderr);
      ::execl(LANDBRIDGE_CLI, LANDBRIDGE_CLI, "serve", "--port", "0", "--threads", "1", "--db", db.c_str(), "--web",
              web.c_str(), static_cast<char*>(nullptr));
      std::_Exit(127);
    }
    int port = 0;
    std::string text;
    const auto until = std::chrono::steady_clock::now() + 60s;
    while (port == 0 && std::chrono::steady_clock::now() < until) {
      std::smatch pm;
      text = slurp(err);
      // The page's line (or the warning) comes right after the listening line.
      if (std::regex_search(text, pm, std::regex(R"(listening on http://127\.0\.0\.1:(\d+)[^\n]*\n.*\n)"))) {
        port = std::stoi(pm[1]);
      } else {
        std::this_thread::sleep_for(50ms);
      }
    }
    return std::tuple{pid, port, text};
  };
  const auto stop = [](pid_t pid) {
    ::kill(pid, SIGTERM);
    int raw = 0;
    ::waitpid(pid, &raw, 0);
  };

  {
    const auto [pid, port, text] = start(dist, "built");
    ASSERT_GT(port, 0) << text;
    EXPECT_NE(text.find("web page: http://127.0.0.1:" + std::to_string(port) + "/"), std::string::npos) << text;
    testing_support::HttpClient c(static_cast<std::uint16_t>(port));
    const auto page = c.get("/");
    EXPECT_EQ(page.status, 200);
    EXPECT_EQ(page.body, "<!doctype html><title>served</title>");
    EXPECT_EQ(page.header("content-type"), "text/html; charset=utf-8");
    EXPECT_EQ(c.get("/health").status, 200);
    stop(pid);
  }
  {
    const auto [pid, port, text] = start(dir / "no-such-dist", "missing");
    ASSERT_GT(port, 0) << text;
    EXPECT_NE(text.find("warning: no web page"), std::string::npos) << text;
    EXPECT_NE(text.find("npm --prefix web ci && npm --prefix web run build"), std::string::npos) << text;
    testing_support::HttpClient c(static_cast<std::uint16_t>(port));
    EXPECT_EQ(c.get("/").status, 404);
    EXPECT_EQ(c.get("/health").status, 200);
    stop(pid);
  }
}

}  // namespace
}  // namespace landbridge::service::http
