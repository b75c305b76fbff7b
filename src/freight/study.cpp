#include "landbridge/freight/study.h"

#include "landbridge/io/places.h"
#include "landbridge/io/services.h"
#include "landbridge/place/door.h"

namespace landbridge::freight {

Study run_study(const LoadedNetwork& pkg, const StudyInput& in) {
  Study s;
  s.table = io::load_demand(in.demand);
  s.demand = resolve_demand(pkg.network, s.table, place::index_file(io::default_place_index_path()));
  std::filesystem::path base = in.settings;
  if (base.empty() && std::filesystem::exists(in.demand.parent_path() / "settings.txt"))
    base = in.demand.parent_path() / "settings.txt";
  if (!base.empty()) apply_settings_file(s.settings, base);
  for (const auto& f : in.what_if_files) apply_settings_file(s.settings, f);
  for (const std::string& kv : in.sets) apply_setting(s.settings, kv, "--set");
  std::vector<timetable::Service> services;
  if (!pkg.dir.empty()) {
    Diagnostics diags;
    services = io::load_services(pkg.dir, pkg.network, diags);
    diags.throw_if_any();
  }
  s.graph = build_graph(pkg, services, s.demand, s.settings);
  s.result = assign_freight(pkg, s.graph, s.demand, in.options);
  if (in.resolve_units) resolve_unit_savings(pkg, s.graph, s.demand, in.options, s.result);
  return s;
}

}  // namespace landbridge::freight
