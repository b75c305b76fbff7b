// Sea routes: closures, geometry, one-to-all, and the fast query against plain Dijkstra.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <sstream>
#include <string>
#include <unordered_map>

#include "landbridge/core/error.h"
#include "landbridge/sea/maritime_graph.h"
#include "sea_test_util.h"

namespace landbridge::sea {
namespace {

using test::collection;
using test::lane;
using test::port;

std::string text(const std::vector<LatLon>& pts) {
  std::ostringstream os;
  for (std::size_t i = 0; i < pts.size(); ++i) os << (i ? " | " : "") << pts[i].lat << ' ' << pts[i].lon;
  return os.str();
}

// Two ways from port PW to port PE: north through a strait tagged suez, or south round a
// cape tagged south_africa; PE sits at the end of a spur east of E.
//
//  lon:   0          5          10    12
//  lat 5  W -------- n =suez=== E ---- q       PW at lon -0.1, PE at lon 12.1
//         |                     |
//  lat 0  s1                    s2
//           \\                 //             s1 - m - s2 tagged south_africa
//  lat -2     ====== m ========
MaritimeGraph strait_and_cape() {
  const auto dir = test::write_marnet(
      "strait_and_cape",
      collection({lane("[0,5],[5,5]"), lane("[5,5],[10,5]", "suez"), lane("[10,5],[12,5]"), lane("[0,5],[0,0]"),
                  lane("[0,0],[5,-2],[10,0]", "south_africa"), lane("[10,0],[10,5]")}),
      collection({port("PWPWP", -0.1, 5), port("PEPEP", 12.1, 5)}));
  return MaritimeGraph::load(dir);
}

TEST(SeaRouterSmall, ClosingAPassageTakesTheOtherWayOrNone) {
  const MaritimeGraph g = strait_and_cape();
  SeaRouter r(g);
  const PortId pw = *g.find_port("PWPWP");
  const PortId pe = *g.find_port("PEPEP");
  auto gc = [](double lat1, double lon1, double lat2, double lon2) {
    return great_circle({lat1, lon1}, {lat2, lon2}).value();
  };
  const double snaps = gc(5, -0.1, 5, 0) + gc(5, 12, 5, 12.1);

  const auto north = r.route(pw, pe, 0, true);
  ASSERT_TRUE(north);
  EXPECT_EQ(north->passages, passage_bit(Passage::suez));
  EXPECT_NEAR(north->distance.value(), snaps + gc(5, 0, 5, 5) + gc(5, 5, 5, 10) + gc(5, 10, 5, 12), 1e-9);
  EXPECT_EQ(text(north->geometry), "5 -0.1 | 5 0 | 5 5 | 5 10 | 5 12 | 5 12.1");

  const auto south = r.route(pw, pe, passage_bit(Passage::suez), true);
  ASSERT_TRUE(south);
  EXPECT_EQ(south->passages, passage_bit(Passage::south_africa));
  EXPECT_NEAR(south->distance.value(),
              snaps + gc(5, 0, 0, 0) + gc(0, 0, -2, 5) + gc(-2, 5, 0, 10) + gc(0, 10, 5, 10) + gc(5, 10, 5, 12), 1e-9);
  EXPECT_EQ(text(south->geometry), "5 -0.1 | 5 0 | 0 0 | -2 5 | 0 10 | 5 10 | 5 12 | 5 12.1");
  // The reverse direction is the same way backwards.
  const auto back = r.route(pe, pw, passage_bit(Passage::suez), true);
  ASSERT_TRUE(back);
  EXPECT_EQ(text(back->geometry), "5 12.1 | 5 12 | 5 10 | 0 10 | -2 5 | 0 0 | 5 0 | 5 -0.1");
  EXPECT_NEAR(back->distance.value(), south->distance.value(), 1e-9);

  // Closing a passage the route does not use changes nothing.
  const auto same = r.route(pw, pe, passage_bit(Passage::panama));
  ASSERT_TRUE(same);
  EXPECT_EQ(same->distance, north->distance);
  EXPECT_TRUE(same->geometry.empty());

  const PassageSet both = passage_bit(Passage::suez) | passage_bit(Passage::south_africa);
  EXPECT_FALSE(r.route(pw, pe, both).has_value());

  std::vector<Kilometres> row(g.port_count());
  r.one_to_all(pw, both, row);
  EXPECT_EQ(row[pw.get()], Kilometres(0.0));
  EXPECT_EQ(row[pe.get()], Kilometres::max());
  r.one_to_all(pw, passage_bit(Passage::suez), row);
  EXPECT_NEAR(row[pe.get()].value(), south->distance.value(), 1e-9);
  r.one_to_all(pe, 0, row);
  EXPECT_NEAR(row[pw.get()].value(), north->distance.value(), 1e-9);

  const auto self = r.route(pw, pw, 0, true);
  ASSERT_TRUE(self);
  EXPECT_EQ(self->distance, Kilometres(0.0));
  EXPECT_EQ(self->geometry.size(), 1u);
  std::vector<Kilometres> short_row(1);
  EXPECT_THROW(r.one_to_all(pw, 0, short_row), Error);
}

// --- The built-in marnet ----------------------------------------------------------------

// Walks a route's geometry over the uncontracted graph: the sum of its segments and the
// union of their passages (throws if two consecutive points are not joined by a segment).
struct Walked {
  double lanes_km = 0.0;
  PassageSet passages = 0;
};
class GeometryWalker {
 public:
  explicit GeometryWalker(const MaritimeGraph& g) : g_(g) {
    for (std::uint32_t v = 0; v < g.vertex_count(); ++v) index_[key(g.vertex(SeaVertexId(v)))] = v;
  }
  Walked walk(const SeaPath& p) const {
    Walked w;
    for (std::size_t i = 2; i + 1 < p.geometry.size(); ++i) {
      const std::uint32_t a = index_.at(key(p.geometry[i - 1]));
      const std::uint32_t b = index_.at(key(p.geometry[i]));
      bool found = false;
      for (const SeaLane& l : g_.lanes(SeaVertexId(a))) {
        if (l.head.get() == b) {
          w.lanes_km += l.length.value();
          w.passages |= l.passages;
          found = true;
          break;
        }
      }
      if (!found) throw std::runtime_error("geometry jumps between vertices that share no segment");
    }
    return w;
  }

 private:
  static std::int64_t key(LatLon p) {
    return std::llround(p.lat * 1e6) * 1'000'000'000LL + std::llround(normalize_lon(p.lon) * 1e6);
  }
  const MaritimeGraph& g_;
  std::unordered_map<std::int64_t, std::uint32_t> index_;
};

// The fast query (contraction hierarchy) against textbook Dijkstra on the uncontracted
// graph: random sources, random targets, without and with random sets of closed passages.
TEST(SeaRouterMarnet, EqualsPlainDijkstraWithAndWithoutClosures) {
  const MaritimeGraph& g = test::builtin_marnet();
  SeaRouter r(g);
  const GeometryWalker walker(g);
  const auto np = static_cast<std::uint32_t>(g.port_count());
  test::SplitMix64 rng{42};
  std::vector<Kilometres> row(np);
  int pairs = 0, closed_pairs = 0, unreachable = 0;
  for (int src = 0; src < 60; ++src) {
    const PortId from(rng.below(np));
    PassageSet closed = 0;
    if (src % 2 == 1) {  // every other source: close each passage with probability 1/3
      for (int p = 0; p < kPassageCount; ++p) {
        if (rng.below(3) == 0) closed |= PassageSet{1} << p;
      }
    }
    const std::vector<double> ref = test::plain_dijkstra(g, g.port(from).vertex, closed);
    for (int k = 0; k < 10; ++k) {
      const PortId to(rng.below(np));
      const double want = test::port_distance(g, ref, from, to);
      const bool geometry = k % 2 == 0;
      const auto got = r.route(from, to, closed, geometry);
      ++pairs;
      closed_pairs += closed != 0;
      if (std::isinf(want)) {
        EXPECT_FALSE(got.has_value()) << g.port(from).locode << "->" << g.port(to).locode;
        ++unreachable;
        continue;
      }
      ASSERT_TRUE(got.has_value()) << g.port(from).locode << "->" << g.port(to).locode;
      EXPECT_NEAR(got->distance.value(), want, 1e-6 * want) << g.port(from).locode << "->" << g.port(to).locode;
      EXPECT_EQ(got->passages & closed, 0u);
      if (geometry && from != to) {
        // The expanded path is a real walk over segments whose length and passages agree.
        const Walked w = walker.walk(*got);
        EXPECT_NEAR(w.lanes_km + g.port(from).snap.value() + g.port(to).snap.value(), got->distance.value(),
                    1e-9 * want);
        EXPECT_EQ(w.passages, got->passages);
        EXPECT_NEAR(test::polyline_km(got->geometry), got->distance.value(), 1e-6 * want);
        for (std::size_t i = 1; i < got->geometry.size(); ++i) {
          EXPECT_LT(std::abs(got->geometry[i].lon - got->geometry[i - 1].lon), 180.0);
        }
      }
    }
    // The whole one-to-all row.
    r.one_to_all(from, closed, row);
    for (std::uint32_t to = 0; to < np; ++to) {
      const double want = test::port_distance(g, ref, from, PortId(to));
      if (std::isinf(want)) {
        ASSERT_EQ(row[to], Kilometres::max());
      } else {
        ASSERT_NEAR(row[to].value(), want, 1e-6 * want) << g.port(from).locode << "->" << g.port(PortId(to)).locode;
      }
    }
  }
  EXPECT_EQ(pairs, 600);
  EXPECT_EQ(closed_pairs, 300);
  EXPECT_GT(unreachable, 0);  // some closure sets cut off seas (Black Sea without bosporus...)
}

PortId port_of(const MaritimeGraph& g, const char* locode) {
  const auto p = g.find_port(locode);
  if (!p) throw std::runtime_error(std::string("no port ") + locode);
  return *p;
}

double gc_km(const MaritimeGraph& g, PortId a, PortId b) { return great_circle(g.port(a).pos, g.port(b).pos).value(); }

// Shanghai to Rotterdam: through Suez. With Suez closed, marnet finds the Panama Canal a little
// shorter than the Cape; with Panama closed too, it goes round the Cape of Good Hope, which the
// trade press puts at roughly 3,000-3,500 nm (5,500-6,500 km) longer than Suez for Asia-North
// Europe. The Northwest Passage is closed as searoute-py does by default (see the next test).
TEST(SeaRouterMarnet, ShanghaiRotterdamViaSuezElseTheCape) {
  const MaritimeGraph& g = test::builtin_marnet();
  SeaRouter r(g);
  const PortId sha = port_of(g, "CNSHA");
  const PortId rtm = port_of(g, "NLRTM");
  const PassageSet nw = kSearouteDefaultClosed;
  const PassageSet suez_bit = passage_bit(Passage::suez);
  const PassageSet red_sea = suez_bit | passage_bit(Passage::babalmandab);
  const auto suez = r.route(sha, rtm, nw);
  ASSERT_TRUE(suez);
  const PassageSet expect_via = red_sea | passage_bit(Passage::gibraltar);
  EXPECT_EQ(suez->passages & expect_via, expect_via) << passage_list(suez->passages);
  EXPECT_EQ(suez->passages & passage_bit(Passage::south_africa), 0u);

  const auto no_suez = r.route(sha, rtm, nw | suez_bit);
  ASSERT_TRUE(no_suez);
  EXPECT_EQ(no_suez->passages & red_sea, 0u) << passage_list(no_suez->passages);
  EXPECT_NE(no_suez->passages & (passage_bit(Passage::panama) | passage_bit(Passage::south_africa)), 0u);
  EXPECT_GT(no_suez->distance, suez->distance);

  const auto cape = r.route(sha, rtm, nw | suez_bit | passage_bit(Passage::panama));
  ASSERT_TRUE(cape);
  EXPECT_NE(cape->passages & passage_bit(Passage::south_africa), 0u) << passage_list(cape->passages);
  EXPECT_EQ(cape->passages & (red_sea | passage_bit(Passage::panama)), 0u);
  EXPECT_GE(cape->distance, no_suez->distance);
  const double extra = cape->distance.value() - suez->distance.value();
  EXPECT_GT(extra, 4000.0);
  EXPECT_LT(extra, 8000.0);
  // Both are well above the great circle (about 8,900 km) and below twice the Suez route.
  EXPECT_GT(suez->distance.value(), 1.8 * gc_km(g, sha, rtm));
  EXPECT_LT(cape->distance.value(), 2.0 * suez->distance.value());
}

// marnet has Arctic lanes: with nothing closed, Shanghai-Rotterdam takes the Bering Strait and
// the Northwest Passage, which container lines do not sail. Callers close northwest (as
// searoute-py's default restriction does) for realistic routes.
TEST(SeaRouterMarnet, ArcticLanesAreOpenUnlessClosed) {
  const MaritimeGraph& g = test::builtin_marnet();
  SeaRouter r(g);
  const auto open = r.route(port_of(g, "CNSHA"), port_of(g, "NLRTM"));
  const auto no_nw = r.route(port_of(g, "CNSHA"), port_of(g, "NLRTM"), kSearouteDefaultClosed);
  ASSERT_TRUE(open && no_nw);
  EXPECT_EQ(open->passages, passage_bit(Passage::bering) | passage_bit(Passage::northwest));
  EXPECT_LT(open->distance, no_nw->distance);
}

// The feeder legs of the land bridge: reachable, longer than the great circle, and not absurd.
TEST(SeaRouterMarnet, HakataAndBusanToLianyungang) {
  const MaritimeGraph& g = test::builtin_marnet();
  SeaRouter r(g);
  const PortId lyg = port_of(g, "CNLYG");
  for (const char* from : {"JPHKT", "KRPUS"}) {
    const auto p = r.route(port_of(g, from), lyg, 0, true);
    ASSERT_TRUE(p) << from;
    const double gc = gc_km(g, port_of(g, from), lyg);
    EXPECT_GT(p->distance.value(), gc) << from;
    EXPECT_LT(p->distance.value(), 1.6 * gc) << from;
    EXPECT_EQ(p->passages, 0u) << from;
    // The same distance the other way round.
    const auto back = r.route(lyg, port_of(g, from));
    ASSERT_TRUE(back);
    EXPECT_NEAR(back->distance.value(), p->distance.value(), 1e-9 * gc);
  }
}

// Yokohama to Los Angeles crosses the antimeridian (marnet draws part of the Pacific at
// lon > 180): the route is trans-Pacific, not the long way west through Asia and Panama.
TEST(SeaRouterMarnet, TransPacificAcrossTheAntimeridian) {
  const MaritimeGraph& g = test::builtin_marnet();
  SeaRouter r(g);
  const PortId yok = port_of(g, "JPYOK");
  const PortId lax = port_of(g, "USLAX");
  const auto p = r.route(yok, lax, 0, true);
  ASSERT_TRUE(p);
  const double gc = gc_km(g, yok, lax);  // about 8,800 km
  EXPECT_GT(p->distance.value(), gc);
  EXPECT_LT(p->distance.value(), 1.25 * gc);
  EXPECT_EQ(p->passages & (passage_bit(Passage::panama) | passage_bit(Passage::malacca)), 0u);
  // The geometry runs east past 180 degrees without jumping back.
  double max_lon = -1e9;
  for (const LatLon& x : p->geometry) max_lon = std::max(max_lon, x.lon);
  EXPECT_GT(max_lon, 180.0);
  EXPECT_NEAR(p->geometry.back().lon - 360.0, g.port(lax).pos.lon, 1e-9);
  // The long way west (Malacca, the Indian Ocean, Suez or the Cape, the Atlantic, Panama) is
  // more than half the globe; had the antimeridian lanes not joined, that is all there was.
  EXPECT_LT(p->distance.value(), 0.6 * kEarthRadiusKm * std::numbers::pi);
}

// The Caspian Sea is in marnet, joined to the Sea of Azov only by the Volga and the
// Volga-Don canal (a river-sea route, not a container-ship route). So Aktau-Baku is a short
// Caspian crossing, while Aktau-Rotterdam sails up the Volga and through the Bosporus; closing
// the Bosporus cuts the Caspian (and the Black Sea) off from the ocean.
TEST(SeaRouterMarnet, CaspianIsReachedOnlyThroughTheVolgaDon) {
  const MaritimeGraph& g = test::builtin_marnet();
  SeaRouter r(g);
  const PortId aktau = port_of(g, "KZAAU");
  const PortId baku = port_of(g, "AZBAK");
  const PortId rtm = port_of(g, "NLRTM");
  const auto crossing = r.route(aktau, baku);
  ASSERT_TRUE(crossing);
  EXPECT_LT(crossing->distance.value(), 2.0 * gc_km(g, aktau, baku));
  EXPECT_EQ(crossing->passages, 0u);

  const auto out = r.route(aktau, rtm, kSearouteDefaultClosed, true);
  ASSERT_TRUE(out);
  EXPECT_NE(out->passages & passage_bit(Passage::bosporus), 0u);
  bool volga = false;  // north of 48N between 43E and 46E: the lower Volga near Volgograd
  for (const LatLon& x : out->geometry) volga |= x.lat > 48.0 && x.lon > 43.0 && x.lon < 46.0;
  EXPECT_TRUE(volga);
  EXPECT_FALSE(r.route(aktau, rtm, passage_bit(Passage::bosporus)).has_value());
}

}  // namespace
}  // namespace landbridge::sea
