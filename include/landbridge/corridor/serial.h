// A replication's results as bytes, and back: what the ranks of an MPI run send to the root
// (ensemble::run_tasks). Every double and float keeps its exact bits (NaN payloads and the
// sign of zero included), so KPIs computed from decoded results equal those of the process
// that ran the replication, byte for byte in every output.
//
// The bytes are CBOR (RFC 8949): a map whose numbers are byte strings of little-endian IEEE
// values, one row per flow / node / service / link. They are meant for the same build on
// every rank, not for storage: decode checks the layout and throws landbridge::Error naming
// the field that does not fit.
#pragma once

#include <string>

#include "landbridge/corridor/model.h"

namespace landbridge::corridor {

std::string encode_replication(const ReplicationResult& r);
ReplicationResult decode_replication(const std::string& bytes);

}  // namespace landbridge::corridor
