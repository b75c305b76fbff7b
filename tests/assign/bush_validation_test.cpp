// Chicago-Sketch by the bush solver to a relative gap of 1e-12 (about 5 s in Release, several
// times that under ASan: its own binary, ctest label `slow`).
#include "tntp_cases.h"

namespace landbridge::assign {
namespace {

using namespace tntp_cases;

// README: best-known objective 17313018.7387477 with toll 0.02 and distance 0.04 minutes per
// cent and per mile (the reader applies them by the network's name), average excess 2.1e-13.
TEST(BushValidation, ChicagoSketchToAGapOf1e12MatchesTheBestKnownSolution) {
  const Case cs = load("Chicago-Sketch");
  const Result r = solve(cs.net, cs.demand, {.method = Method::bush, .target_gap = 1e-12});
  ASSERT_TRUE(r.converged) << r.relative_gap;
  EXPECT_GE(digits(r.objective, 17313018.7387477), 11.0) << r.objective;
  EXPECT_EQ(flows_outside(r, cs, 1e-6), 0);
  EXPECT_LT(r.average_excess_cost, 1e-10);

  // Bi-conjugate Frank-Wolfe at the gap it reaches in a second or two: its objective lies above
  // the optimum by at most its own TSTT - SPTT, and no lower than bush's.
  const Result bfw = solve(cs.net, cs.demand, {.method = Method::biconjugate_fw, .target_gap = 1e-4});
  ASSERT_TRUE(bfw.converged);
  EXPECT_LE(r.objective, bfw.objective * (1 + 1e-12));
  EXPECT_LE(bfw.objective - r.objective, bfw.tstt - bfw.sptt);
}

}  // namespace
}  // namespace landbridge::assign
