// The speed-ups that must not change answers: a search object reused across queries (cargo
// priced once, boarding hints and trip bounds kept) gives exactly the journeys a fresh one
// gives; RAPTOR pruned by lower bounds on the time to the target gives exactly the journeys
// of the unpruned search; RAPTOR with a target (pruned by trip bounds) delivers there as
// early as a one-to-all search. Seeded random timetables with every feature (see generator.h).
#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <queue>
#include <string>
#include <vector>

#include "landbridge/timetable/generator.h"
#include "landbridge/timetable/mc_raptor.h"
#include "landbridge/timetable/raptor.h"

namespace landbridge::timetable {
namespace {

constexpr int kInstances = 150;

std::string text(const Timetable& tt, const std::vector<Journey>& js) {
  std::string s;
  for (const Journey& j : js) s += format_journey(tt, j) + "\n";
  return s;
}

Query random_query(const TimetableSpec& spec, SplitMix64& rng, bool same_cargo) {
  Query q;
  q.origin = NodeId(static_cast<std::uint32_t>(rng.uniform(0, spec.node_count - 1)));
  q.target = NodeId(static_cast<std::uint32_t>(rng.uniform(0, spec.node_count - 1)));
  q.ready = spec.horizon_start + Minutes(static_cast<std::int32_t>(rng.uniform(0, spec.horizon_length.value() / 2)));
  if (!same_cargo) {
    q.cargo.teu = static_cast<std::int32_t>(rng.uniform(0, 2));
    q.cargo.feu = static_cast<std::int32_t>(rng.uniform(q.cargo.teu == 0 ? 1 : 0, 1));
  }
  q.max_trips = static_cast<std::int32_t>(rng.uniform(1, 6));
  q.max_travel = days(static_cast<double>(rng.uniform(3, 30)));
  return q;
}

// A lower bound on the minutes from each stop to `target`, the obvious way: Dijkstra
// backwards over every ride's shortest running time and every link's duration (ignoring
// waits, cut-offs and handling); INT32_MAX where the target cannot be reached.
std::vector<std::int32_t> naive_time_bounds(const Timetable& tt, NodeId target) {
  std::vector<std::vector<std::pair<std::uint32_t, std::int64_t>>> in(tt.stop_count());  // to <- (from, w)
  for (std::uint32_t ri = 0; ri < tt.route_count(); ++ri) {
    const RouteId r(ri);
    const auto stops = tt.route_stops(r);
    for (std::uint32_t a = 0; a < stops.size(); ++a)
      for (std::uint32_t b = a + 1; b < stops.size(); ++b) {
        std::int64_t w = std::numeric_limits<std::int64_t>::max();
        for (std::uint32_t j = 0; j < tt.route_trip_count(r); ++j)
          w = std::min<std::int64_t>(w, (tt.arrival(r, j, b) - tt.departure(r, j, a)).value());
        in[stops[b].get()].push_back({stops[a].get(), w});
      }
  }
  for (std::uint32_t l = 0; l < tt.link_count(); ++l) {
    const UntimedLink& link = tt.link(UntimedLinkId(l));
    in[link.to.get()].push_back({link.from.get(), link.duration.value()});
  }
  std::vector<std::int64_t> d(tt.stop_count(), std::numeric_limits<std::int64_t>::max());
  std::priority_queue<std::pair<std::int64_t, std::uint32_t>, std::vector<std::pair<std::int64_t, std::uint32_t>>,
                      std::greater<>>
      pq;
  d[target.get()] = 0;
  pq.push({0, target.get()});
  while (!pq.empty()) {
    const auto [dv, v] = pq.top();
    pq.pop();
    if (dv > d[v]) continue;
    for (const auto& [u, w] : in[v])
      if (dv + w < d[u]) {
        d[u] = dv + w;
        pq.push({d[u], u});
      }
  }
  std::vector<std::int32_t> out(tt.stop_count());
  for (std::size_t i = 0; i < out.size(); ++i)
    out[i] = static_cast<std::int32_t>(std::min<std::int64_t>(d[i], std::numeric_limits<std::int32_t>::max()));
  return out;
}

TEST(SearchState, ReusedMcRaptorGivesTheJourneysOfAFreshOne) {
  std::int64_t journeys = 0;
  for (std::uint64_t seed = 1; seed <= kInstances; ++seed) {
    const TimetableSpec spec = random_timetable(RandomTimetableParams{}, seed + 7000);
    const Timetable tt = Timetable::build(spec);
    McRaptor reused(tt);
    SplitMix64 rng(seed + 7000);
    for (int qi = 0; qi < 6; ++qi) {
      const Query q = random_query(spec, rng, /*same_cargo=*/qi % 3 != 0);  // runs of equal cargo, then a change
      McRaptor fresh(tt);
      const auto a = reused.run(q), b = fresh.run(q);
      ASSERT_EQ(text(tt, a), text(tt, b)) << "seed " << seed << " query " << qi;
      journeys += static_cast<std::int64_t>(a.size());
    }
  }
  EXPECT_GT(journeys, kInstances);  // the comparison saw journeys, not only empty sets
}

TEST(SearchState, RaptorWithTimeBoundsGivesTheJourneysOfPlainRaptor) {
  std::int64_t journeys = 0;
  for (std::uint64_t seed = 1; seed <= kInstances; ++seed) {
    const TimetableSpec spec = random_timetable(RandomTimetableParams{}, seed + 8000);
    const Timetable tt = Timetable::build(spec);
    Raptor plain(tt), bounded(tt);
    SplitMix64 rng(seed + 8000);
    for (int qi = 0; qi < 4; ++qi) {
      const Query q = random_query(spec, rng, false);
      const std::vector<std::int32_t> lb = naive_time_bounds(tt, q.target);
      plain.run(q);
      bounded.run(q, lb);
      ASSERT_EQ(plain.delivered(q.target), bounded.delivered(q.target)) << "seed " << seed << " query " << qi;
      const auto a = plain.journeys(), b = bounded.journeys();
      ASSERT_EQ(text(tt, a), text(tt, b)) << "seed " << seed << " query " << qi;
      journeys += static_cast<std::int64_t>(a.size());
    }
  }
  EXPECT_GT(journeys, kInstances);
}

TEST(SearchState, RaptorWithATargetDeliversThereAsEarlyAsOneToAll) {
  // With a target, labels that cannot reach it in the trips left are dropped; one-to-all
  // searches drop nothing.
  std::int64_t reached = 0;
  for (std::uint64_t seed = 1; seed <= kInstances; ++seed) {
    const TimetableSpec spec = random_timetable(RandomTimetableParams{}, seed + 9000);
    const Timetable tt = Timetable::build(spec);
    Raptor targeted(tt), all(tt);
    SplitMix64 rng(seed + 9000);
    for (int qi = 0; qi < 4; ++qi) {
      const Query q = random_query(spec, rng, false);
      Query everywhere = q;
      everywhere.target = NodeId::invalid();
      targeted.run(q);
      all.run(everywhere);
      ASSERT_EQ(targeted.delivered(q.target), all.delivered(q.target)) << "seed " << seed << " query " << qi;
      reached += targeted.delivered(q.target) != Instant::max() ? 1 : 0;
    }
  }
  EXPECT_GT(reached, kInstances);
}

TEST(SearchState, RaptorRejectsBoundsOfTheWrongSize) {
  const TimetableSpec spec = random_timetable(RandomTimetableParams{}, 1);
  const Timetable tt = Timetable::build(spec);
  Raptor r(tt);
  Query q;
  q.origin = NodeId(0);
  q.target = NodeId(1);
  q.ready = spec.horizon_start;
  const std::vector<std::int32_t> too_few(tt.stop_count() - 1, 0);
  EXPECT_THROW(r.run(q, too_few), Error);
}

}  // namespace
}  // namespace landbridge::timetable
