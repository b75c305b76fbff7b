// Test helpers: a package held in memory, and edits that break it one cell at a time while
// keeping physical line numbers (so expected messages name the line the test edits).
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "landbridge/io/package.h"

namespace landbridge::io::test {

inline std::filesystem::path package_dir(const std::string& name) {
  return std::filesystem::path(LANDBRIDGE_TEST_DATA_DIR) / "packages" / name;
}

inline PackageFiles mini() {
  return read_package_files(package_dir("mini"));
}

inline std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::string cur;
  for (char c : text) {
    if (c == '\n') {
      lines.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) lines.push_back(cur);
  return lines;
}

inline std::string join_lines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

// Splits one CSV line (quotes with "" escapes), without trimming.
inline std::vector<std::string> split_cells(const std::string& line) {
  std::vector<std::string> cells(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        cells.back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cells.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      cells.emplace_back();
    } else {
      cells.back() += c;
    }
  }
  return cells;
}

inline std::string join_cells(const std::vector<std::string>& cells) {
  std::string out;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out += ',';
    const std::string& c = cells[i];
    if (c.find_first_of(",\"") == std::string::npos) {
      out += c;
    } else {
      out += '"';
      for (char ch : c) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
      out += '"';
    }
  }
  return out;
}

// Sets the cell of column `column` on physical line `line` (1-based) of a CSV file.
inline void set_cell(PackageFiles& p, const std::string& file, int line, const std::string& column,
                     const std::string& value) {
  auto lines = split_lines(p.files.at(file));
  const auto header = split_cells(lines.at(0));
  const auto it = std::find(header.begin(), header.end(), column);
  ASSERT_NE(it, header.end()) << file << " has no column " << column;
  auto cells = split_cells(lines.at(static_cast<std::size_t>(line - 1)));
  cells.at(static_cast<std::size_t>(it - header.begin())) = value;
  lines[static_cast<std::size_t>(line - 1)] = join_cells(cells);
  p.files[file] = join_lines(lines);
}

inline std::string get_cell(const PackageFiles& p, const std::string& file, int line,
                            const std::string& column) {
  auto lines = split_lines(p.files.at(file));
  const auto header = split_cells(lines.at(0));
  const auto it = std::find(header.begin(), header.end(), column);
  if (it == header.end()) return {};
  return split_cells(lines.at(static_cast<std::size_t>(line - 1)))
      .at(static_cast<std::size_t>(it - header.begin()));
}

// Replaces a whole physical line.
inline void set_line(PackageFiles& p, const std::string& file, int line, const std::string& text) {
  auto lines = split_lines(p.files.at(file));
  lines.at(static_cast<std::size_t>(line - 1)) = text;
  p.files[file] = join_lines(lines);
}

// Turns a line into a comment (keeps the numbering of the lines after it).
inline void comment_out(PackageFiles& p, const std::string& file, int line) {
  auto lines = split_lines(p.files.at(file));
  lines.at(static_cast<std::size_t>(line - 1)).insert(0, "# ");
  p.files[file] = join_lines(lines);
}

// Appends a line; returns its line number.
inline int append_line(PackageFiles& p, const std::string& file, const std::string& text) {
  auto lines = split_lines(p.files.at(file));
  lines.push_back(text);
  p.files[file] = join_lines(lines);
  return static_cast<int>(lines.size());
}

// Removes a column from the header and every row.
inline void drop_column(PackageFiles& p, const std::string& file, const std::string& column) {
  auto lines = split_lines(p.files.at(file));
  const auto header = split_cells(lines.at(0));
  const auto idx =
      static_cast<std::size_t>(std::find(header.begin(), header.end(), column) - header.begin());
  ASSERT_LT(idx, header.size());
  for (auto& l : lines) {
    if (l.empty() || l[0] == '#') continue;
    auto cells = split_cells(l);
    cells.erase(cells.begin() + static_cast<std::ptrdiff_t>(idx));
    l = join_cells(cells);
  }
  p.files[file] = join_lines(lines);
}

// Appends an empty column to the header and every row.
inline void add_column(PackageFiles& p, const std::string& file, const std::string& column) {
  auto lines = split_lines(p.files.at(file));
  bool header = true;
  for (auto& l : lines) {
    if (l.empty() || l[0] == '#') continue;
    l += "," + (header ? column : std::string());
    header = false;
  }
  p.files[file] = join_lines(lines);
}

// Replaces every occurrence of `from` by `to` in every file.
inline void replace_everywhere(PackageFiles& p, const std::string& from, const std::string& to) {
  for (auto& [name, text] : p.files) {
    for (std::size_t pos = 0; (pos = text.find(from, pos)) != std::string::npos; pos += to.size())
      text.replace(pos, from.size(), to);
  }
}

// Every problem of the package as printed by `landbridge validate`.
inline std::vector<std::string> problems(const PackageFiles& p, const LoadOptions& opts = {}) {
  std::vector<std::string> out;
  for (const Diagnostic& d : validate_package(p, opts)) out.push_back(d.to_string());
  return out;
}

}  // namespace landbridge::io::test
