// Finding the origin or destination a user typed: a node of the network or any UN/LOCODE place.
//
// Rules, in order (matching folds case, blanks, punctuation and accents as route/locate.h):
//   1. a node's code                      ("KZHOR")
//   2. a place's code                     ("TRIST", "kzshy")
//   3. the node rules of route/locate.h: whole name or alias, then a name or alias that starts
//      with the text or holds it as a word ("Khorgos", "Hakata", and "Istanbul" -> the node
//      TRHAL "Istanbul (Halkalı)": the network's own terminal wins over the city TRIST)
//   4. a place's whole name (as published, without diacritics, or its second name) ("Shymkent")
//   5. a place's name that starts with the text, of at least route::kMinPrefix letters (not a
//      word inside it: many UN/LOCODE names are "District/City", which would make every city
//      name ambiguous)
// The first rule with exactly one match wins; several matches are ambiguous (route::LocateError
// listing them), except that for rules 4 and 5, with `near_km` > 0, when exactly one of the
// places lies within near_km great-circle of some node, that one wins ("Dresden" is DEDRS in
// Germany, not one of five Dresdens in North America). So every text that finds a node with route::locate still finds that node, and
// any other UN/LOCODE place is reached by its code or name. When nothing matches, the error
// suggests the closest nodes first, then the closest places of the whole index by edit distance
// ("Istambul" -> "did you mean TRHAL Istanbul (Halkalı) or TRIST Istanbul (TR-34)?").
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "landbridge/model/network.h"
#include "landbridge/model/places.h"

namespace landbridge::place {

// What a text names: a network node, or a place of the index that is not one.
struct Resolved {
  std::optional<NodeId> node;
  const Place* place = nullptr;
};

// The place index on demand: a node's code, or a node's name that cannot be a UN/LOCODE (not
// five letters or digits), never loads it.
using PlaceSource = std::function<const PlaceIndex&()>;

// Throws route::LocateError (unknown, with suggestions; or ambiguous, with the candidates).
Resolved resolve(const Network& net, const PlaceSource& places, std::string_view text, double near_km = 0);

// Up to `max` suggestions for an unknown text, "CODE Name", nodes first.
std::vector<std::string> suggestions(const Network& net, const PlaceIndex& places, std::string_view text,
                                     std::size_t max = 3);

}  // namespace landbridge::place
