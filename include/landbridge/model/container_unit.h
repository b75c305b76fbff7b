// The equipment units a shipment is counted in: twenty- and forty-foot boxes (TEU, FEU).
// A model concept shared by the emissions, routing and pricing layers.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace landbridge {

enum class ContainerUnit : std::uint8_t { teu, feu };
std::string_view to_string(ContainerUnit u);                            // "TEU", "FEU"
std::optional<ContainerUnit> parse_container_unit(std::string_view s);  // "teu"/"TEU"/"feu"/"FEU"

}  // namespace landbridge
