// Reading a file that a user named, with bounds.
//
// Every reader of user input (package CSVs and manifest, rates, services, the place index,
// the maritime graph's GeoJSON, scenarios and demand tables) goes through read_user_file:
// it opens a path only when it is a regular file (after following links) of at most the
// reader's size limit, and never reads more than that limit even if the file grows meanwhile.
// A FIFO, a device such as /dev/zero or a folder is refused up front instead of being read
// without end. The limits are documented in docs/network-package.md ("Limits").
//
// It lives in core because the maritime graph (sea) reads GeoJSON below the io layer.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace landbridge {

inline constexpr std::uintmax_t kMiB = std::uintmax_t{1} << 20;
// Size limits per kind of file, far above the shipped data (the largest CSV,
// data/unlocode/places.csv, is 4.5 MB; each marnet GeoJSON file is under 1 MB).
inline constexpr std::uintmax_t kMaxCsvBytes = 64 * kMiB;      // any CSV table
inline constexpr std::uintmax_t kMaxTomlBytes = 1 * kMiB;      // network.toml, scenario files
inline constexpr std::uintmax_t kMaxGeoJsonBytes = 64 * kMiB;  // maritime graph files

struct UserFile {
  enum class Status { ok, missing, not_regular, too_large, unreadable };
  Status status = Status::missing;
  std::string text;     // the whole file when status is ok
  std::string problem;  // otherwise: what is wrong and what was expected, without the path
  [[nodiscard]] bool ok() const { return status == Status::ok; }
};

// Reads `path` whole under the limit `max_bytes`. Never throws for a bad file; `problem` says
// why it was refused (e.g. "not a regular file (a FIFO); expected a file of at most 64 MiB").
UserFile read_user_file(const std::filesystem::path& path, std::uintmax_t max_bytes);

// "64 MiB", "1 MiB", "512 KiB", "100 bytes".
std::string size_text(std::uintmax_t bytes);

}  // namespace landbridge
