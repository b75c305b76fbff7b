#include "landbridge/route/locate.h"

#include <algorithm>
#include <fmt/format.h>
#include <fmt/ranges.h>

namespace landbridge::route {
namespace {

// Base letter of a Latin-1 Supplement / Latin Extended-A code point, 0 if none.
char base_letter(std::uint32_t cp) {
  if (cp >= 0xC0 && cp <= 0xFF) {
    static constexpr char kLatin1[] =
        "aaaaaaaceeeeiiiidnooooo\0ouuuuyts"   // U+00C0..U+00DF
        "aaaaaaaceeeeiiiidnooooo\0ouuuuyty";  // U+00E0..U+00FF
    return kLatin1[cp - 0xC0];
  }
  if (cp >= 0x100 && cp <= 0x17F) {
    static constexpr char kExtA[] =
        "aaaaaaccccccccdddd"    // 0100-0111
        "eeeeeeeeee"            // 0112-011B
        "gggggggg"              // 011C-0123
        "hhhh"                  // 0124-0127
        "iiiiiiiiii"            // 0128-0131
        "jjjj"                  // 0132-0135 (ĳ as j)
        "kkk"                   // 0136-0138
        "llllllllll"            // 0139-0142
        "nnnnnnnnn"             // 0143-014B
        "oooooooo"              // 014C-0153
        "rrrrrr"                // 0154-0159
        "ssssssss"              // 015A-0161
        "tttttt"                // 0162-0167
        "uuuuuuuuuuuu"          // 0168-0173
        "ww"                    // 0174-0175
        "yyy"                   // 0176-0178
        "zzzzzz"                // 0179-017E
        "s";                    // 017F
    const std::size_t i = cp - 0x100;
    return i + 1 < sizeof kExtA ? kExtA[i] : '\0';
  }
  return '\0';
}

std::string describe(const Network& net, NodeId n) { return fmt::format("{} {}", net.node(n).code, net.node(n).name); }

}  // namespace

std::string fold(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += static_cast<char>(c);
      else if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
      ++i;
      continue;
    }
    // Decode one UTF-8 sequence; fold what we know, drop the rest.
    std::size_t len = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
    if (i + len > text.size()) len = 1;
    std::uint32_t cp = len == 2 ? (c & 0x1Fu) : len == 3 ? (c & 0x0Fu) : (c & 0x07u);
    for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3Fu);
    if (len == 2) {
      if (cp == 0xDF) out += "ss";
      else if (const char b = base_letter(cp)) out += b;
    }
    i += len;
  }
  return out;
}

LocateError::LocateError(std::string query, std::vector<NodeId> candidates, bool ambiguous, std::string message)
    : RequestError(std::move(message)), query_(std::move(query)), candidates_(std::move(candidates)), ambiguous_(ambiguous) {}

namespace {

struct Match {
  std::vector<NodeId> nodes;
  bool ambiguous = false;
  int rule = 0;
};

Match find_matches(const Network& net, std::string_view text) {
  const std::string q = fold(text);
  Match m;
  if (q.empty()) return m;
  auto rule = [&](auto&& pred) {
    std::vector<NodeId> hits;
    for (NodeId n : net.nodes().keys())
      if (pred(net.node(n))) hits.push_back(n);
    return hits;
  };
  auto names_of = [](const NodeInfo& info) {
    std::vector<std::string_view> v{info.name};
    for (const auto& a : info.aliases) v.push_back(a);
    return v;
  };
  const std::vector<std::vector<NodeId>> rules = {
      rule([&](const NodeInfo& i) { return fold(i.code) == q; }),
      rule([&](const NodeInfo& i) {
        for (auto nm : names_of(i))
          if (fold(nm) == q) return true;
        return false;
      }),
      rule([&](const NodeInfo& i) {
        for (auto nm : names_of(i)) {
          if (q.size() >= kMinPrefix && fold(nm).starts_with(q)) return true;
          for (const auto& w : folded_words(nm))
            if (w == q) return true;
        }
        return false;
      }),
  };
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const auto& hits = rules[i];
    if (hits.empty()) continue;
    m.nodes = hits;
    m.ambiguous = hits.size() > 1;
    m.rule = static_cast<int>(i) + 1;
    return m;
  }
  return m;
}

}  // namespace

std::vector<NodeId> suggest(const Network& net, std::string_view text, std::size_t max) {
  const std::string q = fold(text);
  std::vector<std::pair<std::size_t, NodeId>> scored;
  for (NodeId n : net.nodes().keys()) {
    const NodeInfo& i = net.node(n);
    std::size_t best = edit_distance(q, fold(i.code));
    auto consider = [&](std::string_view s) {
      best = std::min(best, edit_distance(q, fold(s)));
      for (const auto& w : folded_words(s)) best = std::min(best, edit_distance(q, w));
    };
    consider(i.name);
    for (const auto& a : i.aliases) consider(a);
    scored.emplace_back(best, n);
  }
  std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  // Only suggestions within reach: at most a third of the text's letters wrong (at least 2).
  const std::size_t reach = std::max<std::size_t>(2, q.size() / 3);
  std::vector<NodeId> out;
  for (const auto& [d, n] : scored) {
    if (out.size() >= max || d > reach) break;
    out.push_back(n);
  }
  return out;
}

LocateMatch match(const Network& net, std::string_view text) {
  Match m = find_matches(net, text);
  return {m.rule, std::move(m.nodes)};
}

std::string too_short(const Network& net, std::string_view text) {
  const std::string q = fold(text);
  if (q.empty() || q.size() >= kMinPrefix) return {};
  std::vector<std::string> names;
  for (NodeId n : net.nodes().keys()) {
    const NodeInfo& i = net.node(n);
    bool hit = fold(i.name).starts_with(q);
    for (const auto& a : i.aliases) hit = hit || fold(a).starts_with(q);
    if (hit) names.push_back(describe(net, n));
  }
  if (names.empty()) return {};
  const std::size_t shown = std::min<std::size_t>(names.size(), 3);
  return fmt::format("location '{}' is too short: give a code, a whole name or at least {} letters of a name "
                     "(names starting with '{}': {}{})",
                     text, kMinPrefix, text, fmt::join(names.begin(), names.begin() + static_cast<std::ptrdiff_t>(shown), ", "),
                     names.size() > shown ? fmt::format(" and {} more", names.size() - shown) : "");
}

std::optional<NodeId> try_locate(const Network& net, std::string_view text) {
  const Match m = find_matches(net, text);
  if (m.nodes.size() == 1) return m.nodes.front();
  return std::nullopt;
}

NodeId locate(const Network& net, std::string_view text) {
  // A node's code exactly as stored names that node (rule 1), found without folding every name
  // of the network: the query engine hands planners node codes.
  if (const auto n = net.find_node(text)) return *n;
  const Match m = find_matches(net, text);
  if (m.nodes.size() == 1) return m.nodes.front();
  std::vector<std::string> names;
  if (m.ambiguous) {
    for (NodeId n : m.nodes) names.push_back(describe(net, n));
    throw LocateError(std::string(text), m.nodes, true,
                      fmt::format("ambiguous location '{}' (could be {})", text, fmt::join(names, ", ")));
  }
  if (std::string why = too_short(net, text); !why.empty()) throw LocateError(std::string(text), {}, false, why);
  const auto s = suggest(net, text);
  for (NodeId n : s) names.push_back(describe(net, n));
  throw LocateError(std::string(text), s, false,
                    s.empty() ? fmt::format("unknown location '{}'", text)
                              : fmt::format("unknown location '{}' (did you mean {}?)", text, fmt::join(names, " or ")));
}

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
  const std::size_t diff = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (diff > limit) return limit + 1;
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    std::size_t best = row[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
      best = std::min(best, row[j]);
    }
    if (best > limit) return limit + 1;
  }
  return row[b.size()];
}

std::vector<std::string> folded_words(std::string_view s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '(' && s[j] != ')' && s[j] != '/' && s[j] != ',' && s[j] != '-') ++j;
    if (j > i) {
      std::string w = fold(s.substr(i, j - i));
      if (!w.empty()) out.push_back(std::move(w));
    }
    i = j + 1;
  }
  return out;
}

}  // namespace landbridge::route
