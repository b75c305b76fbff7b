// Points in time, kept apart from durations.
//
// An Instant is a whole UTC minute counted from the timetable epoch 2020-01-01T00:00Z (no leap
// seconds); a duration is a Minutes quantity (units.h). The arithmetic is the affine one:
//   Instant - Instant = Minutes        Instant ± Minutes = Instant        Minutes + Instant = Instant
// and nothing else: two instants do not add, an instant does not scale, and an instant is not a
// duration (tests/core/instant_test.cpp checks that these do not compile).
//
// Range. 32 bits hold about ±4,083 years around 2020, but the engine promises less: instants
// that come from people (command-line dates, scenario start dates) must lie in
// [kFirstInstant, kLastInstant], 1900-01-01T00:00Z to 2199-12-31T23:59Z, and a horizon or window
// added to them is bounded by its own documented limit (docs/timetabled-routing.md). Inside those
// limits every sum the engine forms stays far inside 32 bits, so the operators below are plain
// integer arithmetic, as cheap as the bare number. Where a value typed by a user meets an
// addition, use the checked forms (checked_add, checked_sub, checked_span), which say when the
// result would leave 32 bits instead of overflowing.
#pragma once

#include <compare>
#include <cstdint>
#include <limits>
#include <optional>

#include "landbridge/core/units.h"

namespace landbridge {

class Instant {
 public:
  using rep = std::int32_t;

  constexpr Instant() = default;
  constexpr explicit Instant(rep minutes_since_epoch) : v_(minutes_since_epoch) {}

  // Minutes since 2020-01-01T00:00Z (negative before).
  [[nodiscard]] constexpr rep value() const { return v_; }
  // The same as a duration from the epoch.
  [[nodiscard]] constexpr Minutes since_epoch() const { return Minutes(v_); }

  static constexpr Instant epoch() { return Instant(0); }
  // The extreme representable instants; searches use max() as "never" (unreachable).
  static constexpr Instant min() { return Instant(std::numeric_limits<rep>::min()); }
  static constexpr Instant max() { return Instant(std::numeric_limits<rep>::max()); }

  constexpr Instant& operator+=(Minutes d) {
    v_ += d.value();
    return *this;
  }
  constexpr Instant& operator-=(Minutes d) {
    v_ -= d.value();
    return *this;
  }
  friend constexpr Instant operator+(Instant t, Minutes d) { return Instant(t.v_ + d.value()); }
  friend constexpr Instant operator+(Minutes d, Instant t) { return Instant(t.v_ + d.value()); }
  friend constexpr Instant operator-(Instant t, Minutes d) { return Instant(t.v_ - d.value()); }
  friend constexpr Minutes operator-(Instant a, Instant b) { return Minutes(a.v_ - b.v_); }
  friend constexpr auto operator<=>(Instant, Instant) = default;
  friend constexpr bool operator==(Instant, Instant) = default;

 private:
  rep v_{0};
};

// The instants the engine accepts from people: 1900-01-01T00:00Z and 2199-12-31T23:59Z.
// (Days from 2020-01-01 to 1900-01-01: -43,829; to 2200-01-01: 65,744.)
inline constexpr Instant kFirstInstant{-43'829 * 1440};
inline constexpr Instant kLastInstant{65'744 * 1440 - 1};

// True if t lies in [kFirstInstant, kLastInstant].
constexpr bool in_supported_range(Instant t) { return t >= kFirstInstant && t <= kLastInstant; }

namespace detail {
constexpr bool fits_int32(std::int64_t v) {
  return v >= std::numeric_limits<std::int32_t>::min() && v <= std::numeric_limits<std::int32_t>::max();
}
}  // namespace detail

// t + d, or nullopt when the result is not a 32-bit instant.
constexpr std::optional<Instant> checked_add(Instant t, Minutes d) {
  const std::int64_t v = static_cast<std::int64_t>(t.value()) + d.value();
  if (!detail::fits_int32(v)) return std::nullopt;
  return Instant(static_cast<std::int32_t>(v));
}
// t - d, or nullopt when the result is not a 32-bit instant.
constexpr std::optional<Instant> checked_sub(Instant t, Minutes d) {
  const std::int64_t v = static_cast<std::int64_t>(t.value()) - d.value();
  if (!detail::fits_int32(v)) return std::nullopt;
  return Instant(static_cast<std::int32_t>(v));
}
// a + b for durations, or nullopt when the sum does not fit 32 bits.
constexpr std::optional<Minutes> checked_add(Minutes a, Minutes b) {
  const std::int64_t v = static_cast<std::int64_t>(a.value()) + b.value();
  if (!detail::fits_int32(v)) return std::nullopt;
  return Minutes(static_cast<std::int32_t>(v));
}
// a - b as a duration, or nullopt when it does not fit 32 bits (e.g. max() - min()).
constexpr std::optional<Minutes> checked_span(Instant a, Instant b) {
  const std::int64_t v = static_cast<std::int64_t>(a.value()) - b.value();
  if (!detail::fits_int32(v)) return std::nullopt;
  return Minutes(static_cast<std::int32_t>(v));
}

}  // namespace landbridge
