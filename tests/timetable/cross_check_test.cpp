// RAPTOR, rRAPTOR, McRAPTOR and arrive-by against the slow obvious method (a time-expanded
// graph built straight from the services, searched with Dijkstra / a multi-criteria label
// search in time order) on hundreds of seeded random timetables.
#include <gtest/gtest.h>

#include <algorithm>

#include "landbridge/timetable/generator.h"
#include "landbridge/timetable/mc_raptor.h"
#include "landbridge/timetable/raptor.h"
#include "landbridge/timetable/time_expanded.h"

namespace landbridge::timetable {
namespace {

struct Instance {
  TimetableSpec spec;
  Timetable tt;
  TimeExpandedGraph te;
  explicit Instance(TimetableSpec s)
      : spec(std::move(s)), tt(Timetable::build(spec)), te(TimeExpandedGraph::build(spec)) {}
};

RandomTimetableParams params_for(std::uint64_t seed) {
  SplitMix64 rng(seed * 7919 + 1);
  RandomTimetableParams p;
  p.stops = static_cast<std::uint32_t>(rng.uniform(3, 20));
  p.services = static_cast<std::uint32_t>(rng.uniform(2, 30));
  p.max_calls = static_cast<std::uint32_t>(rng.uniform(2, 7));
  p.links = static_cast<std::uint32_t>(rng.uniform(0, 6));
  p.carriages = static_cast<std::uint32_t>(rng.uniform(1, 5));
  p.horizon_days = static_cast<std::uint32_t>(rng.uniform(7, 28));
  return p;
}

Query random_query(const Instance& in, SplitMix64& rng) {
  Query q;
  q.origin = NodeId(static_cast<std::uint32_t>(rng.uniform(0, in.spec.node_count - 1)));
  q.target = NodeId(static_cast<std::uint32_t>(rng.uniform(0, in.spec.node_count - 1)));
  q.ready = in.spec.horizon_start + Minutes(static_cast<std::int32_t>(rng.uniform(0, in.spec.horizon_length.value() / 2)));
  q.cargo.teu = static_cast<std::int32_t>(rng.uniform(0, 1));
  q.cargo.feu = static_cast<std::int32_t>(rng.uniform(q.cargo.teu == 0 ? 1 : 0, 1));
  q.cargo.mass_per_teu = Tonnes(static_cast<double>(rng.uniform(5, 14)) + 0.25);
  q.cargo.mass_per_feu = Tonnes(static_cast<double>(rng.uniform(10, 26)) + 0.5);
  return q;
}

std::vector<Criteria> criteria_of(const std::vector<Journey>& js) {
  std::vector<Criteria> out;
  for (const Journey& j : js) out.push_back({j.arrival, j.cost, j.co2e, j.trips});
  std::sort(out.begin(), out.end());
  return out;
}

std::string show(const std::vector<Criteria>& cs) {
  std::string s;
  for (const Criteria& c : cs)
    s += format_iso8601(c.arrival) + " $" + std::to_string(c.cost.value()) + " " + std::to_string(c.co2e.value()) +
         "g " + std::to_string(c.trips) + "t\n";
  return s;
}

constexpr int kInstances = 300;

TEST(CrossCheck, EarliestArrivalOneToAllMatchesTimeExpandedDijkstra) {
  std::int64_t reachable = 0, checked = 0;
  for (std::uint64_t seed = 1; seed <= kInstances; ++seed) {
    Instance in(random_timetable(params_for(seed), seed));
    Raptor raptor(in.tt);
    SplitMix64 rng(seed);
    for (int qi = 0; qi < 4; ++qi) {
      Query q = random_query(in, rng);
      q.target = NodeId::invalid();
      q.max_trips = kMaxTrips;
      q.max_travel = days(10000);
      raptor.run(q);
      const auto slow = in.te.earliest_arrival(q.origin, q.ready, q.cargo);
      for (std::uint32_t s = 0; s < in.spec.node_count; ++s) {
        const NodeId stop(s);
        ASSERT_EQ(raptor.delivered(stop), slow[s])
            << "seed " << seed << " query " << qi << " stop " << s << " from " << q.origin.get() << " at "
            << format_iso8601(q.ready);
        ++checked;
        if (slow[s] == Instant::max()) continue;
        ++reachable;
        const auto j = raptor.journey_to(stop);
        ASSERT_TRUE(j);
        EXPECT_EQ(j->arrival, slow[s]) << "seed " << seed << " stop " << s << "\n" << format_journey(in.tt, *j);
        EXPECT_LT(j->trips, kMaxTrips);
      }
    }
  }
  // The random timetables must actually exercise the search.
  EXPECT_GT(reachable, checked / 5);
}

TEST(CrossCheck, EarliestArrivalPerTripCountMatchesTimeExpandedLabels) {
  for (std::uint64_t seed = 1; seed <= kInstances; ++seed) {
    Instance in(random_timetable(params_for(seed), seed + 1000));
    Raptor raptor(in.tt);
    SplitMix64 rng(seed + 1000);
    for (int qi = 0; qi < 3; ++qi) {
      Query q = random_query(in, rng);
      q.max_trips = static_cast<std::int32_t>(rng.uniform(0, 5));
      q.max_travel = days(static_cast<double>(rng.uniform(2, 30)));
      raptor.run(q);
      const auto pareto = in.te.pareto(q.origin, q.ready, q.cargo, q.target, q.max_trips, q.max_travel);
      // For every trip budget k: the earliest hand-over with at most k trips.
      const auto journeys = raptor.journeys();
      for (std::int32_t k = 0; k <= q.max_trips; ++k) {
        Instant slow = Instant::max(), fast = Instant::max();
        for (const Criteria& c : pareto)
          if (c.trips <= k) slow = std::min(slow, c.arrival);
        for (const Journey& j : journeys)
          if (j.trips <= k) fast = std::min(fast, j.arrival);
        ASSERT_EQ(fast, slow) << "seed " << seed << " query " << qi << " k " << k;
      }
      // The journeys form the (arrival, trips) Pareto set: strictly earlier with more trips.
      for (std::size_t i = 1; i < journeys.size(); ++i) {
        EXPECT_GT(journeys[i].trips, journeys[i - 1].trips);
        EXPECT_LT(journeys[i].arrival, journeys[i - 1].arrival);
      }
    }
  }
}

TEST(CrossCheck, ParetoSetMatchesTimeExpandedLabelSearch) {
  std::int64_t sets = 0, multi = 0;
  for (std::uint64_t seed = 1; seed <= kInstances; ++seed) {
    Instance in(random_timetable(params_for(seed), seed + 2000));
    McRaptor mc(in.tt);
    SplitMix64 rng(seed + 2000);
    for (int qi = 0; qi < 3; ++qi) {
      Query q = random_query(in, rng);
      q.max_trips = static_cast<std::int32_t>(rng.uniform(1, 6));
      q.max_travel = days(static_cast<double>(rng.uniform(3, 30)));
      const auto fast = criteria_of(mc.run(q));
      const auto slow = in.te.pareto(q.origin, q.ready, q.cargo, q.target, q.max_trips, q.max_travel);
      ASSERT_EQ(show(fast), show(slow)) << "seed " << seed << " query " << qi << " " << q.origin.get() << "->"
                                        << q.target.get() << " at " << format_iso8601(q.ready);
      sets += fast.empty() ? 0 : 1;
      multi += fast.size() > 1 ? 1 : 0;
    }
  }
  EXPECT_GT(sets, kInstances / 2);
  EXPECT_GT(multi, kInstances / 10);
}

TEST(CrossCheck, RangeProfilesMatchRepeatedSlowQueries) {
  for (std::uint64_t seed = 1; seed <= kInstances / 3; ++seed) {
    Instance in(random_timetable(params_for(seed), seed + 3000));
    Raptor raptor(in.tt);
    McRaptor mc(in.tt);
    SplitMix64 rng(seed + 3000);
    Query q = random_query(in, rng);
    q.max_trips = static_cast<std::int32_t>(rng.uniform(1, 5));
    q.max_travel = days(10000);  // range limits are relative to each departure: keep them out of the way
    const Instant end = q.ready + days(static_cast<double>(rng.uniform(1, 7)));
    const auto profile = raptor.range(q, end);
    const auto mprofile = mc.range(q, end);
    // Probe every candidate instant and a few random ones.
    std::vector<Instant> probes = departure_candidates(in.tt, q, end);
    for (int i = 0; i < 5; ++i) probes.push_back(q.ready + Minutes(static_cast<std::int32_t>(rng.uniform(0, (end - q.ready).value()))));
    for (Instant tau : probes) {
      const auto slow = in.te.pareto(q.origin, tau, q.cargo, q.target, q.max_trips, q.max_travel);
      // rRAPTOR: for every trip budget, the best arrival among journeys leaving at or after tau.
      for (std::int32_t k = 0; k <= q.max_trips; ++k) {
        Instant s = Instant::max(), f = Instant::max();
        for (const Criteria& c : slow)
          if (c.trips <= k) s = std::min(s, c.arrival);
        for (const Journey& j : profile) {
          if (j.trips > k) continue;
          if (j.trips == 0) f = std::min(f, tau + (j.arrival - j.departure));  // fits any ready instant
          else if (j.departure >= tau) f = std::min(f, j.arrival);
        }
        ASSERT_EQ(f, s) << "seed " << seed << " tau " << format_iso8601(tau) << " k " << k;
      }
      // McRAPTOR range: every Pareto-optimal vector at tau is matched or beaten by a journey
      // that leaves at or after tau.
      for (const Criteria& c : slow) {
        bool covered = false;
        for (const Journey& j : mprofile) {
          const Instant arrival = j.trips == 0 ? tau + (j.arrival - j.departure) : j.arrival;
          covered |= (j.trips == 0 || j.departure >= tau) && arrival <= c.arrival && j.cost <= c.cost &&
                     j.co2e <= c.co2e && j.trips <= c.trips;
        }
        ASSERT_TRUE(covered) << "seed " << seed << " tau " << format_iso8601(tau) << " misses " << show({c});
      }
    }
    // Every journey of the multi-criteria profile is Pareto-optimal at its own departure.
    for (const Journey& j : mprofile) {
      ASSERT_GE(j.departure, q.ready);
      ASSERT_LE(j.departure, end);
      const auto slow = in.te.pareto(q.origin, j.departure, q.cargo, q.target, q.max_trips, q.max_travel);
      const Criteria c{j.arrival, j.cost, j.co2e, j.trips};
      ASSERT_TRUE(std::find(slow.begin(), slow.end(), c) != slow.end())
          << "seed " << seed << " journey not Pareto-optimal at " << format_iso8601(j.departure) << "\n"
          << format_journey(in.tt, j) << "slow:\n"
          << show(slow);
    }
  }
}

TEST(CrossCheck, ArriveByIsTheLatestFeasibleReadyInstant) {
  int answered = 0;
  for (std::uint64_t seed = 1; seed <= kInstances / 3; ++seed) {
    Instance in(random_timetable(params_for(seed), seed + 4000));
    Raptor raptor(in.tt);
    SplitMix64 rng(seed + 4000);
    Query q = random_query(in, rng);
    q.max_trips = kMaxTrips;
    q.max_travel = days(10000);
    const Instant deadline = q.ready + days(static_cast<double>(rng.uniform(1, 20)));
    const auto j = raptor.latest_departure(q, deadline);
    const auto slow_at = [&](Instant t) { return in.te.earliest_arrival(q.origin, t, q.cargo, q.target)[q.target.get()]; };
    if (!j) {
      ASSERT_GT(slow_at(q.ready), deadline) << "seed " << seed;
      continue;
    }
    ++answered;
    ASSERT_LE(j->arrival, deadline);
    ASSERT_LE(slow_at(j->ready), deadline) << "seed " << seed;
    if (j->ready < deadline) {
      ASSERT_GT(slow_at(j->ready + Minutes(1)), deadline) << "seed " << seed;
    }
  }
  EXPECT_GT(answered, kInstances / 20);
}

}  // namespace
}  // namespace landbridge::timetable
