// Vocabulary of the network: transport modes, track gauges, node kinds, node operation
// kinds and sea passages (chokepoints), with their text names as used in package files.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace landbridge {

enum class Mode : std::uint8_t {
  deep_sea,         // ocean-going container line
  feeder,           // short-sea / feeder vessel
  ferry,            // rail or ro-ro ferry (e.g. Caspian)
  rail,
  road,
  inland_waterway,
};
inline constexpr int kModeCount = 6;

enum class Gauge : std::uint8_t {
  none,      // not a rail link
  g1435,     // standard gauge (China, EU, Türkiye, BTK west of Akhalkalaki)
  g1520,     // Russian gauge (KZ, RU, BY, AZ, GE)
  g1067,     // Cape gauge (Japan)
};
inline constexpr int kGaugeCount = 4;

enum class NodeKind : std::uint8_t { seaport, dry_port, rail_terminal, border_crossing, hub };

enum class OperationKind : std::uint8_t {
  handling,      // lift between vehicles (port or terminal handling): a transshipment
  gauge_change,  // transshipment between rail gauges: a transshipment
  border,        // customs / border clearance
  dwell,         // waiting at a port or terminal (yard dwell, train formation)
};
inline constexpr int kOperationKindCount = 4;

// Sea passages tagged in the maritime graph; a closed passage can't be sailed through.
enum class Passage : std::uint8_t {
  suez, babalmandab, malacca, gibraltar, bosporus, dardanelles, panama, ormuz, sunda,
  bering, northwest, chili, south_africa,
};
inline constexpr int kPassageCount = 13;
using PassageSet = std::uint32_t;  // bit i set = Passage(i) is in the set
constexpr PassageSet passage_bit(Passage p) { return PassageSet{1} << static_cast<int>(p); }

// Mode and gauge of a vehicle: what the cargo rides on along a link.
struct Carriage {
  Mode mode = Mode::rail;
  Gauge gauge = Gauge::none;
  friend constexpr bool operator==(Carriage, Carriage) = default;
  // Dense code in [0, kCarriageCodes), used to index per-node transfer tables.
  [[nodiscard]] constexpr std::uint8_t code() const {
    return static_cast<std::uint8_t>(static_cast<int>(mode) * kGaugeCount + static_cast<int>(gauge));
  }
};
inline constexpr int kCarriageCodes = kModeCount * kGaugeCount;
// Pseudo carriage codes: cargo starts its journey here / ends it here.
inline constexpr std::uint8_t kCarriageStart = kCarriageCodes;
inline constexpr std::uint8_t kCarriageEnd = kCarriageCodes + 1;

constexpr bool is_waterborne(Mode m) {
  return m == Mode::deep_sea || m == Mode::feeder || m == Mode::ferry || m == Mode::inland_waterway;
}
constexpr bool is_maritime(Mode m) { return m == Mode::deep_sea || m == Mode::feeder || m == Mode::ferry; }

// Text names. parse_* return nullopt for unknown text; callers report it with context.
std::string_view to_string(Mode m);
std::string_view to_string(Gauge g);  // "", "1435", "1520", "1067"
std::string_view to_string(NodeKind k);
std::string_view to_string(OperationKind k);
std::string_view to_string(Passage p);
std::string to_string(Carriage c);  // "rail:1520", "feeder"
std::optional<Mode> parse_mode(std::string_view s);
std::optional<Gauge> parse_gauge(std::string_view s);  // "1435", "1520", "1067"; "" -> none
std::optional<NodeKind> parse_node_kind(std::string_view s);
std::optional<OperationKind> parse_operation_kind(std::string_view s);
std::optional<Passage> parse_passage(std::string_view s);
std::string passage_list(PassageSet s);  // "suez+babalmandab"

// Names accepted by the parsers, for "expected one of ..." messages.
std::string mode_names();
std::string node_kind_names();
std::string operation_kind_names();
std::string passage_names();

// Which arrivals/departures a node operation applies to.
//   "*"            any carriage
//   "start"/"end"  the journey starts (arrive side) / ends (depart side) at this node
//   "sea"          any maritime mode (deep_sea, feeder, ferry)
//   "rail"         rail of any gauge;  "rail:1520" rail of that gauge;  "road", "feeder", ...
struct CarriagePattern {
  enum class Kind : std::uint8_t { any, terminal, sea_group, mode, mode_gauge };
  Kind kind = Kind::any;
  Carriage carriage{};

  // Does the pattern match carriage code c (which may be kCarriageStart / kCarriageEnd)?
  [[nodiscard]] bool matches(std::uint8_t c) const;
  // Higher is more specific: mode_gauge 3, terminal/mode 2, sea_group 1, any 0.
  [[nodiscard]] int specificity() const;
  [[nodiscard]] std::string to_string(bool arrive_side) const;
  friend bool operator==(const CarriagePattern&, const CarriagePattern&) = default;
};
// Parses a pattern; `arrive_side` decides whether "start" (true) or "end" (false) is allowed.
std::optional<CarriagePattern> parse_carriage_pattern(std::string_view s, bool arrive_side);

}  // namespace landbridge
