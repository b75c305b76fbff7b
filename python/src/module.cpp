// The compiled half of the `landbridge` Python package (python/landbridge/__init__.py is the
// other): thin bindings over the same library entry points as the command line.
#include <pybind11/pybind11.h>

#include "bindings.h"
#include "errors.h"

namespace py = pybind11;

PYBIND11_MODULE(_landbridge, m) {
  m.doc() = "landbridge engine bindings (use the `landbridge` package, not this module directly)";
  landbridge::py_module::register_errors(m);
  landbridge::py_module::bind_engine(m);
  landbridge::py_module::bind_simulate(m);
  landbridge::py_module::bind_sweep(m);
#ifdef LANDBRIDGE_VERSION
  m.attr("__version__") = LANDBRIDGE_VERSION;
#endif
}
