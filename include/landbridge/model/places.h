// Places that are not network nodes: the UN/LOCODE index a route may start or end at, and the
// road settings that connect such a place to the network (door-to-door pre-/on-carriage).
// io fills both (io/places.h loads the index; the manifest's [road] table gives RoadAccess);
// place/door.h uses them.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "landbridge/core/geo.h"
#include "landbridge/core/ids.h"
#include "landbridge/core/units.h"

namespace landbridge {

struct Place {
  std::string code;         // UN/LOCODE, "KZSHY"
  std::string name;         // as published, "Shymkent"
  std::string ascii;        // without diacritics ("" when equal to name)
  std::string alt;          // a second published name ("" when none)
  std::string subdivision;  // ISO 3166-2 part, may be empty
  LatLon pos;
  bool geocoded = false;    // coordinates added by the mirror's geocoder
  [[nodiscard]] std::string country() const { return code.substr(0, 2); }
};

// Every place of the index, by code. Read-only after construction.
class PlaceIndex {
 public:
  PlaceIndex() = default;
  explicit PlaceIndex(std::vector<Place> places);
  [[nodiscard]] std::size_t size() const { return places_.size(); }
  [[nodiscard]] bool empty() const { return places_.empty(); }
  [[nodiscard]] const Place& operator[](std::size_t i) const { return places_[i]; }
  [[nodiscard]] std::span<const Place> places() const { return places_; }
  // The place with this code (exact, upper case), or null.
  [[nodiscard]] const Place* find(std::string_view code) const;

 private:
  std::vector<Place> places_;
  std::unordered_map<std::string, std::size_t> by_code_;
};

// A figure of the road settings with what it rests on: source keys, or a note.
struct RoadFigure {
  double value = 0;
  double lo = 0, hi = 0;              // range (lo == hi == value when none)
  std::vector<SourceId> sources;
  std::string note;
};

// How a place off the network reaches it by truck (network.toml [road], docs/door-to-door.md).
struct RoadAccess {
  RoadFigure detour_factor;           // road distance = great-circle distance x this
  RoadFigure speed_kmh;               // average truck speed, driving time included stops
  RoadFigure cost_usd_per_km;         // price per truck-km; one box per truck
  RoadFigure border_hours;            // border-crossing time for a truck
  RoadFigure border_cost_usd;         // border-crossing cost per truck
  EmissionFactorId emission_factor;   // the road factor of emission_factors.csv
  int nearest = 3;                    // links to at most this many terminals ...
  double radius_km = 1000;            // ... within this great-circle distance
  std::vector<SourceId> rule_sources; // sources or note for nearest / radius
  std::string rule_note;
  // Groups of countries (ISO codes) between which a truck crosses without a border operation
  // (customs unions); a border point is added only between countries of no common group.
  std::vector<std::vector<std::string>> border_free;
  std::vector<SourceId> border_free_sources;
  std::string border_free_note;
  [[nodiscard]] bool free_crossing(const std::string& a, const std::string& b) const {
    for (const auto& g : border_free) {
      bool has_a = false, has_b = false;
      for (const auto& c : g) {
        has_a = has_a || c == a;
        has_b = has_b || c == b;
      }
      if (has_a && has_b) return true;
    }
    return false;
  }
};

}  // namespace landbridge
