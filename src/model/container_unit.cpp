#include "landbridge/model/container_unit.h"

namespace landbridge {

std::string_view to_string(ContainerUnit u) { return u == ContainerUnit::feu ? "FEU" : "TEU"; }

std::optional<ContainerUnit> parse_container_unit(std::string_view s) {
  if (s == "teu" || s == "TEU") return ContainerUnit::teu;
  if (s == "feu" || s == "FEU") return ContainerUnit::feu;
  return std::nullopt;
}

}  // namespace landbridge
