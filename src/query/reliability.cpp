// Engine::reliability: the itineraries of an answer as probes on a background scenario.
#include <fmt/format.h>

#include "impl.h"
#include "landbridge/route/equipment.h"

namespace landbridge::query {
namespace {

// The background a query names, or the built-in package's reference one.
corridor::Scenario background_of(const LoadedNetwork& pkg, const ReliabilityQuery& q) {
  if (!q.background.empty()) return corridor::load_scenario(q.background);
  std::error_code ec;
  if (!std::filesystem::equivalent(pkg.dir, io::default_package_dir(), ec))
    throw QueryError(Problem::bad_request, "reliability.background",
                     "this package (" + pkg.dir.string() +
                         ") has no default background load for reliability: give a scenario file (--background)");
  return corridor::load_scenario(corridor::default_background_file());
}

corridor::ReliabilityRequest request_of(const ReliabilityQuery& q, route::ContainerUnit unit) {
  if (q.replications < 1 || static_cast<std::size_t>(q.replications) > corridor::kMaxReliabilityReplications)
    throw QueryError(Problem::bad_request, "reliability",
                     fmt::format("reliability {}: from 1 to {} replications", q.replications,
                                 corridor::kMaxReliabilityReplications));
  corridor::ReliabilityRequest req;
  req.replications = static_cast<std::size_t>(q.replications);
  req.seed = q.seed;
  req.threads = q.threads;
  req.teu_per_box = unit == route::ContainerUnit::feu ? 2 : 1;
  return req;
}

}  // namespace

corridor::ReliabilityResult Engine::reliability(const StaticAnswer& a, const ReliabilityQuery& q) const {
  if (!q.arrive_by.empty())
    throw QueryError(Problem::bad_request, "reliability.arrive_by",
                     "a probability of arriving by a date needs a timetabled query (depart): a static route has no date");
  corridor::ReliabilityRequest req = request_of(q, a.result.options.shipment.unit);
  const Network& net = a.network();
  for (std::size_t i = 0; i < a.result.itineraries.size(); ++i)
    req.probes.push_back({.path = corridor::probe_path(net, a.result.itineraries[i].via), .allowed = std::nullopt,
                          .label = fmt::format("itinerary {}", i + 1)});
  const corridor::Scenario bg = background_of(*a.pkg, q);
  const bool shared = a.pkg == impl_->pkg;
  return corridor::itinerary_reliability(net, shared ? std::span<const timetable::Service>(impl_->services) : std::span<const timetable::Service>{}, bg, req);
}

corridor::ReliabilityResult Engine::reliability(const ScheduledAnswer& a, const ReliabilityQuery& q) const {
  corridor::ReliabilityRequest req = request_of(q, a.result.options.shipment.unit);
  const Network& net = a.network();
  const bool shared = a.pkg == impl_->pkg;
  std::optional<Instant> deadline;
  if (!q.arrive_by.empty()) {
    // Plain local times belong to the destination, as for arrive_by queries.
    const schedule::LocalClock own(net);
    const schedule::LocalClock& clock = shared ? *impl_->clock : own;
    std::string why;
    deadline = clock.parse(a.result.to, q.arrive_by, &why);
    if (!deadline)
      throw QueryError(Problem::bad_request, "reliability.arrive_by",
                       "reliability.arrive_by " + q.arrive_by + ": " + why);
  }
  for (std::size_t i = 0; i < a.result.itineraries.size(); ++i) {
    const schedule::ScheduledItinerary& it = a.result.itineraries[i];
    corridor::Probe p;
    p.path = corridor::probe_path(net, it.via);
    if (deadline) p.allowed = *deadline - it.ready;
    p.label = fmt::format("itinerary {}", i + 1);
    req.probes.push_back(std::move(p));
  }
  const corridor::Scenario bg = background_of(*a.pkg, q);
  return corridor::itinerary_reliability(net, shared ? std::span<const timetable::Service>(impl_->services) : std::span<const timetable::Service>{}, bg, req);
}

}  // namespace landbridge::query
