// How reliable an itinerary is: its door-to-door time as a distribution, not one planned figure.
//
// Each itinerary becomes a probe flow pinned to its node sequence (FlowSpec::path) and is added
// to a background scenario (the corridor's other traffic: its demand, service policies, cranes,
// closures). One corridor model runs all probes together for N replications; the door-to-door
// times of every measured probe box of every replication are pooled into percentiles.
//
//   const corridor::Scenario bg = corridor::load_scenario(corridor::default_background_file());
//   corridor::ReliabilityRequest req;
//   req.probes.push_back({.path = {"JPHKT", "KRPUS", "CNLYG", ...}, .allowed = days(25)});
//   const corridor::ReliabilityResult r = corridor::itinerary_reliability(net, services, bg, req);
//   r.itineraries[0].p95;   // Minutes, door-to-door from the box being ready
//
// The probe's boxes become ready as a Poisson stream over the background's measurement window
// (warm-up to horizon), so they see every phase of the schedules and every state of the queues:
// the percentiles are those of a box ready at a random moment, which is what a shipper who
// books this itinerary some day has to expect. The probes carry one box a week each (a load
// the background hardly notices); a probe box follows the background's service policies, not
// the timetabled trips the planner chose. Method and limits: docs/corridor-simulation.md,
// "Reliability of an itinerary".
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <stop_token>
#include <string>
#include <vector>

#include "landbridge/core/units.h"
#include "landbridge/corridor/scenario.h"
#include "landbridge/model/network.h"
#include "landbridge/route/itinerary.h"
#include "landbridge/timetable/service.h"

namespace landbridge::corridor {

// One itinerary to probe.
struct Probe {
  std::vector<std::string> path;     // node codes, origin first, destination last (>= 2)
  // Time from the box being ready to the deadline: the probability of arriving within it is
  // reported. nullopt: none asked.
  std::optional<Minutes> allowed;
  std::string label;                 // for messages ("itinerary 2"); "" = the path
};

struct ReliabilityRequest {
  std::vector<Probe> probes;
  std::size_t replications = 200;    // 1 .. kMaxReliabilityReplications
  std::optional<std::uint64_t> seed; // nullopt: the background's seed
  int teu_per_box = 1;               // the probe's box: 1 (TEU) or 2 (FEU)
  double probe_boxes_per_week = 1;   // > 0
  unsigned threads = 0;              // 0 = all cores; the result does not depend on it
  std::stop_token stop;              // requesting it ends the run with sim::Cancelled
};
inline constexpr std::size_t kMaxReliabilityReplications = 10'000;

// The door-to-door time of one itinerary across the replications.
struct ItineraryReliability {
  std::vector<std::string> path;
  std::size_t samples = 0;           // measured probe boxes, all replications
  std::size_t undelivered = 0;       // of them, still under way when the run ended
  // Percentiles (nearest rank) of door-to-door time over the samples; an undelivered box
  // counts as later than every delivered one, so a percentile it reaches is nullopt.
  std::optional<Minutes> p5, p50, p90, p95;
  Minutes mean{0};                   // delivered boxes only
  std::optional<double> p_on_time;   // share of samples within Probe::allowed (if asked)
};

struct ReliabilityResult {
  std::string background;            // the background scenario's name
  std::size_t replications = 0;
  std::uint64_t seed = 0;
  std::vector<ItineraryReliability> itineraries;  // one per probe, in the request's order
};

// Runs the probes on top of `background` (a scenario as load_scenario reads it; its flows stay
// as they are and the probes are appended, so the background's own draws do not depend on the
// probes). `services` as for CorridorModel (needed when a mode's policy is `timetable`).
// Throws ScenarioError naming the probe when a path does not resolve (unknown node, no link
// between two consecutive nodes) and for a request out of range.
ReliabilityResult itinerary_reliability(const Network& net, std::span<const timetable::Service> services,
                                        const Scenario& background, const ReliabilityRequest& req);

// The node sequence of an itinerary (its `via`, static or timetabled), as node codes, a node
// passed twice in a row once.
std::vector<std::string> probe_path(const Network& net, std::span<const NodeId> via);

// The background the built-in package comes with: data/scenarios/reference-background.toml
// under $LANDBRIDGE_DATA_DIR when that variable is set, else under the source tree's data/.
std::filesystem::path default_background_file();

}  // namespace landbridge::corridor
