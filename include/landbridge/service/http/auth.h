// API keys of the HTTP service.
//
// A token is "lb_<id>.<secret>": the id names the key in the Store, which keeps only the hex
// SHA-256 of the secret (OpenSSL libcrypto). A request carries it as `Authorization: Bearer
// <token>` or `X-API-Key: <token>`; the secret's hash is compared in constant time.
//
// Keys are cached for `cache_ttl` after a Store lookup, so that a busy client costs no database
// read per request; a revoked key is refused at the latest `cache_ttl` after `keys revoke`.
#pragma once

#include <array>
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "landbridge/service/http/message.h"
#include "landbridge/service/store.h"

namespace landbridge::service::http {

// Hex SHA-256 (lower case) of the bytes.
std::string sha256_hex(std::string_view data);
// Equal without an early exit on the first difference (the time depends only on the lengths).
bool constant_time_equal(std::string_view a, std::string_view b);

struct Token {
  std::string id, secret;
};
// "lb_<id>.<secret>" -> {id, secret}; nullopt when not of that shape.
std::optional<Token> parse_token(std::string_view token);
std::string to_string(const Token& t);

// A fresh key (random id and secret from the system's CSPRNG) for `role` and `party`, with the
// token to hand to its user once; only the key (hash) is stored.
struct NewKey {
  ApiKey key;
  std::string token;
};
NewKey make_key(Role role, std::string party, Instant now);

class Authenticator {
 public:
  explicit Authenticator(Store& store, std::chrono::milliseconds cache_ttl = std::chrono::seconds(5));

  struct Result {
    std::optional<Caller> caller;  // set when the key is valid
    std::string key_id;            // the key's id (rate limiting), when valid
    std::string detail;            // why not, when not
  };
  [[nodiscard]] Result authenticate(const Request& req);

 private:
  struct Cached {
    ApiKey key;
    bool found = false;
    std::chrono::steady_clock::time_point fetched;
  };
  struct Shard {
    std::mutex mu;
    std::unordered_map<std::string, Cached> keys;
  };
  std::optional<ApiKey> lookup(const std::string& id);

  Store& store_;
  std::chrono::milliseconds ttl_;
  std::array<Shard, 16> shards_;
};

// Per-key token bucket: `rate` requests per second on average, bursts of `burst`.
class RateLimiter {
 public:
  RateLimiter(double rate_per_second, double burst);
  // nullopt: allowed (a token taken); else the seconds to wait before a token is free.
  [[nodiscard]] std::optional<double> acquire(const std::string& key_id);
  [[nodiscard]] bool enabled() const { return rate_ > 0; }

 private:
  struct Bucket {
    double tokens = 0;
    std::chrono::steady_clock::time_point last;
  };
  struct Shard {
    std::mutex mu;
    std::unordered_map<std::string, Bucket> buckets;
  };
  double rate_, burst_;
  std::array<Shard, 16> shards_;
};

}  // namespace landbridge::service::http
