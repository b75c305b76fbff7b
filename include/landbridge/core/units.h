// Physical and monetary quantities with their unit in the type.
//
// A Quantity<Unit, Rep> wraps one number. Quantities of the same unit add and compare; a
// quantity scales by a plain number; two different units never mix without an explicit
// conversion function below. Everything is constexpr and as cheap as the bare number.
#pragma once

#include <cmath>
#include <compare>
#include <concepts>
#include <cstdint>
#include <limits>
#include <type_traits>

namespace landbridge {

template <class Unit, class Rep>
class Quantity {
 public:
  using rep = Rep;
  using unit = Unit;

  constexpr Quantity() = default;
  constexpr explicit Quantity(Rep v) : v_(v) {}

  [[nodiscard]] constexpr Rep value() const { return v_; }

  static constexpr Quantity zero() { return Quantity(Rep{0}); }
  static constexpr Quantity max() { return Quantity(std::numeric_limits<Rep>::max()); }

  constexpr Quantity& operator+=(Quantity o) {
    v_ += o.v_;
    return *this;
  }
  constexpr Quantity& operator-=(Quantity o) {
    v_ -= o.v_;
    return *this;
  }
  friend constexpr Quantity operator+(Quantity a, Quantity b) { return Quantity(a.v_ + b.v_); }
  friend constexpr Quantity operator-(Quantity a, Quantity b) { return Quantity(a.v_ - b.v_); }
  friend constexpr Quantity operator-(Quantity a) { return Quantity(-a.v_); }
  template <class S>
    requires std::is_arithmetic_v<S>
  friend constexpr Quantity operator*(Quantity a, S s) {
    return Quantity(static_cast<Rep>(a.v_ * s));
  }
  template <class S>
    requires std::is_arithmetic_v<S>
  friend constexpr Quantity operator*(S s, Quantity a) {
    return a * s;
  }
  // Ratio of two quantities of one unit is a plain number.
  friend constexpr double operator/(Quantity a, Quantity b) {
    return static_cast<double>(a.v_) / static_cast<double>(b.v_);
  }
  friend constexpr auto operator<=>(Quantity, Quantity) = default;
  friend constexpr bool operator==(Quantity, Quantity) = default;

 private:
  Rep v_{};
};

// --- Units -------------------------------------------------------------------------------
struct MinuteUnit {};
struct SecondUnit {};
struct UsdCentUnit {};
struct KilometreUnit {};
struct TonneUnit {};
struct GramCo2eUnit {};
struct GramPerTonneKmUnit {};
struct KnotUnit {};

// Durations in whole minutes (32 bits: ±4,000 years). Points in time are a separate type,
// Instant (core/instant.h): an instant minus an instant is Minutes.
using Minutes = Quantity<MinuteUnit, std::int32_t>;
// Simulation clock: seconds as a double (sub-second event spacing, years of horizon).
using SimSeconds = Quantity<SecondUnit, double>;
// Money in US cents, 64-bit: sums over millions of containers stay exact.
using UsdCents = Quantity<UsdCentUnit, std::int64_t>;
// Distances in kilometres.
using Kilometres = Quantity<KilometreUnit, double>;
// Cargo mass.
using Tonnes = Quantity<TonneUnit, double>;
// Greenhouse-gas mass in whole grams CO2e: integer so path sums and Pareto comparisons are exact.
using GramsCo2e = Quantity<GramCo2eUnit, std::int64_t>;
// Emission intensity of transport, grams CO2e per tonne-kilometre (ISO 14083 / GLEC unit).
using GramsPerTonneKm = Quantity<GramPerTonneKmUnit, double>;
// Vessel speed in knots (nautical miles per hour).
using Knots = Quantity<KnotUnit, double>;

// --- Literals and conversions ----------------------------------------------------------
constexpr double kKmPerNauticalMile = 1.852;

// Round to nearest, halves away from zero, usable in constant expressions (std::llround is
// not constexpr in every standard library this builds with).
constexpr std::int64_t round_to_int(double x) {
  if (!std::is_constant_evaluated()) return std::llround(x);
  return x >= 0 ? static_cast<std::int64_t>(x + 0.5) : -static_cast<std::int64_t>(-x + 0.5);
}

constexpr Minutes hours(double h) { return Minutes(static_cast<std::int32_t>(round_to_int(h * 60.0))); }
constexpr Minutes days(double d) { return hours(d * 24.0); }
constexpr double to_hours(Minutes m) { return m.value() / 60.0; }
constexpr double to_days(Minutes m) { return m.value() / 1440.0; }

constexpr UsdCents usd(double dollars) {
  return UsdCents(static_cast<std::int64_t>(round_to_int(dollars * 100.0)));
}
constexpr double to_usd(UsdCents c) { return static_cast<double>(c.value()) / 100.0; }

constexpr double to_kg(GramsCo2e g) { return static_cast<double>(g.value()) / 1000.0; }
constexpr GramsCo2e kg_co2e(double kg) {
  return GramsCo2e(static_cast<std::int64_t>(round_to_int(kg * 1000.0)));
}

// Sailing/running time for a distance at a speed, rounded to whole minutes.
constexpr Minutes travel_time(Kilometres d, Knots v) {
  return hours(d.value() / (v.value() * kKmPerNauticalMile));
}
// Transport emissions of one leg: mass × distance × intensity (ISO 14083 transport operation).
constexpr GramsCo2e leg_emissions(Tonnes m, Kilometres d, GramsPerTonneKm i) {
  return GramsCo2e(static_cast<std::int64_t>(round_to_int(m.value() * d.value() * i.value())));
}

}  // namespace landbridge
