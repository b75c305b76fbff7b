// Engine::search_locations: what a user may type, by code prefix or name words, nodes first.
#include <algorithm>

#include "impl.h"
#include "landbridge/route/locate.h"

namespace landbridge::query {
namespace {

// How well a candidate matches (lower is better); kNoMatch when it does not.
constexpr int kNoMatch = 99;

// 0 the code itself, 1 a code that starts with the text, 2 a whole name or alias ("khorgos"),
// 3 a name whose words begin with every word of the text, in any order ("duis", "port hakata").
int score(std::string_view folded_text, const std::vector<std::string>& text_words, std::string_view folded_code,
          const std::vector<std::vector<std::string>>& names, const std::vector<std::string>& whole = {}) {
  if (folded_text.empty()) return kNoMatch;
  if (folded_code == folded_text) return 0;
  if (folded_code.starts_with(folded_text)) return 1;
  if (std::find(whole.begin(), whole.end(), folded_text) != whole.end()) return 2;
  if (text_words.empty()) return kNoMatch;
  for (const std::vector<std::string>& words : names) {
    const bool all = std::all_of(text_words.begin(), text_words.end(), [&](const std::string& t) {
      return std::any_of(words.begin(), words.end(), [&](const std::string& w) { return w.starts_with(t); });
    });
    if (all) return 3;
  }
  return kNoMatch;
}

}  // namespace

std::vector<Location> Engine::search_locations(std::string_view text, std::size_t limit) const {
  const Impl& m = *impl_;
  const Network& net = network();
  const std::string folded = route::fold(text);
  const std::vector<std::string> words = route::folded_words(text);
  std::vector<Location> out;
  if (folded.empty() || limit == 0) return out;

  // Nodes, best score first (then in package order).
  std::vector<std::pair<int, NodeId>> nodes;
  for (NodeId n : net.nodes().keys()) {
    const NodeInfo& i = net.node(n);
    std::vector<std::vector<std::string>> names{route::folded_words(i.name)};
    std::vector<std::string> whole{route::fold(i.name)};
    for (const std::string& a : i.aliases) {
      names.push_back(route::folded_words(a));
      whole.push_back(route::fold(a));
    }
    const int s = score(folded, words, route::fold(i.code), names, whole);
    if (s != kNoMatch) nodes.emplace_back(s, n);
  }
  std::stable_sort(nodes.begin(), nodes.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [s, n] : nodes) {
    if (out.size() == limit) return out;
    const NodeInfo& i = net.node(n);
    out.push_back({.code = i.code, .name = i.name, .country = i.country, .lat = i.pos.lat, .lon = i.pos.lon,
                   .on_network = true, .kind = std::string(to_string(i.kind))});
  }

  // Places of the index that are not nodes: candidates by a code prefix or a prefix of the
  // longest word, then scored as nodes are.
  const PlaceIndex& index = m.places();
  std::call_once(m.folded_once, [&] {
    Impl::FoldedPlaces& f = m.folded;
    f.words.resize(index.size());
    f.wholes.resize(index.size());
    for (std::uint32_t k = 0; k < index.size(); ++k) {
      const Place& p = index[k];
      f.by_code.emplace_back(route::fold(p.code), k);
      for (const std::string* name : {&p.name, &p.ascii, &p.alt}) {
        if (name->empty()) continue;
        f.wholes[k].push_back(route::fold(*name));
        for (std::string& w : route::folded_words(*name)) f.words[k].push_back(std::move(w));
      }
      std::sort(f.words[k].begin(), f.words[k].end());
      f.words[k].erase(std::unique(f.words[k].begin(), f.words[k].end()), f.words[k].end());
      for (const std::string& w : f.words[k]) f.by_word.emplace_back(w, k);
    }
    std::sort(f.by_code.begin(), f.by_code.end());
    std::sort(f.by_word.begin(), f.by_word.end());
  });
  const Impl::FoldedPlaces& f = m.folded;
  std::vector<std::uint32_t> candidates;
  const auto with_prefix = [&](const std::vector<std::pair<std::string, std::uint32_t>>& keys, const std::string& p) {
    for (auto it = std::lower_bound(keys.begin(), keys.end(), std::make_pair(p, std::uint32_t{0}));
         it != keys.end() && it->first.starts_with(p); ++it)
      candidates.push_back(it->second);
  };
  with_prefix(f.by_code, folded);
  if (!words.empty())
    with_prefix(f.by_word, *std::max_element(words.begin(), words.end(),
                                             [](const auto& a, const auto& b) { return a.size() < b.size(); }));
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  std::vector<std::pair<int, std::size_t>> places;
  for (std::uint32_t k : candidates) {
    const int s = score(folded, words, route::fold(index[k].code), {f.words[k]}, f.wholes[k]);
    if (s != kNoMatch && !net.find_node(index[k].code)) places.emplace_back(s, k);
  }
  std::stable_sort(places.begin(), places.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [s, k] : places) {
    if (out.size() == limit) break;
    const Place& p = index[k];
    out.push_back({.code = p.code, .name = p.name, .country = p.country(), .lat = p.pos.lat, .lon = p.pos.lon,
                   .on_network = false, .kind = "place"});
  }
  return out;
}

}  // namespace landbridge::query
