#include "landbridge/corridor/study.h"

#include "landbridge/corridor/compare.h"

namespace landbridge::corridor {

std::string study_json(const StudyRun& base, const StudyRun* what_if) {
  if (what_if == nullptr) return summary_json(*base.model, base.summary);
  return comparison_json(compare(*base.model, base.summary, *what_if->model, what_if->summary));
}

std::vector<PlotRun> study_plot_runs(const StudyRun& base, const StudyRun* what_if) {
  std::vector<PlotRun> runs{{base.model, base.replications, ""}};
  if (what_if == nullptr) return runs;
  runs.push_back({what_if->model, what_if->replications, ""});
  if (base.model->scenario().name == what_if->model->scenario().name) {
    runs[0].label = "base";
    runs[1].label = "what-if";
  }
  return runs;
}

}  // namespace landbridge::corridor
