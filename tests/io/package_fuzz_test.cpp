// Property test: thousands of seeded random mutations of the valid mini package. The loader
// must either load the package or throw LoadError whose every Diagnostic names a file and,
// for a problem in a CSV row, a line that exists in that file. Never another exception, a
// crash or a hang. A loaded package must export valid GeoJSON.
#include <gtest/gtest.h>
#include <malloc.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "landbridge/io/geojson.h"
#include "landbridge/io/package.h"
#include "landbridge/sea/maritime_graph.h"
#include "package_edit.h"

namespace landbridge::io {
namespace {

// Portable: mt19937_64 is fully specified; draws are reduced by hand, not by std distributions.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : g_(seed) {}
  std::size_t below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(g_() % n); }
  bool chance(unsigned percent) { return below(100) < percent; }

 private:
  std::mt19937_64 g_;
};

// Cell values that hit the loader's special cases.
const std::vector<std::string> kTokens = {
    "",           " ",          "-1",           "0",
    "1e999",      "-0",         "nan",          "inf",
    "-inf",       "1e-320",     "99999999999",  "3.5.6",
    "1,5",        "12 km",      "5 nm",         "3 d",
    "15 min",     "14 kn",      "900 km/d",     "0 kn",
    "329 USD",    "20 g/tkm",   "1 kg/t",       "1..2",
    "2..1",       "..",         "1..",          "..5",
    "1...2",      "4..6 d",     "marnet",       "gc*",
    "gc*1.2",     "gc*0",       "gc*nan",       "gc *  2",
    "rail:1520",  "rail:1435",  "rail:9",       "*",
    "start",      "end",        "sea",          "rail",
    "feeder",     "ferry",      "deep_sea",     "road",
    "yes",        "no",         "maybe",        "suez",
    "suez;cape",  "bogus",      "S06",          "S99",
    "S06;S06;x",  "KZHOR",      "CNLYG",        "KZXXX",
    "JPHKT",      "Khorgos",    "kzhor",        "1435",
    "1520",       "1067",       "sourced",      "computed",
    "assumption", "handling",   "gauge_change", "border",
    "dwell",      "seaport",    "hub",          "rail-test",
    "\"",         "\"\"",       "\"a,b\"",      "\"x\"\"y\"",
    "#",          "# c",        ";;",           "\xC3\xA9t\xC3\xA9",
    "\xC3",       "\xFF\xFE",   "a\tb",         "Asia/Almaty",
    "2020-02-30", "2024-02-29", "9999",         std::string(300, 'x')};

std::string random_bytes(Rng& r, std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += static_cast<char>(r.below(256));
  return s;
}

// One random edit of one file.
void mutate(PackageFiles& p, Rng& r) {
  const auto& names = package_file_names();
  const std::string& name = names[r.below(names.size())];
  auto it = p.files.find(name);
  if (it == p.files.end()) return;
  std::string& text = it->second;
  auto lines = test::split_lines(text);
  const auto pick_line = [&]() -> std::string& {
    if (lines.empty()) lines.emplace_back();
    return lines[r.below(lines.size())];
  };
  switch (r.below(10)) {  // line-level edits (8, 9: none)
    case 0: {             // replace a cell by a token
      std::string& l = pick_line();
      auto cells = test::split_cells(l);
      cells[r.below(cells.size())] = kTokens[r.below(kTokens.size())];
      l = test::join_cells(cells);
      break;
    }
    case 1: {  // delete a cell (field count changes)
      std::string& l = pick_line();
      auto cells = test::split_cells(l);
      cells.erase(cells.begin() + static_cast<std::ptrdiff_t>(r.below(cells.size())));
      l = test::join_cells(cells);
      break;
    }
    case 2: {  // duplicate a cell into its neighbour
      std::string& l = pick_line();
      auto cells = test::split_cells(l);
      const std::size_t i = r.below(cells.size());
      cells[(i + 1) % cells.size()] = cells[i];
      l = test::join_cells(cells);
      break;
    }
    case 3: {  // swap two cells of a line (header included)
      std::string& l = pick_line();
      auto cells = test::split_cells(l);
      std::swap(cells[r.below(cells.size())], cells[r.below(cells.size())]);
      l = test::join_cells(cells);
      break;
    }
    case 4:  // duplicate a line
      if (!lines.empty())
        lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(r.below(lines.size())),
                     pick_line());
      break;
    case 5:  // delete a line
      if (!lines.empty())
        lines.erase(lines.begin() + static_cast<std::ptrdiff_t>(r.below(lines.size())));
      break;
    case 6:  // swap two lines
      if (!lines.empty()) std::swap(lines[r.below(lines.size())], lines[r.below(lines.size())]);
      break;
    case 7:  // copy a line from another file
    {
      const std::string& other = names[r.below(names.size())];
      if (auto o = p.files.find(other); o != p.files.end()) {
        auto ol = test::split_lines(o->second);
        if (!ol.empty()) pick_line() = ol[r.below(ol.size())];
      }
      break;
    }
    default:
      break;
  }
  text = test::join_lines(lines);
  switch (r.below(8)) {  // byte-level edits of the whole text (5..7: none)
    case 0:
      text.insert(r.below(text.size() + 1), random_bytes(r, 1 + r.below(8)));
      break;
    case 1:
      text.resize(r.below(text.size() + 1));  // truncate
      break;
    case 2:
      text.insert(r.below(text.size() + 1), r.chance(50) ? "\"" : "\"\"");
      break;
    case 3:
      if (!text.empty()) text[r.below(text.size())] = static_cast<char>(r.below(256));
      break;
    case 4:
      if (r.chance(10)) p.files.erase(it);  // a missing file
      break;
    default:
      break;
  }
}

int line_count(const std::string& text) {
  int n = 1;
  for (char c : text) n += c == '\n';
  return n;
}

// A mutation may turn a sea link's distance into `marnet`: load the graph once, not per run.
LoadOptions options() {
  static const sea::MaritimeGraph g = sea::MaritimeGraph::load(sea::default_marnet_dir());
  return {&g};
}

void check_one(const PackageFiles& p, std::uint64_t seed, int& loaded, int& rejected) {
  std::vector<Diagnostic> diags;
  try {
    const LoadedPackage pkg = load_package(p, options());
    ++loaded;
    std::ostringstream out;
    export_geojson(pkg, out);
    const auto json = nlohmann::json::parse(out.str());
    EXPECT_EQ(json["features"].size(), pkg.network.node_count() + pkg.network.link_count())
        << "seed " << seed;
    return;
  } catch (const LoadError& e) {
    ++rejected;
    diags = e.diagnostics();
  }
  // Any other exception escapes and fails the test with its seed in the trace below.
  ASSERT_FALSE(diags.empty()) << "seed " << seed;
  for (const Diagnostic& d : diags) {
    SCOPED_TRACE(testing::Message() << "seed " << seed << ": " << d.to_string());
    ASSERT_FALSE(d.file.empty());
    ASSERT_FALSE(d.message.empty());
    if (d.file.ends_with(".csv")) {
      auto it = p.files.find(d.file);
      const bool whole_file =
          d.message.starts_with("file is missing") || d.message.starts_with("file is empty");
      if (whole_file) {
        ASSERT_EQ(d.line, 0);
      } else {
        ASSERT_NE(it, p.files.end());
        ASSERT_GT(d.line, 0);
        ASSERT_LE(d.line, line_count(it->second));
      }
    }
    ASSERT_LE(d.value.size(), 130u);  // long values are shortened in messages
  }
  EXPECT_EQ(validate_package(p, options()).size(), diags.size()) << "seed " << seed;
}

TEST(PackageFuzz, RandomMutationsLoadOrFailWithDiagnostics) {
  // fast-cpp-csv-parser's LineReader allocates a 48 MiB buffer per file. glibc serves that with
  // mmap/munmap each time, which is 80% of a small package's load time on this VM; keeping it
  // in the heap makes the 6,000 loads below about six times faster. Nothing else changes.
  mallopt(M_MMAP_THRESHOLD, 64 << 20);
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  const PackageFiles base = test::mini();
  int loaded = 0, rejected = 0;
  // LANDBRIDGE_FUZZ_RUNS overrides the count: fewer under sanitizers, more for a long soak.
  const char* env = std::getenv("LANDBRIDGE_FUZZ_RUNS");
#ifdef LANDBRIDGE_SANITIZED
  constexpr int kDefaultRuns = 300;  // each load is ~10x slower under ASan + UBSan
#else
  constexpr int kDefaultRuns = 3000;
#endif
  const int kRuns = env != nullptr ? std::max(1, std::atoi(env)) : kDefaultRuns;
  for (int run = 0; run < kRuns; ++run) {
    const std::uint64_t seed = 0x1a2b3c4dULL + static_cast<std::uint64_t>(run);
    Rng r(seed);
    PackageFiles p = base;
    const std::size_t edits = 1 + r.below(4);
    for (std::size_t k = 0; k < edits; ++k) mutate(p, r);
    check_one(p, seed, loaded, rejected);
    if (HasFatalFailure()) {
      for (const auto& [name, text] : p.files) ADD_FAILURE() << "--- " << name << "\n" << text;
      return;
    }
  }
  // The mutations are neither all harmless nor all fatal.
  EXPECT_GT(loaded, kRuns / 20);
  EXPECT_GT(rejected, kRuns / 2);
  RecordProperty("loaded", loaded);
  RecordProperty("rejected", rejected);
}

}  // namespace
}  // namespace landbridge::io
