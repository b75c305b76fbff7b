// A chosen KPI of a sweep's table drawn (internal to lb_sweep): one axis, its means with
// confidence bars against the axis (chart/pointrange.h); two axes, a heat map of the means
// (chart/heatmap.h), the first axis across and the second up; more axes, one heat map per
// combination of the other axes' values.
#pragma once

#include <string>
#include <utility>
#include <vector>
#include <nlohmann/json.hpp>

namespace landbridge::sweep::detail {

// (file stem, SVG) pairs: the stem is the KPI name ("flow.JPHKT-DEDUI.mean_h"), followed by
// "--name=value,…" for the other axes' values when there are more than two axes.
std::vector<std::pair<std::string, std::string>> kpi_plots(const nlohmann::json& table, const std::string& kpi);

}  // namespace landbridge::sweep::detail
