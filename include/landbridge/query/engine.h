// The library's entry points for the questions a user asks: one Engine per loaded network,
// answering from the user's own words (places as typed, local times as ISO 8601 text, options by
// name). The command line and the HTTP service both call these and stay thin: nothing is located,
// parsed or loaded twice.
//
//   const query::Engine engine = query::Engine::open("");          // the built-in package
//   query::ScheduledAnswer a = engine.plan_scheduled({.from = "Hakata", .to = "DEDUI",
//                                                     .depart = "2026-12-10"});
//   std::cout << schedule::to_json(a.network(), a.result).dump(2);
//
// An Engine loads the package, its services and rates and the UN/LOCODE place index once;
// every const member is safe to call from several threads at once (planners are pooled).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "landbridge/core/error.h"
#include "landbridge/core/instant.h"
#include "landbridge/corridor/reliability.h"
#include "landbridge/io/package.h"
#include "landbridge/model/loaded_network.h"
#include "landbridge/route/planner.h"
#include "landbridge/schedule/local_time.h"
#include "landbridge/schedule/planner.h"
#include "landbridge/timetable/service.h"

namespace landbridge::query {

// Why a question has no answer. The command line maps these to its exit codes, the service to
// HTTP statuses (bad_request 400, no_route 404 with the reason).
enum class Problem : std::uint8_t {
  bad_request,  // malformed or contradictory: a bad date, unknown or ambiguous place, window too long
  no_route,     // well formed, but no itinerary satisfies it (the message says why)
  not_found,    // names a node, link or other thing the network does not have
};

class QueryError : public RequestError {
 public:
  QueryError(Problem problem, std::string field, const std::string& message)
      : RequestError(message), problem_(problem), field_(std::move(field)) {}
  [[nodiscard]] Problem problem() const { return problem_; }
  // The offending input by its query name ("from", "depart", "window", "routingReference");
  // "" when the query as a whole is at fault.
  [[nodiscard]] const std::string& field() const { return field_; }

 private:
  Problem problem_;
  std::string field_;
};

// One departure of a service: its trip that starts at `start`. The unit slots are sold on.
// Its text form "SERVICE@YYYY-MM-DDTHH:MMZ" (start instant in UTC) is the departure's
// reference in bookings, load lists and URLs.
struct DepartureKey {
  std::string service;
  Instant start{0};
  friend bool operator==(const DepartureKey&, const DepartureKey&) = default;
  friend auto operator<=>(const DepartureKey&, const DepartureKey&) = default;
};
std::string to_string(const DepartureKey& d);
std::optional<DepartureKey> parse_departure(std::string_view text);

// Free slots, as the booking store knows them: TEU still free on a departure (nullopt: no
// limit known, i.e. nothing booked yet and the service states no capacity). A null function means
// every departure has room.
using FreeTeu = std::function<std::optional<std::int32_t>(const DepartureKey&)>;

// Monte Carlo reliability of every itinerary of an answer (corridor/reliability.h): each is run
// as a probe flow through the corridor model on top of a background scenario.
struct ReliabilityQuery {
  std::int32_t replications = 0;     // 0: not asked; else 1 .. corridor::kMaxReliabilityReplications
  // Scenario TOML file of the background load; "" = the built-in package's reference background
  // (corridor::default_background_file), refused for another package.
  std::string background;
  // Timetabled answers: the probability of arriving by this instant (ISO 8601; without an
  // offset local time at the destination; a date alone is 00:00 local) is reported. "" = none.
  std::string arrive_by;
  std::optional<std::uint64_t> seed; // nullopt: the background's
  unsigned threads = 0;              // 0 = all cores; results do not depend on it
};

struct StaticQuery {
  std::string from, to;             // UN/LOCODE, node code, name or alias (place/lookup.h)
  std::string optimize = "time";    // time, cost, co2, co2e, generalized
  std::string unit = "teu";         // route::parse_box_type: teu, feu, 40hc, 45G1, ...
  std::int32_t count = 1;
  std::vector<std::string> avoid;   // route::add_avoid items
  bool pareto = false;
  std::int32_t alternatives = 3;
  std::int32_t max_transshipments = -1;  // < 0: no limit
  double value_of_time = 0, carbon_price = 0;
  std::string rates_on;             // YYYY-MM-DD price day for rates.csv; "" = today (UTC)
  ReliabilityQuery reliability;     // arrive_by must be "" (a static route has no date)
};

struct ScheduledQuery {
  std::string from, to;
  // ISO 8601 date or date-time; with an offset or Z as given, without one local time at the
  // origin (a date alone: 00:00 local). Empty with arrive_by.
  std::string depart;
  // Arrive-by deadline, ISO 8601; without an offset local time at the destination.
  std::string arrive_by;
  // "" or a duration such as 7d (at most kMaxWindow): with depart the range of ready instants;
  // with arrive_by how long before the deadline the box can be ready (default kArriveByLookback).
  std::string window;
  std::string unit = "teu";
  std::int32_t count = 1;
  std::vector<std::string> avoid;
  bool pareto = false;
  std::int32_t max_trips = 12;
  std::int32_t max_transshipments = -1;  // < 0: no limit
  // Departures with less free room than the shipment's TEU are not offered (the next one is).
  FreeTeu free_teu;
  ReliabilityQuery reliability;
};
inline constexpr Minutes kArriveByLookback = days(60);
inline constexpr Minutes kMaxWindow = days(90);

// The checks of a timetabled query that need no package: depart xor arrive_by, their ISO 8601
// syntax, the window's syntax and limit. Returns the window. Throws QueryError (bad_request).
// plan_scheduled makes them first; a caller may make them before it opens an Engine, so that a
// typo is reported before a package is loaded.
std::optional<Minutes> check_scheduled(const ScheduledQuery& q);

// An answer keeps the network it was planned on alive: a door-to-door query plans on a copy of
// the package with the user's places added, whose node ids the result uses.
struct StaticAnswer {
  std::shared_ptr<const LoadedNetwork> pkg;
  route::RouteResult result;
  std::optional<corridor::ReliabilityResult> reliability;  // when the query asked for it
  [[nodiscard]] const Network& network() const { return pkg->network; }
};
struct ScheduledAnswer {
  std::shared_ptr<const LoadedNetwork> pkg;
  ScheduledQuery query;             // as asked (free_teu left out)
  schedule::ScheduledResult result;
  std::optional<corridor::ReliabilityResult> reliability;  // when the query asked for it
  [[nodiscard]] const Network& network() const { return pkg->network; }
};

// A place a user may type: a network node or a UN/LOCODE place of the index.
struct Location {
  std::string code;                 // node code or UN/LOCODE
  std::string name;
  std::string country;              // ISO 3166 alpha-2
  double lat = 0, lon = 0;
  bool on_network = false;          // a node of the package (else trucked to it by road)
  std::string kind;                 // node kind (seaport, dry_port, rail_terminal, border_crossing, hub) or "place"
  // IANA zone: the node's, or for a place that of the nearest node of its country with one
  // (place::nearest_zone); "" when unknown.
  std::string timezone;
};

// Loads a package folder, a .txt text network (docs/text-network-format.md: no services, rates or
// road access), or "" the built-in package. Throws LoadError.
io::LoadedPackage load_network(const std::string& network);

class Engine {
 public:
  // Loads `network` (a package folder, a .txt text network, "" = the built-in package), its
  // services, rates and the place index. Throws LoadError for a bad package.
  static Engine open(const std::string& network);
  explicit Engine(io::LoadedPackage pkg);
  Engine(Engine&&) noexcept;
  Engine& operator=(Engine&&) noexcept;
  ~Engine();

  [[nodiscard]] const LoadedNetwork& package() const;
  [[nodiscard]] const Network& network() const { return package().network; }
  [[nodiscard]] const std::vector<timetable::Service>& services() const;
  // Local time at the package's nodes (their IANA zones).
  [[nodiscard]] const schedule::LocalClock& clock() const;
  // Capacity in TEU of the service's departures (0: not stated).
  [[nodiscard]] std::int32_t capacity_teu(std::string_view service) const;

  // Throws the LoadError that the package's services or rates gave when it was opened (every
  // diagnostic, with file, line and field), if any. Queries report it too, but a server checks
  // it before it listens: a package it cannot plan timetables on is refused at start.
  void throw_if_invalid() const;

  // Builds now what the first queries would otherwise pay for (100-240 ms each on the reference
  // package): the location index with the place index, a static planner, and the timetabled
  // planner of the current horizon (today, UTC) for unconstrained queries. A package whose
  // services have errors gets no timetabled planner. Safe to call more than once.
  void warm_up() const;

  // Throws QueryError; never returns an empty itinerary list.
  [[nodiscard]] StaticAnswer plan_static(const StaticQuery& q) const;
  [[nodiscard]] ScheduledAnswer plan_scheduled(const ScheduledQuery& q) const;

  // Up to `limit` locations matching `text` (code prefix, name words, folded accents), nodes first.
  [[nodiscard]] std::vector<Location> search_locations(std::string_view text, std::size_t limit = 10) const;

  // A stable, self-contained reference to one itinerary of an answer (DCSA routingReference):
  // the query and the rides. URL-safe text.
  [[nodiscard]] std::string routing_reference(const ScheduledAnswer& a, std::size_t itinerary) const;
  // Plans the reference's query again (with `free_teu`) and returns the answer with exactly that
  // itinerary first. Throws QueryError: bad_request (field "routingReference") for text that is
  // not a reference of this network; no_route when the itinerary is no longer offered (a
  // departure sold out or gone from the timetable).
  [[nodiscard]] ScheduledAnswer resolve_reference(std::string_view reference, FreeTeu free_teu = {}) const;

  // The reliability of every itinerary of an answer (plan_static / plan_scheduled call these when
  // the query's `reliability.replications` > 0). Door-to-door times run from the box being
  // ready; for a timetabled answer from the query's ready instant. Throws QueryError
  // (bad_request: replications out of range, field "reliability"; no default background for
  // this package, field "reliability.background"; a deadline that does not parse or one given
  // for a static answer, field "reliability.arrive_by") and corridor::ScenarioError for a
  // background file that does not load (file, line, field).
  [[nodiscard]] corridor::ReliabilityResult reliability(const StaticAnswer& a, const ReliabilityQuery& q) const;
  [[nodiscard]] corridor::ReliabilityResult reliability(const ScheduledAnswer& a, const ReliabilityQuery& q) const;

  // The departures (rides) an itinerary uses, in order.
  [[nodiscard]] std::vector<DepartureKey> departures(const schedule::ScheduledItinerary& it) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace landbridge::query
