#include <algorithm>
#include "landbridge/route/signature.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace landbridge::route {
namespace {

bool is_real(std::uint8_t code) { return code < kCarriageCodes; }
Carriage carriage_of(std::uint8_t code) {
  return Carriage{static_cast<Mode>(code / kGaugeCount), static_cast<Gauge>(code % kGaugeCount)};
}

}  // namespace

ModeClass mode_class(Mode m) {
  switch (m) {
    case Mode::deep_sea:
    case Mode::feeder: return ModeClass::sea;
    case Mode::ferry: return ModeClass::ferry;
    case Mode::rail: return ModeClass::rail;
    case Mode::road: return ModeClass::road;
    case Mode::inland_waterway: return ModeClass::inland_waterway;
  }
  return ModeClass::sea;
}

std::string_view to_string(ModeClass c) {
  switch (c) {
    case ModeClass::sea: return "sea";
    case ModeClass::ferry: return "ferry";
    case ModeClass::rail: return "rail";
    case ModeClass::road: return "road";
    case ModeClass::inland_waterway: return "iww";
  }
  return "sea";
}

bool conflicting_events(const CorridorToken& a, const CorridorToken& b) {
  if (a == b) return true;
  auto at_node = [](const CorridorToken& t) {
    return t.kind == TokenKind::mode_change || t.kind == TokenKind::gauge_change;
  };
  if (at_node(a) && at_node(b)) return a.node == b.node;
  return a.kind == TokenKind::border && b.kind == TokenKind::border && a.countries[0] == b.countries[2] &&
         a.countries[1] == b.countries[3] && a.countries[2] == b.countries[0] && a.countries[3] == b.countries[1];
}

void transfer_tokens(const Network& net, NodeId node, std::uint8_t arrive, std::uint8_t depart,
                     const Transfer& t, Signature& out) {
  if (!is_real(arrive) || !is_real(depart)) return;
  const Carriage a = carriage_of(arrive), d = carriage_of(depart);
  const ModeClass ca = mode_class(a.mode), cd = mode_class(d.mode);
  if (ca != cd) {
    out.push_back({TokenKind::mode_change, static_cast<std::uint8_t>(ca), static_cast<std::uint8_t>(cd), node, {}});
    return;
  }
  bool gauge = a.mode == Mode::rail && d.mode == Mode::rail && a.gauge != d.gauge;
  for (OperationId o : net.transfer_ops(t)) gauge = gauge || net.operation(o).kind == OperationKind::gauge_change;
  if (gauge) out.push_back({TokenKind::gauge_change, 0, 0, node, {}});
}

void link_tokens(const Network& net, LinkId l, PassageSet passages, Signature& out) {
  const Mode m = net.link_carriage(l).mode;
  if (is_maritime(m)) {
    for (int p = 0; p < kPassageCount; ++p)
      if (passages & (PassageSet{1} << p)) out.push_back({TokenKind::passage, static_cast<std::uint8_t>(p), 0, {}, {}});
    return;
  }
  const std::string& cf = net.node(net.link_from(l)).country;
  const std::string& ct = net.node(net.link_to(l)).country;
  if (cf != ct) {
    CorridorToken t{TokenKind::border, 0, 0, {}, {}};
    for (std::size_t i = 0; i < 2; ++i) {
      t.countries[i] = i < cf.size() ? cf[i] : '?';
      t.countries[2 + i] = i < ct.size() ? ct[i] : '?';
    }
    out.push_back(t);
  }
}

Signature signature(const Network& net, std::span<const LinkId> links, std::span<const PassageSet> passages) {
  Signature sig;
  for (std::size_t i = 0; i < links.size(); ++i) {
    const LinkId l = links[i];
    if (i > 0) {
      const LinkId prev = links[i - 1];
      const std::uint8_t a = net.link_carriage(prev).code(), d = net.link_carriage(l).code();
      const NodeId v = net.link_from(l);
      transfer_tokens(net, v, a, d, net.transfer(v, a, d), sig);
    }
    link_tokens(net, l, passages.empty() ? net.link_passages(l) : passages[l.get()], sig);
  }
  return sig;
}

std::string corridor_label(const Network& net, std::span<const LinkId> links, const Signature& sig) {
  // Mode sequence by class, and how far the box travels on each.
  std::vector<ModeClass> classes;
  double sea_km = 0, total_km = 0;
  for (LinkId l : links) {
    const Mode m = net.link_carriage(l).mode;
    const ModeClass c = mode_class(m);
    if (classes.empty() || classes.back() != c) classes.push_back(c);
    total_km += net.link_distance(l).value();
    if (is_maritime(m)) sea_km += net.link_distance(l).value();
  }
  // A sea main haul with only short pre- or on-carriage by land (under a tenth of the
  // distance, e.g. Rotterdam -> Duisburg by rail) is what forwarders call all-sea.
  const bool sea_main_haul = total_km > 0 && sea_km >= 0.9 * total_km &&
                             std::find(classes.begin(), classes.end(), mode_class(Mode::deep_sea)) != classes.end();
  std::string out;
  if (classes.size() == 1 || sea_main_haul) {
    out = fmt::format("all-{}", to_string(sea_main_haul ? mode_class(Mode::deep_sea) : classes.front()));
  } else {
    for (std::size_t i = 0; i < classes.size(); ++i) {
      if (i) out += "\u2013";  // en dash
      out += to_string(classes[i]);
    }
  }
  // Places that name the corridor: where the box changes mode or gauge, and the sea passages
  // that decide an ocean route (Suez, the Cape, Panama); straits such as Malacca or Gibraltar
  // lie on every Asia-Europe sea route and would only lengthen the label.
  std::vector<std::string> places;
  for (const CorridorToken& t : sig) {
    switch (t.kind) {
      case TokenKind::mode_change:
      case TokenKind::gauge_change: places.push_back(net.node(t.node).code); break;
      case TokenKind::passage: {
        const auto p = static_cast<Passage>(t.a);
        if (p == Passage::suez) places.emplace_back("Suez");
        if (p == Passage::south_africa) places.emplace_back("Cape");
        if (p == Passage::panama) places.emplace_back("Panama");
        break;
      }
      case TokenKind::border: break;
    }
  }
  if (!places.empty()) out += fmt::format(" via {}", fmt::join(places, ", "));
  return out;
}

std::string to_string(const Network& net, const CorridorToken& t) {
  switch (t.kind) {
    case TokenKind::mode_change:
      return fmt::format("mode_change:{}>{}@{}", to_string(static_cast<ModeClass>(t.a)),
                         to_string(static_cast<ModeClass>(t.b)), net.node(t.node).code);
    case TokenKind::gauge_change: return fmt::format("gauge_change@{}", net.node(t.node).code);
    case TokenKind::border:
      return fmt::format("border:{}{}>{}{}", t.countries[0], t.countries[1], t.countries[2], t.countries[3]);
    case TokenKind::passage: return fmt::format("passage:{}", to_string(static_cast<Passage>(t.a)));
  }
  return "";
}

}  // namespace landbridge::route
