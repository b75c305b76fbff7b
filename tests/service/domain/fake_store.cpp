#include "fake_store.h"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace landbridge::test {

using namespace service;

std::optional<IdempotentResponse> FakeStore::first_of(const std::optional<IdempotentResponse>& idem) const {
  if (!idem) return std::nullopt;
  const auto it = idem_.find({idem->party, idem->key});
  if (it == idem_.end()) return std::nullopt;
  return it->second;
}

std::int32_t FakeStore::booked(const std::string& departure) const {
  std::int32_t teu = 0;
  for (const auto& b : bookings_)
    if (holds_slots(b.status))
      for (const auto& h : b.holds)
        if (h.departure == departure) teu += h.teu;
  return teu;
}

void FakeStore::append_events(const std::vector<Event>& events) {
  for (Event e : events) {
    e.seq = next_seq_++;
    events_.push_back(std::move(e));
  }
}

Store::CreateResult FakeStore::create_booking(const Booking& b, const std::vector<Event>& planned,
                                              const std::optional<IdempotentResponse>& idem) {
  const std::lock_guard lock(mu_);
  if (auto first = first_of(idem)) return Replay{*first};
  if (holds_slots(b.status)) {
    for (const auto& h : b.holds) {
      const std::int32_t cap = capacity_.count(h.departure) ? capacity_[h.departure] : h.capacity_teu;
      const std::int32_t free = cap - booked(h.departure);
      if (h.teu > free) return SoldOut{h.departure, free};
    }
    for (const auto& h : b.holds) capacity_.emplace(h.departure, h.capacity_teu);
  }
  bookings_.push_back(b);
  append_events(planned);
  if (idem) idem_[{idem->party, idem->key}] = *idem;
  return b;
}

std::optional<Booking> FakeStore::booking(const std::string& reference) {
  const std::lock_guard lock(mu_);
  for (const auto& b : bookings_)
    if (b.reference == reference) return b;
  return std::nullopt;
}

std::vector<Booking> FakeStore::bookings(const std::string& party, std::int32_t limit, const std::string& before) {
  const std::lock_guard lock(mu_);
  std::vector<Booking> out;
  bool started = before.empty();
  for (auto it = bookings_.rbegin(); it != bookings_.rend() && static_cast<std::int32_t>(out.size()) < limit; ++it) {
    if (!started) {
      started = it->reference == before;
      continue;
    }
    if (party.empty() || it->party == party) out.push_back(*it);
  }
  return out;
}

std::optional<Store::Transition> FakeStore::transition(const std::string& reference, BookingStatus to, const std::string& reason,
                                                       const std::vector<std::string>& containers,
                                                       const std::optional<IdempotentResponse>& idem,
                                                       const RenderView& render) {
  const std::lock_guard lock(mu_);
  const auto b = std::find_if(bookings_.begin(), bookings_.end(), [&](const Booking& x) { return x.reference == reference; });
  if (auto first = first_of(idem)) return Transition{b == bookings_.end() ? Booking{} : *b, false, Replay{*first}};
  if (b == bookings_.end()) return std::nullopt;
  if (!can_transition(b->status, to)) return Transition{*b, false, std::nullopt};
  b->status = to;  // slots follow the status: booked() counts only bookings that hold them
  if (!reason.empty()) b->reason = reason;
  if (!containers.empty()) b->containers = containers;
  b->updated = b->updated + Minutes(1);
  if (to == BookingStatus::cancelled || to == BookingStatus::rejected) {
    b->eta.reset();
    std::erase_if(events_, [&](const Event& e) { return e.booking_reference == reference && e.classifier == "PLN"; });
  }
  b->view_json = render ? render(*b) : std::string();
  if (idem) idem_[{idem->party, idem->key}] = *idem;
  return Transition{*b, true, std::nullopt};
}

std::optional<Store::Usage> FakeStore::departure_usage(const std::string& departure) {
  const std::lock_guard lock(mu_);
  const auto cap = capacity_.find(departure);
  if (cap == capacity_.end()) return std::nullopt;
  return Usage{booked(departure), cap->second};
}

std::vector<LoadListRow> FakeStore::load_list(const std::string& departure) {
  const std::lock_guard lock(mu_);
  std::vector<LoadListRow> out;
  for (const auto& b : bookings_) {
    if (!holds_slots(b.status)) continue;
    for (const auto& h : b.holds)
      if (h.departure == departure) out.push_back({b.reference, b.party, b.iso_equipment_code, b.units, h.teu, b.status, "", ""});
  }
  return out;
}

bool FakeStore::container_taken(const std::string& n) {
  const std::lock_guard lock(mu_);
  for (const auto& b : bookings_)
    if (std::find(b.containers.begin(), b.containers.end(), n) != b.containers.end()) return true;
  return false;
}

std::optional<Store::MoveResult> FakeStore::move_holds(const std::string& reference, const Replan& replan,
                                                       const RenderView& render) {
  const std::vector<Hold>& holds = replan.holds;
  const std::lock_guard lock(mu_);
  const auto b = std::find_if(bookings_.begin(), bookings_.end(), [&](const Booking& x) { return x.reference == reference; });
  if (b == bookings_.end() || !holds_slots(b->status)) return std::nullopt;
  const std::vector<Hold> before = b->holds;
  b->holds.clear();  // booked() now counts the other bookings only
  for (const auto& h : holds) {
    const std::int32_t cap = capacity_.count(h.departure) ? capacity_[h.departure] : h.capacity_teu;
    const std::int32_t free = cap - booked(h.departure);
    if (h.teu > free) {
      b->holds = before;
      return SoldOut{h.departure, free};
    }
  }
  for (const auto& h : holds) capacity_.emplace(h.departure, h.capacity_teu);
  b->holds = holds;
  b->eta = replan.eta;
  std::erase_if(events_, [&](const Event& e) {
    return e.booking_reference == reference && e.classifier == "PLN" && e.event_time >= replan.planned_from;
  });
  append_events(replan.planned);
  b->view_json = render ? render(*b) : std::string();
  return *b;
}

std::variant<std::vector<Event>, Replay> FakeStore::add_events(const std::vector<Event>& events,
                                                               const std::optional<IdempotentResponse>& idem) {
  const std::lock_guard lock(mu_);
  if (auto first = first_of(idem)) return Replay{*first};
  std::vector<Event> out;
  for (Event e : events) {
    e.seq = next_seq_++;
    events_.push_back(e);
    out.push_back(std::move(e));
  }
  if (idem) idem_[{idem->party, idem->key}] = *idem;
  return out;
}

std::vector<Event> FakeStore::events(const EventFilter& f) {
  const std::lock_guard lock(mu_);
  std::vector<Event> out;
  auto match = [](const std::string& want, const std::string& have) { return want.empty() || want == have; };
  for (const auto& e : events_) {
    if (static_cast<std::int32_t>(out.size()) >= f.limit) break;
    if (e.seq <= f.after_seq || !match(f.party, e.party) || !match(f.equipment_reference, e.equipment_reference) ||
        !match(f.booking_reference, e.booking_reference) || !match(f.event_type, e.event_type) ||
        !match(f.type_code, e.type_code) || !match(f.un_location_code, e.un_location_code) || !match(f.classifier, e.classifier))
      continue;
    out.push_back(e);
  }
  return out;
}

std::vector<Event> FakeStore::replace_planned(const std::string& reference, Instant from, const std::vector<Event>& replacement) {
  const std::lock_guard lock(mu_);
  std::erase_if(events_, [&](const Event& e) {
    return e.booking_reference == reference && e.classifier == "PLN" && e.event_time >= from;
  });
  std::vector<Event> out;
  for (Event e : replacement) {
    e.seq = next_seq_++;
    events_.push_back(e);
    out.push_back(std::move(e));
  }
  return out;
}

void FakeStore::add_key(const ApiKey& k) {
  const std::lock_guard lock(mu_);
  if (!keys_.emplace(k.id, k).second) throw StoreError("key " + k.id + " exists");
}

std::optional<ApiKey> FakeStore::key(const std::string& id) {
  const std::lock_guard lock(mu_);
  const auto it = keys_.find(id);
  if (it == keys_.end()) return std::nullopt;
  return it->second;
}

std::vector<ApiKey> FakeStore::keys() {
  const std::lock_guard lock(mu_);
  std::vector<ApiKey> out;
  for (const auto& [id, k] : keys_) out.push_back(k);
  return out;
}

bool FakeStore::revoke_key(const std::string& id) {
  const std::lock_guard lock(mu_);
  const auto it = keys_.find(id);
  if (it == keys_.end()) return false;
  it->second.revoked = true;
  return true;
}

std::optional<IdempotentResponse> FakeStore::idempotent(const std::string& party, const std::string& key) {
  const std::lock_guard lock(mu_);
  const auto it = idem_.find({party, key});
  if (it == idem_.end()) return std::nullopt;
  return it->second;
}

std::optional<Replay> FakeStore::put_idempotent(const IdempotentResponse& r) {
  const std::lock_guard lock(mu_);
  if (auto first = first_of(r)) return Replay{*first};
  idem_[{r.party, r.key}] = r;
  return std::nullopt;
}

void FakeStore::forget_views() {
  const std::lock_guard lock(mu_);
  for (auto& b : bookings_) {
    b.view_json.clear();
    b.eta.reset();
  }
}

void FakeStore::forget_itinerary_ends() {
  const std::lock_guard lock(mu_);
  for (auto& b : bookings_) {
    nlohmann::json it = nlohmann::json::parse(b.itinerary_json);
    it.erase("from");
    it.erase("to");
    b.itinerary_json = it.dump();
  }
}

}  // namespace landbridge::test
