#include "landbridge/core/user_file.h"

#include <fmt/format.h>

#include <fstream>
#include <system_error>

namespace landbridge {
namespace {

std::string kind_of(std::filesystem::file_type t) {
  using std::filesystem::file_type;
  switch (t) {
    case file_type::directory: return "a folder";
    case file_type::fifo: return "a FIFO";
    case file_type::character: return "a character device";
    case file_type::block: return "a block device";
    case file_type::socket: return "a socket";
    default: return "not a plain file";
  }
}

}  // namespace

std::string size_text(std::uintmax_t bytes) {
  if (bytes >= kMiB && bytes % kMiB == 0) return fmt::format("{} MiB", bytes / kMiB);
  if (bytes >= 1024 && bytes % 1024 == 0) return fmt::format("{} KiB", bytes / 1024);
  return fmt::format("{} bytes", bytes);
}

UserFile read_user_file(const std::filesystem::path& path, std::uintmax_t max_bytes) {
  UserFile f;
  std::error_code ec;
  const auto st = std::filesystem::status(path, ec);  // follows links
  if (ec || st.type() == std::filesystem::file_type::not_found) {
    f.status = UserFile::Status::missing;
    f.problem = "file is missing";
    return f;
  }
  if (st.type() != std::filesystem::file_type::regular) {
    f.status = UserFile::Status::not_regular;
    f.problem = fmt::format("not a regular file ({}); expected a file of at most {}", kind_of(st.type()),
                            size_text(max_bytes));
    return f;
  }
  const std::uintmax_t size = std::filesystem::file_size(path, ec);
  const auto too_large = [&](std::uintmax_t seen, bool exact) {
    f.status = UserFile::Status::too_large;
    f.problem = fmt::format("the file has {}{} bytes; expected at most {} (the size limit of this kind of file)",
                            exact ? "" : "more than ", exact ? seen : max_bytes, size_text(max_bytes));
    f.text.clear();
    return f;
  };
  if (!ec && size > max_bytes) return too_large(size, true);
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    f.status = UserFile::Status::unreadable;
    f.problem = "cannot open the file for reading";
    return f;
  }
  // Read at most max_bytes + 1 bytes: a file that grows after the size check is still bounded.
  constexpr std::size_t kChunk = 1 << 16;
  std::string buf(kChunk, '\0');
  while (in) {
    in.read(buf.data(), static_cast<std::streamsize>(kChunk));
    const auto got = static_cast<std::size_t>(in.gcount());
    f.text.append(buf.data(), got);
    if (f.text.size() > max_bytes) return too_large(f.text.size(), false);
    if (got == 0) break;
  }
  if (in.bad()) {
    f.status = UserFile::Status::unreadable;
    f.problem = "cannot read the file";
    f.text.clear();
    return f;
  }
  f.status = UserFile::Status::ok;
  return f;
}

}  // namespace landbridge
