// Fuzz target: JSON bodies for the Desk's writes (service/desk.h), with valid callers.
//
// Input: a selector byte, then the body (service_fixture.h: @REF@ is a real routingReference,
// @BKG@ / @BOX@ the last booking and its first container). Selector bits 0-1 pick the write,
// bits 2-3 the caller:
//   write   0, 3: POST /v2/bookings   1: PATCH /v2/bookings/@BKG@   2: POST /v2/events
//   caller  0: acme (shipper)  1: globex (shipper)  2: ktz (operator)  3: admin
// The body goes through the HTTP layer's parser (depth 32, as the server); what it refuses is
// the 400 the server gives and is skipped here.
//
// Invariants: no 5xx; a problem's `status` is the reply's status; the same write again with the
// same idempotency key answers the identical status and body; no departure ever holds more TEU
// than its capacity. LANDBRIDGE_FUZZ_TRACE=1 prints each write and its answer.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "landbridge/service/http/auth.h"
#include "landbridge/service/http/message.h"
#include "service_fixture.h"
#include "support.h"

namespace {

using namespace landbridge;
using nlohmann::json;

fuzz::ServiceFixture& fixture() {
  static fuzz::ServiceFixture f(500);
  return f;
}

const service::Caller kCallers[] = {{"acme", service::Role::shipper},
                                    {"globex", service::Role::shipper},
                                    {"ktz", service::Role::operator_},
                                    {"admin", service::Role::admin}};

void check(const service::Reply& r, const std::string& what) {
  const std::string where = what + " -> " + std::to_string(r.status) + " " + r.body.dump().substr(0, 2000);
  if (r.status < 200 || r.status >= 500) fuzz::fail("status out of range or 5xx: " + where);
  if (r.problem) {
    auto s = r.body.find("status");
    if (s == r.body.end() || !s->is_number_integer() || s->get<int>() != r.status) {
      fuzz::fail("a problem whose status is not the reply's: " + where);
    }
  } else if (r.status >= 400) {
    fuzz::fail("an error reply that is not a problem: " + where);
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)fixture();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  fuzz::ServiceFixture& f = fixture();
  f.next_input();
  const int write = data[0] & 3;
  const service::Caller& caller = kCallers[(data[0] >> 2) & 3];
  const std::string text = f.expand(fuzz::text(data + 1, size - 1));
  json body;
  try {
    body = service::http::parse_json_body(text, 32);
  } catch (const service::http::BodyError&) {
    return 0;
  }
  static unsigned long serial = 0;
  const std::string key = "fuzz-" + std::to_string(++serial);
  const std::string booking = f.expand("@BKG@");

  auto run = [&](const service::WriteKey& w) {
    switch (write) {
      case 1: return f.desk().patch_booking(caller, booking, body, w);
      case 2: return f.desk().post_events(caller, body, w);
      default: return f.desk().create_booking(caller, body, w);
    }
  };
  const std::string method = write == 1 ? "PATCH" : "POST";
  const std::string path = write == 1 ? "/v2/bookings/" + booking : write == 2 ? "/v2/events" : "/v2/bookings";
  const service::WriteKey w{key, service::http::sha256_hex(method + path + text)};
  const std::string what = method + " " + path + " as " + caller.party + ": " + text.substr(0, 2000);
  try {
    const service::Reply first = run(w);
    static const bool trace = std::getenv("LANDBRIDGE_FUZZ_TRACE") != nullptr;
    if (trace) std::fprintf(stderr, "%s\n  -> %d %.300s\n", what.c_str(), first.status, first.body.dump().c_str());
    check(first, what);
    if (first.status >= 200 && first.status < 300 && write != 2) f.note_booking(first.body);
    f.check_capacity();
    const service::Reply again = run(w);
    check(again, what + " (replayed)");
    if (again.status != first.status || again.body != first.body) {
      fuzz::fail("a replay answered differently: " + what + "\nfirst " + std::to_string(first.status) + " " +
                 first.body.dump().substr(0, 2000) + "\nthen " + std::to_string(again.status) + " " +
                 again.body.dump().substr(0, 2000));
    }
    f.check_capacity();
  } catch (const query::QueryError&) {
    // the HTTP layer answers these 400 / 404 (api.cpp answer_query_errors)
  }
  return 0;
}
