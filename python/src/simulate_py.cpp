// landbridge.simulate: a corridor scenario run as `landbridge simulate SCENARIO --json` runs it
// (corridor/model.h, corridor/study.h), the KPI summary as a dict and, when asked, replication
// 0's per-box records as a NumPy structured array that views the engine's own vector (no copy).
//
// The replications run on a worker thread with the GIL released (background.h): Ctrl-C stops
// them at their next simulated day and raises KeyboardInterrupt; the progress callback is
// called on the calling thread as replications finish.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

#include "background.h"
#include "bindings.h"
#include "json_py.h"
#include "landbridge/corridor/model.h"
#include "landbridge/corridor/scenario.h"
#include "landbridge/corridor/study.h"
#include "landbridge/io/services.h"
#include "landbridge/query/engine.h"
#include "run_overrides.h"

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
};

// The CLI's preparation (apps/landbridge/cmd_simulate.cpp) and run, on the worker thread.
void run_study(const SimulateArgs& a, Progress& prog, Outcome& out, std::stop_token stop) {
  check_run_overrides(a.replications, a.seed, " (a confidence interval needs two)");
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
  prog.report(0, n);
  corridor::StudyRun study;
  study.model = &model;
  study.replications = corridor::run_replications(
      model, n, a.threads, [&prog](std::size_t done, std::size_t total) { prog.report(done, total); }, stop);
  study.summary = corridor::summarise(model, study.replications);
  out.summary_json = corridor::study_json(study, nullptr);
  if (a.records) (void)model.run(0, &out.records, stop);
}

// The record's fields by name, at their offsets in the C++ struct: the array is a view of it.
// Registered on first use (it imports NumPy), with the GIL held.
void register_record_dtype() {
  static bool registered = false;
  if (registered) return;
  PYBIND11_NUMPY_DTYPE(BoxRecord, id, flow, ready_h, delivered_h, wait_departure_h, wait_crane_h, service_crane_h,
                       border_h, handling_h, closure_h, wait_path_h, dwell_h, wait_operation_h, reroutes, running_h);
  registered = true;
}

// Replication 0's records as a structured array viewing the vector, which the capsule owns.
py::array records_array(std::vector<BoxRecord>&& records) {
  register_record_dtype();
  auto* owned = new std::vector<BoxRecord>(std::move(records));
  py::capsule keeper(owned, [](void* p) { delete static_cast<std::vector<BoxRecord>*>(p); });
  return py::array_t<BoxRecord>({static_cast<py::ssize_t>(owned->size())}, {sizeof(BoxRecord)}, owned->data(),
                                keeper);
}

py::dict simulate(const SimulateArgs& a, const py::object& progress) {
  Outcome out;
  run_released([&](Progress& prog, std::stop_token stop) { run_study(a, prog, out, stop); }, progress);
  py::dict result(to_python(nlohmann::ordered_json::parse(out.summary_json)));
  if (a.records) result["records"] = records_array(std::move(out.records));
  return result;
}

}  // namespace

void bind_simulate(py::module_& m) {
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
  // The record's dtype (landbridge.box_record_dtype, looked up on first use: NumPy is imported
  // only when records are asked for, so that routes need no NumPy).
  m.def("box_record_dtype", [] {
    register_record_dtype();
    return py::dtype::of<BoxRecord>();
  });
}

}  // namespace landbridge::py_module
