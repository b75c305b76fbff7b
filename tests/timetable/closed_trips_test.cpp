// The per-query trip filter (Query::closed_trips) against the obvious method: the same services
// with those departures cancelled (Service::removed) in a rebuilt timetable, searched by a
// time-expanded graph and by the searches themselves, on seeded random timetables.
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <set>
#include <tuple>

#include "landbridge/timetable/generator.h"
#include "landbridge/timetable/mc_raptor.h"
#include "landbridge/timetable/raptor.h"
#include "landbridge/timetable/time_expanded.h"

namespace landbridge::timetable {
namespace {

// A random timetable, some of its departures closed, and the same timetable with them cancelled.
struct Closed {
  TimetableSpec spec, cancelled;
  Timetable tt;
  std::optional<Timetable> tt_cancelled;
  std::optional<TimeExpandedGraph> te_cancelled;
  std::vector<std::uint8_t> closed;  // per trip of tt
  std::size_t n_closed = 0;

  explicit Closed(std::uint64_t seed) : spec(random_timetable(params(seed), seed)), tt(Timetable::build(spec)) {
    // Close about a third of the (service, local start day) pairs that have trips.
    SplitMix64 rng(seed * 31 + 7);
    std::set<std::pair<std::uint32_t, std::int32_t>> shut;
    for (std::uint32_t t = 0; t < tt.trip_count(); ++t) {
      const ServiceId s = tt.trip_service(TripId(t));
      const CivilDate day = local_start_day(tt.service(s), tt.trip_start(TripId(t)));
      if (rng.chance(0.33)) shut.emplace(s.get(), epoch_day(day));
    }
    cancelled = spec;
    for (const auto& [s, day] : shut) cancelled.services[s].removed.push_back(date_of_epoch_day(day));
    closed.assign(tt.trip_count(), 0);
    for (std::uint32_t t = 0; t < tt.trip_count(); ++t) {
      const ServiceId s = tt.trip_service(TripId(t));
      const CivilDate day = local_start_day(tt.service(s), tt.trip_start(TripId(t)));
      if (shut.count({s.get(), epoch_day(day)})) {
        closed[t] = 1;
        ++n_closed;
      }
    }
    tt_cancelled.emplace(Timetable::build(cancelled));
    te_cancelled.emplace(TimeExpandedGraph::build(cancelled));
  }

  static RandomTimetableParams params(std::uint64_t seed) {
    SplitMix64 rng(seed * 104729 + 3);
    RandomTimetableParams p;
    p.stops = static_cast<std::uint32_t>(rng.uniform(3, 16));
    p.services = static_cast<std::uint32_t>(rng.uniform(2, 24));
    p.max_calls = static_cast<std::uint32_t>(rng.uniform(2, 6));
    p.links = static_cast<std::uint32_t>(rng.uniform(0, 5));
    p.carriages = static_cast<std::uint32_t>(rng.uniform(1, 4));
    p.horizon_days = static_cast<std::uint32_t>(rng.uniform(7, 21));
    return p;
  }

  Query query(SplitMix64& rng) const {
    Query q;
    q.origin = NodeId(static_cast<std::uint32_t>(rng.uniform(0, spec.node_count - 1)));
    q.target = NodeId(static_cast<std::uint32_t>(rng.uniform(0, spec.node_count - 1)));
    q.ready = spec.horizon_start + Minutes(static_cast<std::int32_t>(rng.uniform(0, spec.horizon_length.value() / 2)));
    q.cargo.teu = 1;
    q.cargo.feu = 0;
    q.max_trips = static_cast<std::int32_t>(rng.uniform(1, 6));
    q.max_travel = days(10000);
    return q;
  }
};

std::vector<Criteria> criteria_of(const std::vector<Journey>& js) {
  std::vector<Criteria> out;
  for (const Journey& j : js) out.push_back({j.arrival, j.cost, j.co2e, j.trips});
  std::sort(out.begin(), out.end());
  return out;
}

constexpr std::uint64_t kSeeds = 150;

TEST(ClosedTrips, EarliestArrivalEqualsTheTimetableWithoutThem) {
  std::size_t closed = 0;
  for (std::uint64_t seed = 1; seed <= kSeeds; ++seed) {
    const Closed in(seed);
    closed += in.n_closed;
    Raptor filtered(in.tt);
    SplitMix64 rng(seed);
    for (int qi = 0; qi < 3; ++qi) {
      Query q = in.query(rng);
      q.target = NodeId::invalid();
      q.max_trips = kMaxTrips;
      q.closed_trips = in.closed;
      filtered.run(q);
      const auto slow = in.te_cancelled->earliest_arrival(q.origin, q.ready, q.cargo);
      for (std::uint32_t s = 0; s < in.spec.node_count; ++s)
        ASSERT_EQ(filtered.delivered(NodeId(s)), slow[s]) << "seed " << seed << " query " << qi << " stop " << s;
    }
  }
  EXPECT_GT(closed, kSeeds * 5);  // the filter had work to do
}

TEST(ClosedTrips, ParetoSetEqualsTheTimetableWithoutThem) {
  for (std::uint64_t seed = 1; seed <= kSeeds; ++seed) {
    const Closed in(seed + 500);
    McRaptor filtered(in.tt);
    SplitMix64 rng(seed + 500);
    for (int qi = 0; qi < 3; ++qi) {
      Query q = in.query(rng);
      q.max_travel = days(static_cast<double>(rng.uniform(3, 30)));
      q.closed_trips = in.closed;
      const auto fast = criteria_of(filtered.run(q));
      const auto slow = in.te_cancelled->pareto(q.origin, q.ready, q.cargo, q.target, q.max_trips, q.max_travel);
      ASSERT_EQ(fast, slow) << "seed " << seed << " query " << qi;
    }
  }
}

TEST(ClosedTrips, RangeQueriesEqualTheTimetableWithoutThem) {
  const auto profile = [](const std::vector<Journey>& js) {
    std::vector<std::tuple<Instant, Instant, std::int32_t>> out;
    for (const Journey& j : js) out.emplace_back(j.departure, j.arrival, j.trips);
    std::sort(out.begin(), out.end());
    return out;
  };
  for (std::uint64_t seed = 1; seed <= kSeeds / 3; ++seed) {
    const Closed in(seed + 900);
    Raptor filtered(in.tt), rebuilt(*in.tt_cancelled);
    McRaptor mfiltered(in.tt), mrebuilt(*in.tt_cancelled);
    SplitMix64 rng(seed + 900);
    Query q = in.query(rng);
    const Instant end = q.ready + days(static_cast<double>(rng.uniform(1, 7)));
    const auto want = profile(rebuilt.range(q, end));
    const auto mwant = criteria_of(mrebuilt.range(q, end));
    q.closed_trips = in.closed;
    EXPECT_EQ(profile(filtered.range(q, end)), want) << "seed " << seed;
    EXPECT_EQ(criteria_of(mfiltered.range(q, end)), mwant) << "seed " << seed;
  }
}

TEST(ClosedTrips, AFilterOfTheWrongSizeIsRefused) {
  const Closed in(3);
  Raptor raptor(in.tt);
  Query q;
  q.origin = NodeId(0);
  const std::vector<std::uint8_t> wrong(in.tt.trip_count() + 1, 0);
  q.closed_trips = wrong;
  EXPECT_THROW(raptor.run(q), Error);
}

}  // namespace
}  // namespace landbridge::timetable
