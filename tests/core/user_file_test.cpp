#include "landbridge/core/user_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <string>

#include "../support/scratch.h"

namespace landbridge {
namespace {

namespace fs = std::filesystem;

void write(const fs::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary) << text;
}

TEST(UserFile, ReadsARegularFileWhole) {
  const fs::path p = testing_support::scratch_dir() / "a.csv";
  write(p, "code,name\nJPHKT,Hakata\n");
  const UserFile f = read_user_file(p, 1024);
  ASSERT_TRUE(f.ok()) << f.problem;
  EXPECT_EQ(f.text, "code,name\nJPHKT,Hakata\n");
}

TEST(UserFile, AFileAtTheLimitIsReadOneByteOverIsRefused) {
  const fs::path dir = testing_support::scratch_dir();
  write(dir / "at.csv", std::string(100, 'x'));
  write(dir / "over.csv", std::string(101, 'x'));
  EXPECT_TRUE(read_user_file(dir / "at.csv", 100).ok());
  const UserFile over = read_user_file(dir / "over.csv", 100);
  EXPECT_EQ(over.status, UserFile::Status::too_large);
  EXPECT_EQ(over.problem, "the file has 101 bytes; expected at most 100 bytes (the size limit of this kind of file)");
  EXPECT_TRUE(over.text.empty());
}

TEST(UserFile, MissingIsToldApartFromRefused) {
  const UserFile f = read_user_file(testing_support::scratch_dir() / "none.csv", 100);
  EXPECT_EQ(f.status, UserFile::Status::missing);
}

TEST(UserFile, AFifoIsRefusedWithoutOpeningIt) {
  // Opening a FIFO for reading would block until a writer comes: the test would hang.
  const fs::path p = testing_support::scratch_dir() / "pipe.csv";
  fs::remove(p);
  ASSERT_EQ(::mkfifo(p.c_str(), 0600), 0);
  const UserFile f = read_user_file(p, kMaxCsvBytes);
  EXPECT_EQ(f.status, UserFile::Status::not_regular);
  EXPECT_EQ(f.problem, "not a regular file (a FIFO); expected a file of at most 64 MiB");
}

TEST(UserFile, DevicesAndLinksToThemAreRefused) {
  const fs::path link = testing_support::scratch_dir() / "zero.csv";
  fs::remove(link);
  fs::create_symlink("/dev/zero", link);
  for (const fs::path& p : {fs::path("/dev/zero"), fs::path("/dev/urandom"), link}) {
    const UserFile f = read_user_file(p, kMaxCsvBytes);
    EXPECT_EQ(f.status, UserFile::Status::not_regular) << p;
    EXPECT_EQ(f.problem, "not a regular file (a character device); expected a file of at most 64 MiB") << p;
  }
}

TEST(UserFile, AFolderIsRefused) {
  const UserFile f = read_user_file(testing_support::scratch_dir(), kMaxTomlBytes);
  EXPECT_EQ(f.problem, "not a regular file (a folder); expected a file of at most 1 MiB");
}

TEST(UserFile, SizeTextNamesTheUnit) {
  EXPECT_EQ(size_text(64 * kMiB), "64 MiB");
  EXPECT_EQ(size_text(512 * 1024), "512 KiB");
  EXPECT_EQ(size_text(1000), "1000 bytes");
}

}  // namespace
}  // namespace landbridge
