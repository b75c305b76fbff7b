// Serving the built web page from one folder, without ever leaving it.
#include "landbridge/service/http/static_files.h"

#include <array>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <system_error>
#include <utility>

namespace landbridge::service::http {

namespace {

bool safe_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
         c == '-' || c == '~';
}

// One path segment the page may use: not empty, not hidden (so neither "." nor ".."), only
// plain characters (a decoded NUL, '\\', '%' or ':' never passes).
bool safe_segment(std::string_view s) {
  if (s.empty() || s.size() > 255 || s.front() == '.') return false;
  for (char c : s) {
    if (!safe_char(c)) return false;
  }
  return true;
}

// Whether `inner` (canonical) lies in the folder `root` (canonical).
bool within(const std::filesystem::path& root, const std::filesystem::path& inner) {
  auto r = root.begin();
  auto i = inner.begin();
  for (; r != root.end(); ++r, ++i) {
    if (i == inner.end() || *r != *i) return false;
  }
  return true;
}

Response not_found(std::string_view path) {
  return problem_response(404, "not-found", "Not found", "no resource at " + std::string(path));
}

}  // namespace

std::filesystem::path default_web_dir() {
  const char* env = std::getenv("LANDBRIDGE_WEB");
  if (env != nullptr && *env != '\0') return env;
  return LANDBRIDGE_WEB_DIR;
}

std::optional<std::filesystem::path> web_relative_path(std::string_view url_path) {
  if (url_path == "/") return std::filesystem::path("index.html");
  if (url_path.size() < 2 || url_path.front() != '/') return std::nullopt;
  std::filesystem::path out;
  std::size_t i = 1;
  int depth = 0;
  while (i <= url_path.size()) {
    std::size_t slash = url_path.find('/', i);
    if (slash == std::string_view::npos) slash = url_path.size();
    const std::string_view seg = url_path.substr(i, slash - i);
    if (!safe_segment(seg)) return std::nullopt;
    out /= std::string(seg);
    ++depth;
    i = slash + 1;
  }
  // Top-level files, and files anywhere under assets/ (what Vite writes).
  if (depth > 1 && *out.begin() != "assets") return std::nullopt;
  return out;
}

std::string_view web_content_type(const std::filesystem::path& file) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 16> kTypes{{
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".webmanifest", "application/manifest+json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".txt", "text/plain; charset=utf-8"},
      {".wasm", "application/wasm"},
  }};
  const std::string ext = file.extension().string();
  for (const auto& [e, type] : kTypes) {
    if (ext == e) return type;
  }
  return "application/octet-stream";
}

StaticFiles::StaticFiles(std::filesystem::path dir) : dir_(std::move(dir)) {}

bool StaticFiles::has_index() const {
  std::error_code ec;
  return std::filesystem::is_regular_file(dir_ / "index.html", ec);
}

Response StaticFiles::serve(const Request& req) const {
  const auto rel = web_relative_path(req.path);
  if (!rel) return not_found(req.path);
  const bool index = *rel == "index.html";
  if (index && !has_index()) {
    return problem_response(404, "web-page-not-built", "Web page not built",
                            "there is no index.html in " + dir_.string() + "; build the page with `" +
                                std::string(kWebBuildCommand) + "` (from the source tree) or give serve --web DIR");
  }
  // Symbolic links are followed, but only to a regular file that stays inside the folder.
  std::error_code ec;
  const auto root = std::filesystem::canonical(dir_, ec);
  if (ec) return not_found(req.path);
  const auto file = std::filesystem::canonical(root / *rel, ec);
  if (ec || !within(root, file) || !std::filesystem::is_regular_file(file, ec)) return not_found(req.path);
  std::ifstream in(file, std::ios::binary);
  if (!in) return not_found(req.path);
  Response r;
  r.body.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  r.content_type = std::string(web_content_type(file));
  r.headers.emplace_back("X-Content-Type-Options", "nosniff");
  if (index) {
    r.headers.emplace_back("Cache-Control", "no-cache");
    r.headers.emplace_back("Content-Security-Policy",
                           "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                           "connect-src 'self'");
  } else if (*rel->begin() == "assets") {
    r.headers.emplace_back("Cache-Control", "public, max-age=31536000, immutable");
  } else {
    r.headers.emplace_back("Cache-Control", "no-cache");
  }
  return r;
}

}  // namespace landbridge::service::http
