#include "landbridge/io/csv_table.h"

#include <fmt/format.h>

// csv.h copies file names with strncpy into fixed buffers (and terminates them itself); g++
// flags that when it inlines the copy. The warning is about the library, not this file.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstringop-truncation"
#include <libfccp/csv.h>
#pragma GCC diagnostic pop

#include <set>

#include "text.h"

namespace landbridge::io {
namespace {

using Quote = ::io::double_quote_escape<',', '"'>;
using Trim = ::io::trim_chars<' ', '\t'>;

// Splits one NUL-terminated line in place into fields, with fast-cpp-csv-parser's column
// primitives (the same steps its CSVReader takes, but for a column count known only at run
// time). Throws ::io::error::escaped_string_not_closed.
void split_line(char* line, std::vector<std::string>& cells) {
  cells.clear();
  char* p = line;
  while (p != nullptr) {
    char* b = p;
    char* e = b + (Quote::find_next_column_end(b) - b);
    if (*e == '\0') {
      p = nullptr;
    } else {
      *e = '\0';
      p = e + 1;
    }
    Trim::trim(b, e);
    Quote::unescape(b, e);
    // Blanks inside the quotes are ignored as well (docs: "leading and trailing blanks").
    cells.emplace_back(detail::trim(std::string_view(b, static_cast<std::size_t>(e - b))));
  }
}

bool is_blank_or_comment(const char* line) {
  while (*line == ' ' || *line == '\t') ++line;
  return *line == '\0' || *line == '#';
}

}  // namespace

std::optional<std::size_t> CsvTable::column(std::string_view name) const {
  auto it = index_.find(std::string(name));
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

CsvTable CsvTable::parse(std::string_view text, const std::string& file, Diagnostics& diags) {
  CsvTable t;
  t.file_ = file;

  // A NUL byte would silently end a line in the line reader: report those lines and skip them.
  std::set<int> nul_lines;
  if (text.find('\0') != std::string_view::npos) {
    int line = 1;
    for (char c : text) {
      if (c == '\n')
        ++line;
      else if (c == '\0' && nul_lines.insert(line).second)
        diags.add(file, line, "", "", "contains a NUL byte; expected UTF-8 text");
    }
  }

  ::io::LineReader reader(file, text.data(), text.data() + text.size());
  std::vector<std::string> cells;
  try {
    while (char* line = reader.next_line()) {
      const int ln = static_cast<int>(reader.get_file_line());
      if (nul_lines.contains(ln)) continue;
      const std::string_view raw(line);
      if (const auto bad = detail::utf8_error_offset(raw); bad != std::string_view::npos) {
        diags.add(file, ln, "", "",
                  fmt::format("byte {} (0x{:02X}) is not valid UTF-8; expected UTF-8 text", bad + 1,
                              static_cast<unsigned char>(raw[bad])));
        continue;
      }
      if (is_blank_or_comment(line)) continue;
      try {
        split_line(line, cells);
      } catch (const ::io::error::escaped_string_not_closed&) {
        diags.add(file, ln, "", "",
                  "a quoted field is not closed; expected a closing \" on the same line");
        continue;
      }
      if (t.header_line_ == 0) {
        t.header_line_ = ln;
        t.header_ = cells;
        for (std::size_t i = 0; i < cells.size(); ++i) {
          if (cells[i].empty()) {
            diags.add(
                file, ln, "", "",
                fmt::format("column {} of the header has no name; expected a column name", i + 1));
            continue;
          }
          if (!t.index_.emplace(cells[i], i).second)
            diags.add(file, ln, cells[i], "",
                      "column appears twice in the header; expected each column once");
        }
        continue;
      }
      bool all_empty = true;
      for (const auto& c : cells) all_empty = all_empty && c.empty();
      if (all_empty) continue;  // a spreadsheet's empty row ",,,,"
      if (cells.size() != t.header_.size()) {
        diags.add(
            file, ln, "", "",
            fmt::format("row has {} field{}, expected {} as in the header (line {})", cells.size(),
                        cells.size() == 1 ? "" : "s", t.header_.size(), t.header_line_));
        continue;
      }
      t.rows_.push_back({ln, cells});
    }
  } catch (const ::io::error::base&) {
    // The only error next_line() raises: a line longer than the reader's 16 MiB block.
    diags.add(file, static_cast<int>(reader.get_file_line()), "", "",
              "line is too long (over 16 MiB); expected a CSV row");
  }
  if (t.header_line_ == 0)
    diags.add(file, 0, "", "", "file is empty; expected a header line naming the columns");
  return t;
}

std::vector<std::string> split_list(std::string_view field, char sep) {
  std::vector<std::string> out;
  while (true) {
    const auto pos = field.find(sep);
    const auto item = detail::trim(field.substr(0, pos));
    if (!item.empty()) out.emplace_back(item);
    if (pos == std::string_view::npos) break;
    field.remove_prefix(pos + 1);
  }
  return out;
}

}  // namespace landbridge::io
