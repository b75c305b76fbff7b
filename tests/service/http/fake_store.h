// An in-memory Store that knows only API keys: enough for the server core's tests (auth, rate
// limits) before and besides the real SQLite/PostgreSQL store. Everything else is refused.
#pragma once

#include <atomic>
#include <map>
#include <mutex>
#include <stdexcept>

#include "landbridge/service/store.h"

namespace landbridge::testing_support {

class KeyOnlyStore : public service::Store {
 public:
  std::atomic<int> key_lookups{0};

  std::string backend() const override { return "memory"; }
  int schema_version() override { return 0; }
  CreateResult create_booking(const service::Booking&, const std::optional<service::IdempotentResponse>&) override {
    throw service::StoreError("KeyOnlyStore stores no bookings");
  }
  std::optional<service::Booking> booking(const std::string&) override { return std::nullopt; }
  std::vector<service::Booking> bookings(const std::string&, std::int32_t, const std::string&) override { return {}; }
  std::optional<Transition> transition(const std::string&, service::BookingStatus, const std::string&,
                                       const std::vector<std::string>&,
                                       const std::optional<service::IdempotentResponse>&) override {
    return std::nullopt;
  }
  std::optional<Usage> departure_usage(const std::string&) override { return std::nullopt; }
  std::vector<service::LoadListRow> load_list(const std::string&) override { return {}; }
  bool container_taken(const std::string&) override { return false; }
  std::variant<std::vector<service::Event>, service::Replay> add_events(
      const std::vector<service::Event>&, const std::optional<service::IdempotentResponse>&) override {
    throw service::StoreError("KeyOnlyStore stores no events");
  }
  std::vector<service::Event> events(const service::EventFilter&) override { return {}; }
  std::vector<service::Event> replace_planned(const std::string&, Instant, const std::vector<service::Event>&) override {
    return {};
  }
  void add_key(const service::ApiKey& k) override {
    std::lock_guard lock(mu_);
    if (!keys_.emplace(k.id, k).second) throw service::StoreError("key " + k.id + " exists");
  }
  std::optional<service::ApiKey> key(const std::string& id) override {
    ++key_lookups;
    std::lock_guard lock(mu_);
    auto it = keys_.find(id);
    if (it == keys_.end()) return std::nullopt;
    return it->second;
  }
  std::vector<service::ApiKey> keys() override {
    std::lock_guard lock(mu_);
    std::vector<service::ApiKey> out;
    for (auto& [_, k] : keys_) out.push_back(k);
    return out;
  }
  bool revoke_key(const std::string& id) override {
    std::lock_guard lock(mu_);
    auto it = keys_.find(id);
    if (it == keys_.end()) return false;
    it->second.revoked = true;
    return true;
  }
  std::optional<service::IdempotentResponse> idempotent(const std::string&, const std::string&) override {
    return std::nullopt;
  }
  std::optional<service::Replay> put_idempotent(const service::IdempotentResponse&) override { return std::nullopt; }

 private:
  std::mutex mu_;
  std::map<std::string, service::ApiKey> keys_;
};

}  // namespace landbridge::testing_support
