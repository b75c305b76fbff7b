// The HTTP service's request pipeline above the transport: route lookup (404/405), API key
// (401) and role (403) checks, the per-key rate limit (429 + Retry-After), JSON body parsing
// with a nesting limit (400 naming the byte), and the mapping of escaped exceptions to
// problem+json (StoreError 503, anything else 500). Handlers see a parsed, authorised request.
// HEAD is answered as GET (the server leaves the body out).
#pragma once

#include "landbridge/service/http/auth.h"
#include "landbridge/service/http/router.h"
#include "landbridge/service/http/static_files.h"

namespace landbridge::service::http {

struct AppConfig {
  int max_json_depth = 32;
  // The built web page: answers GET and HEAD of the paths no route has (the routes come first).
  // Null: those are 404.
  const StaticFiles* web = nullptr;
};

class App {
 public:
  // `auth` and `limiter` may be null: then keyed routes answer 401 and nothing is rate limited.
  App(Router router, Authenticator* auth, RateLimiter* limiter, AppConfig cfg = {});
  [[nodiscard]] Response handle(Request& req) const;
  [[nodiscard]] const Router& router() const { return router_; }

 private:
  Router router_;
  Authenticator* auth_;
  RateLimiter* limiter_;
  AppConfig cfg_;
};

}  // namespace landbridge::service::http
