// Errors with context.
//
// A Diagnostic says where a problem is (file, line, field), what value was found and what
// was expected. Loaders collect every Diagnostic they find rather than stopping at the
// first; a LoadError carries the whole list. Other failures throw landbridge::Error with a
// message that names the thing that failed.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace landbridge {

struct Diagnostic {
  std::string file;      // path as given to the loader ("" if not from a file)
  int line = 0;          // 1-based physical line; 0 when the problem is not on one line
  std::string field;     // column or key name; "" when the whole row/file is concerned
  std::string value;     // the offending text, verbatim
  std::string message;   // what is wrong and what was expected

  // "nodes.csv:12: field 'lat': got '91.5', expected a latitude in [-90, 90]"
  [[nodiscard]] std::string to_string() const;
};

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A request that cannot be answered as asked, whatever the data: the same place as origin and
// destination, an --avoid item that names nothing, an end that is also avoided. The user's
// mistake, not the program's (exit 2 on the command line).
class RequestError : public Error {
 public:
  using Error::Error;
};

// Thrown when a file or package cannot be loaded; holds every problem found.
class LoadError : public Error {
 public:
  explicit LoadError(std::vector<Diagnostic> diags);
  [[nodiscard]] const std::vector<Diagnostic>& diagnostics() const { return diags_; }

 private:
  std::vector<Diagnostic> diags_;
};

// Collects diagnostics while a loader runs.
class Diagnostics {
 public:
  void add(Diagnostic d) { list_.push_back(std::move(d)); }
  void add(std::string file, int line, std::string field, std::string value, std::string message) {
    list_.push_back({std::move(file), line, std::move(field), std::move(value), std::move(message)});
  }
  [[nodiscard]] bool empty() const { return list_.empty(); }
  [[nodiscard]] std::size_t size() const { return list_.size(); }
  [[nodiscard]] const std::vector<Diagnostic>& list() const { return list_; }
  // Throws LoadError if anything was collected.
  void throw_if_any() const {
    if (!list_.empty()) throw LoadError(list_);
  }

 private:
  std::vector<Diagnostic> list_;
};

}  // namespace landbridge
