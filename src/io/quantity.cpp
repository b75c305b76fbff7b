#include "landbridge/io/quantity.h"

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <cmath>
#include <system_error>

#include "landbridge/core/units.h"
#include "text.h"

namespace landbridge::io {
namespace {

constexpr double kMilesKm = 1.609344;

constexpr std::array<Unit, 3> kDistanceUnits{
    {{"km", 1.0}, {"nm", kKmPerNauticalMile}, {"mi", kMilesKm}}};
constexpr std::array<Unit, 3> kDurationUnits{{{"h", 1.0}, {"min", 1.0 / 60.0}, {"d", 24.0}}};
constexpr std::array<Unit, 3> kSpeedSeaUnits{
    {{"kn", kKmPerNauticalMile}, {"km/h", 1.0}, {"km/d", 1.0 / 24.0}}};
constexpr std::array<Unit, 3> kSpeedLandUnits{
    {{"km/h", 1.0}, {"km/d", 1.0 / 24.0}, {"kn", kKmPerNauticalMile}}};
constexpr std::array<Unit, 1> kMoneyUnits{{{"USD", 1.0}}};
constexpr std::array<Unit, 1> kHubUnits{{{"kg/t", 1.0}}};
constexpr std::array<Unit, 1> kIntensityUnits{{{"g/tkm", 1.0}}};
constexpr std::array<Unit, 1> kPlain{{{"", 1.0}}};

struct NumberText {
  double number = 0.0;
  std::string_view unit;  // trimmed text after the number ("" when none)
  std::string error;
  bool not_a_number = false;
};

NumberText split_number(std::string_view text, const QuantityKind& kind) {
  NumberText r;
  std::string_view t = detail::trim(text);
  if (t.empty()) {
    r.error = fmt::format("missing value, expected {}", kind.what);
    return r;
  }
  if (t.size() > 1 && t[0] == '+' && t[1] != '-') t.remove_prefix(1);
  const char* first = t.data();
  const char* last = t.data() + t.size();
  const auto [ptr, ec] = std::from_chars(first, last, r.number, std::chars_format::general);
  if (ec == std::errc::invalid_argument) {
    r.not_a_number = true;
    r.error = kind.units.front().symbol.empty()
                  ? fmt::format("expected {} (a number)", kind.what)
                  : fmt::format("expected {}: a number with an optional unit ({})", kind.what,
                                unit_list(kind));
    return r;
  }
  if (ec == std::errc::result_out_of_range) {
    r.error = fmt::format("the number is out of range; expected {}", kind.what);
    return r;
  }
  if (std::isnan(r.number)) {
    r.error = fmt::format("expected {}, not NaN", kind.what);
    return r;
  }
  if (std::isinf(r.number)) {
    r.error = fmt::format("expected {} that is finite", kind.what);
    return r;
  }
  r.unit = detail::trim(std::string_view(ptr, static_cast<std::size_t>(last - ptr)));
  return r;
}

// Converts a number with the unit written (or the default) into base units and checks bounds.
QuantityResult to_base(double number, std::string_view unit, const QuantityKind& kind) {
  QuantityResult r;
  const Unit* u = &kind.units.front();
  if (!unit.empty()) {
    u = nullptr;
    for (const Unit& cand : kind.units)
      if (cand.symbol == unit) u = &cand;
    if (u == nullptr) {
      r.error = kind.units.front().symbol.empty()
                    ? fmt::format("expected {}: a plain number without a unit ('{}')", kind.what,
                                  detail::shown(unit))
                    : fmt::format("unknown unit '{}'; expected {} in {}", detail::shown(unit),
                                  kind.what, unit_list(kind));
      return r;
    }
  }
  if (kind.integer && number != std::floor(number)) {
    r.error = fmt::format("expected {}", kind.what);
    return r;
  }
  r.value = number * u->to_base;
  const bool below = kind.positive ? r.value <= kind.min : r.value < kind.min;
  if (below || r.value > kind.max) {
    if (kind.min < 0.0 || kind.min > 0.0)
      r.error = fmt::format("expected {} in [{}, {}]", kind.what, kind.min, kind.max);
    else if (below)
      r.error = kind.positive ? fmt::format("expected {} greater than 0", kind.what)
                              : fmt::format("expected {} that is not negative", kind.what);
    else
      r.error =
          fmt::format("expected {} of at most {}", kind.what, format_quantity(kind.max, kind));
  }
  return r;
}

}  // namespace

namespace quantity {
// Bounds: no real link, operation or price comes near them; they keep every derived figure
// (minutes in 32 bits, cents in 64 bits, path sums) far from overflow.
const QuantityKind distance{"a distance", kDistanceUnits, 0.0, 50'000.0};
const QuantityKind duration{"a duration", kDurationUnits, 0.0, 365.0 * 24.0};
const QuantityKind speed_sea{"a speed", kSpeedSeaUnits, 0.0, 2'000.0, true};
const QuantityKind speed_land{"a speed", kSpeedLandUnits, 0.0, 2'000.0, true};
const QuantityKind money{"a price", kMoneyUnits, 0.0, 10'000'000.0};
const QuantityKind hub_intensity{"a hub emission intensity", kHubUnits, 0.0, 10'000.0};
const QuantityKind intensity{"an emission intensity", kIntensityUnits, 0.0, 100'000.0};
const QuantityKind capacity{"a capacity in TEU per day", kPlain, 0.0, 1e9};
const QuantityKind count{"a whole number", kPlain, 0.0, 100'000.0, false, true};
const QuantityKind rate{"a number", kPlain, 0.0, 1e6};
const QuantityKind latitude{"a latitude", kPlain, -90.0, 90.0};
const QuantityKind longitude{"a longitude", kPlain, -180.0, 180.0};
const QuantityKind detour_factor{"a detour factor", kPlain, 1.0, 10.0};
}  // namespace quantity

std::string unit_list(const QuantityKind& kind) {
  std::vector<std::string> names;
  for (const Unit& u : kind.units) names.emplace_back(u.symbol);
  return detail::join_or(names);
}

std::string format_quantity(double base_value, const QuantityKind& kind) {
  const Unit& u = kind.units.front();
  // Three decimals at most, trailing zeros dropped: "48.865 km", "20 h".
  std::string v = fmt::format("{:.3f}", base_value / u.to_base);
  while (v.back() == '0') v.pop_back();
  if (v.back() == '.') v.pop_back();
  if (v == "-0") v = "0";
  if (u.symbol.empty()) return v;
  return v + " " + std::string(u.symbol);
}

QuantityResult parse_quantity(std::string_view text, const QuantityKind& kind) {
  const NumberText n = split_number(text, kind);
  if (!n.error.empty()) return {0.0, n.error, n.not_a_number};
  return to_base(n.number, n.unit, kind);
}

RangeResult parse_range(std::string_view text, const QuantityKind& kind) {
  RangeResult r;
  const std::string_view t = detail::trim(text);
  const auto dots = t.find("..");
  const std::string example =
      fmt::format("expected a range LO..HI of {} (e.g. '10..20{}{}')", kind.what,
                  kind.units.front().symbol.empty() ? "" : " ", kind.units.front().symbol);
  if (dots == std::string_view::npos) {
    r.error = example;
    return r;
  }
  const std::string_view lo_text = detail::trim(t.substr(0, dots));
  const std::string_view hi_text = detail::trim(t.substr(dots + 2));
  if (lo_text.empty() || hi_text.empty()) {
    r.error = example;
    return r;
  }
  const NumberText lo = split_number(lo_text, kind);
  const NumberText hi = split_number(hi_text, kind);
  if (!lo.error.empty() || !hi.error.empty()) {
    r.error = example;
    return r;
  }
  // A unit written on one side only applies to both ("4..6 d").
  const std::string_view lo_unit = lo.unit.empty() ? hi.unit : lo.unit;
  const std::string_view hi_unit = hi.unit.empty() ? lo.unit : hi.unit;
  const QuantityResult l = to_base(lo.number, lo_unit, kind);
  if (!l.ok()) {
    r.error = "range start: " + l.error;
    return r;
  }
  const QuantityResult h = to_base(hi.number, hi_unit, kind);
  if (!h.ok()) {
    r.error = "range end: " + h.error;
    return r;
  }
  if (l.value > h.value) {
    r.error = "expected a range LO..HI with LO <= HI";
    return r;
  }
  r.lo = l.value;
  r.hi = h.value;
  return r;
}

}  // namespace landbridge::io
