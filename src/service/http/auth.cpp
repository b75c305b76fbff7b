// API key checks and per-key rate limits of the HTTP service.
#include "landbridge/service/http/auth.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <cmath>
#include <functional>
#include <stdexcept>

namespace landbridge::service::http {

namespace {

constexpr std::string_view kPrefix = "lb_";

std::string to_hex(const unsigned char* p, std::size_t n) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out(n * 2, '0');
  for (std::size_t i = 0; i < n; ++i) {
    out[2 * i] = digits[p[i] >> 4];
    out[2 * i + 1] = digits[p[i] & 0xf];
  }
  return out;
}

std::string random_hex(std::size_t bytes) {
  std::string raw(bytes, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(raw.data()), static_cast<int>(bytes)) != 1) {
    throw std::runtime_error("cannot draw random bytes for an API key (OpenSSL RAND_bytes)");
  }
  return to_hex(reinterpret_cast<const unsigned char*>(raw.data()), raw.size());
}

bool token_char(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '-'; }

template <class Shards>
auto& shard_of(Shards& shards, const std::string& id) {
  return shards[std::hash<std::string>{}(id) % shards.size()];
}

}  // namespace

std::string sha256_hex(std::string_view data) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_Digest(data.data(), data.size(), md, &len, EVP_sha256(), nullptr) != 1) {
    throw std::runtime_error("SHA-256 failed (OpenSSL EVP_Digest)");
  }
  return to_hex(md, len);
}

bool constant_time_equal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

std::optional<Token> parse_token(std::string_view token) {
  if (token.substr(0, kPrefix.size()) != kPrefix) return std::nullopt;
  token.remove_prefix(kPrefix.size());
  auto dot = token.find('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 >= token.size()) return std::nullopt;
  Token t{std::string(token.substr(0, dot)), std::string(token.substr(dot + 1))};
  for (char c : t.id) if (!token_char(c)) return std::nullopt;
  for (char c : t.secret) if (!token_char(c)) return std::nullopt;
  return t;
}

std::string to_string(const Token& t) { return std::string(kPrefix) + t.id + "." + t.secret; }

NewKey make_key(Role role, std::string party, Instant now) {
  Token t{random_hex(8), random_hex(24)};
  NewKey k;
  k.key.id = t.id;
  k.key.secret_hash = sha256_hex(t.secret);
  k.key.role = role;
  k.key.party = std::move(party);
  k.key.created = now;
  k.token = to_string(t);
  return k;
}

Authenticator::Authenticator(Store& store, std::chrono::milliseconds cache_ttl) : store_(store), ttl_(cache_ttl) {}

std::optional<ApiKey> Authenticator::lookup(const std::string& id) {
  auto now = std::chrono::steady_clock::now();
  Shard& s = shard_of(shards_, id);
  if (ttl_.count() > 0) {
    std::lock_guard lock(s.mu);
    auto it = s.keys.find(id);
    if (it != s.keys.end() && now - it->second.fetched < ttl_) {
      if (!it->second.found) return std::nullopt;
      return it->second.key;
    }
  }
  std::optional<ApiKey> k = store_.key(id);  // outside the shard's lock: the store may be slow
  if (ttl_.count() > 0) {
    std::lock_guard lock(s.mu);
    if (s.keys.size() > 100000) s.keys.clear();  // unknown ids sent in bulk must not grow memory forever
    s.keys[id] = Cached{k.value_or(ApiKey{}), k.has_value(), now};
  }
  return k;
}

Authenticator::Result Authenticator::authenticate(const Request& req) {
  Result r;
  std::string_view token = req.header("x-api-key");
  if (token.empty()) {
    std::string_view auth = req.header("authorization");
    constexpr std::string_view bearer = "Bearer ";
    if (auth.empty()) {
      r.detail = "this route needs an API key: send 'Authorization: Bearer lb_<id>.<secret>' or 'X-API-Key'";
      return r;
    }
    if (auth.size() <= bearer.size() || auth.substr(0, bearer.size()) != bearer) {
      r.detail = "the Authorization header must be 'Bearer lb_<id>.<secret>'";
      return r;
    }
    token = auth.substr(bearer.size());
  }
  auto t = parse_token(token);
  if (!t) {
    r.detail = "the API key is not of the form lb_<id>.<secret>";
    return r;
  }
  auto key = lookup(t->id);
  if (!key || key->revoked || !constant_time_equal(sha256_hex(t->secret), key->secret_hash)) {
    r.detail = "the API key is unknown or revoked";  // one message: do not tell which part failed
    return r;
  }
  r.caller = Caller{key->party, key->role};
  r.key_id = key->id;
  return r;
}

RateLimiter::RateLimiter(double rate_per_second, double burst) : rate_(rate_per_second), burst_(std::max(burst, 1.0)) {}

std::optional<double> RateLimiter::acquire(const std::string& key_id) {
  if (rate_ <= 0) return std::nullopt;
  auto now = std::chrono::steady_clock::now();
  Shard& s = shard_of(shards_, key_id);
  std::lock_guard lock(s.mu);
  auto [it, fresh] = s.buckets.try_emplace(key_id, Bucket{burst_, now});
  Bucket& b = it->second;
  if (!fresh) {
    double elapsed = std::chrono::duration<double>(now - b.last).count();
    b.tokens = std::min(burst_, b.tokens + elapsed * rate_);
    b.last = now;
  }
  if (b.tokens >= 1.0) {
    b.tokens -= 1.0;
    return std::nullopt;
  }
  return (1.0 - b.tokens) / rate_;
}

}  // namespace landbridge::service::http
