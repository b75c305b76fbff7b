#include "errors.h"

#include <charconv>
#include <string>
#include <string_view>

#include "landbridge/core/error.h"
#include "landbridge/corridor/scenario.h"
#include "landbridge/place/door.h"
#include "landbridge/query/engine.h"
#include "landbridge/route/locate.h"
#include "landbridge/sim/replications.h"

namespace py = pybind11;

namespace landbridge::py_module {
namespace {

// The types, created once when the module is imported (and kept for the interpreter's life).
struct Types {
  PyObject* error = nullptr;
  PyObject* load = nullptr;
  PyObject* request = nullptr;
  PyObject* query = nullptr;
  PyObject* scenario = nullptr;
  PyObject* cancelled = nullptr;
};
Types g_types;

PyObject* new_type(py::module_& m, const char* name, py::tuple bases, const char* doc) {
  const std::string qualified = std::string("landbridge.") + name;
  PyObject* t = PyErr_NewExceptionWithDoc(qualified.c_str(), doc, bases.ptr(), nullptr);
  if (t == nullptr) throw py::error_already_set();
  m.add_object(name, py::reinterpret_borrow<py::object>(t));
  return t;
}

py::tuple bases(PyObject* a, PyObject* b = nullptr) {
  if (b == nullptr) return py::make_tuple(py::reinterpret_borrow<py::object>(a));
  return py::make_tuple(py::reinterpret_borrow<py::object>(a), py::reinterpret_borrow<py::object>(b));
}

// Raises `type(message)` with the attributes `attrs` sets on the instance.
template <class SetAttrs>
void raise(PyObject* type, const char* message, SetAttrs attrs) {
  py::object exc = py::reinterpret_borrow<py::object>(type)(py::str(message));
  attrs(exc);
  PyErr_SetObject(type, exc.ptr());
}

const char* problem_name(query::Problem p) {
  switch (p) {
    case query::Problem::bad_request: return "bad_request";
    case query::Problem::no_route: return "no_route";
    case query::Problem::not_found: return "not_found";
  }
  return "bad_request";
}

// A scenario message "FILE:LINE: field 'FIELD': WHAT", "FILE: field 'FIELD': WHAT" or
// "FILE:LINE: WHAT" (corridor/scenario.h, scenario_error) taken apart; a message of another
// form is all detail.
struct ScenarioParts {
  std::string file, field, detail;
  int line = 0;
};
ScenarioParts split_scenario_message(std::string_view msg) {
  ScenarioParts p;
  p.detail = std::string(msg);
  const std::string_view field_tag = ": field '";
  std::size_t head_end = msg.find(field_tag);
  std::string_view head, rest;
  if (head_end != std::string_view::npos) {
    head = msg.substr(0, head_end);
    const std::size_t name_begin = head_end + field_tag.size();
    const std::size_t name_end = msg.find("': ", name_begin);
    if (name_end == std::string_view::npos) return p;
    p.field = std::string(msg.substr(name_begin, name_end - name_begin));
    rest = msg.substr(name_end + 3);
  } else {
    // "FILE:LINE: WHAT": the first ": " after a line number.
    const std::size_t sep = msg.find(": ");
    if (sep == std::string_view::npos) return p;
    head = msg.substr(0, sep);
    rest = msg.substr(sep + 2);
  }
  // head is FILE or FILE:LINE.
  const std::size_t colon = head.rfind(':');
  int line = 0;
  if (colon != std::string_view::npos) {
    const std::string_view digits = head.substr(colon + 1);
    const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), line);
    if (ec == std::errc() && ptr == digits.data() + digits.size() && !digits.empty()) {
      p.line = line;
      head = head.substr(0, colon);
    } else if (head_end == std::string_view::npos) {
      return p;  // no line and no field: not the documented form
    }
  } else if (head_end == std::string_view::npos) {
    return p;
  }
  p.file = std::string(head);
  p.detail = std::string(rest);
  return p;
}

py::list diagnostics_list(const std::vector<Diagnostic>& diags) {
  py::list out;
  for (const Diagnostic& d : diags) {
    py::dict x;
    x["file"] = d.file;
    x["line"] = d.line;
    x["field"] = d.field;
    x["value"] = d.value;
    x["message"] = d.message;
    out.append(std::move(x));
  }
  return out;
}

void translate(std::exception_ptr p) {
  try {
    std::rethrow_exception(p);
  } catch (const LoadError& e) {
    raise(g_types.load, e.what(), [&](py::object& x) { x.attr("diagnostics") = diagnostics_list(e.diagnostics()); });
  } catch (const query::QueryError& e) {
    raise(g_types.query, e.what(), [&](py::object& x) {
      x.attr("problem") = problem_name(e.problem());
      x.attr("field") = e.field();
    });
  } catch (const route::LocateError& e) {
    // A place that does not resolve: the query's fault, no field known here.
    raise(g_types.query, e.what(), [&](py::object& x) {
      x.attr("problem") = "bad_request";
      x.attr("field") = "";
    });
  } catch (const place::NoAccessError& e) {
    raise(g_types.query, e.what(), [&](py::object& x) {
      x.attr("problem") = "no_route";
      x.attr("field") = "";
    });
  } catch (const RequestError& e) {
    raise(g_types.request, e.what(), [](py::object&) {});
  } catch (const corridor::ScenarioError& e) {
    const ScenarioParts parts = split_scenario_message(e.what());
    raise(g_types.scenario, e.what(), [&](py::object& x) {
      x.attr("file") = parts.file;
      x.attr("line") = parts.line;
      x.attr("field") = parts.field;
      x.attr("detail") = parts.detail;
    });
  } catch (const sim::Cancelled& e) {
    raise(g_types.cancelled, e.what(), [](py::object&) {});
  } catch (const Error& e) {
    raise(g_types.error, e.what(), [](py::object&) {});
  }
}

}  // namespace

void register_errors(py::module_& m) {
  g_types.error = new_type(m, "Error", bases(PyExc_RuntimeError), "An error of the landbridge engine.");
  g_types.load = new_type(m, "LoadError", bases(g_types.error),
                          "A package or input file with errors; .diagnostics lists every problem found "
                          "as dicts with file, line, field, value and message.");
  g_types.request = new_type(m, "RequestError", bases(g_types.error, PyExc_ValueError),
                             "A request that cannot be answered as asked, whatever the data.");
  g_types.query = new_type(m, "QueryError", bases(g_types.request),
                           "A query without an answer: .problem is 'bad_request', 'no_route' or "
                           "'not_found'; .field names the offending input ('' for the whole query).");
  g_types.scenario = new_type(m, "ScenarioError", bases(g_types.error),
                              "A corridor scenario that cannot be read or run: .file, .line (0 when not "
                              "known), .field ('' when none) and .detail.");
  g_types.cancelled = new_type(m, "Cancelled", bases(g_types.error), "A run stopped before its end.");
  py::register_exception_translator(&translate);
}

}  // namespace landbridge::py_module
