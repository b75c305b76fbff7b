// landbridge.sweep: a scenario sweep as `landbridge sweep SWEEP.toml --json` runs it
// (sweep/run.h, docs/sweeps.md), its table (table.json) as a dict. The cells run on a worker
// thread with the GIL released (background.h); Ctrl-C stops the sweep once the replications
// under way finish, keeping the finished cells in the output folder (a later call resumes),
// and raises KeyboardInterrupt. Built only when the build has the sweep library.
#include "bindings.h"

#ifdef LANDBRIDGE_PY_SWEEP

#include <pybind11/stl.h>

#include <atomic>
#include <optional>
#include <stop_token>
#include <string>
#include <vector>

#include "background.h"
#include "json_py.h"
#include "landbridge/sweep/run.h"
#include "run_overrides.h"

namespace py = pybind11;
using namespace pybind11::literals;

namespace landbridge::py_module {

void bind_sweep(py::module_& m) {
  m.def(
      "sweep",
      [](const std::string& sweep_toml, const std::string& out, std::optional<int> replications,
         std::optional<std::uint64_t> seed, unsigned threads, const std::vector<std::string>& plots, bool fresh,
         const py::object& progress) {
        check_run_overrides(replications, seed);
        nlohmann::json table;
        run_released(
            [&](Progress& prog, std::stop_token stop) {
              std::atomic<bool> stop_flag{false};
              const std::stop_callback on_stop(stop, [&stop_flag] { stop_flag.store(true); });
              sweep::RunOptions o;
              o.out = out;
              o.threads = threads;
              o.replications = replications;
              o.seed = seed;
              o.plots = plots;
              o.fresh = fresh;
              o.stop = &stop_flag;
              o.on_replication = [&prog](std::size_t done, std::size_t total) { prog.report(done, total); };
              table = sweep::run_json(sweep_toml, o);
            },
            progress);
        return to_python(table);
      },
      "sweep"_a, "out"_a = "", "replications"_a = py::none(), "seed"_a = py::none(), "threads"_a = 0u,
      "plots"_a = std::vector<std::string>{}, "fresh"_a = false, "progress"_a = py::none(),
      "Runs a sweep (TOML) as `landbridge sweep --json` does and returns its table.");
}

}  // namespace landbridge::py_module

#else

namespace landbridge::py_module {

void bind_sweep(pybind11::module_&) {}

}  // namespace landbridge::py_module

#endif
