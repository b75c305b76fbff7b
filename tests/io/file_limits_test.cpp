// Files that are not regular files, or are over their size limit, are refused up front with a
// message naming the file and the limit; before, a package file linked to /dev/zero was read
// without end.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "../support/scratch.h"
#include "landbridge/core/user_file.h"
#include "landbridge/io/package.h"
#include "landbridge/io/places.h"
#include "landbridge/io/rates.h"
#include "landbridge/io/services.h"
#include "landbridge/sea/maritime_graph.h"
#include "package_edit.h"

namespace landbridge::io {
namespace {

namespace fs = std::filesystem;
using testing::Contains;
using testing::ElementsAre;
using testing::HasSubstr;

// A copy of a test package in this test's scratch folder.
fs::path copy_package(const std::string& name) {
  const fs::path dir = testing_support::scratch_dir() / name;
  fs::remove_all(dir);
  fs::copy(test::package_dir(name), dir, fs::copy_options::recursive);
  return dir;
}

void replace_by_link(const fs::path& file, const fs::path& target) {
  fs::remove(file);
  fs::create_symlink(target, file);
}

std::vector<std::string> texts(const std::vector<Diagnostic>& diags) {
  std::vector<std::string> out;
  for (const Diagnostic& d : diags) out.push_back(d.to_string());
  return out;
}

TEST(FileLimits, APackageFileThatIsADeviceOrAFifoIsNamedNotRead) {
  const fs::path dir = copy_package("mini");
  replace_by_link(dir / "links.csv", "/dev/zero");
  fs::remove(dir / "nodes.csv");
  ASSERT_EQ(::mkfifo((dir / "nodes.csv").c_str(), 0600), 0);
  const auto problems = texts(validate_package(dir));
  EXPECT_THAT(problems, Contains("nodes.csv: not a regular file (a FIFO); expected a file of at most 64 MiB"));
  EXPECT_THAT(problems,
              Contains("links.csv: not a regular file (a character device); expected a file of at most 64 MiB"));
}

TEST(FileLimits, TheManifestIsHeldToTheTomlLimit) {
  const fs::path dir = copy_package("mini");
  fs::resize_file(dir / "network.toml", kMaxTomlBytes + 1);
  const auto problems = texts(validate_package(dir));
  EXPECT_THAT(problems, Contains("network.toml: the file has 1048577 bytes; expected at most 1 MiB (the size "
                                 "limit of this kind of file)"));
}

TEST(FileLimits, ACsvOverTheLimitIsRefused) {
  const fs::path dir = copy_package("mini");
  fs::resize_file(dir / "sources.csv", kMaxCsvBytes + 1);  // sparse: no disk used
  const PackageFiles files = read_package_files(dir);
  EXPECT_FALSE(files.files.contains("sources.csv"));
  EXPECT_THAT(texts(validate_package(files)),
              Contains("sources.csv: the file has 67108865 bytes; expected at most 64 MiB (the size limit of this "
                       "kind of file)"));
}

TEST(FileLimits, ServicesAndRatesLinkedToDevicesAreRefused) {
  const fs::path dir = copy_package("mini-rates");
  replace_by_link(dir / "services.csv", "/dev/urandom");
  replace_by_link(dir / "rates.csv", "/dev/zero");
  const LoadedPackage pkg = load_package(dir);
  Diagnostics diags;
  EXPECT_TRUE(load_services(dir, pkg.network, diags).empty());
  EXPECT_TRUE(load_rates(dir, pkg.network, diags).empty());
  EXPECT_THAT(texts(diags.list()),
              ElementsAre("services.csv: not a regular file (a character device); expected a file of at most 64 MiB",
                          "rates.csv: not a regular file (a character device); expected a file of at most 64 MiB"));
}

TEST(FileLimits, ThePlaceIndexMustBeARegularFile) {
  try {
    (void)load_place_index("/dev/zero");
    FAIL() << "expected a LoadError";
  } catch (const LoadError& e) {
    ASSERT_EQ(e.diagnostics().size(), 1u);
    EXPECT_EQ(e.diagnostics()[0].to_string(),
              "/dev/zero: not a regular file (a character device); expected a file of at most 64 MiB (the place "
              "index, data/unlocode/places.csv)");
  }
}

TEST(FileLimits, MarnetGeoJsonMustBeARegularFile) {
  const fs::path dir = testing_support::scratch_dir() / "marnet";
  fs::create_directories(dir);
  replace_by_link(dir / "marnet_searoute.geojson", "/dev/zero");
  replace_by_link(dir / "ports.geojson", "/dev/zero");
  try {
    (void)sea::MaritimeGraph::load(dir);
    FAIL() << "expected a LoadError";
  } catch (const LoadError& e) {
    ASSERT_FALSE(e.diagnostics().empty());
    EXPECT_THAT(e.diagnostics()[0].to_string(), HasSubstr("not a regular file (a character device)"));
    EXPECT_THAT(e.diagnostics()[0].file, HasSubstr(".geojson"));
  }
}

}  // namespace
}  // namespace landbridge::io
