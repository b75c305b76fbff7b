// Pieces shared by the thread and the MPI paths of run_tasks (not part of the API).
#pragma once

#include <cstddef>
#include <exception>
#include <functional>
#include <string>
#include <vector>

#include "landbridge/ensemble/tasks.h"

namespace landbridge::ensemble::detail {

// Threads to start for `requested` (0: the CPUs this process may run on).
unsigned worker_count(unsigned requested);

// what() of the exception, or "unknown exception".
std::string describe(const std::exception_ptr& e);

// "task 3 failed on rank 1: <what>"
std::string task_failure(std::size_t index, int rank, const std::string& what);

#ifdef LANDBRIDGE_HAVE_MPI
// run_tasks over the ranks of an MPI job (size > 1), in tasks_mpi.cpp.
std::vector<std::string> run_tasks_mpi(std::size_t n, const TaskOptions& options,
                                       const std::function<std::string(std::size_t)>& task);
#endif

}  // namespace landbridge::ensemble::detail
