// landbridge command line: a thin front end over the library.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

int main(int argc, char** argv) {
  CLI::App app{"landbridge: plan and simulate container freight on multimodal Eurasian corridors"};
  app.set_version_flag("--version", LANDBRIDGE_VERSION);
  app.require_subcommand(1);
  CLI11_PARSE(app, argc, argv);
  return 0;
}
