#include "landbridge/core/error.h"

#include <fmt/format.h>

namespace landbridge {

std::string Diagnostic::to_string() const {
  std::string out = file.empty() ? std::string("<input>") : file;
  if (line > 0) out += fmt::format(":{}", line);
  out += ": ";
  if (!field.empty()) out += fmt::format("field '{}': ", field);
  if (!value.empty()) out += fmt::format("got '{}', ", value);
  out += message;
  return out;
}

namespace {
std::string summarize(const std::vector<Diagnostic>& d) {
  if (d.empty()) return "load failed";
  std::string s = d.front().to_string();
  if (d.size() > 1) s += fmt::format(" (and {} more problem{})", d.size() - 1, d.size() > 2 ? "s" : "");
  return s;
}
}  // namespace

LoadError::LoadError(std::vector<Diagnostic> diags)
    : Error(summarize(diags)), diags_(std::move(diags)) {}

}  // namespace landbridge
