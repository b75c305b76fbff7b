#include "landbridge/emissions/emissions.h"

#include <gtest/gtest.h>

namespace landbridge::emissions {
namespace {

EmissionFactor rail_factor() {
  return {.id = "rail-electric", .mode = Mode::rail, .wtw = GramsPerTonneKm(20.5), .ttw = GramsPerTonneKm(15.0)};
}

TEST(Emissions, LegIsMassTimesDistanceTimesIntensity) {
  // 10 t × 1,000 km × 20.5 g/tkm = 205,000 g WTW; × 15.0 g/tkm = 150,000 g TTW.
  const Co2e c = leg(Tonnes(10.0), Kilometres(1000.0), rail_factor());
  EXPECT_EQ(c.wtw, GramsCo2e(205'000));
  EXPECT_EQ(c.ttw, GramsCo2e(150'000));
}

TEST(Emissions, LegRoundsToWholeGrams) {
  // 10 t × 333.3 km × 7.77 g/tkm = 25,897.41 g -> 25,897; TTW 10 × 333.3 × 0.05 = 166.65 -> 167.
  const EmissionFactor f{.id = "x", .mode = Mode::feeder, .wtw = GramsPerTonneKm(7.77), .ttw = GramsPerTonneKm(0.05)};
  const Co2e c = leg(Tonnes(10.0), Kilometres(333.3), f);
  EXPECT_EQ(c.wtw, GramsCo2e(25'897));
  EXPECT_EQ(c.ttw, GramsCo2e(167));
}

TEST(Emissions, HubIsMassTimesHubIntensityAndWellToWheelOnly) {
  // 20 t × 1.2 kg/t = 24 kg.
  const Co2e h = hub(Tonnes(20.0), 1.2);
  EXPECT_EQ(h.wtw, GramsCo2e(24'000));
  EXPECT_EQ(h.ttw, GramsCo2e(0));
}

TEST(Emissions, ChainSumsLegsAndHubsSeparately) {
  // feeder 10 t × 1,000 km × 16 = 160 kg (TTW 13 -> 130 kg), hub 10 t × 3 kg/t = 30 kg,
  // rail 10 t × 4,000 km × 20.5 = 820 kg (TTW 15 -> 600 kg).
  const EmissionFactor feeder{.id = "f", .mode = Mode::feeder, .wtw = GramsPerTonneKm(16.0), .ttw = GramsPerTonneKm(13.0)};
  Chain ch;
  ch.add_leg(leg(Tonnes(10.0), Kilometres(1000.0), feeder))
      .add_hub(hub(Tonnes(10.0), 3.0))
      .add_leg(leg(Tonnes(10.0), Kilometres(4000.0), rail_factor()));
  EXPECT_EQ(ch.transport().wtw, GramsCo2e(980'000));
  EXPECT_EQ(ch.transport().ttw, GramsCo2e(730'000));
  EXPECT_EQ(ch.hubs().wtw, GramsCo2e(30'000));
  EXPECT_EQ(ch.total().wtw, GramsCo2e(1'010'000));
  EXPECT_EQ(ch.total().ttw, GramsCo2e(730'000));
}

TEST(Emissions, MassPerBoxFromNetworkAndFeuRatio) {
  NetworkBuilder b;
  b.mass_per_teu(Tonnes(12.5));
  const Network net = b.build();
  const MassModel m = MassModel::of(net);
  EXPECT_DOUBLE_EQ(m.per_box(ContainerUnit::teu).value(), 12.5);
  EXPECT_DOUBLE_EQ(m.per_box(ContainerUnit::feu).value(), 25.0);
  EXPECT_DOUBLE_EQ(MassModel::of(net, 1.6).per_box(ContainerUnit::feu).value(), 20.0);
  EXPECT_DOUBLE_EQ(m.of(Shipment{ContainerUnit::feu, 3}).value(), 75.0);
  // The default network mass is 10 t per TEU.
  EXPECT_DOUBLE_EQ(MassModel::of(NetworkBuilder{}.build()).per_teu.value(), 10.0);
}

TEST(Emissions, ShipmentScalesExactlyWithCount) {
  const Co2e one = leg(Tonnes(20.0), Kilometres(777.7), rail_factor());
  EXPECT_EQ((one * 7).wtw, GramsCo2e(one.wtw.value() * 7));
  EXPECT_EQ((one * 7).ttw, GramsCo2e(one.ttw.value() * 7));
}

TEST(Emissions, UnitNames) {
  EXPECT_EQ(parse_container_unit("feu"), ContainerUnit::feu);
  EXPECT_EQ(parse_container_unit("TEU"), ContainerUnit::teu);
  EXPECT_FALSE(parse_container_unit("box").has_value());
  EXPECT_EQ(to_string(ContainerUnit::feu), "FEU");
}

}  // namespace
}  // namespace landbridge::emissions
