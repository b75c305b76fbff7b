// Ranks: which process of an MPI job this is (0 of 1 outside one).
#include "landbridge/ensemble/tasks.h"

namespace landbridge::ensemble {

namespace {
Ranks& the_ranks() {
  static Ranks ranks;
  return ranks;
}
}  // namespace

Ranks& Ranks::init(int& /*argc*/, char**& /*argv*/) { return the_ranks(); }

Ranks& Ranks::get() { return the_ranks(); }

}  // namespace landbridge::ensemble
