// "Did you mean" suggestions for a value that names nothing known: a mistyped code, link id,
// header or name. Used by the package loader and the scenario reader alike.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace landbridge {

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

}  // namespace landbridge
