// The MPI side of the ensemble layer (built only with LANDBRIDGE_HAVE_MPI).
#pragma once

#include <mpi.h>

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace landbridge::ensemble::detail {

// The communicator of run_tasks' messages: a duplicate of MPI_COMM_WORLD made by Ranks::init,
// so that no other message of the program can be taken for one of ours.
MPI_Comm task_comm();

// Throws landbridge::Error("MPI: <what> failed: <MPI's message>") when rc is not MPI_SUCCESS.
void check(int rc, const char* what);

// Waits for a non-blocking operation by testing it and sleeping between tests (from 20 µs up to
// 1 ms): OpenMPI's blocking calls spin at 100 % CPU, which on a machine with more ranks than
// cores takes the CPU from the ranks still computing.
void wait_sleeping(MPI_Request& request);

// The sleep between two polls of an idle loop: doubles from 20 µs up to `max_us`; reset(): 20 µs.
class Backoff {
 public:
  explicit Backoff(long max_us = 1000) : max_us_(max_us) {}
  void reset() { us_ = 20; }
  long next();  // the delay to sleep now, in microseconds

  // One turn of an idle loop's end: after a turn that did something, back to the shortest delay;
  // else waits on `cv` (under `mutex`) until `ready()` or the next delay has passed.
  template <class Ready>
  void pause_unless(bool busy, std::mutex& mutex, std::condition_variable& cv, Ready ready) {
    if (busy) {
      reset();
      return;
    }
    std::unique_lock lock(mutex);
    cv.wait_for(lock, std::chrono::microseconds(next()), ready);
  }

 private:
  long us_ = 20;
  long max_us_;
};

}  // namespace landbridge::ensemble::detail
