// Reading a sweep file: [sweep] and its [[axes]], each axis value checked against the base
// scenario by the corridor layer's own reader.
#include "landbridge/sweep/spec.h"

#include <fmt/format.h>

#include <cmath>
#include <sstream>

#include "landbridge/core/user_file.h"
#include "landbridge/corridor/scenario_toml.h"
#include "override.h"

namespace landbridge::sweep {
namespace {

int line_of(const toml::node* n) { return n != nullptr ? static_cast<int>(n->source().begin.line) : 0; }

[[noreturn]] void fail(const std::filesystem::path& file, int line, const std::string& field, const std::string& what) {
  std::string msg = file.string();
  if (line > 0) msg += ":" + std::to_string(line);
  if (!field.empty()) msg += ": field '" + field + "'";
  throw SweepError(msg + ": " + what);
}

void check_keys(const std::filesystem::path& file, const toml::table& t, const std::string& prefix,
                std::initializer_list<std::string_view> allowed) {
  for (const auto& [k, v] : t) {
    if (std::find(allowed.begin(), allowed.end(), k.str()) == allowed.end()) {
      std::string known;
      for (auto a : allowed) known += (known.empty() ? "" : ", ") + std::string(a);
      fail(file, line_of(&v), prefix + std::string(k.str()), "unknown field (known: " + known + ")");
    }
  }
}

nlohmann::json to_json(const toml::node& n) {
  if (const auto s = n.value_exact<std::string>()) return *s;
  if (const auto i = n.value_exact<std::int64_t>()) return *i;
  if (const auto d = n.value_exact<double>()) return *d;
  if (const auto b = n.value_exact<bool>()) return *b;
  return detail::shown_value(n);
}

AxisValue value_of(const toml::node& n) {
  AxisValue v;
  v.label = detail::shown_value(n);
  v.value = to_json(n);
  n.visit([&](const auto& x) { v.set.insert("value", x); });
  v.line = line_of(&n);
  return v;
}

// from / to / step: whole numbers when all three are, else floating point.
std::vector<AxisValue> range_values(const std::filesystem::path& file, const toml::table& t, const std::string& pre) {
  const toml::node* from = t.get("from");
  const toml::node* to = t.get("to");
  const toml::node* step = t.get("step");
  for (auto [n, key] : {std::pair{from, "from"}, std::pair{to, "to"}, std::pair{step, "step"}}) {
    if (n == nullptr) fail(file, line_of(&t), pre + key, "missing (a range needs from, to and step)");
    if (!n->is_number()) fail(file, line_of(n), pre + key, "expected a number");
  }
  std::vector<AxisValue> out;
  const int line = line_of(step);
  if (from->is_integer() && to->is_integer() && step->is_integer()) {
    const std::int64_t a = *from->value<std::int64_t>(), b = *to->value<std::int64_t>(), s = *step->value<std::int64_t>();
    if (s == 0 || (b - a) / s < 0) fail(file, line, pre + "step", "must be non-zero and lead from 'from' to 'to'");
    if (static_cast<std::size_t>((b - a) / s) >= kMaxAxisValues)
      fail(file, line, pre + "step", fmt::format("more than {} values", kMaxAxisValues));
    for (std::int64_t v = a; s > 0 ? v <= b : v >= b; v += s) {
      AxisValue x = value_of(toml::value<std::int64_t>(v));
      x.line = line;
      out.push_back(std::move(x));
    }
  } else {
    const double a = *from->value<double>(), b = *to->value<double>(), s = *step->value<double>();
    if (!(s != 0) || !std::isfinite(a) || !std::isfinite(b) || (b - a) / s < 0)
      fail(file, line, pre + "step", "must be non-zero and lead from 'from' to 'to'");
    const double steps = std::floor((b - a) / s + 1e-9);
    if (steps >= static_cast<double>(kMaxAxisValues)) fail(file, line, pre + "step", fmt::format("more than {} values", kMaxAxisValues));
    for (int k = 0; k <= static_cast<int>(steps); ++k) {
      AxisValue x = value_of(toml::value<double>(a + k * s));
      x.line = line;
      out.push_back(std::move(x));
    }
  }
  return out;
}

std::vector<AxisValue> variants_of(const std::filesystem::path& file, const toml::node& n, const std::string& pre) {
  const toml::array* a = n.as_array();
  if (a == nullptr || a->empty())
    fail(file, line_of(&n), pre + "variants", "expected a non-empty array of tables ({ label = ..., set = {...}, remove = [...] })");
  std::vector<AxisValue> out;
  for (std::size_t i = 0; i < a->size(); ++i) {
    const std::string vp = fmt::format("{}variants[{}].", pre, i);
    const toml::table* t = (*a)[i].as_table();
    if (t == nullptr) fail(file, line_of(&(*a)[i]), vp, "expected a table");
    check_keys(file, *t, vp, {"label", "set", "remove"});
    AxisValue v;
    v.line = line_of(t);
    const toml::node* label = t->get("label");
    if (label == nullptr || !label->is_string() || label->value<std::string>()->empty())
      fail(file, v.line, vp + "label", "expected a non-empty string naming the variant");
    v.label = *label->value<std::string>();
    v.value = v.label;
    for (const AxisValue& o : out)
      if (o.label == v.label) fail(file, v.line, vp + "label", "'" + v.label + "' names two variants");
    if (const toml::node* s = t->get("set")) {
      if (!s->is_table()) fail(file, line_of(s), vp + "set", "expected a table of scenario fields");
      v.set = *s->as_table();
    }
    if (const toml::node* r = t->get("remove")) {
      const toml::array* ra = r->as_array();
      if (ra == nullptr) fail(file, line_of(r), vp + "remove", "expected an array of keys");
      for (const toml::node& k : *ra) {
        if (!k.is_string()) fail(file, line_of(&k), vp + "remove", "expected keys as strings");
        v.remove.push_back(*k.value<std::string>());
      }
    }
    out.push_back(std::move(v));
  }
  return out;
}

// Applies one axis value to `t`; returns "" or what does not apply.
std::string apply(const Axis& axis, const AxisValue& v, toml::table& t) {
  if (!axis.key.empty()) return detail::set_key(t, axis.key, *v.set.get("value"));
  for (const std::string& k : v.remove)
    if (std::string why = detail::remove_key(t, k); !why.empty()) return "remove " + k + ": " + why;
  detail::merge_tables(t, v.set);
  return "";
}

std::string value_field(const Axis& a, std::size_t j) {
  return fmt::format("axes[{}].{}[{}]", a.index, a.key.empty() ? "variants" : "values", j);
}

}  // namespace

std::size_t SweepSpec::cell_count() const {
  std::size_t n = 1;
  for (const Axis& a : axes) n *= a.values.size();
  return n;
}

std::vector<std::size_t> SweepSpec::cell_values(std::size_t c) const {
  std::vector<std::size_t> idx(axes.size());
  for (std::size_t k = axes.size(); k-- > 0;) {
    idx[k] = c % axes[k].values.size();
    c /= axes[k].values.size();
  }
  return idx;
}

std::string SweepSpec::cell_label(std::size_t c) const {
  const std::vector<std::size_t> idx = cell_values(c);
  std::string out;
  for (std::size_t k = 0; k < axes.size(); ++k)
    out += fmt::format("{}{}={}", k > 0 ? ", " : "", axes[k].name, axes[k].values[idx[k]].label);
  return out;
}

SweepSpec load_sweep(const std::filesystem::path& file) {
  UserFile f = read_user_file(file, corridor::kMaxScenarioBytes);
  if (!f.ok()) throw SweepError(file.string() + ": cannot read the sweep: " + f.problem);
  toml::table root;
  try {
    root = toml::parse(f.text, file.string());
  } catch (const toml::parse_error& e) {
    fail(file, static_cast<int>(e.source().begin.line), "", std::string(e.description()));
  }
  SweepSpec spec;
  spec.file = file;
  check_keys(file, root, "", {"sweep", "axes"});
  const toml::table* sw = root["sweep"].as_table();
  if (sw == nullptr) fail(file, line_of(root.get("sweep")), "sweep", "missing [sweep] table");
  check_keys(file, *sw, "sweep.", {"name", "base", "replications", "seed", "plot"});
  spec.name = sw->get("name") != nullptr ? sw->get("name")->value_or(std::string()) : file.stem().string();
  if (spec.name.empty()) fail(file, line_of(sw->get("name")), "sweep.name", "expected a non-empty string");
  const toml::node* base = sw->get("base");
  if (base == nullptr || !base->is_string())
    fail(file, line_of(base != nullptr ? base : sw), "sweep.base", "expected the base scenario's path (relative to the sweep file)");
  spec.base_text = *base->value<std::string>();
  spec.base_file = file.parent_path() / spec.base_text;
  UserFile bf = read_user_file(spec.base_file, corridor::kMaxScenarioBytes);
  if (!bf.ok()) fail(file, line_of(base), "sweep.base", "cannot read " + spec.base_file.string() + ": " + bf.problem);
  try {
    spec.base = toml::parse(bf.text, spec.base_file.string());
  } catch (const toml::parse_error& e) {
    throw corridor::ScenarioError(spec.base_file.string() + ":" + std::to_string(e.source().begin.line) + ": " +
                                  std::string(e.description()));
  }
  const corridor::Scenario base_sc = corridor::scenario_from_table(spec.base, spec.base_file);
  spec.replications = base_sc.replications;
  spec.seed = base_sc.seed;
  if (const toml::node* r = sw->get("replications")) {
    const auto v = r->value_exact<std::int64_t>();
    if (!v || *v < 2 || *v > corridor::kMaxReplications)
      fail(file, line_of(r), "sweep.replications", fmt::format("expected a whole number from 2 to {}", corridor::kMaxReplications));
    spec.replications = static_cast<int>(*v);
  }
  if (const toml::node* s = sw->get("seed")) {
    const auto v = s->value_exact<std::int64_t>();
    if (!v || *v < 0 || *v > corridor::kMaxSeed)
      fail(file, line_of(s), "sweep.seed", "expected a whole number from 0 to 2^53 - 1");
    spec.seed = static_cast<std::uint64_t>(*v);
  }
  if (const toml::node* p = sw->get("plot")) {
    const toml::array* a = p->as_array();
    if (a == nullptr) fail(file, line_of(p), "sweep.plot", "expected an array of KPI names, e.g. [\"flow.JPHKT-DEDUI.mean_h\"]");
    for (const toml::node& k : *a) {
      if (!k.is_string()) fail(file, line_of(&k), "sweep.plot", "expected KPI names as strings");
      spec.plots.push_back(*k.value<std::string>());
    }
  }

  const toml::node* axes = root.get("axes");
  const toml::array* aa = axes != nullptr ? axes->as_array() : nullptr;
  if (aa == nullptr || aa->empty()) fail(file, line_of(axes), "axes", "expected at least one [[axes]] table");
  std::size_t cells = 1;
  for (std::size_t i = 0; i < aa->size(); ++i) {
    const std::string pre = fmt::format("axes[{}].", i);
    const toml::table* t = (*aa)[i].as_table();
    if (t == nullptr) fail(file, line_of(&(*aa)[i]), pre, "expected a table");
    check_keys(file, *t, pre, {"name", "key", "values", "from", "to", "step", "variants"});
    Axis axis;
    axis.index = i;
    axis.line = line_of(t);
    if (const toml::node* k = t->get("key")) {
      if (!k->is_string()) fail(file, line_of(k), pre + "key", "expected a string, e.g. \"nodes[code=KZHOR].cranes\"");
      axis.key = *k->value<std::string>();
      std::vector<detail::Segment> segs;
      if (std::string why = detail::parse_key(axis.key, segs); !why.empty())
        fail(file, line_of(k), pre + "key", "'" + axis.key + "': " + why);
    }
    const bool has_values = t->get("values") != nullptr, has_range = t->get("from") != nullptr || t->get("to") != nullptr || t->get("step") != nullptr;
    const bool has_variants = t->get("variants") != nullptr;
    if (has_variants) {
      if (!axis.key.empty() || has_values || has_range)
        fail(file, axis.line, pre + "variants", "an axis has either variants, or a key with values or a range");
      axis.values = variants_of(file, *t->get("variants"), pre);
    } else {
      if (axis.key.empty()) fail(file, axis.line, pre + "key", "missing (or give variants)");
      if (has_values == has_range) fail(file, axis.line, pre + "values", "give either values = [...] or from, to and step");
      if (has_values) {
        const toml::array* va = t->get("values")->as_array();
        if (va == nullptr || va->empty()) fail(file, line_of(t->get("values")), pre + "values", "expected a non-empty array");
        if (va->size() > kMaxAxisValues) fail(file, line_of(va), pre + "values", fmt::format("more than {} values", kMaxAxisValues));
        for (const toml::node& v : *va) {
          if (v.is_table() || v.is_array()) fail(file, line_of(&v), pre + "values", "expected plain values (numbers, strings, booleans)");
          AxisValue x = value_of(v);
          if (x.line == 0) x.line = line_of(va);
          axis.values.push_back(std::move(x));
        }
      } else {
        axis.values = range_values(file, *t, pre);
      }
    }
    const toml::node* name = t->get("name");
    if (name != nullptr && (!name->is_string() || name->value<std::string>()->empty()))
      fail(file, line_of(name), pre + "name", "expected a non-empty string");
    axis.name = name != nullptr ? *name->value<std::string>() : axis.key;
    if (axis.name.empty()) fail(file, axis.line, pre + "name", "missing: an axis of variants needs a name");
    for (const Axis& o : spec.axes)
      if (o.name == axis.name) fail(file, axis.line, pre + "name", "'" + axis.name + "' names two axes");
    // Common random numbers: every cell runs the sweep's replications on the sweep's seed.
    auto sets_run_size = [](const toml::table& fragment) {
      const toml::table* sc = fragment.get_as<toml::table>("scenario");
      return sc != nullptr && (sc->contains("seed") || sc->contains("replications"));
    };
    const bool run_size_key = axis.key == "scenario.seed" || axis.key == "scenario.replications";
    for (const AxisValue& v : axis.values)
      if (run_size_key || (axis.key.empty() && sets_run_size(v.set)))
        fail(file, run_size_key ? line_of(t->get("key")) : v.line, pre + (run_size_key ? "key" : "variants"),
             "every cell runs the same replications on the same seed (common random numbers): set them in [sweep], "
             "not per cell");
    // Every value, alone on the base, must make a scenario the corridor layer reads.
    for (std::size_t j = 0; j < axis.values.size(); ++j) {
      const AxisValue& v = axis.values[j];
      toml::table t2 = spec.base;
      if (std::string why = apply(axis, v, t2); !why.empty())
        fail(file, v.line, value_field(axis, j), (axis.key.empty() ? "" : "key '" + axis.key + "': ") + why);
      try {
        (void)corridor::scenario_from_table(t2, spec.base_file);
      } catch (const corridor::ScenarioError& e) {
        fail(file, v.line, value_field(axis, j),
             (axis.key.empty() ? "variant '" + v.label + "'" : axis.key + " = " + v.label) + " is refused by the scenario reader: " + e.what());
      }
    }
    cells *= axis.values.size();
    if (cells > kMaxCells) fail(file, axis.line, pre, fmt::format("the sweep has more than {} cells", kMaxCells));
    spec.axes.push_back(std::move(axis));
  }
  // What identifies the sweep's results: its content as read (not its comments or layout), the
  // plots excepted (drawing another KPI does not change a cell).
  toml::table canon = root;
  if (toml::table* s = canon["sweep"].as_table()) s->erase("plot");
  std::ostringstream os;
  os << canon;
  spec.canonical = os.str();
  return spec;
}

toml::table cell_table(const SweepSpec& spec, std::size_t c) {
  toml::table t = spec.base;
  const std::vector<std::size_t> idx = spec.cell_values(c);
  for (std::size_t k = 0; k < spec.axes.size(); ++k) {
    const Axis& a = spec.axes[k];
    if (std::string why = apply(a, a.values[idx[k]], t); !why.empty())
      fail(spec.file, a.values[idx[k]].line, value_field(a, idx[k]), "in cell " + spec.cell_label(c) + ": " + why);
  }
  return t;
}

corridor::Scenario cell_scenario(const SweepSpec& spec, std::size_t c) {
  const toml::table t = cell_table(spec, c);
  corridor::Scenario s;
  try {
    s = corridor::scenario_from_table(t, spec.base_file);
  } catch (const corridor::ScenarioError& e) {
    fail(spec.file, 0, "", "cell " + spec.cell_label(c) + " is refused by the scenario reader: " + e.what());
  }
  s.replications = spec.replications;
  s.seed = spec.seed;
  corridor::check_run_size(s);
  return s;
}

}  // namespace landbridge::sweep
