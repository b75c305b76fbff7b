// Simulation requests into job tasks (service/simulation_job.h), on the corridor library.
#include "landbridge/service/simulation_job.h"

#include <memory>
#include <vector>

#include "landbridge/corridor/model.h"
#include "landbridge/corridor/plots.h"
#include "landbridge/corridor/scenario.h"
#include "landbridge/corridor/study.h"

namespace landbridge::service {

namespace {

using nlohmann::json;

constexpr const char* kBaseFile = "scenario.toml";
constexpr const char* kCompareFile = "compare.toml";

std::string text_member(const json& body, const char* name, bool required) {
  const auto it = body.find(name);
  if (it == body.end() || it->is_null()) {
    if (required) throw SimulationRequestError(name, std::string("'") + name + "' is required");
    return {};
  }
  if (!it->is_string()) throw SimulationRequestError(name, std::string("'") + name + "' must be a string");
  return it->get<std::string>();
}

std::optional<std::int64_t> whole_member(const json& body, const char* name, std::int64_t lo, std::int64_t hi) {
  const auto it = body.find(name);
  if (it == body.end() || it->is_null()) return std::nullopt;
  if (!it->is_number_integer() || it->get<std::int64_t>() < lo || it->get<std::int64_t>() > hi) {
    throw SimulationRequestError(name, std::string("'") + name + "' must be a whole number from " +
                                           std::to_string(lo) + " to " + std::to_string(hi));
  }
  return it->get<std::int64_t>();
}

// A scenario of the request, with the request field its message belongs to: the demand's when
// the message names the demand file, else the scenario's.
struct Part {
  const char* file;
  const char* scenario_field;
  const char* demand_field;
};

[[noreturn]] void refuse(const Part& part, const corridor::ScenarioError& e) {
  const std::string msg = e.what();
  throw SimulationRequestError(msg.starts_with(part.file) ? part.scenario_field : part.demand_field, msg);
}

corridor::Scenario parse(const Part& part, const std::string& toml, const std::string& csv,
                         std::optional<int> replications, std::optional<std::uint64_t> seed) {
  corridor::Scenario sc;
  try {
    sc = corridor::parse_scenario(toml, part.file, csv);
    if (!sc.network_dir.empty()) {
      corridor::scenario_error(part.file, 0, "scenario.network",
                               "the service simulates on the network it serves: leave network out");
    }
    if (replications) sc.replications = *replications;
    if (seed) sc.seed = *seed;
    corridor::check_run_size(sc);  // again, with the overrides
  } catch (const corridor::ScenarioError& e) {
    refuse(part, e);
  }
  return sc;
}

// A model with the runs' results; kept by the task.
struct Run {
  corridor::CorridorModel model;
  corridor::StudyRun study;
};

std::unique_ptr<Run> build(const Part& part, const Network& net, std::span<const timetable::Service> services,
                           corridor::Scenario sc) {
  if (!corridor::uses_timetable(sc)) services = {};
  try {
    std::unique_ptr<Run> run(new Run{corridor::CorridorModel(net, std::move(sc), services), {}});
    run->study.model = &run->model;
    return run;
  } catch (const corridor::ScenarioError& e) {
    refuse(part, e);
  }
}

}  // namespace

SimulationRequest simulation_request_from_json(const json& body) {
  if (!body.is_object()) throw SimulationRequestError("body", "the body must be a JSON object");
  for (const auto& [name, value] : body.items()) {
    if (name != "scenario" && name != "demand" && name != "compare" && name != "compareDemand" &&
        name != "replications" && name != "seed") {
      throw SimulationRequestError(name, "unknown member '" + name +
                                             "' (expected scenario, demand, compare, compareDemand, replications, seed)");
    }
  }
  SimulationRequest r;
  r.scenario = text_member(body, "scenario", true);
  r.demand = text_member(body, "demand", true);
  r.compare = text_member(body, "compare", false);
  r.compare_demand = text_member(body, "compareDemand", !r.compare.empty());
  if (auto n = whole_member(body, "replications", 2, corridor::kMaxReplications)) r.replications = static_cast<int>(*n);
  r.seed = whole_member(body, "seed", 0, corridor::kMaxSeed);
  return r;
}

PreparedSimulation prepare_simulation(const Network& net, std::span<const timetable::Service> services,
                                      const SimulationRequest& req, unsigned threads) {
  static constexpr Part kBase{kBaseFile, "scenario", "demand"};
  static constexpr Part kWhatIf{kCompareFile, "compare", "compareDemand"};
  std::optional<std::uint64_t> seed;
  if (req.seed) seed = static_cast<std::uint64_t>(*req.seed);
  corridor::Scenario base_sc = parse(kBase, req.scenario, req.demand, req.replications, seed);
  std::optional<corridor::Scenario> what_if_sc;
  if (!req.compare.empty()) {
    // As `simulate --compare`: the what-if runs as many replications on the same seed.
    what_if_sc = parse(kWhatIf, req.compare, req.compare_demand, base_sc.replications, base_sc.seed);
  }
  std::shared_ptr<Run> base = build(kBase, net, services, std::move(base_sc));
  std::shared_ptr<Run> what_if;
  if (what_if_sc) what_if = build(kWhatIf, net, services, std::move(*what_if_sc));

  const auto n = static_cast<std::size_t>(base->model.scenario().replications);
  PreparedSimulation out;
  out.steps = what_if ? 2 * n : n;
  out.task = [base, what_if, n, threads, steps = out.steps](JobControl& ctl) {
    std::size_t before = 0;  // replications of the runs already finished
    auto progress = [&](std::size_t done, std::size_t) {
      if (ctl.progress) ctl.progress(before + done, steps);
    };
    for (Run* run : {base.get(), what_if.get()}) {
      if (run == nullptr) continue;
      run->study.replications = corridor::run_replications(run->model, n, threads, progress, ctl.stop);
      run->study.summary = corridor::summarise(run->model, run->study.replications);
      before += n;
    }
    const corridor::StudyRun* other = what_if ? &what_if->study : nullptr;
    json plots = json::object();
    for (const corridor::NamedPlot& p : corridor::standard_plots(corridor::study_plot_runs(base->study, other))) {
      plots[p.stem] = corridor::to_json(p);
    }
    JobOutput o;
    o["summary"] = corridor::study_json(base->study, other);
    o["plots"] = plots.dump();
    // The replications are no longer needed: the documents are what the job keeps.
    base->study.replications.clear();
    if (what_if) what_if->study.replications.clear();
    return o;
  };
  return out;
}

}  // namespace landbridge::service
