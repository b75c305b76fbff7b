// What the service fuzz targets (http_request, booking_body) share: the built-in Engine loaded
// once, a SQLite store in this process's scratch folder, the Desk, and API keys with fixed
// tokens, so that inputs can carry a valid key:
//
//   acme   (shipper)  lb_fuzzacme.acmesecret      globex (shipper)  lb_fuzzglobex.globexsecret
//   ktz    (operator) lb_fuzzktz.ktzsecret        admin  (admin)    lb_fuzzadmin.adminsecret
//
// Placeholders in an input are replaced before it runs: @REF@ by a real routingReference (a
// Hakata -> Duisburg itinerary leaving 2026-12-10, planned once at start-up), @BKG@, @BOX@ and
// @DEP@ by the last booking's reference, first container number and first departure (empty
// before the first booking).
//
// The store is started afresh every `reset_every` inputs, so that sold-out departures and a
// growing database do not take over a long run; a crash that needs earlier inputs' bookings
// therefore may not reproduce from its one input (replay the corpus in order then).
#pragma once

#include <memory>
#include <set>
#include <string>
#include <string_view>

#include "landbridge/query/engine.h"
#include "landbridge/service/desk.h"
#include "landbridge/service/store.h"

namespace landbridge::fuzz {

class ServiceFixture {
 public:
  explicit ServiceFixture(int reset_every);

  [[nodiscard]] const query::Engine& engine() const;
  [[nodiscard]] service::Store& store() { return *store_; }
  [[nodiscard]] service::Desk& desk() { return *desk_; }
  [[nodiscard]] const std::string& routing_reference() const { return reference_; }

  // Counts an input; starts a fresh store when it is time (before the input runs).
  // Returns true when the store was replaced (whatever holds the old Store/Desk must be rebuilt).
  bool next_input();
  // The input's text with the placeholders replaced.
  [[nodiscard]] std::string expand(std::string_view text) const;
  // Remembers a booking answer (a 2xx body with carrierBookingReference) for @BKG@ / @BOX@ / @DEP@ and
  // its departures for check_capacity().
  void note_booking(const nlohmann::json& body);
  // Aborts (with the departure named) when any departure seen in a booking holds more TEU than
  // its capacity.
  void check_capacity();

 private:
  void open_store();

  int reset_every_;
  int inputs_ = 0;
  int generation_ = 0;
  std::unique_ptr<service::Store> store_;
  std::unique_ptr<service::Desk> desk_;
  std::string reference_, booking_, box_, departure_;
  std::set<std::string> departures_;
};

// Aborts the fuzzing process with a message (an invariant of the target broke).
[[noreturn]] void fail(const std::string& what);

}  // namespace landbridge::fuzz
