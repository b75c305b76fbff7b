#include "landbridge/service/dcsa.h"

#include <stdexcept>

#include "landbridge/timetable/time.h"

namespace landbridge::service {
namespace {

using nlohmann::json;

// "2026-12-10T08:00Z" / "...+09:00" -> with ":00" seconds after the minutes.
std::string with_seconds(std::string iso) {
  const std::size_t t = iso.find('T');
  if (t == std::string::npos || iso.size() < t + 6) return iso;
  iso.insert(t + 6, ":00");
  return iso;
}

}  // namespace

std::string dcsa_utc(Instant t) { return with_seconds(timetable::format_iso8601(t)); }

std::string dcsa_local(const schedule::LocalClock& clock, NodeId n, Instant t) {
  std::string s = with_seconds(clock.format(n, t));
  // A node without a zone is shown in UTC; Commercial Schedules asks for an offset.
  if (!s.empty() && s.back() == 'Z') s.replace(s.size() - 1, 1, "+00:00");
  return s;
}

std::string_view dcsa_mode(Mode m) {
  switch (m) {
    case Mode::deep_sea:
    case Mode::feeder:
    case Mode::ferry: return "VESSEL";
    case Mode::rail: return "RAIL";
    case Mode::road: return "TRUCK";
    case Mode::inland_waterway: return "BARGE";
  }
  return "MULTIMODAL";
}

std::string_view dcsa_facility_type(NodeKind k) {
  switch (k) {
    case NodeKind::seaport: return "POTE";
    case NodeKind::border_crossing: return "BOCR";
    case NodeKind::dry_port:
    case NodeKind::rail_terminal:
    case NodeKind::hub: return "INTE";
  }
  return "INTE";
}

json dcsa_location(const Network& net, NodeId n) {
  const auto& info = net.node(n);
  return {{"UNLocationCode", info.code}, {"locationName", info.name}};
}

json point_to_point_routes(const query::ScheduledAnswer& a, const std::function<std::string(std::size_t)>& reference) {
  const Network& net = a.network();
  const schedule::LocalClock clock(net);
  json routes = json::array();
  for (std::size_t i = 0; i < a.result.itineraries.size(); ++i) {
    const auto& it = a.result.itineraries[i];
    auto place = [&](NodeId n, Instant t) {
      return json{{"facilityTypeCode", dcsa_facility_type(net.node(n).kind)},
                  {"location", dcsa_location(net, n)},
                  {"dateTime", dcsa_local(clock, n, t)}};
    };
    json r;
    r["placeOfReceipt"] = place(it.from, it.departure);
    r["placeOfDelivery"] = place(it.to, it.arrival);
    r["receiptTypeAtOrigin"] = "CY";
    r["deliveryTypeAtDestination"] = "CY";
    r["solutionNumber"] = i + 1;
    r["routingReference"] = reference(i);
    // Whole days, rounded up: a journey of 21 days and 6 hours takes 22 calendar days of transit.
    const std::int32_t minutes = (it.arrival - it.departure).value();
    r["transitTime"] = (minutes + 1439) / 1440;
    json legs = json::array();
    json cutoffs = json::array();
    int seq = 0;
    for (const auto& s : it.steps) {
      if (s.kind != route::StepKind::leg) continue;
      json transport = {{"modeOfTransport", dcsa_mode(s.carriage.mode)}};
      if (!s.service.empty()) {
        transport["servicePartners"] = json::array({{{"carrierServiceName", s.service}, {"carrierServiceCode", s.service}}});
      }
      legs.push_back({{"sequenceNumber", ++seq},
                      {"transport", std::move(transport)},
                      {"departure", {{"location", dcsa_location(net, s.from)}, {"dateTime", dcsa_local(clock, s.from, s.depart)}}},
                      {"arrival", {{"location", dcsa_location(net, s.to)}, {"dateTime", dcsa_local(clock, s.to, s.arrive_at)}}}});
    }
    // The cut-off of the first ride (the wait step before it carries it): FCL delivery cut-off.
    for (std::size_t k = 0; k < it.steps.size(); ++k) {
      const auto& s = it.steps[k];
      if (s.kind == route::StepKind::leg && !s.service.empty()) {
        for (std::size_t w = 0; w < k; ++w)
          if (it.steps[w].cutoff.value() > 0) {
            cutoffs.push_back({{"cutOffDateTimeCode", "FCO"},
                               {"cutOffDateTime", dcsa_local(clock, s.from, s.depart - it.steps[w].cutoff)}});
            break;
          }
        break;
      }
    }
    if (!cutoffs.empty()) r["cutOffTimes"] = std::move(cutoffs);
    r["legs"] = std::move(legs);
    routes.push_back(std::move(r));
  }
  return routes;
}

}  // namespace landbridge::service
