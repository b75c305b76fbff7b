// Small text helpers of the io layer: UTF-8 checks, trimming, shortening values for
// messages, and "did you mean" suggestions.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "landbridge/core/suggest.h"

namespace landbridge::io::detail {

// Byte offset of the first byte that breaks UTF-8 (overlong forms, surrogates and code
// points above U+10FFFF included), or npos when `s` is valid.
std::size_t utf8_error_offset(std::string_view s);

std::string_view trim(std::string_view s);

// The value as it goes into a Diagnostic: verbatim, but cut (on a UTF-8 boundary) to about
// 120 bytes with "..." so a garbage megabyte does not end up in a message.
std::string shown(std::string_view value);

// A whole file a user named (core/user_file.h: regular files only, at most max_bytes), or a
// LoadError naming the file and what is wrong ("no such file" when it is missing).
std::string read_or_throw(const std::filesystem::path& path, std::uintmax_t max_bytes);

// The suggestion helpers moved to core (core/suggest.h); io keeps its old names for them.
using landbridge::Candidate;
using landbridge::did_you_mean;
using landbridge::join_or;
using landbridge::kSuggestionBudget;

}  // namespace landbridge::io::detail
