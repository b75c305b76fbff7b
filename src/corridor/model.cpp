// The corridor model's public face: one replication is one engine::Run (run.h) over the
// compiled plan (plan.h, compile.cpp); replications run in parallel.
#include "landbridge/corridor/model.h"

#include <mutex>

#include "plan.h"
#include "run.h"

namespace landbridge::corridor {

CorridorModel::~CorridorModel() = default;
CorridorModel::CorridorModel(CorridorModel&&) noexcept = default;

ReplicationResult CorridorModel::run(std::size_t r, std::vector<BoxRecord>* records, std::stop_token stop) const {
  engine::Run run(*impl_, r);
  return run.go(records, stop);
}

const Scenario& CorridorModel::scenario() const { return impl_->sc; }
std::size_t CorridorModel::flow_count() const { return impl_->flows.size(); }
std::string CorridorModel::flow_label(std::size_t f) const { return impl_->flows[f].label; }
std::string CorridorModel::flow_corridor(std::size_t f) const { return impl_->flows[f].corridor; }
double CorridorModel::flow_planned_h(std::size_t f) const { return impl_->flows[f].planned_h; }
std::vector<std::string> CorridorModel::node_labels() const {
  std::vector<std::string> out;
  for (const auto& c : impl_->cranes) out.push_back(c.label);
  return out;
}
std::vector<std::string> CorridorModel::link_labels() const {
  std::vector<std::string> out;
  for (const auto& p : impl_->paths) out.push_back(p.label);
  return out;
}
std::vector<std::string> CorridorModel::service_labels() const {
  std::vector<std::string> out;
  for (const auto& s : impl_->services) out.push_back(s.label);
  return out;
}

std::vector<ReplicationResult> run_replications(const CorridorModel& model, std::size_t n, unsigned threads,
                                                const std::function<void(std::size_t, std::size_t)>& progress,
                                                std::stop_token stop) {
  std::mutex mu;
  std::size_t done = 0;
  return sim::run_replications(
      n, threads,
      [&](std::size_t r) {
        ReplicationResult res = model.run(r, nullptr, stop);
        if (progress) {
          std::lock_guard lock(mu);
          progress(++done, n);
        }
        return res;
      },
      stop);
}

}  // namespace landbridge::corridor
