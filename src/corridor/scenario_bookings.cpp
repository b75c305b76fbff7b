// Arrivals from bookings: a CSV of one-off batches (origin,destination,ready,unit,count[,avoid]),
// grouped into flows of pattern bookings. Every error names the file, line and field.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>
#include <sstream>
#include <tuple>
#include <fmt/format.h>

#include "scenario_read.h"
#include "landbridge/timetable/time.h"

namespace landbridge::corridor {

namespace {

// TEU a box of this unit counts: TEU, FEU, or an ISO 6346 size-type code whose first
// character is the length (2: 20 ft, 4: 40 ft, L: 45 ft, counted as an FEU); 0 when unknown.
int teu_of_unit(const std::string& u) {
  std::string up = u;
  for (char& c : up) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (up == "TEU") return 1;
  if (up == "FEU") return 2;
  const bool code = up.size() == 4 && std::all_of(up.begin(), up.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0;
  });
  if (!code) return 0;
  if (up[0] == '2') return 1;
  if (up[0] == '4' || up[0] == 'L') return 2;
  return 0;
}

}  // namespace

std::vector<FlowSpec> parse_bookings(std::string_view text, const std::string& file, const std::string& start_date,
                                     double horizon_days) {
  const std::optional<timetable::CivilDate> start = timetable::parse_date(start_date);
  if (!start) throw ScenarioError(file + ": the scenario's start_date '" + start_date + "' is not a date");
  const Instant t0 = timetable::to_instant(*start);
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a spreadsheet's byte order mark
  std::istringstream in{std::string(text)};
  std::string line;
  int lineno = 0;
  bool header = true;
  int avoid_col = -1;
  std::size_t columns = 5;
  auto bad = [&](const std::string& field, const std::string& what) {
    throw ScenarioError(file + ":" + std::to_string(lineno) + ": field '" + field + "': " + what);
  };
  std::vector<FlowSpec> flows;
  std::map<std::tuple<std::string, std::string, int, std::string>, std::size_t> flow_of;
  while (std::getline(in, line)) {
    ++lineno;
    const auto cells = detail::split(line, ',');
    if (line.empty() || line[0] == '#' || (cells.size() == 1 && cells[0].empty())) continue;
    if (header) {
      header = false;
      const char* expect[] = {"origin", "destination", "ready", "unit", "count"};
      for (std::size_t i = 0; i < 5; ++i) {
        if (cells.size() <= i || cells[i] != expect[i]) bad("header", "expected columns origin,destination,ready,unit,count[,avoid]");
      }
      for (std::size_t i = 5; i < cells.size(); ++i) {
        if (cells[i] != "avoid" || avoid_col >= 0) bad("header", "got column '" + cells[i] + "', expected the optional column avoid");
        avoid_col = static_cast<int>(i);
      }
      columns = cells.size();
      continue;
    }
    if (cells.size() < 5 || cells.size() > columns) bad("row", fmt::format("expected 5 to {} cells, got {}", columns, cells.size()));
    if (cells[0].empty()) bad("origin", "empty");
    if (cells[1].empty()) bad("destination", "empty");
    std::string why;
    const std::optional<Instant> ready = timetable::parse_iso8601(cells[2], &why);
    if (!ready) bad("ready", "got '" + cells[2] + "': " + why);
    const double ready_h = static_cast<double>((*ready - t0).value()) / 60.0;
    if (ready_h < 0) bad("ready", "got '" + cells[2] + "', before the scenario's start_date " + start_date);
    if (ready_h >= horizon_days * 24) {
      bad("ready", "got '" + cells[2] + "', after the scenario's horizon (" + detail::shown_number(horizon_days) +
                       " days from " + start_date + ")");
    }
    const int teu = teu_of_unit(cells[3]);
    if (teu == 0) bad("unit", "got '" + cells[3] + "', expected TEU, FEU or an ISO 6346 size-type code (22G1, 42G1, 45G1)");
    int count = 0;
    const std::string& c = cells[4];
    auto [p, ec] = std::from_chars(c.data(), c.data() + c.size(), count);
    if (ec != std::errc() || p != c.data() + c.size() || count < 1 || count > 1'000'000)
      bad("count", "got '" + c + "', expected a whole number of boxes from 1 to 1000000");
    const std::string avoid = avoid_col >= 0 && static_cast<std::size_t>(avoid_col) < cells.size()
                                  ? cells[static_cast<std::size_t>(avoid_col)]
                                  : std::string();
    const auto key = std::make_tuple(cells[0], cells[1], teu, avoid);
    auto [it, fresh] = flow_of.try_emplace(key, flows.size());
    if (fresh) {
      FlowSpec f;
      f.origin = cells[0];
      f.destination = cells[1];
      f.teu_per_box = teu;
      f.pattern = ReadyPattern::bookings;
      if (!avoid.empty()) f.avoid = detail::split(avoid, ';');
      f.line = lineno;
      flows.push_back(std::move(f));
    }
    flows[it->second].booked.push_back({ready_h, count, lineno});
  }
  if (flows.empty()) throw ScenarioError(file + ": no booking rows");
  for (FlowSpec& f : flows) {
    std::stable_sort(f.booked.begin(), f.booked.end(),
                     [](const BookedBatch& a, const BookedBatch& b) { return a.ready_h < b.ready_h; });
    double teu = 0;
    for (const BookedBatch& b : f.booked) teu += static_cast<double>(b.boxes) * f.teu_per_box;
    f.teu_per_week = teu * 7 / horizon_days;  // the average over the horizon (shown, not drawn)
  }
  return flows;
}

const std::filesystem::path& source_file(const Scenario& s, const FlowSpec& f) {
  return f.pattern == ReadyPattern::bookings ? s.bookings_file : s.demand_file;
}

}  // namespace landbridge::corridor
