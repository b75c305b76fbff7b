// Simulation jobs: a corridor scenario sent to the service, checked at once by the library's
// scenario code and run later by the job queue (service/jobs.h) exactly as `landbridge simulate
// --json` runs it, so that the same scenario and seed give the same KPIs.
//
// The request carries the files the command line reads, as text: the scenario TOML and the
// demand CSV it names (and, for a what-if, a second pair). Nothing is read from the server's
// disk: the scenario's `demand` is only the demand's name in messages, and `network` must be
// left out (the service simulates on the network it serves).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include <nlohmann/json.hpp>

#include "landbridge/core/error.h"
#include "landbridge/model/network.h"
#include "landbridge/service/jobs.h"
#include "landbridge/timetable/service.h"

namespace landbridge::service {

struct SimulationRequest {
  std::string scenario;                     // TOML, as a scenario file
  std::string demand;                       // CSV, as the demand file the scenario names
  std::string compare, compare_demand;      // a what-if: run on the base's seed and replications
  std::optional<int> replications;          // overrides, as --replications and --seed
  std::optional<std::int64_t> seed;
};

// A request that cannot be run as sent. field(): the request's field at fault ("scenario",
// "demand", "compare", "compareDemand", "replications", "seed"); the message names the file
// (scenario.toml, compare.toml, or the demand's name), line and TOML or CSV field.
class SimulationRequestError : public RequestError {
 public:
  SimulationRequestError(std::string field, const std::string& message)
      : RequestError(message), field_(std::move(field)) {}
  [[nodiscard]] const std::string& field() const { return field_; }

 private:
  std::string field_;
};

// The JSON body of POST /v1/simulations: {"scenario", "demand", "compare"?, "compareDemand"?,
// "replications"?, "seed"?}; unknown members are refused. Throws SimulationRequestError.
SimulationRequest simulation_request_from_json(const nlohmann::json& body);

// A scenario checked and its models built (routes planned, codes resolved): ready to queue.
struct PreparedSimulation {
  JobTask task;          // runs the replications; output {"summary": KPI JSON, "plots": plot JSON}
  std::size_t steps = 0; // replications to run, both scenarios together
};

// Parses and checks the scenario(s) and builds the models on `net` (with `services` where a
// mode is timetabled). `threads`: threads each job's replications use (results do not depend
// on it). Throws SimulationRequestError. `net` and `services` must outlive the task.
PreparedSimulation prepare_simulation(const Network& net, std::span<const timetable::Service> services,
                                      const SimulationRequest& req, unsigned threads = 1);

}  // namespace landbridge::service
