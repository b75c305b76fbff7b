// Departures: the text form of a DepartureKey and the departures an itinerary rides.
#include <fmt/format.h>

#include "impl.h"
#include "landbridge/timetable/time.h"

namespace landbridge::query {

std::string to_string(const DepartureKey& d) { return d.service + "@" + timetable::format_iso8601(d.start); }

std::optional<DepartureKey> parse_departure(std::string_view text) {
  const std::size_t at = text.rfind('@');
  if (at == std::string_view::npos || at == 0) return std::nullopt;
  const std::string_view when = text.substr(at + 1);
  // Exactly the form to_string writes: YYYY-MM-DDTHH:MMZ.
  if (when.size() != 17 || when[10] != 'T' || when.back() != 'Z') return std::nullopt;
  const auto t = timetable::parse_iso8601(when);
  if (!t) return std::nullopt;
  return DepartureKey{std::string(text.substr(0, at)), *t};
}

std::vector<DepartureKey> Engine::departures(const schedule::ScheduledItinerary& it) const {
  // The timetable journey's rides and the itinerary's ride legs come in the same order; the
  // trip started at its departure from the boarding call minus that call's offset.
  std::vector<DepartureKey> out;
  std::size_t leg = 0;
  for (const timetable::Step& s : it.journey.steps) {
    if (s.kind != timetable::StepKind::ride) continue;
    while (leg < it.steps.size() && it.steps[leg].service.empty()) ++leg;
    if (leg == it.steps.size()) throw Error("departures: the itinerary's steps do not match its journey");
    const std::string& id = it.steps[leg++].service;
    const timetable::Service* sv = impl_->service(id);
    if (!sv || s.board_pos >= sv->calls.size())
      throw Error("departures: service " + id + " is not one of this engine's services");
    out.push_back({id, s.start - sv->calls[s.board_pos].departure});
  }
  return out;
}

}  // namespace landbridge::query
