// Routes of the HTTP service: method + path pattern ("/v2/bookings/{ref}") -> handler, with who
// may call it. A path no pattern matches is 404; a path matched only under other methods is 405
// with the Allow header listing them.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "landbridge/service/http/message.h"
#include "landbridge/service/records.h"

namespace landbridge::service::http {

using Handler = std::function<Response(Request&)>;

// Who may call a route: anyone, or a valid API key (of one of `roles`; empty = any role).
struct Guard {
  bool key = false;
  std::vector<Role> roles;
  static Guard open() { return {}; }
  static Guard any_key() { return {.key = true}; }
  static Guard roles_of(std::vector<Role> r) { return {.key = true, .roles = std::move(r)}; }
};

struct Route {
  std::string method;
  std::string pattern;
  std::vector<std::string> segments;  // the pattern split at '/'; "{name}" segments capture
  Handler handler;
  Guard guard;
};

class Router {
 public:
  void add(std::string method, std::string pattern, Handler handler, Guard guard = Guard::open());

  struct Match {
    const Route* route = nullptr;              // null: 404 (allow empty) or 405 (allow set)
    std::map<std::string, std::string> params;
    std::string allow;                         // "GET, POST" when the path exists under other methods
  };
  [[nodiscard]] Match match(std::string_view method, std::string_view path) const;
  [[nodiscard]] const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace landbridge::service::http
