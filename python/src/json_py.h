// JSON values as plain Python objects: the module answers with the same JSON the command line
// prints (route --json, simulate --json, ...), as dicts, lists, str, int, float, bool and None.
#pragma once

#include <pybind11/pybind11.h>

#include <nlohmann/json.hpp>

namespace landbridge::py_module {

// Objects keep their keys' order (sorted for nlohmann::json, as written for ordered_json).
// Needs the GIL.
pybind11::object to_python(const nlohmann::json& j);
pybind11::object to_python(const nlohmann::ordered_json& j);

}  // namespace landbridge::py_module
