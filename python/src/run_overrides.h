// The replications and seed a caller of simulate or sweep gives instead of the file's, checked
// against the ranges the command line's --replications and --seed accept (corridor/scenario.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "landbridge/core/error.h"
#include "landbridge/corridor/scenario.h"

namespace landbridge::py_module {

// RequestError naming the value and its range; `why_two` follows the replications' range.
inline void check_run_overrides(std::optional<int> replications, std::optional<std::uint64_t> seed,
                                std::string_view why_two = "") {
  if (replications && (*replications < 2 || *replications > corridor::kMaxReplications)) {
    throw RequestError("replications " + std::to_string(*replications) + ": from 2 to " +
                       std::to_string(corridor::kMaxReplications) + std::string(why_two));
  }
  if (seed && *seed > static_cast<std::uint64_t>(corridor::kMaxSeed)) {
    throw RequestError("seed " + std::to_string(*seed) + ": from 0 to " + std::to_string(corridor::kMaxSeed));
  }
}

}  // namespace landbridge::py_module
