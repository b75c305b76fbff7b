// Which Algorithm answers each Method, and the methods' names on the command line.
#include <fmt/format.h>

#include "algorithm.h"
#include "bush.h"

namespace landbridge::assign {

std::unique_ptr<Algorithm> make_algorithm(const Options& options) {
  switch (options.method) {
    case Method::all_or_nothing: return make_all_or_nothing();
    case Method::frank_wolfe: return make_frank_wolfe(Direction::frank_wolfe, options);
    case Method::conjugate_fw: return make_frank_wolfe(Direction::conjugate, options);
    case Method::biconjugate_fw: return make_frank_wolfe(Direction::biconjugate, options);
    case Method::bush: return bush::make_algorithm(options);
  }
  throw ProblemError("unknown assignment method");
}

Method parse_method(std::string_view name) {
  if (name == "aon") return Method::all_or_nothing;
  if (name == "fw") return Method::frank_wolfe;
  if (name == "cfw") return Method::conjugate_fw;
  if (name == "bfw") return Method::biconjugate_fw;
  if (name == "bush" || name == "algorithm-b") return Method::bush;
  throw ProblemError(fmt::format("unknown assignment method '{}': expected aon, fw, cfw, bfw or bush", name));
}

std::string_view method_name(Method m) {
  switch (m) {
    case Method::all_or_nothing: return "aon";
    case Method::frank_wolfe: return "fw";
    case Method::conjugate_fw: return "cfw";
    case Method::biconjugate_fw: return "bfw";
    case Method::bush: return "bush";
  }
  return "?";
}

}  // namespace landbridge::assign
