#include "landbridge/model/network.h"

#include <gtest/gtest.h>

#include "../support/border_network.h"

namespace landbridge {
namespace {

using testing_support::border_network;

TEST(Network, CsrAdjacency) {
  Network n = border_network();
  auto b = *n.find_node("KZBBB");
  ASSERT_EQ(n.out_links(b).size(), 1u);
  ASSERT_EQ(n.in_links(b).size(), 1u);
  EXPECT_EQ(n.link_info(*n.out_links(b).begin()).id, "bc");
  EXPECT_FALSE(n.find_node("XXXXX").has_value());
}

TEST(Network, TransferCombinesMostSpecificOperationPerKind) {
  Network n = border_network();
  auto b = *n.find_node("KZBBB");
  const auto r1435 = Carriage{Mode::rail, Gauge::g1435}.code();
  const auto r1520 = Carriage{Mode::rail, Gauge::g1520}.code();
  const Transfer& through = n.transfer(b, r1435, r1520);
  EXPECT_EQ(through.duration, hours(29));  // gauge change 5 h + border 24 h
  EXPECT_EQ(through.cost_teu, usd(379));
  EXPECT_TRUE(through.transshipment);
  EXPECT_EQ(n.transfer_ops(through).size(), 2u);
  // Ending at B: the specific "rail -> end" border op beats the "* -> *" one; no gauge change.
  const Transfer& ending = n.transfer(b, r1435, kCarriageEnd);
  EXPECT_EQ(ending.duration, hours(10));
  EXPECT_FALSE(ending.transshipment);
}

// A tie between two less specific operations is no ambiguity when a more specific one wins,
// whatever the row order.
TEST(Network, AmbiguityOnlyForTiesAtTheWinningSpecificity) {
  auto op = [](const char* a, const char* d) {
    OperationInfo o;
    o.kind = OperationKind::border;
    o.arrive = *parse_carriage_pattern(a, true);
    o.depart = *parse_carriage_pattern(d, false);
    return o;
  };
  const auto r1520 = Carriage{Mode::rail, Gauge::g1520}.code();
  const OperationInfo any_rail = op("*", "rail"), rail_any = op("rail", "*"), exact = op("rail:1520", "rail:1520");
  for (const auto& order : std::vector<std::vector<const OperationInfo*>>{
           {&any_rail, &rail_any, &exact}, {&exact, &any_rail, &rail_any}, {&any_rail, &exact, &rail_any}}) {
    std::optional<OperationKind> amb;
    auto m = match_operations(order, r1520, r1520, &amb);
    ASSERT_EQ(m.size(), 1u);
    EXPECT_EQ(order[m[0]], &exact);
    EXPECT_FALSE(amb.has_value());
  }
  std::optional<OperationKind> amb;
  std::vector<const OperationInfo*> tie{&any_rail, &rail_any};
  match_operations(tie, r1520, r1520, &amb);
  EXPECT_EQ(amb, OperationKind::border);
}

TEST(Network, BuilderRejectsStructuralMistakes) {
  NetworkBuilder b;
  auto f = b.add_emission_factor({.id = "rail", .mode = Mode::rail});
  auto a = b.add_node({.code = "CNAAA"});
  EXPECT_THROW(b.add_node({.code = "CNAAA"}), Error);
  EXPECT_THROW(b.add_link({.id = "x", .from = a, .to = NodeId(7), .carriage = {Mode::rail, Gauge::g1435},
                           .factor = f}),
               Error);
  auto c = b.add_node({.code = "CNCCC"});
  EXPECT_THROW(b.add_link({.id = "y", .from = a, .to = c, .carriage = {Mode::rail, Gauge::none}, .factor = f}),
               Error);
}

}  // namespace
}  // namespace landbridge
