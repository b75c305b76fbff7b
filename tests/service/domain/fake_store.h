// An in-memory Store for the Desk's tests: the Store contract (store.h) without a database, so
// the use-case tests are fast and deterministic. The same Desk tests also run on the SQLite
// store (desk_test.cpp).
#pragma once

#include <map>
#include <mutex>

#include "landbridge/service/store.h"

namespace landbridge::test {

class FakeStore final : public service::Store {
 public:
  [[nodiscard]] std::string backend() const override { return "memory"; }
  [[nodiscard]] int schema_version() override { return 0; }

  using Store::create_booking;
  CreateResult create_booking(const service::Booking& b, const std::vector<service::Event>& planned,
                              const std::optional<service::IdempotentResponse>& idem) override;
  [[nodiscard]] std::optional<service::Booking> booking(const std::string& reference) override;
  [[nodiscard]] std::vector<service::Booking> bookings(const std::string& party, std::int32_t limit,
                                                       const std::string& before_reference) override;
  std::optional<Transition> transition(const std::string& reference, service::BookingStatus to, const std::string& reason,
                                       const std::vector<std::string>& containers,
                                       const std::optional<service::IdempotentResponse>& idem,
                                       const RenderView& render) override;
  [[nodiscard]] std::optional<Usage> departure_usage(const std::string& departure) override;
  [[nodiscard]] std::vector<service::LoadListRow> load_list(const std::string& departure) override;
  [[nodiscard]] bool container_taken(const std::string& equipment_reference) override;
  std::optional<MoveResult> move_holds(const std::string& reference, const Replan& replan, const RenderView& render) override;

  std::variant<std::vector<service::Event>, service::Replay> add_events(
      const std::vector<service::Event>& events, const std::optional<service::IdempotentResponse>& idem) override;
  [[nodiscard]] std::vector<service::Event> events(const service::EventFilter& f) override;
  std::vector<service::Event> replace_planned(const std::string& booking_reference, Instant from,
                                              const std::vector<service::Event>& replacement) override;

  void add_key(const service::ApiKey& k) override;
  [[nodiscard]] std::optional<service::ApiKey> key(const std::string& id) override;
  [[nodiscard]] std::vector<service::ApiKey> keys() override;
  bool revoke_key(const std::string& id) override;
  [[nodiscard]] std::optional<service::IdempotentResponse> idempotent(const std::string& party, const std::string& key) override;
  std::optional<service::Replay> put_idempotent(const service::IdempotentResponse& r) override;

  // Test hook: every booking as a store of schema 1 has it, without view and ETA.
  void forget_views();
  // Test hook: every booked itinerary without its own "from" and "to", as bookings stored
  // before the Desk kept them have it.
  void forget_itinerary_ends();

 private:
  std::optional<service::IdempotentResponse> first_of(const std::optional<service::IdempotentResponse>& idem) const;
  [[nodiscard]] std::int32_t booked(const std::string& departure) const;
  void append_events(const std::vector<service::Event>& events);  // with mu_ held

  std::mutex mu_;
  std::vector<service::Booking> bookings_;            // in creation order
  std::map<std::string, std::int32_t> capacity_;      // per departure, recorded on first use
  std::vector<service::Event> events_;
  std::int64_t next_seq_ = 1;
  std::map<std::string, service::ApiKey> keys_;
  std::map<std::pair<std::string, std::string>, service::IdempotentResponse> idem_;
};

}  // namespace landbridge::test
