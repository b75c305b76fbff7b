// The module's parts, one per topic; module.cpp calls each once.
#pragma once

#include <pybind11/pybind11.h>

namespace landbridge::py_module {

void bind_engine(pybind11::module_& m);    // engine_py.cpp: Engine (locate, route, schedule, chart, node, link)
void bind_simulate(pybind11::module_& m);  // simulate_py.cpp: simulate (KPIs, per-box records)
void bind_sweep(pybind11::module_& m);     // sweep_py.cpp: sweep (when the build has lb_sweep)

}  // namespace landbridge::py_module
