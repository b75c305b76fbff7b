#include "background.h"

#include <chrono>
#include <exception>
#include <optional>
#include <thread>

namespace py = pybind11;

namespace landbridge::py_module {

void Progress::report(std::size_t done, std::size_t total) {
  {
    const std::lock_guard lock(mu_);
    done_ = done;
    total_ = total;
  }
  cv_.notify_one();
}

void run_released(const std::function<void(Progress&, std::stop_token)>& work, const py::object& progress) {
  Progress prog;
  std::exception_ptr failed;                    // the work's exception
  std::optional<py::error_already_set> raised;  // Ctrl-C, or the callback's exception
  {
    std::jthread worker([&](std::stop_token stop) {
      try {
        work(prog, stop);
      } catch (...) {
        failed = std::current_exception();
      }
      {
        const std::lock_guard lock(prog.mu_);
        prog.finished_ = true;
      }
      prog.cv_.notify_one();
    });
    std::size_t reported = 0;
    for (;;) {
      bool finished = false;
      std::size_t done = 0, total = 0;
      {
        py::gil_scoped_release nogil;
        std::unique_lock lock(prog.mu_);
        prog.cv_.wait_for(lock, std::chrono::milliseconds(100),
                          [&] { return prog.finished_ || prog.done_ != reported; });
        finished = prog.finished_;
        done = prog.done_;
        total = prog.total_;
      }
      if (!raised && PyErr_CheckSignals() != 0) {
        raised.emplace();  // takes the pending KeyboardInterrupt (or the signal handler's exception)
        worker.request_stop();
      }
      // Noted even when nobody is told: the wait above returns at once while done differs
      // from reported, which without a callback (or after Ctrl-C) would spin this thread.
      if (done != reported) {
        reported = done;
        if (!raised && !progress.is_none()) {
          try {
            progress(done, total);
          } catch (py::error_already_set& e) {
            raised.emplace(std::move(e));
            worker.request_stop();
          }
        }
      }
      if (finished) break;
    }
    py::gil_scoped_release nogil;
    worker.join();
  }
  if (raised) throw std::move(*raised);
  if (failed) std::rethrow_exception(failed);
}

}  // namespace landbridge::py_module
