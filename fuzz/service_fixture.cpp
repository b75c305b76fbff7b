#include "service_fixture.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "landbridge/service/http/auth.h"
#include "support.h"

namespace landbridge::fuzz {

namespace {

struct FixedKey {
  const char *id, *secret, *party;
  service::Role role;
};
constexpr FixedKey kKeys[] = {{"fuzzacme", "acmesecret", "acme", service::Role::shipper},
                              {"fuzzglobex", "globexsecret", "globex", service::Role::shipper},
                              {"fuzzktz", "ktzsecret", "ktz", service::Role::operator_},
                              {"fuzzadmin", "adminsecret", "admin", service::Role::admin}};

void replace_all(std::string& s, std::string_view what, std::string_view with) {
  for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + with.size())) {
    s.replace(at, what.size(), with);
  }
}

}  // namespace

void fail(const std::string& what) {
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what.c_str());
  std::abort();
}

const query::Engine& ServiceFixture::engine() const {
  static const query::Engine e = query::Engine::open("");
  return e;
}

ServiceFixture::ServiceFixture(int reset_every) : reset_every_(reset_every) {
  query::ScheduledQuery q;
  q.from = "JPHKT";
  q.to = "DEDUI";
  q.depart = "2026-12-10";
  q.unit = "42G1";
  const auto a = engine().plan_scheduled(q);
  if (a.result.itineraries.empty()) fail("no Hakata -> Duisburg itinerary on 2026-12-10 for the seed reference");
  reference_ = engine().routing_reference(a, 0);
  open_store();
}

void ServiceFixture::open_store() {
  desk_.reset();
  store_.reset();
  const auto file = scratch_dir() / ("service-" + std::to_string(generation_++) + ".db");
  std::error_code ignored;
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::filesystem::remove(scratch_dir() / ("service-" + std::to_string(generation_ - 2) + ".db" + suffix), ignored);
  }
  store_ = service::open_store("sqlite:" + file.string());
  for (const FixedKey& k : kKeys) {
    service::ApiKey key;
    key.id = k.id;
    key.secret_hash = service::http::sha256_hex(k.secret);
    key.role = k.role;
    key.party = k.party;
    store_->add_key(key);
  }
  desk_ = std::make_unique<service::Desk>(engine(), *store_);
  booking_.clear();
  box_.clear();
  departure_.clear();
  departures_.clear();
}

bool ServiceFixture::next_input() {
  if (++inputs_ % reset_every_ != 0) return false;
  open_store();
  return true;
}

std::string ServiceFixture::expand(std::string_view text) const {
  std::string s(text);
  replace_all(s, "@REF@", reference_);
  replace_all(s, "@BKG@", booking_);
  replace_all(s, "@BOX@", box_);
  replace_all(s, "@DEP@", departure_);
  return s;
}

void ServiceFixture::note_booking(const nlohmann::json& body) {
  if (!body.is_object()) return;
  if (auto it = body.find("carrierBookingReference"); it != body.end() && it->is_string()) booking_ = *it;
  if (auto eq = body.find("requestedEquipments"); eq != body.end() && eq->is_array()) {
    for (const auto& e : *eq) {
      auto refs = e.find("equipmentReferences");
      if (refs != e.end() && refs->is_array() && !refs->empty() && refs->front().is_string()) {
        box_ = refs->front();
        break;
      }
    }
  }
  if (auto deps = body.find("departures"); deps != body.end() && deps->is_array()) {
    for (const auto& d : *deps) {
      auto name = d.find("departure");
      if (name == d.end() || !name->is_string()) continue;
      if (&d == &deps->front()) departure_ = *name;
      departures_.insert(*name);
    }
  }
}

void ServiceFixture::check_capacity() {
  for (const auto& d : departures_) {
    auto u = store_->departure_usage(d);
    if (u && u->booked_teu > u->capacity_teu) {
      fail("departure " + d + " holds " + std::to_string(u->booked_teu) + " TEU of " +
           std::to_string(u->capacity_teu));
    }
  }
}

}  // namespace landbridge::fuzz
