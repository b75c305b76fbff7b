// The Desk's shared parts and point-to-point schedules (desk.h); bookings are in
// desk_bookings.cpp, events in desk_events.cpp.
#include <chrono>
#include <random>

#include "desk_parts.h"
#include "landbridge/service/dcsa.h"

namespace landbridge::service {
namespace detail {

Instant now() {
  using namespace std::chrono;
  // Instants count minutes from 2020-01-01T00:00Z, 1,577,836,800 s after the Unix epoch.
  const auto s = duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
  return Instant(static_cast<Instant::rep>((s - 1'577'836'800LL) / 60));
}

query::FreeTeu free_teu(const query::Engine& engine, Store& store) {
  return [&engine, &store](const query::DepartureKey& d) -> std::optional<std::int32_t> {
    if (const auto u = store.departure_usage(query::to_string(d))) return u->capacity_teu - u->booked_teu;
    if (const std::int32_t cap = engine.capacity_teu(d.service); cap > 0) return cap;
    return std::nullopt;
  };
}

Reply replay(const IdempotentResponse& first) {
  Reply r;
  r.status = first.status;
  r.body = first.body.empty() ? nlohmann::json() : nlohmann::json::parse(first.body);
  r.location = first.location;
  r.problem = first.status >= 400;
  r.replayed = true;
  return r;
}

Reply answer_used_key(const IdempotentResponse& first, const WriteKey& w) {
  if (first.request_hash == w.request_hash) return replay(first);
  return problem(422, "idempotency-key-reused", "Idempotency-Key used for another request",
                 "this Idempotency-Key was first used with a different request; use a new key for a new request",
                 "Idempotency-Key");
}

WriteGate::~WriteGate() {
  if (!held_) return;
  const std::lock_guard lock(mu_);
  in_flight_.erase(key_);
}

std::optional<Reply> WriteGate::open(Store& store, const Caller& c, const WriteKey& w) {
  if (w.key.empty())
    return problem(400, "bad-request", "Idempotency-Key missing", "every write needs an Idempotency-Key header",
                   "Idempotency-Key");
  if (w.key.size() > 255)
    return problem(400, "bad-request", "Idempotency-Key too long", "an Idempotency-Key has at most 255 characters",
                   "Idempotency-Key");
  key_ = {c.party, w.key};
  hash_ = w.request_hash;
  {
    const std::lock_guard lock(mu_);
    if (!in_flight_.insert(key_).second)
      return problem(409, "idempotency-key-in-flight", "Request in progress",
                     "a request with this Idempotency-Key is still being processed; retry later", "Idempotency-Key");
  }
  held_ = true;
  if (const auto first = store.idempotent(c.party, w.key)) return answer_used_key(*first, w);
  return std::nullopt;
}

IdempotentResponse WriteGate::response(const Reply& r) const {
  return IdempotentResponse{key_.first, key_.second, hash_, r.status, r.body.dump(), r.location};
}

Reply query_problem(const query::QueryError& e) {
  if (e.problem() == query::Problem::no_route) return problem(404, "no-route", "No itinerary", e.what(), e.field());
  return problem(400, "bad-request", "Bad request", e.what(), e.field());
}

std::string new_booking_reference() {
  static constexpr char kChars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  thread_local std::mt19937_64 rng{std::random_device{}()};
  std::uniform_int_distribution<int> pick(0, 35);
  std::string s = "LB";
  for (int i = 0; i < 10; ++i) s += kChars[pick(rng)];
  return s;
}

Reply not_found(const std::string& what) { return problem(404, "not-found", "Not found", what + " not found"); }

Reply forbidden(const std::string& why) { return problem(403, "forbidden", "Forbidden", why); }

}  // namespace detail

Desk::Desk(const query::Engine& engine, Store& store) : engine_(engine), store_(store) {}

Reply Desk::point_to_point(const query::ScheduledQuery& q) {
  query::ScheduledQuery ask = q;
  ask.free_teu = detail::free_teu(engine_, store_);
  try {
    const query::ScheduledAnswer a = engine_.plan_scheduled(ask);
    Reply r;
    r.body = point_to_point_routes(a, [&](std::size_t i) { return engine_.routing_reference(a, i); });
    return r;
  } catch (const query::QueryError& e) {
    return detail::query_problem(e);
  }
}

}  // namespace landbridge::service
