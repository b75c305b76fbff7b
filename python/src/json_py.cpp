#include "json_py.h"

#include <cstdint>
#include <string>

namespace py = pybind11;

namespace landbridge::py_module {
namespace {

template <class Json>
py::object convert(const Json& j) {
  using T = nlohmann::json::value_t;
  switch (j.type()) {
    case T::null:
    case T::discarded:
      return py::none();
    case T::boolean:
      return py::bool_(j.template get<bool>());
    case T::number_integer:
      return py::int_(j.template get<std::int64_t>());
    case T::number_unsigned:
      return py::int_(j.template get<std::uint64_t>());
    case T::number_float:
      return py::float_(j.template get<double>());
    case T::string:
      return py::str(j.template get_ref<const std::string&>());
    case T::binary: {
      const auto& b = j.get_binary();
      return py::bytes(reinterpret_cast<const char*>(b.data()), b.size());
    }
    case T::array: {
      py::list out(j.size());
      std::size_t i = 0;
      for (const auto& v : j) out[i++] = convert(v);
      return out;
    }
    case T::object: {
      py::dict out;
      for (const auto& [k, v] : j.items()) out[py::str(k)] = convert(v);
      return out;
    }
  }
  return py::none();
}

}  // namespace

py::object to_python(const nlohmann::json& j) { return convert(j); }
py::object to_python(const nlohmann::ordered_json& j) { return convert(j); }

}  // namespace landbridge::py_module
