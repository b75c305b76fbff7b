// Long calls of the module (simulate, sweep): the work runs on a worker thread with the GIL
// released, while the calling thread waits, waking at least every 100 ms to
//   * honour Ctrl-C: a pending KeyboardInterrupt (PyErr_CheckSignals, main thread only)
//     requests the worker's stop token; once the worker has stopped, it is raised;
//   * call the optional progress callback progress(done, total), with the GIL, on the calling
//     thread, whenever the worker reported more done; an exception it raises stops the worker
//     the same way and is re-raised.
// Otherwise the work's own exception, if any, is rethrown (translated by errors.cpp).
#pragma once

#include <pybind11/pybind11.h>

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <stop_token>

namespace landbridge::py_module {

// What the worker reports, read by the waiting caller.
class Progress {
 public:
  // From any thread: `done` of `total` finished.
  void report(std::size_t done, std::size_t total);

 private:
  friend void run_released(const std::function<void(Progress&, std::stop_token)>&, const pybind11::object&);
  std::mutex mu_;
  std::condition_variable cv_;
  std::size_t done_ = 0, total_ = 0;
  bool finished_ = false;
};

// Runs `work` as described above; needs the GIL (and gives it up while waiting).
void run_released(const std::function<void(Progress&, std::stop_token)>& work, const pybind11::object& progress);

}  // namespace landbridge::py_module
