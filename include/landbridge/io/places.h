// Loading the UN/LOCODE place index (data/unlocode/places.csv, see its README.md).
#pragma once

#include <filesystem>

#include "landbridge/model/places.h"

namespace landbridge::io {

// Reads a place index file. Throws LoadError naming the file, line and field of every bad row.
PlaceIndex load_place_index(const std::filesystem::path& file);

// The built-in index: $LANDBRIDGE_DATA_DIR/unlocode/places.csv when that variable is set, else
// data/unlocode/places.csv of the source tree the library was built from.
std::filesystem::path default_place_index_path();

}  // namespace landbridge::io
