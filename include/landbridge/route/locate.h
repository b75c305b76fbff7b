// Finding a location by what a user types: a UN/LOCODE, a name or an alias.
//
// Matching ignores case, blanks and punctuation, and folds accented Latin letters to their
// base letter ("Małaszewicze" = "malaszewicze", "Türkiye" = "turkiye"). In order:
//   1. the code ("kzhor"),  2. a whole name or alias ("Khorgos", "Altynkol"),
//   3. a name or alias that starts with the text (at least kMinPrefix letters) or contains it
//      as a word ("Hakata" finds "Hakata (Fukuoka)"; "x" finds nothing, not Xi'an).
// The first rule that matches exactly one node wins; several matches are ambiguous. When
// nothing matches, LocateError lists the closest codes, names and aliases by edit distance
// ("did you mean KZHOR Khorgos?").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "landbridge/core/error.h"
#include "landbridge/model/network.h"

namespace landbridge::route {

// Unknown or ambiguous text: the user's mistake (a RequestError, exit 2 on the command line).
// Fewest letters (after folding) a text needs to match a name by its beginning.
inline constexpr std::size_t kMinPrefix = 3;

class LocateError : public RequestError {
 public:
  LocateError(std::string query, std::vector<NodeId> candidates, bool ambiguous, std::string message);
  [[nodiscard]] const std::string& query() const { return query_; }
  // Suggestions (unknown text) or the matching nodes (ambiguous text), best first.
  [[nodiscard]] const std::vector<NodeId>& candidates() const { return candidates_; }
  [[nodiscard]] bool ambiguous() const { return ambiguous_; }

 private:
  std::string query_;
  std::vector<NodeId> candidates_;
  bool ambiguous_;
};

// The node `text` names. Throws LocateError: "unknown location 'Khorgas' (did you mean KZHOR
// Khorgos?)" or "ambiguous location 'Port' (could be ...)".
NodeId locate(const Network& net, std::string_view text);
// The rule that matched `text` first (1 code, 2 whole name or alias, 3 prefix or word; 0 when
// none did) and the nodes it matched (several: ambiguous).
struct LocateMatch {
  int rule = 0;
  std::vector<NodeId> nodes;
};
LocateMatch match(const Network& net, std::string_view text);
// For a text shorter than kMinPrefix that begins some node's name or alias: "location 'x' is
// too short: ... (names starting with 'x': CNXIA Xi'an)"; else "".
std::string too_short(const Network& net, std::string_view text);
// The same without throwing: nullopt when unknown or ambiguous.
std::optional<NodeId> try_locate(const Network& net, std::string_view text);
// Up to `max` nodes whose code, name or alias is closest to `text` (edit distance on folded
// text), best first.
std::vector<NodeId> suggest(const Network& net, std::string_view text, std::size_t max = 3);

// Lower-case ASCII with accents folded and everything but letters and digits dropped.
std::string fold(std::string_view text);
// Folded words of a name ("Hakata (Fukuoka)" -> "hakata", "fukuoka"), split at blanks and ()/,-.
std::vector<std::string> folded_words(std::string_view s);
// Levenshtein distance of two (folded) texts; past `limit` it gives up and returns limit + 1.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit = static_cast<std::size_t>(-1) - 1);

}  // namespace landbridge::route
