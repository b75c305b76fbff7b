#include "landbridge/route/equipment.h"

#include <gtest/gtest.h>

namespace landbridge::route {
namespace {

TEST(Equipment, IsoCodesAndNamesParseToTheSameBoxes) {
  const BoxType hc{ContainerUnit::feu, Equipment::high_cube};
  EXPECT_EQ(parse_box_type("45G1"), hc);
  EXPECT_EQ(parse_box_type("45g1"), hc);
  EXPECT_EQ(parse_box_type("40hc"), hc);
  EXPECT_EQ(parse_box_type("teu"), (BoxType{ContainerUnit::teu, Equipment::general}));
  EXPECT_EQ(parse_box_type("FEU"), (BoxType{ContainerUnit::feu, Equipment::general}));
  EXPECT_EQ(parse_box_type("reefer20"), (BoxType{ContainerUnit::teu, Equipment::reefer}));
  EXPECT_EQ(parse_box_type("45R1"), (BoxType{ContainerUnit::feu, Equipment::reefer}));
  EXPECT_FALSE(parse_box_type("20hc"));
  EXPECT_FALSE(parse_box_type("22G"));
  for (const char* code : {"22G1", "42G1", "45G1", "22R1", "45R1"}) EXPECT_EQ(iso_code(*parse_box_type(code)), code);
  EXPECT_EQ(iso_code(BoxType{ContainerUnit::teu, Equipment::high_cube}), "");  // no 20' high cube
  EXPECT_EQ(box_label(BoxType{ContainerUnit::teu, Equipment::general}), "TEU");
  EXPECT_EQ(box_label(hc), "45G1 (40' high cube)");
}

TEST(Equipment, TransportFactorsAndPlugCharges) {
  const EquipmentCharges c;  // 1.05, 1.5, 30 USD/day
  EXPECT_EQ(transport_price(usd(1000), Equipment::general, c), usd(1000));
  EXPECT_EQ(transport_price(usd(1000), Equipment::high_cube, c), usd(1050));
  EXPECT_EQ(transport_price(UsdCents(333), Equipment::reefer, c), UsdCents(500));  // 4.995 rounds up
  EXPECT_EQ(plug_charge(hours(12), Equipment::reefer, c), usd(15));
  EXPECT_EQ(plug_charge(days(2), Equipment::reefer, c), usd(60));
  EXPECT_EQ(plug_charge(days(2), Equipment::high_cube, c), usd(0));  // only reefers are plugged in
  EXPECT_EQ(plug_charge(Minutes(0), Equipment::reefer, c), usd(0));
  EquipmentCharges mine;
  mine.plug_per_day = usd(48);
  EXPECT_EQ(plug_charge(Minutes(30), Equipment::reefer, mine), usd(1));
}

}  // namespace
}  // namespace landbridge::route
