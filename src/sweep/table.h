// The sweep's records (internal to lb_sweep): one JSON document per finished cell, and the
// table of every KPI per cell built from them (table.json, table.csv).
//
// A cell file (cell-0007.json):
//   {"fingerprint": "9f0c…", "cell": 7, "label": "khorgos_cranes=8, caspian_fleet=2",
//    "replications": 10, "seed": 42,
//    "kpis": [{"kpi": "flow.JPHKT-DEDUI.mean_h", "n": 10, "mean": 512.3, "stddev": 4.1,
//              "half_width": 2.9}, …]}          (non-finite figures are null)
#pragma once

#include <string>
#include <vector>
#include <nlohmann/json.hpp>

#include "landbridge/corridor/model.h"
#include "landbridge/sweep/spec.h"

namespace landbridge::sweep::detail {

// "group.key.metric", the KPI's name in tables and plots.
std::string kpi_name(const corridor::SummaryRow& r);

nlohmann::json cell_record(const SweepSpec& spec, std::size_t c, const corridor::Summary& s,
                           const std::string& fingerprint);

// The table from every cell's record, in cell order. Shape in docs/sweeps.md.
nlohmann::json build_table(const SweepSpec& spec, const std::vector<nlohmann::json>& cells);
// One row per cell: the axes' values, then mean, half_width, low, high of every KPI.
std::string table_csv(const nlohmann::json& table);

}  // namespace landbridge::sweep::detail
