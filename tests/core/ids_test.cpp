#include "landbridge/core/ids.h"

#include <gtest/gtest.h>

#include <type_traits>

namespace landbridge {
namespace {

template <class V, class K>
concept Indexable = requires(V v, K k) { v[k]; };

TEST(Ids, DistinctTypes) {
  static_assert(!std::is_convertible_v<NodeId, LinkId>);
  static_assert(!std::is_convertible_v<std::uint32_t, NodeId>);
  static_assert(sizeof(NodeId) == 4);
  NodeId n;
  EXPECT_FALSE(n.valid());
  EXPECT_TRUE(NodeId(3).valid());
}

TEST(Ids, IdVectorKeyedByItsId) {
  IdVector<NodeId, int> v;
  NodeId a = v.push_back(10);
  NodeId b = v.push_back(20);
  EXPECT_EQ(a.get(), 0u);
  EXPECT_EQ(v[b], 20);
  static_assert(!Indexable<IdVector<NodeId, int>, LinkId>, "a NodeId vector must reject a LinkId");
  static_assert(Indexable<IdVector<NodeId, int>, NodeId>);
  int sum = 0;
  for (NodeId k : v.keys()) sum += v[k];
  EXPECT_EQ(sum, 30);
}

TEST(Ids, CsrKeepsRowsAndOrder) {
  std::vector<std::pair<NodeId, int>> items = {{NodeId(2), 5}, {NodeId(0), 1}, {NodeId(2), 6}, {NodeId(0), 2}};
  auto c = Csr<NodeId, int>::build(3, items);
  ASSERT_EQ(c.rows(), 3u);
  std::vector<int> r0(c[NodeId(0)].begin(), c[NodeId(0)].end());
  std::vector<int> r2(c[NodeId(2)].begin(), c[NodeId(2)].end());
  EXPECT_EQ(r0, (std::vector<int>{1, 2}));
  EXPECT_TRUE(c[NodeId(1)].empty());
  EXPECT_EQ(r2, (std::vector<int>{5, 6}));
}

}  // namespace
}  // namespace landbridge
