// The reliability of an answer's itineraries as JSON keys and a text block (query/reliability.h).
#include "landbridge/query/reliability.h"

#include <fmt/format.h>

#include <cmath>

#include "landbridge/timetable/time.h"

namespace landbridge::query {
namespace {

using nlohmann::json;

json days_json(const std::optional<Minutes>& m) {
  if (!m) return nullptr;
  return std::round(to_days(*m) * 100.0) / 100.0;
}

std::string duration_text(const std::optional<Minutes>& m) {
  return m ? timetable::format_duration(*m) : std::string("late");
}

// 4410 -> "4,410".
std::string grouped(std::size_t n) {
  const std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace

void add_reliability_json(json& answer, const corridor::ReliabilityResult& r, const std::string& deadline_text) {
  answer["reliability"] = {{"background", r.background},
                           {"replications", r.replications},
                           {"seed", r.seed},
                           {"arrive_by", deadline_text.empty() ? json(nullptr) : json(deadline_text)}};
  json& its = answer["itineraries"];
  for (std::size_t i = 0; i < r.itineraries.size() && i < its.size(); ++i) {
    const corridor::ItineraryReliability& x = r.itineraries[i];
    its[i]["reliability"] = {{"samples", x.samples},
                             {"undelivered", x.undelivered},
                             {"p5_days", days_json(x.p5)},
                             {"p50_days", days_json(x.p50)},
                             {"p90_days", days_json(x.p90)},
                             {"p95_days", days_json(x.p95)},
                             {"mean_days", days_json(x.mean)},
                             {"p_arrive_by", x.p_on_time ? json(std::round(*x.p_on_time * 1000.0) / 1000.0) : json(nullptr)}};
  }
}

std::string reliability_table(const corridor::ReliabilityResult& r, const std::string& deadline_text) {
  std::string out = fmt::format(
      "\nreliability: {} replications on background {} (seed {}); door-to-door from ready, "
      "percentiles over every probe box\n",
      r.replications, r.background, r.seed);
  const std::string by = deadline_text.empty() ? "" : fmt::format("P(by {})", deadline_text);
  out += fmt::format("  {:<4}{:<11}{:<11}{:<11}{:<{}}{:>8}{:>13}\n", "#", "P50", "P90", "P95", by,
                     by.empty() ? 0 : by.size() + 2, "boxes", "undelivered");
  for (std::size_t i = 0; i < r.itineraries.size(); ++i) {
    const corridor::ItineraryReliability& x = r.itineraries[i];
    const std::string p = x.p_on_time ? fmt::format("{:.3f}", *x.p_on_time) : "";
    out += fmt::format("  {:<4}{:<11}{:<11}{:<11}{:<{}}{:>8}{:>13}\n", i + 1, duration_text(x.p50),
                       duration_text(x.p90), duration_text(x.p95), p, by.empty() ? 0 : by.size() + 2,
                       grouped(x.samples), grouped(x.undelivered));
  }
  return out;
}

}  // namespace landbridge::query
