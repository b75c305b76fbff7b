// The access log of the HTTP service: one JSON object per line, per request:
//   {"time":"2026-12-06T07:30:00.123Z","id":"...","method":"GET","path":"/health",
//    "status":200,"bytes":57,"duration_ms":0.41,"party":"acme"}
// Each line goes out in one write(2), so lines from several threads never interleave and no
// lock is taken (O_APPEND files and pipes keep such writes whole).
#pragma once

#include <string>
#include <string_view>

namespace landbridge::service::http {

struct AccessRecord {
  std::string_view id, method, path, party;
  int status = 0;
  std::size_t bytes = 0;
  double duration_ms = 0;
};

class AccessLog {
 public:
  // Writes to standard error.
  AccessLog();
  // Appends to `file` (created if missing). Throws std::runtime_error naming it.
  explicit AccessLog(const std::string& file);
  ~AccessLog();
  AccessLog(const AccessLog&) = delete;
  AccessLog& operator=(const AccessLog&) = delete;

  void write(const AccessRecord& r);
  // The line write() would write (without the newline), for tests.
  [[nodiscard]] static std::string format(const AccessRecord& r);

 private:
  int fd_ = 2;
  bool owned_ = false;
};

}  // namespace landbridge::service::http
