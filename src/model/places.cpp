#include "landbridge/model/places.h"

#include <fmt/format.h>

#include "landbridge/core/error.h"

namespace landbridge {

PlaceIndex::PlaceIndex(std::vector<Place> places) : places_(std::move(places)) {
  by_code_.reserve(places_.size());
  for (std::size_t i = 0; i < places_.size(); ++i)
    if (!by_code_.emplace(places_[i].code, i).second)
      throw Error(fmt::format("place index: code {} listed twice", places_[i].code));
}

const Place* PlaceIndex::find(std::string_view code) const {
  auto it = by_code_.find(std::string(code));
  return it == by_code_.end() ? nullptr : &places_[it->second];
}

}  // namespace landbridge
