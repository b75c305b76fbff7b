#include "landbridge/route/planner.h"

#include <algorithm>
#include <cctype>
#include <fmt/format.h>
#include <set>
#include <tuple>

#include "landbridge/model/loaded_network.h"
#include "landbridge/route/alternatives.h"
#include "landbridge/route/closures.h"
#include "landbridge/route/graph.h"
#include "landbridge/route/locate.h"
#include "landbridge/route/pareto.h"
#include "landbridge/route/router.h"

namespace landbridge::route {

struct Planner::Impl {
  explicit Impl(const Network& n, const LoadedNetwork* p)
      : net(&n), pkg(p), graph(n), router(graph), pareto(graph), alternatives(graph) {}
  const Network* net;
  const LoadedNetwork* pkg;
  RoutingGraph graph;
  Router router;
  ParetoRouter pareto;
  AlternativesFinder alternatives;
  Weights weights;
  // Overrides for the last set of closed passages (re-routing is the costly part).
  PassageSet closed = 0;
  LinkOverrides overrides;
};

Planner::Planner(const Network& net) : impl_(std::make_unique<Impl>(net, nullptr)) {}
Planner::Planner(const LoadedNetwork& pkg) : impl_(std::make_unique<Impl>(pkg.network, &pkg)) {}
Planner::~Planner() = default;
Planner::Planner(Planner&&) noexcept = default;
Planner& Planner::operator=(Planner&&) noexcept = default;
const Network& Planner::network() const { return *impl_->net; }

void add_avoid(const Network& net, std::string_view item, RouteOptions& opts) {
  if (item.empty()) throw RequestError(fmt::format("avoid: an empty item; give a passage ({}), a mode ({}, sea), a country code or a place",
                                   passage_names(), mode_names()));
  if (const auto p = parse_passage(item)) {
    opts.avoid_passages |= passage_bit(*p);
    return;
  }
  if (item == "sea") {
    opts.avoid_modes |= mode_bit(Mode::deep_sea) | mode_bit(Mode::feeder) | mode_bit(Mode::ferry);
    return;
  }
  if (const auto m = parse_mode(item)) {
    opts.avoid_modes |= mode_bit(*m);
    return;
  }
  if (item.size() == 2 && std::isalpha(static_cast<unsigned char>(item[0])) &&
      std::isalpha(static_cast<unsigned char>(item[1]))) {
    std::string country{static_cast<char>(std::toupper(static_cast<unsigned char>(item[0]))),
                        static_cast<char>(std::toupper(static_cast<unsigned char>(item[1])))};
    std::set<std::string> known;
    for (const NodeInfo& n : net.nodes()) known.insert(n.country);
    if (!known.contains(country))
      throw RequestError(fmt::format("avoid '{}': no place of the network is in country {} (countries: {})", item, country,
                              fmt::join(known, ", ")));
    if (std::find(opts.avoid_countries.begin(), opts.avoid_countries.end(), country) == opts.avoid_countries.end())
      opts.avoid_countries.push_back(country);
    return;
  }
  try {
    const NodeId n = locate(net, item);
    if (std::find(opts.avoid_nodes.begin(), opts.avoid_nodes.end(), n) == opts.avoid_nodes.end())
      opts.avoid_nodes.push_back(n);
  } catch (const LocateError& e) {
    throw LocateError(e.query(), e.candidates(), e.ambiguous(),
                      fmt::format("avoid '{}': not a passage ({}), a mode ({}, sea), a country code or a place: {}",
                                  item, passage_names(), mode_names(), e.what()));
  }
}

bool is_sane(const Network& net, std::span<const LinkId> links) {
  if (links.empty()) return true;
  std::vector<NodeId> via{net.link_from(links.front())};
  for (LinkId l : links) via.push_back(net.link_to(l));
  return sane_via(net, via);
}

RouteResult Planner::route(const RouteRequest& req) {
  Impl& im = *impl_;
  const Network& net = *im.net;
  RouteResult res;
  res.objective = req.objective;
  res.pareto = req.pareto;
  res.from = locate(net, req.from);
  res.to = locate(net, req.to);
  if (res.from == res.to)
    throw RequestError(fmt::format("origin and destination are the same place ({}): nothing to route", net.node(res.from).code));
  res.options = req.options;
  for (const std::string& item : req.avoid) add_avoid(net, item, res.options);
  const RouteOptions& opts = res.options;
  if (opts.shipment.count < 1 || opts.shipment.count > kMaxBoxes)
    throw RequestError(fmt::format("count must be from 1 to {} boxes, got {}", kMaxBoxes, opts.shipment.count));
  if (iso_code(BoxType{opts.shipment.unit, opts.equipment}).empty())
    throw RequestError("there is no 20' high cube: use a 40' high cube (45G1) or a 20' box (22G1)");
  for (NodeId end : {res.from, res.to}) {
    const NodeInfo& info = net.node(end);
    if (std::find(opts.avoid_nodes.begin(), opts.avoid_nodes.end(), end) != opts.avoid_nodes.end())
      throw RequestError(fmt::format("{} {} is both an end of the route and avoided", info.code, info.name));
    if (std::find(opts.avoid_countries.begin(), opts.avoid_countries.end(), info.country) != opts.avoid_countries.end())
      throw RequestError(fmt::format("{} {} is in avoided country {}", info.code, info.name, info.country));
  }

  if (opts.avoid_passages != im.closed) {
    im.overrides = im.pkg ? reroute_closed_passages(*im.pkg, opts.avoid_passages)
                          : drop_closed_passages(net, opts.avoid_passages);
    im.closed = opts.avoid_passages;
  }
  for (const auto& [l, o] : im.overrides.items()) (o.usable ? res.rerouted : res.dropped).push_back(l);
  prepare(im.graph, opts, &im.overrides, im.weights);
  const Weights& w = im.weights;

  std::vector<Path> paths;
  if (req.pareto) {
    paths = im.pareto.pareto(res.from, res.to, w,
                             {.transshipments_criterion = req.pareto_transshipments,
                              .max_labels = req.max_labels,
                              .max_bag = req.max_pareto,
                              .max_results = req.max_pareto});
    res.truncated = im.pareto.stats().truncated;
    res.capped = im.pareto.stats().capped;
    res.pareto_cap = req.max_pareto;
    auto key = [&](const Path& p) {
      const Criteria& c = p.per_box;
      return std::tuple(objective_value(req.objective, c, w.prices), c.time, c.cost, c.co2e, p.transshipments);
    };
    std::stable_sort(paths.begin(), paths.end(), [&](const Path& a, const Path& b) { return key(a) < key(b); });
  } else if (req.alternatives > 1) {
    for (Alternative& a : im.alternatives.find(res.from, res.to, w, req.objective, {.k = req.alternatives}))
      paths.push_back(std::move(a.path));
    res.truncated = im.alternatives.truncated();
  } else if (auto p = im.router.best(res.from, res.to, w, req.objective)) {
    paths.push_back(std::move(*p));
  }
  // Never a path that goes back and forth (pareto.h): the single-objective and corridor
  // searches do not keep that rule, so a path of theirs that breaks it gives way to the best
  // sane path for the objective, which lies in the (sane) Pareto set.
  if (!req.pareto && !paths.empty()) {
    const bool first_bad = !is_sane(net, paths.front().links);
    std::erase_if(paths, [&](const Path& p) { return !is_sane(net, p.links); });
    if (first_bad) {
      std::vector<Path> front = im.pareto.pareto(
          res.from, res.to, w, {.max_labels = req.max_labels, .max_bag = req.max_pareto, .max_results = req.max_pareto});
      res.truncated = res.truncated || im.pareto.stats().truncated || im.pareto.stats().capped;
      if (!front.empty()) {
        const auto best = std::min_element(front.begin(), front.end(), [&](const Path& a, const Path& b) {
          return std::tuple(objective_value(req.objective, a.per_box, w.prices), a.per_box.time, a.per_box.cost) <
                 std::tuple(objective_value(req.objective, b.per_box, w.prices), b.per_box.time, b.per_box.cost);
        });
        paths.insert(paths.begin(), std::move(*best));
      }
    }
  }
  // Totals fit their types only up to kMaxLegs legs (options.h): a longer route is refused.
  for (const Path& p : paths)
    if (p.links.size() > kMaxLegs)
      throw RequestError(fmt::format("the route from {} to {} has {} legs; at most {} are supported (docs/network-package.md, "
                              "Limits)",
                              net.node(res.from).code, net.node(res.to).code, p.links.size(), kMaxLegs));
  for (const Path& p : paths) {
    res.itineraries.push_back(make_itinerary(im.graph, w, p.links));
  }
  return res;
}

}  // namespace landbridge::route
