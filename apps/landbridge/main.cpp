// landbridge command line: a thin front end over the library. Each subcommand lives in its
// own cmd_*.cpp and only parses arguments, calls the library and prints (output.h).
#include <CLI/CLI.hpp>

#include <iostream>
#include <new>
#include <sstream>

#include "cli.h"
#include "landbridge/core/error.h"
#include "landbridge/corridor/scenario.h"
#include "landbridge/ensemble/tasks.h"
#include "output.h"

namespace {

// CLI11's help, version and usage text; nothing on the ranks other than the root of an MPI job.
int exit_app(CLI::App& app, const CLI::Error& e) {
  if (!landbridge::cli::quiet()) return app.exit(e);
  std::ostringstream sink;
  return app.exit(e, sink, sink);
}

// Maps what the subcommands throw to the exit codes of the table in the footer (and README).
// Every message goes through cli::say, which never throws.
int run(CLI::App& app, int argc, char** argv) {
  using namespace landbridge;
  try {
    app.parse(argc, argv);
    return cli::kOk;
  } catch (const CLI::RuntimeError& e) {
    return e.get_exit_code();  // subcommands signal their exit code this way; they printed already
  } catch (const CLI::CallForHelp& e) {
    return exit_app(app, e);
  } catch (const CLI::CallForAllHelp& e) {
    return exit_app(app, e);
  } catch (const CLI::CallForVersion& e) {
    return exit_app(app, e);
  } catch (const CLI::ParseError& e) {
    exit_app(app, e);
    return cli::kUsage;
  } catch (const cli::OutputError& e) {
    cli::say("error: {}\n", e.what());
    return cli::kOutput;
  } catch (const RequestError& e) {  // unknown place (with suggestions), bad --avoid, FROM = TO
    cli::say("error: {}\n", e.what());
    return cli::kUsage;
  } catch (const LoadError& e) {
    for (const Diagnostic& d : e.diagnostics()) cli::say("error: {}\n", d.to_string());
    return cli::kInvalidInput;
  } catch (const corridor::ScenarioError& e) {
    cli::say("error: {}\n", e.what());
    return cli::kInvalidInput;
  } catch (const std::bad_alloc&) {
    cli::say("error: out of memory\n");
    return cli::kInternal;
  } catch (const std::exception& e) {
    cli::say("internal error (a bug, please report it): {}\n", e.what());
    return cli::kInternal;
  }
}

}  // namespace

int main(int argc, char** argv) {
  using namespace landbridge;
  // Under mpirun or srun this joins the MPI job (docs/cluster.md); else a single rank.
  ensemble::Ranks* ranks = nullptr;
  try {
    ranks = &ensemble::Ranks::init(argc, argv);
  } catch (const std::exception& e) {
    cli::say("error: {}\n", e.what());
    return cli::kInternal;
  }
  cli::set_quiet(!ranks->root());  // only the root prints and writes files
  CLI::App app{"landbridge: plan and simulate container freight on multimodal Eurasian corridors"};
  app.set_version_flag("--version", LANDBRIDGE_VERSION);
  app.require_subcommand(1);
  app.footer(
      "Exit codes:\n"
      "  0  ok\n"
      "  1  invalid input file: network package, scenario or demand CSV (file, line and field named)\n"
      "  2  usage: bad argument, unknown or ambiguous place, nothing to do (FROM = TO)\n"
      "  3  no route, with the reason\n"
      "  4  internal error: a bug, please report it\n"
      "  5  output could not be written (standard output, standard error or -o FILE)\n"
      "  130  sweep interrupted (Ctrl-C): its finished cells are kept, run it again to resume\n"
      "Run 'landbridge SUBCOMMAND --help' for the options of each subcommand.");
  cli::register_route(app);
  cli::register_chart(app);
  cli::register_simulate(app);
  cli::register_sweep(app);
  cli::register_validate(app);
  cli::register_export(app);
  cli::register_keys(app);
  cli::register_serve(app);
  cli::register_assign(app);
  const int code = cli::finish_output(run(app, argc, argv));
  return ranks->finish(code, cli::held_back());
}
