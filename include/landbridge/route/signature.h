// Corridor signatures: what makes two routes different corridors rather than one corridor
// with a node swapped.
//
// A path's signature is the ordered list of the corridor-defining events along it:
//   mode_change   at a node where the mode class changes (sea -> rail at CNLYG); deep-sea and
//                 feeder are one class ("sea"), ferry, rail, road and inland waterway are
//                 classes of their own. Sea-to-sea transshipment is not an event: Hakata ->
//                 Busan -> Rotterdam is the same corridor as Hakata -> Rotterdam.
//   gauge_change  at a node where rail gauge changes (or a gauge_change operation applies),
//   border        a land link from one country into another (CN -> KZ), without the crossing
//                 point: two crossings between the same countries with no other difference
//                 are one corridor,
//   passage       each sea passage a maritime link sails through (suez, malacca, ...).
// Every event belongs either to a link (border, passage) or to a transfer between two links
// (mode_change, gauge_change), which is what alternatives.h uses to exclude events.
#pragma once

#include <array>
#include <compare>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "landbridge/core/ids.h"
#include "landbridge/model/network.h"

namespace landbridge::route {

enum class ModeClass : std::uint8_t { sea, ferry, rail, road, inland_waterway };
ModeClass mode_class(Mode m);
std::string_view to_string(ModeClass c);  // "sea", "ferry", "rail", "road", "iww"

enum class TokenKind : std::uint8_t { mode_change, gauge_change, border, passage };

struct CorridorToken {
  TokenKind kind = TokenKind::mode_change;
  std::uint8_t a = 0;               // mode_change: class from; passage: Passage
  std::uint8_t b = 0;               // mode_change: class to
  NodeId node;                      // mode_change, gauge_change: where
  std::array<char, 4> countries{};  // border: "CNKZ" (from, to)
  friend auto operator<=>(const CorridorToken&, const CorridorToken&) = default;
  friend bool operator==(const CorridorToken&, const CorridorToken&) = default;
};
using Signature = std::vector<CorridorToken>;

// Whether a route with event a can't also have event b: the same event twice, a border
// crossed back (KZ>CN after CN>KZ), or two events at one node (a mode or gauge change at a
// node the route has already changed at). A corridor has no two such events (alternatives.h):
// they are the marks of a loop that passes a place twice.
bool conflicting_events(const CorridorToken& a, const CorridorToken& b);

// Events of the transfer at `node` from carriage code `arrive` to `depart` (both real
// carriages; start/end transfers have none): at most one.
void transfer_tokens(const Network& net, NodeId node, std::uint8_t arrive, std::uint8_t depart,
                     const Transfer& t, Signature& out);
// Events of a link with the given (possibly re-routed) passages.
void link_tokens(const Network& net, LinkId l, PassageSet passages, Signature& out);

// Signature of a path; `passages` gives each link's passages in this query (indexed by
// LinkId; empty = the network's).
Signature signature(const Network& net, std::span<const LinkId> links, std::span<const PassageSet> passages = {});

// Human label: mode classes in order, then the event places, e.g. "sea–rail via CNLYG, KZHOR",
// "all-sea via suez", "sea–rail–ferry–rail via CNLYG, KZHOR, KZAAU, AZALA".
std::string corridor_label(const Network& net, std::span<const LinkId> links, const Signature& sig);

// "mode_change:sea>rail@CNLYG", "border:CN>KZ", "passage:suez", "gauge_change@KZHOR".
std::string to_string(const Network& net, const CorridorToken& t);

}  // namespace landbridge::route
