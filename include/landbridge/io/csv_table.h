// The CSV dialect of network packages (docs/network-package.md, "General rules").
//
// Comma-separated, `"` quotes with `""` inside, blanks around fields ignored, a header line,
// lines whose first field starts with `#` and blank lines skipped. Lines are split by
// fast-cpp-csv-parser; a field cannot hold a line break, so a row is one physical line and
// every row keeps its physical line number for diagnostics.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "landbridge/core/error.h"

namespace landbridge::io {

struct CsvRow {
  int line = 0;                    // 1-based physical line in the file
  std::vector<std::string> cells;  // trimmed and unquoted; one per header column
};

class CsvTable {
 public:
  // Parses the whole text of one file. Problems go to `diags` under the name `file`: an
  // empty file, a quote left open, a row with more or fewer fields than the header, bytes
  // that are not UTF-8, NUL bytes, empty or repeated column names. Rows with such problems
  // are left out of rows(); rows whose fields are all empty are skipped silently.
  static CsvTable parse(std::string_view text, const std::string& file, Diagnostics& diags);

  [[nodiscard]] const std::string& file() const { return file_; }
  [[nodiscard]] int header_line() const { return header_line_; }  // 0: no header found
  [[nodiscard]] const std::vector<std::string>& header() const { return header_; }
  [[nodiscard]] const std::vector<CsvRow>& rows() const { return rows_; }
  // Index of a column by name (its first occurrence); nullopt when the header lacks it.
  [[nodiscard]] std::optional<std::size_t> column(std::string_view name) const;

 private:
  std::string file_;
  int header_line_ = 0;
  std::vector<std::string> header_;
  std::unordered_map<std::string, std::size_t> index_;
  std::vector<CsvRow> rows_;
};

// Splits a `;`-separated list field into trimmed, non-empty items.
std::vector<std::string> split_list(std::string_view field, char sep = ';');

}  // namespace landbridge::io
