// The simulation job endpoints: POST a scenario, follow its status and progress, fetch the KPI
// summary and the plot data, cancel it (service/jobs.h, service/simulation_job.h).
#include <ctime>

#include "api_routes.h"
#include "landbridge/service/http/auth.h"
#include "landbridge/service/simulation_job.h"

namespace landbridge::service::http {

namespace {

using nlohmann::json;

json timestamp(std::chrono::system_clock::time_point t) {
  if (t.time_since_epoch().count() == 0) return nullptr;
  const std::time_t secs = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return text;
}

std::string job_path(const std::string& id) { return "/v1/simulations/" + id; }

json job_json(const JobView& j) {
  json out = {{"id", j.id},
              {"status", std::string(to_string(j.state))},
              {"progress", {{"done", j.done}, {"total", j.total}}},
              {"cancelRequested", j.cancel_requested},
              {"createdAt", timestamp(j.created)},
              {"startedAt", timestamp(j.started)},
              {"finishedAt", timestamp(j.finished)},
              {"links", {{"self", job_path(j.id)}}}};
  if (j.state == JobState::failed) out["error"] = j.error;
  if (j.state == JobState::done) {
    out["links"]["summary"] = job_path(j.id) + "/summary";
    out["links"]["plots"] = job_path(j.id) + "/plots";
  }
  return out;
}

Response job_response(int status, const JobView& j, bool location = false) {
  Response r = json_response(status, job_json(j));
  if (location) r.headers.emplace_back("Location", job_path(j.id));
  return r;
}

Response not_found(const std::string& id) {
  return problem_response(404, "not-found", "No such simulation",
                          "no simulation " + id + " (jobs are kept in memory for a while after they end, and not across restarts)",
                          "id");
}

Response submitted(const JobQueue::Submitted& s, const JobQueue& jobs) {
  switch (s.outcome) {
    case JobQueue::Outcome::queued:
      return job_response(202, *s.job, true);
    case JobQueue::Outcome::replayed: {
      Response r = job_response(202, *s.job, true);
      r.headers.emplace_back("Idempotent-Replayed", "true");
      return r;
    }
    case JobQueue::Outcome::key_conflict:
      return problem_response(422, "idempotency-key-reused", "Idempotency-Key used for another request",
                              "this Idempotency-Key was first used with a different request; use a new key for a new request",
                              "Idempotency-Key");
    case JobQueue::Outcome::full: {
      Response r = problem_response(503, "queue-full", "Simulation queue full",
                                    "every simulation worker is busy and the queue is full; retry later");
      r.headers.emplace_back("Retry-After", std::to_string(jobs.retry_after_s()));
      return r;
    }
  }
  return problem_response(500, "internal-error", "Internal server error", "unknown submit outcome");
}

Response submit(const ApiContext& ctx, JobQueue& jobs, const Request& req) {
  std::string_view key = req.header("idempotency-key");
  if (key.size() >= 2 && key.front() == '"' && key.back() == '"') key = key.substr(1, key.size() - 2);
  if (key.empty()) {
    return problem_response(400, "bad-request", "Idempotency-Key missing", "every write needs an Idempotency-Key header",
                            "Idempotency-Key");
  }
  if (key.size() > 255) {
    return problem_response(400, "bad-request", "Idempotency-Key too long",
                            "an Idempotency-Key has at most 255 characters", "Idempotency-Key");
  }
  const std::string owner = req.caller->party;
  const std::string hash = sha256_hex(req.method + req.path + req.body);
  // A retry is answered before the scenario is checked and its routes planned again.
  if (auto used = jobs.used_key(owner, std::string(key), hash)) return submitted(*used, jobs);
  PreparedSimulation p;
  try {
    const SimulationRequest sr = simulation_request_from_json(req.json);
    p = prepare_simulation(ctx.engine.network(), ctx.engine.services(), sr);
  } catch (const SimulationRequestError& e) {
    return problem_response(400, "bad-scenario", "Bad scenario", e.what(), e.field());
  }
  return submitted(jobs.submit(std::move(p.task), p.steps, owner, std::string(key), hash), jobs);
}

// One of a finished job's documents; 409 while it is not done.
Response document(JobQueue& jobs, const Request& req, const std::string& name) {
  const std::string& id = req.params.at("id");
  const auto j = jobs.get(id);
  if (!j) return not_found(id);
  if (j->state != JobState::done || !j->output || !j->output->contains(name)) {
    return problem_response(409, "simulation-not-done", "Simulation not done",
                            "simulation " + id + " is " + std::string(to_string(j->state)) +
                                (j->state == JobState::failed ? ": " + j->error : std::string()) +
                                "; its " + name + " exists once it is done",
                            "id");
  }
  Response r;
  r.body = j->output->at(name);
  return r;
}

}  // namespace

void add_job_routes(Router& router, const ApiContext& ctx) {
  if (ctx.jobs == nullptr) return;
  JobQueue& jobs = *ctx.jobs;
  const Guard analysts = Guard::roles_of({Role::operator_, Role::admin});

  router.add(
      "POST", "/v1/simulations", [ctx, &jobs](Request& req) { return submit(ctx, jobs, req); }, analysts);
  router.add(
      "GET", "/v1/simulations/{id}",
      [&jobs](Request& req) {
        const auto j = jobs.get(req.params.at("id"));
        return j ? job_response(200, *j) : not_found(req.params.at("id"));
      },
      analysts);
  router.add(
      "DELETE", "/v1/simulations/{id}",
      [&jobs](Request& req) {
        const std::string& id = req.params.at("id");
        switch (jobs.cancel(id)) {
          case JobQueue::CancelOutcome::not_found:
            return not_found(id);
          case JobQueue::CancelOutcome::finished: {
            const auto j = jobs.get(id);
            return problem_response(409, "simulation-finished", "Simulation already finished",
                                    "simulation " + id + " is " + std::string(j ? to_string(j->state) : "gone") +
                                        ": there is nothing to cancel",
                                    "id");
          }
          case JobQueue::CancelOutcome::cancelled:
          case JobQueue::CancelOutcome::stopping: {
            const auto j = jobs.get(id);
            if (!j) return not_found(id);
            return job_response(j->state == JobState::cancelled ? 200 : 202, *j);
          }
        }
        return problem_response(500, "internal-error", "Internal server error", "unknown cancel outcome");
      },
      analysts);
  router.add(
      "GET", "/v1/simulations/{id}/summary", [&jobs](Request& req) { return document(jobs, req, "summary"); },
      analysts);
  router.add(
      "GET", "/v1/simulations/{id}/plots", [&jobs](Request& req) { return document(jobs, req, "plots"); }, analysts);
}

}  // namespace landbridge::service::http
