// TNTP reader (io/tntp.h).
#include "landbridge/io/tntp.h"


#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <map>

#include "text.h"

namespace landbridge::io {

namespace {

// One word of a row and the line it stands on.
struct Word {
  std::string_view text;
  int line = 0;
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f'; }

// Splits `text` into lines (1-based numbers), each cut at its first `~` (a comment).
template <class F>
void for_each_line(std::string_view text, F&& f) {
  int number = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const std::size_t end = std::min(text.find('\n', pos), text.size());
    std::string_view line = text.substr(pos, end - pos);
    ++number;
    if (const auto tilde = line.find('~'); tilde != std::string_view::npos) line = line.substr(0, tilde);
    if (!f(number, line)) return;
    if (end == text.size()) break;
    pos = end + 1;
  }
}

// The words of a line: separated by whitespace; each of `separators` is a word of its own.
std::vector<Word> words(std::string_view line, int number, std::string_view separators) {
  std::vector<Word> out;
  std::size_t i = 0;
  while (i < line.size()) {
    if (is_space(line[i])) {
      ++i;
      continue;
    }
    if (separators.find(line[i]) != std::string_view::npos) {
      out.push_back({line.substr(i, 1), number});
      ++i;
      continue;
    }
    const std::size_t start = i;
    while (i < line.size() && !is_space(line[i]) && separators.find(line[i]) == std::string_view::npos) ++i;
    out.push_back({line.substr(start, i - start), number});
  }
  return out;
}

std::optional<double> to_number(std::string_view s) {
  if (!s.empty() && s.front() == '+') s.remove_prefix(1);
  double v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || end != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::optional<std::uint64_t> to_count(std::string_view s) {
  const auto v = to_number(s);
  if (!v || *v < 0 || *v != std::floor(*v) || *v > 4e9) return std::nullopt;
  return static_cast<std::uint64_t>(*v);
}

// The metadata block: "<KEY> value" lines up to <END OF METADATA>.
struct Metadata {
  std::map<std::string, std::pair<std::string, int>, std::less<>> values;  // key -> (value, line)
  int end_line = 0;                                                       // 0: no block end

  // The line of a key that is known to be present.
  [[nodiscard]] int line(std::string_view key) const { return values.find(key)->second.second; }
};

Metadata read_metadata(std::string_view text) {
  Metadata m;
  for_each_line(text, [&](int number, std::string_view line) {
    line = detail::trim(line);
    if (line.empty() || line.front() != '<') return true;
    const auto close = line.find('>');
    if (close == std::string_view::npos) return true;
    std::string key(line.substr(1, close - 1));
    if (key == "END OF METADATA") {
      m.end_line = number;
      return false;
    }
    m.values[key] = {std::string(detail::trim(line.substr(close + 1))), number};
    return true;
  });
  return m;
}

class Reader {
 public:
  explicit Reader(std::string_view file) : file_(file) {}

  void fail(int line, std::string_view field, std::string_view value, std::string message) {
    diags_.add(file_, line, std::string(field), detail::shown(value), std::move(message));
  }
  void fail_file(std::string message) { diags_.add(file_, 0, "", "", std::move(message)); }

  std::optional<double> number(const Word& w, std::string_view field, std::string_view expected) {
    auto v = to_number(w.text);
    if (!v) fail(w.line, field, w.text, fmt::format("expected {}", expected));
    return v;
  }

  // The metadata block of `text`; throws when it has no <END OF METADATA> (`kind`: "network", "trips").
  Metadata metadata_or_throw(std::string_view text, std::string_view kind) {
    Metadata m = read_metadata(text);
    if (m.end_line == 0) {
      fail_file(fmt::format("no <END OF METADATA> line: expected the metadata block of a TNTP {} file", kind));
      diags_.throw_if_any();
    }
    return m;
  }

  // A count of the metadata block; reports it missing or malformed.
  std::optional<std::uint64_t> metadata_count(const Metadata& m, std::string_view key, bool required) {
    const auto it = m.values.find(key);
    if (it == m.values.end()) {
      if (required) fail_file(fmt::format("the metadata has no <{}>", key));
      return std::nullopt;
    }
    const std::string& value = it->second.first;
    const auto first = value.substr(0, value.find_first_of(" \t"));
    auto v = to_count(first);
    if (!v) fail(it->second.second, fmt::format("<{}>", key), value, "expected a whole number >= 0");
    return v;
  }

  Diagnostics diags_;
  std::string file_;
};

std::string read_file(const std::filesystem::path& path) { return detail::read_or_throw(path, kMaxTntpBytes); }

constexpr std::string_view kNetColumns[] = {"init_node", "term_node", "capacity", "length", "free_flow_time",
                                            "b",         "power",     "speed",    "toll",   "link_type"};
constexpr std::size_t kNetRequired = 7;  // init_node .. power; speed, toll and link_type may be left out

// Rows after the metadata: the words of each line, split into rows at `;` (a line without
// one is a row of its own).
std::vector<std::vector<Word>> rows_after(std::string_view text, int after_line) {
  std::vector<std::vector<Word>> rows;
  for_each_line(text, [&](int number, std::string_view line) {
    if (number <= after_line) return true;
    std::vector<Word> row;
    for (const Word& w : words(line, number, ";")) {
      if (w.text == ";") {
        if (!row.empty()) rows.push_back(std::move(row));
        row.clear();
      } else {
        row.push_back(w);
      }
    }
    if (!row.empty()) rows.push_back(std::move(row));
    return true;
  });
  return rows;
}

bool is_number_word(std::string_view s) { return to_number(s).has_value(); }

}  // namespace

std::optional<TntpCostFactors> tntp_known_factors(std::string_view name) {
  // From each network's README ("Generalized Cost Weights").
  if (name == "ChicagoSketch" || name == "Chicago-Sketch") return TntpCostFactors{.toll = 0.02, .distance = 0.04};
  if (name == "SiouxFalls" || name == "Anaheim" || name == "Braess" || name == "Braess-Example")
    return TntpCostFactors{};
  return std::nullopt;
}

assign::Network parse_tntp_network(std::string_view text, std::string_view file_name, TntpCostFactors factors,
                                   TntpNetworkInfo* info_out) {
  Reader r(file_name);
  const Metadata meta = r.metadata_or_throw(text, "network");
  const auto zones = r.metadata_count(meta, "NUMBER OF ZONES", true);
  const auto nodes = r.metadata_count(meta, "NUMBER OF NODES", true);
  const auto links = r.metadata_count(meta, "NUMBER OF LINKS", true);
  const auto first_thru = r.metadata_count(meta, "FIRST THRU NODE", true);
  r.diags_.throw_if_any();
  if (*zones > *nodes)
    r.fail(meta.line("NUMBER OF ZONES"), "<NUMBER OF ZONES>", std::to_string(*zones),
           fmt::format("expected at most <NUMBER OF NODES> ({})", *nodes));
  if (*nodes > kMaxTntpNodes)
    r.fail(meta.line("NUMBER OF NODES"), "<NUMBER OF NODES>", std::to_string(*nodes),
           fmt::format("expected at most {} nodes", kMaxTntpNodes));
  if (*first_thru < 1 || *first_thru > *nodes + 1)
    r.fail(meta.line("FIRST THRU NODE"), "<FIRST THRU NODE>", std::to_string(*first_thru),
           fmt::format("expected a node number in 1 .. {}", *nodes + 1));
  r.diags_.throw_if_any();

  std::vector<assign::Arc> arcs;
  int last_line = meta.end_line;
  for (const auto& row : rows_after(text, meta.end_line)) {
    const int line = row.front().line;
    last_line = line;
    if (row.size() < kNetRequired) {
      r.fail(line, kNetColumns[row.size()], "",
             fmt::format("a link row has {} fields; expected at least {} ({} ... power)", row.size(),
                         kNetRequired, kNetColumns[0]));
      continue;
    }
    if (row.size() > std::size(kNetColumns)) {
      r.fail(line, "", row[std::size(kNetColumns)].text,
             fmt::format("a link row has {} fields; expected at most {}", row.size(), std::size(kNetColumns)));
      continue;
    }
    double v[std::size(kNetColumns)] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    bool ok = true;
    for (std::size_t c = 0; c < row.size(); ++c) {
      const auto x = r.number(row[c], kNetColumns[c], "a number");
      if (x) v[c] = *x;
      ok = ok && x.has_value();
    }
    if (!ok) continue;
    for (std::size_t c = 0; c < 2; ++c)
      if (v[c] < 1 || v[c] > static_cast<double>(*nodes) || v[c] != std::floor(v[c])) {
        r.fail(line, kNetColumns[c], row[c].text, fmt::format("expected a node number in 1 .. {}", *nodes));
        ok = false;
      }
    for (std::size_t c : {3u, 4u, 5u, 6u, 8u})
      if (c < row.size() && v[c] < 0) {
        r.fail(line, kNetColumns[c], row[c].text, "expected a number >= 0");
        ok = false;
      }
    if (v[5] > 0 && !(v[2] > 0)) {
      r.fail(line, kNetColumns[2], row[2].text, "expected a capacity > 0 (the link's b is > 0)");
      ok = false;
    }
    if (!ok) continue;
    assign::Arc a;
    a.tail = assign::VertexId::from(static_cast<std::uint32_t>(v[0]) - 1);
    a.head = assign::VertexId::from(static_cast<std::uint32_t>(v[1]) - 1);
    a.capacity = v[2];
    a.free_time = v[4];
    a.alpha = v[5];
    a.beta = v[6];
    a.fixed_cost = factors.toll * v[8] + factors.distance * v[3];
    if (a.alpha == 0 && !(a.capacity > 0)) a.capacity = 1;  // constant cost: capacity unused
    arcs.push_back(a);
  }
  const std::size_t rows_seen = arcs.size();
  if (r.diags_.empty() && rows_seen != *links)
    r.fail(last_line, "<NUMBER OF LINKS>", std::to_string(*links),
           fmt::format("the file has {} link rows; the metadata says {}", rows_seen, *links));
  r.diags_.throw_if_any();
  if (info_out) *info_out = {.zones = *zones, .nodes = *nodes, .links = *links, .first_thru_node = *first_thru};
  return assign::Network(*nodes, *zones, *first_thru - 1, std::move(arcs));
}

assign::Network read_tntp_network(const std::filesystem::path& path, TntpCostFactors factors, TntpNetworkInfo* info) {
  return parse_tntp_network(read_file(path), path.string(), factors, info);
}

assign::Demand parse_tntp_trips(std::string_view text, std::string_view file_name, std::size_t zones) {
  Reader r(file_name);
  const Metadata meta = r.metadata_or_throw(text, "trips");
  const auto declared = r.metadata_count(meta, "NUMBER OF ZONES", true);
  r.diags_.throw_if_any();
  if (*declared != zones) {
    r.fail(meta.line("NUMBER OF ZONES"), "<NUMBER OF ZONES>", std::to_string(*declared),
           fmt::format("expected {}, the network's number of zones", zones));
    r.diags_.throw_if_any();
  }
  std::optional<double> total;
  int total_line = 0;
  if (const auto it = meta.values.find("TOTAL OD FLOW"); it != meta.values.end()) {
    total_line = it->second.second;
    const std::string& value = it->second.first;
    total = to_number(value.substr(0, value.find_first_of(" \t")));
    if (!total || *total < 0) r.fail(total_line, "<TOTAL OD FLOW>", value, "expected a number >= 0");
  }

  // Rows of (destination, volume) per origin; the Demand is built once at the end so that a
  // destination repeated in one block adds up without a search per pair.
  std::vector<std::map<std::uint32_t, double>> sparse(zones);
  const auto zone_of = [&](const Word& w, std::string_view field) -> std::optional<std::uint32_t> {
    const auto v = to_count(w.text);
    if (!v || *v < 1 || *v > zones) {
      r.fail(w.line, field, w.text, fmt::format("expected a zone number in 1 .. {}", zones));
      return std::nullopt;
    }
    return static_cast<std::uint32_t>(*v - 1);
  };

  std::vector<Word> all;
  for_each_line(text, [&](int number, std::string_view line) {
    if (number <= meta.end_line) return true;
    for (const Word& w : words(line, number, ":;")) all.push_back(w);
    return true;
  });
  std::optional<std::uint32_t> origin;
  bool origin_bad = false;
  long double sum = 0;
  for (std::size_t i = 0; i < all.size();) {
    const Word& w = all[i];
    if (w.text == ";") {
      ++i;
      continue;
    }
    if (w.text == "Origin" || w.text == "origin" || w.text == "ORIGIN") {
      if (i + 1 >= all.size()) {
        r.fail(w.line, "Origin", "", "expected a zone number after 'Origin'");
        break;
      }
      origin = zone_of(all[i + 1], "Origin");
      origin_bad = !origin;
      i += 2;
      continue;
    }
    // destination : volume
    if (i + 2 >= all.size() || all[i + 1].text != ":") {
      r.fail(w.line, "", w.text, "expected 'Origin o' or a pair 'destination : volume ;'");
      // skip to the next separator so one bad pair yields one message
      while (i < all.size() && all[i].text != ";") ++i;
      continue;
    }
    const Word& dest_word = all[i];
    const Word& volume_word = all[i + 2];
    i += 3;
    if (!origin && !origin_bad) {
      r.fail(dest_word.line, "Origin", dest_word.text, "expected an 'Origin o' line before the first pair");
      origin_bad = true;
      continue;
    }
    const auto dest = zone_of(dest_word, "destination");
    const auto volume = r.number(volume_word, "volume", "a number >= 0");
    if (volume && *volume < 0) r.fail(volume_word.line, "volume", volume_word.text, "expected a number >= 0");
    if (!dest || !volume || *volume < 0 || !origin) continue;
    sum += *volume;
    if (*volume > 0) sparse[*origin][*dest] += *volume;
  }
  if (total && r.diags_.empty()) {
    const long double diff = sum - static_cast<long double>(*total);
    if (std::fabs(static_cast<double>(diff)) > 1e-6 * std::max(1.0, *total))
      r.fail(total_line, "<TOTAL OD FLOW>", fmt::format("{}", *total),
             fmt::format("the volumes add up to {}; expected the same total", static_cast<double>(sum)));
  }
  r.diags_.throw_if_any();
  assign::Demand demand(zones);
  for (std::size_t o = 0; o < zones; ++o)
    for (const auto& [d, v] : sparse[o]) demand.add(assign::VertexId::from(o), assign::VertexId(d), v);
  return demand;
}

assign::Demand read_tntp_trips(const std::filesystem::path& path, std::size_t zones) {
  return parse_tntp_trips(read_file(path), path.string(), zones);
}

namespace {

// Rows of numbers after an optional header line (one that starts with a word, not a number);
// lines starting with `<` (metadata) are skipped.
// The first `node_columns` columns hold node numbers (whole numbers from 1).
template <class Row>
std::vector<Row> parse_table(std::string_view text, std::string_view file_name,
                             std::initializer_list<std::string_view> columns, std::size_t node_columns,
                             Row (*make)(const std::vector<double>&)) {
  Reader r(file_name);
  std::vector<Row> out;
  bool data_started = false;
  for (const auto& row : rows_after(text, 0)) {
    const int line = row.front().line;
    if (row.front().text.starts_with("<")) continue;
    if (!data_started && !is_number_word(row.front().text)) continue;  // the header
    data_started = true;
    if (row.size() < columns.size()) {
      r.fail(line, *(columns.begin() + static_cast<std::ptrdiff_t>(row.size())), "",
             fmt::format("a row has {} fields; expected {}", row.size(), columns.size()));
      continue;
    }
    std::vector<double> v;
    bool ok = true;
    for (std::size_t c = 0; c < columns.size(); ++c) {
      const auto x = r.number(row[c], *(columns.begin() + static_cast<std::ptrdiff_t>(c)), "a number");
      ok = ok && x.has_value();
      v.push_back(x.value_or(0));
    }
    for (std::size_t c = 0; ok && c < node_columns; ++c)
      if (v[c] < 1 || v[c] != std::floor(v[c]) || v[c] > 4e9) {
        r.fail(line, *(columns.begin() + static_cast<std::ptrdiff_t>(c)), row[c].text,
               "expected a node number >= 1");
        ok = false;
      }
    if (!ok) continue;
    out.push_back(make(v));
  }
  r.diags_.throw_if_any();
  return out;
}

}  // namespace

std::vector<TntpFlow> parse_tntp_flows(std::string_view text, std::string_view file_name) {
  return parse_table<TntpFlow>(text, file_name, {"from", "to", "volume", "cost"}, 2, [](const std::vector<double>& v) {
    return TntpFlow{.from = static_cast<std::uint32_t>(v[0]), .to = static_cast<std::uint32_t>(v[1]),
                    .volume = v[2], .cost = v[3]};
  });
}

std::vector<TntpFlow> read_tntp_flows(const std::filesystem::path& path) {
  return parse_tntp_flows(read_file(path), path.string());
}

std::vector<TntpNode> parse_tntp_nodes(std::string_view text, std::string_view file_name) {
  return parse_table<TntpNode>(text, file_name, {"node", "x", "y"}, 1, [](const std::vector<double>& v) {
    return TntpNode{.node = static_cast<std::uint32_t>(v[0]), .x = v[1], .y = v[2]};
  });
}

std::vector<TntpNode> read_tntp_nodes(const std::filesystem::path& path) {
  return parse_tntp_nodes(read_file(path), path.string());
}

TntpFolder find_tntp_files(const std::filesystem::path& dir) {
  const std::string where = dir.string();
  auto fail = [&](std::string message) {
    throw LoadError({Diagnostic{.file = where, .line = 0, .field = "", .value = "", .message = std::move(message)}});
  };
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) fail("no such folder: expected a folder of TNTP files");
  std::map<std::string, std::filesystem::path> by_suffix[4];
  constexpr std::string_view kSuffixes[] = {"_net.tntp", "_trips.tntp", "_flow.tntp", "_node.tntp"};
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    for (std::size_t k = 0; k < 4; ++k)
      if (name.size() > kSuffixes[k].size() && name.ends_with(kSuffixes[k]))
        by_suffix[k][name.substr(0, name.size() - kSuffixes[k].size())] = entry.path();
  }
  if (by_suffix[0].empty()) fail("no *_net.tntp file in the folder");
  if (by_suffix[0].size() > 1) fail("several *_net.tntp files in the folder: expected one network per folder");
  TntpFolder f;
  f.name = by_suffix[0].begin()->first;
  f.net = by_suffix[0].begin()->second;
  const auto trips = by_suffix[1].find(f.name);
  if (trips == by_suffix[1].end()) fail(fmt::format("no {}_trips.tntp beside {}_net.tntp", f.name, f.name));
  f.trips = trips->second;
  if (const auto it = by_suffix[2].find(f.name); it != by_suffix[2].end()) f.flow = it->second;
  if (const auto it = by_suffix[3].find(f.name); it != by_suffix[3].end()) f.node = it->second;
  return f;
}

}  // namespace landbridge::io
