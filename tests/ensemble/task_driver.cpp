// A small program over run_tasks for the MPI tests (mpi_tasks.sh): run it under mpirun.
//
//   ensemble_task_driver N [--threads T] [--fail K] [--fail-rank R] [--tag-rank] [--desert R]
//
// Task i sleeps a few milliseconds (uneven on purpose) and returns "task i". --fail K: task K
// throws. --fail-rank R: every task that runs on rank R throws. --tag-rank: each result also
// names the rank that ran it. --desert R: rank R fails before run_tasks (exit 4) and leaves
// the others waiting for it, so Ranks::finish must end the job.
// The root prints the results in order, one a line, then "progress D/T" (the last progress
// call), and exits 0; a failure prints "error: <message>" on the root only and exits 3.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <thread>

#include "landbridge/ensemble/tasks.h"

int main(int argc, char** argv) {
  using namespace landbridge::ensemble;
  Ranks& ranks = Ranks::init(argc, argv);
  if (argc < 2) {
    if (ranks.root()) std::fprintf(stderr, "usage: %s N [--threads T] [--fail K] [--fail-rank R] [--tag-rank]\n", argv[0]);
    return ranks.finish(2);
  }
  const std::size_t n = std::strtoul(argv[1], nullptr, 10);
  unsigned threads = 1;
  long fail = -1;
  int fail_rank = -1;
  int desert = -1;
  bool tag_rank = false;
  for (int a = 2; a < argc; ++a) {
    const std::string arg = argv[a];
    if (arg == "--threads" && a + 1 < argc) threads = static_cast<unsigned>(std::strtoul(argv[++a], nullptr, 10));
    else if (arg == "--fail" && a + 1 < argc) fail = std::strtol(argv[++a], nullptr, 10);
    else if (arg == "--fail-rank" && a + 1 < argc) fail_rank = std::atoi(argv[++a]);
    else if (arg == "--tag-rank") tag_rank = true;
    else if (arg == "--desert" && a + 1 < argc) desert = std::atoi(argv[++a]);
  }
  std::size_t last_done = 0, last_total = 0;
  TaskOptions options{.threads = threads};
  options.progress = [&](std::size_t done, std::size_t total) {
    last_done = done;
    last_total = total;
  };
  if (ranks.rank() == desert) {
    const std::string why = "error: rank " + std::to_string(desert) + " could not start\n";
    if (ranks.root()) std::fputs(why.c_str(), stderr);
    return ranks.finish(4, why, 2.0);
  }
  std::string message;
  int code = 0;
  try {
    const auto results = run_tasks(n, options, [&](std::size_t i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(2 + (i * 7) % 11));
      if (static_cast<long>(i) == fail || ranks.rank() == fail_rank)
        throw std::runtime_error("deliberate failure of task " + std::to_string(i));
      std::string r = "task " + std::to_string(i);
      if (tag_rank) r += " rank " + std::to_string(ranks.rank());
      return r;
    });
    if (ranks.root()) {
      for (const std::string& r : results) std::printf("%s\n", r.c_str());
      std::printf("progress %zu/%zu\n", last_done, last_total);
    }
  } catch (const std::exception& e) {
    message = std::string("error: ") + e.what() + "\n";
    code = 3;
  }
  if (ranks.root() && !message.empty()) std::fputs(message.c_str(), stderr);
  std::fflush(stdout);
  return ranks.finish(code, message);
}
