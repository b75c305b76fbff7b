// Local civil time at the nodes of a network, from their IANA time zones.
//
// Instants (core/instant.h) stay UTC minutes since 2020-01-01 everywhere in the engine; this module only
// turns them into local wall-clock text for people, and local text typed by people into
// instants. Zones come from the system's tz database (Howard Hinnant's date/tz on the Debian
// tzdata files), so daylight saving time follows the rules in force at each instant
// (Duisburg is +01:00 in December and +02:00 in July).
//
// A node without a time zone (empty `NodeInfo::timezone`) is shown in UTC ("...Z") and
// `has_zone()` says so. Offsets are whole minutes (every zone since 1972 is).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "landbridge/core/units.h"
#include "landbridge/model/network.h"
#include "landbridge/timetable/time.h"

namespace date {
class time_zone;
}

namespace landbridge::schedule {

// True if `name` is a zone (or link) of the system's tz database. Throws landbridge::Error if
// the database cannot be read.
bool is_known_zone(std::string_view name);

// Offset of local time from UTC in zone `name` at `instant` (local = UTC + offset). Throws
// landbridge::Error for an unknown zone.
Minutes utc_offset(std::string_view name, Instant instant);

// Local time of every node of one network, with each node's zone looked up once.
class LocalClock {
 public:
  // Throws landbridge::Error naming the node and the zone if a node's zone is not in the tz
  // database (packages are validated at load: see io, nodes.csv `timezone`).
  explicit LocalClock(const Network& net);

  [[nodiscard]] bool has_zone(NodeId n) const { return zones_[n.get()] != nullptr; }
  // The node's IANA zone name; "" when it has none.
  [[nodiscard]] const std::string& zone(NodeId n) const { return names_[n.get()]; }
  // Local minus UTC at `instant` at node n; 0 for a node without a zone.
  [[nodiscard]] Minutes offset(NodeId n, Instant instant) const;
  // ISO 8601 local time with its offset, "2026-12-01T17:00+09:00" ("+00:00" for a zone at
  // UTC); "2026-12-01T08:00Z" for a node without a zone.
  [[nodiscard]] std::string format(NodeId n, Instant instant) const;
  // The instant of local wall-clock time `t` at node n (UTC for a node without a zone). In a
  // daylight-saving gap (a local time that does not exist) nullopt and `why`; a repeated local
  // time (clocks go back) is the earlier of its two instants.
  [[nodiscard]] std::optional<Instant> from_local(NodeId n, timetable::CivilTime t, std::string* why = nullptr) const;
  // An ISO 8601 instant as typed by a user: with an offset or "Z" it is taken as is; without
  // one ("2026-12-01T08:00", or a date alone meaning 00:00) it is local time at node n.
  [[nodiscard]] std::optional<Instant> parse(NodeId n, std::string_view text, std::string* why = nullptr) const;

 private:
  std::vector<const date::time_zone*> zones_;  // per node; nullptr: no zone
  std::vector<std::string> names_;
};

// True if the ISO 8601 text ends with a zone designator ("Z", "+09:00", "-0530").
bool has_zone_designator(std::string_view iso8601);

}  // namespace landbridge::schedule
