// Planned track & trace events of a real Hakata -> Duisburg itinerary of the reference package.
#include <gtest/gtest.h>

#include <map>
#include <regex>

#include "itinerary_fixture.h"
#include "landbridge/service/dcsa.h"
#include "landbridge/service/tracking.h"

namespace landbridge::service {
namespace {

using nlohmann::json;

const Shipment kShipment{"LBTEST000001", "acme", "42G1", {"LBUU0000124", "CSQU3054383"}};
const Instant kCreated = *timetable::parse_iso8601("2026-12-01T08:00Z");

std::vector<Event> events() {
  const auto& t = test::hakata_duisburg();
  return planned_events(t.net(), t.itinerary(), kShipment, kCreated);
}

std::vector<Event> of_box(const std::vector<Event>& all, const std::string& box) {
  std::vector<Event> out;
  for (const auto& e : all)
    if (e.equipment_reference == box) out.push_back(e);
  return out;
}

TEST(PlannedEvents, TheTripIsTheExpectedOne) {
  const auto& it = test::hakata_duisburg().itinerary();
  const auto& net = test::hakata_duisburg().net();
  EXPECT_EQ(net.node(it.from).code, "JPHKT");
  EXPECT_EQ(net.node(it.to).code, "DEDUI");
  int gauge_changes = 0;
  for (const auto& s : it.steps)
    if (s.operation.find("gauge_change") != std::string::npos) ++gauge_changes;
  EXPECT_GE(gauge_changes, 1) << "the trip crosses a break of gauge";
}

TEST(PlannedEvents, EachBoxGoesInAtTheOriginAndOutAtTheDestination) {
  const auto& it = test::hakata_duisburg().itinerary();
  const auto all = events();
  for (const auto& box : kShipment.containers) {
    const auto mine = of_box(all, box);
    ASSERT_GE(mine.size(), 4U);
    EXPECT_EQ(mine.front().type_code, "GTIN");
    EXPECT_EQ(mine.front().un_location_code, "JPHKT");
    EXPECT_EQ(mine.front().event_time, it.departure);
    EXPECT_EQ(mine.back().type_code, "GTOT");
    EXPECT_EQ(mine.back().un_location_code, "DEDUI");
    EXPECT_EQ(mine.back().event_time, it.arrival);
    for (std::size_t i = 1; i < mine.size(); ++i)
      EXPECT_LE(mine[i - 1].event_time, mine[i].event_time) << mine[i - 1].type_code << " then " << mine[i].type_code;
  }
}

TEST(PlannedEvents, EveryRideIsLoadDepartArriveDischarge) {
  const auto& it = test::hakata_duisburg().itinerary();
  const auto& net = test::hakata_duisburg().net();
  const auto all = events();
  const auto box = of_box(all, kShipment.containers[0]);
  std::vector<Event> transport;
  for (const auto& e : all)
    if (e.event_type == "TRANSPORT") transport.push_back(e);
  std::size_t legs = 0;
  for (const auto& s : it.steps) {
    if (s.kind != route::StepKind::leg) continue;
    const std::string from = net.node(s.from).code, to = net.node(s.to).code;
    ASSERT_LT(2 * legs + 1, transport.size());
    const Event& depa = transport[2 * legs];
    const Event& arri = transport[2 * legs + 1];
    EXPECT_EQ(depa.type_code, "DEPA");
    EXPECT_EQ(depa.un_location_code, from);
    EXPECT_EQ(depa.event_time, s.depart);
    EXPECT_EQ(arri.type_code, "ARRI");
    EXPECT_EQ(arri.un_location_code, to);
    EXPECT_EQ(arri.event_time, s.arrive_at);
    const json p = json::parse(depa.payload);
    EXPECT_EQ(p["transportCall"]["modeOfTransport"], std::string(dcsa_mode(s.carriage.mode)));
    if (!s.service.empty()) {
      EXPECT_EQ(p["transportCall"]["carrierServiceCode"], s.service);
    }
    ++legs;
  }
  EXPECT_EQ(transport.size(), 2 * legs) << "TRANSPORT events once per booking, not per box";
  std::map<std::string, int> counts;
  for (const auto& e : box) ++counts[e.type_code];
  EXPECT_EQ(counts["LOAD"], static_cast<int>(legs));
  EXPECT_EQ(counts["DISC"], static_cast<int>(legs));
  EXPECT_EQ(counts["GTIN"], 1);
  EXPECT_EQ(counts["GTOT"], 1);
}

TEST(PlannedEvents, GaugeChangeIsDischargeAndLoadAtTheSameFacilityWithABorderInspection) {
  const auto& it = test::hakata_duisburg().itinerary();
  const auto& net = test::hakata_duisburg().net();
  const auto box = of_box(events(), kShipment.containers[1]);
  for (const auto& s : it.steps) {
    if (s.kind == route::StepKind::leg || s.operation.find("gauge_change") == std::string::npos) continue;
    const std::string at = net.node(s.from).code;
    const Event* disc = nullptr;
    const Event* load = nullptr;
    const Event* insp = nullptr;
    for (const auto& e : box) {
      if (e.un_location_code != at) continue;
      if (e.type_code == "DISC") disc = &e;
      if (e.type_code == "LOAD") load = &e;
      if (e.type_code == "INSP") insp = &e;
    }
    ASSERT_NE(disc, nullptr) << at;
    ASSERT_NE(load, nullptr) << at;
    EXPECT_EQ(disc->event_time, s.depart) << "discharged when the inbound train arrives";
    EXPECT_EQ(load->event_time, s.arrive_at) << "loaded onto the other gauge when the gauge change ends";
    const json d = json::parse(disc->payload), l = json::parse(load->payload);
    EXPECT_EQ(d.value("isTransshipmentMove", false), true);
    EXPECT_EQ(l.value("isTransshipmentMove", false), true);
    EXPECT_EQ(d["emptyIndicatorCode"], "LADEN");
    EXPECT_EQ(l["ISOEquipmentCode"], "42G1");
    if (s.operation.find("border") != std::string::npos) {
      ASSERT_NE(insp, nullptr) << "a border operation gives an inspection event at " << at;
      EXPECT_EQ(json::parse(insp->payload)["transportCall"]["facilityTypeCode"], "BOCR");
      EXPECT_EQ(insp->event_time, s.arrive_at);
    }
  }
}

TEST(PlannedEvents, PayloadsAreDcsaEvents) {
  const std::regex uuid("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  const std::regex utc(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00Z)");
  std::set<std::string> ids;
  for (const auto& e : events()) {
    const json p = json::parse(e.payload);
    EXPECT_TRUE(std::regex_match(p["eventID"].get<std::string>(), uuid)) << p["eventID"];
    EXPECT_TRUE(ids.insert(e.event_id).second) << "event ids are unique";
    EXPECT_EQ(p["eventID"], e.event_id);
    EXPECT_EQ(p["eventClassifierCode"], "PLN");
    EXPECT_EQ(p["eventType"], e.event_type);
    EXPECT_TRUE(std::regex_match(p["eventDateTime"].get<std::string>(), utc)) << p["eventDateTime"];
    EXPECT_EQ(p["eventCreatedDateTime"], "2026-12-01T08:00:00Z");
    EXPECT_EQ(p["eventLocation"]["UNLocationCode"], e.un_location_code);
    EXPECT_EQ(p["documentReferences"][0]["documentReferenceType"], "BKG");
    EXPECT_EQ(p["documentReferences"][0]["documentReferenceValue"], "LBTEST000001");
    EXPECT_EQ(e.party, "acme");
    if (e.event_type == "EQUIPMENT") {
      EXPECT_EQ(p["equipmentEventTypeCode"], e.type_code);
      EXPECT_EQ(p["equipmentReference"], e.equipment_reference);
    } else {
      EXPECT_EQ(p["transportEventTypeCode"], e.type_code);
      EXPECT_EQ(e.equipment_reference, "");
    }
  }
}

TEST(PlannedEvents, AReplanFromAPlaceHasNoGateIn) {
  const auto& t = test::hakata_duisburg();
  const auto all = planned_events(t.net(), t.itinerary(), kShipment, kCreated, {.gate_in = false});
  for (const auto& e : all) EXPECT_NE(e.type_code, "GTIN");
  EXPECT_EQ(all.back().type_code, "GTOT");
}

TEST(PostedEvents, AValidActualEventIsAccepted) {
  const auto& net = test::hakata_duisburg().net();
  const json e = {{"eventType", "EQUIPMENT"},
                  {"eventClassifierCode", "ACT"},
                  {"eventDateTime", "2026-12-18T05:00:00Z"},
                  {"equipmentEventTypeCode", "DISC"},
                  {"equipmentReference", "CSQU3054383"},
                  {"eventLocation", {{"UNLocationCode", "KZHOR"}}}};
  const auto r = check_posted_event(net, e, kCreated);
  EXPECT_EQ(r.problem, "");
  EXPECT_EQ(r.event.type_code, "DISC");
  EXPECT_EQ(r.event.un_location_code, "KZHOR");
  EXPECT_EQ(r.event.event_time, *timetable::parse_iso8601("2026-12-18T05:00Z"));
  EXPECT_EQ(r.payload["eventCreatedDateTime"], "2026-12-01T08:00:00Z");
  EXPECT_FALSE(r.payload["eventLocation"]["locationName"].get<std::string>().empty());
}

TEST(PostedEvents, EachFaultNamesItsField) {
  const auto& net = test::hakata_duisburg().net();
  const json good = {{"eventType", "EQUIPMENT"},
                     {"eventClassifierCode", "ACT"},
                     {"eventDateTime", "2026-12-18T05:00:00Z"},
                     {"equipmentEventTypeCode", "DISC"},
                     {"equipmentReference", "CSQU3054383"},
                     {"eventLocation", {{"UNLocationCode", "KZHOR"}}}};
  auto field_of = [&](const std::function<void(json&)>& spoil) {
    json e = good;
    spoil(e);
    return check_posted_event(net, e, kCreated).field;
  };
  EXPECT_EQ(field_of([](json& e) { e["eventType"] = "SHIPMENT"; }), "eventType");
  EXPECT_EQ(field_of([](json& e) { e["eventClassifierCode"] = "PLN"; }), "eventClassifierCode");
  EXPECT_EQ(field_of([](json& e) { e["eventDateTime"] = "yesterday"; }), "eventDateTime");
  EXPECT_EQ(field_of([](json& e) { e["equipmentEventTypeCode"] = "FLY"; }), "equipmentEventTypeCode");
  EXPECT_EQ(field_of([](json& e) { e["equipmentReference"] = "CSQU3054384"; }), "equipmentReference");
  EXPECT_EQ(field_of([](json& e) { e["eventLocation"]["UNLocationCode"] = "XXNOP"; }), "eventLocation.UNLocationCode");
  EXPECT_EQ(field_of([](json& e) { e.erase("eventLocation"); }), "eventLocation.UNLocationCode");
  EXPECT_EQ(field_of([](json& e) {
              e["eventType"] = "TRANSPORT";
              e["transportEventTypeCode"] = "ARRI";
            }),
            "documentReferences");
  EXPECT_EQ(field_of([](json& e) {
              e["eventType"] = "TRANSPORT";
              e["transportEventTypeCode"] = "LOAD";
            }),
            "transportEventTypeCode");
}

}  // namespace
}  // namespace landbridge::service
