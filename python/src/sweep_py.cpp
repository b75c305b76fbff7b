// landbridge.sweep: not in this build yet (the sweep library lands on its own branch).
#include "bindings.h"

namespace landbridge::py_module {

void bind_sweep(pybind11::module_&) {}

}  // namespace landbridge::py_module
