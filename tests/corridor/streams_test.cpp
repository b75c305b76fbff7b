// Common random numbers: every draw of the corridor model comes from a stream named by what it
// is (operation x unit served), so changing one node's capacity moves no draw elsewhere.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <string>
#include <vector>

#include "../support/scratch.h"
#include "landbridge/corridor/model.h"
#include "landbridge/io/package.h"

namespace landbridge::corridor {
namespace {

const Network& eurasia() {
  static const io::LoadedPackage pkg = io::load_package(io::default_package_dir());
  return pkg.network;
}

// Lianyungang -> Moscow through the Khorgos gauge change only (the corridor_test flow), with
// `cranes` cranes at Khorgos drawing their lift times from the operation's range.
CorridorModel khorgos_with(int cranes, const std::string& extra = "") {
  const auto dir = testing_support::scratch_dir();
  std::filesystem::create_directories(dir);
  const std::string name = "crn" + std::to_string(cranes);
  std::ofstream(dir / (name + ".csv"))
      << "origin,destination,teu_per_week,unit,pattern,avoid\n"
         "CNLYG,RUMOW,300,FEU,poisson,RUZBK;KZDOS;KZPLX;RUREN;MNZUU;RUGRK;deep_sea;ferry\n";
  std::ofstream(dir / (name + ".toml"))
      << "[scenario]\nname = \"crn\"\ndemand = \"" << name
      << ".csv\"\nhorizon_days = 120\nwarmup_days = 20\ndrain_days = 60\nseed = 11\n"
         "[services.rail]\npolicy = \"when_full\"\nmin_teu = 82\ncapacity_teu = 110\nmax_wait_h = 72\n"
         "[[nodes]]\ncode = \"KZHOR\"\ncranes = "
      << cranes << "\n" << extra;
  return CorridorModel(eurasia(), load_scenario(dir / (name + ".toml")));
}

// Box ids in delivery order.
std::vector<std::uint32_t> delivery_order(const std::vector<BoxRecord>& recs) {
  std::vector<std::uint32_t> ids;
  for (const BoxRecord& b : recs)
    if (b.delivered_h >= 0) ids.push_back(b.id);
  std::stable_sort(ids.begin(), ids.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return recs[a].delivered_h < recs[b].delivered_h; });
  return ids;
}

TEST(CorridorStreams, ChangingOnlyKhorgosCranesLeavesEveryBoxsDrawsElsewhereIdentical) {
  const CorridorModel few = khorgos_with(2), many = khorgos_with(8);
  for (std::size_t r = 0; r < 2; ++r) {
    std::vector<BoxRecord> a, b;
    (void)few.run(r, &a);
    (void)many.run(r, &b);
    ASSERT_EQ(a.size(), b.size()) << "arrivals are their own streams";
    ASSERT_GT(a.size(), 500U);
    std::size_t crane_wait_differs = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
      ASSERT_EQ(a[i].id, b[i].id);
      EXPECT_EQ(a[i].ready_h, b[i].ready_h) << "box " << i;
      // Handling at the origin and at Moscow: drawn per box, whatever order the boxes reach
      // the node in, so bit-identical.
      EXPECT_EQ(a[i].handling_h, b[i].handling_h) << "box " << i;
      // The Khorgos lift itself is a per-box draw too.
      EXPECT_EQ(a[i].service_crane_h, b[i].service_crane_h) << "box " << i;
      if (a[i].wait_crane_h != b[i].wait_crane_h) ++crane_wait_differs;
    }
    // The what-if did change the run: queues at Khorgos, and boxes reach Moscow in another
    // order (which a stream shared by all boxes in event order would have turned into other
    // handling draws there).
    EXPECT_GT(crane_wait_differs, a.size() / 10);
    EXPECT_NE(delivery_order(a), delivery_order(b));
  }
}

TEST(CorridorStreams, AReplicationDrawsTheSameNumbersEveryTimeAndReplicationsDiffer) {
  const CorridorModel m = khorgos_with(4);
  std::vector<BoxRecord> a, b, c;
  (void)m.run(0, &a);
  (void)m.run(0, &b);
  (void)m.run(1, &c);
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i].handling_h, b[i].handling_h);
  const double sa = std::accumulate(a.begin(), a.end(), 0.0, [](double s, const BoxRecord& x) { return s + x.handling_h; });
  const double sc = std::accumulate(c.begin(), c.end(), 0.0, [](double s, const BoxRecord& x) { return s + x.handling_h; });
  EXPECT_NE(sa, sc);
}

}  // namespace
}  // namespace landbridge::corridor
