// The Beast/Asio side of the HTTP service: listener, connections, limits, request ids, access
// log and graceful shutdown. The only file of the service that includes Boost.Beast.
#include "landbridge/service/http/server.h"

#include <algorithm>
#include <array>
#include <condition_variable>
#include <atomic>
#include <optional>
#include <csignal>
#include <mutex>
#include <random>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <unordered_map>
#include <vector>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace landbridge::service::http {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace asio = boost::asio;
using tcp = asio::ip::tcp;

namespace {

using Clock = std::chrono::steady_clock;

std::string new_request_id() {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  static constexpr char digits[] = "0123456789abcdef";
  std::string id(16, '0');
  std::uint64_t v = rng();
  for (char& c : id) {
    c = digits[v & 0xf];
    v >>= 4;
  }
  return id;
}

// A client's X-Request-Id is kept when it is short printable ASCII without spaces.
bool sane_request_id(std::string_view id) {
  if (id.empty() || id.size() > 128) return false;
  for (char c : id) {
    if (c <= 0x20 || c >= 0x7f) return false;
  }
  return true;
}

// What a connection answers when reading a request failed: a problem for the limits and a
// malformed head (the connection is then drained and closed); nullopt when the connection just
// closes (the peer went away, a timeout, a shutdown, a transport error).
std::optional<Response> read_error_response(beast::error_code ec, const ServerConfig& cfg) {
  if (ec == bhttp::error::end_of_stream || ec == asio::error::operation_aborted || ec == beast::error::timeout ||
      ec == asio::error::connection_reset || ec == asio::error::eof) {
    return std::nullopt;
  }
  if (ec == bhttp::error::body_limit) {
    return problem_response(413, "payload-too-large", "Request body too large",
                            "the body exceeds " + std::to_string(cfg.body_limit) + " bytes");
  }
  if (ec == bhttp::error::header_limit) {
    return problem_response(431, "headers-too-large", "Request header fields too large",
                            "the request line and headers exceed " + std::to_string(cfg.header_limit) + " bytes");
  }
  if (ec.category() == bhttp::make_error_code(bhttp::error::bad_target).category()) {
    return problem_response(400, "bad-request", "Malformed HTTP request", ec.message());
  }
  return std::nullopt;
}

// A parsed request as the service sees it (lower-case header names, a request id, the decoded
// target), answered by the handler; a malformed target or an escaped exception is a problem.
Response dispatch(bhttp::request<bhttp::string_body> msg, const Handler& handler, Request& req) {
  req.method = std::string(msg.method_string());
  req.target = std::string(msg.target());
  for (const auto& f : msg) {
    std::string name(f.name_string());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    req.headers.emplace_back(std::move(name), std::string(f.value()));
  }
  std::string_view given = req.header("x-request-id");
  req.request_id = sane_request_id(given) ? std::string(given) : new_request_id();
  req.body = std::move(msg.body());
  if (!parse_target(req.target, req.path, req.query)) {
    return problem_response(400, "bad-request", "Malformed request target", "a percent escape in the target is not valid",
                            "target");
  }
  try {
    return handler(req);
  } catch (const std::exception& e) {
    return problem_response(500, "internal-error", "Internal server error", e.what());
  }
}

// The response on the wire for a service Response; the answer to a HEAD has the headers of the
// GET (Content-Length included) and no body.
std::shared_ptr<bhttp::response<bhttp::string_body>> wire_response(Response r, const std::string& id, bool keep_alive,
                                                                   bool head) {
  auto res = std::make_shared<bhttp::response<bhttp::string_body>>();
  res->version(11);
  res->result(static_cast<unsigned>(r.status));
  res->set(bhttp::field::server, "landbridge");
  res->set(bhttp::field::content_type, r.content_type);
  res->set("X-Request-Id", id);
  for (auto& [k, v] : r.headers) res->set(k, v);
  res->keep_alive(keep_alive);
  if (head) {
    res->content_length(r.body.size());
  } else {
    res->body() = std::move(r.body);
    res->prepare_payload();
  }
  return res;
}

}  // namespace

std::vector<BufferedAnswer> answer_buffer(std::string_view bytes, const ServerConfig& cfg, const Handler& handler) {
  std::vector<BufferedAnswer> out;
  while (!bytes.empty()) {
    bhttp::request_parser<bhttp::string_body> parser;
    parser.body_limit(cfg.body_limit);
    parser.header_limit(static_cast<std::uint32_t>(cfg.header_limit));
    parser.eager(true);
    beast::error_code ec;
    // The whole rest of the stream is offered each time: a parser that takes nothing more (the
    // head is cut off, a body is shorter than its Content-Length) means the stream ends inside
    // a request, as when the peer goes away: no answer.
    while (!parser.is_done() && !ec) {
      if (bytes.empty()) return out;
      std::size_t n = parser.put(asio::buffer(bytes.data(), bytes.size()), ec);
      bytes.remove_prefix(n);
      if (ec == bhttp::error::need_more) ec = {};
      if (n == 0 && !ec) return out;
    }
    BufferedAnswer a;
    bool more = false;
    bool head = false;
    std::string id;
    if (ec) {
      auto r = read_error_response(ec, cfg);
      if (!r) return out;
      a.response = std::move(*r);
      id = new_request_id();
    } else {
      Request req;
      auto msg = parser.release();
      more = msg.keep_alive();
      a.response = dispatch(std::move(msg), handler, req);
      id = req.request_id;
      head = req.method == "HEAD";
    }
    auto res = wire_response(a.response, id, more, head);
    std::ostringstream wire;
    wire << *res;
    a.wire = wire.str();
    out.push_back(std::move(a));
    if (!more) break;  // an error answer drains and closes; so does Connection: close
  }
  return out;
}

class Session;

struct Server::Impl : std::enable_shared_from_this<Server::Impl> {
  Impl(ServerConfig c, Handler h, AccessLog* l)
      : cfg(std::move(c)), handler(std::move(h)), log(l), strand(asio::make_strand(ioc)), acceptor(strand),
        signals(strand), grace(strand) {}

  void accept();
  void begin_shutdown();
  void add_session(const std::shared_ptr<Session>& s);
  void remove_session(Session* s);

  ServerConfig cfg;
  Handler handler;
  AccessLog* log;
  asio::io_context ioc;
  asio::strand<asio::io_context::executor_type> strand;  // acceptor, signals, grace timer
  tcp::acceptor acceptor;
  asio::signal_set signals;
  asio::steady_timer grace;
  std::vector<std::thread> threads;
  std::mutex done_mu;  // guards finished and stop_began; wait() sleeps on done_cv
  std::condition_variable done_cv;
  std::vector<char> finished;  // per io thread: its run() has returned
  std::optional<Clock::time_point> stop_began;
  std::atomic<bool> stopping{false};
  std::atomic<int> in_flight{0};
  std::uint16_t port = 0;
  std::mutex sessions_mu;  // taken on connect and disconnect only, never per request
  std::unordered_map<Session*, std::weak_ptr<Session>> sessions;
};

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, std::shared_ptr<Server::Impl> server)
      : stream_(std::move(socket)), server_(std::move(server)) {}

  void start() { asio::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->read(); }); }

  // From the server at shutdown: an idle connection closes now, a busy one after its answer.
  void stop_if_idle() {
    asio::dispatch(stream_.get_executor(), [self = shared_from_this()] {
      if (!self->busy_) self->close();
    });
  }

 private:
  void read() {
    if (server_->stopping) return close();
    parser_.emplace();
    parser_->body_limit(server_->cfg.body_limit);
    parser_->header_limit(static_cast<std::uint32_t>(server_->cfg.header_limit));
    stream_.expires_after(server_->cfg.read_timeout);
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             beast::bind_front_handler(&Session::on_header, shared_from_this()));
  }

  // The head is in: a client that waits for "100 Continue" before sending its body (curl does
  // for bodies over 1 KiB) gets it now, then the body is read.
  void on_header(beast::error_code ec, std::size_t n) {
    if (ec) return on_read(ec, n);
    if (beast::iequals(parser_->get()[bhttp::field::expect], "100-continue")) {
      auto cont = std::make_shared<bhttp::response<bhttp::empty_body>>(bhttp::status::continue_, 11);
      bhttp::async_write(stream_, *cont, [self = shared_from_this(), cont](beast::error_code e, std::size_t) {
        if (e) return self->close();
        self->read_body();
      });
      return;
    }
    read_body();
  }

  void read_body() {
    bhttp::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&Session::on_read, shared_from_this()));
  }

  void on_read(beast::error_code ec, std::size_t) {
    if (ec) {
      auto r = read_error_response(ec, server_->cfg);
      if (!r) return close();
      started_ = Clock::now();
      busy_ = true;
      ++server_->in_flight;
      return send(std::move(*r), "-", "-", new_request_id(), false, true);
    }
    started_ = Clock::now();
    handle(parser_->release());
  }

  void handle(bhttp::request<bhttp::string_body> msg) {
    busy_ = true;
    ++server_->in_flight;
    const bool keep_alive = msg.keep_alive();
    Request req;
    Response res = dispatch(std::move(msg), server_->handler, req);
    std::string path = req.path.empty() ? req.target : req.path;
    send(std::move(res), req.method, path, req.request_id, keep_alive, false);
  }

  void send(Response r, std::string method, std::string path, std::string id, bool keep_alive, bool then_drain) {
    std::string party = std::move(r.party);
    const int status = r.status;
    auto res = wire_response(std::move(r), id, keep_alive && !server_->stopping, method == "HEAD");
    log_ = {std::move(id), std::move(method), std::move(path), std::move(party), status, res->body().size()};
    stream_.expires_after(server_->cfg.read_timeout);
    bhttp::async_write(stream_, *res,
                       [self = shared_from_this(), res, then_drain](beast::error_code ec, std::size_t) {
                         self->on_write(ec, res->keep_alive(), then_drain);
                       });
  }

  void on_write(beast::error_code ec, bool keep_alive, bool then_drain) {
    double ms = std::chrono::duration<double, std::milli>(Clock::now() - started_).count();
    if (server_->log) {
      server_->log->write({.id = log_.id, .method = log_.method, .path = log_.path, .party = log_.party,
                           .status = log_.status, .bytes = log_.bytes, .duration_ms = ms});
    }
    busy_ = false;
    --server_->in_flight;
    if (ec) return close();
    if (then_drain) return drain();
    if (!keep_alive || server_->stopping) return close();
    read();
  }

  // After an error answer on a connection whose request was not read in full: stop sending,
  // read and discard what the client still sends (for a bounded time) so that closing does not
  // reset the connection before the client has read the answer.
  void drain() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.expires_after(std::chrono::seconds(2));
    discard();
  }
  void discard() {
    stream_.async_read_some(asio::buffer(scratch_), [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) return self->close();
      self->discard();
    });
  }

  void close() {
    if (closed_) return;
    closed_ = true;
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
    stream_.socket().close(ignored);
    server_->remove_session(this);
  }

  struct LogLine {
    std::string id, method, path, party;
    int status = 0;
    std::size_t bytes = 0;
  };

  beast::tcp_stream stream_;
  std::shared_ptr<Server::Impl> server_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  bool busy_ = false;
  bool closed_ = false;
  Clock::time_point started_;
  LogLine log_;
  std::array<char, 4096> scratch_{};
};

void Server::Impl::accept() {
  acceptor.async_accept(asio::make_strand(ioc), [self = shared_from_this()](beast::error_code ec, tcp::socket socket) {
    if (ec) {
      if (!self->acceptor.is_open()) return;  // closed by the shutdown
    } else {
      auto s = std::make_shared<Session>(std::move(socket), self);
      self->add_session(s);
      s->start();
    }
    if (!self->stopping) self->accept();
  });
}

void Server::Impl::add_session(const std::shared_ptr<Session>& s) {
  std::lock_guard lock(sessions_mu);
  sessions.emplace(s.get(), s);
}

void Server::Impl::remove_session(Session* s) {
  bool last = false;
  {
    std::lock_guard lock(sessions_mu);
    sessions.erase(s);
    last = sessions.empty();
  }
  if (last && stopping) {
    asio::post(strand, [self = shared_from_this()] {
      std::lock_guard lock(self->sessions_mu);
      if (self->sessions.empty()) self->grace.cancel();
    });
  }
}

void Server::Impl::begin_shutdown() {
  if (stopping.exchange(true)) return;
  {
    std::lock_guard lock(done_mu);
    stop_began = Clock::now();
  }
  done_cv.notify_all();
  beast::error_code ignored;
  acceptor.close(ignored);
  signals.cancel(ignored);
  std::vector<std::shared_ptr<Session>> open;
  {
    std::lock_guard lock(sessions_mu);
    for (auto& [_, w] : sessions) {
      if (auto s = w.lock()) open.push_back(std::move(s));
    }
  }
  for (auto& s : open) s->stop_if_idle();
  grace.expires_after(cfg.shutdown_grace);
  grace.async_wait([self = shared_from_this()](beast::error_code ec) {
    if (!ec) self->ioc.stop();  // the bound: abandon what still runs
  });
  std::lock_guard lock(sessions_mu);
  if (sessions.empty()) grace.cancel();
}

Server::Server(ServerConfig cfg, Handler handler, AccessLog* log)
    : impl_(std::make_shared<Impl>(std::move(cfg), std::move(handler), log)) {}

Server::~Server() {
  if (!impl_->threads.empty()) {
    stop();
    wait();
  }
}

void Server::start() {
  Impl& s = *impl_;
  beast::error_code ec;
  auto address = asio::ip::make_address(s.cfg.bind, ec);
  if (ec) throw std::runtime_error("cannot listen: '" + s.cfg.bind + "' is not an IP address");
  tcp::endpoint ep{address, s.cfg.port};
  auto fail = [&](const char* what) {
    throw std::runtime_error(std::string("cannot listen on ") + s.cfg.bind + ":" + std::to_string(s.cfg.port) + " (" +
                             what + "): " + ec.message());
  };
  s.acceptor.open(ep.protocol(), ec);
  if (ec) fail("open");
  s.acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  s.acceptor.bind(ep, ec);
  if (ec) fail("bind");
  s.acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) fail("listen");
  s.port = s.acceptor.local_endpoint().port();
  if (s.cfg.handle_signals) {
    s.signals.add(SIGINT);
    s.signals.add(SIGTERM);
    s.signals.async_wait([self = impl_](beast::error_code e, int) {
      if (!e) self->begin_shutdown();
    });
  }
  asio::dispatch(s.strand, [self = impl_] { self->accept(); });
  unsigned n = s.cfg.threads ? s.cfg.threads : std::max(1u, std::thread::hardware_concurrency());
  s.finished.assign(n, 0);
  for (unsigned i = 0; i < n; ++i) {
    s.threads.emplace_back([self = impl_, i] {
      for (;;) {
        try {
          self->ioc.run();
          break;
        } catch (const std::exception&) {
          // a handler threw past its session: keep serving the others
        }
      }
      {
        std::lock_guard lock(self->done_mu);
        self->finished[i] = 1;
      }
      self->done_cv.notify_all();
    });
  }
}

std::uint16_t Server::port() const { return impl_->port; }

void Server::stop() {
  asio::post(impl_->strand, [self = impl_] { self->begin_shutdown(); });
}

void Server::wait() {
  Impl& s = *impl_;
  auto all_done = [&] { return std::all_of(s.finished.begin(), s.finished.end(), [](char f) { return f != 0; }); };
  {
    std::unique_lock lock(s.done_mu);
    for (;;) {
      if (all_done()) break;
      if (s.stop_began) {
        // The grace timer stops the io_context; a thread still inside a handler then gets one
        // more second before it is left behind (detached: it owns what it uses).
        s.done_cv.wait_until(lock, *s.stop_began + s.cfg.shutdown_grace + std::chrono::seconds(1), all_done);
        break;
      }
      s.done_cv.wait(lock);
    }
    for (std::size_t i = 0; i < s.threads.size(); ++i) {
      if (!s.threads[i].joinable()) continue;
      if (s.finished[i]) {
        s.threads[i].join();
      } else {
        s.threads[i].detach();
      }
    }
  }
  s.threads.clear();
}

int Server::in_flight() const { return impl_->in_flight.load(); }

}  // namespace landbridge::service::http
