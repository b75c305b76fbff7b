// Plots of a sweep's table: the plot layer draws, this file picks the figures.
#include "plots.h"

#include <fmt/format.h>

#include <cmath>
#include <limits>

#include "landbridge/chart/heatmap.h"
#include "landbridge/chart/pointrange.h"

namespace landbridge::sweep::detail {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string shown(const nlohmann::json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

std::string safe_stem(const std::string& s) {
  std::string out;
  for (char c : s) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                    c == '_' || c == '-' || c == '=' || c == ',';
    out += ok ? c : '_';
  }
  return out;
}

double figure(const nlohmann::json& cell, const std::string& kpi, const char* what) {
  const auto it = cell.at("kpis").find(kpi);
  if (it == cell.at("kpis").end()) return kNaN;
  const nlohmann::json& v = it->at(what);
  return v.is_number() ? v.get<double>() : kNaN;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> kpi_plots(const nlohmann::json& table, const std::string& kpi) {
  const nlohmann::json& axes = table.at("axes");
  const nlohmann::json& cells = table.at("cells");
  const std::size_t na = axes.size();
  std::vector<std::size_t> sizes;
  for (const nlohmann::json& a : axes) sizes.push_back(a.at("values").size());
  const std::string subtitle = fmt::format("sweep {} \u00b7 mean {} \u00b7 {} replications, common random numbers",
                                           table.at("sweep").get<std::string>(),
                                           na == 1 ? "and 95 % confidence interval" : "\u00b1 95 % half-width",
                                           table.at("replications").dump());
  std::vector<std::pair<std::string, std::string>> out;
  if (na == 1) {
    chart::PointRangeSpec spec;
    spec.title = kpi;
    spec.subtitle = subtitle;
    spec.x_title = axes[0].at("name").get<std::string>();
    spec.y_title = kpi;
    bool numeric = true;
    for (const nlohmann::json& v : axes[0].at("values")) numeric = numeric && v.is_number();
    chart::PointRangeSeries s;
    s.label = kpi;
    for (std::size_t i = 0; i < sizes[0]; ++i) {
      const nlohmann::json& v = axes[0].at("values")[i];
      if (numeric) spec.x.push_back(v.get<double>());
      spec.x_labels.push_back(shown(v));
      s.mean.push_back(figure(cells[i], kpi, "mean"));
      s.low.push_back(figure(cells[i], kpi, "low"));
      s.high.push_back(figure(cells[i], kpi, "high"));
    }
    spec.series.push_back(std::move(s));
    out.emplace_back(safe_stem(kpi), chart::render_pointrange(spec));
    return out;
  }
  // Cells are numbered with the first axis varying slowest: cell = ((i0 * n1 + i1) * n2 + i2) ...
  std::size_t rest = 1;
  for (std::size_t k = 2; k < na; ++k) rest *= sizes[k];
  for (std::size_t r = 0; r < rest; ++r) {
    chart::HeatMapSpec spec;
    spec.title = kpi;
    spec.x_title = axes[0].at("name").get<std::string>();
    spec.y_title = axes[1].at("name").get<std::string>();
    spec.value_title = kpi;
    for (const nlohmann::json& v : axes[0].at("values")) spec.x_labels.push_back(shown(v));
    for (const nlohmann::json& v : axes[1].at("values")) spec.y_labels.push_back(shown(v));
    // The other axes' values of this plot (r in mixed radix, last axis fastest).
    std::string fixed, stem_tail;
    std::size_t q = r;
    std::vector<std::size_t> other(na, 0);
    for (std::size_t k = na; k-- > 2;) {
      other[k] = q % sizes[k];
      q /= sizes[k];
    }
    for (std::size_t k = 2; k < na; ++k) {
      const std::string part = fmt::format("{}={}", axes[k].at("name").get<std::string>(), shown(axes[k].at("values")[other[k]]));
      fixed += (fixed.empty() ? "" : ", ") + part;
      stem_tail += (stem_tail.empty() ? "--" : ",") + part;
    }
    spec.subtitle = fixed.empty() ? subtitle : subtitle + " \u00b7 " + fixed;
    spec.values.assign(sizes[1], std::vector<double>(sizes[0], kNaN));
    spec.half_widths = spec.values;
    for (std::size_t x = 0; x < sizes[0]; ++x)
      for (std::size_t y = 0; y < sizes[1]; ++y) {
        std::size_t c = x * sizes[1] + y;
        for (std::size_t k = 2; k < na; ++k) c = c * sizes[k] + other[k];
        spec.values[y][x] = figure(cells[c], kpi, "mean");
        spec.half_widths[y][x] = figure(cells[c], kpi, "half_width");
      }
    out.emplace_back(safe_stem(kpi + stem_tail), chart::render_heatmap(spec));
  }
  return out;
}

}  // namespace landbridge::sweep::detail
