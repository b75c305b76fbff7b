// open_store: the --db URL to a backend.
//   sqlite:PATH, sqlite://PATH (PATH absolute or relative), or a plain PATH  -> SQLite
//   postgresql://... or postgres://...                                       -> PostgreSQL (libpq URI)
#include <string>

#include "backends.h"

namespace landbridge::service {

std::unique_ptr<Store> open_store(const std::string& url) {
  const auto starts = [&](std::string_view prefix) { return url.rfind(prefix, 0) == 0; };
  if (starts("postgresql://") || starts("postgres://")) return sql::make_store(sql::open_postgresql(url));
  std::string path = url;
  if (starts("sqlite://"))
    path = url.substr(9);
  else if (starts("sqlite:"))
    path = url.substr(7);
  if (path.empty()) throw StoreError("sqlite: open: the database URL '" + url + "' names no file");
  if (path.find("://") != std::string::npos)
    throw StoreError("open: unknown database URL '" + url + "' (expected sqlite:PATH, a path or postgresql://...)");
  return sql::make_store(sql::open_sqlite(path));
}

}  // namespace landbridge::service
