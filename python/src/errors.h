// The engine's exceptions as Python exceptions, with the context they carry as attributes:
//   landbridge.Error            every error of the engine (landbridge::Error)
//   landbridge.LoadError        a package or input file with errors: .diagnostics, a list of
//                               {file, line, field, value, message} dicts (all problems found)
//   landbridge.RequestError     a request that cannot be answered as asked (also a ValueError)
//   landbridge.QueryError       a query in the user's words that has no answer: .problem
//                               ("bad_request", "no_route", "not_found") and .field ("from",
//                               "depart", ...; "" for the query as a whole)
//   landbridge.ScenarioError    a corridor scenario that cannot be read or run: .file, .line
//                               (0 when not known), .field ("" when none), .detail
//   landbridge.Cancelled        a run stopped before its end (sim::Cancelled)
#pragma once

#include <pybind11/pybind11.h>

namespace landbridge::py_module {

// Creates the exception types in `m` and registers the translator.
void register_errors(pybind11::module_& m);

}  // namespace landbridge::py_module
