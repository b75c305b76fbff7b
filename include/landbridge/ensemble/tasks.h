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
#include <exception>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "landbridge/core/error.h"

namespace landbridge::ensemble {

class Ranks {
 public:
  // Initialises MPI (MPI_Init_thread, funneled) when launched by mpirun or srun (the
  // environment shows OMPI_COMM_WORLD_SIZE, PMI_RANK/PMI_SIZE or PMIX_RANK); never a singleton
  // init. Finalises at exit. Later calls return the same object.
  static Ranks& init(int& argc, char**& argv);
  // The object made by init; a single rank (0 of 1) when init was never called (tests, Python).
  static Ranks& get();

  // Whether every rank passes `ok` = true (a collective call; true without MPI). For checks
  // that only the root makes (an output folder) before a collective run_tasks.
  [[nodiscard]] bool all_ok(bool ok) const;

  // The last call of main, with its exit code; returns it. Under MPI with more than one rank,
  // waits (sleeping, not spinning) for the other ranks to end too, so that MPI is finalised by
  // all; a rank that fails (code != 0) while the others are still inside run_tasks or waiting
  // for it would hang the job, so after `grace_s` seconds without them it aborts the job
  // (MPI_Abort with the code), first printing `last_words` (e.g. its error message) on stderr.
  int finish(int code, const std::string& last_words = "", double grace_s = 5.0);

  [[nodiscard]] int rank() const { return rank_; }
  [[nodiscard]] int size() const { return size_; }
  [[nodiscard]] bool root() const { return rank_ == 0; }
  [[nodiscard]] bool mpi() const { return mpi_; }  // running under MPI (size may still be 1)

 private:
  int rank_ = 0, size_ = 1;
  bool mpi_ = false;
  bool finished_ = false;
};

struct TaskOptions {
  // Worker threads per rank (0: one per core this process may run on, its CPU affinity).
  // Under MPI with several ranks, the root's main thread hands out tasks and gathers results
  // while its `threads` workers compute; the other ranks' main threads talk to the root.
  unsigned threads = 1;
  // On the root, after every finished task, serialised: done so far, total (both count only
  // the tasks that run: skipped ones are left out).
  std::function<void(std::size_t done, std::size_t total)> progress;
  // On the root, as each task's result arrives (any order, serialised, before `progress`): a
  // sweep writes a finished cell to disk here, so an interrupted run can resume.
  std::function<void(std::size_t index, const std::string& result)> on_result;
  // false: each result goes to on_result only and its slot in the returned vector stays ""
  // (a caller that decodes results as they come need not hold every byte twice).
  bool keep_results = true;
  // Tasks the root already has (a resumed sweep): not run; their slots in the result are "".
  // Asked on the root only.
  std::function<bool(std::size_t index)> skip;
};

// A task that threw: the message names the task and the rank it ran on. Thrown on every rank
// (the root after telling the other ranks to stop).
class TaskError : public Error {
 public:
  using Error::Error;
  TaskError(const std::string& message, std::exception_ptr original)
      : Error(message), original_(std::move(original)) {}
  // The task's own exception where it ran in this process (else null): a single-process
  // caller can rethrow it to report the failure as it did before run_tasks.
  [[nodiscard]] const std::exception_ptr& original() const { return original_; }

 private:
  std::exception_ptr original_;
};

// Runs task(0) ... task(n-1) over every rank and its threads; on the root returns the results
// in index order, on the other ranks an empty vector. Every rank must call it with the same n
// (a collective call). Byte results: encode with nlohmann::json::to_cbor or similar. When tasks
// throw, no new task starts and the one with the lowest index among those that failed is
// reported (TaskError: "task 3 failed on rank 1: <what>"). An exception from on_result or
// progress stops the run the same way and is rethrown as it is on the root (the other ranks
// throw a TaskError that quotes it).
std::vector<std::string> run_tasks(std::size_t n, const TaskOptions& options,
                                   const std::function<std::string(std::size_t)>& task);

}  // namespace landbridge::ensemble
