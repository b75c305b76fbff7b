// Small readable networks shared by the route tests.
#pragma once

namespace landbridge::route::testing {

// A toy Eurasian land bridge (figures are round test values, not data):
//
//            feeder               rail 1435                    1435  KZHOR  1520
//   JPHKT ----------> CNLYG ----------> CNXIA ------> CNURC ------> [gauge] ------> KZALA
//     |                  \------ direct 1435 ------/      \------> [gauge] ------/   |
//     |                                                        KZDOS                 | 1520
//     | deep sea via suez (or the Cape loop)                                         v
//     +----------------------------> NLRTM --rail 1435--> DEDUI <--1435-- [gauge] PLMAL
//
// Corridors JPHKT -> DEDUI: sea–rail via Khorgos, sea–rail via Dostyk (each with the Xi'an
// or the direct China section: a node swap, same corridor), all-sea via Suez then rail,
// and the Cape loop then rail.
inline constexpr const char* kCorridorNet = R"(
  mass 10
  factor feeder   16 13
  factor deep_sea  8  7
  factor rail     20 15
  node JPHKT Hakata
  node CNLYG Lianyungang
  node CNXIA Xian
  node CNURC Urumqi
  node KZHOR Khorgos
  node KZDOS Dostyk
  node KZALA Almaty
  node PLMAL Malaszewicze
  node NLRTM Rotterdam
  node DEDUI Duisburg
  link hkt-lyg   JPHKT CNLYG feeder    1000km  40h 400usd  feu=600usd
  link lyg-xia   CNLYG CNXIA rail:1435 1100km  30h 600usd
  link xia-urc   CNXIA CNURC rail:1435 2500km  60h 900usd
  link lyg-urc   CNLYG CNURC rail:1435 3500km  92h 1400usd
  link urc-hor   CNURC KZHOR rail:1435  670km  15h 300usd
  link urc-dos   CNURC KZDOS rail:1435  480km  14h 280usd
  link hor-ala   KZHOR KZALA rail:1520  350km   8h 200usd
  link dos-ala   KZDOS KZALA rail:1520  800km  20h 400usd
  link ala-mal   KZALA PLMAL rail:1520 5000km 140h 2000usd
  link mal-dui   PLMAL DEDUI rail:1435 1000km  24h 600usd
  link hkt-rtm   JPHKT NLRTM deep_sea 21000km 32d 2200usd feu=3000usd via=malacca+babalmandab+suez
  link hkt-rtm-c JPHKT NLRTM deep_sea 27000km 40d 2600usd feu=3500usd via=malacca+cape
  link rtm-dui   NLRTM DEDUI rail:1435  230km  10h 350usd
  op JPHKT handling start sea 12h 100usd hub=2
  op CNLYG handling sea rail 10h 150usd hub=3
  op CNLYG dwell    sea rail 48h   0usd
  op KZHOR gauge_change rail:1435 rail:1520 5h 329usd hub=1.5
  op KZHOR border * * 24h 50usd
  op KZDOS gauge_change rail:1435 rail:1520 8h 300usd hub=1.5
  op KZDOS border * * 48h 50usd
  op PLMAL gauge_change rail:1520 rail:1435 12h 400usd hub=1.5
  op PLMAL border * * 36h 80usd
  op NLRTM handling sea rail 8h 200usd hub=3
  op DEDUI handling rail end 4h 120usd hub=2
)";

}  // namespace landbridge::route::testing
