// Sweep files for the tests, written into the running test's scratch folder; the base scenario
// is tests/data/sweeps/mini.toml (absolute path) unless a test writes its own.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>

#include "../support/scratch.h"

namespace landbridge::testing_support {

inline std::filesystem::path sweeps_data() { return std::filesystem::path(LANDBRIDGE_TEST_DATA_DIR) / "sweeps"; }

inline std::filesystem::path put_file(const std::string& name, const std::string& text) {
  const std::filesystem::path p = scratch_dir() / name;
  std::ofstream(p) << text;
  return p;
}

// A sweep on mini.toml: `[sweep]` lines after base, then the axes text.
inline std::filesystem::path put_sweep(const std::string& axes, const std::string& sweep_lines = "",
                                       const std::string& name = "s.toml") {
  return put_file(name, "[sweep]\nbase = \"" + (sweeps_data() / "mini.toml").string() + "\"\n" + sweep_lines + axes);
}

}  // namespace landbridge::testing_support
