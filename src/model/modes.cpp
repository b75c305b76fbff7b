#include "landbridge/model/modes.h"

#include <array>

namespace landbridge {
namespace {

constexpr std::array<std::string_view, kModeCount> kModeNames = {
    "deep_sea", "feeder", "ferry", "rail", "road", "inland_waterway"};
constexpr std::array<std::string_view, kGaugeCount> kGaugeNames = {"", "1435", "1520", "1067"};
constexpr std::array<std::string_view, 5> kNodeKindNames = {"seaport", "dry_port", "rail_terminal",
                                                            "border_crossing", "hub"};
constexpr std::array<std::string_view, kOperationKindCount> kOpKindNames = {"handling", "gauge_change",
                                                                            "border", "dwell"};
constexpr std::array<std::string_view, kPassageCount> kPassageNames = {
    "suez",        "babalmandab", "malacca", "gibraltar", "bosporus", "dardanelles", "panama",
    "ormuz",       "sunda",       "bering",  "northwest", "chili",    "south_africa"};

template <class E, std::size_t N>
std::optional<E> find_name(const std::array<std::string_view, N>& names, std::string_view s) {
  for (std::size_t i = 0; i < N; ++i)
    if (names[i] == s) return static_cast<E>(i);
  return std::nullopt;
}

template <std::size_t N>
std::string join(const std::array<std::string_view, N>& names) {
  std::string out;
  for (auto n : names) {
    if (n.empty()) continue;
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

}  // namespace

std::string_view to_string(Mode m) { return kModeNames[static_cast<std::size_t>(m)]; }
std::string_view to_string(Gauge g) { return kGaugeNames[static_cast<std::size_t>(g)]; }
std::string_view to_string(NodeKind k) { return kNodeKindNames[static_cast<std::size_t>(k)]; }
std::string_view to_string(OperationKind k) { return kOpKindNames[static_cast<std::size_t>(k)]; }
std::string_view to_string(Passage p) { return kPassageNames[static_cast<std::size_t>(p)]; }

std::string to_string(Carriage c) {
  std::string s(to_string(c.mode));
  if (c.gauge != Gauge::none) {
    s += ':';
    s += to_string(c.gauge);
  }
  return s;
}

std::optional<Mode> parse_mode(std::string_view s) {
  if (s == "sea") return Mode::deep_sea;  // common shorthand in data sheets
  if (s == "short_sea") return Mode::feeder;
  return find_name<Mode>(kModeNames, s);
}
std::optional<Gauge> parse_gauge(std::string_view s) {
  if (s.empty()) return Gauge::none;
  return find_name<Gauge>(kGaugeNames, s);
}
std::optional<NodeKind> parse_node_kind(std::string_view s) { return find_name<NodeKind>(kNodeKindNames, s); }
std::optional<OperationKind> parse_operation_kind(std::string_view s) {
  return find_name<OperationKind>(kOpKindNames, s);
}
std::optional<Passage> parse_passage(std::string_view s) {
  if (s == "cape" || s == "good_hope") return Passage::south_africa;
  if (s == "hormuz") return Passage::ormuz;
  if (s == "bab_el_mandeb") return Passage::babalmandab;
  return find_name<Passage>(kPassageNames, s);
}

std::string passage_list(PassageSet set) {
  std::string out;
  for (int i = 0; i < kPassageCount; ++i) {
    if (!(set & (PassageSet{1} << i))) continue;
    if (!out.empty()) out += '+';
    out += kPassageNames[static_cast<std::size_t>(i)];
  }
  return out;
}

std::string mode_names() { return join(kModeNames); }
std::string node_kind_names() { return join(kNodeKindNames); }
std::string operation_kind_names() { return join(kOpKindNames); }
std::string passage_names() { return join(kPassageNames) + " (also: cape, hormuz, bab_el_mandeb)"; }

bool CarriagePattern::matches(std::uint8_t c) const {
  const bool terminal_code = c == kCarriageStart || c == kCarriageEnd;
  switch (kind) {
    case Kind::any: return true;
    case Kind::terminal: return terminal_code;
    default: break;
  }
  if (terminal_code) return false;
  const Mode m = static_cast<Mode>(c / kGaugeCount);
  const Gauge g = static_cast<Gauge>(c % kGaugeCount);
  switch (kind) {
    case Kind::sea_group: return is_maritime(m);
    case Kind::mode: return m == carriage.mode;
    case Kind::mode_gauge: return m == carriage.mode && g == carriage.gauge;
    default: return false;
  }
}

int CarriagePattern::specificity() const {
  switch (kind) {
    case Kind::any: return 0;
    case Kind::sea_group: return 1;
    case Kind::terminal:
    case Kind::mode: return 2;
    case Kind::mode_gauge: return 3;
  }
  return 0;
}

std::string CarriagePattern::to_string(bool arrive_side) const {
  switch (kind) {
    case Kind::any: return "*";
    case Kind::terminal: return arrive_side ? "start" : "end";
    case Kind::sea_group: return "sea";
    case Kind::mode: return std::string(landbridge::to_string(carriage.mode));
    case Kind::mode_gauge: return landbridge::to_string(carriage);
  }
  return "*";
}

std::optional<CarriagePattern> parse_carriage_pattern(std::string_view s, bool arrive_side) {
  CarriagePattern p;
  if (s == "*" || s.empty()) return p;
  if (s == (arrive_side ? "start" : "end")) {
    p.kind = CarriagePattern::Kind::terminal;
    return p;
  }
  if (s == "sea") {
    p.kind = CarriagePattern::Kind::sea_group;
    return p;
  }
  const auto colon = s.find(':');
  const auto mode = parse_mode(s.substr(0, colon));
  if (!mode || s.substr(0, colon) == "sea") return std::nullopt;
  p.carriage.mode = *mode;
  if (colon == std::string_view::npos) {
    p.kind = CarriagePattern::Kind::mode;
    return p;
  }
  const auto gauge = parse_gauge(s.substr(colon + 1));
  if (!gauge || *gauge == Gauge::none || *mode != Mode::rail) return std::nullopt;
  p.carriage.gauge = *gauge;
  p.kind = CarriagePattern::Kind::mode_gauge;
  return p;
}

}  // namespace landbridge
