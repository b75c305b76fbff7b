// landbridge.simulate: a corridor scenario run as `landbridge simulate SCENARIO --json` runs it
// (corridor/model.h, corridor/study.h), the KPI summary as a dict and, when asked, replication
// 0's per-box records as a NumPy structured array that views the engine's own vector (no copy).
//
// The replications run on a worker thread with the GIL released. The calling thread waits for
// them, waking at least every 100 ms to honour Ctrl-C (KeyboardInterrupt: the run is stopped
// at its next simulated day) and to call the progress callback, with the GIL, whenever more
// replications have finished. An exception from the callback stops the run and is re-raised.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

#include "bindings.h"
#include "json_py.h"
#include "landbridge/corridor/model.h"
#include "landbridge/corridor/scenario.h"
#include "landbridge/corridor/study.h"
#include "landbridge/io/services.h"
#include "landbridge/query/engine.h"

namespace py = pybind11;
using namespace pybind11::literals;
using landbridge::corridor::BoxRecord;

namespace landbridge::py_module {
namespace {

struct SimulateArgs {
  std::string scenario, network;
  std::optional<int> replications;
  std::optional<std::uint64_t> seed;
  unsigned threads = 0;
  bool records = false;
};

// What the worker leaves for the calling thread.
struct Outcome {
  std::string summary_json;
  std::vector<BoxRecord> records;
  std::exception_ptr error;
};

// Finished replications, shared between the worker (writes) and the waiting caller (reads).
struct Progress {
  std::mutex mu;
  std::condition_variable cv;
  std::size_t done = 0, total = 0;
  bool finished = false;
};

// The CLI's preparation (apps/landbridge/cmd_simulate.cpp) and run, on the worker thread.
void run_study(const SimulateArgs& a, Progress& prog, Outcome& out, std::stop_token stop) {
  try {
    if (a.replications && (*a.replications < 2 || *a.replications > corridor::kMaxReplications)) {
      throw RequestError("replications " + std::to_string(*a.replications) + ": from 2 to " +
                         std::to_string(corridor::kMaxReplications) + " (a confidence interval needs two)");
    }
    if (a.seed && *a.seed > static_cast<std::uint64_t>(corridor::kMaxSeed)) {
      throw RequestError("seed " + std::to_string(*a.seed) + ": from 0 to " + std::to_string(corridor::kMaxSeed));
    }
    corridor::Scenario sc = corridor::load_scenario(a.scenario);
    if (a.replications) sc.replications = *a.replications;
    if (a.seed) sc.seed = *a.seed;
    corridor::check_run_size(sc);
    const io::LoadedPackage pkg = query::load_network(!a.network.empty() ? a.network : sc.network_dir.string());
    std::vector<timetable::Service> services;
    if (corridor::uses_timetable(sc)) {
      Diagnostics diags;
      services = io::load_services(pkg.dir, pkg.network, diags);
      diags.throw_if_any();
    }
    const corridor::CorridorModel model(pkg.network, std::move(sc), services);
    const auto n = static_cast<std::size_t>(model.scenario().replications);
    {
      const std::lock_guard lock(prog.mu);
      prog.total = n;
    }
    corridor::StudyRun study;
    study.model = &model;
    study.replications = corridor::run_replications(
        model, n, a.threads,
        [&prog](std::size_t done, std::size_t) {
          {
            const std::lock_guard lock(prog.mu);
            prog.done = done;
          }
          prog.cv.notify_one();
        },
        stop);
    study.summary = corridor::summarise(model, study.replications);
    out.summary_json = corridor::study_json(study, nullptr);
    if (a.records) (void)model.run(0, &out.records, stop);
  } catch (...) {
    out.error = std::current_exception();
  }
  {
    const std::lock_guard lock(prog.mu);
    prog.finished = true;
  }
  prog.cv.notify_one();
}

// Replication 0's records as a structured array viewing the vector, which the capsule owns.
py::array records_array(std::vector<BoxRecord>&& records) {
  auto* owned = new std::vector<BoxRecord>(std::move(records));
  py::capsule keeper(owned, [](void* p) { delete static_cast<std::vector<BoxRecord>*>(p); });
  return py::array_t<BoxRecord>({static_cast<py::ssize_t>(owned->size())}, {sizeof(BoxRecord)}, owned->data(),
                                keeper);
}

py::dict simulate(const SimulateArgs& a, const py::object& progress) {
  Progress prog;
  Outcome out;
  std::optional<py::error_already_set> raised;  // Ctrl-C, or the callback's exception
  {
    std::jthread worker([&](std::stop_token stop) { run_study(a, prog, out, stop); });
    std::size_t reported = 0;
    for (;;) {
      bool finished = false;
      std::size_t done = 0, total = 0;
      {
        py::gil_scoped_release nogil;
        std::unique_lock lock(prog.mu);
        prog.cv.wait_for(lock, std::chrono::milliseconds(100),
                         [&] { return prog.finished || prog.done != reported; });
        finished = prog.finished;
        done = prog.done;
        total = prog.total;
      }
      if (!raised && PyErr_CheckSignals() != 0) {
        raised.emplace();  // takes the pending KeyboardInterrupt (or the handler's exception)
        worker.request_stop();
      }
      if (!raised && !progress.is_none() && done != reported) {
        reported = done;
        try {
          progress(done, total);
        } catch (py::error_already_set& e) {
          raised.emplace(std::move(e));
          worker.request_stop();
        }
      }
      if (finished) break;
    }
    py::gil_scoped_release nogil;
    worker.join();
  }
  if (raised) throw std::move(*raised);
  if (out.error) std::rethrow_exception(out.error);
  py::dict result(to_python(nlohmann::ordered_json::parse(out.summary_json)));
  if (a.records) result["records"] = records_array(std::move(out.records));
  return result;
}

}  // namespace

void bind_simulate(py::module_& m) {
  // The record's fields by name, at their offsets in the C++ struct: the array is a view of it.
  PYBIND11_NUMPY_DTYPE(BoxRecord, id, flow, ready_h, delivered_h, wait_departure_h, wait_crane_h, service_crane_h,
                       border_h, handling_h, closure_h, wait_path_h, dwell_h, wait_operation_h, reroutes, running_h);
  m.def(
      "simulate",
      [](const std::string& scenario, std::optional<int> replications, std::optional<std::uint64_t> seed,
         unsigned threads, bool records, const py::object& progress, const std::string& network) {
        return simulate({.scenario = scenario, .network = network, .replications = replications, .seed = seed,
                         .threads = threads, .records = records},
                        progress);
      },
      "scenario"_a, "replications"_a = py::none(), "seed"_a = py::none(), "threads"_a = 0u, "records"_a = false,
      "progress"_a = py::none(), "network"_a = "",
      "Runs a corridor scenario (TOML) as `landbridge simulate --json` does and returns its KPI summary; "
      "records=True adds replication 0's per-box records as a NumPy structured array.");
  // The record's dtype, for users who build arrays of their own.
  m.attr("box_record_dtype") = py::dtype::of<BoxRecord>();
}

}  // namespace landbridge::py_module
