// Freight assignment on a network small enough to solve by hand: two corridors between an
// origin and a destination, each with a linear cost (BPR with beta = 1).
//
//   sea   AAORI -> AADST  200 h, 1,000 USD, capacity 2,000 TEU/week
//   rail  AAORI -> AAVIA  40 h, 1,600 USD, capacity C TEU/week;  AAVIA -> AADST  10 h, 0 USD
//
// With a value of time of 2 USD per TEU-hour and alpha = 1:
//   c_sea(v)  = 1000 + 400 (1 + v / 2000)        = 1400 + 0.2 v
//   c_rail(v) = 1600 + 80 (1 + v / C) + 20       = 1700 + (80 / C) v
// Demand 2,000 TEU/week. C = 500: equal costs at v_sea = 620 / 0.36 = 1722.2, v_rail = 277.8,
// no capacity binds. C = 50: unconstrained v_rail would be 55.6 > 50, so the rail capacity
// binds: v_rail = 50, v_sea = 1950, c_sea = 1790, c_rail = 1780: the multiplier is 10 USD/TEU.
#include <gtest/gtest.h>

#include "landbridge/freight/assignment.h"
#include "landbridge/freight/report.h"

namespace landbridge::freight {
namespace {

LoadedNetwork two_corridors(double rail_capacity_week) {
  NetworkBuilder b;
  b.name("two-corridors");
  const auto ef = b.add_emission_factor({"ef", Mode::rail, "any", GramsPerTonneKm{10}, GramsPerTonneKm{10}, {}, ""});
  const auto node = [&](const char* code, double lon) {
    NodeInfo n;
    n.code = code;
    n.name = code;
    n.country = "AA";
    n.pos = {40.0, lon};
    return b.add_node(n);
  };
  const NodeId o = node("AAORI", 10), v = node("AAVIA", 20), d = node("AADST", 30);
  const auto link = [&](const char* id, NodeId from, NodeId to, Carriage c, double hours, double usd_teu, double cap_week) {
    LinkSpec l;
    l.id = id;
    l.from = from;
    l.to = to;
    l.carriage = c;
    l.distance = Kilometres{1000};
    l.duration = Minutes{static_cast<std::int32_t>(hours * 60)};
    l.cost_teu = usd(usd_teu);
    l.cost_feu = usd(usd_teu * 2);
    l.factor = ef;
    l.info.capacity_teu_per_day = cap_week / 7;
    b.add_link(l);
  };
  link("sea", o, d, {Mode::deep_sea, Gauge::none}, 200, 1000, 2000);
  link("rail-1", o, v, {Mode::rail, Gauge::g1435}, 40, 1600, rail_capacity_week);
  link("rail-2", v, d, {Mode::rail, Gauge::g1435}, 10, 0, 0);
  LoadedNetwork pkg;
  pkg.network = b.build();
  return pkg;
}

struct Solved {
  FreightGraph g;
  FreightResult r;
  double sea = 0, rail = 0, rail_multiplier = 0, sea_multiplier = 0;
};

Solved solve(double rail_capacity_week) {
  const LoadedNetwork pkg = two_corridors(rail_capacity_week);
  const Network& net = pkg.network;
  const std::vector<OdDemand> demand = {{*net.find_node("AAORI"), *net.find_node("AADST"), 2000, 2, io::Commodity::general, 2}};
  Settings s;
  s.vot["general"] = 2;
  s.bpr_alpha = 1;
  s.bpr_beta = 1;
  Solved out;
  out.g = build_graph(pkg, {}, demand, s);
  AssignOptions opt;
  opt.method = assign::Method::frank_wolfe;
  opt.target_gap = 1e-10;
  opt.tolerance = 1e-3;
  opt.max_outer = 200;
  out.r = assign_freight(pkg, out.g, demand, opt);
  const std::size_t sea = out.g.link_arc[net.find_link("sea")->get()];
  const std::size_t rail = out.g.link_arc[net.find_link("rail-1")->get()];
  out.sea = out.r.flow[sea];
  out.rail = out.r.flow[rail];
  out.sea_multiplier = out.r.multiplier[sea];
  out.rail_multiplier = out.r.multiplier[rail];
  return out;
}

TEST(FreightEquilibrium, TwoLinearCorridorsSplitAsComputedByHand) {
  const Solved s = solve(500);
  EXPECT_TRUE(s.r.converged);
  EXPECT_NEAR(s.sea, 620.0 / 0.36, 0.05);
  EXPECT_NEAR(s.rail, 2000 - 620.0 / 0.36, 0.05);
  // Equal generalized costs on both corridors (Wardrop), and no multiplier anywhere.
  EXPECT_NEAR(1400 + 0.2 * s.sea, 1700 + 0.16 * s.rail, 0.05);
  EXPECT_EQ(s.rail_multiplier, 0);
  EXPECT_EQ(s.sea_multiplier, 0);
  ASSERT_EQ(s.r.ods.size(), 1u);
  ASSERT_EQ(s.r.ods[0].corridors.size(), 2u);
  EXPECT_EQ(s.r.ods[0].corridors[0].corridor, "Sea (other)");
  EXPECT_NEAR(s.r.ods[0].corridors[0].share, (620.0 / 0.36) / 2000, 1e-4);
  EXPECT_EQ(s.r.ods[0].corridors[1].corridor, "Land (other)");
  EXPECT_NEAR(s.r.ods[0].cost, 1400 + 0.2 * 620.0 / 0.36, 0.05);
}

TEST(FreightEquilibrium, BindingCapacityGetsItsShadowPriceAndAFreeOneNone) {
  const Solved s = solve(50);
  EXPECT_TRUE(s.r.converged);
  EXPECT_NEAR(s.rail, 50, 0.05);
  EXPECT_NEAR(s.sea, 1950, 0.05);
  EXPECT_NEAR(s.rail_multiplier, 10, 0.5);  // c_sea(1950) - c_rail(50) = 1790 - 1780
  EXPECT_EQ(s.sea_multiplier, 0);           // 1,950 of 2,000: not binding
  const LoadedNetwork pkg = two_corridors(50);
  const auto bind = binding_capacities(pkg, s.g, s.r);
  ASSERT_EQ(bind.size(), 1u);
  EXPECT_EQ(bind[0].name, "link rail-1");
}

TEST(FreightEquilibrium, SettingsChangeCapacities) {
  const LoadedNetwork pkg = two_corridors(500);
  const Network& net = pkg.network;
  const std::vector<OdDemand> demand = {{*net.find_node("AAORI"), *net.find_node("AADST"), 2000, 2, io::Commodity::general, 2}};
  Settings s;
  apply_setting(s, "link.rail-1.train_paths_per_day = 2", "test");
  const FreightGraph g = build_graph(pkg, {}, demand, s);
  const FreightArc& rail = g.arcs[g.link_arc[net.find_link("rail-1")->get()]];
  EXPECT_DOUBLE_EQ(rail.capacity, 2 * s.train_teu * 7);
  EXPECT_EQ(rail.capacity_kind, CapacityKind::hard);
  Settings bad;
  apply_setting(bad, "node.XXNOP.cranes = 2", "test");
  EXPECT_THROW(build_graph(pkg, {}, demand, bad), RequestError);  // no such node
  Settings no_ops;
  apply_setting(no_ops, "node.AAVIA.cranes = 2", "test");
  EXPECT_THROW(build_graph(pkg, {}, demand, no_ops), RequestError);  // nothing to bind there
}

TEST(FreightEquilibrium, DemandWithoutARouteNamesItsEndsAndLine) {
  const LoadedNetwork pkg = two_corridors(500);
  const Network& net = pkg.network;
  // The links run one way only: nothing goes back from AADST to AAORI.
  const std::vector<OdDemand> demand = {{*net.find_node("AADST"), *net.find_node("AAORI"), 10, 2, io::Commodity::general, 7}};
  const FreightGraph g = build_graph(pkg, {}, demand, Settings{});
  try {
    assign_freight(pkg, g, demand, AssignOptions{});
    FAIL() << "expected a RequestError";
  } catch (const RequestError& e) {
    EXPECT_NE(std::string(e.what()).find("from AADST to AAORI (demand line 7)"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace landbridge::freight
