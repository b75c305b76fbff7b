// Numbers with units in package cells ("550 nm", "4 d", "18 kn", "329 USD", "400..600 km").
//
// A cell holds a number (parsed with std::from_chars) optionally followed by a unit; the
// quantity kind says which units are allowed, which is assumed when none is written, and the
// plausible bounds. Values come back in the kind's base unit (km, h, km/h, USD, kg/t, g/tkm).
// Failures come back as text saying what was expected, for a Diagnostic.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace landbridge::io {

struct Unit {
  std::string_view symbol;  // as written after the number ("nm"); "" for plain numbers
  double to_base;           // multiply by this to get the base unit
};

struct QuantityKind {
  std::string_view what;        // "a distance", for messages
  std::span<const Unit> units;  // first = default when none is written; base unit has to_base 1
  double min = 0.0;             // smallest allowed value in base units
  double max = 0.0;             // largest allowed value in base units (overflow guard)
  bool positive = false;        // value must be > min (not just >= min)
  bool integer = false;         // whole numbers only
};

namespace quantity {
extern const QuantityKind distance;       // km (default), nm, mi; <= 50,000 km
extern const QuantityKind duration;       // h (default), min, d; <= 365 d
extern const QuantityKind speed_sea;      // kn (default), km/h, km/d; > 0, base km/h
extern const QuantityKind speed_land;     // km/h (default), km/d, kn; > 0, base km/h
extern const QuantityKind money;          // USD; <= 10,000,000 USD
extern const QuantityKind hub_intensity;  // kg/t (kg CO2e per tonne handled)
extern const QuantityKind intensity;      // g/tkm (g CO2e per tonne-km)
extern const QuantityKind capacity;       // TEU per day, plain number
extern const QuantityKind count;          // whole number >= 0 (cranes)
extern const QuantityKind rate;           // plain number >= 0 (moves per hour)
extern const QuantityKind latitude;       // degrees in [-90, 90]
extern const QuantityKind longitude;      // degrees in [-180, 180]
extern const QuantityKind detour_factor;  // the F of gc*F, in [1, 10]
}  // namespace quantity

struct QuantityResult {
  double value = 0.0;         // in base units
  std::string error;          // "" when ok, else "expected ..."
  bool not_a_number = false;  // the text does not start with a number at all
  [[nodiscard]] bool ok() const { return error.empty(); }
};

struct RangeResult {
  double lo = 0.0, hi = 0.0;  // in base units
  std::string error;
  [[nodiscard]] bool ok() const { return error.empty(); }
};

// "NUMBER [UNIT]". Rejects empty text, text that is not a number, NaN, infinities, unknown
// units and values outside [min, max].
QuantityResult parse_quantity(std::string_view text, const QuantityKind& kind);

// "LO..HI", each side a quantity; a unit written on one side only applies to both
// ("4..6 d"). Requires LO <= HI.
RangeResult parse_range(std::string_view text, const QuantityKind& kind);

// The allowed units as text: "km, nm or mi".
std::string unit_list(const QuantityKind& kind);

// A value in base units, written in the kind's default unit: "1018.5 km".
std::string format_quantity(double base_value, const QuantityKind& kind);

}  // namespace landbridge::io
