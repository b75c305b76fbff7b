// The built web page (web/dist of the source tree, or the folder `serve --web` names) served by
// `landbridge serve` for GET and HEAD: "/" is index.html (no-cache, with the page's
// Content-Security-Policy), "/assets/<file>" the hashed bundles (cached for a year, immutable),
// other top-level files (favicon, ...) as they are. A path is only ever mapped to a regular file
// inside the folder: "..", ".", hidden names, characters outside [A-Za-z0-9._~-], NUL and
// symbolic links that lead out of the folder are refused (404).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "landbridge/service/http/message.h"

namespace landbridge::service::http {

// The command that builds the page from the source tree (named in answers and warnings).
inline constexpr std::string_view kWebBuildCommand = "npm --prefix web ci && npm --prefix web run build";

// Where the page is looked for without --web: $LANDBRIDGE_WEB when set and not empty, else the
// web/dist folder of the source tree this binary was built from.
std::filesystem::path default_web_dir();

// The file a request path names, relative to the page's folder ("/" is "index.html"), or
// nullopt when the path is not one the page may serve (see above). Pure text: no file access.
std::optional<std::filesystem::path> web_relative_path(std::string_view url_path);

// The Content-Type of a file by its extension; application/octet-stream when unknown.
std::string_view web_content_type(const std::filesystem::path& file);

class StaticFiles {
 public:
  explicit StaticFiles(std::filesystem::path dir);

  [[nodiscard]] const std::filesystem::path& dir() const { return dir_; }
  // Whether the folder has an index.html now (the page has been built).
  [[nodiscard]] bool has_index() const;
  // The answer to a GET or HEAD of `req.path` (the body is always filled; the server leaves it
  // out of HEAD answers): the file, or a problem+json 404.
  [[nodiscard]] Response serve(const Request& req) const;

 private:
  std::filesystem::path dir_;
};

}  // namespace landbridge::service::http
