// landbridge command line: a thin front end over the library. Each subcommand lives in its
// own cmd_*.cpp and only parses arguments, calls the library and prints.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli.h"
#include "landbridge/core/error.h"
#include "landbridge/route/locate.h"

int main(int argc, char** argv) {
  using namespace landbridge;
  CLI::App app{"landbridge: plan and simulate container freight on multimodal Eurasian corridors"};
  app.set_version_flag("--version", LANDBRIDGE_VERSION);
  app.require_subcommand(1);
  app.footer(
      "Exit codes: 0 ok, 1 invalid input (validate), 2 usage or unknown location, 3 no route, 4 internal error.\n"
      "Run 'landbridge SUBCOMMAND --help' for the options of each subcommand.");
  cli::register_route(app);
  cli::register_chart(app);
  cli::register_simulate(app);
  cli::register_validate(app);
  cli::register_export(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::RuntimeError& e) {
    return e.get_exit_code();  // subcommands signal their exit code this way; they printed already
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return cli::kUsage;
  } catch (const route::LocateError& e) {
    fmt::print(stderr, "error: {}\n", e.what());  // names the place and suggests close ones
    return cli::kUsage;
  } catch (const LoadError& e) {
    for (const Diagnostic& d : e.diagnostics()) fmt::print(stderr, "error: {}\n", d.to_string());
    return cli::kInvalidInput;
  } catch (const std::exception& e) {
    fmt::print(stderr, "error: {}\n", e.what());
    return cli::kInternal;
  }
  return cli::kOk;
}
