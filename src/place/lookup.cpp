#include "landbridge/place/lookup.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <tuple>

#include "landbridge/core/geo.h"
#include "landbridge/route/locate.h"

namespace landbridge::place {
namespace {


// The names a place answers to: as published, without diacritics, its second name.
std::vector<std::string_view> names_of(const Place& p) {
  std::vector<std::string_view> v{p.name};
  if (!p.ascii.empty()) v.push_back(p.ascii);
  if (!p.alt.empty()) v.push_back(p.alt);
  return v;
}

std::string describe(const Network& net, NodeId n) { return fmt::format("{} {}", net.node(n).code, net.node(n).name); }

std::string describe(const Place& p) {
  return p.subdivision.empty() ? fmt::format("{} {} ({})", p.code, p.name, p.country())
                               : fmt::format("{} {} ({}-{})", p.code, p.name, p.country(), p.subdivision);
}

std::vector<const Place*> places_where(const PlaceIndex& idx, auto&& pred) {
  std::vector<const Place*> out;
  for (const Place& p : idx.places())
    if (pred(p)) out.push_back(&p);
  return out;
}

[[noreturn]] void ambiguous(std::string_view text, std::vector<std::string> names, std::vector<NodeId> nodes = {}) {
  constexpr std::size_t kShown = 8;
  const std::size_t total = names.size();
  if (names.size() > kShown) names.resize(kShown);
  throw route::LocateError(std::string(text), std::move(nodes), true,
                           fmt::format("ambiguous location '{}' (could be {}{}); type its UN/LOCODE", text,
                                       fmt::join(names, ", "),
                                       total > kShown ? fmt::format(" and {} more", total - kShown) : ""));
}

Resolved node_or_throw(const Network& net, std::string_view text, const route::LocateMatch& m) {
  if (m.nodes.size() == 1) return {m.nodes.front(), nullptr};
  std::vector<std::string> names;
  for (NodeId n : m.nodes) names.push_back(describe(net, n));
  ambiguous(text, std::move(names), m.nodes);
}

// The places of `hits` within near_km great-circle of some node.
std::vector<const Place*> near_network(const Network& net, const std::vector<const Place*>& hits, double near_km) {
  std::vector<const Place*> out;
  for (const Place* p : hits)
    for (const NodeInfo& n : net.nodes())
      if (great_circle(p->pos, n.pos).value() <= near_km) {
        out.push_back(p);
        break;
      }
  return out;
}

Resolved place_or_throw(const Network& net, std::string_view text, const std::vector<const Place*>& all,
                        double near_km = 0) {
  std::vector<const Place*> hits = all;
  if (hits.size() > 1 && near_km > 0) {
    std::vector<const Place*> near = near_network(net, hits, near_km);
    if (near.size() == 1) hits = std::move(near);
  }
  if (hits.size() == 1) {
    // A place that is a node of the network under its code is that node.
    if (auto n = net.find_node(hits.front()->code)) return {n, nullptr};
    return {std::nullopt, hits.front()};
  }
  std::vector<std::string> names;
  for (const Place* p : hits) names.push_back(describe(*p));
  ambiguous(text, std::move(names));
}

}  // namespace

std::vector<std::string> suggestions(const Network& net, const PlaceIndex& places, std::string_view text,
                                     std::size_t max) {
  std::vector<std::string> out;
  for (NodeId n : route::suggest(net, text, max)) out.push_back(describe(net, n));
  const std::string q = route::fold(text);
  const std::size_t reach = std::max<std::size_t>(2, q.size() / 3);
  std::vector<std::tuple<std::size_t, std::size_t, const Place*>> scored;  // distance, name length, place
  for (const Place& p : places.places()) {
    if (net.find_node(p.code)) continue;  // already offered as a node
    // Whole names and the code count as they are; a word inside a name one more, so that
    // "Istambul" offers the city Istanbul before "Taksim/Istambul".
    std::size_t best = route::edit_distance(q, route::fold(p.code), reach);
    for (std::string_view nm : names_of(p)) {
      best = std::min(best, route::edit_distance(q, route::fold(nm), reach));
      for (const std::string& w : route::folded_words(nm)) best = std::min(best, route::edit_distance(q, w, reach) + 1);
    }
    if (best <= reach) scored.emplace_back(best, p.name.size(), &p);
  }
  std::sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) {
    return std::tie(std::get<0>(a), std::get<1>(a), std::get<2>(a)->code) <
           std::tie(std::get<0>(b), std::get<1>(b), std::get<2>(b)->code);
  });
  for (const auto& s : scored) {
    if (out.size() >= max + 1) break;  // nodes first, then at least one place
    out.push_back(describe(*std::get<2>(s)));
  }
  return out;
}

Resolved resolve(const Network& net, const PlaceSource& source, std::string_view text, double near_km) {
  const std::string q = route::fold(text);
  if (q.empty()) throw route::LocateError(std::string(text), {}, false, fmt::format("empty location '{}'", text));
  const route::LocateMatch nodes = route::match(net, text);
  if (nodes.rule == 1) return node_or_throw(net, text, nodes);
  // Only a text of five letters or digits can be a place's code (rule 2): other texts that a
  // node's name matches never need the index.
  if (nodes.rule != 0 && q.size() != 5) return node_or_throw(net, text, nodes);
  const PlaceIndex& idx = source();
  // 2. a place's code
  if (q.size() == 5) {
    std::string code = q;
    for (char& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (const Place* p = idx.find(code)) return place_or_throw(net, text, {p});
  }
  // 3. a node by whole name, alias, prefix or word
  if (nodes.rule != 0) return node_or_throw(net, text, nodes);
  // 4. a place's whole name
  const auto whole = places_where(idx, [&](const Place& p) {
    for (std::string_view nm : names_of(p))
      if (route::fold(nm) == q) return true;
    return false;
  });
  if (!whole.empty()) return place_or_throw(net, text, whole, near_km);
  // 5. a place's name that starts with the text (not a word inside: many UN/LOCODE names are
  //    "District/City", so a city's name alone would be ambiguous in dozens of them)
  const auto partial = places_where(idx, [&](const Place& p) {
    for (std::string_view nm : names_of(p))
      if (q.size() >= route::kMinPrefix && route::fold(nm).starts_with(q)) return true;
    return false;
  });
  if (!partial.empty()) return place_or_throw(net, text, partial, near_km);
  if (std::string why = route::too_short(net, text); !why.empty())
    throw route::LocateError(std::string(text), {}, false, why);
  const std::vector<std::string> s = suggestions(net, idx, text);
  throw route::LocateError(std::string(text), {}, false,
                           s.empty() ? fmt::format("unknown location '{}'", text)
                                     : fmt::format("unknown location '{}' (did you mean {}?)", text, fmt::join(s, " or ")));
}

}  // namespace landbridge::place
