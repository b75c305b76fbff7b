// Queries reuse the router's state: after construction, route() without geometry and
// one_to_all() allocate nothing. Checked by counting calls of the global operator new, which
// this test binary replaces.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <new>

#include "landbridge/sea/maritime_graph.h"
#include "sea_test_util.h"

namespace {
std::atomic<long> g_allocations{0};
}  // namespace

void* operator new(std::size_t n) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(n == 0 ? 1 : n)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t n) { return ::operator new(n); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
// The nothrow forms too (std::stable_sort's buffer): left to the sanitizer's allocator, they
// would be freed by the free() above, which AddressSanitizer reports as a mismatch.
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
  try {
    return ::operator new(n);
  } catch (const std::bad_alloc&) {
    return nullptr;
  }
}
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { return ::operator new(n, std::nothrow); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }

namespace landbridge::sea {
namespace {

TEST(SeaRouterAllocation, QueriesAllocateNothing) {
  const MaritimeGraph& g = test::builtin_marnet();
  SeaRouter r(g);
  const auto np = static_cast<std::uint32_t>(g.port_count());
  std::vector<Kilometres> row(np);
  test::SplitMix64 rng{99};
  const long before = g_allocations.load();
  double sum = 0.0;
  for (int k = 0; k < 300; ++k) {
    const PassageSet closed = k % 3 == 0 ? passage_bit(Passage::suez) | passage_bit(Passage::panama) : 0;
    const auto p = r.route(PortId(rng.below(np)), PortId(rng.below(np)), closed);
    sum += p ? p->distance.value() : 0.0;
  }
  for (int k = 0; k < 5; ++k) {
    r.one_to_all(PortId(rng.below(np)), k % 2 == 0 ? 0 : passage_bit(Passage::malacca), row);
    sum += row[0].value();
  }
  EXPECT_EQ(g_allocations.load(), before);
  EXPECT_GT(sum, 0.0);
  // The geometry, when asked for, is the caller's vector: that one allocates.
  const auto with = r.route(PortId(0), PortId(1), 0, true);
  ASSERT_TRUE(with);
  EXPECT_GT(g_allocations.load(), before);
}

}  // namespace
}  // namespace landbridge::sea
