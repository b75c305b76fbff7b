// A small blocking HTTP/1.1 client over a POSIX socket, for the service tests on loopback:
// no Beast here, so that the tests compile quickly and see the server only from the outside.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace landbridge::testing_support {

struct HttpResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;
  [[nodiscard]] nlohmann::json json() const { return nlohmann::json::parse(body); }
  [[nodiscard]] std::string header(const std::string& lower_name) const {
    auto it = headers.find(lower_name);
    return it == headers.end() ? "" : it->second;
  }
};

// One connection (kept alive between requests). Every call is bounded by `timeout_ms`; a
// failure (refused, timed out, closed early) throws std::runtime_error.
class HttpClient {
 public:
  explicit HttpClient(std::uint16_t port, int timeout_ms = 10'000);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  HttpResponse request(const std::string& method, const std::string& target, const std::string& body = "",
                       const std::vector<std::pair<std::string, std::string>>& headers = {});
  HttpResponse get(const std::string& target, const std::vector<std::pair<std::string, std::string>>& headers = {}) {
    return request("GET", target, "", headers);
  }
  // Sends raw bytes (a hand-made request) and reads one response.
  HttpResponse raw(const std::string& bytes);
  // Whether the server has closed the connection (reads EOF within `wait_ms`).
  bool closed_by_server(int wait_ms);

 private:
  void send_all(const std::string& bytes);
  HttpResponse read_response();
  int fd_ = -1;
  int timeout_ms_;
  std::string pending_;
};

}  // namespace landbridge::testing_support
