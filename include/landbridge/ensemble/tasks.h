// Independent tasks spread over the processes of an MPI job and the threads of each, with the
// results gathered on the root in task order: replications of one scenario
// (`landbridge simulate` under mpirun), cells x replications of a sweep (sweep/).
//
//   ensemble::Ranks& ranks = ensemble::Ranks::init(argc, argv);   // once, first thing in main
//   auto bytes = ensemble::run_tasks(n, {.threads = 2}, [&](std::size_t i) { return encode(run(i)); });
//   if (ranks.root()) ... decode bytes[0..n) in order ...
//
// A process not started by an MPI launcher (mpirun, srun: their environment variables tell),
// or a build without MPI, is one rank of one and never touches MPI. Tasks are handed out one at
// a time as ranks ask for more (dynamic load balance), so a slow task does not idle the others;
// what a task computes must depend on its index alone, so the gathered results are the same for
// every rank and thread count.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "landbridge/core/error.h"

namespace landbridge::ensemble {

class Ranks {
 public:
  // Initialises MPI (MPI_Init_thread, funneled) when launched by mpirun or srun; finalises at
  // exit. Later calls return the same object.
  static Ranks& init(int& argc, char**& argv);
  // The object made by init; a single rank (0 of 1) when init was never called (tests, Python).
  static Ranks& get();

  [[nodiscard]] int rank() const { return rank_; }
  [[nodiscard]] int size() const { return size_; }
  [[nodiscard]] bool root() const { return rank_ == 0; }
  [[nodiscard]] bool mpi() const { return mpi_; }  // running under MPI (size may still be 1)

 private:
  int rank_ = 0, size_ = 1;
  bool mpi_ = false;
};

struct TaskOptions {
  unsigned threads = 1;  // worker threads per rank (0: all cores of the rank's machine)
  // On the root, after every finished task, serialised: done so far, total (both count only
  // the tasks that run: skipped ones are left out).
  std::function<void(std::size_t done, std::size_t total)> progress;
  // On the root, as each task's result arrives (any order, serialised, before `progress`): a
  // sweep writes a finished cell to disk here, so an interrupted run can resume.
  std::function<void(std::size_t index, const std::string& result)> on_result;
  // Tasks the root already has (a resumed sweep): not run; their slots in the result are "".
  std::function<bool(std::size_t index)> skip;
};

// A task that threw: the message names the task and the rank it ran on. Thrown on every rank
// (the root after telling the other ranks to stop).
class TaskError : public Error {
 public:
  using Error::Error;
};

// Runs task(0) ... task(n-1) over every rank and its threads; on the root returns the results
// in index order, on the other ranks an empty vector. Every rank must call it with the same n
// (a collective call). Byte results: encode with nlohmann::json::to_cbor or similar. When tasks
// throw, no new task starts and the one with the lowest index among those that failed is
// reported (TaskError: "task 3 failed on rank 1: <what>").
std::vector<std::string> run_tasks(std::size_t n, const TaskOptions& options,
                                   const std::function<std::string(std::size_t)>& task);

}  // namespace landbridge::ensemble
