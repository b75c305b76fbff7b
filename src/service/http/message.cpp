// Request and response helpers of the HTTP service: headers, query strings, JSON bodies.
#include "landbridge/service/http/message.h"

#include <algorithm>
#include <cctype>

namespace landbridge::service::http {

namespace {

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string_view Request::header(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (iequals(k, name)) return v;
  }
  return {};
}

std::optional<std::string> Request::param(const std::string& name) const {
  auto it = query.find(name);
  if (it == query.end()) return std::nullopt;
  return it->second;
}

Response json_response(int status, const nlohmann::json& body) {
  Response r;
  r.status = status;
  r.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

Response from_reply(const Reply& reply) {
  Response r = json_response(reply.status, reply.body);
  if (reply.problem) r.content_type = "application/problem+json";
  if (!reply.location.empty()) r.headers.emplace_back("Location", reply.location);
  return r;
}

Response problem_response(int status, std::string_view slug, std::string_view title, std::string_view detail,
                          std::string_view field) {
  return from_reply(problem(status, slug, title, detail, field));
}

std::optional<std::string> percent_decode(std::string_view s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '%') {
      if (i + 2 >= s.size()) return std::nullopt;
      int hi = hex_value(s[i + 1]);
      int lo = hex_value(s[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

bool parse_target(std::string_view target, std::string& path, std::multimap<std::string, std::string>& query) {
  query.clear();
  auto q = target.find('?');
  auto decoded = percent_decode(target.substr(0, q), false);
  if (!decoded) return false;
  path = std::move(*decoded);
  if (q == std::string_view::npos) return true;
  std::string_view rest = target.substr(q + 1);
  if (auto hash = rest.find('#'); hash != std::string_view::npos) rest = rest.substr(0, hash);
  while (!rest.empty()) {
    auto amp = rest.find('&');
    std::string_view pair = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
    if (pair.empty()) continue;
    auto eq = pair.find('=');
    auto key = percent_decode(pair.substr(0, eq), true);
    auto value = percent_decode(eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1), true);
    if (!key || !value) return false;
    query.emplace(std::move(*key), std::move(*value));
  }
  return true;
}

nlohmann::json parse_json_body(std::string_view body, int max_depth) {
  // Nesting first, by a scan that skips strings, so that a deep document is refused before the
  // recursive parser sees it.
  int depth = 0;
  bool in_string = false, escaped = false;
  for (std::size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > max_depth) {
        throw BodyError("JSON nested deeper than " + std::to_string(max_depth) + " levels at byte " +
                        std::to_string(i + 1));
      }
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  try {
    return nlohmann::json::parse(body);
  } catch (const nlohmann::json::parse_error& e) {
    // nlohmann's message already says "at line L, column C"; keep it and add the byte.
    std::string what = e.what();
    if (auto p = what.find("parse error"); p != std::string::npos) what = what.substr(p);
    throw BodyError("malformed JSON at byte " + std::to_string(e.byte) + ": " + what);
  } catch (const nlohmann::json::exception& e) {
    // a number too large for a double (out_of_range.406), invalid UTF-8 in a string, ...
    throw BodyError(std::string("JSON not accepted: ") + e.what());
  }
}

}  // namespace landbridge::service::http
