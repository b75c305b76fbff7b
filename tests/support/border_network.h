// A tiny two-gauge border network shared by the tests of several layers:
//   A --rail:1435--> B --rail:1520--> C
// with, at B, a gauge change (5 h, $329/TEU, 1.5 kg CO2e/t), a border for everything passing
// (24 h, $50/TEU) and a 10 h / $20 border for boxes that arrive by rail and end there.
#pragma once

#include "landbridge/model/network.h"

namespace landbridge::testing_support {

inline Network border_network() {
  NetworkBuilder b;
  auto f = b.add_emission_factor({.id = "rail", .mode = Mode::rail, .wtw = GramsPerTonneKm(20.0)});
  auto a = b.add_node({.code = "CNAAA", .name = "A"});
  auto bb = b.add_node({.code = "KZBBB", .name = "B"});
  auto c = b.add_node({.code = "KZCCC", .name = "C"});
  b.add_link({.id = "ab", .from = a, .to = bb, .carriage = {Mode::rail, Gauge::g1435},
              .distance = Kilometres(100.0), .duration = hours(2), .cost_teu = usd(100), .factor = f});
  b.add_link({.id = "bc", .from = bb, .to = c, .carriage = {Mode::rail, Gauge::g1520},
              .distance = Kilometres(300.0), .duration = hours(6), .cost_teu = usd(300), .factor = f});
  b.add_operation({.node = bb, .kind = OperationKind::gauge_change,
                   .arrive = *parse_carriage_pattern("rail:1435", true),
                   .depart = *parse_carriage_pattern("rail:1520", false),
                   .duration = Estimate<Minutes>::exact(hours(5)), .cost_teu = Estimate<UsdCents>::exact(usd(329)),
                   .hub_kg_co2e_per_t = 1.5});
  b.add_operation({.node = bb, .kind = OperationKind::border,
                   .arrive = *parse_carriage_pattern("*", true),
                   .depart = *parse_carriage_pattern("*", false),
                   .duration = Estimate<Minutes>::exact(hours(24)), .cost_teu = Estimate<UsdCents>::exact(usd(50))});
  b.add_operation({.node = bb, .kind = OperationKind::border,
                   .arrive = *parse_carriage_pattern("rail", true),
                   .depart = *parse_carriage_pattern("end", false),
                   .duration = Estimate<Minutes>::exact(hours(10)), .cost_teu = Estimate<UsdCents>::exact(usd(20))});
  return b.build();
}

}  // namespace landbridge::testing_support
