#include "text.h"

#include <algorithm>
#include <cstdint>

#include "landbridge/core/error.h"
#include "landbridge/core/user_file.h"

namespace landbridge::io::detail {

std::size_t utf8_error_offset(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07;
    } else {
      return i;  // continuation byte without a lead, C0/C1 overlong lead, or F5..FF
    }
    if (i + len > n) return i;
    for (std::size_t k = 1; k < len; ++k) {
      const unsigned cc = p[i + k];
      if ((cc & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF))
      return i;
    i += len;
  }
  return std::string_view::npos;
}

std::string_view trim(std::string_view s) {
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  return s;
}

std::string shown(std::string_view value) {
  constexpr std::size_t kMax = 120;
  if (value.size() <= kMax) return std::string(value);
  std::size_t cut = kMax;
  // Step back to the start of a UTF-8 sequence.
  while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;
  return std::string(value.substr(0, cut)) + "...";
}

std::string read_or_throw(const std::filesystem::path& path, std::uintmax_t max_bytes) {
  UserFile f = read_user_file(path, max_bytes);
  if (!f.ok()) {
    std::string message = f.status == UserFile::Status::missing ? "no such file" : std::move(f.problem);
    throw LoadError({Diagnostic{.file = path.string(), .line = 0, .field = "", .value = "", .message = std::move(message)}});
  }
  return std::move(f.text);
}

}  // namespace landbridge::io::detail
