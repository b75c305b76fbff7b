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

// The per-box transit times and queue traces (flow_transit_h, node_queue_mean, node_queue_max)
// are used by the plots only and are nearly all of a replication's bytes (docs/cluster.md:
// 49,451 bytes with them, 1,084 without, on the reference scenario): `drop` writes them
// empty, as if they had been cleared, for the callers that draw no plot.
enum class PlotSeries { keep, drop };

std::string encode_replication(const ReplicationResult& r, PlotSeries series = PlotSeries::keep);
ReplicationResult decode_replication(const std::string& bytes);

}  // namespace landbridge::corridor
