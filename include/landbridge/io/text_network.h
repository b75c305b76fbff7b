// The text network format (docs/text-network-format.md): a whole network in a few readable
// lines, for small examples, experiments and tests.
//
//   # a gauge change between two rail links
//   node CNAAA Origin
//   node KZBBB Gauge station
//   node PLCCC Destination
//   link ab CNAAA KZBBB rail:1435 100km 10h 100usd
//   two  bc KZBBB PLCCC rail:1520 100km 20h 100usd feu=150usd
//   op   KZBBB gauge_change rail:1435 rail:1520 2h 10usd
//
// One item per line, words separated by spaces or tabs, `#` starts a comment. Nodes may come
// after the links that use them. Problems are collected over the whole text and thrown
// together as a LoadError whose Diagnostics name the file (or "<text>"), the line, the field
// and what was expected, as the package loader does.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string_view>

#include "landbridge/model/network.h"

namespace landbridge::io {

// Reads a network written in the text format. `file_name` is what diagnostics call the text.
// Throws LoadError with every problem found.
Network parse_text_network(std::string_view text, std::string_view file_name = "<text>");

// The largest text network file load_text_network reads.
inline constexpr std::size_t kMaxTextNetworkBytes = 16u << 20;

// Reads the file at `path` (a regular file of at most kMaxTextNetworkBytes) and parses it;
// diagnostics name the path. Throws LoadError, also when the file cannot be read.
Network load_text_network(const std::filesystem::path& path);

}  // namespace landbridge::io
