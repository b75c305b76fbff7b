// The story told in docs/simulation.md, run: a feeder from Hakata discharges at
// Lianyungang, block trains wait for 55 FEU (or their departure time), wait for the crane,
// load and depart.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "landbridge/sim/resource.h"
#include "landbridge/sim/simulation.h"
#include "landbridge/sim/store.h"
#include "trace.h"

namespace landbridge::sim {
namespace {

using testing::Trace;

struct Box {
  int id;
};

struct Terminal {
  Simulation& sim;
  Resource crane;   // one gantry crane for ships and trains
  Store<Box> yard;  // boxes waiting for a train
  Trace log;
};

Process feeder(Terminal& t, double arrival, int feu) {
  co_await t.sim.until(arrival);
  t.log.log(t.sim, "feeder from Hakata berths with " + std::to_string(feu) + " FEU");
  ResourceGuard crane = co_await t.crane.request();
  for (int i = 0; i < feu; ++i) {
    co_await t.sim.timeout(1.5 * kMinute);  // one move
    co_await t.yard.put(Box{i});
  }
  t.log.log(t.sim, "feeder discharged, sails");
}

Process block_train(Terminal& t, std::string name, double departure) {
  // Consolidation: 55 FEU, or whatever is in the yard at the scheduled departure.
  std::vector<Box> boxes = co_await t.yard.get_batch_until(55, departure);
  const int feu = static_cast<int>(boxes.size());
  t.log.log(t.sim, name + " has " + std::to_string(feu) + " FEU");
  ResourceGuard crane = co_await t.crane.request();  // wait for the crane
  t.log.log(t.sim, name + " gets the crane");
  co_await t.sim.timeout(feu * 2 * kMinute);  // load
  crane.release();
  t.log.log(t.sim, name + " departs with " + std::to_string(feu) + " FEU");
}

TEST(Example, FeederAndBlockTrainsAtLianyungang) {
  Simulation sim;
  Terminal t{sim, Resource(sim, 1), Store<Box>(sim, 200), {}};
  sim.spawn(feeder(t, 6 * kHour, 80));
  sim.spawn(block_train(t, "train 1", 12 * kHour));
  sim.spawn(block_train(t, "train 2", 24 * kHour));
  sim.run();
  // The 55th box lands at 6h + 55 x 1.5 min = 7h22m; the crane is busy with the feeder
  // until 8h; loading 55 FEU takes 110 min. Train 2 leaves with the other 25 at 24h.
  EXPECT_EQ(t.log.text,
            "  6.0h feeder from Hakata berths with 80 FEU\n"
            "  7.4h train 1 has 55 FEU\n"
            "  8.0h feeder discharged, sails\n"
            "  8.0h train 1 gets the crane\n"
            "  9.8h train 1 departs with 55 FEU\n"
            " 24.0h train 2 has 25 FEU\n"
            " 24.0h train 2 gets the crane\n"
            " 24.8h train 2 departs with 25 FEU\n");
}

}  // namespace
}  // namespace landbridge::sim
