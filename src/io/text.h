// Small text helpers of the io layer: UTF-8 checks, trimming, shortening values for
// messages, and "did you mean" suggestions.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace landbridge::io::detail {

// Byte offset of the first byte that breaks UTF-8 (overlong forms, surrogates and code
// points above U+10FFFF included), or npos when `s` is valid.
std::size_t utf8_error_offset(std::string_view s);

std::string_view trim(std::string_view s);

// The value as it goes into a Diagnostic: verbatim, but cut (on a UTF-8 boundary) to about
// 120 bytes with "..." so a garbage megabyte does not end up in a message.
std::string shown(std::string_view value);

// One thing a user may have meant: its key (what the suggestion prints), other texts that
// identify it (names, aliases) and an optional label printed after the key.
struct Candidate {
  std::string key;
  std::vector<std::string> names;
  std::string label;
};

// " (did you mean KZHOR (Khorgos Gateway)?)" or "" when nothing is close. Close means: a
// small edit distance (case-insensitive) to a key or name, a name or alias written exactly,
// or containment; for UN/LOCODE-like values, other codes of the same country as fallback.
// Each call spends from `budget` the work its edit distances take (character pairs compared);
// when that is more than is left it suggests nothing and empties the budget, so a file of a
// million bad references against a big package stays fast.
std::string did_you_mean(std::string_view value, std::span<const Candidate> candidates,
                         std::size_t& budget);

// Edit-distance work (character pairs) one package load may spend on suggestions: well under
// a second.
inline constexpr std::size_t kSuggestionBudget = 200'000'000;

// "a, b or c"
std::string join_or(std::span<const std::string> items);

}  // namespace landbridge::io::detail
