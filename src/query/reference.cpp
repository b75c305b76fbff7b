// Routing references: one itinerary of a timetabled answer as self-contained, URL-safe text.
//
//   lb1.<payload>.<checksum>
//   payload   base64url (no padding) of "key=value" lines: the network's fingerprint, the query
//             (from, to, depart, arrive_by, window, unit, count, avoid, pareto, max_trips,
//             max_transshipments) and one "ride=SERVICE@START/BOARD/ALIGHT" line per ride
//   checksum  FNV-1a 64 of "lb1." + the payload lines, 16 hex digits
// The version prefix lets a later format coexist; the fingerprint (node codes and service ids)
// tells a reference of another network from one of this.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "impl.h"
#include "landbridge/timetable/time.h"

namespace landbridge::query {
namespace {

constexpr std::string_view kPrefix = "lb1.";
constexpr const char* kField = "routingReference";
constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string base64url(std::string_view in) {
  std::string out;
  std::uint32_t acc = 0;
  int bits = 0;
  for (unsigned char c : in) {
    acc = (acc << 8) | c;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += kAlphabet[(acc >> bits) & 0x3fU];
    }
  }
  if (bits > 0) out += kAlphabet[(acc << (6 - bits)) & 0x3fU];
  return out;
}

std::optional<std::string> from_base64url(std::string_view in) {
  std::string out;
  std::uint32_t acc = 0;
  int bits = 0;
  for (char c : in) {
    const std::size_t v = kAlphabet.find(c);
    if (v == std::string_view::npos) return std::nullopt;
    acc = (acc << 6) | static_cast<std::uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xffU);
    }
  }
  if (bits >= 6) return std::nullopt;  // a length no encoder writes
  return out;
}

std::string checksum(std::string_view payload) {
  std::uint64_t h = 1469598103934665603ULL;
  for (char c : kPrefix) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  for (char c : payload) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  return fmt::format("{:016x}", h);
}

// Values are escaped so that a line break or '%' typed by a user cannot split a line.
std::string escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '%')
      out += "%25";
    else if (c == '\n')
      out += "%0A";
    else
      out += c;
  }
  return out;
}

std::string unescape(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s.substr(i, 3) == "%25") {
      out += '%';
      i += 2;
    } else if (s.substr(i, 3) == "%0A") {
      out += '\n';
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// One ride of an itinerary: the departure and where the box boards and alights.
struct Ride {
  DepartureKey departure;
  std::string board, alight;
  friend bool operator==(const Ride&, const Ride&) = default;
};

std::string to_line(const Ride& r) { return to_string(r.departure) + "/" + r.board + "/" + r.alight; }

std::optional<Ride> parse_ride(std::string_view s) {
  const std::size_t b = s.find('/');
  if (b == std::string_view::npos) return std::nullopt;
  const std::size_t a = s.find('/', b + 1);
  if (a == std::string_view::npos) return std::nullopt;
  auto d = parse_departure(s.substr(0, b));
  if (!d) return std::nullopt;
  return Ride{std::move(*d), std::string(s.substr(b + 1, a - b - 1)), std::string(s.substr(a + 1))};
}

std::optional<std::int32_t> to_int(std::string_view s) {
  std::int32_t v = 0;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

[[noreturn]] void bad(const std::string& why) {
  throw QueryError(Problem::bad_request, kField, "routingReference: " + why);
}

}  // namespace

namespace {

std::vector<Ride> rides_of(const Engine& engine, const Network& net, const schedule::ScheduledItinerary& it) {
  const std::vector<DepartureKey> keys = engine.departures(it);
  std::vector<Ride> out;
  std::size_t k = 0;
  for (const schedule::ScheduledStep& s : it.steps) {
    if (s.service.empty()) continue;
    out.push_back({keys.at(k++), net.node(s.from).code, net.node(s.to).code});
  }
  return out;
}

}  // namespace

std::string Engine::routing_reference(const ScheduledAnswer& a, std::size_t itinerary) const {
  if (itinerary >= a.result.itineraries.size())
    throw Error(fmt::format("routing reference: the answer has {} itineraries, not {}", a.result.itineraries.size(),
                            itinerary + 1));
  const ScheduledQuery& q = a.query;
  std::string p;
  const auto add = [&](std::string_view key, std::string_view value) {
    p += key;
    p += '=';
    p += escape(value);
    p += '\n';
  };
  add("net", fmt::format("{:016x}", impl_->fingerprint));
  add("from", q.from);
  add("to", q.to);
  add("depart", q.depart);
  add("arrive_by", q.arrive_by);
  add("window", q.window);
  add("unit", q.unit);
  add("count", std::to_string(q.count));
  for (const std::string& item : q.avoid) add("avoid", item);
  add("pareto", q.pareto ? "1" : "0");
  add("max_trips", std::to_string(q.max_trips));
  add("max_transshipments", std::to_string(q.max_transshipments));
  for (const Ride& r : rides_of(*this, a.network(), a.result.itineraries[itinerary])) add("ride", to_line(r));
  return std::string(kPrefix) + base64url(p) + "." + checksum(p);
}

ScheduledAnswer Engine::resolve_reference(std::string_view reference, FreeTeu free_teu) const {
  if (!reference.starts_with(kPrefix)) bad("not a routing reference (expected lb1.…)");
  const std::string_view body = reference.substr(kPrefix.size());
  const std::size_t dot = body.rfind('.');
  if (dot == std::string_view::npos) bad("not a routing reference (no checksum)");
  const auto payload = from_base64url(body.substr(0, dot));
  if (!payload || checksum(*payload) != body.substr(dot + 1)) bad("damaged: the checksum does not match");

  ScheduledQuery q;
  std::vector<Ride> rides;
  bool net_ok = false;
  std::string_view rest = *payload;
  while (!rest.empty()) {
    const std::size_t nl = rest.find('\n');
    if (nl == std::string_view::npos) bad("damaged: a line without its end");
    const std::string_view line = rest.substr(0, nl);
    rest.remove_prefix(nl + 1);
    const std::size_t eq = line.find('=');
    if (eq == std::string_view::npos) bad("damaged: a line without a value");
    const std::string_view key = line.substr(0, eq);
    const std::string value = unescape(line.substr(eq + 1));
    const auto number = [&] {
      const auto v = to_int(value);
      if (!v) bad("damaged: " + std::string(key) + " is not a number");
      return *v;
    };
    if (key == "net") {
      if (value != fmt::format("{:016x}", impl_->fingerprint)) bad("a reference of another network or timetable");
      net_ok = true;
    } else if (key == "from") {
      q.from = value;
    } else if (key == "to") {
      q.to = value;
    } else if (key == "depart") {
      q.depart = value;
    } else if (key == "arrive_by") {
      q.arrive_by = value;
    } else if (key == "window") {
      q.window = value;
    } else if (key == "unit") {
      q.unit = value;
    } else if (key == "count") {
      q.count = number();
    } else if (key == "avoid") {
      q.avoid.push_back(value);
    } else if (key == "pareto") {
      q.pareto = value == "1";
    } else if (key == "max_trips") {
      q.max_trips = number();
    } else if (key == "max_transshipments") {
      q.max_transshipments = number();
    } else if (key == "ride") {
      auto r = parse_ride(value);
      if (!r) bad("damaged: a ride that is not SERVICE@START/BOARD/ALIGHT");
      rides.push_back(std::move(*r));
    } else {
      bad("unknown key '" + std::string(key) + "'");
    }
  }
  if (!net_ok) bad("damaged: no network fingerprint");
  if (rides.empty()) bad("damaged: no rides");

  // Why the itinerary is gone, when it is: a full departure, or one the timetable lost.
  const std::int32_t per_box = [&] {
    const auto box = route::parse_box_type(q.unit);
    return box && box->unit == route::ContainerUnit::feu ? 2 : 1;
  }();
  const auto gone = [&](const std::string& fallback) -> QueryError {
    for (const Ride& r : rides) {
      if (free_teu) {
        const auto room = free_teu(r.departure);
        if (room && *room < q.count * per_box)
          return QueryError(Problem::no_route, kField,
                            "no longer offered: departure " + to_string(r.departure) + " is sold out");
      }
      const timetable::Service* s = impl_->service(r.departure.service);
      std::vector<Instant> starts;
      if (s) {
        const Instant first = r.departure.start + s->calls.front().departure;
        timetable::service_starts(*s, first, first + Minutes(1), starts);
      }
      if (std::find(starts.begin(), starts.end(), r.departure.start) == starts.end())
        return QueryError(Problem::no_route, kField,
                          "no longer offered: departure " + to_string(r.departure) + " is not in the timetable");
    }
    return QueryError(Problem::no_route, kField, "no longer offered: " + fallback);
  };

  q.free_teu = free_teu;  // kept for gone() too
  ScheduledAnswer a;
  try {
    a = plan_scheduled(q);
  } catch (const QueryError& e) {
    if (e.problem() == Problem::no_route) throw gone(e.what());
    throw QueryError(e.problem(), kField, std::string("routingReference: ") + e.what());
  }
  auto& list = a.result.itineraries;
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (rides_of(*this, a.network(), list[i]) != rides) continue;
    std::rotate(list.begin(), list.begin() + static_cast<std::ptrdiff_t>(i),
                list.begin() + static_cast<std::ptrdiff_t>(i) + 1);
    return a;
  }
  throw gone("the itinerary is no longer among the answers to its query");
}

}  // namespace landbridge::query
