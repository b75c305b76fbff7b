// Runs the real `landbridge` binary (LANDBRIDGE_CLI) as a user would: arguments through the
// shell, stdout captured, stderr through a file in the test's own scratch folder.
#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

#include "../support/scratch.h"

namespace landbridge::testing_support {

struct CliRun {
  int code = -1;    // exit status; -1 when the binary did not exit normally
  std::string out;  // stdout
  std::string err;  // stderr
};

inline CliRun run(const std::string& args) {
  const auto err_file = scratch_dir() / "stderr.txt";
  const std::string cmd = std::string(LANDBRIDGE_CLI) + " " + args + " 2>" + err_file.string();
  CliRun r;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  std::array<char, 4096> buf{};
  std::size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  const int status = pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream e(err_file);
  r.err.assign(std::istreambuf_iterator<char>(e), {});
  return r;
}

}  // namespace landbridge::testing_support
