// LocationIndex: folded names built once, and the look-ups of search_locations on them.
#include "location_index.h"

#include <algorithm>

#include "landbridge/route/locate.h"

namespace landbridge::query {
namespace {

void sort_unique(std::vector<std::string>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

// Adds a name to e's wholes and its words to e's last word set.
void add_name(Searchable& e, const std::string& name) {
  if (name.empty()) return;
  e.wholes.push_back(route::fold(name));
  for (std::string& w : route::folded_words(name)) e.word_sets.back().push_back(std::move(w));
}

// Calls f on the (key, position) pairs of a sorted list whose key starts with `prefix`.
template <class F>
void for_prefix(const std::vector<std::pair<std::string, std::uint32_t>>& keys, std::string_view prefix, F&& f) {
  auto it = std::lower_bound(keys.begin(), keys.end(), prefix,
                             [](const auto& kv, std::string_view p) { return std::string_view(kv.first) < p; });
  for (; it != keys.end() && std::string_view(it->first).starts_with(prefix); ++it) f(*it);
}

std::string_view key_of(const std::pair<std::string, std::uint32_t>& kv) { return kv.first; }
std::string_view key_of(const std::string& s) { return s; }

// The `limit` smallest (rank, position) pairs offered, without duplicates.
class Best {
 public:
  explicit Best(std::size_t limit) : limit_(limit) {}
  // Whether a place at k of rank min_rank or worse may still be kept.
  [[nodiscard]] bool could_take(int min_rank, std::uint32_t k) const {
    return kept_.size() < limit_ || std::pair{min_rank, k} < kept_.back();
  }
  void offer(int rank, std::uint32_t k) {
    const std::pair<int, std::uint32_t> x{rank, k};
    if (!could_take(rank, k)) return;
    const auto at = std::lower_bound(kept_.begin(), kept_.end(), x);
    if (at != kept_.end() && *at == x) return;  // the same place under another key
    kept_.insert(at, x);
    if (kept_.size() > limit_) kept_.pop_back();
  }
  [[nodiscard]] std::vector<std::uint32_t> positions() const {
    std::vector<std::uint32_t> out;
    out.reserve(kept_.size());
    for (const auto& [rank, k] : kept_) out.push_back(k);
    return out;
  }

 private:
  std::size_t limit_;
  std::vector<std::pair<int, std::uint32_t>> kept_;  // sorted
};

}  // namespace

FoldedText fold_text(std::string_view text) {
  FoldedText t{.whole = route::fold(text), .words = route::folded_words(text), .longest = {}};
  for (const std::string& w : t.words)
    if (w.size() > t.longest.size()) t.longest = w;
  return t;
}

int match_rank(const FoldedText& t, const Searchable& e) {
  if (t.whole.empty()) return kNoMatch;
  if (e.code == t.whole) return 0;
  if (e.code.starts_with(t.whole)) return 1;
  if (std::find(e.wholes.begin(), e.wholes.end(), t.whole) != e.wholes.end()) return 2;
  if (t.words.empty()) return kNoMatch;
  for (const std::vector<std::string>& words : e.word_sets) {
    const bool all = std::all_of(t.words.begin(), t.words.end(), [&](const std::string& w) {
      // The words are sorted: those that start with w follow w directly.
      const auto it = std::lower_bound(words.begin(), words.end(), w);
      return it != words.end() && it->starts_with(w);
    });
    if (all) return 3;
  }
  return kNoMatch;
}

LocationIndex::LocationIndex(const Network& net, const PlaceIndex& places) {
  nodes_.reserve(net.node_count());
  for (const NodeInfo& n : net.nodes()) {
    Searchable e{.code = route::fold(n.code), .wholes = {}, .word_sets = {{}}};
    add_name(e, n.name);
    for (const std::string& a : n.aliases) {
      e.word_sets.emplace_back();
      add_name(e, a);
    }
    for (std::vector<std::string>& words : e.word_sets) sort_unique(words);
    nodes_.push_back(std::move(e));
  }
  places_.reserve(places.size());
  place_is_node_.reserve(places.size());
  for (std::uint32_t k = 0; k < places.size(); ++k) {
    const Place& p = places[k];
    Searchable e{.code = route::fold(p.code), .wholes = {}, .word_sets = {{}}};
    for (const std::string* name : {&p.name, &p.ascii, &p.alt}) add_name(e, *name);
    sort_unique(e.word_sets.front());
    by_code_.emplace_back(e.code, k);
    for (const std::string& w : e.wholes) by_whole_.emplace_back(w, k);
    for (const std::string& w : e.word_sets.front()) by_word_.emplace_back(w, k);
    place_is_node_.push_back(net.find_node(p.code).has_value());
    places_.push_back(std::move(e));
  }
  std::sort(by_code_.begin(), by_code_.end());
  std::sort(by_whole_.begin(), by_whole_.end());
  std::sort(by_word_.begin(), by_word_.end());
}

std::vector<NodeId> LocationIndex::nodes(const FoldedText& t, std::size_t limit) const {
  std::vector<std::pair<int, std::uint32_t>> hits;
  for (std::uint32_t i = 0; i < nodes_.size(); ++i)
    if (const int r = match_rank(t, nodes_[i]); r != kNoMatch) hits.emplace_back(r, i);
  std::sort(hits.begin(), hits.end());
  std::vector<NodeId> out;
  for (std::size_t i = 0; i < hits.size() && i < limit; ++i) out.emplace_back(hits[i].second);
  return out;
}

std::vector<std::uint32_t> LocationIndex::places(const FoldedText& t, std::size_t limit) const {
  if (t.whole.empty() || limit == 0) return {};
  // The candidates: places whose code starts with the text (rank 0 when it is the text, 1
  // otherwise), places with a name that is the text (rank 2), and places with a word that starts
  // with the text's longest word (every rank 3 match has one). A place met in an earlier pass
  // has its rank from there; a later pass looks at a place only when it can still make the list.
  Best best(limit);
  for_prefix(by_code_, t.whole, [&](const std::pair<std::string, std::uint32_t>& kv) {
    if (!place_is_node_[kv.second]) best.offer(kv.first == t.whole ? 0 : 1, kv.second);
  });
  const auto by_name = [&](int min_rank, std::uint32_t k) {
    if (!best.could_take(min_rank, k) || place_is_node_[k]) return;
    const Searchable& e = places_[k];
    if (e.code.starts_with(t.whole)) return;  // offered by its code
    if (const int r = match_rank(t, e); r != kNoMatch) best.offer(r, k);
  };
  const auto [lo, hi] = std::equal_range(by_whole_.begin(), by_whole_.end(), t.whole,
                                         [](const auto& a, const auto& b) { return key_of(a) < key_of(b); });
  for (auto it = lo; it != hi; ++it) by_name(2, it->second);
  if (!t.longest.empty())
    for_prefix(by_word_, t.longest, [&](const std::pair<std::string, std::uint32_t>& kv) { by_name(2, kv.second); });
  return best.positions();
}

}  // namespace landbridge::query
