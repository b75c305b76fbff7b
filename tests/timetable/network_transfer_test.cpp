// Transfer rules taken from a network's node operations.
#include <gtest/gtest.h>

#include "landbridge/model/network.h"
#include "../support/border_network.h"
#include "landbridge/timetable/raptor.h"
#include "landbridge/timetable/text_format.h"

namespace landbridge::timetable {
namespace {

using landbridge::testing_support::border_network;  // ../support/border_network.h

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
