// Fuzzes the time parsers: ISO 8601 instants, dates, durations, UTC offsets, times of day,
// weekdays and local times at a node (schedule::LocalClock). The first byte picks the parser,
// the rest is the text. Parsers say no with nullopt and never throw; what they accept must
// format back to text that parses to the same value.
#include <cstdlib>

#include "landbridge/schedule/local_time.h"
#include "landbridge/timetable/time.h"
#include "support.h"

using namespace landbridge;
using namespace landbridge::timetable;

namespace {

void check(bool ok) {
  if (!ok) std::abort();
}

const schedule::LocalClock& local_clock() {
  static const schedule::LocalClock c(fuzz::reference_package().network);
  return c;
}

}  // namespace

// The reference data loads once, before the clock of the first input starts.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)landbridge::fuzz::reference_package();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view s = fuzz::text(data + 1, size - 1);
  std::string why;
  switch (data[0] % 7) {
    case 0:
      if (const auto t = parse_iso8601(s, &why)) {
        // Round trip in UTC, where the UTC date is one the parser supports (1900..2199): an
        // offset can move "1900-01-01T02:30+09:00" into 1899.
        if (is_supported(to_civil(*t).date)) check(parse_iso8601(format_iso8601(*t)) == t);
      }
      break;
    case 1:
      if (const auto d = parse_date(s, &why)) {
        check(is_valid(*d));
        check(parse_date(format_date(*d)) == d);
      }
      break;
    case 2:
      if (const auto d = parse_duration(s, &why)) {
        check(d->value() >= 0);
        check(parse_duration(format_duration(*d)) == d);
      }
      break;
    case 3:
      if (const auto o = parse_utc_offset(s, &why)) (void)format_iso8601(Instant(0), *o);
      break;
    case 4:
      if (const auto t = parse_time_of_day(s, &why)) check(t->value() >= 0 && t->value() <= 1440);
      break;
    case 5:
      (void)parse_weekday(s);
      break;
    default: {
      // A local time at one of the reference nodes (the second byte picks it).
      if (s.empty()) return 0;
      const Network& net = fuzz::reference_package().network;
      const NodeId n(static_cast<NodeId::value_type>(static_cast<unsigned char>(s[0]) % net.node_count()));
      if (const auto t = local_clock().parse(n, s.substr(1), &why)) (void)local_clock().format(n, *t);
      break;
    }
  }
  return 0;
}
