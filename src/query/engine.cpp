// query::Engine: loading a package once, resolving the user's places, and static routes.
#include "landbridge/query/engine.h"

#include <fmt/format.h>

#include <chrono>

#include "impl.h"
#include "landbridge/io/package.h"
#include "landbridge/io/places.h"
#include "landbridge/io/services.h"
#include "landbridge/io/text_network.h"
#include "landbridge/place/door.h"
#include "landbridge/route/equipment.h"
#include "landbridge/route/locate.h"
#include "landbridge/route/report.h"
#include "landbridge/timetable/time.h"

namespace landbridge::query {
namespace {

// The place index, loaded by the first query that needs it; safe from several threads.
place::PlaceSource shared_index(std::filesystem::path file) {
  struct Lazy {
    std::once_flag once;
    PlaceIndex index;
  };
  auto lazy = std::make_shared<Lazy>();
  return [lazy, file = std::move(file)]() -> const PlaceIndex& {
    std::call_once(lazy->once, [&] { lazy->index = io::load_place_index(file); });
    return lazy->index;
  };
}

// FNV-1a over the names that give a network's node ids and services their meaning.
std::uint64_t fingerprint_of(const Network& net, const std::vector<timetable::Service>& services) {
  std::uint64_t h = 1469598103934665603ULL;
  const auto add = [&](std::string_view s) {
    for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    h = (h ^ 0x1fU) * 1099511628211ULL;
  };
  for (const NodeInfo& n : net.nodes()) add(n.code);
  for (const timetable::Service& s : services) add(s.id);
  return h;
}

// Explains an empty static result: is it the constraints, or is there no connection at all?
std::string no_route_reason(route::Planner& planner, const route::RouteRequest& req, const route::RouteResult& r) {
  const Network& net = planner.network();
  const std::string od = fmt::format("{} to {}", net.node(r.from).code, net.node(r.to).code);
  route::RouteRequest free = req;
  free.avoid.clear();
  free.options = route::RouteOptions{};
  free.options.shipment = req.options.shipment;
  free.pareto = false;
  free.alternatives = 1;
  if (planner.route(free).itineraries.empty()) return fmt::format("no connection from {} in this network", od);
  std::string why = fmt::format("no itinerary from {} satisfies the constraints", od);
  if (r.options.avoid_passages) {
    why += fmt::format("; closed passages: {}", passage_list(r.options.avoid_passages));
    if (!r.dropped.empty())
      why += fmt::format(" ({} sea link{} have no sea route with them closed)", r.dropped.size(),
                         r.dropped.size() == 1 ? "" : "s");
  }
  if (r.options.max_transshipments) why += fmt::format("; at most {} transshipments", *r.options.max_transshipments);
  if (!req.avoid.empty()) why += fmt::format("; avoiding {}", fmt::join(req.avoid, ", "));
  return why;
}

// The day a static route is priced on: YYYY-MM-DD, or today (UTC) for "".
timetable::CivilDate rate_day(const std::string& text) {
  if (text.empty()) {
    const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    const auto day = static_cast<std::int32_t>(now.time_since_epoch().count()) - timetable::kEpochDayOffset;
    return timetable::date_of_epoch_day(day);
  }
  std::string why;
  const auto d = timetable::parse_date(text, &why);
  if (!d)
    throw QueryError(Problem::bad_request, "rates_on",
                     "rates_on " + text + ": " + (why.empty() ? "expected a date YYYY-MM-DD" : why));
  return *d;
}

}  // namespace

std::string without_no_route_prefix(const std::string& message) {
  constexpr std::string_view kPrefix = "no route: ";
  return message.starts_with(kPrefix) ? message.substr(kPrefix.size()) : message;
}

io::LoadedPackage load_network(const std::string& network) {
  // `dir` keeps a text network's own path, so no package file is looked up beside it.
  if (network.ends_with(".txt")) return LoadedNetwork{.network = io::load_text_network(network), .dir = network};
  return io::load_package(network.empty() ? io::default_package_dir() : std::filesystem::path(network));
}

Engine Engine::open(const std::string& network) { return Engine(load_network(network)); }

Engine::Engine(io::LoadedPackage loaded)
    : impl_(std::make_unique<Impl>()) {
  Impl& m = *impl_;
  m.pkg = std::make_shared<const LoadedNetwork>(std::move(loaded));
  const Network& net = m.pkg->network;
  // Services and rates are read now; their mistakes are reported to the queries that need
  // them (a static route does not need services).
  Diagnostics diags;
  m.services = io::load_services(m.pkg->dir, net, diags);
  Diagnostics rate_diags;
  m.rates = std::make_shared<const io::RateTable>(io::load_rates(m.pkg->dir, net, rate_diags));
  for (const Diagnostic& d : rate_diags.list()) diags.add(d);
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < m.services.size(); ++i) {
    ids.push_back(m.services[i].id);
    m.service_index.emplace(m.services[i].id, i);
  }
  io::check_rate_services(*m.rates, ids, diags);
  try {
    diags.throw_if_any();
  } catch (const LoadError&) {
    m.scheduled_error = std::current_exception();
  }
  try {
    rate_diags.throw_if_any();
  } catch (const LoadError&) {
    m.rates_error = std::current_exception();
  }
  m.places = shared_index(io::default_place_index_path());
  m.clock = std::make_unique<schedule::LocalClock>(net);
  m.fingerprint = fingerprint_of(net, m.services);
}

Engine::Engine(Engine&&) noexcept = default;
Engine& Engine::operator=(Engine&&) noexcept = default;
Engine::~Engine() = default;

void DoorPackage::load() const {
  std::call_once(once_, [&] {
    try {
      Diagnostics diags;
      services_ = io::load_services(pkg->dir, pkg->network, diags);
      diags.throw_if_any();
      clock_ = std::make_unique<schedule::LocalClock>(pkg->network);
    } catch (...) {
      error_ = std::current_exception();
    }
  });
  if (error_) std::rethrow_exception(error_);
}

const std::vector<timetable::Service>& DoorPackage::services() const {
  load();
  return services_;
}

const schedule::LocalClock& DoorPackage::clock() const {
  load();
  return *clock_;
}

void Engine::throw_if_invalid() const {
  if (impl_->scheduled_error) std::rethrow_exception(impl_->scheduled_error);
}

const LoadedNetwork& Engine::package() const { return *impl_->pkg; }
const std::vector<timetable::Service>& Engine::services() const { return impl_->services; }

const schedule::LocalClock& Engine::clock() const { return *impl_->clock; }

std::int32_t Engine::capacity_teu(std::string_view service) const {
  const timetable::Service* s = impl_->service(service);
  return s ? s->capacity_teu : 0;
}

const timetable::Service* Engine::Impl::service(std::string_view id) const {
  const auto it = service_index.find(id);
  return it == service_index.end() ? nullptr : &services[it->second];
}

Ends Engine::Impl::ends(const std::string& from, const std::string& to) const {
  // As place::door_to_door, without copying the package when both ends are nodes.
  const Network& net = pkg->network;
  const double near_km = pkg->road ? pkg->road->radius_km : 0.0;
  const auto resolve = [&](const std::string& text, const char* field) {
    // A node's code, as typed or in lower case, is rule 1 of place/lookup.h: found without
    // folding every name of the network.
    std::string code = text;
    for (char& c : code)
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (const auto n = net.find_node(code)) return place::Resolved{.node = *n};
    try {
      return place::resolve(net, places, text, near_km);
    } catch (const route::LocateError& e) {
      throw QueryError(Problem::bad_request, field, e.what());
    }
  };
  const place::Resolved a = resolve(from, "from");
  const place::Resolved b = resolve(to, "to");
  Ends e;
  e.from = a.node ? net.node(*a.node).code : a.place->code;
  e.to = b.node ? net.node(*b.node).code : b.place->code;
  if (!a.place && !b.place) {
    e.pkg = pkg;
    return e;
  }
  try {
    // The copy is kept for the next query between the same ends (a place's code names it).
    e.door = doors.get(e.from + '\n' + e.to, [&] {
      return std::make_shared<DoorPackage>(place::with_places(*pkg, a.place, b.place));
    });
    e.pkg = e.door->pkg;
  } catch (const place::NoAccessError& err) {
    // The place the message names is the end at fault (the origin when both are places and the
    // package has no road table at all).
    const std::string_view what = err.what();
    const bool to_at_fault = b.place && (!a.place || what.find(a.place->code) == std::string_view::npos) &&
                             what.find(b.place->code) != std::string_view::npos;
    throw QueryError(Problem::no_route, to_at_fault ? "to" : "from", without_no_route_prefix(err.what()));
  }
  return e;
}

route::BoxType check_shipment(const std::string& unit, std::int32_t count) {
  const auto box = route::parse_box_type(unit);
  if (!box)
    throw QueryError(Problem::bad_request, "unit",
                     "unit " + unit + ": expected teu, feu, 40hc, reefer20, reefer40 or an ISO 6346 code (22G1, 42G1, 45G1, 22R1, 45R1)");
  if (count < 1 || count > route::kMaxBoxes)
    throw QueryError(Problem::bad_request, "count",
                     fmt::format("count {}: the number of containers must be from 1 to {}", count, route::kMaxBoxes));
  return *box;
}

StaticAnswer Engine::plan_static(const StaticQuery& q) const {
  const auto objective = route::parse_objective(q.optimize);
  if (!objective)
    throw QueryError(Problem::bad_request, "optimize",
                     "optimize " + q.optimize + ": expected time, cost, co2, co2e or generalized");
  const route::BoxType box = check_shipment(q.unit, q.count);
  if (q.alternatives < 1 || q.alternatives > 20)
    throw QueryError(Problem::bad_request, "alternatives", fmt::format("alternatives {}: from 1 to 20", q.alternatives));
  const Ends e = impl_->ends(q.from, q.to);
  if (impl_->rates_error) std::rethrow_exception(impl_->rates_error);
  route::RouteRequest req;
  req.from = e.from;
  req.to = e.to;
  req.objective = *objective;
  req.pareto = q.pareto;
  req.alternatives = q.alternatives;
  req.avoid = q.avoid;
  req.options.shipment = {box.unit, q.count};
  req.options.equipment = box.equipment;
  req.options.rates = impl_->rates;
  req.options.rates_on = rate_day(q.rates_on);
  if (q.max_transshipments >= 0) req.options.max_transshipments = q.max_transshipments;
  req.options.prices = {q.value_of_time, q.carbon_price};

  const auto run = [&](route::Planner& planner) {
    StaticAnswer ans{e.pkg, {}};
    try {
      ans.result = planner.route(req);
    } catch (const route::LocateError& err) {
      throw QueryError(Problem::bad_request, "", err.what());
    } catch (const RequestError& err) {
      throw QueryError(Problem::bad_request, std::string_view(err.what()).starts_with("avoid") ? "avoid" : "", err.what());
    }
    if (ans.result.itineraries.empty()) throw QueryError(Problem::no_route, "", no_route_reason(planner, req, ans.result));
    return ans;
  };
  RoutePool& pool = e.shared() ? impl_->route_pool : e.door->route_pool;
  StaticAnswer ans;
  {
    auto lease = pool.check_out(NoKey{}, [&] { return std::make_unique<route::Planner>(*e.pkg); });
    ans = run(*lease);
  }
  if (q.reliability.replications != 0) ans.reliability = reliability(ans, q.reliability);
  return ans;
}

}  // namespace landbridge::query
