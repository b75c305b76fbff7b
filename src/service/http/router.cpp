// Path matching of the HTTP service's routes.
#include "landbridge/service/http/router.h"

#include <algorithm>

namespace landbridge::service::http {

namespace {

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> out;
  std::size_t i = 0;
  if (!path.empty() && path.front() == '/') i = 1;
  while (i <= path.size()) {
    auto slash = path.find('/', i);
    if (slash == std::string_view::npos) slash = path.size();
    out.emplace_back(path.substr(i, slash - i));
    i = slash + 1;
  }
  return out;
}

bool is_capture(const std::string& seg) { return seg.size() > 2 && seg.front() == '{' && seg.back() == '}'; }

bool matches(const Route& r, const std::vector<std::string>& segs, std::map<std::string, std::string>* params) {
  if (r.segments.size() != segs.size()) return false;
  for (std::size_t i = 0; i < segs.size(); ++i) {
    if (is_capture(r.segments[i])) {
      if (segs[i].empty()) return false;
      if (params) (*params)[r.segments[i].substr(1, r.segments[i].size() - 2)] = segs[i];
    } else if (r.segments[i] != segs[i]) {
      return false;
    }
  }
  return true;
}

}  // namespace

void Router::add(std::string method, std::string pattern, Handler handler, Guard guard) {
  Route r{.method = std::move(method), .pattern = std::move(pattern), .segments = {}, .handler = std::move(handler),
          .guard = std::move(guard)};
  r.segments = split_path(r.pattern);
  routes_.push_back(std::move(r));
}

Router::Match Router::match(std::string_view method, std::string_view path) const {
  Match m;
  const auto segs = split_path(path);
  std::vector<std::string> allowed;
  for (const Route& r : routes_) {
    if (!matches(r, segs, nullptr)) continue;
    if (r.method == method) {
      m.route = &r;
      matches(r, segs, &m.params);
      return m;
    }
    if (std::find(allowed.begin(), allowed.end(), r.method) == allowed.end()) allowed.push_back(r.method);
  }
  for (const auto& a : allowed) m.allow += (m.allow.empty() ? "" : ", ") + a;
  return m;
}

}  // namespace landbridge::service::http
