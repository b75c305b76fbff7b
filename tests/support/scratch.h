// A temporary folder that belongs to the running test alone.
//
// CTest runs every GoogleTest case as its own process, several at a time (`ctest -j2` in CI),
// so two cases must never write the same path: the folder is named after the test suite, the
// test (parameterised instances included) and the process id.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

namespace landbridge::testing_support {

inline std::filesystem::path scratch_dir() {
  const ::testing::TestInfo* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string name = info ? std::string(info->test_suite_name()) + "." + info->name() : "no-test";
  for (char& c : name)
    if (c == '/' || c == '\\' || c == ' ') c = '_';
  const auto dir = std::filesystem::path(::testing::TempDir()) /
                   ("landbridge-" + name + "-" + std::to_string(static_cast<long>(::getpid())));
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace landbridge::testing_support
