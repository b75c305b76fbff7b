// Private string helper: concatenation by appending, which also keeps g++ 12's
// -Wrestrict false positive on `"literal" + std::string&&` out of -Werror builds.
#pragma once

#include <charconv>
#include <concepts>
#include <string>
#include <string_view>

namespace landbridge::timetable::detail {

inline void append_one(std::string& s, std::string_view v) { s.append(v); }
inline void append_one(std::string& s, const char* v) { s.append(v); }
inline void append_one(std::string& s, const std::string& v) { s.append(v); }
inline void append_one(std::string& s, char c) { s.push_back(c); }
template <std::integral I>
  requires(!std::same_as<I, char> && !std::same_as<I, bool>)
void append_one(std::string& s, I v) {
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  s.append(buf, r.ptr);
}

template <class... A>
std::string cat(const A&... a) {
  std::string s;
  (append_one(s, a), ...);
  return s;
}

}  // namespace landbridge::timetable::detail
