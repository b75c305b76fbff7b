// A replication's result as the bytes of a task (internal to lb_sweep).
#pragma once

#include <string>

#include "landbridge/corridor/model.h"

namespace landbridge::sweep::detail {

std::string encode_result(const corridor::ReplicationResult& r);
corridor::ReplicationResult decode_result(const std::string& bytes);

}  // namespace landbridge::sweep::detail
