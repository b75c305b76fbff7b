// Itinerary reliability: probe flows pinned to itineraries, run on a background scenario
// (reliability.h).
#include "landbridge/corridor/reliability.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fmt/format.h>

#include "landbridge/corridor/model.h"
#include "landbridge/sim/replications.h"

namespace landbridge::corridor {
namespace {

// What one replication leaves of a probe: door-to-door hours of its delivered measured boxes
// and how many measured boxes were still under way.
struct ProbeDraws {
  std::vector<float> transit_h;
  std::size_t undelivered = 0;
};

void check_request(const Network& net, const ReliabilityRequest& req) {
  auto bad = [](const std::string& field, const std::string& what) { scenario_error({}, 0, field, what); };
  if (req.probes.empty()) bad("probes", "no itinerary to probe");
  if (req.replications < 1 || req.replications > kMaxReliabilityReplications)
    bad("replications", fmt::format("{}: from 1 to {}", req.replications, kMaxReliabilityReplications));
  if (req.teu_per_box != 1 && req.teu_per_box != 2) bad("teu_per_box", "1 (TEU) or 2 (FEU)");
  if (!(req.probe_boxes_per_week > 0) || req.probe_boxes_per_week > 1000)
    bad("probe_boxes_per_week", "a number above 0 and at most 1000");
  for (std::size_t i = 0; i < req.probes.size(); ++i) {
    const Probe& p = req.probes[i];
    const std::string name = p.label.empty() ? fmt::format("probes[{}]", i) : p.label;
    if (p.path.size() < 2) bad(name + ".path", "needs at least an origin and a destination");
    for (const std::string& code : p.path) {
      if (!net.find_node(code)) bad(name + ".path", "unknown node '" + code + "'");
    }
  }
}

// Nearest-rank percentile of `sorted` delivered times (hours) among `n` samples of which the
// last n - sorted.size() are undelivered (later than everything): nullopt when it falls there.
std::optional<Minutes> percentile(const std::vector<float>& sorted, std::size_t n, double p) {
  if (n == 0) return std::nullopt;
  const auto k = static_cast<std::size_t>(std::ceil(p * static_cast<double>(n)));
  const std::size_t i = k == 0 ? 0 : k - 1;
  if (i >= sorted.size()) return std::nullopt;
  return hours(sorted[i]);
}

ItineraryReliability summarise_probe(const Probe& probe, const std::vector<ProbeDraws>& reps) {
  ItineraryReliability out;
  out.path = probe.path;
  std::vector<float> all;
  for (const ProbeDraws& d : reps) {
    all.insert(all.end(), d.transit_h.begin(), d.transit_h.end());
    out.undelivered += d.undelivered;
  }
  std::sort(all.begin(), all.end());
  out.samples = all.size() + out.undelivered;
  out.p5 = percentile(all, out.samples, 0.05);
  out.p50 = percentile(all, out.samples, 0.50);
  out.p90 = percentile(all, out.samples, 0.90);
  out.p95 = percentile(all, out.samples, 0.95);
  double sum = 0;
  for (const float h : all) sum += h;
  out.mean = all.empty() ? Minutes(0) : hours(sum / static_cast<double>(all.size()));
  if (probe.allowed && out.samples > 0) {
    const double limit_h = to_hours(*probe.allowed);
    const auto within = std::upper_bound(all.begin(), all.end(), limit_h,
                                         [](double lim, float h) { return lim < static_cast<double>(h); }) -
                        all.begin();
    out.p_on_time = static_cast<double>(within) / static_cast<double>(out.samples);
  }
  return out;
}

}  // namespace

ReliabilityResult itinerary_reliability(const Network& net, std::span<const timetable::Service> services,
                                        const Scenario& background, const ReliabilityRequest& req) {
  check_request(net, req);
  Scenario sc = background;
  if (req.seed) sc.seed = *req.seed;
  sc.replications = static_cast<int>(req.replications);
  const std::size_t first_probe = sc.flows.size();
  for (const Probe& p : req.probes) {
    FlowSpec f;
    f.origin = p.path.front();
    f.destination = p.path.back();
    f.path = p.path;
    f.teu_per_box = req.teu_per_box;
    f.teu_per_week = req.probe_boxes_per_week * req.teu_per_box;
    f.pattern = ReadyPattern::poisson;  // ready at random moments: every phase of the schedules
    sc.flows.push_back(std::move(f));
  }
  check_run_size(sc);
  const CorridorModel model(net, std::move(sc), services);

  // Replication r keeps only the probes' draws (a background's records would be large).
  const auto draws = sim::run_replications(
      req.replications, req.threads,
      [&](std::size_t r) {
        const ReplicationResult res = model.run(r, nullptr, req.stop);
        std::vector<ProbeDraws> out(req.probes.size());
        for (std::size_t i = 0; i < out.size(); ++i) {
          const std::size_t f = first_probe + i;
          out[i].transit_h = res.flow_transit_h[f];
          out[i].undelivered = static_cast<std::size_t>(std::llround(res.flows[f].undelivered));
        }
        return out;
      },
      req.stop);

  ReliabilityResult result;
  result.background = model.scenario().name;
  result.replications = req.replications;
  result.seed = model.scenario().seed;
  std::vector<ProbeDraws> column(draws.size());
  for (std::size_t i = 0; i < req.probes.size(); ++i) {
    for (std::size_t r = 0; r < draws.size(); ++r) column[r] = draws[r][i];
    result.itineraries.push_back(summarise_probe(req.probes[i], column));
  }
  return result;
}

std::vector<std::string> probe_path(const Network& net, std::span<const NodeId> via) {
  std::vector<std::string> out;
  for (const NodeId n : via) {
    const std::string& code = net.node(n).code;
    if (out.empty() || out.back() != code) out.push_back(code);
  }
  return out;
}

std::filesystem::path default_background_file() {
  const char* env = std::getenv("LANDBRIDGE_DATA_DIR");
  const std::filesystem::path data = env != nullptr && *env != '\0' ? std::filesystem::path(env)
                                                                     : std::filesystem::path(LANDBRIDGE_DATA_DIR);
  return data / "scenarios" / "reference-background.toml";
}

}  // namespace landbridge::corridor
