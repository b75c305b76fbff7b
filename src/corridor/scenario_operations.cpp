// Reading [[operations]] (node operations as queues with a service-time distribution) and the
// demand's ready patterns. Every error names the file, line and field.
#include <algorithm>
#include <charconv>
#include <cmath>

#include "scenario_read.h"

namespace landbridge::corridor::detail {
namespace {

ServiceTimeSpec read_service(const std::string& file, const toml::node* n, const std::string& pre) {
  const toml::table* t = n->as_table();
  if (t == nullptr) fail(file, n, pre, "expected an inline table, e.g. { dist = \"exponential\", mean_h = 4 }");
  ServiceTimeSpec st;
  const std::string dist = get_string(file, *t, pre + ".", "dist", "");
  auto need = [&](std::string_view key, double min) {
    if (t->get(key) == nullptr) fail(file, n, pre + "." + std::string(key), "missing (needed by dist = \"" + dist + "\")");
    return get_number(file, *t, pre + ".", key, 0, min, 1e5);
  };
  using D = ServiceTimeSpec::Dist;
  if (dist == "fixed") {
    check_keys(file, *t, pre + ".", {"dist", "value_h"});
    st.dist = D::fixed;
    st.value_h = need("value_h", 0);
  } else if (dist == "exponential") {
    check_keys(file, *t, pre + ".", {"dist", "mean_h"});
    st.dist = D::exponential;
    st.mean_h = need("mean_h", 1e-6);
  } else if (dist == "lognormal") {
    check_keys(file, *t, pre + ".", {"dist", "mean_h", "cv"});
    st.dist = D::lognormal;
    st.mean_h = need("mean_h", 1e-6);
    st.cv = need("cv", 1e-6);
  } else if (dist == "triangular" || dist == "pert") {
    check_keys(file, *t, pre + ".", {"dist", "min_h", "mode_h", "max_h"});
    st.dist = dist == "pert" ? D::pert : D::triangular;
    st.min_h = need("min_h", 0);
    st.mode_h = need("mode_h", 0);
    st.max_h = need("max_h", 0);
    if (!(st.min_h <= st.mode_h && st.mode_h <= st.max_h && st.min_h < st.max_h))
      fail(file, t->get("max_h"), pre + ".max_h", "expected min_h <= mode_h <= max_h with min_h < max_h");
  } else if (dist == "empirical") {
    check_keys(file, *t, pre + ".", {"dist", "values_h", "source"});
    st.dist = D::empirical;
    const toml::node* v = t->get("values_h");
    const toml::array* a = v != nullptr ? v->as_array() : nullptr;
    if (a == nullptr || a->empty()) fail(file, v != nullptr ? v : n, pre + ".values_h", "expected a non-empty array of hours");
    for (std::size_t i = 0; i < a->size(); ++i) {
      const std::optional<double> x = (*a)[i].value<double>();
      if (!x || !(*x >= 0) || !(*x <= 1e5)) fail(file, &(*a)[i], pre + ".values_h[" + std::to_string(i) + "]", "expected hours in [0, 100000]");
      st.values_h.push_back(*x);
    }
    st.source = get_string(file, *t, pre + ".", "source", "");
    if (st.source.empty()) fail(file, n, pre + ".source", "missing: say where the observations come from (a source key or text)");
  } else {
    fail(file, t->get("dist") != nullptr ? t->get("dist") : n, pre + ".dist",
         "got '" + dist + "', expected fixed, exponential, lognormal, triangular, pert or empirical");
  }
  return st;
}

}  // namespace

void read_operations(const std::string& file, const toml::table& root, Scenario& s) {
  for_each_table(file, root, "operations", [&](const toml::table& e, const std::string& pre) {
    check_keys(file, e, pre, {"node", "kind", "servers", "per", "discipline", "service"});
    OperationSpec o;
    o.line = line_of(&e);
    o.node = get_string(file, e, pre, "node", "");
    if (o.node.empty()) fail(file, &e, pre + "node", "missing");
    o.kind = get_string(file, e, pre, "kind", "");
    static constexpr std::string_view kKinds[] = {"handling", "gauge_change", "border", "customs", "dwell"};
    if (std::find(std::begin(kKinds), std::end(kKinds), o.kind) == std::end(kKinds))
      fail(file, e.get("kind") != nullptr ? e.get("kind") : &e, pre + "kind",
           "got '" + o.kind + "', expected handling, gauge_change, border, customs or dwell");
    o.servers = static_cast<int>(get_whole(file, e, pre, "servers", 0, 0, 10'000));
    const std::string per = get_string(file, e, pre, "per", "box");
    if (per != "box" && per != "train") fail(file, e.get("per"), pre + "per", "got '" + per + "', expected box or train");
    o.per_train = per == "train";
    const std::string disc = get_string(file, e, pre, "discipline", "fifo");
    if (disc != "fifo" && disc != "priority")
      fail(file, e.get("discipline"), pre + "discipline", "got '" + disc + "', expected fifo or priority");
    o.priority = disc == "priority";
    if (const toml::node* sv = e.get("service")) {
      o.service = read_service(file, sv, pre + "service");
      o.has_service = true;
    }
    for (const OperationSpec& p : s.operations) {
      if (p.node == o.node && p.kind == o.kind)
        fail(file, &e, pre + "node", "'" + o.node + "' " + o.kind + " is given twice (first at line " + std::to_string(p.line) + ")");
    }
    s.operations.push_back(std::move(o));
  });
}

std::string parse_pattern(const std::string& cell, FlowSpec& f) {
  if (cell == "uniform") {
    f.pattern = ReadyPattern::uniform;
  } else if (cell == "poisson") {
    f.pattern = ReadyPattern::poisson;
  } else if (cell.starts_with("batch:")) {
    f.pattern = ReadyPattern::batch;
    const std::string n = cell.substr(6);
    auto [p, ec] = std::from_chars(n.data(), n.data() + n.size(), f.batch);
    if (ec != std::errc() || p != n.data() + n.size() || f.batch < 1 || f.batch > 100'000)
      return "got '" + cell + "', expected batch:N with N a whole number of boxes from 1 to 100000";
  } else if (cell.starts_with("weekly:")) {
    f.pattern = ReadyPattern::weekly;
    f.weekdays = 0;
    static constexpr std::string_view kDays[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    std::string days = cell.substr(7);
    std::replace(days.begin(), days.end(), ';', ',');
    std::replace(days.begin(), days.end(), '+', ',');
    for (const std::string& d : split(days, ',')) {
      const auto it = std::find(std::begin(kDays), std::end(kDays), d);
      if (it == std::end(kDays)) return "got day '" + d + "' in '" + cell + "', expected mon, tue, wed, thu, fri, sat or sun";
      f.weekdays = static_cast<std::uint8_t>(f.weekdays | (1U << static_cast<unsigned>(it - std::begin(kDays))));
    }
  } else {
    return "got '" + cell + "', expected uniform, poisson, batch:N or weekly:DAYS (e.g. \"weekly:mon,thu\")";
  }
  return "";
}

}  // namespace landbridge::corridor::detail
