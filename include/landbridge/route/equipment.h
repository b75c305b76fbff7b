// Container equipment: 20' and 40' general-purpose boxes, the 40' high cube and reefers, named
// by their ISO 6346 size-type codes, and what each costs on top of the TEU / FEU prices of a
// network package.
//
//   code  box                       priced on  transport prices     at nodes
//   22G1  20' general purpose       TEU        × 1                  operations
//   42G1  40' general purpose       FEU        × 1                  operations
//   45G1  40' high cube (9'6")      FEU        × high_cube factor   operations
//   22R1  20' reefer                TEU        × reefer factor      operations + plug-in per day
//   45R1  40' high-cube reefer      FEU        × reefer factor      operations + plug-in per day
//
// Transport prices are those of links, service rides (fares by segment) and untimed links; the
// factor multiplies each price before it is summed (rounded to the cent per link or per
// service), so a cheaper corridor for a dry box may not be the cheaper one for a reefer only
// through the plug-in charge. Node operations (terminal handling, gauge change, border) cost
// what the package states for a TEU / FEU whatever the equipment. A reefer must be plugged in
// while it is at a node: every node step (handling, gauge change, border, dwell, and on
// timetables the wait for a departure) adds plug_per_day × its duration in days, per box. On
// board it runs on the vessel's or the train's power (its price is in the reefer factor).
// The default figures are stated assumptions (docs/network-package.md, "Equipment").
// Cargo mass per box (emissions) follows the size: a 40' box of any type carries the FEU mass.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "landbridge/core/units.h"
#include "landbridge/model/container_unit.h"

namespace landbridge::route {

enum class Equipment : std::uint8_t { general, high_cube, reefer };

// Prices that depend on the equipment, per box. Defaults: assumptions AM-1..AM-3.
struct EquipmentCharges {
  double high_cube_factor = 1.05;  // AM-1: 40' high cube transport price = 40' price × 1.05
  double reefer_factor = 1.5;      // AM-2: reefer transport price = dry price × 1.5
  UsdCents plug_per_day = usd(30); // AM-3: reefer plug-in at nodes, per box and day
};

// A box type: its size (the price and mass basis) and its kind.
struct BoxType {
  ContainerUnit unit = ContainerUnit::teu;
  Equipment equipment = Equipment::general;
  friend bool operator==(const BoxType&, const BoxType&) = default;
};

// ISO 6346 size-type code: "22G1", "42G1", "45G1", "22R1", "45R1"; "" for a combination the
// engine does not know (a 20' high cube).
std::string_view iso_code(BoxType b);
// "20' general purpose", "40' high cube", "40' reefer", ...
std::string_view describe(BoxType b);
// Accepts the ISO codes above (any case) and the names teu, feu, 20, 40, 20gp, 40gp, 40hc, hc,
// reefer20, reefer40, 20rf, 40rf (any case).
std::optional<BoxType> parse_box_type(std::string_view s);

// How a heading names the box: "TEU" / "FEU" for general-purpose boxes (as before), else the
// code with its description, "45G1 (40' high cube)".
std::string box_label(BoxType b);

// Multiplier of transport prices for the equipment.
double transport_factor(Equipment e, const EquipmentCharges& c);
// A transport price for one box scaled by the equipment's factor, rounded to the cent.
UsdCents transport_price(UsdCents dry, Equipment e, const EquipmentCharges& c);
// Plug-in charge for one box that spends `at_node` at a node: 0 for non-reefers.
UsdCents plug_charge(Minutes at_node, Equipment e, const EquipmentCharges& c);

}  // namespace landbridge::route
