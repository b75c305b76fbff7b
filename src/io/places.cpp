#include "landbridge/io/places.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <cstdlib>

#include "landbridge/core/user_file.h"
#include "landbridge/io/csv_table.h"

namespace landbridge::io {
namespace {

std::optional<double> to_double(const std::string& s) {
  double v = 0;
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

}  // namespace

PlaceIndex load_place_index(const std::filesystem::path& file) {
  const std::string name = file.string();
  const UserFile f = read_user_file(file, kMaxCsvBytes);
  if (!f.ok())
    throw LoadError({{name, 0, "", "", f.problem + " (the place index, data/unlocode/places.csv)"}});
  Diagnostics diags;
  const CsvTable t = CsvTable::parse(f.text, name, diags);
  const char* required[] = {"code", "name", "lat", "lon"};
  for (const char* c : required)
    if (!t.column(c)) diags.add(name, t.header_line(), c, "", "missing column");
  diags.throw_if_any();
  const auto col = [&](const char* c) { return t.column(c); };
  const auto cell = [&](const CsvRow& r, std::optional<std::size_t> c) -> std::string {
    return c ? r.cells[*c] : std::string();
  };
  const auto c_code = col("code"), c_name = col("name"), c_ascii = col("ascii"), c_alt = col("alt"),
             c_sub = col("subdivision"), c_lat = col("lat"), c_lon = col("lon"),
             c_geo = col("geocoded");
  std::vector<Place> places;
  places.reserve(t.rows().size());
  for (const CsvRow& r : t.rows()) {
    Place p;
    p.code = cell(r, c_code);
    p.name = cell(r, c_name);
    p.ascii = cell(r, c_ascii);
    p.alt = cell(r, c_alt);
    p.subdivision = cell(r, c_sub);
    p.geocoded = cell(r, c_geo) == "1";
    if (p.code.size() != 5) diags.add(name, r.line, "code", p.code, "expected a UN/LOCODE of 5 characters");
    const auto lat = to_double(cell(r, c_lat)), lon = to_double(cell(r, c_lon));
    if (!lat || *lat < -90 || *lat > 90)
      diags.add(name, r.line, "lat", cell(r, c_lat), "expected a latitude in [-90, 90]");
    if (!lon || *lon < -180 || *lon > 180)
      diags.add(name, r.line, "lon", cell(r, c_lon), "expected a longitude in [-180, 180]");
    if (lat && lon) p.pos = {*lat, *lon};
    places.push_back(std::move(p));
  }
  diags.throw_if_any();
  try {
    return PlaceIndex(std::move(places));
  } catch (const Error& e) {
    throw LoadError({{name, 0, "code", "", e.what()}});
  }
}

std::filesystem::path default_place_index_path() {
  const char* env = std::getenv("LANDBRIDGE_DATA_DIR");
  if (env != nullptr && *env != '\0') return std::filesystem::path(env) / "unlocode" / "places.csv";
  return std::filesystem::path(LANDBRIDGE_DATA_DIR) / "unlocode" / "places.csv";
}

}  // namespace landbridge::io
