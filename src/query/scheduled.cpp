// Engine::plan_scheduled: a timetabled query in the user's words, on pooled planners.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "impl.h"
#include "landbridge/io/services.h"
#include "landbridge/route/equipment.h"
#include "landbridge/route/locate.h"
#include "landbridge/timetable/time.h"

namespace landbridge::query {
namespace {

// The instant of ISO 8601 text typed by the user, plain local times at node n.
Instant parse_instant(const schedule::LocalClock& clock, NodeId n, const char* field, const std::string& text) {
  std::string why;
  const auto t = clock.parse(n, text, &why);
  if (!t) throw QueryError(Problem::bad_request, field, std::string(field) + " " + text + ": " + why);
  return *t;
}

// "; 2030-01-05 is outside the timetable's validity 2026-01-01 … 2027-12-31" (", which ends
// 2027-12-31" when some service has no first day) when the query cannot meet a service day: a
// depart-after query ready (local day at the origin) after the last start day of every
// service, or an arrive-by deadline (local day at the destination) before the first. ""
// otherwise, or when some service is unbounded on that side.
std::string outside_validity(Instant ready, std::optional<Instant> deadline, const schedule::LocalClock& clock,
                             NodeId from, NodeId to, const std::vector<timetable::Service>& services) {
  const timetable::ValidityRange v = timetable::validity(services);
  if (!v.first && !v.last) return "";
  const timetable::CivilDate ready_day = timetable::to_civil(ready, clock.offset(from, ready)).date;
  const auto range = [&]() -> std::string {
    if (!v.first) return fmt::format(", which ends {}", timetable::format_date(*v.last));
    if (!v.last) return fmt::format(", which starts {}", timetable::format_date(*v.first));
    return fmt::format(" {} \u2026 {}", timetable::format_date(*v.first), timetable::format_date(*v.last));
  };
  const auto say = [&](timetable::CivilDate d) {
    return fmt::format("; {} is outside the timetable's validity{}", timetable::format_date(d), range());
  };
  if (v.last && ready_day > *v.last) return say(ready_day);
  if (deadline) {
    const timetable::CivilDate by = timetable::to_civil(*deadline, clock.offset(to, *deadline)).date;
    if (v.first && by < *v.first) return say(by);
  }
  return "";
}

// Searches on sold-out departures' behalf: at most this many re-plans, each closing the
// departures found full in the previous answer.
constexpr int kMaxSoldOutRounds = 32;

}  // namespace

std::optional<Minutes> check_scheduled(const ScheduledQuery& q) {
  if (!q.depart.empty() && !q.arrive_by.empty())
    throw QueryError(Problem::bad_request, "depart",
                     "depart and arrive_by exclude each other: give the ready time or the deadline");
  if (q.depart.empty() && q.arrive_by.empty())
    throw QueryError(Problem::bad_request, "depart", "a timetabled query needs depart or arrive_by");
  std::string why;
  const std::string& when = q.arrive_by.empty() ? q.depart : q.arrive_by;
  const char* field = q.arrive_by.empty() ? "depart" : "arrive_by";
  if (!timetable::parse_iso8601(when, &why))
    throw QueryError(Problem::bad_request, field, std::string(field) + " " + when + ": " + why);
  std::optional<Minutes> window;
  if (!q.window.empty()) {
    window = timetable::parse_duration(q.window, &why);
    if (!window) throw QueryError(Problem::bad_request, "window", "window " + q.window + ": " + why);
    if (*window > kMaxWindow)
      throw QueryError(Problem::bad_request, "window",
                       "window " + q.window + ": at most " + timetable::format_duration(kMaxWindow) +
                           " (a longer range query would build a timetable of years)");
  }
  return window;
}

ScheduledAnswer Engine::plan_scheduled(const ScheduledQuery& q) const {
  const Impl& m = *impl_;
  const std::optional<Minutes> window = check_scheduled(q);
  const route::BoxType box = check_shipment(q.unit, q.count);
  if (q.max_trips < 0 || q.max_trips > timetable::kMaxTrips)
    throw QueryError(Problem::bad_request, "max_trips",
                     fmt::format("max_trips {}: from 0 to {}", q.max_trips, timetable::kMaxTrips));

  const Ends e = m.ends(q.from, q.to);  // unknown place: bad_request; out of road reach: no_route
  const LoadedNetwork& pkg = *e.pkg;
  const Network& net = pkg.network;
  // A door-to-door query plans on a copy of the package: its services are read against it.
  const std::vector<timetable::Service>& services = e.shared() ? m.services : e.door->services();
  if (m.scheduled_error) std::rethrow_exception(m.scheduled_error);
  if (services.empty())
    throw QueryError(Problem::bad_request, "",
                     fmt::format("this package has no services ({}): timetabled routing (--depart) needs {} and {}",
                                 pkg.dir.string(), io::kServicesFile, io::kServiceCallsFile));

  // Plain local times belong to the origin (depart) or the destination (arrive_by).
  const NodeId from = *net.find_node(e.from), to = *net.find_node(e.to);
  const schedule::LocalClock& clock = e.shared() ? *m.clock : e.door->clock();
  schedule::ScheduledRequest req;
  std::optional<Instant> deadline;
  if (q.arrive_by.empty()) {
    req.depart = parse_instant(clock, from, "depart", q.depart);
    req.window = window;
  } else {
    deadline = parse_instant(clock, to, "arrive_by", q.arrive_by);
    req.arrive_by = deadline;
    req.depart = *deadline - window.value_or(kArriveByLookback);
  }
  // The timetable starts at the (earliest) ready day and covers the window plus 120 days of
  // travel; for arrive-by at least up to the deadline.
  const Instant day_start = timetable::to_instant(timetable::to_civil(req.depart).date);
  Minutes horizon = days(120) + (deadline ? Minutes(0) : window.value_or(Minutes(0)));
  if (deadline) horizon = std::max(horizon, *deadline - day_start + days(1));
  req.from = e.from;
  req.to = e.to;
  req.pareto = q.pareto;
  req.avoid = q.avoid;
  req.max_trips = q.max_trips;
  req.options.shipment = {box.unit, q.count};
  req.options.equipment = box.equipment;
  req.options.rates = m.rates;
  if (q.max_transshipments >= 0) req.options.max_transshipments = q.max_transshipments;

  ScheduledAnswer ans;
  ans.pkg = e.pkg;
  ans.query = q;
  ans.query.free_teu = nullptr;
  const std::int32_t teu_needed = q.count * (box.unit == route::ContainerUnit::feu ? 2 : 1);
  std::vector<std::string> sold_out;  // departures found full, as text
  const auto plan = [&](schedule::ScheduledPlanner& planner) {
    std::map<DepartureKey, bool> full;  // free_teu asked once per departure
    for (int round = 0;; ++round) {
      try {
        ans.result = planner.plan(req);
      } catch (const route::LocateError& err) {
        throw QueryError(Problem::bad_request, "", err.what());
      } catch (const RequestError& err) {
        const std::string_view what = err.what();
        throw QueryError(Problem::bad_request, what.starts_with("avoid") ? "avoid" : "", err.what());
      }
      if (!q.free_teu) return;
      // Sold-out departures are not offered: close the full ones this answer rides and plan
      // again, so that the search takes the next departure. Exact: the final answer is optimal
      // on the timetable without the closed trips, rides only departures with room, and every
      // timetable with all full trips removed is a subset of that one.
      bool closed = false;
      for (const schedule::ScheduledItinerary& it : ans.result.itineraries)
        for (const DepartureKey& d : departures(it)) {
          auto [f, fresh] = full.try_emplace(d, false);
          if (!fresh) continue;
          const std::optional<std::int32_t> room = q.free_teu(d);
          f->second = room && *room < teu_needed;
          if (!f->second) continue;
          req.closed_departures.emplace_back(d.service, d.start);
          sold_out.push_back(to_string(d));
          closed = true;
        }
      if (!closed) return;
      if (round + 1 == kMaxSoldOutRounds) {
        // Give up searching further: offer only what has room.
        std::erase_if(ans.result.itineraries, [&](const schedule::ScheduledItinerary& it) {
          for (const DepartureKey& d : departures(it))
            if (full[d]) return true;
          return false;
        });
        return;
      }
    }
  };

  // Planners are pooled by shared horizon and by the constraints that filter their timetable
  // (avoid items, equipment prices, dated rates): a query with the same constraints as an
  // earlier one searches the timetable filtered then.
  route::RouteOptions filter;
  try {
    filter = schedule::request_options(net, req);
  } catch (const RequestError& err) {
    throw QueryError(Problem::bad_request, std::string_view(err.what()).starts_with("avoid") ? "avoid" : "", err.what());
  }
  const PlannerKey key{shared_horizon(day_start, horizon), schedule::timetable_key(filter)};
  ScheduledPool& pool = e.shared() ? m.scheduled_pool : e.door->scheduled_pool;
  auto lease = pool.check_out(key, [&] {
    return std::make_unique<schedule::ScheduledPlanner>(pkg, services, key.horizon.start, key.horizon.length, filter);
  });
  plan(*lease);
  if (ans.result.itineraries.empty()) {
    // A query that lies wholly outside the days the services run says so.
    const std::string validity = outside_validity(ans.result.depart, deadline, clock, from, to, services);
    std::string full;
    if (!sold_out.empty()) full = fmt::format("; sold out: {}", fmt::join(sold_out, ", "));
    if (deadline)
      throw QueryError(Problem::no_route, "",
                       fmt::format("no timetabled itinerary from {} to {} arrives by {} (ready from {}){}{}",
                                   net.node(from).code, net.node(to).code, clock.format(to, *deadline),
                                   clock.format(from, req.depart), validity, full));
    throw QueryError(Problem::no_route, "",
                     fmt::format("no timetabled itinerary from {} to {} ready {}{}{}{}", net.node(from).code,
                                 net.node(to).code, clock.format(from, req.depart), window ? " within the window" : "",
                                 validity, full));
  }
  if (q.reliability.replications != 0) ans.reliability = reliability(ans, q.reliability);
  return ans;
}

}  // namespace landbridge::query
