// Engine::search_locations: nodes by code or name words first, then UN/LOCODE places.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <tuple>

#include "landbridge/io/places.h"
#include "landbridge/query/engine.h"
#include "landbridge/route/locate.h"

namespace landbridge::query {
namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

const Engine& eurasia() {
  static const Engine engine = Engine::open("");
  return engine;
}

TEST(SearchLocations, CodeFirstThenNames) {
  const std::vector<Location> hor = eurasia().search_locations("KZHOR");
  ASSERT_FALSE(hor.empty());
  EXPECT_EQ(hor.front().code, "KZHOR");
  EXPECT_TRUE(hor.front().on_network);
  EXPECT_EQ(hor.front().country, "KZ");
  const std::vector<Location> dui = eurasia().search_locations("duis");
  ASSERT_FALSE(dui.empty());
  EXPECT_EQ(dui.front().code, "DEDUI");
  // Accents and case fold: "khorgos" finds the node by its alias.
  const std::vector<Location> kh = eurasia().search_locations("KHORGOS");
  ASSERT_FALSE(kh.empty());
  EXPECT_EQ(kh.front().code, "KZHOR");
}

TEST(SearchLocations, PlacesOfTheIndexAfterNodes) {
  const std::vector<Location> ist = eurasia().search_locations("Istanbul", 20);
  ASSERT_FALSE(ist.empty());
  EXPECT_TRUE(ist.front().on_network);  // the network's terminal TRHAL first
  bool city = false;
  bool nodes_first = true, seen_place = false;
  for (const Location& l : ist) {
    if (l.code == "TRIST") city = !l.on_network && l.kind == "place";
    if (!l.on_network) seen_place = true;
    if (l.on_network && seen_place) nodes_first = false;
  }
  EXPECT_TRUE(city);
  EXPECT_TRUE(nodes_first);
  const std::vector<Location> shy = eurasia().search_locations("KZSHY");
  ASSERT_EQ(shy.size(), 1U);
  EXPECT_EQ(shy.front().name, "Shymkent");
  EXPECT_FALSE(shy.front().on_network);
}

TEST(SearchLocations, PlacesByNameWords) {
  const std::vector<Location> shy = eurasia().search_locations("shymk", 50);
  EXPECT_TRUE(std::any_of(shy.begin(), shy.end(), [](const Location& l) { return l.code == "KZSHY"; }));
  for (const Location& l : shy) EXPECT_NE(lower(l.name).find("shymk"), std::string::npos) << l.name;
}

TEST(SearchLocations, LimitAndNothing) {
  EXPECT_EQ(eurasia().search_locations("DE", 3).size(), 3U);
  EXPECT_TRUE(eurasia().search_locations("", 5).empty());
  EXPECT_TRUE(eurasia().search_locations("zzqqxx").empty());
}

TEST(SearchLocations, PrefixAndAccentFolded) {
  // A prefix of a name with an accent, the accent dropped, or in capitals: the same places.
  const auto codes = [](const std::vector<Location>& ls) {
    std::vector<std::string> out;
    for (const Location& l : ls) out.push_back(l.code);
    return out;
  };
  const std::vector<std::string> accented = codes(eurasia().search_locations("D\u00fcsseld", 20));
  EXPECT_NE(std::find(accented.begin(), accented.end(), "DEDUS"), accented.end());
  EXPECT_EQ(codes(eurasia().search_locations("dusseld", 20)), accented);
  EXPECT_EQ(codes(eurasia().search_locations("D\u00dcSSELD", 20)), accented);
  // A code prefix lists codes before names: "DEDU" gives the node DEDUI, then places DEDU*.
  const std::vector<Location> dedu = eurasia().search_locations("dedu", 5);
  ASSERT_EQ(dedu.size(), 5U);
  EXPECT_EQ(dedu.front().code, "DEDUI");
  for (std::size_t i = 1; i < dedu.size(); ++i) EXPECT_EQ(dedu[i].code.substr(0, 4), "DEDU") << dedu[i].code;
  // Two words, in either order, each the beginning of a word of one name.
  const std::vector<Location> sp = eurasia().search_locations("paulo s\u00e3o", 50);
  EXPECT_TRUE(std::any_of(sp.begin(), sp.end(), [](const Location& l) { return l.code == "BRSAO"; }));
}

// The rules of docs/query-engine.md applied to every node and place, one by one: the indexed
// search must give the same list, in the same order.
struct Entry {
  std::string code;
  std::vector<std::string> wholes;
  std::vector<std::vector<std::string>> word_sets;
};

int brute_rank(const std::string& t, const std::vector<std::string>& words, const Entry& e) {
  if (t.empty()) return -1;  // a text of blanks and punctuation matches nothing
  if (e.code == t) return 0;
  if (e.code.starts_with(t)) return 1;
  if (std::find(e.wholes.begin(), e.wholes.end(), t) != e.wholes.end()) return 2;
  if (words.empty()) return -1;
  for (const std::vector<std::string>& set : e.word_sets) {
    const bool all = std::all_of(words.begin(), words.end(), [&](const std::string& w) {
      return std::any_of(set.begin(), set.end(), [&](const std::string& x) { return x.starts_with(w); });
    });
    if (all) return 3;
  }
  return -1;
}

TEST(SearchLocations, SameAsEveryEntryScored) {
  const Network& net = eurasia().network();
  const PlaceIndex index = io::load_place_index(io::default_place_index_path());
  ASSERT_GT(index.size(), 1000U);
  std::vector<Entry> nodes, places;
  for (const NodeInfo& n : net.nodes()) {
    Entry e{route::fold(n.code), {route::fold(n.name)}, {route::folded_words(n.name)}};
    for (const std::string& a : n.aliases) {
      e.wholes.push_back(route::fold(a));
      e.word_sets.push_back(route::folded_words(a));
    }
    nodes.push_back(std::move(e));
  }
  std::vector<std::size_t> place_pos;
  for (std::size_t k = 0; k < index.size(); ++k) {
    const Place& p = index[k];
    if (net.find_node(p.code)) continue;
    Entry e{route::fold(p.code), {}, {{}}};
    for (const std::string* name : {&p.name, &p.ascii, &p.alt}) {
      if (name->empty()) continue;
      e.wholes.push_back(route::fold(*name));
      for (const std::string& w : route::folded_words(*name)) e.word_sets.front().push_back(w);
    }
    places.push_back(std::move(e));
    place_pos.push_back(k);
  }
  for (const char* text : {"kh", "KZ", "ist", "Duisburg", "port hakata", "hakata port", "D\u00fcsseldorf", "almaty", "a",
                           "m", "st", "JPHKT", "jphkt", "lian", "Khorgos", "zzzz", "new york", "york new", "sao",
                           "s\u00e3o paulo", "-", "de", "DEHAM", "ham", "saint pet", "x y", "gdan", "moscow"}) {
    const std::string t = route::fold(text);
    const std::vector<std::string> words = route::folded_words(text);
    std::vector<std::string> all;  // nodes by (rank, package order), then places by (rank, index order)
    std::vector<std::tuple<int, std::size_t, std::string>> hits;
    for (std::size_t i = 0; i < nodes.size(); ++i)
      if (const int r = brute_rank(t, words, nodes[i]); r >= 0) hits.emplace_back(r, i, nodes[i].code);
    std::sort(hits.begin(), hits.end());
    for (const auto& h : hits) all.push_back(lower(net.node(NodeId(static_cast<std::uint32_t>(std::get<1>(h)))).code));
    hits.clear();
    for (std::size_t i = 0; i < places.size(); ++i)
      if (const int r = brute_rank(t, words, places[i]); r >= 0) hits.emplace_back(r, place_pos[i], places[i].code);
    std::sort(hits.begin(), hits.end());
    for (const auto& h : hits) all.push_back(std::get<2>(h));
    for (std::size_t limit : {1U, 10U, 60U}) {
      std::vector<std::string> expected(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(std::min(limit, all.size())));
      std::vector<std::string> got;
      for (const Location& l : eurasia().search_locations(text, limit)) got.push_back(lower(l.code));
      EXPECT_EQ(got, expected) << "text '" << text << "', limit " << limit;
    }
  }
}

}  // namespace
}  // namespace landbridge::query
