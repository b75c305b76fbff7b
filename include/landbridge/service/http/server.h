// The HTTP/1.1 server of `landbridge serve` (Boost.Beast on Asio, header-only from Debian's
// libboost1.81-dev; only server.cpp includes them).
//
// N io threads share one io_context; each connection runs on its own strand, with keep-alive.
// The server enforces the transport limits (request head size -> 431, body size -> 413, read
// timeout -> the connection is closed), gives every request an id (X-Request-Id echoed when
// the client sent a sane one, else generated), writes one access-log line per request and hands
// the request to the Handler, which runs on the io thread (handlers block only on the store).
//
// Graceful shutdown (stop(), or SIGTERM/SIGINT when handle_signals): the listener closes, idle
// connections are closed, requests in flight finish and are answered with "Connection: close";
// after `shutdown_grace` whatever still runs is abandoned and wait() returns anyway.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "landbridge/service/http/access_log.h"
#include "landbridge/service/http/router.h"

namespace landbridge::service::http {

struct ServerConfig {
  std::string bind = "127.0.0.1";
  std::uint16_t port = 8080;          // 0: an ephemeral port (see Server::port())
  unsigned threads = 0;               // 0: std::thread::hardware_concurrency()
  std::size_t body_limit = 1 << 20;   // bytes; larger bodies are 413
  std::size_t header_limit = 16 << 10;  // bytes of request line + headers; larger is 431
  std::chrono::milliseconds read_timeout{30'000};    // per request (and idle keep-alive)
  std::chrono::milliseconds shutdown_grace{10'000};  // bound on in-flight requests at shutdown
  bool handle_signals = false;        // SIGTERM/SIGINT start a graceful shutdown
};

// Answers a byte stream as one connection of the server would, without a socket: the same
// Beast request parser with the limits of `cfg`, the same request ids, problem answers (400, 413,
// 431) and dispatch to `handler`. Pipelined requests are answered in order until one closes the
// connection (an error answer or "Connection: close") or the bytes end inside a request. Each
// answer has the service's Response and the response as written on the wire. For the HTTP fuzz
// target (fuzz/http_request.cpp) and tests.
struct BufferedAnswer {
  Response response;
  std::string wire;
};
std::vector<BufferedAnswer> answer_buffer(std::string_view bytes, const ServerConfig& cfg, const Handler& handler);

class Server {
 public:
  // `log` may be null (no access log); it must outlive the server.
  Server(ServerConfig cfg, Handler handler, AccessLog* log);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and listens, then starts the io threads. Throws std::runtime_error naming the address
  // when it cannot bind.
  void start();
  // The bound port (after start()).
  [[nodiscard]] std::uint16_t port() const;
  // Starts a graceful shutdown; returns at once. Safe from any thread, more than once.
  void stop();
  // Blocks until a shutdown has finished: every io thread has returned, or at the latest
  // shutdown_grace + 1 s after stop(), when threads still stuck in a handler are detached (the
  // caller is expected to exit; they keep the server's state alive until they end).
  void wait();
  // Requests being handled right now.
  [[nodiscard]] int in_flight() const;

  struct Impl;  // opaque (server.cpp); named here for the connections it owns

 private:
  std::shared_ptr<Impl> impl_;
};

}  // namespace landbridge::service::http
