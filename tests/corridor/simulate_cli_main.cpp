// Stand-alone driver for apps/landbridge/cmd_simulate.cpp (compile check and manual runs).
#include <exception>
#include <iostream>

#include "cli.h"

namespace landbridge::cli {
void register_simulate(CLI::App& app);
}

int main(int argc, char** argv) {
  CLI::App app{"landbridge (simulate only)"};
  app.require_subcommand(1);
  landbridge::cli::register_simulate(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::RuntimeError& e) {
    return e.get_exit_code();
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 4;
  }
  return 0;
}
