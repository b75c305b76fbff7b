// One JSON line per request, written with a single write(2).
#include "landbridge/service/http/access_log.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace landbridge::service::http {

namespace {

std::string now_iso() {
  auto now = std::chrono::system_clock::now();
  auto secs = std::chrono::system_clock::to_time_t(now);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[40];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  char out[48];
  std::snprintf(out, sizeof out, "%s.%03dZ", buf, static_cast<int>(ms));
  return out;
}

}  // namespace

AccessLog::AccessLog() = default;

AccessLog::AccessLog(const std::string& file) : owned_(true) {
  fd_ = ::open(file.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0640);
  if (fd_ < 0) throw std::runtime_error("cannot open the access log " + file + ": " + std::strerror(errno));
}

AccessLog::~AccessLog() {
  if (owned_ && fd_ >= 0) ::close(fd_);
}

std::string AccessLog::format(const AccessRecord& r) {
  nlohmann::json j = {{"time", now_iso()},
                      {"id", r.id},
                      {"method", r.method},
                      {"path", r.path},
                      {"status", r.status},
                      {"bytes", r.bytes},
                      {"duration_ms", static_cast<double>(static_cast<long long>(r.duration_ms * 1000.0)) / 1000.0},
                      {"party", r.party.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.party)}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void AccessLog::write(const AccessRecord& r) {
  std::string line = format(r);
  line.push_back('\n');
  const char* p = line.data();
  std::size_t left = line.size();
  while (left > 0) {
    ssize_t n = ::write(fd_, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      return;  // a full disk must not take the service down; the request was answered
    }
    p += n;
    left -= static_cast<std::size_t>(n);
  }
}

}  // namespace landbridge::service::http
