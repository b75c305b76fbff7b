// What search_locations looks things up in: the network's nodes and the UN/LOCODE places with
// their codes, names and name words folded once (route/locate.h), and sorted keys for prefix
// look-ups. Built once per Engine, on the first search; read-only after.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "landbridge/model/network.h"
#include "landbridge/model/places.h"

namespace landbridge::query {

// A typed text, folded: the whole text, its words, and its longest word.
struct FoldedText {
  std::string whole;
  std::vector<std::string> words;
  std::string_view longest;  // into words; empty when there are none
};
FoldedText fold_text(std::string_view text);

// One thing a text may match: its folded code, names, and sets of name words (each sorted and
// unique; a node has one per name and alias, a place one for all its names).
struct Searchable {
  std::string code;
  std::vector<std::string> wholes;
  std::vector<std::vector<std::string>> word_sets;
};

// How well an entry matches (lower is better): 0 the code itself, 1 a code that starts with the
// text, 2 a whole name or alias, 3 a word set in which every word of the text begins a word, in any
// order; kNoMatch otherwise.
inline constexpr int kNoMatch = 99;
int match_rank(const FoldedText& t, const Searchable& e);

class LocationIndex {
 public:
  LocationIndex(const Network& net, const PlaceIndex& places);

  // Up to `limit` node ids, best rank first, then in package order.
  [[nodiscard]] std::vector<NodeId> nodes(const FoldedText& t, std::size_t limit) const;
  // Up to `limit` positions in the place index of places that are not nodes, best rank first,
  // then in index order: the first `limit` of that order over every place that matches.
  [[nodiscard]] std::vector<std::uint32_t> places(const FoldedText& t, std::size_t limit) const;

 private:
  std::vector<Searchable> nodes_;       // by node id
  std::vector<Searchable> places_;      // by position in the place index
  std::vector<bool> place_is_node_;     // the place's code is a node's (listed as the node)
  std::vector<std::pair<std::string, std::uint32_t>> by_code_, by_whole_, by_word_;  // sorted (key, position)
};

}  // namespace landbridge::query
