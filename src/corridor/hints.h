// "Did you mean" hints for the codes a scenario names: nodes, links and sea passages.
#pragma once

#include <string>
#include <string_view>

#include "landbridge/model/network.h"

namespace landbridge::corridor::detail {

// " (did you mean KZHOR Khorgos?)" or "" when no node is close (route::suggest).
std::string node_hint(const Network& net, std::string_view code);
// " (did you mean rail-KZHOR-RUMOW?)" or "" when no link id is close (core/suggest.h).
std::string link_hint(const Network& net, std::string_view id);
// " (known passages: suez, cape, ...)"
std::string passage_hint();

}  // namespace landbridge::corridor::detail
