#include "landbridge/corridor/compare.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <tuple>

namespace landbridge::corridor {
namespace {

double finite_or_zero(double x) { return std::isfinite(x) ? x : 0.0; }

nlohmann::ordered_json estimate_json(const std::optional<sim::Estimate>& e) {
  if (!e) return nullptr;
  return {{"mean", e->mean}, {"half_width", finite_or_zero(e->half_width)}};
}

std::string cell(const std::optional<sim::Estimate>& e) {
  if (!e) return fmt::format("{:>22}", "-");
  return fmt::format("{:>12.2f} ± {:<7.2f}", e->mean, finite_or_zero(e->half_width));
}

}  // namespace

Comparison compare(const CorridorModel& base, const Summary& base_summary, const CorridorModel& what_if,
                   const Summary& what_if_summary) {
  Comparison c;
  c.base_name = base.scenario().name;
  c.what_if_name = what_if.scenario().name;
  c.replications = std::min(base_summary.replications, what_if_summary.replications);
  using Key = std::tuple<std::string, std::string, std::string>;
  std::map<Key, const SummaryRow*> other;
  for (const SummaryRow& r : what_if_summary.rows) other.emplace(Key{r.group, r.key, r.metric}, &r);
  auto finish = [](ComparisonRow& row) {
    if (!row.base || !row.what_if) return;
    row.change = row.what_if->mean - row.base->mean;
    const double a = finite_or_zero(row.base->half_width), b = finite_or_zero(row.what_if->half_width);
    row.half_width = std::sqrt(a * a + b * b);
    row.clear = std::abs(row.change) > row.half_width;
  };
  for (const SummaryRow& r : base_summary.rows) {
    ComparisonRow row{r.group, r.key, r.metric, r.estimate, std::nullopt};
    if (const auto it = other.find(Key{r.group, r.key, r.metric}); it != other.end()) {
      row.what_if = it->second->estimate;
      other.erase(it);
    }
    finish(row);
    c.rows.push_back(std::move(row));
  }
  for (const SummaryRow& r : what_if_summary.rows)
    if (other.count(Key{r.group, r.key, r.metric}))
      c.rows.push_back(ComparisonRow{r.group, r.key, r.metric, std::nullopt, r.estimate});
  return c;
}

std::string comparison_table(const Comparison& c, bool only_clear) {
  std::string out = fmt::format("What-if {} against base {} · {} replications each · 95 % confidence intervals\n",
                                c.what_if_name, c.base_name, c.replications);
  out += fmt::format("{:<8} {:<22} {:<22} {:>22} {:>22} {:>12} {:>9}  {}\n", "group", "key", "metric", "base",
                     "what-if", "change", "± hw", "clear");
  for (const ComparisonRow& r : c.rows) {
    if (only_clear && !r.clear) continue;
    out += fmt::format("{:<8} {:<22} {:<22} {} {} ", r.group, r.key, r.metric, cell(r.base), cell(r.what_if));
    if (r.base && r.what_if)
      out += fmt::format("{:>+12.2f} {:>9.2f}  {}\n", r.change, r.half_width, r.clear ? "yes" : "no");
    else
      out += fmt::format("{:>12} {:>9}  {}\n", "-", "-", "-");
  }
  return out;
}

std::string comparison_json(const Comparison& c) {
  nlohmann::ordered_json j;
  j["base"] = c.base_name;
  j["what_if"] = c.what_if_name;
  j["replications"] = c.replications;
  j["confidence"] = 0.95;
  auto& rows = j["kpis"] = nlohmann::ordered_json::array();
  for (const ComparisonRow& r : c.rows) {
    nlohmann::ordered_json row{{"group", r.group}, {"key", r.key}, {"metric", r.metric},
                               {"base", estimate_json(r.base)}, {"what_if", estimate_json(r.what_if)}};
    if (r.base && r.what_if) {
      row["change"] = r.change;
      row["half_width"] = r.half_width;
      row["clear"] = r.clear;
    } else {
      row["change"] = nullptr;
    }
    rows.push_back(std::move(row));
  }
  return j.dump(2) + "\n";
}

}  // namespace landbridge::corridor
