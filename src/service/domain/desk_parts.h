// What the Desk's use cases share (desk.cpp, desk_bookings.cpp, desk_events.cpp): the clock,
// free slots as the store knows them, the idempotency gate and problem replies.
#pragma once

#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <utility>

#include "landbridge/query/engine.h"
#include "landbridge/service/desk.h"

namespace landbridge::service::detail {

// Now, in whole minutes (the service's instants).
Instant now();

// Free TEU of a departure: its capacity less what bookings hold (store), the service's capacity
// when nothing was booked yet, nullopt when neither is known.
query::FreeTeu free_teu(const query::Engine& engine, Store& store);

// A stored first response, replayed.
Reply replay(const IdempotentResponse& first);
// The answer to a write whose key was used before: a replay for the same request, else 422.
Reply answer_used_key(const IdempotentResponse& first, const WriteKey& w);

// Marks (party, key) as in flight in this process for the lifetime of the gate.
class WriteGate {
 public:
  WriteGate(std::mutex& mu, std::set<std::pair<std::string, std::string>>& in_flight) : mu_(mu), in_flight_(in_flight) {}
  WriteGate(const WriteGate&) = delete;
  WriteGate& operator=(const WriteGate&) = delete;
  ~WriteGate();
  // Nullopt: go on with the write. Otherwise the answer: 400 without a key, 409 while the same
  // key is in flight, the replay or 422 when the key was used before.
  std::optional<Reply> open(Store& store, const Caller& c, const WriteKey& w);
  // The response to store with the write.
  [[nodiscard]] IdempotentResponse response(const Reply& r) const;

 private:
  std::mutex& mu_;
  std::set<std::pair<std::string, std::string>>& in_flight_;
  std::pair<std::string, std::string> key_;
  std::string hash_;
  bool held_ = false;
};

// A query error as a problem: 400 bad-request or 404 no-route, naming the field.
Reply query_problem(const query::QueryError& e);

// "LB" + 10 random capitals and digits.
std::string new_booking_reference();

inline bool may_see(const Caller& c, const std::string& owner) { return c.role != Role::shipper || c.party == owner; }

Reply not_found(const std::string& what);
Reply forbidden(const std::string& why);

}  // namespace landbridge::service::detail
