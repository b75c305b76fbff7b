// Transfer rules taken from a network's node operations.
#include <gtest/gtest.h>

#include "landbridge/model/network.h"
#include "landbridge/timetable/raptor.h"
#include "landbridge/timetable/text_format.h"

namespace landbridge::timetable {
namespace {

// A --rail:1435--> B --rail:1520--> C with a gauge change (5 h, $329/TEU, 1.5 kg/t) and a
// border (24 h, $50/TEU) at B, and a 10 h border for boxes that end their journey at B.
Network border_network() {
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

TEST(NetworkTransfers, NodeOperationsGovernHandling) {
  const Network net = border_network();
  // Stops listed in the network's node order so that the text's NodeIds are the network's.
  TimetableText text = parse_timetable_text(R"(
horizon 2026-11-30 10d
stops CNAAA KZBBB KZCCC
factor rail 0
service T1 rail:1435 days=daily at=00:00 teu=100 factor=rail
  CNAAA
  KZBBB arr=2h km=100
service T2 rail:1520 days=daily at=12:00 teu=300 factor=rail
  KZBBB
  KZCCC arr=6h km=300
)");
  text.spec.transfer = transfers_from_network(net);
  text.spec.intensity = intensities_from_network(net);
  const Timetable tt = Timetable::build(text.spec);
  const NodeId a = *net.find_node("CNAAA"), b = *net.find_node("KZBBB"), c = *net.find_node("KZCCC");
  const std::uint8_t r1435 = Carriage{Mode::rail, Gauge::g1435}.code();
  const std::uint8_t r1520 = Carriage{Mode::rail, Gauge::g1520}.code();
  const Transfer& through = net.transfer(b, r1435, r1520);
  const Transfer& ending = net.transfer(b, r1435, kCarriageEnd);

  Raptor raptor(tt);
  Query q;
  q.origin = a;
  q.ready = *parse_iso8601("2026-12-01T00:00Z");
  q.cargo = Cargo{.teu = 1, .feu = 0};
  raptor.run(q);  // one-to-all
  // At B: arrive 02:00, hand over after the "rail -> end" border only.
  EXPECT_EQ(raptor.arrival(b), *parse_iso8601("2026-12-01T02:00Z"));
  EXPECT_EQ(raptor.delivered(b), *parse_iso8601("2026-12-01T02:00Z") + ending.duration);
  // To C: gauge change and border at B (29 h, ready 2 Dec 07:00), then the 12:00 train.
  const auto j = raptor.journey_to(c);
  ASSERT_TRUE(j);
  EXPECT_EQ(j->arrival, *parse_iso8601("2026-12-02T18:00Z"));
  const Step* handling = nullptr;
  for (const Step& s : j->steps)
    if (s.kind == StepKind::handling && s.from == b) handling = &s;
  ASSERT_NE(handling, nullptr) << format_journey(tt, *j);
  EXPECT_EQ(handling->end - handling->start, through.duration);
  EXPECT_EQ(handling->cost, through.cost_teu);
  EXPECT_EQ(handling->co2e, GramsCo2e(15000));  // 1.5 kg/t × 10 t
  EXPECT_TRUE(handling->transshipment);
  // Rides: 10 t × (100 + 300) km × 20 g/tkm = 80 kg; $100 + $300 + $379 handling.
  EXPECT_EQ(j->co2e, GramsCo2e(80000 + 15000));
  EXPECT_EQ(j->cost, usd(400) + through.cost_teu);
}

}  // namespace
}  // namespace landbridge::timetable
