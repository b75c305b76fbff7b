// landbridge serve [--db URL] [--port P] [--bind ADDR] [--network DIR] [--web DIR] [--threads N] ...
// The HTTP/JSON service (service/http/): loads the network once, opens the store, listens until
// SIGTERM or SIGINT, lets the requests in flight finish, exits 0. Simulation jobs run on a pool
// of --sim-workers threads; running ones are stopped at shutdown (they live in memory only).
// The built web page (--web, else $LANDBRIDGE_WEB, else the source tree's web/dist) is served
// at "/"; without its index.html the API still runs, with a warning.
#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "cli.h"
#include "landbridge/query/engine.h"
#include "landbridge/service/desk.h"
#include "landbridge/service/http/api.h"
#include "landbridge/service/http/app.h"
#include "landbridge/service/http/server.h"
#include "landbridge/service/http/static_files.h"
#include "landbridge/service/jobs.h"
#include "landbridge/service/store.h"

namespace landbridge::cli {

void register_serve(CLI::App& app) {
  struct Args {
    std::string db = "sqlite:landbridge.db", network, bind = "127.0.0.1", access_log, web;
    int port = 8080;
    unsigned threads = 0;
    double rate = 100, burst = 200, grace_s = 10, key_cache_s = 5;
    std::size_t body_limit = 1 << 20;
    unsigned sim_workers = std::max(1U, std::thread::hardware_concurrency() / 4);
    std::size_t sim_queue = 4;
    double sim_ttl_s = 3600;
  };
  auto a = std::make_shared<Args>();
  auto* cmd = app.add_subcommand("serve", "Run the HTTP/JSON service (routes, bookings, track & trace)");
  add_db_option(*cmd, a->db);
  add_network_option(*cmd, a->network);
  cmd->add_option("--port", a->port, "TCP port (0: any free port, printed)")->check(CLI::Range(0, 65535))
      ->capture_default_str();
  cmd->add_option("--bind", a->bind, "Address to listen on (0.0.0.0 for every interface)")->capture_default_str();
  cmd->add_option("--web", a->web,
                  "Folder of the built web page served at / (default: $LANDBRIDGE_WEB, else the source tree's web/dist)")
      ->type_name("DIR");
  cmd->add_option("--threads", a->threads, "I/O threads (default: the hardware threads)");
  cmd->add_option("--access-log", a->access_log, "Append the access log (JSON lines) here instead of stderr")
      ->type_name("FILE");
  cmd->add_option("--rate-limit", a->rate, "Requests per second per API key (0: no limit)")->capture_default_str();
  cmd->add_option("--rate-burst", a->burst, "Burst size of the per-key rate limit")->capture_default_str();
  cmd->add_option("--body-limit", a->body_limit, "Largest request body in bytes (larger: 413)")->capture_default_str();
  cmd->add_option("--shutdown-grace", a->grace_s, "Seconds in-flight requests get at shutdown")->capture_default_str();
  cmd->add_option("--key-cache", a->key_cache_s, "Seconds a looked-up API key is trusted (revocation delay)")
      ->capture_default_str();
  cmd->add_option("--sim-workers", a->sim_workers, "Simulation jobs run at once (one thread each)")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  cmd->add_option("--sim-queue", a->sim_queue, "Simulation jobs that may wait for a worker (more: 503)")
      ->check(CLI::Range(0, 10'000))
      ->capture_default_str();
  cmd->add_option("--sim-ttl", a->sim_ttl_s, "Seconds a finished simulation job is kept (in memory only)")
      ->check(CLI::Range(1.0, 30.0 * 86400))
      ->capture_default_str();
  cmd->callback([a] {
    using namespace service;
    auto store = open_db(a->db);
    const query::Engine engine = query::Engine::open(a->network);
    // Services or rates with mistakes would fail every timetabled query: refused here, with
    // their diagnostics (exit 1), before the port opens.
    engine.throw_if_invalid();
    // Built before the port opens, so that the first requests do not pay for it.
    const auto warm_start = std::chrono::steady_clock::now();
    engine.warm_up();
    const std::chrono::duration<double, std::milli> warm = std::chrono::steady_clock::now() - warm_start;
    say("landbridge serve: engine warmed up in {:.0f} ms (location index, static and timetabled planners)\n",
        warm.count());
    Desk desk(engine, *store);
    JobQueue jobs({.workers = a->sim_workers,
                   .max_queued = a->sim_queue,
                   .ttl = std::chrono::seconds(static_cast<long>(a->sim_ttl_s))});
    http::Router router;
    http::add_api_routes(router, {.engine = engine, .store = *store, .desk = desk,
                                  .network_name = a->network.empty() ? "eurasia (built in)" : a->network,
                                  .jobs = &jobs});
    http::Authenticator auth(*store, std::chrono::milliseconds(static_cast<long>(a->key_cache_s * 1000)));
    http::RateLimiter limiter(a->rate, a->burst);
    const http::StaticFiles web(a->web.empty() ? http::default_web_dir() : std::filesystem::path(a->web));
    const http::App api(std::move(router), &auth, &limiter, {.web = &web});
    std::unique_ptr<http::AccessLog> log =
        a->access_log.empty() ? std::make_unique<http::AccessLog>() : std::make_unique<http::AccessLog>(a->access_log);

    http::ServerConfig cfg;
    cfg.bind = a->bind;
    cfg.port = static_cast<std::uint16_t>(a->port);
    cfg.threads = a->threads;
    cfg.body_limit = a->body_limit;
    cfg.shutdown_grace = std::chrono::milliseconds(static_cast<long>(a->grace_s * 1000));
    cfg.handle_signals = true;
    http::Server server(cfg, [&api](http::Request& q) { return api.handle(q); }, log.get());
    try {
      server.start();
    } catch (const std::runtime_error& e) {
      say("error: {}\n", e.what());
      throw CLI::RuntimeError(kUsage);
    }
    say("landbridge serve: listening on http://{}:{} ({} threads, database {}); SIGTERM or Ctrl-C stops\n", a->bind,
        server.port(), a->threads ? a->threads : std::max(1u, std::thread::hardware_concurrency()), store->backend());
    if (web.has_index()) {
      say("landbridge serve: web page: http://{}:{}/\n", a->bind, server.port());
    } else {
      say("landbridge serve: warning: no web page (no index.html in {}); build it with `{}` or give --web DIR\n",
          web.dir().string(), http::kWebBuildCommand);
    }
    server.wait();
    say("landbridge serve: stopped\n");
  });
}

}  // namespace landbridge::cli
