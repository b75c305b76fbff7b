// "Did you mean" suggestions for a mistyped code, id or name (core/suggest.h).
#include "landbridge/core/suggest.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace landbridge {

namespace {

char lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool iequal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

bool icontains(std::string_view hay, std::string_view needle) {
  if (needle.empty() || needle.size() > hay.size()) return false;
  for (std::size_t i = 0; i + needle.size() <= hay.size(); ++i)
    if (iequal(hay.substr(i, needle.size()), needle)) return true;
  return false;
}

// Case-insensitive Levenshtein distance (two rows).
std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t sub = prev[j - 1] + (lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

bool looks_like_locode(std::string_view s) {
  return s.size() == 5 && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
         });
}

}  // namespace

std::string join_or(std::span<const std::string> items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += (i + 1 == items.size()) ? " or " : ", ";
    out += items[i];
  }
  return out;
}

std::string did_you_mean(std::string_view value, std::span<const Candidate> candidates,
                         std::size_t& budget) {
  // Suggestions are for typos; long values are not typos of short keys (and would make the
  // edit distance expensive).
  if (value.empty() || value.size() > 64 || candidates.empty() || budget == 0) return {};
  std::size_t cost = 0;
  for (const Candidate& c : candidates) {
    cost += (value.size() + 1) * (std::min<std::size_t>(c.key.size(), 65) + 1);
    for (const std::string& name : c.names)
      cost += (value.size() + 1) * (std::min<std::size_t>(name.size(), 65) + 1);
  }
  if (cost > budget) {
    budget = 0;
    return {};
  }
  budget -= cost;
  struct Scored {
    std::size_t score;
    std::size_t index;
  };
  std::vector<Scored> hits;
  const std::size_t limit = std::max<std::size_t>(1, value.size() / 3);
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const Candidate& c = candidates[i];
    std::size_t best = SIZE_MAX;
    if (c.key.size() <= 64) {
      const std::size_t d = edit_distance(value, c.key);
      if (d <= limit) best = d;
      // One contains the other and is at least half as long ("rail-elec" in "rail-electric").
      const std::size_t shorter = std::min(value.size(), c.key.size());
      const std::size_t longer = std::max(value.size(), c.key.size());
      if (shorter >= 3 && 2 * shorter >= longer &&
          (icontains(c.key, value) || icontains(value, c.key)))
        best = std::min<std::size_t>(best, 2);
    }
    for (const std::string& name : c.names) {
      if (name.size() > 64) continue;
      if (iequal(name, value)) {
        best = 0;
        break;
      }
      const std::size_t d = edit_distance(value, name);
      if (d <= std::max<std::size_t>(1, name.size() / 4)) best = std::min(best, d + 1);
    }
    if (best != SIZE_MAX) hits.push_back({best, i});
  }
  if (hits.empty() && looks_like_locode(value)) {
    // Same country, different place: offer the codes of that country.
    for (std::size_t i = 0; i < candidates.size(); ++i)
      if (candidates[i].key.size() == 5 && candidates[i].key.compare(0, 2, value.substr(0, 2)) == 0)
        hits.push_back({100, i});
  }
  if (hits.empty()) return {};
  std::stable_sort(hits.begin(), hits.end(),
                   [](const Scored& a, const Scored& b) { return a.score < b.score; });
  std::vector<std::string> shown_items;
  for (std::size_t k = 0; k < hits.size() && k < 3; ++k) {
    const Candidate& c = candidates[hits[k].index];
    shown_items.push_back(c.label.empty() ? c.key : c.key + " (" + c.label + ")");
  }
  return " (did you mean " + join_or(shown_items) + "?)";
}

}  // namespace landbridge
