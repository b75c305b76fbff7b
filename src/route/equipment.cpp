#include "landbridge/route/equipment.h"

#include <array>
#include <cctype>
#include <cmath>
#include <string>

namespace landbridge::route {
namespace {

struct Known {
  BoxType box;
  std::string_view code, text;
};
constexpr std::array<Known, 5> kKnown{{
    {{ContainerUnit::teu, Equipment::general}, "22G1", "20' general purpose"},
    {{ContainerUnit::feu, Equipment::general}, "42G1", "40' general purpose"},
    {{ContainerUnit::feu, Equipment::high_cube}, "45G1", "40' high cube"},
    {{ContainerUnit::teu, Equipment::reefer}, "22R1", "20' reefer"},
    {{ContainerUnit::feu, Equipment::reefer}, "45R1", "40' high-cube reefer"},
}};

const Known* find(BoxType b) {
  for (const Known& k : kKnown)
    if (k.box == b) return &k;
  return nullptr;
}

}  // namespace

std::string_view iso_code(BoxType b) {
  const Known* k = find(b);
  return k ? k->code : std::string_view();
}

std::string_view describe(BoxType b) {
  const Known* k = find(b);
  return k ? k->text : std::string_view("unknown box type");
}

std::optional<BoxType> parse_box_type(std::string_view s) {
  std::string l;
  for (char c : s) l += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const Known& k : kKnown) {
    std::string code;
    for (char c : k.code) code += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (l == code) return k.box;
  }
  if (l == "teu" || l == "20" || l == "20gp") return BoxType{ContainerUnit::teu, Equipment::general};
  if (l == "feu" || l == "40" || l == "40gp") return BoxType{ContainerUnit::feu, Equipment::general};
  if (l == "40hc" || l == "hc") return BoxType{ContainerUnit::feu, Equipment::high_cube};
  if (l == "reefer20" || l == "20rf") return BoxType{ContainerUnit::teu, Equipment::reefer};
  if (l == "reefer40" || l == "40rf") return BoxType{ContainerUnit::feu, Equipment::reefer};
  return std::nullopt;
}

std::string box_label(BoxType b) {
  if (b.equipment == Equipment::general) return std::string(to_string(b.unit));
  return std::string(iso_code(b)) + " (" + std::string(describe(b)) + ")";
}

double transport_factor(Equipment e, const EquipmentCharges& c) {
  switch (e) {
    case Equipment::general: return 1.0;
    case Equipment::high_cube: return c.high_cube_factor;
    case Equipment::reefer: return c.reefer_factor;
  }
  return 1.0;
}

UsdCents transport_price(UsdCents dry, Equipment e, const EquipmentCharges& c) {
  const double f = transport_factor(e, c);
  if (f == 1.0) return dry;
  return UsdCents(static_cast<std::int64_t>(std::llround(static_cast<double>(dry.value()) * f)));
}

UsdCents plug_charge(Minutes at_node, Equipment e, const EquipmentCharges& c) {
  if (e != Equipment::reefer || at_node.value() <= 0) return UsdCents(0);
  return UsdCents(static_cast<std::int64_t>(
      std::llround(static_cast<double>(c.plug_per_day.value()) * at_node.value() / 1440.0)));
}

}  // namespace landbridge::route
