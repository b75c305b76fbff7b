// Cell records and the sweep's table.
#include "table.h"

#include <fmt/format.h>

#include <cmath>
#include <set>

namespace landbridge::sweep::detail {
namespace {

nlohmann::json number(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); }
double number_of(const nlohmann::json& j) { return j.is_number() ? j.get<double>() : std::nan(""); }

std::string csv_cell(std::string s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

std::string csv_number(const nlohmann::json& j) { return j.is_number() ? fmt::format("{}", j.get<double>()) : ""; }

}  // namespace

std::string kpi_name(const corridor::SummaryRow& r) { return r.group + "." + r.key + "." + r.metric; }

nlohmann::json cell_record(const SweepSpec& spec, std::size_t c, const corridor::Summary& s,
                           const std::string& fingerprint) {
  nlohmann::json kpis = nlohmann::json::array();
  for (const corridor::SummaryRow& r : s.rows) {
    kpis.push_back({{"kpi", kpi_name(r)}, {"n", r.estimate.n}, {"mean", number(r.estimate.mean)},
                    {"stddev", number(r.estimate.stddev)}, {"half_width", number(r.estimate.half_width)}});
  }
  return {{"fingerprint", fingerprint}, {"cell", c}, {"label", spec.cell_label(c)},
          {"replications", s.replications}, {"kpis", std::move(kpis)}};
}

nlohmann::json build_table(const SweepSpec& spec, const std::vector<nlohmann::json>& cells) {
  nlohmann::json t;
  t["sweep"] = spec.name;
  t["base"] = spec.base_text;
  t["confidence"] = 0.95;
  nlohmann::json axes = nlohmann::json::array();
  for (const Axis& a : spec.axes) {
    nlohmann::json values = nlohmann::json::array();
    for (const AxisValue& v : a.values) values.push_back(v.value);
    axes.push_back({{"name", a.name}, {"key", a.key.empty() ? nlohmann::json(nullptr) : nlohmann::json(a.key)},
                    {"values", std::move(values)}});
  }
  t["axes"] = std::move(axes);
  // Every KPI any cell has, in the order of first appearance (cells may differ: a closure can
  // move a flow onto a route through other gauge changes).
  std::vector<std::string> names;
  std::set<std::string> seen;
  nlohmann::json rows = nlohmann::json::array();
  for (std::size_t c = 0; c < cells.size(); ++c) {
    const nlohmann::json& rec = cells[c];
    nlohmann::json row;
    row["cell"] = c;
    const std::vector<std::size_t> idx = spec.cell_values(c);
    nlohmann::json values;
    for (std::size_t k = 0; k < spec.axes.size(); ++k) values[spec.axes[k].name] = spec.axes[k].values[idx[k]].value;
    row["values"] = std::move(values);
    nlohmann::json kpis = nlohmann::json::object();
    for (const nlohmann::json& k : rec.at("kpis")) {
      const std::string name = k.at("kpi").get<std::string>();
      if (seen.insert(name).second) names.push_back(name);
      const double mean = number_of(k.at("mean")), hw = number_of(k.at("half_width"));
      kpis[name] = {{"mean", number(mean)}, {"half_width", number(hw)}, {"low", number(mean - hw)},
                    {"high", number(mean + hw)}};
    }
    row["kpis"] = std::move(kpis);
    rows.push_back(std::move(row));
  }
  t["replications"] = cells.empty() ? nlohmann::json(0) : cells.front().at("replications");
  t["seed"] = spec.seed;
  t["kpis"] = names;
  t["cells"] = std::move(rows);
  return t;
}

std::string table_csv(const nlohmann::json& table) {
  std::vector<std::string> axes;
  for (const nlohmann::json& a : table.at("axes")) axes.push_back(a.at("name").get<std::string>());
  const std::vector<std::string> kpis = table.at("kpis").get<std::vector<std::string>>();
  static constexpr const char* kFigures[] = {"mean", "half_width", "low", "high"};
  std::vector<std::string> cells;
  auto flush = [&cells](std::string& out) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i > 0) out += ',';
      out += cells[i];
    }
    out += '\n';
    cells.clear();
  };
  std::string out;
  for (const std::string& a : axes) cells.push_back(csv_cell(a));
  for (const std::string& k : kpis)
    for (const char* f : kFigures) cells.push_back(csv_cell(fmt::format("{}.{}", k, f)));
  flush(out);
  for (const nlohmann::json& row : table.at("cells")) {
    for (const std::string& a : axes) {
      const nlohmann::json& v = row.at("values").at(a);
      cells.push_back(csv_cell(v.is_string() ? v.get<std::string>() : v.dump()));
    }
    for (const std::string& k : kpis) {
      const auto it = row.at("kpis").find(k);
      for (const char* f : kFigures) cells.push_back(it == row.at("kpis").end() ? std::string() : csv_number(it->at(f)));
    }
    flush(out);
  }
  return out;
}

}  // namespace landbridge::sweep::detail
