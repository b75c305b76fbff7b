// What `landbridge simulate` and the service's simulation jobs both make of finished runs: a
// base scenario and, optionally, a what-if run on the same seed and replications.
#pragma once

#include <string>
#include <vector>

#include "landbridge/corridor/model.h"
#include "landbridge/corridor/plots.h"

namespace landbridge::corridor {

// One scenario's model with its replications and their summary.
struct StudyRun {
  const CorridorModel* model = nullptr;
  std::vector<ReplicationResult> replications;
  Summary summary;
};

// The KPI JSON: summary_json of the base, or comparison_json of base against what-if.
std::string study_json(const StudyRun& base, const StudyRun* what_if);

// The runs to plot; labelled "base" and "what-if" when both scenarios have the same name
// (else each is labelled by its scenario's name).
std::vector<PlotRun> study_plot_runs(const StudyRun& base, const StudyRun* what_if);

}  // namespace landbridge::corridor
